"""Insights: is my bidding paying off? Numbers behind the Insights page and ``pwb report``.

Everything is computed with a few SQL aggregates (grouped to days or to small
proposal groups) and rolled up in Python, so a refresh stays fast with years
of data. The proposal figures group a per-proposal summary,
``insights_proposal_fact``, which :func:`refresh_facts` brings up to date
incrementally before each computation (only the proposals whose inputs
changed are recomputed, by the same SQL as a computation from scratch).
Conventions, which the report and the charts share:

* **Time.** Stored times are UTC. A range is half-open ``[start, end)``; days,
  ISO weeks (starting Monday 00:00) and months are UTC calendar periods.
* **Two views of a range.** Ledger figures (Connects spent, boosts, refunds,
  purchases, balance) count entries *dated* in the range. Proposal figures
  (funnel, win rates, Connects and USD per hire, revenue) follow the cohort of
  proposals *submitted* in the range, with everything that happened to them
  later, refunds included.
* **Net of refunds.** ``spend`` minus ``refund`` is base Connects; ``boost``
  minus ``boost_refund`` is boost Connects. In the ledger view a refund counts
  in the period it was posted; in the cohort view it reduces the cost of the
  proposal it belongs to.
* **USD.** ``usd_spent`` is cash paid for Connects (``purchase`` entries). It
  is account-wide: a purchase belongs to no profile. So is the balance line;
  with a profile chosen, only spends, boosts and refunds are filtered (through
  the proposal each entry belongs to). Per-hire USD and revenue
  per USD value the Connects a proposal spent at the Connect price setting
  (``connects.price_usd``), so they work per profile, category and band.
* **Funnel.** A submitted proposal *reached* a stage if its history (or its
  current status) holds that stage or a later one on the happy path
  (submitted → viewed → replied → interviewing → hired). Rates are shares of
  submitted proposals; ``step_rate`` is the share of the previous stage.
  Invitations (free to answer) are shown apart from cold proposals.
* **Score.** A proposal's score is ``score_at_submit``, else the stored score
  card total for its posting and profile; bands are ``0-20`` … ``80-100``,
  lower bound included (80–100 includes 100). Verdict is the stored score
  card's, else derived from the score and the verdict thresholds.
"""

from __future__ import annotations

import csv
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, and_, case, func, literal, literal_column, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, SessionTransactionOrigin

from app import clock, settings
from app.clock import as_utc
from app.errors import InputError
from app.storage import (
    Database,
    hints,  # noqa: F401  (INDEXED BY on SQLite)
)
from app.storage.models import (
    InsightsFactState,
    InsightsProposalFact,
    JobPosting,
    LedgerEntry,
    Profile,
    Proposal,
    ProposalStatusChange,
    ScoreCard,
)

#: the happy path after submission, in order
STAGES: tuple[str, ...] = ("submitted", "viewed", "replied", "interviewing", "hired")
_RANK = {stage: i + 1 for i, stage in enumerate(STAGES)}
#: score bands: (label, lowest score, highest score excluded); the last includes 100
SCORE_BANDS: tuple[tuple[str, int, int], ...] = (
    ("0-20", 0, 20),
    ("20-40", 20, 40),
    ("40-60", 40, 60),
    ("60-80", 60, 80),
    ("80-100", 80, 101),
)
#: hours from posting to proposal: (label, upper bound excluded)
DELAY_BUCKETS: tuple[tuple[str, float], ...] = (
    ("< 1 h", 1),
    ("1-6 h", 6),
    ("6-24 h", 24),
    ("1-3 days", 72),
    ("> 3 days", float("inf")),
)
UNKNOWN_DELAY = "unknown"
UNSCORED = "unscored"
UNCATEGORISED = "Uncategorised"
SPEND_KINDS = ("spend", "refund", "boost", "boost_refund")
#: outcomes needed before calibrated_win_rates replaces the defaults
CALIBRATION_MIN_SAMPLE = 30
#: hires needed too: with fewer, every band would read as "never wins"
CALIBRATION_MIN_HIRES = 3
#: pseudo-count pulling a thin band toward the user's overall rate
CALIBRATION_PRIOR_WEIGHT = 10
#: an open proposal older than this counts as lost for calibration
CALIBRATION_STALE_DAYS = 30
CHART_KINDS: tuple[str, ...] = (
    "spend",
    "balance",
    "funnel",
    "score-bands",
    "categories",
    "boost",
    "speed",
)
#: delay buckets counted as "early" in the speed takeaway (within 6 hours of posting)
EARLY_DELAYS = ("< 1 h", "1-6 h")


# -- results ------------------------------------------------------------------


@dataclass(frozen=True)
class SpendPeriod:
    """Connects spent in one week or month (net of refunds), and cash for purchases."""

    period: str
    start: date
    base: int
    boost: int
    usd: float
    proposals: int = 0
    hired: int = 0

    @property
    def total(self) -> int:
        return self.base + self.boost


@dataclass(frozen=True)
class BalancePoint:
    day: date
    balance: int


@dataclass(frozen=True)
class FunnelStep:
    stage: str
    count: int
    rate: float | None
    step_rate: float | None


@dataclass
class GroupStats:
    """Outcomes of one group of proposals (a category, verdict, band, …)."""

    key: str
    proposals: int = 0
    viewed: int = 0
    replied: int = 0
    interviewing: int = 0
    hired: int = 0
    connects: int = 0
    revenue: float = 0.0
    connect_price: float = 0.0

    @property
    def view_rate(self) -> float | None:
        return _ratio(self.viewed, self.proposals)

    @property
    def win_rate(self) -> float | None:
        return _ratio(self.hired, self.proposals)

    @property
    def usd(self) -> float:
        return self.connects * self.connect_price

    @property
    def connects_per_hire(self) -> float | None:
        return _ratio(self.connects, self.hired)

    @property
    def usd_per_hire(self) -> float | None:
        return _ratio(self.usd, self.hired)

    def add(self, reached: int, n: int, connects: int, revenue: float) -> None:
        self.proposals += n
        self.viewed += n if reached >= _RANK["viewed"] else 0
        self.replied += n if reached >= _RANK["replied"] else 0
        self.interviewing += n if reached >= _RANK["interviewing"] else 0
        self.hired += n if reached >= _RANK["hired"] else 0
        self.connects += connects
        self.revenue += revenue

    def merge(self, other: GroupStats) -> None:
        """Add another group's counts and sums to this one."""
        self.proposals += other.proposals
        self.viewed += other.viewed
        self.replied += other.replied
        self.interviewing += other.interviewing
        self.hired += other.hired
        self.connects += other.connects
        self.revenue += other.revenue

    def to_json(self, name: str = "key") -> dict[str, Any]:
        return {
            name: self.key,
            "proposals": self.proposals,
            "viewed": self.viewed,
            "hired": self.hired,
            "view_rate": _round(self.view_rate),
            "win_rate": _round(self.win_rate),
            "connects": self.connects,
            "connects_per_hire": _round(self.connects_per_hire, 1),
            "usd_per_hire": _round(self.usd_per_hire, 2),
            "revenue": round(self.revenue, 2),
        }


