"""The per-proposal Insights summary stays equal to the live computation as data changes."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import pytest
from sqlalchemy import Table, select, update

from app import clock, settings
from app import insights as I
from app.demo import generate_demo
from app.ledger import post_entry
from app.proposals import change_status, submit_proposal
from app.storage import Database, open_database
from app.storage import db as storage_db
from app.storage.commits import CommitWatcher
from app.storage.models import (
    InsightsFactState,
    InsightsProposalFact,
    JobPosting,
    LedgerEntry,
    Proposal,
    ScoreCard,
)

pytestmark = pytest.mark.clock  # reads the time: .ci/run repeats it at awkward dates

NOW = datetime(2026, 6, 1, tzinfo=UTC)


@pytest.fixture
def demo(db):
    with db.transaction() as s:
        generate_demo(s, jobs=80, proposals=60, seed=3, now=NOW)
    with db.read() as s:
        I.compute_insights(s)
    return db


def stored(session: Any) -> list[tuple[Any, ...]]:
    table = InsightsProposalFact.__table__
    return [tuple(r) for r in session.execute(select(table).order_by(table.c.proposal_id))]


def live(session: Any) -> list[tuple[Any, ...]]:
    query = I._fact_select(session).order_by(Proposal.id)
    return [tuple(r) for r in session.execute(query)]


def assert_summary_matches(db) -> list[tuple[Any, ...]]:
    """Refresh as the page does, then the summary equals the facts computed from scratch."""
    with db.read() as s:
        fresh = I.compute_insights(s)
    with db.read() as s:
        rows = stored(s)
        assert rows == live(s)
        from_scratch = I._compute(s, None, None, None, fresh=False)
    assert I.report_json(fresh) == I.report_json(from_scratch)
    assert fresh.by_verdict == from_scratch.by_verdict
    assert fresh.by_delay == from_scratch.by_delay
    assert fresh.by_month == from_scratch.by_month
    return rows


def fact(db, proposal_id: int) -> InsightsProposalFact | None:
    with db.read() as s:
        return s.get(InsightsProposalFact, proposal_id)


def stored_fact(db, proposal_id: int) -> InsightsProposalFact:
    """The stored fact of ``proposal_id``, which must exist."""
    row = fact(db, proposal_id)
    assert row is not None, proposal_id
    return row


def a_submitted(db) -> Proposal:
    with db.read() as s:
        found = s.scalars(
            select(Proposal).where(Proposal.status == "submitted").order_by(Proposal.id)
        ).first()
        assert found is not None
        return found


def test_first_computation_fills_the_summary(demo) -> None:
    rows = assert_summary_matches(demo)
    with demo.read() as s:
        submitted = s.scalar(
            select(Proposal.id)
            .where(Proposal.submitted_at.is_not(None), Proposal.status != "draft")
            .order_by(Proposal.id.desc())
        )
        assert len(rows) > 40 and rows[-1][0] == submitted
        assert s.scalar(select(InsightsFactState.value).where(InsightsFactState.name == "version"))


def test_status_change_updates_the_proposal_row(demo) -> None:
    p = a_submitted(demo)
    assert stored_fact(demo, p.id).reached == 1
    with demo.transaction() as s:
        change_status(s, p.id, "viewed")
        change_status(s, p.id, "replied")
        change_status(s, p.id, "interviewing")
        change_status(s, p.id, "hired", revenue_usd=1234.5)
    assert_summary_matches(demo)
    row = fact(demo, p.id)
    assert row is not None and row.reached == 5 and row.revenue == 1234.5


def test_refund_lowers_the_proposal_connects(demo) -> None:
    p = a_submitted(demo)
    before = stored_fact(demo, p.id).connects
    with demo.transaction() as s:
        post_entry(s, "refund", 2, proposal_id=p.id, at=NOW)
    assert_summary_matches(demo)
    assert stored_fact(demo, p.id).connects == before - 2


def test_rescore_changes_verdict_and_band(demo) -> None:
    with demo.read() as s:
        p = s.scalars(
            select(Proposal)
            .join(
                ScoreCard,
                (ScoreCard.job_id == Proposal.job_id)
                & (ScoreCard.profile_id == Proposal.profile_id),
            )
            .where(Proposal.status != "draft", Proposal.submitted_at.is_not(None))
            .order_by(Proposal.id)
        ).first()
        assert p is not None
    with demo.transaction() as s:
        s.execute(update(Proposal).where(Proposal.id == p.id).values(score_at_submit=None))
        s.execute(
            update(ScoreCard)
            .where(ScoreCard.job_id == p.job_id, ScoreCard.profile_id == p.profile_id)
            .values(total=5, verdict="skip", computed_at=clock.now())
        )
    assert_summary_matches(demo)
    row = fact(demo, p.id)
    assert row is not None and row.verdict == "skip" and I._decode_key(row.key)[0] == "0-20"


def test_new_proposal_gets_a_row(demo) -> None:
    with demo.transaction() as s:
        job = JobPosting(dedup_key="fresh", title="Fresh job", category="Brand New")
        s.add(job)
        s.flush()
        p = submit_proposal(s, job_id=job.id, connects=6, boost=3, at=NOW)
        new_id = p.id
    rows = assert_summary_matches(demo)
    assert rows[-1][0] == new_id
    row = fact(demo, new_id)
    assert row is not None and row.category == "Brand New" and row.connects == 9


def test_deleted_proposal_leaves_the_summary(demo) -> None:
    p = a_submitted(demo)
    with demo.transaction() as s:
        s.delete(s.get(Proposal, p.id))
    assert_summary_matches(demo)
    assert fact(demo, p.id) is None


def test_posting_category_change_moves_the_proposal(demo) -> None:
    p = a_submitted(demo)
    with demo.transaction() as s:
        s.get(JobPosting, p.job_id).category = "Renamed Category"
    assert_summary_matches(demo)
    assert stored_fact(demo, p.id).category == "Renamed Category"


def test_verdict_thresholds_change_rebuilds(demo) -> None:
    """A proposal without a score card takes its verdict from the thresholds."""
    p = a_submitted(demo)
    with demo.transaction() as s:
        s.execute(update(Proposal).where(Proposal.id == p.id).values(score_at_submit=70))
        s.execute(
            cast(Table, ScoreCard.__table__)
            .delete()
            .where(ScoreCard.job_id == p.job_id, ScoreCard.profile_id == p.profile_id)
        )
        # the proposal's own edit above bypassed updated_at: make it count once
        s.execute(update(Proposal).where(Proposal.id == p.id).values(updated_at=clock.now()))
    assert_summary_matches(demo)
    with demo.transaction() as s:
        settings.set_value(s, "score.apply_threshold", 95)
        settings.set_value(s, "score.maybe_threshold", 60)
    assert_summary_matches(demo)
    assert stored_fact(demo, p.id).verdict == "maybe"


def test_nothing_changed_writes_nothing(demo) -> None:
    with demo.read() as s:
        assert I.refresh_facts(s)
        assert not s.in_transaction() or not s.dirty
    watcher = CommitWatcher(demo)  # PRAGMA data_version; on PostgreSQL the snapshot
    try:
        before = watcher.version()
        assert before is not None
        with demo.read() as s:
            I.compute_insights(s)
        assert watcher.version() == before
        with demo.transaction() as s:
            change_status(s, a_submitted(demo).id, "viewed")
        assert watcher.version() != before  # and a commit moves it
    finally:
        watcher.close()


def test_a_range_and_a_profile_agree_with_the_live_figures(demo) -> None:
    start, end = NOW - timedelta(days=200), NOW - timedelta(days=20)
    with demo.read() as s:
        profile_id = s.scalar(select(Proposal.profile_id).where(Proposal.profile_id.is_not(None)))
        cases: list[dict[str, Any]] = [{"start": start, "end": end}, {"profile_id": profile_id}]
        for kwargs in cases:
            stored_ins = I.compute_insights(s, **kwargs)
            live_ins = I._compute(
                s,
                kwargs.get("start"),
                kwargs.get("end"),
                kwargs.get("profile_id"),
                fresh=False,
            )
            assert I.report_json(stored_ins) == I.report_json(live_ins)


@pytest.mark.sqlite_only  # holds SQLite's write lock from another connection
def test_figures_come_live_while_another_program_writes(demo, monkeypatch) -> None:
    """Another connection holds the write lock: the summary waits, the figures do not."""
    p = a_submitted(demo)
    with demo.transaction() as s:
        change_status(s, p.id, "viewed")
    monkeypatch.setattr(storage_db, "BUSY_TIMEOUT_MS", 50)  # give up on the lock at once
    impatient = open_database(str(demo.path), migrate=False)
    writer = sqlite3.connect(demo.path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        with impatient.read() as s:
            assert not I.refresh_facts(s)
            ins = I.compute_insights(s)
            assert I.report_json(ins) == I.report_json(I._compute(s, None, None, None, fresh=False))
            assert ins.total.viewed >= 1
    finally:
        writer.rollback()
        writer.close()
        impatient.close()
    assert stored_fact(demo, p.id).reached == 1  # nothing half-written
    assert_summary_matches(demo)
    assert stored_fact(demo, p.id).reached == 2


def test_inside_a_writing_transaction_the_figures_are_live_and_the_summary_waits(demo) -> None:
    """The caller's flushed change is in the figures; the stored summary is not written."""
    p = a_submitted(demo)
    with demo.read() as s:
        viewed = I.compute_insights(s).total.viewed
    with demo.transaction() as s:
        change_status(s, p.id, "viewed")
        assert I.compute_insights(s).total.viewed == viewed + 1
        assert s.get(InsightsProposalFact, p.id).reached == 1
    assert stored_fact(demo, p.id).reached == 1  # the caller committed its own
    assert_summary_matches(demo)  # the next read brings the summary up to date
    assert stored_fact(demo, p.id).reached == 2


