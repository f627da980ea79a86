"""Read models for the Proposals page: table rows and one proposal's details."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import ProposalStatus as S
from app.proposals import CLOSED, TRANSITIONS, get_proposal, next_status
from app.storage.models import JobPosting, Proposal, ProposalStatusChange


@dataclass(frozen=True)
class ProposalRow:
    """One line of the pipeline table."""

    id: int
    job_id: int
    title: str
    status: S
    bid: float | None
    connects: int
    boost: int
    invited: bool
    submitted_at: datetime | None
    changed_at: datetime | None


@dataclass(frozen=True)
class StatusStep:
    from_status: str | None
    to_status: str
    at: datetime
    reason: str | None


@dataclass(frozen=True)
class ProposalDetail:
    """What the page shows for the selected proposal."""

    row: ProposalRow
    text: str
    outcome_reason: str | None
    revenue_usd: float | None
    history: list[StatusStep] = field(default_factory=list)
    next: S | None = None
    moves: list[S] = field(default_factory=list)


def status_label(status: S | str) -> str:
    """``not_hired`` -> ``Not hired``."""
    return str(status).replace("_", " ").capitalize()


def needs_reason(status: S) -> bool:
    """Closed outcomes ask why (declined, not hired, withdrawn, job closed)."""
    return status in CLOSED


def allowed_moves(status: S) -> list[S]:
    """Where a proposal may go from ``status``, in pipeline order."""
    return [s for s in S if s in TRANSITIONS[status]]


def proposal_rows(session: Session, status: S | None = None) -> list[ProposalRow]:
    """The pipeline, newest first, optionally one status only (filtered in SQL)."""
    last_change = (
        select(
            ProposalStatusChange.proposal_id, func.max(ProposalStatusChange.at).label("changed_at")
        )
        .group_by(ProposalStatusChange.proposal_id)
        .subquery()
    )
    query = (
        select(Proposal, JobPosting.title, last_change.c.changed_at)
        .join(JobPosting, JobPosting.id == Proposal.job_id)
        .outerjoin(last_change, last_change.c.proposal_id == Proposal.id)
        .order_by(Proposal.created_at.desc(), Proposal.id.desc())
    )
    if status is not None:
        query = query.where(Proposal.status == status)
    return [_row(p, title, changed) for p, title, changed in session.execute(query)]


def _row(p: Proposal, title: str, changed_at: datetime | None) -> ProposalRow:
    return ProposalRow(
        id=p.id,
        job_id=p.job_id,
        title=title or f"Posting {p.job_id}",
        status=S(p.status),
        bid=p.bid_amount,
        connects=p.connects_spent,
        boost=p.boost_connects,
        invited=p.invited,
        submitted_at=p.submitted_at,
        changed_at=changed_at,
    )


def count_proposals(session: Session) -> int:
    """How many proposals there are at all (the page's empty state)."""
    return session.scalar(select(func.count()).select_from(Proposal)) or 0


def proposal_detail(session: Session, proposal_id: int) -> ProposalDetail:
    p = get_proposal(session, proposal_id)
    history = [StatusStep(h.from_status, h.to_status, h.at, h.reason) for h in p.history]
    status = S(p.status)
    return ProposalDetail(
        row=_row(p, p.job.title, history[-1].at if history else None),
        text=p.text,
        outcome_reason=p.outcome_reason,
        revenue_usd=p.revenue_usd,
        history=history,
        next=next_status(status),
        moves=allowed_moves(status),
    )
