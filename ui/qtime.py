"""The app's one clock (:mod:`app.clock`) in Qt's date types, for date and time edits."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QDateTime

from app import clock


def today() -> QDate:
    """Today in UTC, the day boundary the core's date filters use."""
    day = clock.today()
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> date:
    """``day`` as a :class:`datetime.date` (what ``QDate.toPython`` returns, typed)."""
    return date(day.year(), day.month(), day.day())


def now() -> QDateTime:
    """The current moment as a local-time QDateTime, for a time the user reads and edits."""
    return QDateTime.fromMSecsSinceEpoch(int(clock.now().timestamp() * 1000))
