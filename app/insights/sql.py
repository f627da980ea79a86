"""SQL pieces both views of a range use: dialect differences and range filters."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, func
from sqlalchemy.orm import Session


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _hours_between(session: Session, later: Any, earlier: Any) -> ColumnElement[Any]:
    if _is_sqlite(session):
        return (func.julianday(later) - func.julianday(earlier)) * 24.0
    return func.extract("epoch", later - earlier) / 3600.0


def _greatest(session: Session, a: Any, b: Any) -> ColumnElement[Any]:
    return func.max(a, b) if _is_sqlite(session) else func.greatest(a, b)


def _in_range(column: Any, start: datetime | None, end: datetime | None) -> list[Any]:
    clauses = []
    if start is not None:
        clauses.append(column >= start)
    if end is not None:
        clauses.append(column < end)
    return clauses


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