@pytest.fixture(params=["compute_insights", "memo"])
def read(request, demo) -> Iterator[Callable[[Any], I.Insights]]:
    """``compute_insights``, or a memo that already holds the figures of committed data."""
    if request.param == "compute_insights":
        yield I.compute_insights
        return
    memo = I.InsightsMemo(demo)
    with demo.read() as s:
        memo.insights(s)
    yield memo.insights
    memo.close()


def test_a_read_leaves_the_callers_pending_changes_alone(demo, read) -> None:
    """Nothing flushed, committed or rolled back: the caller's rollback still discards all."""
    p = a_submitted(demo)
    with demo.read() as s:
        viewed = I.compute_insights(s).total.viewed
    with demo.read() as s:
        change_status(s, p.id, "viewed")  # flushed, not committed
        job = s.get(JobPosting, p.job_id)
        assert job is not None
        job.category = "Edited, not flushed"
        s.add(LedgerEntry(at=NOW, kind="bonus", amount=7, note="added, not flushed"))
        new, dirty = set(s.new), set(s.dirty)
        assert new and dirty and s.in_transaction()
        assert read(s).total.viewed == viewed + 1  # its own flushed change counts
        assert set(s.new) == new and set(s.dirty) == dirty
        s.rollback()
    with demo.read() as s:
        assert s.get(Proposal, p.id).status == "submitted"
        assert s.get(JobPosting, p.job_id).category != "Edited, not flushed"
        assert s.scalar(select(LedgerEntry).where(LedgerEntry.note == "added, not flushed")) is None
    assert_summary_matches(demo)


