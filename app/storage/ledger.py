"""Connects ledger queries. The balance is always the sum of the entries."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.storage.models import LedgerEntry


def connects_balance(session: Session) -> int:
    return int(session.scalar(select(func.coalesce(func.sum(LedgerEntry.amount), 0))) or 0)
