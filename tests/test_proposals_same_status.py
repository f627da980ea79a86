"""Moving a proposal to the status it already has is refused, and changes nothing.

Not a silent no-op: the user (or a script calling ``pwb status``) asked for a
change that is not one, so they hear so in one line, and no history row or
ledger entry is written.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app import ledger
from app.cli import main
from app.domain import ProposalStatus as S
from app.drafting.pipeline import allowed_moves
from app.errors import InputError
from app.proposals import (
    TRANSITIONS,
    change_status,
    get_proposal,
    next_status,
    save_draft,
    submit_proposal,
)
from app.storage import Database
from app.storage.models import JobPosting, LedgerEntry, ProposalStatusChange

T0 = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
#: how to reach each status from a submitted proposal (and the reason a close needs)
PATHS: dict[S, tuple[tuple[str, str | None], ...]] = {
    S.SUBMITTED: (),
    S.VIEWED: (("viewed", None),),
    S.REPLIED: (("viewed", None), ("replied", None)),
    S.INTERVIEWING: (("interviewing", None),),
    S.HIRED: (("viewed", None), ("hired", None)),
    S.DECLINED: (("declined", "client declined"),),
    S.NOT_HIRED: (("not_hired", "went local"),),
    S.WITHDRAWN: (("withdrawn", "too busy"),),
    S.JOB_CLOSED: (("job_closed", "client cancelled"),),
}


def test_no_status_may_follow_itself() -> None:
    for status in S:
        assert status not in TRANSITIONS[status]
        assert status not in allowed_moves(status)
        assert next_status(status) != status


@pytest.fixture
def job_id(db: Database) -> int:
    with db.transaction() as session:
        job = JobPosting(dedup_key="k", title="Fix my Django app", description="500 errors")
        session.add(job)
        session.flush()
        ledger.buy(session, 40, at=T0 - timedelta(days=1))
        return job.id


def stored(db: Database) -> tuple[list[tuple], list[tuple]]:
    """Every status change and every ledger entry, as plain tuples."""
    with db.read() as session:
        history = session.execute(
            select(
                ProposalStatusChange.proposal_id,
                ProposalStatusChange.from_status,
                ProposalStatusChange.to_status,
                ProposalStatusChange.at,
            ).order_by(ProposalStatusChange.id)
        ).all()
        entries = session.execute(
            select(LedgerEntry.kind, LedgerEntry.amount, LedgerEntry.proposal_id).order_by(
                LedgerEntry.id
            )
        ).all()
    return [tuple(r) for r in history], [tuple(r) for r in entries]


def proposal_at(db: Database, job_id: int, status: S) -> int:
    with db.transaction() as session:
        if status == S.DRAFT:
            return save_draft(session, job_id=job_id, text="Hello", at=T0).id
        pid = submit_proposal(session, job_id=job_id, connects=8, boost=2, at=T0).id
        for hours, (step, reason) in enumerate(PATHS[status], 1):
            change_status(session, pid, step, reason=reason, at=T0 + timedelta(hours=hours))
    assert status_of(db, pid) == status
    return pid


def status_of(db: Database, proposal_id: int) -> str:
    with db.read() as session:
        return get_proposal(session, proposal_id).status


@pytest.mark.parametrize("status", list(S))
def test_moving_to_the_current_status_is_refused(db: Database, job_id: int, status: S) -> None:
    pid = proposal_at(db, job_id, status)
    before = stored(db)
    refused = pytest.raises(InputError, match=f"proposal {pid} is already {status}")
    with refused, db.transaction() as session:
        change_status(
            session, pid, status.value, reason="client cancelled", at=T0 + timedelta(days=1)
        )
    assert stored(db) == before
    assert status_of(db, pid) == status


def test_pwb_status_to_the_current_status_exits_2_with_one_line(
    db: Database, job_id: int, capsys: pytest.CaptureFixture[str]
) -> None:
    pid = proposal_at(db, job_id, S.VIEWED)
    before = stored(db)
    capsys.readouterr()
    code = main(["--db", db.location, "status", str(pid), "Viewed"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and f"proposal {pid} is already viewed" in err
    assert stored(db) == before
