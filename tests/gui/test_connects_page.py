"""The Connects page: buy, bonus, reconcile as a user does, and the ledger table."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from app import clock, ledger
from app.proposals import submit_proposal
from app.storage.models import JobPosting, LedgerEntry
from ui.dialogs.ledger_dialogs import BonusDialog, BuyDialog, LedgerDialog, ReconcileDialog
from ui.main_window import MainWindow
from ui.models.ledger_model import LedgerTableModel
from ui.pages.connects import ConnectsPage

D = TypeVar("D", bound=LedgerDialog)

pytestmark = pytest.mark.clock  # reads the time: .ci/run repeats it at awkward dates


def connects_page(qtbot, window: MainWindow) -> ConnectsPage:
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    assert isinstance(page, ConnectsPage)
    return page


def stored(db) -> list[tuple[str, int, float | None]]:
    with db.read() as session:
        rows = session.scalars(select(LedgerEntry).order_by(LedgerEntry.id))
        return [(e.kind, e.amount, e.usd) for e in rows]


def shown_dialog(page: ConnectsPage, kind: type[D]) -> D:
    """The ledger dialog ``page`` opened last, which must be a ``kind``."""
    assert isinstance(page.dialog, kind), page.dialog
    return page.dialog


def click_ok(qtbot, dialog) -> None:
    """OK, then wait for the write to report back (it runs off the GUI thread)."""
    from ui import ops

    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ops.running() == 0)


def test_buy_a_bundle(qtbot, window: MainWindow, db) -> None:
    page = connects_page(qtbot, window)
    assert page.stack.currentWidget() is page.empty_state
    qtbot.mouseClick(page.buy_button, Qt.MouseButton.LeftButton)
    dialog = shown_dialog(page, BuyDialog)
    assert dialog.isVisible()
    dialog.bundle.setCurrentIndex(dialog.bundle.findData(40))
    assert dialog.usd.value() == 6.0  # 40 × $0.15
    dialog.usd.clear()
    qtbot.keyClicks(dialog.usd, "5.50")
    with qtbot.wait_signal(window.ctx.ledger_changed):
        click_ok(qtbot, dialog)
    assert stored(db) == [("purchase", 40, 5.5)]
    assert page.stack.currentWidget() is page.content
    assert page.model.rowCount() == 1
    assert page.model.index(0, 1).data() == "Purchase"
    assert page.model.index(0, 2).data() == "+40"
    assert page.model.index(0, 3).data() == "$5.50"
    assert page.balance_label.text() == "40 Connects"
    assert "40 Connects expire on" in page.expiry_label.text()
    assert window.balance_label.text() == "Connects: 40"


def test_bonus_then_reconcile(qtbot, window: MainWindow, db) -> None:
    page = connects_page(qtbot, window)
    qtbot.mouseClick(page.bonus_button, Qt.MouseButton.LeftButton)
    bonus = shown_dialog(page, BonusDialog)
    bonus.amount.clear()
    qtbot.keyClicks(bonus.amount, "12")
    qtbot.keyClicks(bonus.note, "referral")
    click_ok(qtbot, bonus)
    qtbot.mouseClick(page.reconcile_button, Qt.MouseButton.LeftButton)
    dialog = shown_dialog(page, ReconcileDialog)
    assert dialog.platform.value() == 12
    dialog.platform.clear()
    qtbot.keyClicks(dialog.platform, "46")
    assert "correction of +34 Connects" in dialog.preview.text()
    with qtbot.wait_signal(window.ctx.ledger_changed):
        click_ok(qtbot, dialog)
    assert stored(db) == [("bonus", 12, None), ("correction", 34, None)]
    assert window.balance_label.text() == "Connects: 46"
    assert page.model.rowCount() == 2
    # filter by kind
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("bonus"))
    assert page.model.rowCount() == 1 and page.model.index(0, 5).data() == "referral"
    assert "1 of 2 entries" in page.count_label.text()


def test_refused_input_keeps_the_dialog_open_and_posts_nothing(qtbot, window, db) -> None:
    page = connects_page(qtbot, window)
    qtbot.mouseClick(page.reconcile_button, Qt.MouseButton.LeftButton)
    dialog = shown_dialog(page, ReconcileDialog)
    assert "already matches" in dialog.preview.text()
    with qtbot.assert_not_emitted(window.ctx.ledger_changed):
        click_ok(qtbot, dialog)  # platform 0, ledger 0: nothing to post
    assert stored(db) == []
    qtbot.mouseClick(page.buy_button, Qt.MouseButton.LeftButton)
    buy = shown_dialog(page, BuyDialog)
    buy.when.setMaximumDateTime(buy.when.dateTime().addDays(30))
    buy.when.setDateTime(buy.when.dateTime().addDays(3))
    with qtbot.assert_not_emitted(window.ctx.ledger_changed):
        click_ok(qtbot, buy)
    assert buy.isVisible() and "in the future" in buy.error_label.text()
    assert stored(db) == []


def test_entries_show_and_open_their_proposal(qtbot, window: MainWindow, db) -> None:
    at = clock.now() - timedelta(days=2)
    with db.transaction() as session:
        job = JobPosting(dedup_key="k", title="Fix my Django app")
        session.add(job)
        session.flush()
        ledger.buy(session, 20, at=at)
        pid = submit_proposal(session, job_id=job.id, connects=8, boost=2, at=at).id
    window.ctx.ledger_changed.emit()
    page = connects_page(qtbot, window)
    assert page.model.rowCount() == 3
    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # by amount
    assert [page.model.index(r, 2).data() for r in range(3)] == ["-8", "-2", "+20"]
    assert page.model.index(0, 4).data() == f"#{pid} Fix my Django app"
    with qtbot.wait_signal(page.proposal_requested) as signal:
        page.table.doubleClicked.emit(page.model.index(0, 4))
    assert signal.args == [pid]


def test_low_balance_warning_is_shown(qtbot, window: MainWindow, db) -> None:
    with db.transaction() as session:
        ledger.post_entry(session, "bonus", 3, at=clock.now() - timedelta(days=1))
    window.ctx.ledger_changed.emit()
    page = connects_page(qtbot, window)
    assert page.warning_label.isVisibleTo(page)
    assert "cannot cover a typical proposal" in page.warning_label.text()


def test_ledger_model_passes_the_model_tester(qtmodeltester, db) -> None:
    at = datetime(2025, 1, 1, tzinfo=UTC)
    with db.transaction() as session:
        ledger.buy(session, 40, at=at)
        ledger.post_entry(session, "spend", 6, at=at + timedelta(days=1))
        ledger.post_entry(session, "bonus", 5, at=at + timedelta(days=2), note="promo")
        rows = ledger.entry_views(session)
    model = LedgerTableModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    model.sort(3, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, 3).data() for r in range(3)] == ["", "", "$6.00"]
    qtmodeltester.check(model)


def test_custom_date_range_filters_entries(qtbot, window: MainWindow, db) -> None:
    from PySide6.QtCore import QDate

    with db.transaction() as session:
        ledger.post_entry(session, "bonus", 5, at=datetime(2025, 3, 10, tzinfo=UTC))
        ledger.post_entry(session, "bonus", 7, at=datetime(2025, 6, 10, tzinfo=UTC))
    window.ctx.ledger_changed.emit()
    page = connects_page(qtbot, window)
    assert page.model.rowCount() == 2
    page.period_filter.setCurrentIndex(page.period_filter.findText("Custom range"))
    assert page.from_date.isEnabled()
    page.from_date.setDate(QDate(2025, 3, 1))
    page.to_date.setDate(QDate(2025, 3, 31))
    assert page.model.rowCount() == 1 and page.model.index(0, 2).data() == "+5"
    page.period_filter.setCurrentIndex(page.period_filter.findText("Last 30 days"))
    assert page.model.rowCount() == 0 and "match the filter" in page.count_label.text()
    assert page.stack.currentWidget() is page.content  # filtered out is not "empty"


def test_empty_state_offers_reconcile(qtbot, window: MainWindow) -> None:
    page = connects_page(qtbot, window)
    assert page.empty_state.button is not None
    qtbot.mouseClick(page.empty_state.button, Qt.MouseButton.LeftButton)
    assert isinstance(page.dialog, ReconcileDialog) and page.dialog.isVisible()
    page.dialog.reject()


def test_opening_the_app_posts_missed_allocations(db_path) -> None:
    from app.storage import open_database
    from ui.main import open_for_gui

    db = open_database(str(db_path))
    with db.transaction() as session:
        ledger.reconcile(session, 5, at=clock.now() - timedelta(days=70))
    db.close()
    for _ in range(2):  # opening twice posts them once
        db = open_for_gui(str(db_path))
        db.close()
    db = open_database(str(db_path))
    with db.read() as session:
        allocations = ledger.list_entries(session, kinds=["allocation"])
    db.close()
    assert len(allocations) in (2, 3) and all(e.amount == 10 for e in allocations)
    assert len({(e.at.year, e.at.month) for e in allocations}) == len(allocations)


def test_submitting_elsewhere_updates_the_status_bar(qtbot, window: MainWindow, db) -> None:
    with db.transaction() as session:
        job = JobPosting(dedup_key="k", title="Django")
        session.add(job)
        session.flush()
        ledger.buy(session, 20, at=clock.now())
        submit_proposal(session, job_id=job.id, connects=6)
    window.ctx.proposals_changed.emit()
    assert window.balance_label.text() == "Connects: 14"


def test_an_open_app_catches_up_when_time_passes(qtbot, window: MainWindow, db) -> None:
    from app import settings

    page = connects_page(qtbot, window)
    assert window.catch_up_timer.isActive()
    # free Connects arrive on a day well away from the last three, whatever today is
    billing_day = min(28, (clock.today() + timedelta(days=10)).day)
    with db.transaction() as session:
        settings.set_value(session, "connects.expiry_days", 1)
        settings.set_value(session, "connects.billing_day", billing_day)
        ledger.post_entry(session, "bonus", 4, at=clock.now() - timedelta(days=3))
    window.catch_up_timer.setInterval(20)  # let the hour pass quickly
    with qtbot.wait_signal(window.ctx.ledger_changed, timeout=5000):
        pass
    window.catch_up_timer.stop()
    assert [(e.kind, e.amount) for e in [*stored_entries(db)]] == [("bonus", 4), ("expiry", -4)]
    assert window.balance_label.text() == "Connects: 0"
    assert page.balance_label.text() == "0 Connects"
    with qtbot.assert_not_emitted(window.ctx.ledger_changed):
        window.catch_up()  # nothing more is due


def test_the_catch_up_runs_before_the_connects_page_is_ever_shown(
    qtbot, window: MainWindow, db
) -> None:
    from app import settings

    assert not window.is_built(ConnectsPage)  # the window opened on Jobs
    billing_day = min(28, (clock.today() + timedelta(days=10)).day)
    with db.transaction() as session:
        settings.set_value(session, "connects.expiry_days", 1)
        settings.set_value(session, "connects.billing_day", billing_day)
        ledger.post_entry(session, "bonus", 4, at=clock.now() - timedelta(days=3))
    window.catch_up_timer.setInterval(20)
    with qtbot.wait_signal(window.ctx.ledger_changed, timeout=5000):
        pass
    window.catch_up_timer.stop()
    assert [(e.kind, e.amount) for e in stored_entries(db)] == [("bonus", 4), ("expiry", -4)]
    assert window.balance_label.text() == "Connects: 0"
    assert not window.is_built(ConnectsPage)
    assert connects_page(qtbot, window).balance_label.text() == "0 Connects"


def stored_entries(db):
    with db.read() as session:
        return list(session.scalars(select(LedgerEntry).order_by(LedgerEntry.id)))


def test_credits_are_called_what_the_platform_calls_them(qtbot, window: MainWindow, db) -> None:
    from app import settings

    with db.transaction() as session:
        settings.set_value(session, "connects.credit_name", "bids")
        ledger.post_entry(session, "bonus", 8, at=clock.now() - timedelta(days=1))
    window.ctx.ledger_changed.emit()
    page = connects_page(qtbot, window)
    assert page.balance_label.text() == "8 bids"
    assert page.model.headerData(2, Qt.Orientation.Horizontal) == "bids"
    assert "8 bids expire on" in page.expiry_label.text()
