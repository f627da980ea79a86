"""The Connects ledger: entries, lots that expire, allocations, purchases, refunds.

Every change of the balance is a :class:`LedgerEntry`; nothing is ever edited
and the balance is the sum of ``amount``. Each credit is a *lot* that expires
``connects.expiry_days`` after it arrived. Spends and boosts draw from the
oldest unexpired lot first (FIFO); what is left of a lot when its date comes is
posted as one ``expiry`` entry naming the lot. Lot remainders are not stored:
:func:`replay` recomputes them from the entries in time order, so they can
never drift from the entries.

Platform rules (allocations, bundles, price, expiry, refund rules) are
settings (:mod:`app.settings`), because the platform changes them.
"""

from __future__ import annotations

import calendar
import heapq
import statistics
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock, settings
from app.domain import LedgerKind as K
from app.domain import Plan
from app.domain import ProposalStatus as S
from app.errors import InputError, NotFoundError
from app.storage.models import JobPosting, LedgerEntry, Profile, Proposal

#: kinds a person may post by hand (``pwb ledger add``); expiries are the ledger's own
MANUAL_KINDS: tuple[K, ...] = (
    K.ALLOCATION,
    K.PURCHASE,
    K.BONUS,
    K.SPEND,
    K.BOOST,
    K.REFUND,
    K.BOOST_REFUND,
    K.CORRECTION,
)
CREDIT_KINDS = frozenset({K.ALLOCATION, K.PURCHASE, K.BONUS, K.REFUND, K.BOOST_REFUND})
DEBIT_KINDS = frozenset({K.SPEND, K.BOOST, K.EXPIRY})
PLAN_LABELS = {Plan.BASIC: "Basic", Plan.FREELANCER_PLUS: "Freelancer Plus", Plan.AGENCY: "Agency"}

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


# -- time -------------------------------------------------------------------------


def _moment(at: datetime | None) -> datetime:
    """``at`` as an aware UTC time (now when ``None``); a future time is refused."""
    if at is None:
        return clock.now()
    when = clock.as_utc(at)
    if clock.is_future(when):
        raise InputError(f"{when.isoformat()} is in the future; entries record what happened")
    return when


# -- replay: lots from entries ------------------------------------------------------


@dataclass(frozen=True)
class EntryRow:
    """The columns of an entry the replay needs."""

    id: int
    at: datetime
    kind: str
    amount: int
    expires_at: datetime | None
    lot_id: int | None


@dataclass
class Lot:
    """One credit and what is left of it."""

    entry_id: int
    kind: str
    credited_at: datetime
    amount: int
    expires_at: datetime | None
    remaining: int
    #: Connects taken from this lot by spends, boosts and negative corrections
    drawn: int = 0
    expired: bool = False
    #: what left the lot by expiry (posted or due)
    expired_amount: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "credited_at": self.credited_at.isoformat(),
            "amount": self.amount,
            "remaining": self.remaining,
            "expires_at": self.expires_at.isoformat() if self.expires_at else None,
        }


@dataclass
class LedgerState:
    """The lots as the entries leave them at a moment, and expiries that are due."""

    lots: list[Lot] = field(default_factory=list)
    #: Connects spent beyond what the lots held (the platform allowed it)
    overdraft: int = 0
    #: lots whose date has passed but whose expiry is not posted yet, with the amount
    due: list[tuple[Lot, int]] = field(default_factory=list)
    #: expired lots still holding Connects because older entries were added after
    #: their expiry was posted; a correction takes them out
    stranded: list[Lot] = field(default_factory=list)

    @property
    def balance(self) -> int:
        """The balance once the due expiries are posted."""
        return sum(lot.remaining for lot in self.lots) - self.overdraft

    def open_lots(self) -> list[Lot]:
        return [lot for lot in self.lots if not lot.expired and lot.remaining > 0]


