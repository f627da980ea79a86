"""Relative and absolute times as Upwork shows them, resolved against the capture time."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_UNITS = {
    "second": timedelta(seconds=1),
    "minute": timedelta(minutes=1),
    "min": timedelta(minutes=1),
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
    "week": timedelta(weeks=1),
    "month": timedelta(days=30),
    "year": timedelta(days=365),
}
_AGO = re.compile(
    r"\b(\d+|an?|one)\s+(second|minute|min|hour|day|week|month|year)s?\s+ago\b", re.IGNORECASE
)
_LAST = re.compile(r"\blast\s+(week|month|year)\b", re.IGNORECASE)
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, 1)}
_DATE = re.compile(r"\b([A-Z][a-z]{2})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b")
_MONTH_YEAR = re.compile(r"\b([A-Z][a-z]{2})[a-z]*\.?\s+(\d{4})\b")

RELATIVE = (
    r"(?:(?:\d+|an?|one)\s+(?:second|minute|min|hour|day|week|month|year)s?\s+ago"
    r"|yesterday|today|just now|last (?:week|month|year))"
)


def parse_relative(text: str | None, now: datetime) -> datetime | None:
    """``4 minutes ago``, ``yesterday``, ``last week`` → a moment before ``now``; else None."""
    if not text:
        return None
    lowered = text.lower()
    match = _AGO.search(text)
    if match is not None:
        count_text = match.group(1).lower()
        count = 1 if count_text in ("a", "an", "one") else int(count_text)
        return now - _UNITS[match.group(2).lower()] * count
    if "just now" in lowered or "moments ago" in lowered:
        return now
    if "yesterday" in lowered:
        return now - timedelta(days=1)
    last = _LAST.search(text)
    if last is not None:
        return now - _UNITS[last.group(1).lower()]
    if "today" in lowered:
        return now
    day = parse_date(text)
    if day is not None:
        return datetime(day.year, day.month, day.day, tzinfo=now.tzinfo)
    return None


def parse_date(text: str | None) -> date | None:
    """``Jun 11, 2024`` / ``June 11 2024`` / ``Jun 2024`` (first of the month); else None."""
    if not text:
        return None
    match = _DATE.search(text)
    if match is not None:
        month = _MONTHS.get(match.group(1).lower())
        if month:
            try:
                return date(int(match.group(3)), month, int(match.group(2)))
            except ValueError:
                return None
    match = _MONTH_YEAR.search(text)
    if match is not None:
        month = _MONTHS.get(match.group(1).lower())
        if month:
            return date(int(match.group(2)), month, 1)
    return None
