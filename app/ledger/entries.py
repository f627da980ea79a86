"""Entries: posting them by hand or by rule, the balance, due expiries, monthly allocations.

Every change of the balance is one :class:`~app.storage.models.LedgerEntry`;
nothing is edited. A credit expires ``connects.expiry_days`` after it arrived;
:func:`post_due_expiries` posts what is left of each lot on its date (from the
replay of the stored entries, :func:`ledger_state`), and
:func:`post_missed_allocations` the plan's free Connects for each billing date.
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import clock, settings
from app.domain import LedgerKind as K
from app.domain import Plan
from app.errors import DatabaseBusyError, InputError, NotFoundError
from app.ledger.lots import EntryRow, LedgerState, replay
from app.messages import Count, Message, Text, Value
from app.storage import members
from app.storage.db import Database
from app.storage.locks import serialize_writes
from app.storage.models import LedgerEntry, Profile, Proposal

#: how often a catch-up is tried when another process won the race (see catch_up_database)
CATCH_UP_ATTEMPTS = 4

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


# -- time -------------------------------------------------------------------------


def _moment(at: datetime | None) -> datetime:
    """``at`` as an aware UTC time (now when ``None``); a future time is refused."""
    if at is None:
        return clock.now()
    when = clock.as_utc(at)
    if clock.is_future(when):
        raise InputError(f"{when.isoformat()} is in the future; entries record what happened")
    return when


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
    _period: tuple[str, str] | None = None,
) -> LedgerEntry:
    """Post one entry; ``amount`` is unsigned except for a correction (signed).

    Credits become lots expiring ``connects.expiry_days`` later. Expiries are
    not posted here: :func:`post_due_expiries` posts them for each lot.
    ``_period`` is the (billing period, plan) of a monthly allocation the
    ledger posts itself: unique, so no month is given twice.
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
        period=_period[0] if _period else None,
        plan=_period[1] if _period else None,
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
    members.require_manager(session, "buy Connects")
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
    members.require_manager(session, "reconcile the Connects balance")
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
            key = (f"{year:04d}-{month:02d}", plan.value)
            posted.append(
                post_entry(session, K.ALLOCATION, amount, at=billing, note=note, _period=key)
            )
        year, month = _month_after(year, month)
    return posted


def catch_up(session: Session, now: datetime | None = None) -> list[LedgerEntry]:
    """What time passing posts: missed allocations, then due expiries (app open, CLI).

    The session becomes the database's only writer first
    (:func:`~app.storage.locks.serialize_writes`): what it reads to decide
    (which months are covered, which lots are left) stays true until it
    commits, so processes catching up at once post each entry once. The
    unique keys (a lot expires once, a month's allocation per plan once)
    refuse what would slip past anyway; :func:`catch_up_database` retries then.
    """
    when = _moment(now)
    serialize_writes(session)
    return post_missed_allocations(session, when) + post_due_expiries(session, when)


def catch_up_database(db: Database, now: datetime | None = None) -> list[LedgerEntry]:
    """:func:`catch_up` in a transaction of its own, tried again when another process won.

    Losing the race shows up as a unique key refusing an entry (a process that
    did not serialize, an older release) or as the write lock held past the
    busy timeout; the next attempt sees what the winner posted and posts only
    what is still due.
    """
    for attempt in range(1, CATCH_UP_ATTEMPTS + 1):
        try:
            with db.transaction() as session:
                return catch_up(session, now)
        except IntegrityError as exc:
            if attempt == CATCH_UP_ATTEMPTS or not _lost_race(exc):
                raise
        except DatabaseBusyError:
            if attempt == CATCH_UP_ATTEMPTS:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _lost_race(exc: IntegrityError) -> bool:
    """Whether a refused insert is one of the ledger's own keys (a lot, a month's allocation)."""
    message = str(exc.orig)
    keys = ("ledger_entry.lot_id", "ledger_entry.period", "uq_ledger_entry_")
    return any(key in message for key in keys)


def overdraft_warning(session: Session) -> str | None:
    """A warning when the balance is below zero, else None."""
    found = overdraft_message(session)
    return None if found is None else str(found)


def overdraft_message(session: Session, *, sentence: bool = False) -> Message | None:
    """:func:`overdraft_warning` as a template and its values (``sentence``: starting with a
    capital, as the Connects page and the forecast show it)."""
    current = balance(session)
    if current >= 0:
        return None
    values: dict[str, Value] = {
        "balance": Count(current, grouped=False),
        "credits": Text(credit_name(session)),
    }
    if sentence:
        return Message(
            "The balance is {balance} {credits}: recorded as an overdraft; "
            "reconcile with the platform's balance",
            values,
        )
    return Message(
        "the balance is {balance} {credits}: recorded as an overdraft; "
        "reconcile with the platform's balance",
        values,
    )
