"""The proposal pipeline: drafts, submission, and status changes with history.

Statuses move along ``draft → submitted → viewed → replied → interviewing →
hired``, or end in ``declined`` / ``not_hired`` / ``withdrawn`` /
``job_closed``. Every change is a :class:`ProposalStatusChange` row. The
Connects side of submitting and of refunds lives in :mod:`app.ledger`:
submitting posts the spend and the boost, and a status change posts refunds by
the platform's rules (for ``job_closed`` the ``reason`` names why, e.g.
``client cancelled``; see :data:`app.ledger.CLOSE_REASONS`).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock, ledger, settings
from app.domain import BudgetType, JobStatus
from app.domain import ProposalStatus as S
from app.errors import InputError, NotFoundError
from app.storage import members
from app.storage.models import JobPosting, Profile, Proposal, ProposalStatusChange

#: how many recent proposals the default Connects are the median of
RECENT_FOR_DEFAULTS = 20

#: the happy path; "next status" is the following one
PIPELINE: tuple[S, ...] = (S.DRAFT, S.SUBMITTED, S.VIEWED, S.REPLIED, S.INTERVIEWING, S.HIRED)
CLOSED: tuple[S, ...] = (S.DECLINED, S.NOT_HIRED, S.WITHDRAWN, S.JOB_CLOSED)
_OPEN_AFTER_SUBMIT = (S.SUBMITTED, S.VIEWED, S.REPLIED, S.INTERVIEWING)

#: which statuses may follow which
TRANSITIONS: dict[S, frozenset[S]] = {
    S.DRAFT: frozenset({S.SUBMITTED, S.WITHDRAWN}),
    **{
        s: frozenset(
            {*PIPELINE[PIPELINE.index(s) + 1 :], S.DECLINED, S.NOT_HIRED, S.WITHDRAWN, S.JOB_CLOSED}
        )
        for s in _OPEN_AFTER_SUBMIT
    },
    S.HIRED: frozenset({S.JOB_CLOSED}),
    S.DECLINED: frozenset(),
    S.NOT_HIRED: frozenset(),
    S.WITHDRAWN: frozenset(),
    S.JOB_CLOSED: frozenset(),
}


def parse_status(value: str) -> S:
    """A status from user text (``not hired``, ``Not-Hired`` and ``not_hired`` are one)."""
    key = value.strip().lower().replace(" ", "_").replace("-", "_")
    try:
        return S(key)
    except ValueError:
        names = ", ".join(s.value for s in S)
        raise InputError(f"unknown status {value!r}; use one of: {names}") from None


def next_status(current: S) -> S | None:
    """The one-key move: the next step of the happy path, if there is one."""
    if current in PIPELINE and current != S.HIRED:
        return PIPELINE[PIPELINE.index(current) + 1]
    return None


def get_proposal(session: Session, proposal_id: int) -> Proposal:
    proposal = session.get(Proposal, proposal_id)
    if proposal is None:
        raise NotFoundError(f"no proposal with id {proposal_id}")
    return proposal


def _job(session: Session, job_id: int) -> JobPosting:
    job = session.get(JobPosting, job_id)
    if job is None or job.deleted_at is not None:
        raise NotFoundError(f"no job posting with id {job_id}")
    return job


def _now(at: datetime | None) -> datetime:
    return clock.now() if at is None else clock.as_utc(at)


def save_draft(
    session: Session,
    *,
    job_id: int,
    text: str,
    profile_id: int | None = None,
    reply_id: int | None = None,
    at: datetime | None = None,
) -> Proposal:
    """Store a draft proposal for a posting (no Connects are spent for a draft)."""
    _job(session, job_id)
    when = _now(at)
    proposal = Proposal(
        job_id=job_id, profile_id=profile_id, reply_id=reply_id, text=text, status=S.DRAFT
    )
    proposal.history.append(ProposalStatusChange(from_status=None, to_status=S.DRAFT, at=when))
    session.add(proposal)
    session.flush()
    return proposal


def update_draft(
    session: Session, proposal_id: int, text: str, *, expected_version: int | None = None
) -> int:
    """Replace a draft's text (a proposal once submitted keeps the text it was sent with).

    With ``expected_version`` (what the editor saved or loaded) a draft someone else
    saved since is refused (:class:`~app.errors.ConflictError`).
    """
    proposal = get_proposal(session, proposal_id)
    if proposal.status != S.DRAFT:
        raise InputError(f"proposal {proposal_id} is {proposal.status}: its text is what was sent")
    members.check_version(session, proposal, expected_version, f"draft proposal {proposal_id}")
    proposal.text = text
    session.flush()
    return proposal.id


def submit_proposal(
    session: Session,
    *,
    job_id: int,
    connects: int,
    boost: int = 0,
    bid: float | None = None,
    text: str = "",
    invited: bool = False,
    profile_id: int | None = None,
    reply_id: int | None = None,
    proposal_id: int | None = None,
    at: datetime | None = None,
) -> Proposal:
    """Record a proposal as submitted (a new one, or an existing draft).

    An invitation costs no Connects, whatever ``connects`` says.
    """
    if connects < 0 or boost < 0:
        raise InputError("Connects and boost cannot be negative")
    if bid is not None and bid < 0:
        raise InputError("the bid cannot be negative")
    when = _now(at)
    if clock.is_future(when):
        raise InputError(f"{when.isoformat()} is in the future")
    job = _job(session, job_id)
    if proposal_id is not None:
        proposal = get_proposal(session, proposal_id)
        if proposal.status != S.DRAFT:
            raise InputError(f"proposal {proposal_id} is already {proposal.status}")
        if proposal.job_id != job.id:
            raise InputError(f"proposal {proposal_id} is for another job posting")
    else:
        proposal = Proposal(job_id=job.id, status=S.DRAFT)
        session.add(proposal)
    proposal.text = text or proposal.text
    proposal.bid_amount = bid
    proposal.invited = invited
    proposal.connects_spent = 0 if invited else connects
    proposal.boost_connects = boost
    proposal.profile_id = profile_id if profile_id is not None else proposal.profile_id
    proposal.reply_id = reply_id if reply_id is not None else proposal.reply_id
    proposal.submitted_at = when
    proposal.history.append(
        ProposalStatusChange(
            from_status=None if proposal_id is None else S.DRAFT, to_status=S.SUBMITTED, at=when
        )
    )
    proposal.status = S.SUBMITTED
    job.status = JobStatus.APPLIED.value  # applied to: it leaves the Open queue
    session.flush()
    ledger.post_submission(session, proposal, when)
    return proposal


def change_status(
    session: Session,
    proposal_id: int,
    status: S | str,
    *,
    reason: str | None = None,
    at: datetime | None = None,
    revenue_usd: float | None = None,
    expected_version: int | None = None,
) -> Proposal:
    """Move a proposal to ``status`` if the pipeline allows it; nothing changes otherwise.

    With ``expected_version`` (the version ``pwb proposals --json`` showed) a proposal
    someone else changed since is refused (:class:`~app.errors.ConflictError`).
    """
    new = status if isinstance(status, S) else parse_status(status)
    proposal = get_proposal(session, proposal_id)
    members.check_version(session, proposal, expected_version, f"proposal {proposal_id}")
    old = S(proposal.status)
    if new == old or new not in TRANSITIONS[old]:
        # a move to the status it has is no change: refused (no history row, no entries)
        already = "already " if new == old else ""
        allowed = ", ".join(sorted(TRANSITIONS[old])) or "none (it is closed)"
        raise InputError(f"proposal {proposal_id} is {already}{old}; it can move to: {allowed}")
    when = _now(at)
    last = proposal.history[-1].at if proposal.history else None
    if last is not None and when < last:
        raise InputError(f"{when.isoformat()} is before the proposal's last change")
    if clock.is_future(when):
        raise InputError(f"{when.isoformat()} is in the future")
    if revenue_usd is not None and revenue_usd < 0:
        raise InputError("revenue cannot be negative")
    proposal.history.append(
        ProposalStatusChange(from_status=old, to_status=new, at=when, reason=reason)
    )
    proposal.status = new
    if new == S.SUBMITTED and proposal.submitted_at is None:
        proposal.submitted_at = when
    if reason:
        proposal.outcome_reason = reason
    if revenue_usd is not None:
        proposal.revenue_usd = revenue_usd
    session.flush()
    ledger.on_status_change(session, proposal, old, new, reason, when)
    return proposal


@dataclass(frozen=True)
class SubmitDefaults:
    """What "Mark as submitted" starts from, each value with where it came from."""

    connects: int
    connects_source: str
    bid: float | None
    #: "hourly", "fixed", or None when the posting does not say
    bid_kind: str | None
    bid_source: str
    balance: int
    credit_name: str


def submit_defaults(session: Session, job_id: int, profile: Profile | None) -> SubmitDefaults:
    """Connects from the posting (else the median of your last proposals, else the typical
    cost setting); the bid from your profile's rate (a fixed posting: its budget)."""
    job = _job(session, job_id)
    if job.connects_required is not None:
        connects, connects_source = job.connects_required, "as the posting says"
    else:
        connects, connects_source = _median_connects(session)
    hourly = profile.min_hourly_rate if profile else None
    fixed = profile.min_fixed_budget if profile else None
    bid: float | None
    kind: str | None
    if job.budget_type == BudgetType.FIXED.value:
        kind = "fixed"
        if job.fixed_budget:
            bid, bid_source = job.fixed_budget, "the posting's budget"
        else:
            bid, bid_source = fixed, "your minimum fixed budget" if fixed else ""
    else:
        kind = "hourly" if job.budget_type == BudgetType.HOURLY.value else None
        bid, bid_source = hourly, "your hourly rate" if hourly else ""
    return SubmitDefaults(
        connects=connects,
        connects_source=connects_source,
        bid=bid,
        bid_kind=kind,
        bid_source=bid_source,
        balance=ledger.balance(session),
        credit_name=ledger.credit_name(session),
    )


