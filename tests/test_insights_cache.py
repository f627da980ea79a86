"""InsightsCache answers exactly what compute_insights answers, before and after changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, select, update
from test_insights import history, utc  # noqa: F401  (the fixture is shared)

from app import insights as I
from app import settings
from app.demo import generate_demo
from app.insights_cache import InsightsCache
from app.proposals import change_status, submit_proposal
from app.storage.models import JobPosting, LedgerEntry, Profile, Proposal, ScoreCard


def snapshot(ins: I.Insights) -> dict[str, Any]:
    """Everything the page and the report show, as plain values."""
    groups = {
        name: [g.to_json() for g in getattr(ins, name)]
        for name in ("by_category", "by_verdict", "by_score_band", "by_delay")
    }
    pairs = {
        name: getattr(ins, name).to_json()
        for name in ("total", "cold", "invited", "boosted", "not_boosted")
    }
    return {
        "report": I.report_json(ins),
        "weeks": [(p.period, p.base, p.boost, p.usd) for p in ins.by_week],
        "balance": [(p.day, p.balance) for p in ins.balance],
        "opening": ins.opening_balance,
        "profile": ins.profile,
        **groups,
        **pairs,
    }


RANGES = [
    {},
    {"start": utc(2024, 2, 1), "end": utc(2024, 3, 1)},
    {"start": utc(2024, 1, 31)},
    {"end": utc(2024, 2, 11)},
]


def same(db, cache: InsightsCache, **kwargs: Any) -> None:  # type: ignore[no-untyped-def]
    with db.sessions() as s:
        expected = snapshot(I.compute_insights(s, **kwargs))
        got = snapshot(cache.insights(s, **kwargs))
    assert got == expected, kwargs


def test_cache_matches_compute_for_ranges_and_profiles(history) -> None:  # noqa: F811
    cache = InsightsCache()
    with history.sessions() as s:
        web = I.profile_id_by_name(s, "Web")
    for kwargs in RANGES:
        same(history, cache, **kwargs)
        same(history, cache, profile_id=web, **kwargs)
    assert cache.full_loads == 1


def test_cache_follows_changes_without_reloading(history) -> None:  # noqa: F811
    cache = InsightsCache()
    same(history, cache)
    with history.session() as s:
        web = I.profile_id_by_name(s, "Web")
        job = s.scalar(select(JobPosting).where(JobPosting.dedup_key == "j3"))
        p = submit_proposal(
            s, job_id=job.id, connects=6, boost=2, profile_id=web, at=utc(2024, 2, 12)
        )
        s.add(LedgerEntry(kind="spend", amount=-6, at=utc(2024, 2, 12), proposal_id=p.id))
        new_id = p.id
    same(history, cache)
    with history.session() as s:
        change_status(s, new_id, "viewed", at=utc(2024, 2, 13))
        change_status(s, new_id, "job_closed", at=utc(2024, 2, 14))
    same(history, cache)
    with history.session() as s:
        s.add(LedgerEntry(kind="refund", amount=6, at=utc(2024, 2, 15), proposal_id=new_id))
    same(history, cache, start=utc(2024, 2, 1), end=utc(2024, 3, 1))
    with history.session() as s:  # a rescore moves the scorecard-only proposal to another band
        card = s.scalar(select(ScoreCard))
        card.total, card.verdict = 15, "skip"
        card.computed_at = datetime.now(UTC)
    same(history, cache)
    with history.session() as s:  # an edited posting moves proposals to another category
        s.scalar(select(JobPosting).where(JobPosting.dedup_key == "j1")).category = "Design"
    same(history, cache)
    same(history, cache, profile_id=web)
    assert cache.full_loads == 1


def test_cache_reloads_after_deletions_and_setting_changes(history) -> None:  # noqa: F811
    cache = InsightsCache()
    same(history, cache)
    with history.session() as s:
        gone = s.scalar(select(Proposal.id).where(Proposal.status == "declined"))
        s.execute(
            update(LedgerEntry).where(LedgerEntry.proposal_id == gone).values(proposal_id=None)
        )
        s.execute(delete(Proposal).where(Proposal.id == gone))
    same(history, cache)
    assert cache.full_loads == 2
    with history.session() as s:
        s.execute(delete(LedgerEntry).where(LedgerEntry.kind == "allocation"))
    same(history, cache)
    assert cache.full_loads == 3
    with history.session() as s:
        settings.set_value(s, "connects.price_usd", 0.2)
    same(history, cache)
    assert cache.full_loads == 4


def test_partial_days_fall_back_to_sql(history) -> None:  # noqa: F811
    cache = InsightsCache()
    same(history, cache, start=utc(2024, 1, 31, 23))
    assert cache.full_loads == 0


def test_cache_matches_on_demo_history(db) -> None:
    now = datetime(2024, 7, 1, tzinfo=UTC)
    with db.session() as s:
        generate_demo(s, jobs=300, proposals=200, seed=9, now=now)
    cache = InsightsCache()
    with db.sessions() as s:
        profiles = [pid for pid, _n in I.profile_choices(s)]
    for kwargs in ({}, {"start": now - timedelta(days=90), "end": now}):
        for profile_id in (None, *profiles):
            same(db, cache, profile_id=profile_id, **kwargs)
    with db.sessions() as s, pytest.raises(I.InputError):
        cache.insights(s, profile_id=999)
    with db.sessions() as s:
        assert s.get(Profile, profiles[0]) is not None
