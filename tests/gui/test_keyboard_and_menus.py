"""Triage at keyboard speed, the menus with their shortcuts, the shortcuts sheet, undo, About."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.domain import BudgetType, PostingFacts
from app.storage.jobs import add_posting, get_job
from ui.main_window import MainWindow
from ui.pages.jobs import JobsPage
from ui.theme import apply_theme

TILE = (
    "Python scraper for real estate listings\n"
    "Hourly: $15-$35 - Intermediate - Est. Time: Less than 1 month, Less than 30 hrs/week "
    "We need a scraper that collects listings from three agency sites every morning.\n"
    "Data ScrapingPython\n"
    "Payment verified Rating is 4.9 out of 5. $10K+ spent Canada Proposals: 10 to 15 "
    "Connects to apply: 8 Connects Posted yesterday\n"
)


def fill(db, n: int) -> list[int]:
    with db.transaction() as session:
        return [
            add_posting(
                session,
                PostingFacts(
                    title=f"Job {i}",
                    description=f"Posting number {i}",
                    url=f"https://www.upwork.com/jobs/~01{i:016x}",
                    budget_type=BudgetType.FIXED,
                    fixed_budget=float(100 + i),
                ),
            )[0].id
            for i in range(n)
        ]


def triage_page(qtbot, window: MainWindow, db, n: int = 5) -> tuple[JobsPage, list[int]]:
    fill(db, n)
    page = window.go_to(JobsPage)
    page.reload()
    page.table.setFocus()
    page.select_row(0)
    ids = [page.model.job_id(r) for r in range(page.model.rowCount())]
    assert None not in ids
    return page, ids  # type: ignore[return-value]


def current_id(page: JobsPage) -> int | None:
    return page.model.job_id(page.table.currentIndex().row())


def press(qtbot, page: JobsPage, key: Qt.Key, settle) -> None:
    qtbot.keyClick(page.table, key)
    settle()


def test_s_k_a_del_keep_the_cursor_moving(qtbot, window: MainWindow, db, settle) -> None:
    page, ids = triage_page(qtbot, window, db)
    assert page.selected_ids() == [ids[0]]
    press(qtbot, page, Qt.Key.Key_K, settle)  # skip: it leaves Open, the next one is selected
    assert page.selected_ids() == [ids[1]] and current_id(page) == ids[1]
    press(qtbot, page, Qt.Key.Key_K, settle)  # the next K acts on the next posting
    assert page.selected_ids() == [ids[2]]
    press(qtbot, page, Qt.Key.Key_S, settle)  # shortlist: it stays, the cursor moves on
    assert page.selected_ids() == [ids[3]] and page.model.row_of(ids[2]) is not None
    qtbot.keyClick(page.table, Qt.Key.Key_Up)  # the arrows go on from the cursor
    assert page.selected_ids() == [ids[2]]
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    press(qtbot, page, Qt.Key.Key_A, settle)
    assert page.selected_ids() == [ids[4]]
    press(qtbot, page, Qt.Key.Key_Delete, settle)  # the last row: the one above is next
    assert page.selected_ids() == [ids[2]]
    with db.read() as session:
        statuses = [get_job(session, i).status for i in ids]
        assert statuses == ["skipped", "skipped", "shortlisted", "archived", "new"]
        assert get_job(session, ids[4]).deleted_at is not None


def test_enter_drafts_and_space_opens_the_detail(qtbot, window: MainWindow, db) -> None:
    page, ids = triage_page(qtbot, window, db, 2)
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert page.detail_stack.currentIndex() == 1
    focused = QApplication.focusWidget()
    assert focused is not None and page.detail_tabs.isAncestorOf(focused)
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    assert page.table.hasFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.draft_dialog
    assert dialog is not None and dialog.isVisible() and dialog.job_id == ids[0]
    dialog.close()


def menu_actions(window: MainWindow):
    for menu in (window.file_menu, window.edit_menu, window.go_menu, window.help_menu):
        for action in menu.actions():
            if not action.isSeparator():
                yield menu, action


def test_full_menus_and_every_action_shows_its_shortcut(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Go", "&Help"]
    texts = {menu.title(): [a.text() for a in menu.actions() if not a.isSeparator()]
             for menu, _ in menu_actions(window)}  # fmt: skip
    assert texts["&File"] == [
        "&Paste posting",
        "&Import postings…",
        "&Back up now",
        "&Restore backup…",
        "&Export everything…",
        "Import e&verything…",
        "Connect to &team server…",
        "Open &data folder",
        "&Quit",
    ]
    assert texts["&Edit"] == ["&Undo", "Undo last &import…", "&Preferences…"]
    assert texts["&Go"] == ["Jobs", "Proposals", "Saved replies", "Connects", "Insights", "Profile"]
    assert texts["&Help"] == ["&Keyboard shortcuts", "&About Proposal Workbench"]
    for _menu, action in menu_actions(window):
        if action is window.about_action:
            continue  # About has no key of its own on any platform
        assert not action.shortcut().isEmpty(), action.text()
        assert action.isShortcutVisibleInContextMenu(), action.text()
    assert window.shortcuts_action.shortcut() == QKeySequence("F1")
    shortcuts = [
        a.shortcut().toString() for _, a in menu_actions(window) if not a.shortcut().isEmpty()
    ]
    assert len(shortcuts) == len(set(shortcuts)), "two actions share a key"


def test_f1_opens_the_sheet_that_lists_every_shortcut(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    sheet = window.shortcuts_dialog
    qtbot.waitUntil(sheet.isVisible)
    listed = sheet.listed()
    keys = {(section, keys) for section, keys, _ in listed}
    for menu, action in menu_actions(window):
        if action.shortcut().isEmpty():
            continue
        native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert (menu.title().replace("&", ""), native) in keys, action.text()
    jobs = {k: text for section, k, text in listed if section == "Jobs page"}
    for key in ("S", "K", "A", "Del", "Return", "Space"):
        assert QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) in jobs
    assert any(section == "Proposals page" and k == "N" for section, k, _ in listed)
    sheet.close()


def test_undo_bar_hides_and_undo_stays_in_the_edit_menu(
    qtbot, window: MainWindow, db, settle
) -> None:
    page, ids = triage_page(qtbot, window, db, 3)
    page.undo_timer.setInterval(200)
    press(qtbot, page, Qt.Key.Key_K, settle)
    assert page.undo_bar.isVisible()
    qtbot.waitUntil(lambda: not page.undo_bar.isVisible(), timeout=3000)
    assert (
        window.undo_action.isEnabled() and window.undo_action.text() == "&Undo Skipped: 1 posting"
    )
    window.undo_action.trigger()
    settle()
    with db.read() as session:
        assert get_job(session, ids[0]).status == "new"
    assert not window.undo_action.isEnabled()

    # a change made elsewhere (a paste) ends the undo: it never brings back old work
    press(qtbot, page, Qt.Key.Key_Delete, settle)
    assert window.undo_action.isEnabled()
    QApplication.clipboard().setText(TILE)
    window.paste_action.trigger()
    qtbot.mouseClick(
        window.review_dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
        Qt.MouseButton.LeftButton,
    )
    settle()
    assert not window.undo_action.isEnabled() and not page.undo_bar.isVisible()


def test_about_names_versions_and_paths(qtbot, window: MainWindow, db) -> None:
    import platform

    import PySide6
    from PySide6.QtCore import qVersion

    from app.logs import log_file

    window.about_action.trigger()
    box = window.about_box
    qtbot.waitUntil(box.isVisible)
    text = box.text()
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert f"Qt {qVersion()}" in text and f"PySide6 {PySide6.__version__}" in text
    assert f"Python {platform.python_version()}" in text
    assert str(db.path) in text and str(db.path.parent) in text and str(log_file()) in text
    box.close()


def test_back_up_now_and_open_the_data_folder(
    qtbot, window: MainWindow, db, monkeypatch, tmp_path: Path
) -> None:
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    window.data_folder_action.trigger()
    assert [Path(u.toLocalFile()) for u in opened] == [db.path.parent]
    with qtbot.waitSignal(
        window.ctx.message, timeout=5000, check_params_cb=lambda t: "Backed up" in t
    ):
        window.backup_action.trigger()
    backups = list((db.path.parent / "backups").glob("*.sqlite3"))
    assert len(backups) == 1 and backups[0].stat().st_size > 0


def test_focus_is_visible_in_the_dark_theme(qtbot, qapp, window: MainWindow, db) -> None:
    page, _ids = triage_page(qtbot, window, db, 2)
    try:
        apply_theme(qapp, "dark")
        page.table.setFocus()
        qtbot.waitUntil(page.table.hasFocus)
        image = page.table.grab().toImage()
        edge = QColor(image.pixel(1, image.height() // 2))
        assert edge == qapp.palette().highlight().color()
        page.search_edit.setFocus()
        image = page.table.grab().toImage()
        assert QColor(image.pixel(1, image.height() // 2)) != qapp.palette().highlight().color()
    finally:
        apply_theme(qapp, "light")
    assert QSettings().value("ui/theme") is None  # the test changed nothing stored
