"""Insights figures on small histories whose numbers are worked out by hand."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app import insights as I
from app.errors import InputError
from app.storage.models import (
    JobPosting,
    LedgerEntry,
    Profile,
    Proposal,
    ProposalStatusChange,
    ScoreCard,
)

pytestmark = pytest.mark.clock  # reads the time: .ci/run repeats it at awkward dates


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def add_job(session, key: str, category: str | None, posted_at: datetime | None) -> JobPosting:
    job = JobPosting(dedup_key=key, title=key, category=category, posted_at=posted_at)
    session.add(job)
    session.flush()
    return job


def add_proposal(
    session,
    job: JobPosting,
    profile: Profile,
    at: datetime,
    path: list[str],
    *,
    connects: int = 0,
    boost: int = 0,
    invited: bool = False,
    score: int | None = None,
    revenue: float | None = None,
    spend_ledger: bool = True,
) -> Proposal:
    """A proposal whose history walks ``path`` one hour per step, with its ledger spend."""
    proposal = Proposal(
        job_id=job.id,
        profile_id=profile.id,
        connects_spent=connects,
        boost_connects=boost,
        invited=invited,
        status=path[-1],
        submitted_at=at,
        score_at_submit=score,
        revenue_usd=revenue,
    )
    previous = "draft"
    for i, status in enumerate(path):
        proposal.history.append(
            ProposalStatusChange(from_status=previous, to_status=status, at=at + timedelta(hours=i))
        )
        previous = status
    session.add(proposal)
    session.flush()
    if spend_ledger and connects:
        session.add(LedgerEntry(kind="spend", amount=-connects, at=at, proposal_id=proposal.id))
    if spend_ledger and boost:
        session.add(LedgerEntry(kind="boost", amount=-boost, at=at, proposal_id=proposal.id))
    return proposal


HIRED = ["submitted", "viewed", "replied", "interviewing", "hired"]


@pytest.fixture
def history(db):
    """Five submitted proposals and a draft over January–March 2024 (see the module tests)."""
    with db.transaction() as s:
        web = Profile(name="Web")
        data = Profile(name="Data")
        s.add_all([web, data])
        s.flush()
        j1 = add_job(s, "j1", "Web Dev", utc(2024, 1, 31, 23, 0))
        j2 = add_job(s, "j2", "Web Dev", utc(2024, 1, 31, 10, 30))
        j3 = add_job(s, "j3", "Data", utc(2024, 2, 8, 12, 0))
        j4 = add_job(s, "j4", None, None)
        s.add(ScoreCard(job_id=j2.id, profile_id=web.id, total=65, verdict="maybe"))
        s.add(LedgerEntry(kind="allocation", amount=10, at=utc(2024, 1, 1)))
        s.add(LedgerEntry(kind="purchase", amount=80, usd=12.0, at=utc(2024, 1, 5)))
        s.add(LedgerEntry(kind="purchase", amount=40, usd=6.0, at=utc(2024, 2, 1)))
        # hired, then the job closed: it still counts as hired
        add_proposal(
            s,
            j1,
            web,
            utc(2024, 1, 31, 23, 30),
            [*HIRED, "job_closed"],
            connects=10,
            boost=5,
            score=85,
            revenue=500.0,
        )
        # 00:30 on 1 February in UTC+2 is still 31 January in UTC
        plus2 = timezone(timedelta(hours=2))
        add_proposal(
            s,
            j2,
            web,
            datetime(2024, 2, 1, 0, 30, tzinfo=plus2),
            ["submitted", "viewed", "declined"],
            connects=8,
        )
        p3 = add_proposal(
            s, j3, web, utc(2024, 2, 10, 12), ["submitted", "job_closed"], connects=6, score=30
        )
        s.add(LedgerEntry(kind="refund", amount=6, at=utc(2024, 3, 2), proposal_id=p3.id))
        add_proposal(s, j4, web, utc(2024, 2, 15), HIRED, invited=True, score=90, revenue=1000.0)
        p5 = add_proposal(
            s, j3, data, utc(2024, 2, 20), ["submitted", "viewed"], connects=12, boost=4, score=50
        )
        s.add(LedgerEntry(kind="boost_refund", amount=4, at=utc(2024, 2, 21), proposal_id=p5.id))
        s.add(Proposal(job_id=j1.id, profile_id=web.id, status="draft", connects_spent=0))
    return db


def test_totals_funnel_and_per_hire_costs(history) -> None:
    with history.read() as s:
        ins = I.compute_insights(s)
    report = I.report_json(ins)
    assert report["connects_spent"] == 30  # 10 + 8 + 6 + 12 spent, 6 refunded
    assert report["connects_boost"] == 5  # 5 + 4 boosted, 4 refunded
    assert report["usd_spent"] == 18.0
    assert [report[k] for k in ("proposals", "viewed", "replied", "interviewing", "hired")] == [
        5,
        4,
        2,
        2,
        2,
    ]
    assert (report["view_rate"], report["reply_rate"], report["hire_rate"]) == (0.8, 0.4, 0.4)
    # cohort cost: 15 + 8 + (6 - 6) + 0 + (16 - 4) = 35 Connects for 2 hires
    assert report["connects_per_hire"] == 17.5
    assert ins.total.usd_per_hire == pytest.approx(17.5 * 0.15)
    assert report["revenue"] == 1500.0
    assert report["revenue_per_usd"] == pytest.approx(1500 / 5.25, abs=0.01)
    funnel = ins.funnel()
    assert [s.count for s in funnel] == [5, 4, 2, 2, 2]
    assert [s.step_rate for s in funnel] == [None, 0.8, 0.5, 1.0, 1.0]
    assert [s.count for s in ins.funnel(ins.cold)] == [4, 3, 1, 1, 1]
    assert [s.count for s in ins.funnel(ins.invited)] == [1, 1, 1, 1, 1]


def test_report_json_has_exactly_the_contract_keys(history) -> None:
    with history.read() as s:
        report = I.report_json(I.compute_insights(s))
    assert list(report) == [
        "connects_spent",
        "connects_boost",
        "usd_spent",
        "proposals",
        "viewed",
        "replied",
        "interviewing",
        "hired",
        "view_rate",
        "reply_rate",
        "hire_rate",
        "connects_per_hire",
        "usd_per_hire",
        "revenue",
        "revenue_per_usd",
        "by_category",
        "by_score_band",
        "by_month",
    ]


def test_score_bands_use_score_at_submit_then_the_score_card(history) -> None:
    with history.read() as s:
        ins = I.compute_insights(s)
    bands = {g.key: (g.proposals, g.hired, g.connects) for g in ins.by_score_band}
    assert bands == {
        "80-100": (2, 2, 15),  # 85 and 90
        "60-80": (1, 0, 8),  # no score at submit: the score card's 65
        "40-60": (1, 0, 12),
        "20-40": (1, 0, 0),
    }
    top = ins.by_score_band[-1]
    assert (top.key, top.win_rate, top.connects_per_hire) == ("80-100", 1.0, 7.5)
    verdicts = {g.key: (g.proposals, g.hired) for g in ins.by_verdict}
    assert verdicts == {"apply": (2, 2), "maybe": (2, 0), "skip": (1, 0)}


def test_categories_boost_and_posting_delay(history) -> None:
    with history.read() as s:
        ins = I.compute_insights(s)
    cats = {g.key: (g.proposals, g.hired) for g in ins.by_category}
    assert cats == {"Web Dev": (2, 1), "Data": (2, 0), "Uncategorised": (1, 1)}
    assert (ins.boosted.proposals, ins.boosted.viewed, ins.boosted.hired) == (2, 2, 1)
    assert (ins.not_boosted.proposals, ins.not_boosted.viewed) == (3, 2)
    delays = {g.key: g.proposals for g in ins.by_delay}
    assert delays == {"< 1 h": 1, "6-24 h": 1, "1-3 days": 1, "> 3 days": 1, "unknown": 1}


def test_months_and_weeks_are_utc_periods(history) -> None:
    with history.read() as s:
        ins = I.compute_insights(s)
    months = [(p.period, p.base, p.boost, p.usd, p.proposals, p.hired) for p in ins.by_month]
    assert months == [
        ("2024-01", 18, 5, 12.0, 2, 1),
        ("2024-02", 18, 0, 6.0, 3, 1),
        ("2024-03", -6, 0, 0.0, 0, 0),  # the refund lands in the month it was posted
    ]
    weeks = {p.start: (p.base, p.boost) for p in ins.by_week}
    # Wednesday 31 January 2024 belongs to the week starting Monday 29 January
    assert weeks[date(2024, 1, 29)] == (18, 5)
    assert all(start.weekday() == 0 for start in weeks)
    assert sum(p.base for p in ins.by_week) == ins.connects_spent


def test_balance_over_time(history) -> None:
    with history.read() as s:
        ins = I.compute_insights(s)
    assert [(p.day.isoformat(), p.balance) for p in ins.balance] == [
        ("2024-01-01", 10),
        ("2024-01-05", 90),
        ("2024-01-31", 67),
        ("2024-02-01", 107),
        ("2024-02-10", 101),
        ("2024-02-20", 85),
        ("2024-02-21", 89),
        ("2024-03-02", 95),
    ]


def test_date_range_is_half_open_and_time_zone_aware(history) -> None:
    start = I.parse_range_bound("2024-02-01")
    end = I.parse_range_bound("2024-02-29", end=True)
    assert end == utc(2024, 3, 1)
    with history.read() as s:
        ins = I.compute_insights(s, start=start, end=end)
    # P2 went out at 00:30 on 1 Feb in UTC+2 = 31 Jan UTC: not in February
    assert ins.total.proposals == 3
    assert (ins.connects_spent, ins.connects_boost, ins.usd_spent) == (18, 0, 6.0)
    assert ins.opening_balance == 67
    assert ins.balance[0].balance == 107
    # the same instant written in another zone gives the same range
    with history.read() as s:
        shifted = I.compute_insights(
            s, start=datetime(2024, 2, 1, 2, tzinfo=timezone(timedelta(hours=2))), end=end
        )
    assert shifted.total.proposals == 3


def test_profile_filter(history) -> None:
    with history.read() as s:
        web = I.profile_id_by_name(s, "Web")
        ins = I.compute_insights(s, profile_id=web)
        with pytest.raises(InputError, match="no profile named 'Nobody'"):
            I.profile_id_by_name(s, "Nobody")
    assert ins.profile == "Web"
    assert ins.total.proposals == 4
    # Web's own entries: 10 + 8 + 6 - 6 base, 5 boost; purchases stay account-wide
    assert (ins.connects_spent, ins.connects_boost, ins.usd_spent) == (18, 5, 18.0)
    assert ins.total.connects_per_hire == 11.5  # (15 + 8 + 0 + 0) / 2


def test_empty_history(db) -> None:
    with db.read() as s:
        ins = I.compute_insights(s)
    report = I.report_json(ins)
    assert report["proposals"] == 0 and report["connects_spent"] == 0
    assert report["view_rate"] is None and report["connects_per_hire"] is None
    assert report["by_category"] == [] and report["by_month"] == []
    for kind in I.CHART_KINDS:
        assert not I.chart_has_data(ins, kind)
        assert I.takeaway(ins, kind) == "Not enough data in this range."
    assert "Funnel" in I.format_report(ins)


def test_one_proposal_history(db) -> None:
    with db.transaction() as s:
        me = Profile(name="Me")
        s.add(me)
        s.flush()
        job = add_job(s, "only", "Design", utc(2024, 5, 1))
        add_proposal(s, job, me, utc(2024, 5, 1, 3), ["submitted"], connects=4, score=72)
    with db.read() as s:
        ins = I.compute_insights(s)
    report = I.report_json(ins)
    assert (report["proposals"], report["viewed"], report["hired"]) == (1, 0, 0)
    assert report["view_rate"] == 0.0 and report["connects_per_hire"] is None
    assert report["by_score_band"][0]["band"] == "60-80"
    assert ins.balance[-1].balance == -4
    for kind in I.CHART_KINDS:
        assert I.takeaway(ins, kind)
    assert "4 Connects" in I.takeaway(ins, "spend")


def test_score_band_edges() -> None:
    assert [I.score_band(v) for v in (0, 19.9, 20, 59, 60, 79, 80, 100)] == [
        "0-20",
        "0-20",
        "20-40",
        "40-60",
        "60-80",
        "60-80",
        "80-100",
        "80-100",
    ]
    assert I.score_band(None) is None


def test_takeaways_read_the_numbers(history) -> None:
    with history.read() as s:
        ins = I.compute_insights(s)
    # five proposals are too few for any reading of their outcomes (the chart has the numbers)
    assert I.takeaway(ins, "funnel").startswith("Too few proposals to say yet (5 submitted)")
    # 60+: 3 proposals, 2 hires (67%); under 60: 2 proposals, 0 hires
    assert I.takeaway(ins, "score-bands").startswith(
        "Too few proposals to say yet (3 at score 60+, 2 under 60)"
    )
    assert I.takeaway(ins, "boost").startswith("Too few proposals to say yet")
    assert I.takeaway(ins, "categories").startswith("Too few proposals to say yet")
    assert I.takeaway(ins, "balance") == "Balance went from 0 to 95; lowest 10 on 2024-01-01."
    # within 6 h: P1 (viewed); later: P2 (viewed), P3 (not), P5 (viewed); P4 has no posting time
    assert I.takeaway(ins, "speed") == (
        "Too few proposals to say yet (1 within 6 h, 3 later): early against late needs at "
        "least 10 on each side; the chart shows the numbers so far."
    )
    with pytest.raises(InputError, match="unknown chart"):
        I.takeaway(ins, "pie")


def test_range_must_run_forward(db) -> None:
    with db.read() as s, pytest.raises(InputError, match="after its start"):
        I.compute_insights(s, start=utc(2024, 2, 1), end=utc(2024, 1, 1))
    with pytest.raises(InputError, match="not an ISO 8601"):
        I.parse_range_bound("last tuesday")


def test_csv_export_is_formula_safe(history, tmp_path: Path) -> None:
    with history.transaction() as s:
        s.add(JobPosting(dedup_key="evil", title="x", category='=HYPERLINK("http://x")'))
        s.flush()
        evil = s.query(JobPosting).filter_by(dedup_key="evil").one()
        me = s.query(Profile).filter_by(name="Web").one()
        add_proposal(s, evil, me, utc(2024, 2, 2), ["submitted"], connects=2)
    with history.read() as s:
        ins = I.compute_insights(s)
    path = I.write_chart_csv(ins, "categories", tmp_path / "cats.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == ["category", "proposals", "hired", "win_rate"]
    assert ['\'=HYPERLINK("http://x")', "1", "0", "0.0", "", ""] in rows
    assert I.csv_safe("-5") == "'-5" and I.csv_safe(-5) == -5 and I.csv_safe("ok") == "ok"
    for kind in I.CHART_KINDS:
        header, table = I.chart_table(ins, kind)
        assert all(len(row) == len(header) for row in table)


def _outcomes(db, band_score: int, hired: int, lost: int, *, open_: int = 0) -> None:
    with db.transaction() as s:
        me = s.query(Profile).filter_by(name="Cal").one_or_none()
        if me is None:
            me = Profile(name="Cal")
            s.add(me)
            s.flush()
        job = add_job(s, f"cal-{band_score}", "X", utc(2024, 1, 1))
        for i in range(hired + lost + open_):
            path = HIRED if i < hired else ["submitted", "declined"]
            at = utc(2024, 1, 2)
            if i >= hired + lost:  # still open and recent: no outcome yet
                path, at = ["submitted"], utc(2024, 6, 25)
            add_proposal(s, job, me, at, path, connects=2, score=band_score)


def test_calibrated_win_rates_wait_for_enough_outcomes(db) -> None:
    _outcomes(db, 85, hired=10, lost=10, open_=30)
    _outcomes(db, 10, hired=2, lost=18)
    as_of = utc(2024, 7, 1)
    with db.read() as s:
        # 40 outcomes (the 30 recent open proposals are none), 12 hires: overall 0.3
        assert I.calibrated_win_rates(s, min_sample=41, as_of=as_of) is None
        rates = I.calibrated_win_rates(s, min_sample=40, as_of=as_of)
        # open for more than 30 days counts as lost
        later = I.calibrated_win_rates(s, min_sample=40, as_of=utc(2024, 9, 1))
    assert rates is not None and set(rates) == {"0-20", "20-40", "40-60", "60-80", "80-100"}
    assert rates["80-100"] == pytest.approx((10 + 10 * 0.3) / (20 + 10))
    assert rates["0-20"] == pytest.approx((2 + 3) / (20 + 10))
    assert rates["40-60"] == pytest.approx(0.3)  # no data: the overall rate
    assert later is not None and later["80-100"] < rates["80-100"]


def test_calibration_needs_some_hires(db) -> None:
    _outcomes(db, 50, hired=2, lost=60)
    with db.read() as s:
        assert I.calibrated_win_rates(s, min_sample=30, as_of=utc(2024, 7, 1)) is None


def test_range_presets_are_whole_utc_days() -> None:
    today = date(2024, 3, 15)
    assert I.preset_range("all", today) == (None, None)
    assert I.preset_range("30d", today) == (date(2024, 2, 15), today)
    assert I.preset_range("12m", today) == (date(2023, 4, 1), today)
    assert I.preset_range("ytd", today) == (date(2024, 1, 1), today)
    assert I.day_bounds(date(2024, 2, 1), date(2024, 2, 29)) == (utc(2024, 2, 1), utc(2024, 3, 1))
    assert I.preset_range("12m", date(2024, 12, 31)) == (date(2024, 1, 1), date(2024, 12, 31))
    with pytest.raises(InputError):
        I.preset_range("decade", today)


def test_activity_and_profile_choices(history, db) -> None:
    with history.read() as s:
        assert I.has_activity(s)
        assert I.profile_choices(s) == [(2, "Data"), (1, "Web")]


def test_score_band_takeaway_compares_above_and_below_60(db) -> None:
    with db.transaction() as s:
        me = Profile(name="Bands")
        s.add(me)
        s.flush()
        job = add_job(s, "bands", "X", utc(2024, 1, 1))
        for i in range(10):  # score 85: 3 of 10 hired; score 30: 1 of 10 hired
            add_proposal(s, job, me, utc(2024, 1, 2), HIRED if i < 3 else ["submitted"], score=85)
            add_proposal(s, job, me, utc(2024, 1, 2), HIRED if i < 1 else ["submitted"], score=30)
    with db.read() as s:
        ins = I.compute_insights(s)
    assert I.takeaway(ins, "score-bands") == (
        "Your win rate at score 60+ is 3.0× the rate under 60 (30% vs 10%)."
    )


def test_ledger_range_ends_inside_a_day_are_exact(db) -> None:
    """A range may start and end mid-day: entries count by their time, not their day."""
    with db.transaction() as s:
        for hour, amount in ((8, 100), (11, -1), (13, -2), (20, -4)):
            s.add(LedgerEntry(kind="spend", amount=amount, at=utc(2024, 5, 6, hour)))
        s.add(LedgerEntry(kind="spend", amount=-8, at=utc(2024, 5, 7, 9)))
        s.add(LedgerEntry(kind="spend", amount=-16, at=utc(2024, 5, 7, 15)))
    with db.read() as s:
        ins = I.compute_insights(s, start=utc(2024, 5, 6, 12), end=utc(2024, 5, 7, 12))
    assert ins.opening_balance == 99  # 08:00 and 11:00 on the first day, before noon
    assert ins.connects_spent == 2 + 4 + 8
    assert [(p.day, p.balance) for p in ins.balance] == [
        (date(2024, 5, 6), 93),
        (date(2024, 5, 7), 85),
    ]


def test_memo_answers_again_until_something_is_committed(history) -> None:
    memo = I.InsightsMemo(history)
    try:
        with history.read() as s:
            first = memo.insights(s)
            assert memo.insights(s) is first
            other_range = memo.insights(s, start=utc(2024, 2, 1))
            assert other_range.total.proposals == 3
        assert memo.computed == 2
        with history.transaction() as s:  # another connection commits: everything is forgotten
            s.add(LedgerEntry(kind="purchase", amount=40, usd=6.0, at=utc(2024, 3, 1)))
        with history.read() as s:
            again = memo.insights(s)
        assert again is not first
        assert again.usd_spent == first.usd_spent + 6.0
        assert memo.computed == 3
    finally:
        memo.close()


def test_index_hints_are_written_for_sqlite_only() -> None:
    from sqlalchemy import select
    from sqlalchemy.dialects import postgresql, sqlite

    query = select(JobPosting.id).with_hint(JobPosting, "INDEXED BY ix_x", "sqlite")
    assert "job_posting INDEXED BY ix_x" in str(query.compile(dialect=sqlite.dialect()))
    assert "INDEXED BY" not in str(query.compile(dialect=postgresql.dialect()))


def _stats(key: str, proposals: int, viewed: int, hired: int) -> I.GroupStats:
    return I.GroupStats(key, proposals=proposals, viewed=viewed, hired=hired)


def test_with_ten_or_more_on_each_side_the_takeaways_read_the_numbers() -> None:
    ins = I.Insights(None, None, None, 0.15)
    ins.total = I.GroupStats("all", proposals=40, viewed=24, replied=12, interviewing=8, hired=4)
    ins.by_score_band = [
        _stats("0-20", 10, 4, 0),
        _stats("40-60", 10, 5, 1),
        _stats("80-100", 20, 15, 3),
    ]
    ins.boosted, ins.not_boosted = _stats("boosted", 10, 8, 2), _stats("not boosted", 30, 16, 2)
    ins.by_delay = [_stats("< 1 h", 12, 10, 2), _stats("1-7 days", 28, 14, 2)]
    ins.by_category = [_stats("Web Dev", 25, 15, 3), _stats("Data", 15, 9, 1)]
    assert I.takeaway(ins, "funnel").startswith("60% of your proposals were viewed and 10% hired")
    assert I.takeaway(ins, "score-bands") == (
        "Your win rate at score 60+ is 3.0× the rate under 60 (15% vs 5%)."
    )
    assert I.takeaway(ins, "boost").startswith("Boosted proposals were viewed 1.5× as often")
    assert I.takeaway(ins, "categories").startswith("Best category: Web Dev, 12% win rate")
    assert "within 6 h of posting were viewed 1.7× as often" in I.takeaway(ins, "speed")


def test_the_category_takeaway_names_only_a_category_the_chart_draws() -> None:
    ins = I.Insights(None, None, None, 0.15)
    ins.total = I.GroupStats("all", proposals=100, viewed=50, hired=10)
    # the most used first (as compute_insights orders them); the ninth is not drawn
    drawn = [_stats(f"Category {n}", 11, 5, 0) for n in range(I.TOP_CATEGORIES)]
    hidden = _stats("Hidden winner", 10, 10, 10)
    ins.by_category = [*drawn, hidden]
    assert hidden not in I.top_categories(ins)
    assert "Hidden winner" not in I.takeaway(ins, "categories")
    assert I.takeaway(ins, "categories").startswith("No hires yet; most proposals went to Category")


def test_the_balance_takeaway_sees_the_lowest_point_within_a_day(db) -> None:
    """One day: a 60 spend posted before the day's 100 allocation took the ledger to -42,
    though the day closed at 62 (what the old takeaway called the lowest)."""
    with db.transaction() as s:
        s.add(LedgerEntry(kind="correction", amount=18, at=utc(2026, 11, 30, 9)))
        s.add(LedgerEntry(kind="spend", amount=-60, at=utc(2026, 12, 1, 8)))
        s.add(LedgerEntry(kind="allocation", amount=104, at=utc(2026, 12, 1, 10)))
    with db.read() as s:
        ins = I.compute_insights(s, start=utc(2026, 12, 1), end=utc(2026, 12, 2))
    assert [(p.day.isoformat(), p.balance, p.lowest) for p in ins.balance] == [
        ("2026-12-01", 62, -42)
    ]
    assert I.takeaway(ins, "balance") == (
        "Balance went from 18 to 62; lowest -42 on 2026-12-01 (below zero: reconcile with the "
        "platform)."
    )