@dataclass
class Insights:
    """Every figure of the Insights page for one range and profile."""

    start: datetime | None
    end: datetime | None
    profile: str | None
    connect_price: float
    connects_spent: int = 0
    connects_boost: int = 0
    usd_spent: float = 0.0
    by_week: list[SpendPeriod] = field(default_factory=list)
    by_month: list[SpendPeriod] = field(default_factory=list)
    balance: list[BalancePoint] = field(default_factory=list)
    opening_balance: int = 0
    total: GroupStats = field(default_factory=lambda: GroupStats("all"))
    cold: GroupStats = field(default_factory=lambda: GroupStats("cold"))
    invited: GroupStats = field(default_factory=lambda: GroupStats("invited"))
    by_category: list[GroupStats] = field(default_factory=list)
    by_verdict: list[GroupStats] = field(default_factory=list)
    by_score_band: list[GroupStats] = field(default_factory=list)
    boosted: GroupStats = field(default_factory=lambda: GroupStats("boosted"))
    not_boosted: GroupStats = field(default_factory=lambda: GroupStats("not boosted"))
    by_delay: list[GroupStats] = field(default_factory=list)

    @property
    def has_proposals(self) -> bool:
        return self.total.proposals > 0

    @property
    def has_ledger(self) -> bool:
        return bool(self.balance) or self.opening_balance != 0

    @property
    def revenue(self) -> float:
        return self.total.revenue

    @property
    def revenue_per_usd(self) -> float | None:
        return _ratio(self.total.revenue, self.total.usd)

    def funnel(self, stats: GroupStats | None = None) -> list[FunnelStep]:
        """The funnel of ``stats`` (all proposals by default) with rates at each step."""
        g = stats or self.total
        counts = [g.proposals, g.viewed, g.replied, g.interviewing, g.hired]
        steps = []
        for i, (stage, count) in enumerate(zip(STAGES, counts, strict=True)):
            prev = counts[i - 1] if i else None
            steps.append(
                FunnelStep(
                    stage,
                    count,
                    _ratio(count, g.proposals),
                    None if prev is None else _ratio(count, prev),
                )
            )
        return steps

    def spend_periods(self) -> tuple[str, list[SpendPeriod]]:
        """Weeks for a short history (up to 26 weeks), months beyond."""
        if len(self.by_week) <= 26:
            return "week", self.by_week
        return "month", self.by_month


# -- small helpers ------------------------------------------------------------


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def score_band(score: int | float | None) -> str | None:
    """The band label (``"60-80"``) of a score 0–100; None for no score."""
    if score is None:
        return None
    for label, low, high in SCORE_BANDS:
        if low <= score < high:
            return label
    return SCORE_BANDS[-1][0] if score >= 100 else SCORE_BANDS[0][0]


def week_start(day: date) -> date:
    """Monday of the ISO week holding ``day``."""
    return day - timedelta(days=day.weekday())


