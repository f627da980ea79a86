"""Ghost jobs and reposts: the same client and a near-identical title again within 30
days is a warning naming the earlier posting (SQL in storage, the rule in scoring)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

from app.profiles import default_profile, save_profile
from app.scoring.reposts import find_reposts, near_identical, title_words
from app.scoring.service import rescore_all, score_job
from app.storage.models import JobPosting
from app.storage.postings import apply_facts
from app.storage.reposts import repeat_client_postings
from app.storage.scores import load_card
from tests.test_rules import NOW, posting

JOINED = date(2021, 3, 9)


def add(session, title: str, days_ago: float, *, joined: date = JOINED, country="Canada") -> int:
    facts = dataclasses.replace(
        posting(),
        title=title,
        url=f"https://www.upwork.com/jobs/~01{abs(hash((title, days_ago, joined))):x}",
        posted_at=NOW - timedelta(days=days_ago),
    )
    facts.client = dataclasses.replace(facts.client, country=country, member_since=joined)
    job = apply_facts(JobPosting(), facts)
    session.add(job)
    session.flush()
    return job.id


def test_titles_near_identical() -> None:
    a = title_words("Django REST API developer needed")
    assert near_identical(a, title_words("Django REST API developer needed!"))
    assert near_identical(a, title_words("django rest api developer NEEDED asap"))
    assert not near_identical(a, title_words("React Native developer needed"))


def test_storage_returns_only_clients_seen_twice(db) -> None:
    with db.transaction() as session:
        first = add(session, "Django REST API developer needed", 12)
        again = add(session, "Django REST API developer needed", 2)
        add(session, "Logo for a bakery", 3, joined=date(2019, 1, 1))
        rows = repeat_client_postings(session)
        assert [r.id for r in rows] == [first, again]  # oldest first, the lone client left out
        assert [r.id for r in repeat_client_postings(session, [again])] == [first, again]
        assert repeat_client_postings(session, []) == []


def test_a_repost_within_30_days_is_a_warning_naming_the_earlier_posting(db) -> None:
    with db.transaction() as session:
        save_profile(session, default_profile("Shop", skills=["Shopify"]))
        first = add(session, "Shopify theme speed and layout fixes", 20)
        again = add(session, "Shopify theme speed & layout fixes", 1)
        other = add(session, "Shopify theme speed and layout fixes", 1, joined=date(2018, 5, 5))
        flags = {f.rule: f for f in score_job(session, again, now=NOW).flags}
        assert flags["repost"].words == (
            "the same client posted \u201cShopify theme speed and layout fixes\u201d "
            f"19 days earlier (posting #{first})"
        )
        assert flags["repost"].evidence == "repost_days=19"  # the raw fact for the JSON
        assert "repost" not in {f.rule for f in score_job(session, first, now=NOW).flags}
        assert "repost" not in {f.rule for f in score_job(session, other, now=NOW).flags}


def test_an_earlier_posting_older_than_30_days_does_not_count(db) -> None:
    with db.transaction() as session:
        save_profile(session, default_profile("Shop", skills=["Shopify"]))
        add(session, "Shopify theme speed and layout fixes", 45)
        again = add(session, "Shopify theme speed and layout fixes", 1)
        assert "repost" not in {f.rule for f in score_job(session, again, now=NOW).flags}


def test_the_bulk_rescore_flags_reposts_too(db) -> None:
    with db.transaction() as session:
        save_profile(session, default_profile("Shop", skills=["Shopify"]))
        first = add(session, "Shopify theme speed and layout fixes", 9)
        again = add(session, "Shopify theme speed and layout fixes", 2)
    rescore_all(db, now=NOW)
    with db.read() as session:
        later, earlier = load_card(session, again), load_card(session, first)
    assert later is not None and earlier is not None
    [flag] = [f for f in later.flags if f["rule"] == "repost"]
    assert f"posting #{first}" in flag["words"] and flag["severity"] == "warning"
    assert not [f for f in earlier.flags if f["rule"] == "repost"]


def test_open_for_weeks_from_a_client_who_rarely_hires() -> None:
    from app.scoring.rules import find_flags, load_rules

    stale = posting(posted_at=NOW - timedelta(days=21), client_jobs_posted=9, client_hire_rate=10.0)
    [flag] = [
        f for f in find_flags(load_rules(), stale, now=NOW) if f.rule == "ghost-open-for-weeks"
    ]
    assert flag.words == "posted 21 days ago, hire rate 10 % of 9 jobs posted"
    fresh = dataclasses.replace(stale, posted_at=NOW - timedelta(days=2))
    assert "ghost-open-for-weeks" not in {f.rule for f in find_flags(load_rules(), fresh, now=NOW)}


def test_find_reposts_picks_the_latest_earlier_posting() -> None:
    from app.storage.reposts import ClientPosting

    at = datetime(2026, 4, 1, tzinfo=UTC)
    key = ("Canada", JOINED)
    rows = [
        ClientPosting(1, "Data pipeline in Airflow", at, key),
        ClientPosting(2, "Data pipeline in Airflow", at + timedelta(days=10), key),
        ClientPosting(3, "Data pipeline in Airflow", at + timedelta(days=25), key),
        ClientPosting(4, "Something else entirely", at + timedelta(days=26), key),
    ]
    found = find_reposts(rows)
    assert {k: (v.id, v.days) for k, v in found.items()} == {2: (1, 10), 3: (2, 15)}
