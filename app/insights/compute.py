"""Every figure of a range: :func:`compute_insights`, and :class:`InsightsMemo` for the page."""

from __future__ import annotations

import threading
from datetime import datetime

from sqlalchemy.orm import Session

from app import settings
from app.clock import as_utc
from app.errors import InputError
from app.insights.cohort_view import _merge_months, _proposal_groups, _roll_up
from app.insights.ledger_view import (
    _balance_series,
    _daily_lows,
    _ledger_days,
    _opening_balance,
    _spend_periods,
)
from app.insights.results import SPEND_KINDS, Insights, _month_start, week_start
from app.insights.summary import holds_writes, reading
from app.storage import Database
from app.storage.commits import CommitWatcher
from app.storage.models import Member, Profile

#: what the memo remembers figures by: (start, end, profile id, member id)
_Key = tuple[datetime | None, datetime | None, int | None, int | None]


def compute_insights(
    session: Session,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    profile_id: int | None = None,
    member_id: int | None = None,
) -> Insights:
    """Every Insights figure for ``[start, end)`` (UTC), one profile and one member (None: all).

    With a member, proposals are theirs (``proposal.member_id``) and Connects
    spent are the entries they posted; balance and purchases stay the team's.

    A read: ``session`` is left as found. The per-proposal summary is brought
    up to date first in a transaction of its own, unless ``session`` has
    uncommitted writes; then the figures are computed live in it, and include
    what it flushed (:func:`~app.insights.summary.reading`).
    """
    _check_range(start, end)
    with reading(session) as (reader, fresh):
        return _compute(reader, start, end, profile_id, fresh=fresh, member_id=member_id)


def _check_range(start: datetime | None, end: datetime | None) -> None:
    start, end = as_utc(start), as_utc(end)
    if start is not None and end is not None and end <= start:
        raise InputError("the end of the range must be after its start")


def _compute(
    session: Session,
    start: datetime | None,
    end: datetime | None,
    profile_id: int | None,
    *,
    fresh: bool,
    member_id: int | None = None,
) -> Insights:
    """The figures, from the summary if it is ``fresh``, else from the proposals themselves."""
    start, end = as_utc(start), as_utc(end)
    profile = session.get(Profile, profile_id) if profile_id is not None else None
    if profile_id is not None and profile is None:
        raise InputError(f"no profile with id {profile_id}")
    price = float(settings.get(session, "connects.price_usd"))
    ins = Insights(start, end, profile.name if profile else None, price)
    if member_id is not None:
        member = session.get(Member, member_id)
        if member is None:
            raise InputError(f"no member with id {member_id}")
        ins.member = member.name

    everything = _ledger_days(session, start, end, None, None)
    spends = (
        [r for r in everything if r[1] in SPEND_KINDS]
        if profile_id is None and member_id is None
        else _ledger_days(session, start, end, profile_id, SPEND_KINDS, member_id=member_id)
    )
    ins.connects_boost = -sum(a for _d, k, a, _u in spends if k in ("boost", "boost_refund"))
    ins.connects_spent = -sum(a for _d, k, a, _u in spends if k in ("spend", "refund"))
    ins.usd_spent = round(sum(u for _d, k, _a, u in everything if k == "purchase"), 2)
    ins.by_week = _spend_periods(spends, everything, week_start)
    ins.opening_balance = _opening_balance(session, start)
    ins.balance = _balance_series(everything, ins.opening_balance, _daily_lows(session, start, end))

    groups = _proposal_groups(session, start, end, profile_id, live=not fresh, member_id=member_id)
    cohorts = _roll_up(ins, groups)
    ins.by_month = _merge_months(_spend_periods(spends, everything, _month_start), cohorts)
    return ins


class InsightsMemo:
    """Figures already computed, answered again until the database changes.

    A :class:`~app.storage.commits.CommitWatcher` (``PRAGMA data_version`` on
    SQLite, the transaction snapshot on PostgreSQL) moves whenever any other
    connection (this app's sessions, ``pwb`` in another process, another
    member) commits; while it stands still, a refresh for a range and profile
    already computed is answered from memory, and any commit forgets
    everything. Thread-safe: the page computes in background tasks.
    """

    def __init__(self, db: Database) -> None:
        self._lock = threading.Lock()
        self._watcher: CommitWatcher | None = CommitWatcher(db)
        self._version: object | None = None
        self._results: dict[_Key, Insights] = {}
        #: how many times the figures were computed in SQL (not answered from memory)
        self.computed = 0

    def insights(
        self,
        session: Session,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        profile_id: int | None = None,
        member_id: int | None = None,
    ) -> Insights:
        """:func:`compute_insights`, or the same figures again if nothing was committed since."""
        if holds_writes(session):  # figures with uncommitted writes in them are not shared
            ins = compute_insights(
                session, start=start, end=end, profile_id=profile_id, member_id=member_id
            )
            with self._lock:
                self.computed += 1
            return ins
        key = (as_utc(start), as_utc(end), profile_id, member_id)
        with self._lock:
            version = self._data_version()
            if version is not None and version == self._version and key in self._results:
                return self._results[key]
        _check_range(start, end)
        with reading(session) as (reader, fresh):
            # the summary's own commit moves data_version too: read the version after it
            found, version = self._remembered(key)
            if found is not None:
                return found
            ins = _compute(reader, start, end, profile_id, fresh=fresh, member_id=member_id)
        with self._lock:
            self.computed += 1
            if version is not None and version == self._version:
                self._results[key] = ins
        return ins

    def _remembered(self, key: _Key) -> tuple[Insights | None, object | None]:
        """The figures for ``key`` if still current, and the version; forgets stale ones."""
        with self._lock:
            version = self._data_version()
            if version is None or version != self._version:
                self._results.clear()
                self._version = version
            return self._results.get(key), version

    def _data_version(self) -> object | None:
        return None if self._watcher is None else self._watcher.version()

    def close(self) -> None:
        """Close the connection that watches for changes."""
        with self._lock:
            if self._watcher is not None:
                self._watcher.close()
                self._watcher = None
            self._results.clear()