def parse_range_bound(value: str | None, *, end: bool = False) -> datetime | None:
    """``--from`` / ``--to`` text: ISO date or time; a bare ``--to`` date includes that day."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(f"{text!r} is not an ISO 8601 date or time") from None
    if end and len(text) == 10:  # a date: the range runs to the end of that day
        moment += timedelta(days=1)
    return as_utc(moment)


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _hours_between(session: Session, later: Any, earlier: Any) -> ColumnElement[Any]:
    if _is_sqlite(session):
        return (func.julianday(later) - func.julianday(earlier)) * 24.0
    return func.extract("epoch", later - earlier) / 3600.0


def _greatest(session: Session, a: Any, b: Any) -> ColumnElement[Any]:
    return func.max(a, b) if _is_sqlite(session) else func.greatest(a, b)


def _rank_case(column: Any) -> ColumnElement[int]:
    return case(*((column == stage, rank) for stage, rank in _RANK.items()), else_=0)


def _in_range(column: Any, start: datetime | None, end: datetime | None) -> list[Any]:
    clauses = []
    if start is not None:
        clauses.append(column >= start)
    if end is not None:
        clauses.append(column < end)
    return clauses


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


# -- the ledger view ----------------------------------------------------------


def _ledger_day(session: Session) -> ColumnElement[Any]:
    """The UTC day of an entry; on SQLite the exact expression of ``ix_ledger_entry_day``."""
    if _is_sqlite(session):
        return literal_column("substr(ledger_entry.at, 1, 10)")
    return func.to_char(LedgerEntry.at, "YYYY-MM-DD")


def _ledger_in_range(
    session: Session, start: datetime | None, end: datetime | None
) -> list[ColumnElement[bool]]:
    """Entries dated in ``[start, end)``: whole days by the day index, exact ends by ``at``."""
    day = _ledger_day(session)
    clauses: list[ColumnElement[bool]] = list(_in_range(LedgerEntry.at, start, end))
    if start is not None:
        clauses.append(day >= start.date().isoformat())
    if end is not None:
        clauses.append(day <= end.date().isoformat())
    return clauses


def _day_index(query: Any) -> Any:
    """Read ledger entries through the covering day index on SQLite."""
    return query.with_hint(LedgerEntry, "INDEXED BY ix_ledger_entry_day", "sqlite")


def _ledger_days(
    session: Session,
    start: datetime | None,
    end: datetime | None,
    profile_id: int | None,
    kinds: Sequence[str] | None,
) -> list[tuple[date, str, int, float]]:
    """(day, kind, sum of amounts, sum of USD) of the entries dated in the range.

    All profiles: one walk of the covering index ``(day, kind, at, amount, usd)``,
    already in GROUP BY order, so SQLite neither sorts nor reads an entry row.
    """
    day = _ledger_day(session).label("day")
    query = select(
        day,
        LedgerEntry.kind,
        func.sum(LedgerEntry.amount),
        func.coalesce(func.sum(LedgerEntry.usd), 0.0),
    ).where(*_ledger_in_range(session, start, end))
    if kinds is not None:
        query = query.where(LedgerEntry.kind.in_(kinds))
    if profile_id is not None:
        query = query.join(Proposal, Proposal.id == LedgerEntry.proposal_id).where(
            Proposal.profile_id == profile_id
        )
    else:
        query = _day_index(query)
    rows = session.execute(query.group_by(day, LedgerEntry.kind)).all()
    return [(_day(d), kind, int(amount or 0), float(usd or 0.0)) for d, kind, amount, usd in rows]


def _opening_balance(session: Session, start: datetime | None) -> int:
    """The balance just before ``start``: a sum read from the covering day index."""
    if start is None:
        return 0
    query = select(func.coalesce(func.sum(LedgerEntry.amount), 0)).where(
        *_ledger_in_range(session, None, start)
    )
    return int(session.scalar(_day_index(query)) or 0)


def _spend_periods(
    rows: Iterable[tuple[date, str, int, float]],
    purchases: Iterable[tuple[date, str, int, float]],
    key: Any,
) -> list[SpendPeriod]:
    base: dict[date, int] = defaultdict(int)
    boost: dict[date, int] = defaultdict(int)
    usd: dict[date, float] = defaultdict(float)
    for day, kind, amount, _usd in rows:
        target = boost if kind in ("boost", "boost_refund") else base
        target[key(day)] -= amount
    for day, kind, _amount, cash in purchases:
        if kind == "purchase":
            usd[key(day)] += cash
    starts = sorted(set(base) | set(boost) | set(usd))
    return [
        SpendPeriod(_period_label(s, key), s, base[s], boost[s], round(usd[s], 2)) for s in starts
    ]


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _period_label(start: date, key: Any) -> str:
    return start.strftime("%Y-%m") if key is _month_start else start.isoformat()


def _balance_series(
    rows: Iterable[tuple[date, str, int, float]], opening: int
) -> list[BalancePoint]:
    per_day: dict[date, int] = defaultdict(int)
    for day, _kind, amount, _usd in rows:
        per_day[day] += amount
    points, running = [], opening
    for day in sorted(per_day):
        running += per_day[day]
        points.append(BalancePoint(day, running))
    return points


# -- the proposal (cohort) view -----------------------------------------------


def _band_case(score: ColumnElement[Any]) -> ColumnElement[str]:
    whens = [(score < high, label) for label, _low, high in SCORE_BANDS[:-1]]
    return case((score.is_(None), UNSCORED), *whens, else_=SCORE_BANDS[-1][0])


def _verdict_expr(
    session: Session, score: ColumnElement[Any], card_verdict: Any
) -> ColumnElement[str]:
    apply_at = int(settings.get(session, "score.apply_threshold"))
    maybe_at = int(settings.get(session, "score.maybe_threshold"))
    derived = case(
        (score.is_(None), UNSCORED),
        (score >= apply_at, "apply"),
        (score >= maybe_at, "maybe"),
        else_="skip",
    )
    return func.coalesce(card_verdict, derived)


def _month_expr(session: Session) -> ColumnElement[Any]:
    if _is_sqlite(session):
        return func.substr(Proposal.submitted_at, 1, 7) + literal("-01")
    return func.to_char(Proposal.submitted_at, "YYYY-MM-01")


#: funnel counts summed per group: (column name, lowest stage rank that counts)
_REACHED_SUMS = (("viewed", 2), ("replied", 3), ("interviewing", 4), ("hired", 5))


def _fact_select(session: Session, proposal_ids: Sequence[int] | None = None) -> Any:
    """One row per submitted proposal (all, or those of ``proposal_ids``): the fact columns.

    The single source of truth of a proposal's Insights facts, used both to
    fill ``insights_proposal_fact`` and to compute live when it cannot be
    refreshed. Each row has the proposal's dimensions (category, ``score``,
    the score card's verdict, ``shape``: band, invited and boosted in one
    integer, ``delay`` bucket from posting, month), the furthest stage it
    ``reached`` and its net ``connects`` and ``revenue``. Postings and score
    cards are read through covering indexes; the furthest stage is a lookup in
    the covering ``(proposal_id, to_status)`` index; refunds are summed per
    proposal once.
    """
    history = ProposalStatusChange
    refunds_query = select(
        LedgerEntry.proposal_id, func.sum(LedgerEntry.amount).label("back")
    ).where(LedgerEntry.kind.in_(REFUND_KINDS), LedgerEntry.proposal_id.is_not(None))
    if proposal_ids is not None:
        refunds_query = refunds_query.where(LedgerEntry.proposal_id.in_(proposal_ids))
    refunds = refunds_query.group_by(LedgerEntry.proposal_id).cte("refunds")
    furthest = (
        select(func.max(_rank_case(history.to_status)))
        .where(history.proposal_id == Proposal.id)
        .scalar_subquery()
    )
    score = func.coalesce(Proposal.score_at_submit, ScoreCard.total)
    reached = _greatest(session, func.coalesce(furthest, 0), _rank_case(Proposal.status))
    connects = Proposal.connects_spent + Proposal.boost_connects - func.coalesce(refunds.c.back, 0)
    hours = _hours_between(session, Proposal.submitted_at, JobPosting.posted_at)
    query = (
        select(
            Proposal.id.label("proposal_id"),
            Proposal.profile_id.label("profile_id"),
            Proposal.submitted_at.label("submitted_at"),
            func.coalesce(func.nullif(JobPosting.category, ""), UNCATEGORISED).label("category"),
            _verdict_expr(session, score, ScoreCard.verdict).label("verdict"),
            (_shape_code(score) * 10 + _delay_index(hours)).label("key"),
            _month_expr(session).label("month"),
            reached.label("reached"),
            connects.label("connects"),
            func.coalesce(Proposal.revenue_usd, 0.0).label("revenue"),
        )
        .select_from(Proposal)
        .join(JobPosting, JobPosting.id == Proposal.job_id)
        .outerjoin(
            ScoreCard,
            and_(ScoreCard.job_id == Proposal.job_id, ScoreCard.profile_id == Proposal.profile_id),
        )
        .outerjoin(refunds, refunds.c.proposal_id == Proposal.id)
        .where(Proposal.submitted_at.is_not(None), Proposal.status != "draft")
        .with_hint(JobPosting, "INDEXED BY ix_job_posting_id_category_posted", "sqlite")
        .with_hint(ScoreCard, "INDEXED BY ix_score_card_job_profile_total", "sqlite")
    )
    if proposal_ids is not None:
        query = query.where(Proposal.id.in_(proposal_ids))
    return query


def _proposal_groups(
    session: Session,
    start: datetime | None,
    end: datetime | None,
    profile_id: int | None,
    *,
    live: bool = False,
) -> list[Any]:
    """Proposals submitted in the range, summed in SQL per dimension combination and per month.

    Two GROUP BYs over the per-proposal facts (``insights_proposal_fact``, or
    with ``live`` the same rows computed now in a CTE; never loaded into
    Python): rows with ``month`` None are one (category, verdict, ``key``)
    combination, at most a few thousand, where ``key`` packs band, invited,
    boosted and delay (:func:`_decode_key`); rows with a ``month`` are the
    proposals submitted that month. Each row has ``n``, the funnel counts,
    ``connects`` and ``revenue``.
    """
    filters: list[Any] = []
    if live:
        live_query = _fact_select(session).where(*_in_range(Proposal.submitted_at, start, end))
        if profile_id is not None:
            live_query = live_query.where(Proposal.profile_id == profile_id)
        facts: Any = live_query.cte("facts").prefix_with("MATERIALIZED")
    else:
        facts = InsightsProposalFact.__table__
        filters = _in_range(facts.c.submitted_at, start, end)
        if profile_id is not None:
            filters.append(facts.c.profile_id == profile_id)
    sums = [
        func.count().label("n"),
        *(
            func.sum(case((facts.c.reached >= rank, 1), else_=0)).label(name)
            for name, rank in _REACHED_SUMS
        ),
        func.sum(facts.c.connects).label("connects"),
        func.sum(facts.c.revenue).label("revenue"),
    ]
    dims = [facts.c.category, facts.c.verdict, facts.c.key]
    none = literal(None)
    groups = select(*dims, none.label("month"), *sums).where(*filters).group_by(*dims)
    names = ("category", "verdict", "key")
    months = (
        select(*(none.label(n) for n in names), facts.c.month, *sums)
        .where(*filters)
        .group_by(facts.c.month)
    )
    return list(session.execute(groups.union_all(months)).all())


# -- the per-proposal summary, refreshed incrementally ---------------------------

#: bump when :func:`_fact_select` changes meaning: stored facts are then rebuilt
FACTS_VERSION = "1"
#: more changed proposals than this and the facts are rebuilt in one statement
FACTS_REBUILD_OVER = 20_000
_ID_CHUNK = 500
REFUND_KINDS = ("refund", "boost_refund")


def _watermarks(session: Session) -> dict[str, str]:
    """What the sources hold now: highest ids, row counts and latest change times."""
    card, posting = ScoreCard, JobPosting
    refund = LedgerEntry.kind.in_(REFUND_KINDS)

    def stamp(value: datetime | None) -> str:
        moment = as_utc(value)
        return moment.isoformat() if moment is not None else ""

    # one aggregate per statement: SQLite answers a lone max() from an index in one step
    def one(aggregate: Any, *where: Any) -> Any:
        return session.scalar(select(aggregate).where(*where))

    p_max, p_count = one(func.max(Proposal.id)), one(func.count(Proposal.id))
    p_updated = one(func.max(Proposal.updated_at))
    h_max = one(func.max(ProposalStatusChange.id))
    r_max, r_count = one(func.max(LedgerEntry.id), refund), one(func.count(LedgerEntry.id), refund)
    c_max, c_computed = one(func.max(card.id)), one(func.max(card.computed_at))
    thresholds = [settings.get(session, f"score.{n}_threshold") for n in ("apply", "maybe")]
    return {
        "version": FACTS_VERSION,
        "verdict_thresholds": "/".join(str(t) for t in thresholds),
        "proposal_max_id": str(p_max or 0),
        "proposal_count": str(p_count),
        "proposal_updated_at": stamp(p_updated),
        "history_max_id": str(h_max or 0),
        "refund_max_id": str(r_max or 0),
        "refund_count": str(r_count),
        "card_max_id": str(c_max or 0),
        "card_computed_at": stamp(c_computed),
        "posting_updated_at": stamp(session.scalar(select(func.max(posting.updated_at)))),
        "profile_max_id": str(session.scalar(select(func.max(Profile.id))) or 0),
        "profile_count": str(session.scalar(select(func.count()).select_from(Profile))),
    }


def _changed_proposals(
    session: Session, old: dict[str, str], new: dict[str, str]
) -> set[int] | None:
    """Ids of proposals whose facts may have changed since ``old``; None: rebuild everything.

    New rows are found by id (ids grow in commit order), edits by the
    ``updated_at`` / ``computed_at`` watermarks, deleted proposals, refunds and
    profiles by counts that no longer add up (then everything is rebuilt),
    like a change of the verdict thresholds. A status change or score card
    deleted on its own (the app never does) is not noticed.
    """
    if any(old.get(n) != new[n] for n in ("version", "verdict_thresholds")):
        return None

    def since(name: str) -> datetime | None:
        return datetime.fromisoformat(old[name]) if old.get(name) else None

    changed: set[int] = set()
    counted = (
        ("proposal", Proposal.id, select(Proposal.id)),
        (
            "refund",
            LedgerEntry.id,
            select(LedgerEntry.proposal_id).where(LedgerEntry.kind.in_(REFUND_KINDS)),
        ),
        ("profile", Profile.id, select(literal(None)).select_from(Profile)),
    )
    for name, id_column, query in counted:
        rows = list(session.scalars(query.where(id_column > int(old.get(f"{name}_max_id", "0")))))
        if int(new[f"{name}_count"]) - int(old.get(f"{name}_count", "-1")) != len(rows):
            return None  # something was deleted
        changed.update(r for r in rows if r is not None)
    history = ProposalStatusChange
    changed.update(
        session.scalars(
            select(history.proposal_id).where(history.id > int(old.get("history_max_id", "0")))
        )
    )
    card_changes = [ScoreCard.id > int(old.get("card_max_id", "0"))]
    computed = since("card_computed_at")
    if computed is not None:
        card_changes.append(ScoreCard.computed_at > computed)
    for card_changed in card_changes:
        changed.update(
            session.scalars(
                select(Proposal.id)
                .select_from(ScoreCard)
                .join(
                    Proposal,
                    and_(
                        Proposal.job_id == ScoreCard.job_id,
                        Proposal.profile_id == ScoreCard.profile_id,
                    ),
                )
                .where(card_changed)
            )
        )
    updated = since("proposal_updated_at")
    if updated is not None:
        changed.update(session.scalars(select(Proposal.id).where(Proposal.updated_at > updated)))
    posted = since("posting_updated_at")
    if posted is not None:
        changed.update(
            session.scalars(
                select(Proposal.id)
                .join(JobPosting, JobPosting.id == Proposal.job_id)
                .where(JobPosting.updated_at > posted)
            )
        )
    return changed


def refresh_facts(session: Session) -> bool:
    """Bring ``insights_proposal_fact`` up to date with what changed since its watermarks.

    Recomputes only the proposals whose inputs changed (their status, history,
    refunds, score card or posting), or everything after deletions or a change
    of the computation. Writes in ``session``'s transaction and commits it if
    the session began it on its own (a plain read session), so the work is
    kept. Returns False if the facts could not be written (another
    connection is writing): then compute live.
    """
    fact = cast(Table, InsightsProposalFact.__table__)
    state = cast(Table, InsightsFactState.__table__)
    old = {str(n): str(v) for n, v in session.execute(select(state.c.name, state.c.value))}
    new = _watermarks(session)
    if old == new:
        return True
    changed = _changed_proposals(session, old, new) if old else None
    names = [c.name for c in fact.columns]
    try:
        if changed is None or len(changed) > FACTS_REBUILD_OVER:
            session.execute(fact.delete())
            session.execute(fact.insert().from_select(names, _fact_select(session)))
        else:
            ids = sorted(changed)
            for i in range(0, len(ids), _ID_CHUNK):
                chunk = ids[i : i + _ID_CHUNK]
                session.execute(fact.delete().where(fact.c.proposal_id.in_(chunk)))
                session.execute(fact.insert().from_select(names, _fact_select(session, chunk)))
        session.execute(state.delete())
        session.execute(state.insert(), [{"name": k, "value": v} for k, v in new.items()])
        _commit_if_own(session)
    except OperationalError:
        if not _own_transaction(session):
            raise
        session.rollback()
        return False
    return True


def _own_transaction(session: Session) -> bool:
    transaction = session.get_transaction()
    return transaction is not None and transaction.origin is SessionTransactionOrigin.AUTOBEGIN


def _commit_if_own(session: Session) -> None:
    if _own_transaction(session):
        session.commit()


_BAND_LABELS = (*(label for label, _low, _high in SCORE_BANDS), UNSCORED)
_DELAY_LABELS = (*(label for label, _bound in DELAY_BUCKETS), UNKNOWN_DELAY)


def _shape_code(score: ColumnElement[Any]) -> ColumnElement[int]:
    """``band index * 4 + invited * 2 + boosted``: three dimensions in one small integer."""
    band = case(
        (score.is_(None), len(SCORE_BANDS)),
        *((score < high, i) for i, (_label, _low, high) in enumerate(SCORE_BANDS[:-1])),
        else_=len(SCORE_BANDS) - 1,
    )
    invited = case((Proposal.invited, 2), else_=0)
    boosted = case((Proposal.boost_connects > 0, 1), else_=0)
    return band * 4 + invited + boosted


def _delay_index(hours: ColumnElement[Any]) -> ColumnElement[int]:
    """The index in :data:`_DELAY_LABELS` of the delay bucket of ``hours``."""
    whens = [(hours < bound, i) for i, (_label, bound) in enumerate(DELAY_BUCKETS[:-1])]
    return case((hours.is_(None), len(DELAY_BUCKETS)), *whens, else_=len(DELAY_BUCKETS) - 1)


def _decode_key(key: int) -> tuple[str, bool, bool, str]:
    """(band, invited, boosted, delay) of a group ``key`` (``shape * 10 + delay index``)."""
    shape, delay = divmod(int(key), 10)
    band, flags = divmod(shape, 4)
    return _BAND_LABELS[band], bool(flags & 2), bool(flags & 1), _DELAY_LABELS[delay]


def _ordered(groups: dict[str, GroupStats], order: Sequence[str] | None = None) -> list[GroupStats]:
    if order is None:
        return sorted(groups.values(), key=lambda g: (-g.proposals, g.key))
    return [groups[k] for k in order if k in groups]


def _roll_up(ins: Insights, rows: list[Any]) -> dict[date, GroupStats]:
    """Add the grouped rows up per category, verdict, band, delay, boost, invitation and month."""
    price = ins.connect_price

    def table() -> defaultdict[str, GroupStats]:
        return defaultdict(lambda: GroupStats("", connect_price=price))

    cats, verdicts, bands, delays = table(), table(), table(), table()
    by_month: dict[date, GroupStats] = {}
    for ins_group in (ins.total, ins.cold, ins.invited, ins.boosted, ins.not_boosted):
        ins_group.connect_price = price
    for row in rows:
        counts = GroupStats(
            "",
            int(row.n),
            int(row.viewed),
            int(row.replied),
            int(row.interviewing),
            int(row.hired),
            int(row.connects or 0),
            float(row.revenue or 0.0),
        )
        if row.month is not None:
            month = _month_start(_day(row.month))
            by_month.setdefault(month, GroupStats(month.isoformat(), connect_price=price))
            by_month[month].merge(counts)
            continue
        band, invited, boosted, delay = _decode_key(row.key)
        targets = [
            ins.total,
            ins.invited if invited else ins.cold,
            ins.boosted if boosted else ins.not_boosted,
            cats[row.category],
            verdicts[row.verdict],
            bands[band],
            delays[delay],
        ]
        for target in targets:
            target.merge(counts)
    for groups in (cats, verdicts, bands, delays):
        for key, group in groups.items():
            group.key = key
    ins.by_category = _ordered(cats)
    ins.by_verdict = _ordered(verdicts, ("apply", "maybe", "skip", UNSCORED))
    ins.by_score_band = _ordered(bands, [label for label, _l, _h in SCORE_BANDS] + [UNSCORED])
    ins.by_delay = _ordered(delays, [label for label, _b in DELAY_BUCKETS] + [UNKNOWN_DELAY])
    return by_month


def _merge_months(spend: list[SpendPeriod], cohorts: dict[date, GroupStats]) -> list[SpendPeriod]:
    """Monthly spend plus the proposals submitted (and later hired) in each month."""
    by_start = {p.start: p for p in spend}
    out = []
    for start in sorted(set(by_start) | set(cohorts)):
        p = by_start.get(start) or SpendPeriod(start.strftime("%Y-%m"), start, 0, 0, 0.0)
        c = cohorts.get(start)
        out.append(
            SpendPeriod(
                p.period,
                p.start,
                p.base,
                p.boost,
                p.usd,
                c.proposals if c else 0,
                c.hired if c else 0,
            )
        )
    return out


def profile_id_by_name(session: Session, name: str | None) -> int | None:
    """The id of the profile called ``name`` (None for all profiles)."""
    if name is None:
        return None
    found = session.scalar(select(Profile.id).where(Profile.name == name))
    if found is None:
        names = ", ".join(session.scalars(select(Profile.name).order_by(Profile.name))) or "none"
        raise InputError(f"no profile named {name!r} (profiles: {names})")
    return int(found)


def compute_insights(
    session: Session,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    profile_id: int | None = None,
) -> Insights:
    """Every Insights figure for ``[start, end)`` (UTC) and one profile (None: all).

    Brings the per-proposal summary up to date first (:func:`refresh_facts`).
    """
    _check_range(start, end)
    return _compute(session, start, end, profile_id, fresh=refresh_facts(session))


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
) -> Insights:
    """The figures, from the summary if it is ``fresh``, else from the proposals themselves."""
    start, end = as_utc(start), as_utc(end)
    profile = session.get(Profile, profile_id) if profile_id is not None else None
    if profile_id is not None and profile is None:
        raise InputError(f"no profile with id {profile_id}")
    price = float(settings.get(session, "connects.price_usd"))
    ins = Insights(start, end, profile.name if profile else None, price)

    everything = _ledger_days(session, start, end, None, None)
    spends = (
        [r for r in everything if r[1] in SPEND_KINDS]
        if profile_id is None
        else _ledger_days(session, start, end, profile_id, SPEND_KINDS)
    )
    ins.connects_boost = -sum(a for _d, k, a, _u in spends if k in ("boost", "boost_refund"))
    ins.connects_spent = -sum(a for _d, k, a, _u in spends if k in ("spend", "refund"))
    ins.usd_spent = round(sum(u for _d, k, _a, u in everything if k == "purchase"), 2)
    ins.by_week = _spend_periods(spends, everything, week_start)
    ins.opening_balance = _opening_balance(session, start)
    ins.balance = _balance_series(everything, ins.opening_balance)

    groups = _proposal_groups(session, start, end, profile_id, live=not fresh)
    cohorts = _roll_up(ins, groups)
    ins.by_month = _merge_months(_spend_periods(spends, everything, _month_start), cohorts)
    return ins


class InsightsMemo:
    """Figures already computed, answered again until the database changes.

    On SQLite a connection of its own reads ``PRAGMA data_version``, which
    moves whenever any other connection (this app's sessions, ``pwb`` in
    another process) commits; while it stands still, a refresh for a range
    and profile already computed is answered from memory, and any commit
    forgets everything. Other databases always compute. Thread-safe: the
    page computes in background tasks.
    """

    def __init__(self, db: Database) -> None:
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        if db.path is not None:
            self._conn = sqlite3.connect(str(db.path), check_same_thread=False)
        self._version: int | None = None
        self._results: dict[tuple[datetime | None, datetime | None, int | None], Insights] = {}
        #: how many times the figures were computed in SQL (not answered from memory)
        self.computed = 0

    def insights(
        self,
        session: Session,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        profile_id: int | None = None,
    ) -> Insights:
        """:func:`compute_insights`, or the same figures again if nothing was committed since."""
        key = (as_utc(start), as_utc(end), profile_id)
        with self._lock:
            version = self._data_version()
            if version is not None and version == self._version and key in self._results:
                return self._results[key]
        # the summary's own commit moves data_version too: refresh it before reading the version
        _check_range(start, end)
        fresh = refresh_facts(session)
        with self._lock:
            version = self._data_version()
            if version is None or version != self._version:
                self._results.clear()
                self._version = version
            found = self._results.get(key)
        if found is not None:
            return found
        ins = _compute(session, start, end, profile_id, fresh=fresh)
        with self._lock:
            self.computed += 1
            if version is not None and version == self._version:
                self._results[key] = ins
        return ins

    def _data_version(self) -> int | None:
        if self._conn is None:
            return None
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        """Close the connection that watches for changes."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            self._results.clear()


