from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from app.capture import capture_text
from app.domain import BudgetType, ClientFacts, PostingFacts
from app.errors import InputError, NotFoundError
from app.storage.jobs import (
    JobQuery,
    add_posting,
    count_jobs,
    delete_jobs,
    fetch_jobs,
    get_job,
    has_jobs,
    restore_statuses,
    set_status,
    undelete_jobs,
)
from app.storage.models import JobPosting, Profile, ScoreCard

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def posting(n: int, **kw: Any) -> PostingFacts:
    base: dict[str, Any] = dict(
        title=f"Job {n}",
        description=f"Description number {n}",
        url=f"https://www.upwork.com/jobs/~01{n:016x}",
        skills=["Python"] if n % 2 else ["Design"],
        budget_type=BudgetType.FIXED,
        fixed_budget=100.0 * n,
        posted_at=T0 + timedelta(hours=n),
        client=ClientFacts(total_spent=1000.0 * n, rating=4.5),
    )
    base.update(kw)
    return PostingFacts(**base)


def fill(db, n: int = 10) -> list[int]:
    with db.transaction() as session:
        return [add_posting(session, posting(i))[0].id for i in range(1, n + 1)]


def test_add_then_same_posting_updates(db) -> None:
    with db.transaction() as session:
        job, created = add_posting(session, posting(1))
        assert created
        set_status(session, [job.id], "shortlisted")
    with db.transaction() as session:
        again, created = add_posting(session, posting(1, title="Job 1 (edited)"), source="import")
        assert not created and again.id == job.id
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(JobPosting)) == 1
        stored = get_job(session, job.id)
        assert stored.title == "Job 1 (edited)"
        assert stored.status == "shortlisted"
        assert stored.source == "import"


def test_add_needs_something(db) -> None:
    with db.transaction() as session, pytest.raises(InputError):
        add_posting(session, PostingFacts())


def test_get_missing_job(db) -> None:
    with db.read() as session, pytest.raises(NotFoundError):
        get_job(session, 999)


def test_list_sorted_paged_in_sql(db) -> None:
    fill(db, 10)
    with db.read() as session:
        assert count_jobs(session) == 10
        first = fetch_jobs(session, JobQuery(), limit=3)
        assert [r.title for r in first] == ["Job 10", "Job 9", "Job 8"]
        page2 = fetch_jobs(session, JobQuery(), offset=3, limit=3)
        assert [r.title for r in page2] == ["Job 7", "Job 6", "Job 5"]
        cheap = fetch_jobs(session, JobQuery(sort="budget", descending=False), limit=2)
        assert [r.fixed_budget for r in cheap] == [100.0, 200.0]
        with pytest.raises(InputError):
            fetch_jobs(session, JobQuery(sort="id; drop table"))


def test_search_status_and_date_filters(db) -> None:
    ids = fill(db, 10)
    with db.transaction() as session:
        set_status(session, ids[:2], "skipped")
    with db.read() as session:
        python = fetch_jobs(session, JobQuery(search="pyth"), limit=50)
        assert {r.title for r in python} == {f"Job {i}" for i in (1, 3, 5, 7, 9)}
        assert count_jobs(session, JobQuery(search="number 4")) == 1
        assert count_jobs(session, JobQuery(statuses=("skipped",))) == 2
        assert count_jobs(session, JobQuery(statuses=("new", "shortlisted"))) == 8
        window = JobQuery(posted_from=T0 + timedelta(hours=3), posted_to=T0 + timedelta(hours=6))
        assert [r.title for r in fetch_jobs(session, window)] == ["Job 5", "Job 4", "Job 3"]
        assert count_jobs(session, JobQuery(search="   ")) == 10
        with pytest.raises(InputError):
            count_jobs(session, JobQuery(statuses=("bogus",)))


