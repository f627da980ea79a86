from __future__ import annotations

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app import settings
from app.errors import InputError, NotFoundError
from app.profiles import active_profile, default_profile, save_profile
from app.scoring.score import current_rules_version
from app.scoring.service import rescore_all, score_job, stored_version
from app.storage.models import JobPosting, Profile, ScoreCard
from app.storage.postings import apply_facts
from app.storage.scores import load_card, stale_cards
from tests.test_rules import NOW, posting


def active(session: Session) -> Profile:
    profile = active_profile(session)
    assert profile is not None
    return profile


def add_jobs(db, count: int) -> list[int]:
    ids = []
    with db.transaction() as session:
        for i in range(count):
            extra = "Add me on Telegram @hr_desk." if i % 5 == 0 else f"Job number {i}."
            facts = posting(extra, url=f"https://www.upwork.com/jobs/x_~01{i:016x}")
            job = apply_facts(JobPosting(), facts)
            session.add(job)
            session.flush()
            ids.append(job.id)
    return ids


def test_score_job_stores_one_card_per_job_and_profile(db) -> None:
    (job_id,) = add_jobs(db, 1)
    with db.transaction() as session, pytest.raises(InputError, match="no profile yet"):
        score_job(session, job_id, now=NOW)
    with db.transaction() as session:
        save_profile(session, default_profile("Shop", skills=["Shopify", "CSS"], hourly_rate=30.0))
        first = score_job(session, job_id, now=NOW)
        again = score_job(session, job_id, now=NOW)
    assert first == again
    with db.read() as session:
        cards = session.scalars(select(ScoreCard)).all()
        assert len(cards) == 1
        card = load_card(session, job_id)
        assert card is not None and card.total == first.total
        assert card.verdict == first.verdict.value
        assert card.critical_flags == 1
        assert card.flags[0]["rule"] == "off-platform-contact"
        assert card.flags[0]["start"] is not None
        assert card.rules_version == stored_version(session)
        assert card.rules_version.startswith(current_rules_version() + "-t70.45")
        assert card.matched_skills == ["Shopify", "CSS"]
        assert stale_cards(session, stored_version(session)) == 0
        assert stale_cards(session, "old") == 1
    with db.transaction() as session, pytest.raises(NotFoundError):
        score_job(session, 999, now=NOW)


def test_rescore_all_profiles_in_batches_with_progress(db) -> None:
    ids = add_jobs(db, 25)
    with db.transaction() as session:
        save_profile(session, default_profile("A", skills=["Shopify"], hourly_rate=30.0))
        save_profile(session, default_profile("B", skills=["Python"], hourly_rate=90.0))
    seen: list[tuple[int, int]] = []
    written = rescore_all(db, progress=lambda d, t: seen.append((d, t)), now=NOW, batch_size=10)
    assert written == 50
    assert seen[0] == (0, 50) and seen[-1] == (50, 50) and len(seen) == 4
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(ScoreCard)) == 50
        flagged = session.scalar(select(func.count()).where(ScoreCard.critical_flags > 0))
        assert flagged == 10  # every fifth posting, for both profiles
        best = session.scalars(
            select(ScoreCard.job_id).where(ScoreCard.profile_id == 1).order_by(ScoreCard.total)
        ).all()
        assert set(best) == set(ids)
    assert rescore_all(db, "A", now=NOW) == 25


def test_rescore_can_be_stopped(db) -> None:
    add_jobs(db, 30)
    with db.transaction() as session:
        save_profile(session, default_profile("A", skills=["Shopify"]))
    calls = iter([False, True])
    written = rescore_all(db, should_stop=lambda: next(calls), now=NOW, batch_size=10)
    assert written == 10
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(ScoreCard)) == 10


def test_cards_to_rescore_follows_profile_changes(db) -> None:
    import time

    from app.storage.scores import cards_to_rescore

    add_jobs(db, 3)
    with db.transaction() as session:
        save_profile(session, default_profile("A", skills=["Shopify"]))
    with db.read() as session:
        assert cards_to_rescore(session, active(session), stored_version(session)) == 3
    rescore_all(db)
    with db.read() as session:
        assert cards_to_rescore(session, active(session), stored_version(session)) == 0
        assert cards_to_rescore(session, active(session), "other-version") == 3
    with db.transaction() as session:
        settings.set_value(session, "score.apply_threshold", 80)
    with db.read() as session:
        assert (
            cards_to_rescore(session, active(session), stored_version(session)) == 3
        )  # verdicts may change
    rescore_all(db)
    time.sleep(0.01)
    with db.transaction() as session:
        spec = default_profile("A", skills=["Shopify", "CSS"])
        save_profile(session, spec)
    with db.read() as session:
        assert cards_to_rescore(session, active(session), stored_version(session)) == 3


def test_score_jobs_and_sort_by_score_in_sql(db) -> None:
    from app.scoring.service import score_jobs
    from app.storage.scores import with_cards

    ids = add_jobs(db, 6)
    with db.transaction() as session:
        assert score_jobs(session, ids, now=NOW) == 0  # no profile yet: nothing to score for
        profile = save_profile(session, default_profile("A", skills=["Shopify"]))
        assert score_jobs(session, ids[:4], now=NOW) == 4
        profile_id = profile.id
    with db.read() as session:
        query = with_cards(select(JobPosting.id), profile_id).order_by(
            ScoreCard.total.desc().nulls_last(), JobPosting.id
        )
        rows = session.execute(query).all()
    assert [r.id for r in rows][-2:] == ids[4:]  # not scored yet: last, with NULLs
    assert rows[-1].total is None and rows[0].total >= rows[3].total
    assert {r.verdict for r in rows[:4]} <= {"apply", "maybe", "skip"}
    assert sum(1 for r in rows if r.critical_flags) == 1  # ids[0] has the Telegram line