# -- calibration --------------------------------------------------------------


def band_outcomes(
    session: Session, profile_id: int | None = None, *, as_of: datetime | None = None
) -> dict[str, tuple[int, int]]:
    """Per score band, (hired, decided outcomes): what :func:`calibrated_win_rates` rests on."""
    now = as_utc(as_of) or clock.now()
    stale = now - timedelta(days=CALIBRATION_STALE_DAYS)
    hired = (
        select(ProposalStatusChange.proposal_id)
        .where(ProposalStatusChange.to_status == "hired")
        .scalar_subquery()
    )
    score = func.coalesce(Proposal.score_at_submit, ScoreCard.total)
    won = case((Proposal.id.in_(hired), 1), (Proposal.status == "hired", 1), else_=0)
    decided = case(
        (won == 1, 1),
        (Proposal.status.in_(("declined", "not_hired", "job_closed")), 1),
        (Proposal.submitted_at < stale, 1),
        else_=0,
    )
    band = _band_case(score).label("band")
    query = (
        select(band, func.sum(won), func.count())
        .select_from(Proposal)
        .outerjoin(
            ScoreCard,
            and_(ScoreCard.job_id == Proposal.job_id, ScoreCard.profile_id == Proposal.profile_id),
        )
        .where(Proposal.submitted_at.is_not(None), Proposal.status.not_in(("draft", "withdrawn")))
        .where(decided == literal(1), score.is_not(None))
        .group_by(band)
    )
    if profile_id is not None:
        query = query.where(Proposal.profile_id == profile_id)
    counts = {b: (int(w or 0), int(n)) for b, w, n in session.execute(query)}
    return counts


