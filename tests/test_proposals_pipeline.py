from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain import ProposalStatus as S
from app.drafting.pipeline import allowed_moves, proposal_detail, proposal_rows, status_label
from app.proposals import change_status, save_draft, submit_proposal
from app.storage.models import JobPosting

pytestmark = pytest.mark.clock  # reads the time: .ci/run repeats it at awkward dates

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def test_rows_and_detail(db) -> None:
    with db.transaction() as s:
        job = JobPosting(dedup_key="k", title="Fix my Django app")
        s.add(job)
        s.flush()
        a = submit_proposal(s, job_id=job.id, connects=8, boost=2, bid=300.0, text="hi", at=T0)
        save_draft(s, job_id=job.id, text="draft", at=T0)
        change_status(s, a.id, "viewed", at=T0 + timedelta(hours=1))
        aid = a.id
    with db.read() as s:
        rows = proposal_rows(s)
        assert [r.status for r in rows] == [S.DRAFT, S.VIEWED]
        assert [r.id for r in proposal_rows(s, S.VIEWED)] == [aid]
        [row] = proposal_rows(s, S.VIEWED)
        assert (row.title, row.connects, row.boost, row.bid) == ("Fix my Django app", 8, 2, 300.0)
        assert row.changed_at == T0 + timedelta(hours=1)
        detail = proposal_detail(s, aid)
    assert [h.to_status for h in detail.history] == ["submitted", "viewed"]
    assert detail.next == S.REPLIED
    assert S.NOT_HIRED in detail.moves and S.SUBMITTED not in detail.moves


def test_labels_and_moves() -> None:
    assert status_label(S.NOT_HIRED) == "Not hired"
    assert allowed_moves(S.DRAFT) == [S.SUBMITTED, S.WITHDRAWN]
    assert allowed_moves(S.DECLINED) == []