def test_rescore_in_worker_processes_matches_one_process(db) -> None:
    add_jobs(db, 23)
    with db.transaction() as session:
        save_profile(session, default_profile("A", skills=["Shopify"]))
        save_profile(session, default_profile("B", skills=["CSS"], hourly_rate=80.0))
    assert rescore_all(db, now=NOW, batch_size=5) == 46
    with db.read() as session:
        here = session.execute(
            select(
                ScoreCard.job_id, ScoreCard.profile_id, ScoreCard.total, ScoreCard.factors
            ).order_by(ScoreCard.job_id, ScoreCard.profile_id)
        ).all()
    seen: list[tuple[int, int]] = []
    with db.transaction() as session:  # the workers find them again and write them
        session.execute(update(JobPosting).values(rule_findings=None))
    written = rescore_all(
        db, now=NOW, batch_size=5, workers=2, progress=lambda d, t: seen.append((d, t))
    )
    assert written == 46 and seen[-1] == (46, 46) and len(seen) == 6
    with db.read() as session:
        there = session.execute(
            select(
                ScoreCard.job_id, ScoreCard.profile_id, ScoreCard.total, ScoreCard.factors
            ).order_by(ScoreCard.job_id, ScoreCard.profile_id)
        ).all()
        kept = session.scalars(select(JobPosting.rule_findings)).all()
    assert there == here
    assert len(kept) == 23 and all(kept)  # what the workers found is stored


def test_default_workers_only_on_big_jobs_and_machines(monkeypatch) -> None:
    from app.scoring import service as scores

    monkeypatch.setattr(scores.os, "cpu_count", lambda: 8)
    assert scores.default_workers(100_000) == 4 and scores.default_workers(500) == 1
    monkeypatch.setattr(scores.os, "cpu_count", lambda: 2)
    assert scores.default_workers(100_000) == 2
    assert scores.default_workers(30_000) == 1 and scores.default_workers(500) == 1
    monkeypatch.setattr(scores.os, "cpu_count", lambda: 1)
    assert scores.default_workers(100_000) == 1


def _varied_real_postings() -> list:
    """The real postings with every kind of stored fact set on some of them."""
    import dataclasses
    from datetime import date, timedelta

    from app.domain import ClientFacts
    from tests.tile_facts import real_postings_or_skip

    out = []
    for i, tile in enumerate(real_postings_or_skip()):
        if i % 4 == 0:
            out.append(tile)  # as captured: no client facts, no time
            continue
        client = ClientFacts(
            payment_verified=(None, True, False)[i % 3],
            rating=round(3 + (i % 21) / 10, 1),
            reviews=i % 7,
            country=("United States", "India", None)[i % 3],
            jobs_posted=i % 40,
            hire_rate=float(i % 100),
            open_jobs=i % 3,
            total_spent=float(i * 97),
            hires=i % 9,
            member_since=date(2016, 1, 1) + timedelta(days=37 * i),
        )
        out.append(
            dataclasses.replace(
                tile,
                url=f"https://www.upwork.com/jobs/real_~01{i:016x}",
                posted_at=NOW - timedelta(hours=i * 7, microseconds=i * 1001),
                proposals_min=(None, 5, 20, 50)[i % 4],
                proposals_max=(None, 10, 50, None)[i % 4],
                interviewing=i % 5 or None,
                invites_sent=i % 6,
                connects_required=(None, 4, 12, 16)[i % 4],
                last_viewed_at=NOW - timedelta(minutes=i) if i % 2 else None,
                screening_questions=["Why you?"] if i % 3 else [],
                missing=["client.rating"] if i % 5 == 0 else [],
                category="Web Development" if i % 2 else None,
                client=client,
            )
        )
    return out


def _stored_cards(db) -> list:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT job_id, profile_id, total, verdict, factors, flags, matched_skills, "
            "missing_skills, win_chance, value_per_connect, critical_flags, rules_version, "
            "computed_at FROM score_card ORDER BY job_id, profile_id"
        ).all()


def test_batch_rescore_stores_the_same_cards_as_scoring_one_job(db) -> None:
    from app.storage.postings import facts_of
    from app.storage.scores import BulkCards

    with db.transaction() as session:
        for facts in _varied_real_postings():
            session.add(apply_facts(JobPosting(), facts))
        spec = default_profile("Py", skills=["Python", "Web Scraping", "API"], hourly_rate=40.0)
        spec.include_keywords, spec.exclude_keywords = ["automation", "data entry"], ["wordpress"]
        save_profile(session, spec)
        save_profile(session, default_profile("Shop", skills=["Shopify", "CSS"], hourly_rate=25.0))
    assert rescore_all(db, now=NOW, batch_size=17, workers=1) == 2 * 101
    batch = _stored_cards(db)
    with db.transaction() as session:
        bulk = BulkCards(db.engine.dialect, NOW)
        read = dict(bulk.postings(session, 0, 1000))
        jobs = session.scalars(select(JobPosting)).all()
        for job in jobs:  # the raw read gives exactly the ORM's facts (raw text aside)
            job.raw_text = None
            assert read[job.id] == facts_of(job)
        for profile in ("Py", "Shop"):
            for job in jobs:
                score_job(session, job.id, profile, now=NOW)
    single = _stored_cards(db)
    assert len(batch) == 2 * 101
    assert batch == single
    assert sum(1 for card in batch if card.flags != "[]") > 20  # flags of facts and texts