def calibrated_win_rates(
    session: Session,
    profile_id: int | None = None,
    min_sample: int = CALIBRATION_MIN_SAMPLE,
    *,
    as_of: datetime | None = None,
) -> dict[str, float] | None:
    """The user's own hire rate per score band, or None until there are enough outcomes.

    An outcome is a submitted proposal that was hired, declined, not hired or
    closed, or that is still open ``CALIBRATION_STALE_DAYS`` after it went out
    (counted as lost); withdrawn ones are no outcome. None while there are
    fewer than ``min_sample`` outcomes or fewer than ``CALIBRATION_MIN_HIRES``
    hires. Each band's rate is smoothed toward the overall rate with
    ``CALIBRATION_PRIOR_WEIGHT`` pseudo-outcomes, so a thin band is not read
    as 0 % or 100 %. Keys are the labels of :data:`SCORE_BANDS`.
    """
    counts = band_outcomes(session, profile_id, as_of=as_of)
    total_won = sum(w for w, _n in counts.values())
    total_n = sum(n for _w, n in counts.values())
    if total_n < min_sample or total_won < CALIBRATION_MIN_HIRES:
        return None
    overall = total_won / total_n
    k = CALIBRATION_PRIOR_WEIGHT
    return {
        label: (counts.get(label, (0, 0))[0] + k * overall) / (counts.get(label, (0, 0))[1] + k)
        for label, _low, _high in SCORE_BANDS
    }


