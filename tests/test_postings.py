from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

from app.domain import BudgetType, ClientFacts, ExperienceLevel, PostingFacts
from app.storage.models import JobPosting
from app.storage.postings import apply_facts, dedup_key, external_id_from_url, facts_of

URL = "https://www.upwork.com/jobs/Guesty-Open-API-Integration_~01ba8443095c7afd5e/?referrer=x"


def sample() -> PostingFacts:
    return PostingFacts(
        title="Guesty Open API Integration",
        description="Push calendars into pages.",
        url=URL,
        skills=["Python", "API"],
        budget_type=BudgetType.HOURLY,
        hourly_min=16.0,
        hourly_max=35.0,
        experience_level=ExperienceLevel.INTERMEDIATE,
        posted_at=datetime(2024, 8, 1, tzinfo=UTC),
        proposals_min=20,
        proposals_max=50,
        client=ClientFacts(payment_verified=True, rating=4.9, member_since=date(2020, 1, 5)),
        missing=["category"],
    )


def test_round_trip_through_the_row(db) -> None:
    facts = sample()
    with db.transaction() as session:
        job = apply_facts(JobPosting(), facts)
        session.add(job)
        session.flush()
        job_id = job.id
    with db.read() as session:
        back = facts_of(session.get(JobPosting, job_id))
    assert dataclasses.replace(back, external_id=None) == facts
    assert back.external_id == "~01ba8443095c7afd5e"


def test_dedup_key_prefers_platform_id_then_url_then_text() -> None:
    assert external_id_from_url(URL) == "~01ba8443095c7afd5e"
    assert dedup_key(sample()) == "upwork:~01ba8443095c7afd5e"
    no_id = PostingFacts(url="https://example.org/job/7?utm=1", title="t")
    assert dedup_key(no_id) == "upwork:url:https://example.org/job/7"
    a = PostingFacts(title="Logo  design", description="Need a logo")
    b = PostingFacts(title="logo design", description="Need a   logo")
    assert dedup_key(a) == dedup_key(b) != dedup_key(PostingFacts(title="Other"))
