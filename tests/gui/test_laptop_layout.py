"""Readable at laptop sizes (key columns kept, reasons wrapped), layouts remembered, live theme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication

from app.demo import generate_demo
from ui.main_window import MainWindow
from ui.models.jobs_model import BUDGET, CLIENT, CONNECTS, POSTED, PROPOSALS, TITLE, VERDICT
from ui.pages.jobs import JobsPage
from ui.pages.proposals import ProposalsPage
from ui.theme import apply_theme, is_dark

pytestmark = pytest.mark.clock  # the demo history ends now


@pytest.fixture
def demo_window(qtbot, ctx):
    with ctx.db.transaction() as session:
        generate_demo(session, jobs=60, proposals=30, seed=3)
    QSettings().clear()
    window = MainWindow(ctx)
    qtbot.add_widget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def at_size(qtbot, window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    for _ in range(3):
        QGuiApplication.processEvents()


def test_at_1024x700_the_jobs_page_keeps_its_key_columns(qtbot, demo_window) -> None:
    page = demo_window.go_to(JobsPage)
    at_size(qtbot, demo_window, 1024, 700)
    table = page.table
    for column in (VERDICT, TITLE, BUDGET, CONNECTS, POSTED):
        assert not table.isColumnHidden(column), column
    assert table.columnWidth(TITLE) >= page.column_fitter.min_stretch
    assert table.horizontalScrollBar().maximum() == 0  # nothing cut off on the right
    assert table.isColumnHidden(CLIENT)  # made room, least important first
    at_size(qtbot, demo_window, 1280, 800)
    qtbot.waitUntil(lambda: not table.isColumnHidden(CLIENT))
    assert not table.isColumnHidden(PROPOSALS)
    assert table.horizontalScrollBar().maximum() == 0


def test_at_1024x700_the_proposals_page_keeps_the_posting_readable(qtbot, demo_window) -> None:
    page = demo_window.go_to(ProposalsPage)
    at_size(qtbot, demo_window, 1024, 700)
    assert page.table.columnWidth(0) >= 180
    assert page.table.horizontalScrollBar().maximum() == 0
    for column in (1, 2, 3):  # status, bid, Connects stay
        assert not page.table.isColumnHidden(column)


def test_the_score_card_wraps_its_reasons(qtbot, demo_window) -> None:
    page = demo_window.go_to(JobsPage)
    at_size(qtbot, demo_window, 1024, 700)
    page.select_row(0)
    view = page.score_view.factors_view
    qtbot.waitUntil(lambda: view.model().rowCount() > 0)
    assert view.horizontalScrollBar().maximum() == 0
    assert view.textElideMode() == Qt.TextElideMode.ElideNone
    for row in range(view.model().rowCount()):
        assert view.rowHeight(row) >= view.sizeHintForRow(row), row
    why = view.model().columnCount() - 1
    used = sum(view.columnWidth(c) for c in range(why + 1))
    assert used <= view.viewport().width()


def test_splitters_and_columns_are_remembered(qtbot, ctx, demo_window) -> None:
    page = demo_window.go_to(JobsPage)
    at_size(qtbot, demo_window, 1280, 800)
    page.splitter.setSizes([900, 300])
    sizes = page.splitter.sizes()
    page.column_fitter.set_user_hidden(PROPOSALS, True)
    proposals = demo_window.go_to(ProposalsPage)
    proposals.splitter.setSizes([800, 300])
    remembered = proposals.splitter.sizes()
    demo_window.close()

    again = MainWindow(ctx)
    qtbot.add_widget(again)
    again.show()
    at_size(qtbot, again, 1280, 800)
    jobs = again.go_to(JobsPage)
    assert jobs.splitter.sizes() == sizes
    assert jobs.table.isColumnHidden(PROPOSALS) and jobs.column_fitter.user_hidden(PROPOSALS)
    assert again.go_to(ProposalsPage).splitter.sizes() == remembered


def test_a_running_app_follows_the_system_scheme_and_retints_its_icons(qtbot, qapp, window) -> None:
    assert not is_dark() and QSettings().value("ui/theme") is None  # "system"
    light_icons = window.icon_color
    hints = QGuiApplication.styleHints()
    try:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert is_dark()
        assert window.icon_color == qapp.palette().windowText().color().name() != light_icons
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert not is_dark() and window.icon_color == light_icons
        QSettings().setValue("ui/theme", "light")  # a chosen theme is kept
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert not is_dark()
        apply_theme(qapp, "dark")  # Preferences → Dark: the icons follow too
        qtbot.waitUntil(lambda: window.icon_color != light_icons)
    finally:
        QSettings().remove("ui/theme")
        apply_theme(qapp, "light")