# -- the report (``pwb report``) ----------------------------------------------


def report_json(ins: Insights) -> dict[str, Any]:
    """The ``pwb report --json`` object: exactly the contract keys."""
    t = ins.total
    return {
        "connects_spent": ins.connects_spent,
        "connects_boost": ins.connects_boost,
        "usd_spent": round(ins.usd_spent, 2),
        "proposals": t.proposals,
        "viewed": t.viewed,
        "replied": t.replied,
        "interviewing": t.interviewing,
        "hired": t.hired,
        "view_rate": _round(t.view_rate),
        "reply_rate": _round(_ratio(t.replied, t.proposals)),
        "hire_rate": _round(t.win_rate),
        "connects_per_hire": _round(t.connects_per_hire, 1),
        "usd_per_hire": _round(t.usd_per_hire, 2),
        "revenue": round(ins.revenue, 2),
        "revenue_per_usd": _round(ins.revenue_per_usd, 2),
        "by_category": [g.to_json("category") for g in ins.by_category],
        "by_score_band": [g.to_json("band") for g in ins.by_score_band],
        "by_month": [
            {
                "month": p.period,
                "connects_spent": p.base,
                "connects_boost": p.boost,
                "usd_spent": p.usd,
                "proposals": p.proposals,
                "hired": p.hired,
            }
            for p in ins.by_month
        ],
    }


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def _num(value: float | None, digits: int = 1, prefix: str = "") -> str:
    return "–" if value is None else f"{prefix}{value:,.{digits}f}"


def describe_range(ins: Insights) -> str:
    """``2024-01-01 to 2024-03-31 · profile Web`` for headings."""
    first = ins.start.date().isoformat() if ins.start else "the beginning"
    last = (ins.end - timedelta(microseconds=1)).date().isoformat() if ins.end else "now"
    who = f"profile {ins.profile}" if ins.profile else "all profiles"
    return f"{first} to {last} (UTC) · {who}"


