"""The forecast: when the balance runs out at the recent pace, and whether it covers a proposal.

The run-out day is simulated day by day: Connects drawn FIFO at the pace,
lots expiring on their dates, the plan's allocation arriving on billing days.
"""

from __future__ import annotations

import heapq
import statistics
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import settings
from app.domain import LedgerKind as K
from app.ledger.entries import (
    _billing,
    _billing_day,
    _moment,
    credit_name,
    ledger_state,
    monthly_allocation,
    overdraft_message,
)
from app.ledger.lots import LedgerState, next_expiries
from app.messages import Count, Message, Text, message
from app.storage.models import LedgerEntry


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
    #: ``warning`` as a template and its values, for the GUI to translate
    warning_message: Message | None = None

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
    warning: Message | None = None
    if current < 0:
        warning = overdraft_message(session, sentence=True)
    elif current < typical:
        name = Text(credit_name(session))
        warning = message(
            "{balance} {credits} cannot cover a typical proposal ({typical} {credits}); "
            "buy a bundle or wait for the monthly allocation",
            balance=Count(current, grouped=False),
            typical=Count(typical, grouped=False),
            credits=name,
        )
    return Forecast(
        balance=current,
        pace_per_day=pace,
        window_days=days,
        runs_out_on=_run_out_day(session, state, when, pace),
        typical_proposal=typical,
        warning=None if warning is None else str(warning),
        next_expiries=next_expiries(state),
        warning_message=warning,
    )
