"""Dates in imported files, as people and tools write them.

ISO 8601, RFC 2822 (``Thu, 06 Jun 2024 04:58:00 +0000``), ``6/6/2024 4:58am``,
``06.06.2024``, epoch seconds or milliseconds and the relative forms of
:func:`app.parsing.times.parse_relative` (``2 hours ago``). Absolute dates are
read by python-dateutil; what it cannot know is whether ``06/07/2024`` is the
6th of July or the 7th of June. That order is decided once per file: a date
whose first number is above 12 makes it day first, one whose second is makes it
month first, and a file with neither takes the user's order (a setting, by
default the system locale's). Each date is then checked against that order, so
a file never has some dates read one way and some the other.
"""

from __future__ import annotations

import locale
import os
import re
import warnings
from datetime import UTC, datetime
from functools import lru_cache

from dateutil import parser as date_parser

from app import clock
from app.errors import InputError
from app.parsing.times import parse_relative

DAY_FIRST = "DMY"
MONTH_FIRST = "MDY"
ORDERS = (DAY_FIRST, MONTH_FIRST)
ORDER_NAMES = {DAY_FIRST: "day/month/year", MONTH_FIRST: "month/day/year"}

#: ``6/6/2024``, ``06.06.2024``, ``6-6-24``: two numbers that are a day and a month, then a year
_NUMERIC = re.compile(r"^\s*(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)")
#: epoch seconds from 1973 on (9+ digits), or milliseconds; shorter numbers are not times
_EPOCH = re.compile(r"^\d{9,13}(?:\.\d+)?$")
#: regions that write the month first (ISO 3166 alpha-2): the United States and its
#: territories, the Philippines, Belize, the Federated States of Micronesia
_MONTH_FIRST_REGIONS = frozenset({"US", "PR", "GU", "VI", "AS", "MP", "UM", "PH", "BZ", "FM"})


def evidence(text: str) -> str | None:
    """The order a date written ``a/b/yyyy`` proves: DMY if ``a`` > 12, MDY if ``b`` > 12."""
    match = _NUMERIC.match(text)
    if match is None:
        return None
    first, second = int(match.group(1)), int(match.group(3))
    if first > 12 >= second >= 1:
        return DAY_FIRST
    if second > 12 >= first >= 1:
        return MONTH_FIRST
    return None


def system_date_order() -> str:
    """The date order of the user's locale (``LC_ALL`` / ``LC_TIME`` / ``LANG``, else the
    locale Python found): month first for the US and the few regions that write so,
    else day first. Without any locale (``C``), month first, as Upwork writes dates."""
    name = ""
    for var in ("LC_ALL", "LC_TIME", "LANG"):
        name = os.environ.get(var, "")
        if name:
            break
    if not name:
        try:
            name = locale.getlocale(locale.LC_TIME)[0] or locale.getlocale()[0] or ""
        except ValueError:
            name = ""
    return order_of_locale(name)


def order_of_locale(name: str) -> str:
    """``en_US.UTF-8`` → MDY, ``de_DE`` → DMY, ``en_GB`` → DMY, ``C`` / ``POSIX`` → MDY."""
    base = name.split(".", 1)[0].split("@", 1)[0]
    if base in ("", "C", "POSIX"):
        return MONTH_FIRST
    region = base.replace("-", "_").split("_")[-1].upper() if "_" in base or "-" in base else ""
    if not region:
        return MONTH_FIRST if base.lower() == "en" else DAY_FIRST
    return MONTH_FIRST if region in _MONTH_FIRST_REGIONS else DAY_FIRST


def parse_when(value: object, now: datetime, order: str) -> datetime | None:
    """An imported date or time as an aware UTC datetime (naive times are UTC).

    Raises :class:`InputError` for text that is no date, and for ``a/b/yyyy`` dates
    that cannot be read in ``order`` (``06/13/2024`` in a day-first file).
    """
    if isinstance(value, bool):
        raise InputError(f"date {value!r} is not a date")
    if isinstance(value, int | float):
        return _epoch(float(value))
    text = " ".join(str(value).split())
    if not text:
        return None
    if _EPOCH.match(text):
        return _epoch(float(text))
    try:
        return clock.as_utc(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    relative = parse_relative(text, now) if _looks_relative(text) else None
    if relative is not None:
        return relative
    numeric = _NUMERIC.match(text)
    moment = _absolute(text, order == DAY_FIRST, now.year)
    if moment is None:
        relative = parse_relative(text, now)
        if relative is not None:
            return relative
        raise InputError(
            f"date {text[:60]!r} is not a date (ISO 8601, RFC 2822, 6/6/2024 4:58am, "
            "06.06.2024, epoch seconds or '2 hours ago')"
        ) from None
    if numeric is not None:
        first, second = int(numeric.group(1)), int(numeric.group(3))
        expected = (moment.day, moment.month) if order == DAY_FIRST else (moment.month, moment.day)
        if (first, second) != expected:
            raise InputError(
                f"date {text[:60]!r} cannot be {ORDER_NAMES[order]}, the order of the "
                "file's other dates"
            )
    return clock.as_utc(moment)


#: the one shape most exports write (``6/6/2024 4:58am``, ``06.06.2024 16:58:07``): read
#: without dateutil's general lexer, which costs ~45 µs a date (a test checks that this
#: reads exactly what dateutil reads)
_NUMERIC_TIME = re.compile(
    r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))? ?([AaPp][Mm])?)?"
)


def _numeric(text: str, dayfirst: bool) -> datetime | None:
    """``text`` in the shape of :data:`_NUMERIC_TIME` as dateutil reads it, or None (then
    dateutil decides)."""
    match = _NUMERIC_TIME.fullmatch(text)
    if match is None:
        return None
    a, _, b, year, hour, minute, second, half = match.groups()
    day, month = (int(a), int(b)) if dayfirst else (int(b), int(a))
    if month > 12:
        return None  # dateutil swaps day and month, or refuses: let it
    h = int(hour) if hour else 0
    if half is not None:
        if not 0 <= h <= 12:
            return None
        h = h % 12 + (12 if half.lower() == "pm" else 0)
    try:
        return datetime(int(year), month, day, h, int(minute or 0), int(second or 0))
    except ValueError:
        return None


@lru_cache(maxsize=16384)
def _absolute(text: str, dayfirst: bool, year: int) -> datetime | None:
    """dateutil's reading of ``text`` (cached: many files repeat their dates), or None."""
    fast = _numeric(text, dayfirst)
    if fast is not None:
        return fast
    try:
        with warnings.catch_warnings():
            # "EST" and other zone names dateutil cannot place: read as UTC, not a warning
            warnings.simplefilter("ignore", date_parser.UnknownTimezoneWarning)
            return date_parser.parse(text, dayfirst=dayfirst, default=datetime(year, 1, 1))
    except (date_parser.ParserError, ValueError, OverflowError):
        return None


_RELATIVE_WORDS = re.compile(r"\b(?:ago|yesterday|today|just now|last (?:week|month|year))\b", re.I)


def _looks_relative(text: str) -> bool:
    return bool(_RELATIVE_WORDS.search(text))


def _epoch(number: float) -> datetime:
    if number != number:  # NaN
        raise InputError("date NaN is not a date")
    seconds = number / 1000 if abs(number) > 10**11 else number
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        raise InputError(f"date {number:g} is out of range") from None