def test_a_read_refreshes_the_summary_apart_from_unflushed_changes(demo) -> None:
    """The summary is written and committed in a transaction of its own."""
    p = a_submitted(demo)
    with demo.transaction() as s:
        change_status(s, p.id, "viewed")
    with demo.read() as s:
        pending = LedgerEntry(at=NOW, kind="bonus", amount=7, note="added, not flushed")
        s.add(pending)
        I.compute_insights(s)
        assert set(s.new) == {pending}
        assert stored_fact(demo, p.id).reached == 2  # committed apart
        s.rollback()
    with demo.read() as s:
        assert s.scalar(select(LedgerEntry).where(LedgerEntry.note == "added, not flushed")) is None


def test_memo_computes_once_per_change_despite_the_summary_write(demo) -> None:
    memo = I.InsightsMemo(demo)
    try:
        with demo.read() as s:
            memo.insights(s)
        p = a_submitted(demo)
        with demo.transaction() as s:
            change_status(s, p.id, "viewed")
        with demo.read() as s:
            after = memo.insights(s)
        computed = memo.computed
        with demo.read() as s:
            assert memo.insights(s) is after
        assert memo.computed == computed
        assert stored_fact(demo, p.id).reached == 2
    finally:
        memo.close()


def test_an_edit_in_the_same_tick_of_a_coarse_clock_is_seen(
    demo: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A system clock that does not move between two writes (Windows: ~16 ms) loses nothing."""
    coarse = clock.now()
    monkeypatch.setattr(clock, "_real_now", lambda: coarse)
    p = a_submitted(demo)
    with demo.transaction() as s:
        job = s.get(JobPosting, p.job_id)
        assert job is not None
        job.category = "First"
    assert_summary_matches(demo)
    with demo.transaction() as s:  # the system clock still reads the same moment
        job = s.get(JobPosting, p.job_id)
        assert job is not None
        job.category = "Second"
    assert_summary_matches(demo)
    assert stored_fact(demo, p.id).category == "Second"


def test_member_filtered_figures_come_from_the_summary_and_equal_the_live_path(
    db, monkeypatch
) -> None:
    """Several members' proposals on generated data: each member's figures (alone, with a
    range, with a profile) from the summary equal the live computation, and the summary
    path is the one taken."""
    from app.insights import compute as compute_module
    from app.storage.members import add_member
    from app.storage.models import Member

    with db.transaction() as s:
        generate_demo(s, jobs=120, proposals=90, seed=5, now=NOW)
        for name, role in (("Ann", "admin"), ("Ben", "member"), ("Cy", "member")):
            add_member(s, name, role)
        s.flush()
        members = list(s.scalars(select(Member.id).order_by(Member.id)))
        ids = list(s.scalars(select(Proposal.id).order_by(Proposal.id)))
        for i, proposal_id in enumerate(ids):  # 4 members, unevenly: i % 7 over 4 ids
            member = members[(i % 7) % len(members)]
            s.execute(update(Proposal).where(Proposal.id == proposal_id).values(member_id=member))
        profile_id = s.scalar(select(Proposal.profile_id).where(Proposal.profile_id.is_not(None)))
    calls: list[bool] = []
    real = compute_module._proposal_groups

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(bool(kwargs.get("live")))
        return real(*args, **kwargs)

    monkeypatch.setattr(compute_module, "_proposal_groups", spy)
    start, end = NOW - timedelta(days=200), NOW - timedelta(days=20)
    totals = []
    with db.read() as s:
        for member_id in members:
            cases: list[dict[str, Any]] = [{}, {"start": start, "end": end}]
            for kwargs in [*cases, {"profile_id": profile_id}]:
                calls.clear()
                summary_ins = I.compute_insights(s, member_id=member_id, **kwargs)
                assert calls == [False]  # the summary, not the live CTE
                live_ins = I._compute(
                    s,
                    kwargs.get("start"),
                    kwargs.get("end"),
                    kwargs.get("profile_id"),
                    fresh=False,
                    member_id=member_id,
                )
                assert calls[-1] is True
                assert I.report_json(summary_ins) == I.report_json(live_ins)
                assert summary_ins.by_verdict == live_ins.by_verdict
                assert summary_ins.by_delay == live_ins.by_delay
                assert summary_ins.by_month == live_ins.by_month
            totals.append(I.compute_insights(s, member_id=member_id).total.proposals)
        everyone = I.compute_insights(s).total.proposals
    assert all(n > 0 for n in totals) and sum(totals) == everyone