def format_report(ins: Insights) -> str:
    """A readable text report: totals, funnel, and the tables behind the charts."""
    t = ins.total
    lines = [
        f"Insights: {describe_range(ins)}",
        "",
        f"Connects spent  {ins.connects_spent:,} base + {ins.connects_boost:,} boost "
        f"(net of refunds); bought for ${ins.usd_spent:,.2f}",
        f"Revenue won     ${ins.revenue:,.2f} · per USD of Connects "
        f"{_num(ins.revenue_per_usd, 2, '$')} (Connects at ${ins.connect_price:.2f})",
        f"Per hire        {_num(t.connects_per_hire)} Connects · {_num(t.usd_per_hire, 2, '$')}",
        "",
        "Funnel           all    rate   step |  cold  invited",
    ]
    cold, invited = ins.funnel(ins.cold), ins.funnel(ins.invited)
    for step, c, i in zip(ins.funnel(), cold, invited, strict=True):
        lines.append(
            f"  {step.stage:<12} {step.count:>6,} {_pct(step.rate):>6} {_pct(step.step_rate):>6}"
            f" | {c.count:>5,} {i.count:>8,}"
        )
    for title, groups in (
        ("Score band", ins.by_score_band),
        ("Verdict", ins.by_verdict),
        ("Category", ins.by_category),
        ("Posting to proposal", ins.by_delay),
    ):
        lines += ["", _group_header(title), *(_group_line(g) for g in groups)]
    lines += ["", _group_header("Boost"), _group_line(ins.boosted), _group_line(ins.not_boosted)]
    lines += ["", "Month      base  boost   purchases  proposals  hired"]
    for p in ins.by_month:
        lines.append(
            f"  {p.period}  {p.base:>5,} {p.boost:>6,} {p.usd:>11,.2f} {p.proposals:>10,} "
            f"{p.hired:>6,}"
        )
    lines += ["", *(f"- {takeaway(ins, kind)}" for kind in CHART_KINDS)]
    return "\n".join(lines)


def _group_header(title: str) -> str:
    return f"{title:<24} proposals  viewed  hired  win  Connects/hire  USD/hire"


def _group_line(g: GroupStats) -> str:
    name = g.key if len(g.key) <= 22 else g.key[:21] + "…"
    return (
        f"  {name:<22} {g.proposals:>9,} {_pct(g.view_rate):>7} {g.hired:>6,} "
        f"{_pct(g.win_rate):>4} {_num(g.connects_per_hire):>14} {_num(g.usd_per_hire, 2, '$'):>9}"
    )


# -- one line per chart -------------------------------------------------------


def chart_has_data(ins: Insights, kind: str) -> bool:
    """Whether the chart ``kind`` has anything to show for this range."""
    _check_kind(kind)
    if kind == "spend":
        return any(p.base or p.boost for p in ins.by_week)
    if kind == "balance":
        return bool(ins.balance)
    return ins.has_proposals


#: what each chart needs before it can show anything (its empty state)
EMPTY_HINTS: dict[str, str] = {
    "spend": "No Connects were spent in this range. Spends and boosts appear here once you "
    "submit proposals (each submission posts a spend to the Connects ledger).",
    "balance": "No ledger entries in this range. Record your monthly allocation or a purchase "
    "on the Connects page to start the balance line.",
    "funnel": "No proposals were submitted in this range. Mark proposals as submitted, then "
    "record when they are viewed, replied to, or hired.",
    "score-bands": "No submitted proposals in this range. Win rate by score needs proposals "
    "on scored postings and their outcomes.",
    "categories": "No submitted proposals in this range. Win rate by category needs "
    "proposals on postings with a category and their outcomes.",
    "boost": "No submitted proposals in this range. Boosted versus not needs proposals with "
    "and without boost Connects.",
    "speed": "No submitted proposals in this range. View rate by time since posting needs "
    "proposals on postings whose posting time is known.",
}


def _check_kind(kind: str) -> None:
    if kind not in CHART_KINDS:
        raise InputError(f"unknown chart {kind!r}; use one of: {', '.join(CHART_KINDS)}")


def _times(a: float, b: float) -> str:
    return f"{a / b:.1f}×"


def takeaway(ins: Insights, kind: str) -> str:
    """A one-line reading of chart ``kind`` ("Your win rate above score 60 is 3.0× below it")."""
    _check_kind(kind)
    if not chart_has_data(ins, kind):
        return "Not enough data in this range."
    return {
        "spend": _takeaway_spend,
        "balance": _takeaway_balance,
        "funnel": _takeaway_funnel,
        "score-bands": _takeaway_bands,
        "categories": _takeaway_categories,
        "boost": _takeaway_boost,
        "speed": _takeaway_speed,
    }[kind](ins)


def _takeaway_spend(ins: Insights) -> str:
    unit, periods = ins.spend_periods()
    total = ins.connects_spent + ins.connects_boost
    top = max(periods, key=lambda p: p.total)
    boost_share = _pct(_ratio(ins.connects_boost, total))
    return (
        f"You spent {total:,} Connects ({boost_share} on boosts); the busiest {unit} was "
        f"{top.period} with {top.total:,}."
    )


def _takeaway_balance(ins: Insights) -> str:
    low = min(ins.balance, key=lambda p: p.balance)
    last = ins.balance[-1]
    return (
        f"Balance went from {ins.opening_balance:,} to {last.balance:,}; lowest "
        f"{low.balance:,} on {low.day.isoformat()}."
    )


def _takeaway_funnel(ins: Insights) -> str:
    steps = ins.funnel()[1:]
    worst = min(steps, key=lambda s: s.step_rate if s.step_rate is not None else 2.0)
    prev = STAGES[STAGES.index(worst.stage) - 1]
    return (
        f"{_pct(steps[0].rate)} of your proposals were viewed and {_pct(steps[-1].rate)} "
        f"hired; the biggest drop is {prev} → {worst.stage} ({_pct(worst.step_rate)} pass)."
    )


def _takeaway_bands(ins: Insights) -> str:
    labels = [label for label, _l, _h in SCORE_BANDS]
    scored = [g for g in ins.by_score_band if g.key in labels]
    if not scored:
        return "None of these proposals has a score yet: score postings before you apply."
    best = max(scored, key=lambda g: ((g.win_rate or 0), g.proposals))
    hi = GroupStats("high")
    lo = GroupStats("low")
    for g in scored:
        target = hi if labels.index(g.key) >= 3 else lo
        target.proposals += g.proposals
        target.hired += g.hired
    if hi.proposals and lo.proposals and hi.win_rate and lo.win_rate:
        ratio = hi.win_rate / lo.win_rate
        rates = f"({_pct(hi.win_rate)} vs {_pct(lo.win_rate)})"
        if ratio >= 1:
            return f"Your win rate at score 60+ is {ratio:.1f}× the rate under 60 {rates}."
        return (
            f"Your win rate at score 60+ is {1 / ratio:.1f}× lower than under 60 {rates}: "
            "the score is not predicting your wins."
        )
    return (
        f"Best band: {best.key} with {best.hired} hires of {best.proposals} "
        f"({_pct(best.win_rate)}); more outcomes will show whether the score predicts wins."
    )


