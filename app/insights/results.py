"""The Insights figures' types and the conventions they share.

Stages of the funnel, score bands, delay buckets and chart kinds are defined
here once; the dataclasses hold what :func:`app.insights.compute_insights`
returns (a range's spend, balance and proposal outcomes grouped several ways).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from app.errors import InputError

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
REFUND_KINDS = ("refund", "boost_refund")
#: the charts of the Insights page, in the order they are shown
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
    """The balance at the end of a day, and the lowest it was during the day (entries in
    the order they were posted: a spend before the day's allocation dips below both)."""

    day: date
    balance: int
    low: int | None = None

    @property
    def lowest(self) -> int:
        return self.balance if self.low is None else min(self.low, self.balance)


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
    #: the member whose proposals and spending these are (None: everyone's)
    member: str | None = None

    @property
    def has_proposals(self) -> bool:
        return self.total.proposals > 0

    @property
    def has_ledger(self) -> bool:
        return bool(self.balance) or self.opening_balance != 0

    def lowest_balance(self) -> tuple[int, date | None]:
        """The lowest the balance went in the range and the day (a range with a start
        counts its opening balance; all time starts from an empty ledger)."""
        if not self.balance:
            return self.opening_balance, None
        low, day = self.balance[0].lowest, self.balance[0].day
        if self.start is not None and self.opening_balance < low:
            low = self.opening_balance
        for point in self.balance:
            if point.lowest < low:
                low, day = point.lowest, point.day
        return low, day

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


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _check_kind(kind: str) -> None:
    if kind not in CHART_KINDS:
        raise InputError(f"unknown chart {kind!r}; use one of: {', '.join(CHART_KINDS)}")
