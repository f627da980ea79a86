from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app import clock
from app.domain import ProposalStatus as S
from app.errors import InputError, NotFoundError
from app.proposals import (
    change_status,
    list_proposals,
    next_status,
    parse_status,
    save_draft,
    submit_proposal,
)
from app.storage.models import JobPosting

pytestmark = pytest.mark.clock  # reads the time: .ci/run repeats it at awkward dates

T0 = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def job_id(db) -> int:
    with db.transaction() as session:
        job = JobPosting(dedup_key="k", title="Fix my Django app", description="500 errors")
        session.add(job)
        session.flush()
        return job.id


def test_submit_then_walk_the_pipeline(db, job_id: int) -> None:
    with db.transaction() as session:
        p = submit_proposal(session, job_id=job_id, connects=8, boost=4, bid=300.0, at=T0)
        pid = p.id
    with db.transaction() as session:
        change_status(session, pid, "viewed", at=T0 + timedelta(hours=2))
        change_status(session, pid, "Not Hired", at=T0 + timedelta(days=3), reason="went local")
    with db.read() as session:
        [p] = list_proposals(session)
        assert p.status == S.NOT_HIRED and p.outcome_reason == "went local"
        assert [(h.from_status, h.to_status) for h in p.history] == [
            (None, "submitted"),
            ("submitted", "viewed"),
            ("viewed", "not_hired"),
        ]
        assert (p.connects_spent, p.boost_connects, p.submitted_at) == (8, 4, T0)


def test_invitations_cost_nothing(db, job_id: int) -> None:
    with db.transaction() as session:
        p = submit_proposal(session, job_id=job_id, connects=8, invited=True, at=T0)
        assert p.connects_spent == 0 and p.invited


def test_draft_then_submit_keeps_one_proposal(db, job_id: int) -> None:
    with db.transaction() as session:
        draft = save_draft(session, job_id=job_id, text="Hello", at=T0)
        submit_proposal(session, job_id=job_id, connects=6, proposal_id=draft.id, at=T0)
    with db.read() as session:
        [p] = list_proposals(session)
        assert p.text == "Hello" and [h.to_status for h in p.history] == ["draft", "submitted"]


@pytest.mark.parametrize(
    ("steps", "bad"),
    [((), "hired"), (("declined",), "viewed"), (("viewed",), "submitted")],
)
def test_disallowed_moves_change_nothing(db, job_id: int, steps, bad) -> None:
    with db.transaction() as session:
        pid = submit_proposal(session, job_id=job_id, connects=8, at=T0).id
        for i, step in enumerate(steps):
            change_status(session, pid, step, at=T0 + timedelta(hours=i + 1))
    before = None
    with db.read() as session:
        before = len(list_proposals(session)[0].history)
    if bad == "hired":
        # submitted -> hired skips steps but is allowed (clients hire straight away)
        with db.transaction() as session:
            change_status(session, pid, bad, at=T0 + timedelta(days=1))
        return
    with pytest.raises(InputError, match="can move to"), db.transaction() as session:
        change_status(session, pid, bad, at=T0 + timedelta(days=1))
    with db.read() as session:
        assert len(list_proposals(session)[0].history) == before


def test_bad_input(db, job_id: int) -> None:
    with pytest.raises(InputError, match="unknown status"):
        parse_status("ghosted")
    with pytest.raises(NotFoundError), db.transaction() as session:
        submit_proposal(session, job_id=999, connects=8)
    with pytest.raises(InputError, match="negative"), db.transaction() as session:
        submit_proposal(session, job_id=job_id, connects=-1)
    with pytest.raises(InputError, match="future"), db.transaction() as session:
        submit_proposal(session, job_id=job_id, connects=1, at=clock.now() + timedelta(1))
    with db.read() as session:
        assert list_proposals(session) == []


def test_next_status_is_the_happy_path() -> None:
    assert next_status(S.SUBMITTED) == S.VIEWED
    assert next_status(S.INTERVIEWING) == S.HIRED
    assert next_status(S.HIRED) is None and next_status(S.DECLINED) is None
