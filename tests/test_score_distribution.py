"""The score distribution Preferences shows: one GROUP BY over the stored cards."""

from __future__ import annotations

from app.profiles import default_profile, save_profile, use_profile
from app.score_distribution import ScoreDistribution, score_distribution
from app.storage.models import JobPosting, ScoreCard
from app.storage.postings import apply_facts
from tests.test_rules import posting


def store_scores(db, totals: list[int], profile: str = "Me", first_job: int = 0) -> None:
    with db.transaction() as session:
        row = save_profile(session, default_profile(profile, skills=["Python"]))
        for i, total in enumerate(totals, start=first_job):
            url = f"https://www.upwork.com/jobs/{profile}_~01{i:016x}"
            job = apply_facts(JobPosting(), posting(f"Job {i}.", url=url))
            session.add(job)
            session.flush()
            verdict = "apply" if total >= 70 else "maybe" if total >= 45 else "skip"
            session.add(ScoreCard(job_id=job.id, profile_id=row.id, total=total, verdict=verdict))


def test_counts_per_score_for_the_active_profile_only(db) -> None:
    store_scores(db, [10, 10, 44, 45, 69, 70, 100])
    store_scores(db, [90, 90, 90], profile="Other", first_job=100)
    with db.read() as session:
        dist = score_distribution(session)
    assert dist.profile == "Me" and dist.total == 7
    assert dist.counts[10] == 2 and dist.counts[100] == 1
    assert dist.verdicts(70, 45) == {"apply": 2, "maybe": 2, "skip": 3}
    assert dist.verdicts(45, 11) == {"apply": 4, "maybe": 1, "skip": 2}
    assert dist.bins(5)[2] == 2 and dist.bins(5)[-1] == 1  # 100 sits in the last bin
    with db.transaction() as session:
        use_profile(session, "Other")
    with db.read() as session:
        assert score_distribution(session).verdicts(70, 45) == {
            "apply": 3,
            "maybe": 0,
            "skip": 0,
        }


def test_no_profile_or_no_cards_says_so(db) -> None:
    with db.read() as session:
        dist = score_distribution(session)
    assert dist == ScoreDistribution(None)
    assert dist.total == 0 and dist.verdicts(70, 45) == {"apply": 0, "maybe": 0, "skip": 0}
