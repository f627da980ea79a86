"""Day-level Insights aggregates kept in memory and brought up to date incrementally.

:func:`app.insights.compute_insights` aggregates the whole history in SQL on
every call: right for ``pwb report``, too slow for a page that refreshes on
every filter change once there are years of data. :class:`InsightsCache`
loads per-proposal facts and per-day ledger sums once, then on each call
fetches only what changed since (new ledger entries and status changes,
proposals, score cards and postings edited since the last look) and answers
any whole-day range and profile from per-day prefix sums.

What it notices: rows added, proposals / score cards / postings updated
through the ORM (their ``updated_at`` / ``computed_at`` move), and rows
deleted (counts shrink: then it reloads everything). A changed setting
(Connect price, verdict thresholds) also reloads everything. Results equal
``compute_insights`` for the same range (the tests check this).
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import settings
from app.errors import InputError
from app.insights import (
    DELAY_BUCKETS,
    SCORE_BANDS,
    SPEND_KINDS,
    UNKNOWN_DELAY,
    UNSCORED,
    GroupStats,
    Insights,
    _balance_series,
    _day,
    _day_expr,
    _merge_months,
    _month_start,
    _ordered,
    _spend_periods,
    as_utc,
    compute_insights,
    proposal_facts_query,
    week_start,
)
from app.storage.models import (
    JobPosting,
    LedgerEntry,
    Profile,
    Proposal,
    ProposalStatusChange,
    ScoreCard,
)

_DIMS = ("category", "verdict", "band", "delay")
_FETCH_CHUNK = 500


@dataclass(frozen=True)
class _Fact:
    """One submitted proposal, reduced to what Insights counts."""

    day: date
    profile_id: int | None
    keys: tuple[tuple[str, Any], ...]
    reached: int
    connects: int
    revenue: float


@dataclass
class _Series:
    """Per-day sums (n, connects, revenue) of one group, with lazy prefix sums."""

    days: dict[date, list[float]] = field(default_factory=dict)
    _sorted: list[date] | None = None
    _cum: list[tuple[float, float, float]] | None = None

    def add(self, day: date, sign: int, connects: int, revenue: float) -> None:
        cell = self.days.setdefault(day, [0, 0, 0.0])
        cell[0] += sign
        cell[1] += sign * connects
        cell[2] += sign * revenue
        if cell[0] == 0:
            del self.days[day]
        self._sorted = self._cum = None

    def total(self, first: date | None, last: date | None) -> tuple[int, int, float]:
        """Sums over days in ``[first, last)`` (None: open)."""
        if self._sorted is None or self._cum is None:
            self._sorted = sorted(self.days)
            cum, n, c, r = [(0.0, 0.0, 0.0)], 0.0, 0.0, 0.0
            for day in self._sorted:
                cell = self.days[day]
                n, c, r = n + cell[0], c + cell[1], r + cell[2]
                cum.append((n, c, r))
            self._cum = cum
        i = 0 if first is None else bisect_left(self._sorted, first)
        j = len(self._sorted) if last is None else bisect_left(self._sorted, last)
        hi, lo = self._cum[j], self._cum[i]
        return int(hi[0] - lo[0]), int(round(hi[1] - lo[1])), hi[2] - lo[2]


@dataclass
class _Marks:
    """How far the cache has read each table."""

    ledger_id: int = 0
    ledger_count: int = 0
    history_id: int = 0
    proposal_id: int = 0
    proposal_count: int = 0
    proposal_updated: datetime | None = None
    card_id: int = 0
    card_computed: datetime | None = None
    job_updated: datetime | None = None
    rules: tuple[Any, ...] = ()


class InsightsCache:
    """In-memory aggregates for fast Insights refreshes; one per open database.

    Thread-safe: calls are serialised, and each uses the caller's session.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loaded = False
        self.full_loads = 0

    def insights(
        self,
        session: Session,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        profile_id: int | None = None,
    ) -> Insights:
        """The same figures as :func:`compute_insights`; fast for whole-day ranges."""
        start, end = as_utc(start), as_utc(end)
        if not (_whole_day(start) and _whole_day(end)):
            return compute_insights(session, start=start, end=end, profile_id=profile_id)
        if start is not None and end is not None and end <= start:
            raise InputError("the end of the range must be after its start")
        profile = session.get(Profile, profile_id) if profile_id is not None else None
        if profile_id is not None and profile is None:
            raise InputError(f"no profile with id {profile_id}")
        with self._lock:
            self._sync(session)
            return self._answer(
                start.date() if start else None,
                end.date() if end else None,
                profile_id,
                profile.name if profile else None,
                (start, end),
            )

    # -- loading --------------------------------------------------------------

    def _rules(self, session: Session) -> tuple[Any, ...]:
        return tuple(
            settings.get(session, key)
            for key in ("connects.price_usd", "score.apply_threshold", "score.maybe_threshold")
        )

    def _reset(self) -> None:
        self._marks = _Marks()
        self._facts: dict[int, _Fact] = {}
        self._series: dict[tuple[Any, ...], _Series] = defaultdict(_Series)
        #: (kind, profile id of the entry's proposal) -> day -> [amount, usd]
        self._ledger: dict[tuple[str, int | None], dict[date, list[float]]] = defaultdict(dict)
        #: every proposal id seen (drafts too): to tell new rows from deleted ones
        self._all_ids: set[int] = set()
        self._keys: dict[tuple[Any, ...], tuple[tuple[str, Any], ...]] = {}
        self._days: dict[str, date] = {}

    def _sync(self, session: Session) -> None:
        rules = self._rules(session)
        if not self._loaded or rules != self._marks.rules:
            self._full_load(session, rules)
            return
        changed = self._read_new_ledger(session)
        if changed is None or not self._update_proposals(session, changed):
            self._full_load(session, rules)

    def _full_load(self, session: Session, rules: tuple[Any, ...]) -> None:
        self._reset()
        self._marks.rules = rules
        self.full_loads += 1
        self._read_new_ledger(session)
        m = self._marks
        m.history_id = _max(session, ProposalStatusChange.id)
        m.proposal_id = _max(session, Proposal.id)
        self._all_ids = {int(pid) for (pid,) in session.execute(select(Proposal.id))}
        m.proposal_count = len(self._all_ids)
        m.card_id = _max(session, ScoreCard.id)
        m.proposal_updated = session.scalar(select(func.max(Proposal.updated_at)))
        m.card_computed = session.scalar(select(func.max(ScoreCard.computed_at)))
        m.job_updated = session.scalar(select(func.max(JobPosting.updated_at)))
        self._load_facts(session.execute(proposal_facts_query(session, per_proposal=True)))
        self._loaded = True

    def _load_facts(self, rows: Iterable[Any]) -> None:
        """Add many proposals at once (the inner loop of a full load, kept tight)."""
        facts, series = self._facts, self._series
        for row in rows:
            fact = facts[row.id] = self._fact(row)
            day, owner, reached = fact.day, fact.profile_id, fact.reached
            for dim, value in fact.keys:
                cell = series[(owner, dim, value, reached)].days.setdefault(day, [0, 0, 0.0])
                cell[0] += 1
                cell[1] += fact.connects
                cell[2] += fact.revenue

    def _read_new_ledger(self, session: Session) -> set[int] | None:
        """Add entries newer than the last read; their refunded proposals; None if rows vanished."""
        m = self._marks
        day = _day_expr(session, LedgerEntry.at).label("day")
        query = (
            select(
                day,
                LedgerEntry.kind,
                Proposal.profile_id,
                func.sum(LedgerEntry.amount),
                func.coalesce(func.sum(LedgerEntry.usd), 0.0),
                func.count(),
                func.max(LedgerEntry.id),
            )
            .outerjoin(Proposal, Proposal.id == LedgerEntry.proposal_id)
            .where(LedgerEntry.id > m.ledger_id)
            .group_by(day, LedgerEntry.kind, Proposal.profile_id)
        )
        added, before = 0, m.ledger_id
        for d, kind, profile_id, amount, usd, n, top in session.execute(query):
            cell = self._ledger[(kind, profile_id)].setdefault(_day(d), [0, 0.0])
            cell[0] += int(amount or 0)
            cell[1] += float(usd or 0.0)
            added += int(n)
            m.ledger_id = max(m.ledger_id, int(top))
        count = _count(session, LedgerEntry.id)
        if self._loaded and count != m.ledger_count + added:
            return None
        m.ledger_count = count
        if not added:
            return set()
        refunds = select(LedgerEntry.proposal_id).where(
            LedgerEntry.id > before,
            LedgerEntry.proposal_id.is_not(None),
            LedgerEntry.kind.in_(("refund", "boost_refund")),
        )
        return {int(pid) for pid in session.scalars(refunds) if pid is not None}

    def _update_proposals(self, session: Session, changed: set[int]) -> bool:
        """Refetch proposals touched since the last look; False when a reload is needed."""
        m = self._marks
        history = select(ProposalStatusChange.proposal_id, ProposalStatusChange.id).where(
            ProposalStatusChange.id > m.history_id
        )
        for pid, hid in session.execute(history):
            changed.add(int(pid))
            m.history_id = max(m.history_id, int(hid))
        # one index-backed query per question (an OR would scan the table)
        for query in (
            select(Proposal.id, Proposal.updated_at).where(Proposal.id > m.proposal_id),
            select(Proposal.id, Proposal.updated_at).where(
                _since(Proposal.updated_at, m.proposal_updated)
            ),
        ):
            for pid, updated in session.execute(query):
                changed.add(int(pid))
                m.proposal_id = max(m.proposal_id, int(pid))
                m.proposal_updated = _later(m.proposal_updated, updated)
        on_card = (Proposal.job_id == ScoreCard.job_id) & (
            Proposal.profile_id == ScoreCard.profile_id
        )
        for where in (ScoreCard.id > m.card_id, _since(ScoreCard.computed_at, m.card_computed)):
            cards = select(ScoreCard.id, ScoreCard.computed_at, Proposal.id).outerjoin(
                Proposal, on_card
            )
            for card_id, computed, pid in session.execute(cards.where(where)):
                if pid is not None:
                    changed.add(int(pid))
                m.card_id = max(m.card_id, int(card_id))
                m.card_computed = _later(m.card_computed, computed)
        jobs = (
            select(JobPosting.updated_at, Proposal.id)
            .outerjoin(Proposal, Proposal.job_id == JobPosting.id)
            .where(_since(JobPosting.updated_at, m.job_updated))
        )
        for updated, pid in session.execute(jobs):
            if pid is not None:
                changed.add(int(pid))
            m.job_updated = _later(m.job_updated, updated)
        count = _count(session, Proposal.id)
        existing = {int(p) for (p,) in session.execute(_existing(changed - self._all_ids))}
        if count != m.proposal_count + len(existing):
            return False  # something was deleted: reload
        changed -= (changed - self._all_ids) - existing
        m.proposal_count = count
        self._refetch(session, sorted(changed))
        return True

    def _refetch(self, session: Session, ids: list[int]) -> None:
        for pid in ids:
            old = self._facts.pop(pid, None)
            if old is not None:
                self._apply(old, -1)
        for i in range(0, len(ids), _FETCH_CHUNK):
            chunk = ids[i : i + _FETCH_CHUNK]
            query = proposal_facts_query(session, per_proposal=True, few=True)
            query = query.where(Proposal.id.in_(chunk))
            for row in session.execute(query):
                self._add(row.id, self._fact(row))
        self._all_ids.update(ids)

    def _add(self, pid: int, fact: _Fact) -> None:
        self._facts[pid] = fact
        self._all_ids.add(pid)
        self._apply(fact, 1)

    def _apply(self, fact: _Fact, sign: int) -> None:
        for dim, value in fact.keys:
            self._series[(fact.profile_id, dim, value, fact.reached)].add(
                fact.day, sign, fact.connects, fact.revenue
            )

    def _fact(self, row: Any) -> _Fact:
        """A fact from a facts-query row; dimension tuples and days are shared, not copied."""
        raw = (bool(row.invited), bool(row.boosted), *(getattr(row, dim) for dim in _DIMS))
        keys = self._keys.get(raw)
        if keys is None:
            dims = tuple(zip(_DIMS, raw[2:], strict=True))
            keys = (("total", "all"), ("invited", raw[0]), ("boosted", raw[1]), *dims)
            self._keys[raw] = keys
        day = self._days.get(str(row.day))
        if day is None:
            day = self._days[str(row.day)] = _day(row.day)
        return _Fact(
            day,
            row.profile_id,
            keys,
            int(row.reached),
            int(row.connects or 0),
            float(row.revenue or 0.0),
        )

    # -- answering ------------------------------------------------------------

    def _answer(
        self,
        first: date | None,
        last: date | None,
        profile_id: int | None,
        profile_name: str | None,
        bounds: tuple[datetime | None, datetime | None],
    ) -> Insights:
        price = float(self._marks.rules[0])
        ins = Insights(bounds[0], bounds[1], profile_name, price)
        everything = self._ledger_rows(first, last, None)
        spends = [r for r in everything if r[1] in SPEND_KINDS]
        if profile_id is not None:
            spends = self._ledger_rows(first, last, profile_id, SPEND_KINDS)
        ins.connects_boost = -sum(a for _d, k, a, _u in spends if k in ("boost", "boost_refund"))
        ins.connects_spent = -sum(a for _d, k, a, _u in spends if k in ("spend", "refund"))
        ins.usd_spent = round(sum(u for _d, k, _a, u in everything if k == "purchase"), 2)
        ins.by_week = _spend_periods(spends, everything, week_start)
        ins.opening_balance = (
            0
            if first is None
            else int(
                sum(c[0] for days in self._ledger.values() for d, c in days.items() if d < first)
            )
        )
        ins.balance = _balance_series(everything, ins.opening_balance)
        cohorts = self._roll_up(ins, first, last, profile_id)
        ins.by_month = _merge_months(_spend_periods(spends, everything, _month_start), cohorts)
        return ins

    def _ledger_rows(
        self,
        first: date | None,
        last: date | None,
        profile_id: int | None,
        kinds: Iterable[str] | None = None,
    ) -> list[tuple[date, str, int, float]]:
        sums: dict[tuple[date, str], list[float]] = defaultdict(lambda: [0, 0.0])
        wanted = set(kinds) if kinds is not None else None
        for (kind, owner), days in self._ledger.items():
            if (wanted is not None and kind not in wanted) or (
                profile_id is not None and owner != profile_id
            ):
                continue
            for day, (amount, usd) in days.items():
                if (first is None or day >= first) and (last is None or day < last):
                    cell = sums[(day, kind)]
                    cell[0] += amount
                    cell[1] += usd
        return [(d, k, int(a), float(u)) for (d, k), (a, u) in sums.items()]

    def _roll_up(
        self, ins: Insights, first: date | None, last: date | None, profile_id: int | None
    ) -> dict[date, GroupStats]:
        price = ins.connect_price
        groups: dict[tuple[str, Any], GroupStats] = {}
        months: dict[date, GroupStats] = {}
        for (owner, dim, value, reached), series in self._series.items():
            if profile_id is not None and owner != profile_id:
                continue
            n, connects, revenue = series.total(first, last)
            if n:
                group = groups.setdefault((dim, value), GroupStats(str(value), connect_price=price))
                group.add(reached, n, connects, revenue)
            if dim == "total":
                for day, cell in series.days.items():
                    if (first is None or day >= first) and (last is None or day < last):
                        month = months.setdefault(_month_start(day), GroupStats("month"))
                        month.add(reached, int(cell[0]), 0, 0.0)
        empty = GroupStats("", connect_price=price)
        for target, key in (
            ("total", ("total", "all")),
            ("invited", ("invited", True)),
            ("cold", ("invited", False)),
            ("boosted", ("boosted", True)),
            ("not_boosted", ("boosted", False)),
        ):
            found = groups.get(key, empty)
            stats = getattr(ins, target)
            stats.connect_price = price
            stats.merge(found)

        def by(dim: str) -> dict[str, GroupStats]:
            return {str(v): g for (d, v), g in groups.items() if d == dim}

        ins.by_category = _ordered(by("category"))
        ins.by_verdict = _ordered(by("verdict"), ("apply", "maybe", "skip", UNSCORED))
        ins.by_score_band = _ordered(by("band"), [b for b, _l, _h in SCORE_BANDS] + [UNSCORED])
        ins.by_delay = _ordered(by("delay"), [b for b, _u in DELAY_BUCKETS] + [UNKNOWN_DELAY])
        return months


def _whole_day(moment: datetime | None) -> bool:
    return moment is None or moment.astimezone(UTC).timetz().replace(tzinfo=None) == time(0)


def _max(session: Session, column: Any) -> int:
    return int(session.scalar(select(func.coalesce(func.max(column), 0))) or 0)


def _count(session: Session, column: Any) -> int:
    return int(session.scalar(select(func.count(column))) or 0)


def _since(column: Any, mark: datetime | None) -> Any:
    return column.is_not(None) if mark is None else column >= mark


def _later(a: datetime | None, b: datetime | None) -> datetime | None:
    if a is None or b is None:
        return a or b
    return max(a, b)


def _existing(ids: set[int]) -> Any:
    return select(Proposal.id).where(Proposal.id.in_(sorted(ids) or [-1]))
