"""Lots from entries: the FIFO replay, pure Python with no database.

Each credit is a *lot*; spends, boosts and negative corrections draw from the
oldest unexpired lot first, and a lot's remainder leaves it on its expiry date.
:func:`replay` applies entry rows in time order, so lot remainders are never
stored and can never drift from the entries. This module imports neither
SQLAlchemy nor storage (a test keeps it so): the rows may come from anywhere.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from app import clock
from app.domain import LedgerKind as K


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
