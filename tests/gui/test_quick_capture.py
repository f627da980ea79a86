"""Capture at the speed of copy: the clipboard watch's notice, the tray and the watch folder,
driven through the real widgets and the real clipboard."""

from __future__ import annotations

import logging
import re
import shutil

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget
from sqlalchemy import func, select

from app import settings
from app.storage.models import ImportBatch, JobPosting, ScoreCard
from app.storage.scores import load_card
from tests.test_preview import CHAT, CHAT_LINE, EMAIL, make_profile
from tests.tile_facts import shared_tiles, tile_text
from ui.main_window import MainWindow
from ui.notice import Notice

# scoring and imports read the time: CI reruns these at its clock moments
pytestmark = pytest.mark.clock


VERDICTS = {"apply": "Apply", "maybe": "Maybe", "skip": "Skip"}


def count(db, model) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def watch_on(qtbot, window: MainWindow, settle) -> Notice:
    """Turn the clipboard watch on with its toolbar toggle (stored as a setting)."""
    toggle = window.quick.clipboard.toggle_action
    assert toggle in window.toolbar.actions() and not toggle.isChecked()
    button = window.toolbar.widgetForAction(toggle)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle()
    with window.ctx.db.read() as session:
        assert settings.get(session, "capture.clipboard_watch") is True
    return window.quick.notice


def copy(qtbot, text: str) -> None:
    """What the browser does on Ctrl+C, then wait until the preview has come back."""
    QApplication.clipboard().setText(text)
    QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(20)  # the result reaches the GUI thread through a queued signal


class Browser(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Browser")
        self.field = QLineEdit(self)


@pytest.fixture
def browser(qtbot) -> Browser:
    """Stands in for the browser the user copies in: active, and no window of the app's
    (copies made while the main window or its dialogs are active are the app's own)."""
    browser = Browser()
    qtbot.add_widget(browser)
    browser.show()
    browser.activateWindow()
    browser.field.setFocus()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is browser)
    return browser


@pytest.fixture
def active(qtbot, window: MainWindow, browser: Browser) -> MainWindow:
    """The main window open behind the browser the user is copying in."""
    return window


def test_a_copied_real_posting_shows_its_verdict_and_save_stores_it_scored(
    qtbot, active: MainWindow, browser: Browser, db, settle, shared_postings
) -> None:
    make_profile(db)
    notice = watch_on(qtbot, active, settle)
    tile = shared_tiles(shared_postings)[0]
    copy(qtbot, tile_text(tile))
    qtbot.waitUntil(notice.isVisible)
    assert notice.heading.text() == tile["title"]
    verdict = notice.verdict.text()
    name = verdict.split(" · ")[0]
    assert name in VERDICTS.values() and "score" in verdict
    assert notice.reasons.text() and "Connects" in notice.connects.text()
    assert "per Connect" in notice.connects.text()
    assert notice.state.text() == "New posting"
    assert QApplication.activeWindow() is browser, "the notice took the focus"
    assert count(db, JobPosting) == 0, "nothing is stored before Save"

    qtbot.mouseClick(notice.save_button, Qt.MouseButton.LeftButton)
    settle()
    assert not notice.isVisible()
    with db.read() as session:
        job = session.scalars(select(JobPosting)).one()
        card = load_card(session, job.id)
        assert job.title == tile["title"] and job.source == "clipboard"
        assert card is not None and VERDICTS[card.verdict] == name
        assert f"score {card.total} / 100" in verdict


def test_a_chat_message_shows_nothing_and_stores_nothing(
    qtbot, active: MainWindow, db, settle
) -> None:
    make_profile(db)
    notice = watch_on(qtbot, active, settle)
    copy(qtbot, CHAT)
    assert hasattr(active.quick.clipboard, "task"), "the text was looked at"
    copy(qtbot, CHAT_LINE)
    qtbot.wait(50)
    assert not notice.isVisible()
    assert count(db, JobPosting) == 0 and count(db, ScoreCard) == 0


