"""The ledger view of a range: entries *dated* in it, summed per day and kind in SQL.

Connects spent and boosted (net of refunds), cash paid for Connects, and the
balance line, read from the covering day index on SQLite.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, func, literal_column, select
from sqlalchemy.orm import Session

from app.insights.results import BalancePoint, SpendPeriod, _month_start
from app.insights.sql import _day, _in_range, _is_sqlite
from app.storage import hints  # noqa: F401  (INDEXED BY on SQLite)
from app.storage.models import LedgerEntry, Proposal


def _ledger_day(session: Session) -> ColumnElement[Any]:
    """The UTC day of an entry; on SQLite the exact expression of ``ix_ledger_entry_day``."""
    if _is_sqlite(session):
        return literal_column("substr(ledger_entry.at, 1, 10)")
    return func.to_char(LedgerEntry.at, "YYYY-MM-DD")


def _ledger_in_range(
    session: Session, start: datetime | None, end: datetime | None
) -> list[ColumnElement[bool]]:
    """Entries dated in ``[start, end)``: whole days by the day index, exact ends by ``at``."""
    day = _ledger_day(session)
    clauses: list[ColumnElement[bool]] = list(_in_range(LedgerEntry.at, start, end))
    if start is not None:
        clauses.append(day >= start.date().isoformat())
    if end is not None:
        clauses.append(day <= end.date().isoformat())
    return clauses


def _day_index(query: Any) -> Any:
    """Read ledger entries through the covering day index on SQLite."""
    return query.with_hint(LedgerEntry, "INDEXED BY ix_ledger_entry_day", "sqlite")


def _ledger_days(
    session: Session,
    start: datetime | None,
    end: datetime | None,
    profile_id: int | None,
    kinds: Sequence[str] | None,
    *,
    member_id: int | None = None,
) -> list[tuple[date, str, int, float]]:
    """(day, kind, sum of amounts, sum of USD) of the entries dated in the range.

    All profiles: one walk of the covering index ``(day, kind, at, amount, usd)``,
    already in GROUP BY order, so SQLite neither sorts nor reads an entry row.
    """
    day = _ledger_day(session).label("day")
    query = select(
        day,
        LedgerEntry.kind,
        func.sum(LedgerEntry.amount),
        func.coalesce(func.sum(LedgerEntry.usd), 0.0),
    ).where(*_ledger_in_range(session, start, end))
    if kinds is not None:
        query = query.where(LedgerEntry.kind.in_(kinds))
    if member_id is not None:
        query = query.where(LedgerEntry.member_id == member_id)
    if profile_id is not None:
        query = query.join(Proposal, Proposal.id == LedgerEntry.proposal_id).where(
            Proposal.profile_id == profile_id
        )
    elif member_id is None:
        query = _day_index(query)
    rows = session.execute(query.group_by(day, LedgerEntry.kind)).all()
    return [(_day(d), kind, int(amount or 0), float(usd or 0.0)) for d, kind, amount, usd in rows]


def _opening_balance(session: Session, start: datetime | None) -> int:
    """The balance just before ``start``: a sum read from the covering day index."""
    if start is None:
        return 0
    query = select(func.coalesce(func.sum(LedgerEntry.amount), 0)).where(
        *_ledger_in_range(session, None, start)
    )
    return int(session.scalar(_day_index(query)) or 0)


def _spend_periods(
    rows: Iterable[tuple[date, str, int, float]],
    purchases: Iterable[tuple[date, str, int, float]],
    key: Any,
) -> list[SpendPeriod]:
    base: dict[date, int] = defaultdict(int)
    boost: dict[date, int] = defaultdict(int)
    usd: dict[date, float] = defaultdict(float)
    for day, kind, amount, _usd in rows:
        target = boost if kind in ("boost", "boost_refund") else base
        target[key(day)] -= amount
    for day, kind, _amount, cash in purchases:
        if kind == "purchase":
            usd[key(day)] += cash
    starts = sorted(set(base) | set(boost) | set(usd))
    return [
        SpendPeriod(_period_label(s, key), s, base[s], boost[s], round(usd[s], 2)) for s in starts
    ]


def _period_label(start: date, key: Any) -> str:
    return start.strftime("%Y-%m") if key is _month_start else start.isoformat()


def _balance_series(
    rows: Iterable[tuple[date, str, int, float]],
    opening: int,
    lows: dict[date, int] | None = None,
) -> list[BalancePoint]:
    """The closing balance of each day with entries, and its lowest (``lows``: the
    lowest running sum of the range's entries on each day, before ``opening``)."""
    per_day: dict[date, int] = defaultdict(int)
    for day, _kind, amount, _usd in rows:
        per_day[day] += amount
    points, running = [], opening
    for day in sorted(per_day):
        low = opening + lows[day] if lows and day in lows else None
        running += per_day[day]
        points.append(BalancePoint(day, running, low))
    return points


def _daily_lows(session: Session, start: datetime | None, end: datetime | None) -> dict[date, int]:
    """Per day, the lowest running sum of the range's entries in the order they were
    posted (a window over ``at``): what the day's closing balance hides."""
    running = (
        func.sum(LedgerEntry.amount)
        .over(order_by=(LedgerEntry.at, LedgerEntry.id), rows=(None, 0))
        .label("running")
    )
    day = _ledger_day(session).label("day")
    inner = select(day, running).where(*_ledger_in_range(session, start, end)).subquery()
    rows = session.execute(select(inner.c.day, func.min(inner.c.running)).group_by(inner.c.day))
    return {_day(d): int(low) for d, low in rows}