def _median_connects(session: Session) -> tuple[int, str]:
    query = (
        select(Proposal.connects_spent)
        .where(Proposal.status != S.DRAFT, Proposal.invited.is_(False), Proposal.connects_spent > 0)
        .order_by(Proposal.submitted_at.desc(), Proposal.id.desc())
        .limit(RECENT_FOR_DEFAULTS)
    )
    spent = list(session.scalars(query))
    if spent:
        count = len(spent)
        noun = "proposal" if count == 1 else f"{count} proposals"
        return round(statistics.median(spent)), f"the median of your last {noun}"
    typical = int(settings.get(session, "connects.typical_proposal"))
    return typical, "a typical proposal (the posting does not say)"


def overdraw_warning(balance: int, cost: int, credit_name: str = "Connects") -> str | None:
    """Said before a submit that would take the balance below zero, else None."""
    if cost <= 0 or cost <= balance:
        return None
    return (
        f"This proposal costs {cost} {credit_name} and the ledger holds {balance}: the balance "
        f"would go to {balance - cost}. Buy or reconcile first, unless the ledger is behind."
    )


def proposals_for_job(session: Session, job_id: int) -> list[Proposal]:
    """The proposals recorded for one posting, oldest first."""
    query = select(Proposal).where(Proposal.job_id == job_id).order_by(Proposal.id)
    return list(session.scalars(query))


def describe_proposal(proposal: Proposal) -> str:
    """``proposal 3 (submitted 2026-12-01, now viewed)`` or ``proposal 4 (a draft)``."""
    status = S(proposal.status)
    if status == S.DRAFT:
        return f"proposal {proposal.id} (a draft)"
    sent = proposal.submitted_at
    when = f"submitted {clock.as_utc(sent).date().isoformat()}" if sent else "submitted"
    now = "" if status == S.SUBMITTED else f", now {status.value.replace('_', ' ')}"
    return f"proposal {proposal.id} ({when}{now})"


def earlier_proposals(
    session: Session, job_id: int, *, besides: int | None = None, sent_only: bool = False
) -> list[str]:
    """What the user already has for a posting, described (for "you already applied")."""
    found = [p for p in proposals_for_job(session, job_id) if p.id != besides]
    if sent_only:
        found = [p for p in found if p.status != S.DRAFT]
    return [describe_proposal(p) for p in found]


def list_proposals(session: Session, status: S | None = None) -> list[Proposal]:
    query = select(Proposal).order_by(Proposal.created_at.desc(), Proposal.id.desc())
    if status is not None:
        query = query.where(Proposal.status == status)
    return list(session.scalars(query))