def _takeaway_categories(ins: Insights) -> str:
    won = [g for g in ins.by_category if g.hired]
    if not won:
        top = ins.by_category[0]
        return f"No hires yet; most proposals went to {top.key} ({top.proposals:,})."
    best = max(won, key=lambda g: (g.win_rate or 0, g.proposals))
    return (
        f"Best category: {best.key}, {_pct(best.win_rate)} win rate at "
        f"{_num(best.connects_per_hire, 0)} Connects per hire."
    )


def _takeaway_boost(ins: Insights) -> str:
    b, n = ins.boosted, ins.not_boosted
    if not b.proposals or not n.proposals:
        which = "boosted" if b.proposals else "unboosted"
        return f"All proposals in this range were {which}: nothing to compare."
    views = _times(b.view_rate or 0, n.view_rate) if n.view_rate else _pct(b.view_rate) + " vs 0%"
    return (
        f"Boosted proposals were viewed {views} as often ({_pct(b.view_rate)} vs "
        f"{_pct(n.view_rate)}) and hired {_pct(b.win_rate)} vs {_pct(n.win_rate)}."
    )


def _takeaway_speed(ins: Insights) -> str:
    early, late = GroupStats("early"), GroupStats("late")
    for g in ins.by_delay:
        if g.key != UNKNOWN_DELAY:
            (early if g.key in EARLY_DELAYS else late).merge(g)
    if not early.proposals or not late.proposals:
        return "All dated proposals went out in the same window: nothing to compare yet."
    e, later = early.view_rate or 0.0, late.view_rate or 0.0
    if later and e >= later:
        how = f"{e / later:.1f}× as often as"
    elif e and later > e:
        how = f"{later / e:.1f}× less often than"
    else:
        how = "about as often as"
    return (
        f"Proposals sent within 6 h of posting were viewed {how} later ones "
        f"({_pct(e)} vs {_pct(later)})."
    )


# -- the numbers of each chart (CSV export) -----------------------------------


def chart_table(ins: Insights, kind: str) -> tuple[list[str], list[list[Any]]]:
    """The header and rows behind chart ``kind``: what its CSV export holds."""
    _check_kind(kind)
    if kind == "spend":
        unit, periods = ins.spend_periods()
        return (
            [unit, "base_connects", "boost_connects", "total_connects", "purchases_usd"],
            [[p.period, p.base, p.boost, p.total, p.usd] for p in periods],
        )
    if kind == "balance":
        return ["day", "balance"], [[p.day.isoformat(), p.balance] for p in ins.balance]
    if kind == "funnel":
        rows = [
            [s.stage, s.count, _round(s.rate), _round(s.step_rate), c.count, i.count]
            for s, c, i in zip(
                ins.funnel(), ins.funnel(ins.cold), ins.funnel(ins.invited), strict=True
            )
        ]
        return ["stage", "proposals", "rate", "step_rate", "cold", "invited"], rows
    if kind == "speed":
        return (
            ["since_posting", "proposals", "viewed", "view_rate", "hired", "hire_rate"],
            [
                [g.key, g.proposals, g.viewed, _round(g.view_rate), g.hired, _round(g.win_rate)]
                for g in ins.by_delay
            ],
        )
    if kind == "boost":
        groups = [ins.boosted, ins.not_boosted]
        return (
            ["group", "proposals", "viewed", "view_rate", "hired", "hire_rate"],
            [
                [g.key, g.proposals, g.viewed, _round(g.view_rate), g.hired, _round(g.win_rate)]
                for g in groups
            ],
        )
    groups = ins.by_score_band if kind == "score-bands" else ins.by_category
    name = "band" if kind == "score-bands" else "category"
    header = [name, "proposals", "hired", "win_rate", "connects_per_hire", "usd_per_hire"]
    return header, [
        [
            g.key,
            g.proposals,
            g.hired,
            _round(g.win_rate),
            _round(g.connects_per_hire, 1),
            _round(g.usd_per_hire, 2),
        ]
        for g in groups
    ]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A cell a spreadsheet will not run: text starting with = + - @ gets a leading quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_chart_csv(ins: Insights, kind: str, path: Path | str) -> Path:
    """Write the numbers of chart ``kind`` to ``path`` as CSV (formula-safe)."""
    header, rows = chart_table(ins, kind)
    target = Path(path)
    try:
        with target.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows([[csv_safe(cell) for cell in row] for row in rows])
    except OSError as exc:
        raise InputError(f"cannot write {target}: {exc.strerror}") from None
    return target


# -- what the page asks for -----------------------------------------------------

#: range presets of the Insights page: (key, label)
RANGE_PRESETS: tuple[tuple[str, str], ...] = (
    ("all", "All time"),
    ("30d", "Last 30 days"),
    ("90d", "Last 90 days"),
    ("12m", "Last 12 months"),
    ("ytd", "This year"),
    ("custom", "Custom range"),
)


def preset_range(key: str, today: date) -> tuple[date | None, date | None]:
    """First and last day (both included, UTC) of a range preset; None for open ends."""
    if key == "all":
        return None, None
    if key == "30d":
        return today - timedelta(days=29), today
    if key == "90d":
        return today - timedelta(days=89), today
    if key == "12m":
        first = date(today.year - 1, today.month, 1) + timedelta(days=31)
        return first.replace(day=1), today
    if key == "ytd":
        return date(today.year, 1, 1), today
    raise InputError(f"unknown range {key!r}")


def day_bounds(first: date | None, last: date | None) -> tuple[datetime | None, datetime | None]:
    """``[first 00:00 UTC, the day after last 00:00 UTC)``: whole UTC days."""
    start = datetime(first.year, first.month, first.day, tzinfo=UTC) if first else None
    end = (
        datetime(last.year, last.month, last.day, tzinfo=UTC) + timedelta(days=1) if last else None
    )
    return start, end


def profile_choices(session: Session) -> list[tuple[int, str]]:
    """(id, name) of every profile, by name, for a profile picker."""
    return [
        (int(i), n)
        for i, n in session.execute(select(Profile.id, Profile.name).order_by(Profile.name))
    ]


def has_activity(session: Session) -> bool:
    """Whether there is anything to chart at all: a submitted proposal or a ledger entry."""
    proposal = select(Proposal.id).where(Proposal.submitted_at.is_not(None)).limit(1)
    entry = select(LedgerEntry.id).limit(1)
    return session.scalar(proposal) is not None or session.scalar(entry) is not None