class _Replay:
    """Applies entries in time order to lots; see :func:`replay`."""

    def __init__(self, posted_expiries: set[int]) -> None:
        self.state = LedgerState()
        self.by_id: dict[int, Lot] = {}
        self.live: deque[Lot] = deque()
        self.expiring: list[tuple[datetime, int]] = []
        self.posted_expiries = posted_expiries

    def expire_until(self, moment: datetime) -> None:
        while self.expiring and self.expiring[0][0] <= moment:
            _, lot_id = heapq.heappop(self.expiring)
            lot = self.by_id[lot_id]
            if lot.expired:
                continue
            if lot.remaining > 0:
                self.state.due.append((lot, lot.remaining))
            lot.expired_amount, lot.remaining, lot.expired = lot.remaining, 0, True

    def apply(self, row: EntryRow) -> None:
        if row.amount > 0:
            self.credit(row)
        elif row.kind == K.EXPIRY and row.lot_id in self.by_id:
            self.close_lot(self.by_id[row.lot_id], -row.amount)
        elif row.kind == K.CORRECTION:
            self.draw(self.take_stranded(-row.amount))
        else:
            self.draw(-row.amount)

    def credit(self, row: EntryRow) -> None:
        paid = min(self.state.overdraft, row.amount)
        self.state.overdraft -= paid
        expires = clock.as_utc(row.expires_at) if row.expires_at else None
        lot = Lot(row.id, row.kind, row.at, row.amount, expires, remaining=row.amount - paid)
        self.state.lots.append(lot)
        self.by_id[row.id] = lot
        self.live.append(lot)
        if expires is not None and row.id not in self.posted_expiries:
            heapq.heappush(self.expiring, (expires, row.id))

    def draw(self, wanted: int) -> None:
        """Take ``wanted`` Connects from the oldest unexpired lots; the rest is overdraft."""
        while wanted > 0 and self.live:
            lot = self.live[0]
            if lot.expired or lot.remaining == 0:
                self.live.popleft()
                continue
            take = min(wanted, lot.remaining)
            lot.remaining -= take
            lot.drawn += take
            wanted -= take
        self.state.overdraft += wanted

    def close_lot(self, lot: Lot, amount: int) -> None:
        """A posted expiry: it takes its amount from its lot; any excess is drawn FIFO."""
        take = min(amount, lot.remaining)
        lot.remaining -= take
        lot.expired, lot.expired_amount = True, amount
        self.draw(amount - take)
        if lot.remaining > 0:
            self.state.stranded.append(lot)

    def take_stranded(self, wanted: int) -> int:
        while wanted > 0 and self.state.stranded:
            lot = self.state.stranded[0]
            take = min(wanted, lot.remaining)
            lot.remaining -= take
            wanted -= take
            if lot.remaining == 0:
                self.state.stranded.pop(0)
        return wanted


def replay(rows: Iterable[EntryRow], until: datetime) -> LedgerState:
    """Lots, overdraft and due expiries after applying ``rows`` in time order up to ``until``.

    At one moment expiries come first (a lot is no longer usable at its expiry
    time), then the other entries by id. Deterministic for the same entries.
    """
    ordered = sorted(rows, key=lambda r: (r.at, r.kind != K.EXPIRY, r.id))
    run = _Replay({r.lot_id for r in ordered if r.lot_id is not None})
    for row in ordered:
        run.expire_until(row.at)
        run.apply(row)
    run.expire_until(until)
    return run.state


def _rows(session: Session) -> list[EntryRow]:
    query = select(
        LedgerEntry.id,
        LedgerEntry.at,
        LedgerEntry.kind,
        LedgerEntry.amount,
        LedgerEntry.expires_at,
        LedgerEntry.lot_id,
    )
    # Core execution: plain tuples, without the ORM loading layer (thousands of rows)
    return [EntryRow(*row) for row in session.connection().execute(query)]


def ledger_state(session: Session, now: datetime | None = None) -> LedgerState:
    """Replay the stored entries up to ``now``."""
    return replay(_rows(session), _moment(now))


