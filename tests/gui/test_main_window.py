from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QSpinBox, QWidget
from sqlalchemy import select

from app import settings
from app.storage.models import LedgerEntry
from ui import screenshots
from ui.main_window import PAGE_CLASSES, MainWindow
from ui.preferences import PreferencesDialog

AREAS = ["Jobs", "Proposals", "Saved replies", "Connects", "Insights", "Profile"]


def test_navigation_shows_each_page(qtbot, window: MainWindow) -> None:
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == AREAS
    for row, title in enumerate(AREAS):
        rect = window.nav.visualItemRect(window.nav.item(row))
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.current_page().title == title
        assert window.current_page().isVisible()
        assert window.current_page().title_label.text() == title


def test_keyboard_shortcuts_switch_pages(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().title == "Connects"
    for row, title in enumerate(AREAS):
        qtbot.keyClick(
            window, getattr(Qt.Key, f"Key_{row + 1}"), Qt.KeyboardModifier.ControlModifier
        )
        assert window.current_page().title == title and window.current_page().isVisible()


def test_pages_are_built_when_first_shown(qtbot, window: MainWindow) -> None:
    from ui.pages.insights import InsightsPage
    from ui.pages.jobs import JobsPage

    assert [cls for cls in PAGE_CLASSES if window.is_built(cls)] == [JobsPage]
    assert window.stack.count() == len(PAGE_CLASSES)
    insights = window.go_to(InsightsPage)
    assert window.current_page() is insights and insights.isVisible()
    assert window.stack.currentWidget() is insights
    assert window.stack.indexOf(insights) == PAGE_CLASSES.index(InsightsPage)
    window.nav.setCurrentRow(0)
    assert window.go_to(InsightsPage) is insights  # built once
    assert [cls for cls in PAGE_CLASSES if window.is_built(cls)] == [JobsPage, InsightsPage]
    # asking for a page builds it without showing it
    profile = window.page(PAGE_CLASSES[5])
    assert window.current_page() is insights and not profile.isVisible()
    assert window.stack.count() == len(PAGE_CLASSES)


def test_status_bar_names_database_and_balance(qtbot, window: MainWindow, db) -> None:
    assert db.location in window.db_label.text()
    assert window.balance_label.text() == "Connects: 0"
    with db.transaction() as session:
        session.add(LedgerEntry(kind="purchase", amount=40, usd=6.0))
    window.ctx.ledger_changed.emit()
    assert window.balance_label.text() == "Connects: 40"


def test_last_page_is_remembered(qtbot, ctx, window: MainWindow) -> None:
    window.nav.setCurrentRow(2)
    window.close()
    assert QSettings().value("window/page") in (2, "2")
    again = MainWindow(ctx)
    qtbot.add_widget(again)
    assert again.current_page().title == "Saved replies"
    assert [cls.title for cls in PAGE_CLASSES if again.is_built(cls)] == ["Saved replies"]


def test_empty_states_say_what_to_do(window: MainWindow) -> None:
    for cls in PAGE_CLASSES:
        page = window.page(cls)
        assert len(page.empty_state.text_label.text()) > 40
        assert page.stack.currentWidget() is page.empty_state


def click_ok(dialog: QWidget) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def spin(dialog: PreferencesDialog, key: str) -> QSpinBox:
    widget = dialog.editors[key].widget
    assert isinstance(widget, QSpinBox)
    return widget


def test_preferences_store_thresholds(qtbot, window: MainWindow, db) -> None:
    def fill_and_accept() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PreferencesDialog)
        spin(dialog, "score.apply_threshold").setValue(80)
        click_ok(dialog)

    QTimer.singleShot(0, fill_and_accept)
    window.preferences_action.trigger()
    with db.read() as session:
        assert settings.get(session, "score.apply_threshold") == 80


def test_screenshot_tool_writes_one_png_per_page(qapp, db, tmp_path: Path) -> None:
    out = tmp_path / "shots"
    assert screenshots.main([str(out), "--db", db.location, "--size", "900x600"]) == 0
    names = sorted(p.name for p in out.glob("*.png"))
    assert len(names) == 14  # six pages and the Connect to team server dialog, in two themes
    assert "jobs.png" in names and "profile-dark.png" in names
    assert "connect-dialog.png" in names and "connect-dialog-dark.png" in names
    assert all((out / n).stat().st_size > 5000 for n in names)


def test_new_thresholds_rescore_stored_postings(qtbot, window: MainWindow, db) -> None:
    from app.capture import capture_text
    from app.profiles import first_run_profile, save_profile
    from app.storage.models import ScoreCard
    from ui.pages.profile import ProfilePage

    with db.transaction() as session:
        save_profile(session, first_run_profile("Python developer", "Python", 40.0))
        capture_text(
            session,
            "Python scraper\nFixed-price - Expert - Est. Budget: $500 - Scrape listings daily with "
            "Python. We sell used bikes and want the prices of five competitor shops every "
            "morning in a spreadsheet, with the product name, price and link, and a note when "
            "a shop changes its pages.\nPython\n",
        )
    page = window.page(ProfilePage)
    page.refresh()
    qtbot.waitUntil(lambda: not page.rescoring, timeout=10000)
    with db.read() as session:
        before = session.scalar(select(ScoreCard))
    assert before is not None

    def set_and_accept() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PreferencesDialog)
        spin(dialog, "score.maybe_threshold").setValue(0)
        spin(dialog, "score.apply_threshold").setValue(1)
        click_ok(dialog)

    QTimer.singleShot(0, set_and_accept)
    window.preferences_action.trigger()
    qtbot.waitUntil(lambda: not page.rescoring, timeout=10000)

    def rescored() -> bool:
        with db.read() as session:
            return session.scalar(select(ScoreCard.verdict)) == "apply"

    qtbot.waitUntil(rescored, timeout=10000)
