"""A proposal's Connects: the spend and boost of a submission, refunds by the close rules.

Why a job closed (``client cancelled``, ``removed for terms``...) selects a
refund rule from the settings; each refund is posted once per proposal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock, settings
from app.domain import LedgerKind as K
from app.domain import ProposalStatus as S
from app.errors import InputError, NotFoundError
from app.ledger.entries import _moment, balance, catch_up, post_entry
from app.storage.models import LedgerEntry, Proposal

#: why a job closed, as a user says it: code -> (label, aliases)
CLOSE_REASONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "client_cancelled": (
        "Client cancelled the job before hiring",
        ("cancelled", "canceled", "client cancelled", "client canceled", "cancelled by client"),
    ),
    "removed_for_terms": (
        "Post removed for breaking the terms",
        ("removed", "terms", "post removed", "removed for terms", "terms violation"),
    ),
    "job_expired": ("The job expired", ("expired", "job expired")),
    "hired_someone_else": (
        "The client hired someone else",
        ("hired someone else", "hired other", "someone else"),
    ),
    "withdrawn": ("I withdrew", ("withdrew", "withdraw")),
}
#: the rule of a status that is itself the reason (no text needed)
_STATUS_REASONS = {S.WITHDRAWN: "withdrawn", S.NOT_HIRED: "hired_someone_else"}
#: statuses after which the client has interacted with a proposal
_INTERACTED = frozenset({S.VIEWED, S.REPLIED, S.INTERVIEWING, S.HIRED})


def _proposal_sum(session: Session, proposal_id: int, kind: K) -> int:
    query = select(func.coalesce(func.sum(LedgerEntry.amount), 0)).where(
        LedgerEntry.proposal_id == proposal_id, LedgerEntry.kind == kind
    )
    return int(session.scalar(query) or 0)


def post_submission(session: Session, proposal: Proposal, at: datetime) -> list[LedgerEntry]:
    """Post the ``spend`` and the ``boost`` of a submitted proposal, once.

    What time owes the ledger up to ``at`` is posted first (allocations, and
    expiries that fell due), so the balance the spend is judged against is the
    one the platform had. A spend larger than that is posted anyway (the
    platform decides) and recorded as an overdraft in its note;
    :func:`overdraft_warning` says so.
    """
    catch_up(session, at)
    posted = []
    before = balance(session, at)
    for kind, amount in ((K.SPEND, proposal.connects_spent), (K.BOOST, proposal.boost_connects)):
        if amount > 0 and _proposal_sum(session, proposal.id, kind) == 0:
            note = f"proposal #{proposal.id}"
            if before - amount < 0:
                note += f" (overdraft: balance {before - amount})"
            posted.append(
                post_entry(session, kind, amount, at=at, note=note, proposal_id=proposal.id)
            )
            before -= amount
    return posted


def parse_close_reason(reason: str | None) -> str | None:
    """The refund-rule code in a status reason ('client cancelled: budget cut'), if any."""
    if not reason:
        return None
    head = reason.split(":", 1)[0].strip().lower().replace("-", " ").replace("_", " ")
    for code, (_label, aliases) in CLOSE_REASONS.items():
        if head == code.replace("_", " ") or head in aliases:
            return code
    return None


def refund_rule(session: Session, code: str | None) -> str:
    """What a close reason refunds: ``spend_and_boost``, ``spend`` or ``none``."""
    if code is None:
        return "none"
    return str(settings.get(session, "connects.refund_rules").get(code, "none"))


@dataclass(frozen=True)
class CloseChoice:
    """One way a job can close, for a one-click menu: pass ``reason`` to change_status."""

    code: str
    label: str
    #: the reason text that selects this rule in ``change_status(..., reason=...)``
    reason: str
    #: the status to move to (``job_closed``, ``not_hired`` or ``withdrawn``)
    status: S
    #: what the current settings refund: ``spend_and_boost``, ``spend`` or ``none``
    refund: str


def close_choices(session: Session) -> list[CloseChoice]:
    """The ways a submitted proposal can end, with what each refunds under the settings."""
    statuses = {"hired_someone_else": S.NOT_HIRED, "withdrawn": S.WITHDRAWN}
    return [
        CloseChoice(
            code=code,
            label=label,
            reason=code.replace("_", " "),
            status=statuses.get(code, S.JOB_CLOSED),
            refund=refund_rule(session, code),
        )
        for code, (label, _aliases) in CLOSE_REASONS.items()
    ]


def on_status_change(
    session: Session, proposal: Proposal, old: S, new: S, reason: str | None, at: datetime
) -> list[LedgerEntry]:
    """The ledger side of a status change: submission spends, refunds by the rules."""
    if new == S.SUBMITTED:
        return post_submission(session, proposal, at)
    if old in (S.DRAFT, S.HIRED):
        return []  # nothing was spent, or the job was filled by this freelancer
    code = _STATUS_REASONS.get(new) or (parse_close_reason(reason) if new == S.JOB_CLOSED else None)
    rule = refund_rule(session, code)
    if code is None or rule not in ("spend", "spend_and_boost"):
        return []
    label = CLOSE_REASONS[code][0].lower()
    return refund_proposal(session, proposal.id, at, boost=rule == "spend_and_boost", why=label)


def refund_proposal(
    session: Session, proposal_id: int, at: datetime, *, boost: bool, why: str
) -> list[LedgerEntry]:
    """Refund what a proposal spent (and its boost) that is not refunded yet; never twice."""
    rule_kinds = [(K.SPEND, K.REFUND)] + ([(K.BOOST, K.BOOST_REFUND)] if boost else [])
    posted = []
    for spent_kind, refund_kind in rule_kinds:
        due = -_proposal_sum(session, proposal_id, spent_kind)
        due -= _proposal_sum(session, proposal_id, refund_kind)
        if due > 0:
            note = f"proposal #{proposal_id}: {why}" if why else f"proposal #{proposal_id}"
            posted.append(
                post_entry(session, refund_kind, due, at=at, note=note, proposal_id=proposal_id)
            )
    return posted


def refund_boost(session: Session, proposal_id: int, at: datetime | None = None) -> LedgerEntry:
    """Outbid before the client interacted: post a ``boost_refund`` of the boost, once."""
    when = _moment(at)
    if not settings.get(session, "connects.refund_boost_when_outbid"):
        raise InputError("boost refunds when outbid are turned off in the settings")
    proposal = session.get(Proposal, proposal_id)
    if proposal is None:
        raise NotFoundError(f"no proposal with id {proposal_id}")
    boosted = -_proposal_sum(session, proposal_id, K.BOOST)
    if boosted <= 0:
        raise InputError(f"proposal {proposal_id} was not boosted")
    if _proposal_sum(session, proposal_id, K.BOOST_REFUND) > 0:
        raise InputError(f"the boost of proposal {proposal_id} was already refunded")
    if proposal.submitted_at is not None and when < clock.as_utc(proposal.submitted_at):
        raise InputError(f"{when.isoformat()} is before the proposal was submitted")
    for change in proposal.history:
        if change.to_status in _INTERACTED and clock.as_utc(change.at) <= when:
            raise InputError(
                f"the client had already interacted (proposal {proposal_id} was "
                f"{change.to_status} on {change.at:%Y-%m-%d}): no boost refund"
            )
    note = f"proposal #{proposal_id}: outbid before the client interacted"
    return post_entry(session, K.BOOST_REFUND, boosted, at=when, note=note, proposal_id=proposal_id)
