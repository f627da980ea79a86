"""Closing a proposal from its menu refunds by the rules; the ledger links to proposals."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app import clock, ledger, settings
from app.proposals import submit_proposal
from app.storage.ledger import connects_balance
from app.storage.models import JobPosting, LedgerEntry, Proposal
from ui.main_window import MainWindow
from ui.pages.connects import ConnectsPage
from ui.pages.proposals import ProposalsPage

pytestmark = pytest.mark.clock  # reads the time: .ci/run repeats it at awkward dates

T0 = clock.now() - timedelta(days=2)


def setup_history(db) -> list[int]:
    with db.transaction() as session:
        # refunds are the subject: no monthly allocation lands in the history (a submission
        # catches the ledger up first, so at a month's start one would)
        settings.set_value(
            session, "connects.monthly_allocation", {"basic": 0, "freelancer_plus": 0, "agency": 0}
        )
        ledger.buy(session, 40, at=T0)
        ids = []
        for i in range(2):
            job = JobPosting(dedup_key=f"k{i}", title=f"Build API {i}", description="FastAPI")
            session.add(job)
            session.flush()
            p = submit_proposal(session, job_id=job.id, connects=8, boost=4, at=T0 + timedelta(1))
            ids.append(p.id)
        return ids


def action(page: ProposalsPage, starts: str):
    found = [a for a in page.moves_menu.actions() if a.text().startswith(starts)]
    assert found, [a.text() for a in page.moves_menu.actions()]
    return found[0]


def test_client_cancelled_refunds_spend_and_boost(qtbot, window: MainWindow, db, settle) -> None:
    first, _second = setup_history(db)
    page = window.go_to(ProposalsPage)
    page.show_proposal(first)
    window.refresh_balance()
    assert window.balance_label.text() == "Connects: 16"
    choice = action(page, "Client cancelled the job before hiring")
    assert choice.text().endswith("(refund)")
    choice.trigger()
    settle()
    with db.read() as session:
        assert session.get(Proposal, first).status == "job_closed"
        kinds = sorted(
            e.kind
            for e in session.scalars(select(LedgerEntry).where(LedgerEntry.proposal_id == first))
        )
        assert kinds == ["boost", "boost_refund", "refund", "spend"]
        assert connects_balance(session) == 28
    assert window.balance_label.text() == "Connects: 28"


def test_outbid_refunds_the_boost_only(qtbot, window: MainWindow, db, monkeypatch, settle) -> None:
    _first, second = setup_history(db)
    page = window.go_to(ProposalsPage)
    page.show_proposal(second)
    action(page, "Outbid").trigger()
    settle()
    with db.read() as session:
        assert connects_balance(session) == 20
        assert session.get(Proposal, second).status == "submitted"
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    page.show_proposal(second)
    action(page, "Outbid").trigger()
    settle()
    assert len(warnings) == 1 and "already" in warnings[0]
    with db.read() as session:
        assert connects_balance(session) == 20, "a boost is refunded once"


def test_ledger_entry_opens_its_proposal(qtbot, window: MainWindow, db) -> None:
    _first, second = setup_history(db)
    connects = window.go_to(ConnectsPage)
    connects.proposal_requested.emit(second)
    page = window.current_page()
    assert isinstance(page, ProposalsPage)
    assert page.detail is not None and page.detail.row.id == second
