"""Accessible: every interactive widget on every page and main dialog has a name a screen
reader reads, and Tab goes through the Jobs page in reading order (issue 16)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from app.bootstrap import seed_defaults
from app.demo import generate_demo
from app.domain import PostingFacts
from app.proposals import submit_defaults
from app.storage.models import JobPosting, Profile
from ui import a11y
from ui.main_window import PAGE_CLASSES, MainWindow
from ui.pages.jobs import JobsPage

pytestmark = pytest.mark.clock  # the demo history ends now


@pytest.fixture
def demo_window(qtbot, ctx):
    with ctx.db.transaction() as session:
        generate_demo(session, jobs=40, proposals=20, seed=5)
    QSettings().clear()
    window = MainWindow(ctx)
    qtbot.add_widget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def assert_all_named(root: QWidget) -> None:
    missing = [a11y.describe(w) for w in a11y.unnamed(root)]
    assert not missing, f"{len(missing)} interactive widgets without a name: {missing}"


def test_the_walk_finds_an_unnamed_widget(qtbot) -> None:
    """The check itself: a bare table is caught, a named one or a label's buddy passes."""
    from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout

    box = QWidget()
    qtbot.add_widget(box)
    layout = QVBoxLayout(box)
    table, edit, label = QTableView(), QLineEdit(), QLabel("&Search:")
    for widget in (label, edit, table):
        layout.addWidget(widget)
    assert set(a11y.unnamed(box)) == {table, edit}
    label.setBuddy(edit)
    assert a11y.unnamed(box) == [table]
    a11y.name(table, "Postings")
    assert a11y.unnamed(box) == []
    assert a11y.accessible_name(edit) == "Search:"


def test_every_page_names_every_interactive_widget(qtbot, demo_window) -> None:
    walked, missing = 0, []
    for cls in PAGE_CLASSES:
        page = demo_window.go_to(cls)
        QApplication.processEvents()
        if hasattr(page, "prepare_screenshot"):  # a selected row: the detail pane filled
            page.prepare_screenshot()
            QApplication.processEvents()
        walked += len(a11y.interactive_widgets(page))
        missing += [f"{cls.title}: {a11y.describe(w)}" for w in a11y.unnamed(page)]
    assert not missing, f"{len(missing)} interactive widgets without a name: {missing}"
    assert walked > 100  # the walk saw the pages' widgets, not an empty tree
    assert_all_named(demo_window.nav)
    assert a11y.accessible_name(demo_window.nav) == "Areas"


def test_the_empty_pages_name_theirs_too(qtbot, window) -> None:
    for cls in PAGE_CLASSES:
        assert_all_named(window.go_to(cls))


def test_the_main_dialogs_name_every_interactive_widget(qtbot, ctx, tmp_path) -> None:
    from ui.dialogs.draft_dialog import DraftDialog, SubmitDialog
    from ui.dialogs.first_run import FirstRunDialog
    from ui.dialogs.import_dialog import ImportDialog
    from ui.dialogs.ledger_dialogs import BonusDialog, BuyDialog, ReconcileDialog
    from ui.dialogs.restore_dialog import RestoreDialog
    from ui.dialogs.review_dialog import ReviewDialog
    from ui.preferences import PreferencesDialog

    seed_defaults(ctx.db)
    with ctx.db.transaction() as session:
        profile = Profile(name="Default", your_name="Dana", is_active=True, skills=[])
        session.add(profile)
        job = JobPosting(dedup_key="k", title="API work", description="Python API", skills=[])
        session.add(job)
        session.flush()
        job_id = job.id
        defaults = submit_defaults(session, job_id, profile)
    export = tmp_path / "postings.json"
    export.write_text(json.dumps([{"title": "A posting", "url": "https://x/1"}]))
    assert ctx.db.path is not None
    dialogs = [
        DraftDialog(ctx, job_id),
        SubmitDialog(defaults),
        ReviewDialog([PostingFacts(title="One"), PostingFacts(title="Two")]),
        ImportDialog(ctx, export),
        BuyDialog(ctx),
        BonusDialog(ctx),
        ReconcileDialog(ctx),
        PreferencesDialog(ctx),
        RestoreDialog(ctx.db.path),
        FirstRunDialog(ctx),
    ]
    missing = []
    for dialog in dialogs:
        qtbot.add_widget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        QApplication.processEvents()
        name = type(dialog).__name__
        missing += [f"{name}: {a11y.describe(w)}" for w in a11y.unnamed(dialog)]
    assert not missing, f"{len(missing)} interactive widgets without a name: {missing}"


def tab_stops(start: QWidget, limit: int = 80) -> list[QWidget]:
    """The widgets Tab visits from ``start`` (focusNextChild, as the key does), once round."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    seen: list[QWidget] = []
    for _ in range(limit):
        widget = QApplication.focusWidget()
        if widget is None or widget in seen:
            break
        seen.append(widget)
        widget.focusNextChild()
        QApplication.processEvents()
    return seen


def test_tab_goes_through_the_jobs_page_in_reading_order(qtbot, demo_window) -> None:
    page = demo_window.go_to(JobsPage)
    page.prepare_screenshot()  # a posting selected: the detail pane is filled
    QApplication.processEvents()
    stops = tab_stops(page.search_edit)
    expected = [
        page.search_edit,
        page.verdict_combo,
        page.status_combo,
        page.date_combo,
        *page.action_buttons.values(),
        page.draft_button,
        page.table,
        page.detail_tabs.tabBar(),
    ]
    positions = [stops.index(w) if w in stops else -1 for w in expected]
    assert -1 not in positions, [a11y.describe(w) + " " + a11y.accessible_name(w) for w in stops]
    assert positions == sorted(positions), [a11y.describe(w) for w in stops]
    # the detail pane is reached after the table: its tab bar, then what the tab shows
    after = stops[positions[-1] + 1 :]
    score = page.score_view
    assert any(score.isAncestorOf(w) for w in after), [a11y.describe(w) for w in stops]
    assert len(stops) >= 12


def test_tab_reaches_every_control_of_every_page(qtbot, demo_window) -> None:
    """No control is left out of the tab chain (a list that kept Tab for its cells
    would end the walk there)."""
    unreached = []
    for cls in PAGE_CLASSES:
        page = demo_window.go_to(cls)
        QApplication.processEvents()
        if hasattr(page, "prepare_screenshot"):
            page.prepare_screenshot()
            QApplication.processEvents()
        stops = tab_stops(demo_window.nav, limit=200)
        wanted = [
            w
            for w in a11y.interactive_widgets(page)
            if w.isVisible()
            and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.focusProxy() is None
        ]
        unreached += [f"{cls.title}: {a11y.describe(w)}" for w in wanted if w not in stops]
    assert not unreached, unreached