def test_the_same_posting_copied_again_is_already_saved_and_keys_work(
    qtbot, active: MainWindow, db, settle, shared_postings
) -> None:
    make_profile(db)
    notice = watch_on(qtbot, active, settle)
    text = tile_text(shared_tiles(shared_postings)[3])
    copy(qtbot, text)
    qtbot.waitUntil(notice.isVisible)
    first = notice.verdict.text()
    qtbot.keyClick(
        active, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    settle()
    assert count(db, JobPosting) == 1 and not notice.isVisible()
    QApplication.clipboard().setText("something else entirely, not a posting at all, no")
    copy(qtbot, text)
    qtbot.waitUntil(notice.isVisible)
    assert notice.state.text() == "Already saved"
    assert notice.verdict.text() == first, "the stored verdict"
    assert notice.open_button.isVisible()
    qtbot.keyClick(
        active, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    assert not notice.isVisible()
    assert count(db, JobPosting) == 1


def test_save_what_i_copy_stores_at_once(
    qtbot, active: MainWindow, db, settle, shared_postings
) -> None:
    make_profile(db)
    with db.transaction() as session:
        settings.set_value(session, "capture.save_copied", True)
    active.quick.load_settings()
    notice = watch_on(qtbot, active, settle)
    copy(qtbot, tile_text(shared_tiles(shared_postings)[4]))
    settle()
    qtbot.waitUntil(notice.isVisible)
    assert notice.state.text() == "Saved" and not notice.save_button.isVisible()
    assert count(db, JobPosting) == 1 and count(db, ScoreCard) == 1
    copy(qtbot, EMAIL)  # words enough for `pwb add`, but no posting facts
    settle()
    qtbot.waitUntil(lambda: notice.state.text() == "New posting")
    assert notice.save_button.isVisible() and count(db, JobPosting) == 1


def test_the_watch_is_off_by_default(qtbot, active: MainWindow, db, shared_postings) -> None:
    copy(qtbot, tile_text(shared_tiles(shared_postings)[0]))
    qtbot.wait(50)
    assert not active.quick.notice.isVisible() and count(db, JobPosting) == 0


def test_the_notice_never_takes_the_focus_from_the_window_in_use(
    qtbot, window: MainWindow, db, settle, shared_postings, browser: Browser
) -> None:
    make_profile(db)
    notice = watch_on(qtbot, window, settle)
    field = browser.field
    browser.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is browser)
    copy(qtbot, tile_text(shared_tiles(shared_postings)[5]))
    qtbot.waitUntil(notice.isVisible)
    qtbot.wait(50)
    assert QApplication.activeWindow() is browser and QApplication.focusWidget() is field
    assert notice.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert notice.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert notice.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    # no tray offscreen: a normal small window, not a frameless tool window
    assert not notice.tray and notice.width() < 500
    qtbot.keyClicks(field, "typing goes on")
    assert field.text() == "typing goes on"


def test_the_tray_menu_and_tooltip(qtbot, window: MainWindow, settle) -> None:
    tray = window.quick.tray
    assert "Connects: 0" in tray.icon.toolTip()
    texts = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
    assert texts == ["Watch &clipboard", "Paste posting", "Open Proposal Workbench", "Quit"]
    assert tray.menu.actions()[0] is window.quick.clipboard.toggle_action
    tray.menu.actions()[0].trigger()
    settle()
    assert window.quick.clipboard.enabled
    # closing keeps the app in the tray only where a tray exists (none offscreen)
    with window.ctx.db.transaction() as session:
        settings.set_value(session, "capture.keep_in_tray", True)
    window.quick.load_settings()
    assert not window.quick.keep_in_tray()


def test_a_file_dropped_into_the_watch_folder_is_imported_once(
    qtbot, window: MainWindow, db, tmp_path, shared_postings, settle
) -> None:
    make_profile(db)
    folder = tmp_path / "alerts"
    folder.mkdir()
    with db.transaction() as session:
        settings.set_value(session, "capture.watch_folder", str(folder))
    watch = window.quick.folder
    watch.stable_seconds = 0.4
    watch.timer.setInterval(50)
    window.quick.load_settings()
    assert watch.folder == folder and watch.scan is not None
    data = shared_postings.read_bytes()
    target = folder / "upwork-alerts.json"
    target.write_bytes(data[: len(data) // 2])  # the alert tool is still writing it
    qtbot.wait(150)
    assert watch.results == [] and count(db, JobPosting) == 0
    with target.open("ab") as f:
        f.write(data[len(data) // 2 :])
    qtbot.waitUntil(lambda: len(watch.results) == 1, timeout=10_000)
    settle()
    done = watch.results[0]
    assert done.error is None, done.summary()
    assert done.added == count(db, JobPosting) and done.added + done.updated == 101
    notice = window.quick.notice
    qtbot.waitUntil(notice.isVisible)
    assert notice.heading.text().startswith(f"Watch folder: {done.added} new postings")
    assert notice.verdict.text() == f"Apply: {done.apply_count}" and done.apply_count >= 1
    assert done.apply[0][1] in notice.reasons.text()
    shutil.copy(shared_postings, folder / "again.json")  # the same export saved twice
    qtbot.waitUntil(lambda: len(watch.results) == 2, timeout=10_000)
    assert watch.results[1].duplicate
    assert count(db, ImportBatch) == 1
    (folder / "broken.jsonl").write_text('{"title": \n', "utf-8")
    qtbot.waitUntil(lambda: len(watch.results) == 3, timeout=10_000)
    assert watch.results[2].error and count(db, ImportBatch) == 1
    assert "broken.jsonl:" in notice.state.text()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking
def test_save_and_draft_stores_the_posting_and_opens_its_draft(
    qtbot, active: MainWindow, db, settle, shared_postings
) -> None:
    from ui.pages.jobs import JobsPage

    make_profile(db)
    notice = watch_on(qtbot, active, settle)
    tile = shared_tiles(shared_postings)[6]
    copy(qtbot, tile_text(tile))
    qtbot.waitUntil(notice.isVisible)
    qtbot.mouseClick(notice.draft_button, Qt.MouseButton.LeftButton)
    settle()
    page = active.page(JobsPage)
    qtbot.waitUntil(lambda: getattr(page, "draft_dialog", None) is not None)
    with db.read() as session:
        job = session.scalars(select(JobPosting)).one()
    dialog = page.draft_dialog
    assert dialog is not None and dialog.job_id == job.id and job.title == tile["title"]
    assert not notice.isVisible()
    dialog.reject()


def test_the_notice_keys_are_on_the_shortcut_sheet(window: MainWindow) -> None:
    sections = dict(window.shortcut_sections())
    (rows,) = [v for k, v in sections.items() if k.startswith("Clipboard notice")]
    assert [text for _keys, text in rows] == ["Save", "Save + Draft", "Dismiss"]


def copy_in(qtbot, editor: QPlainTextEdit) -> None:
    """Select all of an editor's text and press Ctrl+C in it, as the user does."""
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(20)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking
def test_copies_made_in_the_app_itself_are_not_previewed(
    qtbot, window: MainWindow, browser: Browser, db, settle, shared_postings
) -> None:
    from ui.pages.jobs import JobsPage

    make_profile(db)
    notice = watch_on(qtbot, window, settle)
    text = tile_text(shared_tiles(shared_postings)[2])
    copy(qtbot, text)  # in the browser: previewed, and saved
    qtbot.waitUntil(notice.isVisible)
    qtbot.mouseClick(notice.save_button, Qt.MouseButton.LeftButton)
    settle()
    assert count(db, JobPosting) == 1 and not notice.isVisible()
    watch = window.quick.clipboard
    looked_at = watch.task

    # the Jobs page: the posting's raw text, selected and copied with Ctrl+C
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page = window.go_to(JobsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    page.detail_tabs.setCurrentWidget(page.raw_text)
    QApplication.clipboard().setText("")
    copy_in(qtbot, page.raw_text)
    assert QApplication.clipboard().text() == page.raw_text.toPlainText() != ""
    assert watch.task is looked_at and not notice.isVisible(), "a copy in the Jobs page"

    # the draft dialog's editor (a modal dialog of the main window), the posting pasted in it
    assert len(page.selected_ids()) == 1, page.selected_ids()
    page.draft_proposal()
    qtbot.waitUntil(lambda: getattr(page, "draft_dialog", None) is not None)
    dialog = page.draft_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.text.setPlainText(text)
    copy_in(qtbot, dialog.text)
    assert QApplication.clipboard().text() == text
    assert watch.task is looked_at and not notice.isVisible(), "a copy in the draft editor"
    dialog.reject()

    # the same text copied in the browser again is looked at: "Already saved"
    browser.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is browser)
    QApplication.clipboard().setText("")
    copy(qtbot, text)
    qtbot.waitUntil(notice.isVisible)
    assert watch.task is not looked_at and notice.state.text() == "Already saved"
    assert count(db, JobPosting) == 1


def test_a_failing_preview_logs_one_line_and_never_the_copied_text(
    qtbot, active: MainWindow, db, settle, shared_postings, monkeypatch, caplog, capfd
) -> None:
    import ui.clipboard_watch as watch_module
    from app.logs import setup_logging

    make_profile(db)
    target = setup_logging()
    assert target is not None
    notice = watch_on(qtbot, active, settle)
    secret = "SECRET-4711-client-phone-555-0199"
    real = watch_module.preview_text

    def preview_text(session, text):  # a bug that quotes what was copied, in a local too
        copied = text
        if secret in copied:
            raise ValueError(f"cannot read {copied!r}")
        return real(session, text)

    monkeypatch.setattr(watch_module, "preview_text", preview_text)
    caplog.set_level(logging.DEBUG)
    tile = shared_tiles(shared_postings)[7]
    copy(qtbot, f"{tile_text(tile)}\nCall me: {secret}\n")
    qtbot.wait(50)
    assert not notice.isVisible() and count(db, JobPosting) == 0
    failed = [r for r in caplog.records if "preview failed" in r.getMessage()]
    assert len(failed) == 1, caplog.text
    (record,) = failed
    assert record.exc_info is None and record.levelno == logging.WARNING
    message = record.getMessage()
    assert message.startswith("clipboard preview failed: ValueError at gui/test_quick_capture.py:")
    assert message.endswith(" in preview_text") and "\n" not in message
    for logged in caplog.records:
        assert secret not in logged.getMessage() and secret not in repr(logged.args)
        assert logged.exc_info is None or secret not in repr(logged.exc_info[1])
    assert secret not in caplog.text
    for handler in logging.getLogger("pwb").handlers:
        handler.flush()
    written = target.read_text(encoding="utf-8")
    assert message in written and secret not in written
    out, err = capfd.readouterr()
    assert secret not in out and secret not in err
    # the watch goes on: the posting without the secret is previewed
    copy(qtbot, tile_text(tile))
    qtbot.waitUntil(notice.isVisible)
    assert notice.heading.text() == tile["title"]


def plural_qm(tmp_path, locale: str):
    """Every message as "⟦text⟧"; a plural one in Esperanto's two forms (one, other)."""
    from tests.gui.test_translation import pseudo_qm

    return pseudo_qm(tmp_path, locale, ("one", "other"))


def test_the_notice_and_tray_speak_the_translation_with_its_plurals(
    qtbot, active: MainWindow, db, settle, shared_postings, tmp_path, monkeypatch
) -> None:
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    from ui import i18n

    make_profile(db)
    qm = plural_qm(tmp_path, "eo")
    monkeypatch.setattr(i18n, "i18n_dir", lambda: qm.parent)
    app = QCoreApplication.instance()
    assert app is not None
    before = set(app.findChildren(QTranslator))
    assert f"{i18n.CATALOGUE}_eo.qm" in i18n.install_translators(app, QLocale("eo"))
    try:
        notice = Notice(tray=False)
        qtbot.add_widget(notice)
        assert notice.save_button.text() == "⟦Save⟧"
        assert notice.dismiss_button.text() == "⟦Dismiss⟧"
        tiles = shared_tiles(shared_postings)
        with db.read() as session:
            from app.preview import preview_text

            found = preview_text(session, tile_text(tiles[0]) + "\n\n" + tile_text(tiles[1]))
        assert found is not None and len(found) == 2
        notice.show_posting(found)
        assert notice.heading.text().endswith("⟦one: (+1 more in the copied text)⟧")
        assert notice.state.text() == "⟦New posting⟧"
        assert re.fullmatch(r"⟦⟦(Apply|Maybe|Skip)⟧ · score \d+ / 100⟧", notice.verdict.text())
        assert "⟦" in notice.connects.text() and "per Connect" in notice.connects.text()
        assert notice.connects.text().startswith("⟦other: ")  # 8+ Connects
        notice.show_posting(found[:1])
        assert "more in the copied text" not in notice.heading.text()
        watch = active.quick.clipboard
        messages: list[str] = []
        active.ctx.message.connect(messages.append)
        watch._after_save([1], draft=False, show=False)
        watch._after_save([1, 2], draft=False, show=False)
        assert messages[-2:] == [
            "⟦one: Saved 1 copied posting⟧",
            "⟦other: Saved 2 copied postings⟧",
        ]
        tray = active.quick.tray
        tray.refresh()
        assert tray.icon.toolTip().endswith("⟦Connects: 0⟧")
    finally:
        for translator in set(app.findChildren(QTranslator)) - before:
            app.removeTranslator(translator)
            translator.deleteLater()