def test_score_columns_come_from_the_active_profile(db) -> None:
    ids = fill(db, 3)
    with db.transaction() as session:
        active = Profile(name="Main", is_active=True)
        other = Profile(name="Other", is_active=False)
        session.add_all([active, other])
        session.flush()
        session.add(ScoreCard(job_id=ids[0], profile_id=active.id, total=81, verdict="apply"))
        session.add(ScoreCard(job_id=ids[0], profile_id=other.id, total=10, verdict="skip"))
        session.add(ScoreCard(job_id=ids[1], profile_id=other.id, total=5, verdict="skip"))
    with db.read() as session:
        rows = {r.id: r for r in fetch_jobs(session, JobQuery())}
        assert len(rows) == 3
        assert (rows[ids[0]].score, rows[ids[0]].verdict) == (81, "apply")
        assert rows[ids[1]].score is None and rows[ids[2]].verdict is None
        best = fetch_jobs(session, JobQuery(sort="score"), limit=1)
        assert best[0].id == ids[0]
        assert count_jobs(session, JobQuery(verdict="apply")) == 1


def test_scores_follow_the_active_profile(db) -> None:
    ids = fill(db, 1)
    with db.read() as session:
        assert fetch_jobs(session)[0].score is None, "no profile, no score"
    with db.transaction() as session:
        a, b = Profile(name="A"), Profile(name="B")
        session.add_all([a, b])
        session.flush()
        session.add(ScoreCard(job_id=ids[0], profile_id=a.id, total=50, verdict="maybe"))
        session.add(ScoreCard(job_id=ids[0], profile_id=b.id, total=80, verdict="apply"))
    with db.read() as session:
        # none marked active: the first by name is the one the app uses everywhere
        assert fetch_jobs(session)[0].score == 50
    with db.transaction() as session:
        session.get(Profile, b.id).is_active = True
    with db.read() as session:
        assert (fetch_jobs(session)[0].score, fetch_jobs(session)[0].verdict) == (80, "apply")
        for sort in ("score", "posted_at"):
            assert fetch_jobs(session, JobQuery(verdict="maybe", sort=sort)) == []
        assert count_jobs(session, JobQuery(verdict="maybe")) == 0


def test_status_change_and_undo(db) -> None:
    ids = fill(db, 3)
    with db.transaction() as session:
        set_status(session, [ids[0]], "shortlisted")
    with db.transaction() as session:
        previous = set_status(session, ids, "archived")
        assert previous == {ids[0]: "shortlisted", ids[1]: "new", ids[2]: "new"}
    with db.transaction() as session:
        restore_statuses(session, previous)
    with db.read() as session:
        assert [get_job(session, i).status for i in ids] == ["shortlisted", "new", "new"]
    with db.transaction() as session, pytest.raises(NotFoundError):
        set_status(session, [12345], "skipped")
    with db.transaction() as session, pytest.raises(InputError):
        set_status(session, ids, "bogus")


def test_soft_delete_and_undo(db) -> None:
    ids = fill(db, 2)
    with db.transaction() as session:
        assert delete_jobs(session, [ids[0]]) == [ids[0]]
        assert delete_jobs(session, [ids[0]]) == []
    with db.read() as session:
        assert count_jobs(session) == 1
        assert count_jobs(session, JobQuery(search="Job")) == 1
        assert count_jobs(session, JobQuery(include_deleted=True)) == 2
    with db.transaction() as session:
        undelete_jobs(session, [ids[0]])
    with db.read() as session:
        assert count_jobs(session) == 2
    with db.transaction() as session:
        delete_jobs(session, ids)
    with db.read() as session:
        assert not has_jobs(session)
    with db.transaction() as session:
        _job, created = add_posting(session, posting(1))
        assert not created
    with db.read() as session:
        assert count_jobs(session) == 1


def test_capture_text_parses_and_stores(db) -> None:
    text = (
        "Logo design\nFixed-price - Expert - Est. Budget: $200 Need a logo.\n"
        "Payment verified Rating is 4.9 out of 5. $1K+ spent Canada Proposals: 5 to 10\n"
    )
    with db.transaction() as session:
        [(job, created)] = capture_text(session, text)
        assert created and job.fixed_budget == 200.0
        assert job.raw_text is not None and job.raw_text.startswith("Logo design")
    with db.transaction() as session:
        [(again, created)] = capture_text(session, text)
        assert not created and again.id == job.id


