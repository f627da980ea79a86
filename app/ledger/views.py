"""What the Connects page and ``pwb ledger`` show: entry rows, the overview, the JSON."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.ledger.entries import _moment, balance, credit_name, ledger_state
from app.ledger.forecasting import Forecast, forecast
from app.storage.models import JobPosting, LedgerEntry, Proposal


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
