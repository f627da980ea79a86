from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from app import clock
from app.domain import ProposalStatus as S
from app.drafting.pipeline import proposal_rows
from app.proposals import save_draft, submit_proposal
from app.storage.models import JobPosting, Proposal
from ui.models.proposals import ProposalsModel
from ui.pages.proposals import ProposalsPage

pytestmark = pytest.mark.clock  # reads the time: .ci/run repeats it at awkward dates

T0 = clock.now() - timedelta(days=3)


@pytest.fixture
def ids(ctx) -> list[int]:
    with ctx.db.transaction() as s:
        a = JobPosting(dedup_key="a", title="Fix my Django app")
        b = JobPosting(dedup_key="b", title="Shopify to Airtable sync")
        s.add_all([a, b])
        s.flush()
        p1 = submit_proposal(s, job_id=a.id, connects=8, boost=2, bid=300.0, text="Hi A", at=T0)
        p2 = save_draft(s, job_id=b.id, text="Hi B", at=T0)
        return [p1.id, p2.id]


def make_page(qtbot, ctx) -> ProposalsPage:
    page = ProposalsPage(ctx)
    qtbot.add_widget(page)
    page.resize(1100, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_model_passes_the_tester(qtmodeltester, ctx, ids) -> None:
    model = ProposalsModel()
    with ctx.db.read() as s:
        model.set_rows(proposal_rows(s))
    assert model.rowCount() == 2
    assert model.data(model.index(1, 3)) == "8 + 2"
    qtmodeltester.check(model)


def test_empty_state_without_proposals(qtbot, ctx) -> None:
    page = make_page(qtbot, ctx)
    assert page.stack.currentWidget() is page.empty_state


def test_one_key_moves_to_the_next_status(qtbot, ctx, ids, settle) -> None:
    page = make_page(qtbot, ctx)
    page.select_row(page.model.row_of(ids[0]))
    assert page.next_button.text() == "Move to Viewed"
    page.table.setFocus()
    with qtbot.waitSignal(ctx.proposals_changed):
        qtbot.keyClick(page.table, Qt.Key.Key_N)
    with ctx.db.read() as s:
        assert s.get(Proposal, ids[0]).status == S.VIEWED
    assert page.status_text.text() == "Viewed"
    assert page.detail is not None and page.detail.row.id == ids[0]
    qtbot.keyClick(page.table, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    settle()
    with ctx.db.read() as s:
        p = s.get(Proposal, ids[0])
        assert p.status == S.REPLIED
        assert [h.to_status for h in p.history] == ["submitted", "viewed", "replied"]
    assert "Replied" in page.history_text.text()


def test_closing_asks_for_a_reason_and_filter_by_status(
    qtbot, ctx, ids, monkeypatch, settle
) -> None:
    page = make_page(qtbot, ctx)
    page.select_row(page.model.row_of(ids[0]))
    monkeypatch.setattr(page, "ask_reason", lambda status: "went with a local dev")
    actions = {a.text(): a for a in page.moves_menu.actions()}
    assert "Not hired" in actions and "Submitted" not in actions
    actions["Not hired"].trigger()
    settle()
    with ctx.db.read() as s:
        p = s.get(Proposal, ids[0])
        assert (p.status, p.outcome_reason) == (S.NOT_HIRED, "went with a local dev")
    assert "went with a local dev" in page.outcome_text.text()
    assert not page.next_button.isEnabled()

    page.status_filter.setCurrentIndex(page.status_filter.findData("draft"))
    assert page.model.rowCount() == 1
    assert page.model.proposal(0).id == ids[1]
    assert page.title_text.text() == "Shopify to Airtable sync"


def test_cancelled_reason_changes_nothing(qtbot, ctx, ids, monkeypatch) -> None:
    page = make_page(qtbot, ctx)
    page.select_row(page.model.row_of(ids[1]))
    monkeypatch.setattr(page, "ask_reason", lambda status: None)
    assert page.move_to(S.WITHDRAWN) is False
    with ctx.db.read() as s:
        assert s.get(Proposal, ids[1]).status == S.DRAFT


def test_hired_asks_for_revenue_once(qtbot, ctx, ids, monkeypatch, settle) -> None:
    page = make_page(qtbot, ctx)
    page.select_row(page.model.row_of(ids[0]))
    answers = iter([("", False), ("$1,250", True)])
    monkeypatch.setattr("ui.pages.proposals.QInputDialog.getText", lambda *a, **k: next(answers))
    assert page.move_to(S.HIRED) is False, "cancelling the revenue question moves nothing"
    with ctx.db.read() as s:
        assert s.get(Proposal, ids[0]).status == S.SUBMITTED
    assert page.move_to(S.HIRED) is True
    settle()
    with ctx.db.read() as s:
        p = s.get(Proposal, ids[0])
        assert (p.status, p.revenue_usd) == (S.HIRED, 1250.0)
    assert "revenue $1,250.00" in page.outcome_text.text()