def test_review_form_edits() -> None:
    from app.capture import EDITABLE_FIELDS, apply_edits, field_text
    from app.parsing.upwork import parse_posting

    facts = parse_posting(
        "Logo design\nFixed-price - Expert - Est. Budget: $200 Need a logo.\n"
        "Payment unverified Rating is 0 out of 5. $0 spent Canada Proposals: 5 to 10\n"
    )
    specs = {s.key: s for s in EDITABLE_FIELDS}
    assert field_text(facts, specs["fixed_budget"]) == "200"
    assert field_text(facts, specs["client.payment_verified"]) == "no"
    assert "category" in facts.missing and "client.rating" not in facts.missing
    edited = apply_edits(
        facts,
        {"category": "Design", "skills": "Logo Design, Illustrator", "fixed_budget": "$1.5K",
         "client.member_since": "2024-06-11", "connects_required": "8"},
    )  # fmt: skip
    assert edited.category == "Design" and "category" not in edited.missing
    assert edited.skills == ["Logo Design", "Illustrator"]
    assert edited.fixed_budget == 1500.0 and edited.connects_required == 8
    assert "client.rating" not in edited.missing
    assert facts.category is None  # the original is untouched
    with pytest.raises(InputError, match="Connects required"):
        apply_edits(facts, {"connects_required": "eight"})
    with pytest.raises(InputError, match="Posted at"):
        apply_edits(facts, {"posted_at": "yesterday-ish"})
    with pytest.raises(InputError, match="at least"):
        apply_edits(facts, {"title": "", "description": ""})


def test_score_order_pages_across_scored_and_unscored(db) -> None:
    ids = fill(db, 9)
    with db.transaction() as session:
        profile = Profile(name="Main", is_active=True)
        session.add(profile)
        session.flush()
        for n, job_id in enumerate(ids[:5]):
            session.add(
                ScoreCard(job_id=job_id, profile_id=profile.id, total=10 * n, verdict="maybe")
            )
    with db.read() as session:
        everything = [r.id for r in fetch_jobs(session, JobQuery(sort="score"), limit=50)]
        # scored best first, then the unscored newest first
        assert everything == [
            ids[4],
            ids[3],
            ids[2],
            ids[1],
            ids[0],
            ids[8],
            ids[7],
            ids[6],
            ids[5],
        ]
        pages = [
            r.id
            for offset in range(0, 9, 2)
            for r in fetch_jobs(session, JobQuery(sort="score"), offset=offset, limit=2)
        ]
        assert pages == everything
        beyond = fetch_jobs(session, JobQuery(sort="score"), offset=6, limit=2)
        assert [r.id for r in beyond] == everything[6:8]
        worst = fetch_jobs(session, JobQuery(sort="verdict", descending=False), limit=2)
        assert [r.id for r in worst] == [ids[0], ids[1]]
        only_maybe = fetch_jobs(session, JobQuery(sort="score", verdict="maybe"), limit=50)
        assert len(only_maybe) == 5


def test_common_search_walks_the_sort_index(db, monkeypatch) -> None:
    import app.storage.jobs as jobs

    fill(db, 12)
    for limit in (1000, 2):  # few matches: start from them; many: walk posted_at
        monkeypatch.setattr(jobs, "SEARCH_DRIVE_LIMIT", limit)
        with db.read() as session:
            rows = fetch_jobs(session, JobQuery(search="python"), limit=3)
            assert [r.title for r in rows] == ["Job 11", "Job 9", "Job 7"]
            assert count_jobs(session, JobQuery(search="python")) == 6
            open_rows = fetch_jobs(session, JobQuery(statuses=("new",)), limit=2)
            assert [r.title for r in open_rows] == ["Job 12", "Job 11"]
