"""The one clock: what time it is (always UTC) and how to read a time as UTC.

Every module asks this one for "now" instead of ``datetime.now()``; a ruff
banned-api rule keeps it that way in ``app/`` and ``ui/``. Tests and the
command line can set it (:func:`set_now`), so a date that has bitten before
(the 1st of a month, 29 February, New Year's Eve, a DST change) can be tried
on any day.

A set clock either stands still (``tick=False``) or starts at the given moment
and runs on at the real pace (``tick=True``, what libfaketime does), so code
that orders writes by time still sees time pass.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import overload

from app.errors import InputError

#: how far ahead of this computer's clock a time may be before it counts as "future"
CLOCK_SKEW = timedelta(minutes=5)
#: environment variable that starts the clock at an ISO moment (for tests and try-outs)
ENV_VAR = "PWB_CLOCK"

_lock = threading.Lock()
#: (the moment it was set to, the real time when it was set, whether it runs on)
_setting: tuple[datetime, datetime, bool] | None = None
#: the last moment a running clock answered, and the least step after it
_last: datetime | None = None
_TICK = timedelta(microseconds=1)


def _real_now() -> datetime:
    return datetime.now(UTC)  # noqa: TID251 -- the one place that reads the wall clock


def now() -> datetime:
    """The current moment as an aware UTC datetime.

    A running clock never answers the same moment twice in this process: where
    the system clock is coarse (about 16 ms on Windows before Python 3.13), two
    writes in a row still get distinct, increasing times, so "changed since"
    watermarks see both. A clock set to stand still stands still.
    """
    global _last
    setting = _setting
    if setting is not None and not setting[2]:
        return setting[0]
    moment = _real_now() if setting is None else setting[0] + (_real_now() - setting[1])
    with _lock:
        if _last is not None and moment <= _last:
            moment = _last + _TICK
        _last = moment
    return moment


def today() -> date:
    """Today's date in UTC (the app's day boundaries are UTC)."""
    return now().date()


@overload
def as_utc(moment: datetime) -> datetime: ...
@overload
def as_utc(moment: None) -> None: ...
def as_utc(moment: datetime | None) -> datetime | None:
    """``moment`` as an aware UTC datetime: a naive time is taken as UTC already."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def parse_iso(text: str) -> datetime:
    """An ISO 8601 date or time (``Z`` allowed) as aware UTC; ``ValueError`` if it is not one."""
    return as_utc(datetime.fromisoformat(text.strip().replace("Z", "+00:00")))


def is_future(moment: datetime) -> bool:
    """True when ``moment`` is later than now by more than the allowed clock skew."""
    return as_utc(moment) > now() + CLOCK_SKEW


def set_now(moment: datetime | None, *, tick: bool = False) -> None:
    """Make :func:`now` answer ``moment`` (naive = UTC); ``None`` goes back to the real clock."""
    global _setting, _last
    with _lock:
        _setting = None if moment is None else (as_utc(moment), _real_now(), tick)
        _last = None


@contextmanager
def frozen(moment: datetime, *, tick: bool = False) -> Iterator[None]:
    """Within the block, the clock reads ``moment`` (and runs on from it if ``tick``)."""
    before = _setting
    set_now(moment, tick=tick)
    try:
        yield
    finally:
        _restore(before)


def _restore(setting: tuple[datetime, datetime, bool] | None) -> None:
    global _setting, _last
    with _lock:
        _setting = setting
        _last = None


def set_from_environment() -> None:
    """Start the clock at ``$PWB_CLOCK`` (an ISO moment, naive = UTC) when it is set.

    The clock then runs on from there, so a child process started by a test that
    set the clock sees the same day. A value that is not an ISO 8601 moment is
    an :class:`~app.errors.InputError` naming the variable.
    """
    text = os.environ.get(ENV_VAR, "").strip()
    if not text:
        return
    try:
        moment = parse_iso(text)
    except ValueError:
        raise InputError(f"{ENV_VAR}={text!r} is not an ISO 8601 date or time") from None
    set_now(moment, tick=True)