# -- queries ----------------------------------------------------------------------


def balance(session: Session, at: datetime | None = None) -> int:
    """The balance: the sum of all entries (up to ``at`` when given)."""
    query = select(func.coalesce(func.sum(LedgerEntry.amount), 0))
    if at is not None:
        query = query.where(LedgerEntry.at <= at)
    return int(session.scalar(query) or 0)


def list_entries(
    session: Session,
    *,
    kinds: Sequence[str] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[LedgerEntry]:
    """Entries, newest first, optionally by kind and date range (inclusive)."""
    query = select(LedgerEntry).order_by(LedgerEntry.at.desc(), LedgerEntry.id.desc())
    if kinds:
        query = query.where(LedgerEntry.kind.in_(list(kinds)))
    if since is not None:
        query = query.where(LedgerEntry.at >= since)
    if until is not None:
        query = query.where(LedgerEntry.at <= until)
    return list(session.scalars(query))


def entry_json(entry: LedgerEntry | EntryView) -> dict[str, Any]:
    """One entry in the ``pwb ledger --json`` shape."""
    return {
        "id": entry.id,
        "at": entry.at.isoformat(),
        "kind": entry.kind,
        "amount": entry.amount,
        "usd": entry.usd,
        "proposal_id": entry.proposal_id,
        "note": entry.note,
    }


def credit_name(session: Session) -> str:
    return str(settings.get(session, "connects.credit_name"))


# -- posting ----------------------------------------------------------------------


def _expiry_for(session: Session, at: datetime) -> datetime:
    return at + timedelta(days=int(settings.get(session, "connects.expiry_days")))


def _signed(kind: K, amount: int) -> int:
    if kind == K.CORRECTION:
        if amount == 0:
            raise InputError("a correction of 0 changes nothing")
        return amount
    if amount <= 0:
        raise InputError(f"a {kind} needs a positive number of Connects, not {amount}")
    return -amount if kind in DEBIT_KINDS else amount


def post_entry(
    session: Session,
    kind: K | str,
    amount: int,
    *,
    at: datetime | None = None,
    note: str = "",
    usd: float | None = None,
    proposal_id: int | None = None,
) -> LedgerEntry:
    """Post one entry; ``amount`` is unsigned except for a correction (signed).

    Credits become lots expiring ``connects.expiry_days`` later. Expiries are
    not posted here: :func:`post_due_expiries` posts them for each lot.
    """
    kind = _kind(kind)
    if kind == K.EXPIRY:
        raise InputError("expiries are posted by the ledger itself, on each lot's date")
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise InputError(f"an amount of Connects is a whole number, not {amount!r}")
    if usd is not None and usd < 0:
        raise InputError("the USD amount cannot be negative")
    when = _moment(at)
    signed = _signed(kind, amount)
    if proposal_id is not None and session.get(Proposal, proposal_id) is None:
        raise NotFoundError(f"no proposal with id {proposal_id}")
    entry = LedgerEntry(
        at=when,
        kind=kind,
        amount=signed,
        usd=usd,
        proposal_id=proposal_id,
        note=note.strip(),
        expires_at=_expiry_for(session, when) if signed > 0 else None,
    )
    session.add(entry)
    session.flush()
    return entry


def _kind(value: K | str) -> K:
    try:
        return K(str(value).strip().lower())
    except ValueError:
        names = ", ".join(k.value for k in MANUAL_KINDS)
        raise InputError(f"unknown entry kind {value!r}; use one of: {names}") from None


def bundles(session: Session) -> list[int]:
    """The bundle sizes the active plan may buy."""
    sizes = [int(n) for n in settings.get(session, "connects.bundles")]
    if active_plan(session) == Plan.AGENCY:
        sizes += [int(n) for n in settings.get(session, "connects.agency_bundles")]
    return sorted(set(sizes))


def purchase_price(session: Session, connects: int) -> float:
    """What a bundle costs at ``connects.price_usd``."""
    return round(connects * float(settings.get(session, "connects.price_usd")), 2)


def buy(
    session: Session, connects: int, *, usd: float | None = None, at: datetime | None = None
) -> LedgerEntry:
    """Post a purchase of one bundle, with its USD cost (the configured price by default)."""
    if isinstance(connects, bool) or not isinstance(connects, int) or connects <= 0:
        raise InputError(f"a purchase needs a positive number of Connects, not {connects!r}")
    sizes = bundles(session)
    if connects not in sizes:
        raise InputError(f"{connects} is not a bundle; buy one of: {', '.join(map(str, sizes))}")
    cost = purchase_price(session, connects) if usd is None else usd
    return post_entry(session, K.PURCHASE, connects, at=at, usd=cost, note=f"bundle of {connects}")


def reconcile(
    session: Session, platform_balance: int, *, at: datetime | None = None
) -> LedgerEntry | None:
    """Post one correction so the balance equals what the platform shows; None if it does."""
    if isinstance(platform_balance, bool) or not isinstance(platform_balance, int):
        raise InputError(f"the platform balance is a whole number, not {platform_balance!r}")
    if platform_balance < 0:
        raise InputError("the platform never shows a negative balance")
    when = _moment(at)
    post_due_expiries(session, when)
    ours = balance(session, when)
    difference = platform_balance - ours
    if difference == 0:
        return None
    note = f"reconciled: platform shows {platform_balance}, ledger had {ours}"
    return post_entry(session, K.CORRECTION, difference, at=when, note=note)


# -- expiries -----------------------------------------------------------------------


def post_due_expiries(session: Session, now: datetime | None = None) -> list[LedgerEntry]:
    """Post one ``expiry`` for each lot whose date has passed with Connects left.

    Idempotent: a lot that expired is never expired again (``lot_id`` is unique).
    """
    when = _moment(now)
    state = ledger_state(session, when)
    posted = [
        LedgerEntry(
            at=lot.expires_at,
            kind=K.EXPIRY,
            amount=-amount,
            lot_id=lot.entry_id,
            note=f"{amount} left of the {lot.kind} of {lot.credited_at:%Y-%m-%d}",
        )
        for lot, amount in state.due
    ]
    posted += [
        LedgerEntry(
            at=when,
            kind=K.CORRECTION,
            amount=-lot.remaining,
            note=f"late expiry: {lot.remaining} left of the {lot.kind} of "
            f"{lot.credited_at:%Y-%m-%d} after older entries were added",
        )
        for lot in state.stranded
    ]
    session.add_all(posted)
    session.flush()
    return posted


def next_expiries(state: LedgerState, limit: int = 3) -> list[tuple[date, int]]:
    """The next dates on which Connects expire and how many, as of the state."""
    by_day: dict[date, int] = {}
    for lot in state.open_lots():
        if lot.expires_at is not None:
            day = lot.expires_at.date()
            by_day[day] = by_day.get(day, 0) + lot.remaining
    return sorted(by_day.items())[:limit]


def describe_expiry(day: date, amount: int, name: str = "Connects") -> str:
    """'12 Connects expire on 3 March 2027'."""
    return f"{amount} {name} expire on {day.day} {day:%B %Y}"


# -- monthly allocation -------------------------------------------------------------


def active_plan(session: Session) -> Plan:
    """The plan of the active profile; Basic when there is none."""
    value = session.scalar(select(Profile.plan).where(Profile.is_active.is_(True)).limit(1))
    try:
        return Plan(value) if value else Plan.BASIC
    except ValueError:
        return Plan.BASIC


def monthly_allocation(session: Session) -> int:
    """Free Connects a month on the active profile's plan."""
    by_plan = settings.get(session, "connects.monthly_allocation")
    return int(by_plan.get(active_plan(session).value, 0))


def _billing_day(session: Session) -> int:
    return max(1, int(settings.get(session, "connects.billing_day")))


def _billing(day: int, year: int, month: int) -> datetime:
    day = min(day, calendar.monthrange(year, month)[1])
    return datetime.combine(date(year, month, day), time(0), tzinfo=UTC)


def billing_date(session: Session, year: int, month: int) -> datetime:
    """The billing moment of a month (the day is clamped to the month's length)."""
    return _billing(_billing_day(session), year, month)


def _month_after(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _period_of(session: Session, at: datetime) -> tuple[int, int]:
    """The (year, month) of the billing period ``at`` falls in."""
    if at >= billing_date(session, at.year, at.month):
        return at.year, at.month
    return (at.year - 1, 12) if at.month == 1 else (at.year, at.month - 1)


def post_missed_allocations(session: Session, now: datetime | None = None) -> list[LedgerEntry]:
    """Post the plan's monthly allocation for every billing date since tracking began.

    Tracking begins with the first entry (its balance already includes that
    month's allocation). A period that has any ``allocation`` entry, posted here
    or by hand, is never given another: running this twice posts nothing new.
    """
    when = _moment(now)
    first = session.scalar(select(func.min(LedgerEntry.at)))
    plan = active_plan(session)
    amount = int(settings.get(session, "connects.monthly_allocation").get(plan.value, 0))
    if first is None or amount <= 0:
        return []
    first = clock.as_utc(first)
    covered = {
        _period_of(session, clock.as_utc(at))
        for at in session.scalars(select(LedgerEntry.at).where(LedgerEntry.kind == K.ALLOCATION))
    }
    posted = []
    year, month = first.year, first.month
    while (billing := billing_date(session, year, month)) <= when:
        if billing > first and (year, month) not in covered:
            note = f"{PLAN_LABELS[plan]} plan, {billing:%B %Y}"
            posted.append(post_entry(session, K.ALLOCATION, amount, at=billing, note=note))
        year, month = _month_after(year, month)
    return posted


def catch_up(session: Session, now: datetime | None = None) -> list[LedgerEntry]:
    """What time passing posts: missed allocations, then due expiries (app open, CLI)."""
    when = _moment(now)
    return post_missed_allocations(session, when) + post_due_expiries(session, when)


# -- proposals ---------------------------------------------------------------------


def _proposal_sum(session: Session, proposal_id: int, kind: K) -> int:
    query = select(func.coalesce(func.sum(LedgerEntry.amount), 0)).where(
        LedgerEntry.proposal_id == proposal_id, LedgerEntry.kind == kind
    )
    return int(session.scalar(query) or 0)


def post_submission(session: Session, proposal: Proposal, at: datetime) -> list[LedgerEntry]:
    """Post the ``spend`` and the ``boost`` of a submitted proposal, once.

    A spend larger than the balance is posted anyway (the platform decides) and
    recorded as an overdraft in its note; :func:`overdraft_warning` says so.
    """
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


def overdraft_warning(session: Session) -> str | None:
    """A warning when the balance is below zero, else None."""
    current = balance(session)
    if current >= 0:
        return None
    return (
        f"the balance is {current} {credit_name(session)}: recorded as an overdraft; "
        "reconcile with the platform's balance"
    )


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


# -- forecast -----------------------------------------------------------------------


@dataclass(frozen=True)
class Forecast:
    """When the balance runs out at the recent pace, and whether it covers a proposal."""

    balance: int
    pace_per_day: float
    window_days: int
    runs_out_on: date | None
    typical_proposal: int
    warning: str | None
    next_expiries: list[tuple[date, int]]

    def to_json(self) -> dict[str, Any]:
        return {
            "balance": self.balance,
            "pace_per_day": round(self.pace_per_day, 3),
            "window_days": self.window_days,
            "runs_out_on": self.runs_out_on.isoformat() if self.runs_out_on else None,
            "typical_proposal": self.typical_proposal,
            "warning": self.warning,
            "next_expiries": [{"on": d.isoformat(), "amount": n} for d, n in self.next_expiries],
        }


def describe_forecast(outlook: Forecast, name: str = "Connects") -> str:
    """One line on how long the balance lasts, for the page and ``pwb ledger``."""
    if outlook.balance <= 0:
        return f"No {name} left to spend"
    if outlook.pace_per_day <= 0:
        return f"No {name} spent in the last {outlook.window_days} days"
    pace = f"At {outlook.pace_per_day:.1f} a day (last {outlook.window_days} days)"
    if outlook.runs_out_on is None:
        return f"{pace} the balance lasts beyond a year"
    day = outlook.runs_out_on
    return f"{pace} the balance runs out on {day.day} {day:%B %Y}"


def spending_pace(session: Session, now: datetime, days: int) -> float:
    """Net Connects used per day over the last ``days`` (spends and boosts less refunds)."""
    kinds = [K.SPEND, K.BOOST, K.REFUND, K.BOOST_REFUND]
    query = select(func.coalesce(func.sum(LedgerEntry.amount), 0)).where(
        LedgerEntry.kind.in_(kinds), LedgerEntry.at > now - timedelta(days=days)
    )
    used = -int(session.scalar(query) or 0)
    return max(0.0, used / days)


def typical_proposal_cost(session: Session, recent: int = 20) -> int:
    """The median Connects (spend + boost) of the last ``recent`` paid proposals."""
    query = (
        select(-func.sum(LedgerEntry.amount))
        .where(LedgerEntry.kind.in_([K.SPEND, K.BOOST]), LedgerEntry.proposal_id.is_not(None))
        .group_by(LedgerEntry.proposal_id)
        .order_by(func.max(LedgerEntry.at).desc())
        .limit(recent)
    )
    costs = [int(c) for c in session.scalars(query) if c and c > 0]
    if not costs:
        return int(settings.get(session, "connects.typical_proposal"))
    return round(statistics.median(costs))


@dataclass
class _SimulatedLot:
    expires_at: datetime | None
    remaining: float


class _Simulation:
    """Lots in credit order, drawn FIFO at a daily pace, expiring on their dates."""

    def __init__(self, lots: Iterable[_SimulatedLot]) -> None:
        self.lots: deque[_SimulatedLot] = deque()
        self.expiring: list[tuple[datetime, int, _SimulatedLot]] = []
        self.total = 0.0
        for lot in lots:
            self.add(lot)

    def add(self, lot: _SimulatedLot) -> None:
        self.lots.append(lot)
        self.total += lot.remaining
        if lot.expires_at is not None:
            heapq.heappush(
                self.expiring, (lot.expires_at, len(self.lots) + len(self.expiring), lot)
            )

    def expire(self, moment: datetime) -> None:
        while self.expiring and self.expiring[0][0] <= moment:
            lot = heapq.heappop(self.expiring)[2]
            self.total -= lot.remaining
            lot.remaining = 0.0

    def draw(self, wanted: float) -> float:
        """Take ``wanted`` oldest first; returns what could not be covered."""
        while wanted > 1e-9 and self.lots:
            lot = self.lots[0]
            if lot.remaining <= 1e-9:
                self.lots.popleft()
                continue
            take = min(wanted, lot.remaining)
            lot.remaining -= take
            self.total -= take
            wanted -= take
        return wanted


def _run_out_day(
    session: Session, state: LedgerState, now: datetime, pace: float, horizon: int = 366
) -> date | None:
    """Simulate day by day: spend at ``pace`` FIFO, lots expire, allocations arrive."""
    if state.balance <= 0:
        return now.date()
    if pace <= 0:
        return None
    sim = _Simulation(
        _SimulatedLot(lot.expires_at, float(lot.remaining)) for lot in state.open_lots()
    )
    allocation = monthly_allocation(session)
    day = _billing_day(session)
    lifetime = timedelta(days=int(settings.get(session, "connects.expiry_days")))
    for offset in range(1, horizon + 1):
        moment = now + timedelta(days=offset)
        billing = _billing(day, moment.year, moment.month)
        if allocation > 0 and moment - timedelta(days=1) < billing <= moment:
            sim.add(_SimulatedLot(billing + lifetime, float(allocation)))
        sim.expire(moment)
        if sim.draw(pace) > 1e-9 or sim.total < 1e-9:
            return moment.date()
    return None


def forecast(
    session: Session, now: datetime | None = None, state: LedgerState | None = None
) -> Forecast:
    """The forecast shown on the Connects page and in ``pwb ledger --json``.

    ``state`` is the replay up to ``now`` when the caller has it already.
    """
    when = _moment(now)
    state = state if state is not None else ledger_state(session, when)
    days = max(1, int(settings.get(session, "connects.forecast_days")))
    pace = spending_pace(session, when, days)
    typical = typical_proposal_cost(session)
    current = state.balance
    warning = None
    if current < 0:
        text = overdraft_warning(session) or ""
        warning = text[:1].upper() + text[1:]
    elif current < typical:
        name = credit_name(session)
        warning = (
            f"{current} {name} cannot cover a typical proposal ({typical} {name}); "
            "buy a bundle or wait for the monthly allocation"
        )
    return Forecast(
        balance=current,
        pace_per_day=pace,
        window_days=days,
        runs_out_on=_run_out_day(session, state, when, pace),
        typical_proposal=typical,
        warning=warning,
        next_expiries=next_expiries(state),
    )


def ledger_json(session: Session, now: datetime | None = None) -> dict[str, Any]:
    """The ``pwb ledger --json`` object: ``balance, entries, lots, forecast``."""
    when = _moment(now)
    state = ledger_state(session, when)
    return {
        "balance": balance(session),
        "entries": [entry_json(e) for e in entry_views(session)],
        "lots": [lot.to_json() for lot in state.lots],
        "forecast": forecast(session, when, state).to_json(),
    }


# -- what the Connects page shows ------------------------------------------------------


@dataclass(frozen=True)
class EntryView:
    """One ledger row for a table: the entry and the posting of its proposal."""

    id: int
    at: datetime
    kind: str
    amount: int
    usd: float | None
    proposal_id: int | None
    proposal_title: str | None
    note: str


@dataclass(frozen=True)
class Overview:
    """Balance, forecast and the (filtered) entries, read in one go."""

    credit_name: str
    forecast: Forecast
    entries: list[EntryView]
    #: entries in the ledger before filtering (to tell "empty" from "filtered out")
    total_entries: int


def entry_views(
    session: Session,
    *,
    kinds: Sequence[str] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[EntryView]:
    """Entries newest first, filtered in SQL, each with its proposal's posting title."""
    query = (
        select(
            LedgerEntry.id,
            LedgerEntry.at,
            LedgerEntry.kind,
            LedgerEntry.amount,
            LedgerEntry.usd,
            LedgerEntry.proposal_id,
            JobPosting.title,
            LedgerEntry.note,
        )
        .outerjoin(Proposal, Proposal.id == LedgerEntry.proposal_id)
        .outerjoin(JobPosting, JobPosting.id == Proposal.job_id)
        .order_by(LedgerEntry.at.desc(), LedgerEntry.id.desc())
    )
    if kinds:
        query = query.where(LedgerEntry.kind.in_(list(kinds)))
    if since is not None:
        query = query.where(LedgerEntry.at >= since)
    if until is not None:
        query = query.where(LedgerEntry.at <= until)
    return [EntryView(*row) for row in session.connection().execute(query)]


def overview(
    session: Session,
    *,
    kinds: Sequence[str] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    now: datetime | None = None,
) -> Overview:
    """Everything the Connects page shows, for one read."""
    total = int(session.scalar(select(func.count(LedgerEntry.id))) or 0)
    return Overview(
        credit_name=credit_name(session),
        forecast=forecast(session, now),
        entries=entry_views(session, kinds=kinds, since=since, until=until),
        total_entries=total,
    )
