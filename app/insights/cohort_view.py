"""The cohort view of a range: proposals *submitted* in it, with all that happened later.

:func:`_fact_select` is the one definition of a proposal's facts (category,
verdict, score band, invitation, boost, delay, furthest stage, net Connects,
revenue); :func:`_proposal_groups` sums them in SQL per dimension combination
and per month, and :func:`_roll_up` adds those few rows up in Python.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, null, select
from sqlalchemy.orm import Session

from app import settings
from app.insights.results import (
    _RANK,
    DELAY_BUCKETS,
    REFUND_KINDS,
    SCORE_BANDS,
    UNCATEGORISED,
    UNKNOWN_DELAY,
    UNSCORED,
    GroupStats,
    Insights,
    SpendPeriod,
    _month_start,
)
from app.insights.sql import _day, _greatest, _hours_between, _in_range, _is_sqlite
from app.storage import hints  # noqa: F401  (INDEXED BY on SQLite)
from app.storage.models import (
    InsightsProposalFact,
    JobPosting,
    LedgerEntry,
    Proposal,
    ProposalStatusChange,
    ScoreCard,
)


def _rank_case(column: Any) -> ColumnElement[int]:
    return case(*((column == stage, rank) for stage, rank in _RANK.items()), else_=0)


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
            Proposal.member_id.label("member_id"),
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
    member_id: int | None = None,
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
        if member_id is not None:
            live_query = live_query.where(Proposal.member_id == member_id)
        facts: Any = live_query.cte("facts").prefix_with("MATERIALIZED")
    else:
        facts = InsightsProposalFact.__table__
        filters = _in_range(facts.c.submitted_at, start, end)
        if profile_id is not None:
            filters.append(facts.c.profile_id == profile_id)
        if member_id is not None:
            filters.append(facts.c.member_id == member_id)
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
    none = null()  # untyped NULL, not a parameter: PostgreSQL types it from the other branch
    groups = select(*dims, none.label("month"), *sums).where(*filters).group_by(*dims)
    names = ("category", "verdict", "key")
    months = (
        select(*(none.label(n) for n in names), facts.c.month, *sums)
        .where(*filters)
        .group_by(facts.c.month)
    )
    return list(session.execute(groups.union_all(months)).all())


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
