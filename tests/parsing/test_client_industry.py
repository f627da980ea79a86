"""The paste parser reads the client's industry from "About the client" (issue 11): Upwork's
company profile shows it on the line above the company size ("Tech & IT" over "Small
company (2-9 people)"). A paste that shows it no longer lists ``client.industry`` in
``missing``; text outside the block (the description) is never read as the industry.

The job pages are built from real postings (title, description, skills) in
/work/shared/data; their "About the client" blocks are generated in the layout the job page
shows, since the shared file was saved from the search page, which has no such block."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.capture import capture_text
from app.display import posting_details
from app.domain import PostingFacts
from app.parsing.upwork import UPWORK_INDUSTRIES, parse_postings
from app.storage.models import JobPosting

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "upwork_search_jobs_2024-08.json"
if not SHARED.is_file():  # the worktree sits in /work/wt/<branch>; the main checkout in /work
    SHARED = Path("/work/shared/data/upwork_search_jobs_2024-08.json")

needs_shared = pytest.mark.skipif(not SHARED.is_file(), reason="shared real postings absent")


def _real(n: int) -> dict:
    return json.loads(SHARED.read_text(encoding="utf-8"))[n]


def _client_block(
    industry_lines: list[str], *, size: str | None = "Mid-sized company (10-99 people)"
) -> str:
    lines = [
        "About the client",
        "Payment method verified",
        "Rating is 4.9 out of 5.",
        "4.92 of 45 reviews",
        "United States",
        "Austin 3:45 PM",
        "57 jobs posted",
        "68% hire rate, 4 open jobs",
        "$40K total spent",
        "45 hires, 9 active",
        "$25.50 /hr avg hourly rate paid",
        "1,204 hours",
        *industry_lines,
        *([size] if size else []),
        "Member since Mar 15, 2019",
    ]
    return "\n".join(lines)


def _page(job: dict, block: str, *, description: str | None = None) -> str:
    skills = "\n".join(job["tags"]) if isinstance(job["tags"], list) else str(job["tags"])
    return "\n".join([
        job["title"],
        "Posted 2 hours ago",
        "Worldwide",
        description if description is not None else job["description"],
        "$25.00", "-", "$45.00", "Hourly",
        "Less than 30 hrs/week",
        "1 to 3 months", "Project length",
        "Intermediate",
        "Skills and Expertise",
        skills,
        "Activity on this job",
        "Proposals: 10 to 15",
        "Interviewing: 1",
        "Send a proposal for: 16 Connects",
        block,
    ])  # fmt: skip


def _one(text: str) -> PostingFacts:
    postings = parse_postings(text, NOW)
    assert len(postings) == 1
    return postings[0]


@needs_shared
@pytest.mark.parametrize("n", [0, 7, 33, 60, 100])
@pytest.mark.parametrize("industry", ["Tech & IT", "Real Estate", "HR & Business Services"])
def test_real_postings_with_the_industry_above_the_size(n: int, industry: str) -> None:
    job = _real(n)
    facts = _one(_page(job, _client_block([industry])))
    assert facts.title == job["title"]
    assert facts.client.industry == industry
    assert facts.client.company_size == "Mid-sized company (10-99 people)"
    assert facts.client.country == "United States" and facts.client.hires == 45
    assert "client.industry" not in facts.missing
    assert "client.company_size" not in facts.missing


@needs_shared
def test_real_descriptions_that_talk_about_industries_are_not_read() -> None:
    """Real descriptions name industries ("the real estate investment industry", "a
    Healthcare AI startup"): without a company profile in the block, nothing is read."""
    data = json.loads(SHARED.read_text(encoding="utf-8"))
    talking = [job for job in data if "industr" in job["description"].lower()]
    assert len(talking) >= 5
    for job in talking:
        facts = _one(_page(job, _client_block([], size=None)))
        assert facts.client.industry is None, job["title"]
        assert "client.industry" in facts.missing
        assert facts.client.company_size is None


@needs_shared
def test_an_industry_name_in_the_description_is_not_the_clients() -> None:
    job = _real(3)
    description = job["description"] + "\nReal Estate\nTech & IT\nSmall company (2-9 people)"
    facts = _one(_page(job, _client_block(["Education"]), description=description))
    assert facts.client.industry == "Education"
    assert facts.client.company_size == "Mid-sized company (10-99 people)"


@needs_shared
@pytest.mark.parametrize(
    ("industry_lines", "size", "industry", "company_size"),
    [
        # the copy glued the two spans together
        ([], "Tech & ITSmall company (2-9 people)", "Tech & IT", "Small company (2-9 people)"),
        ([], "Sales & Marketing Large company (1,000+ people)", "Sales & Marketing",
         "Large company (1,000+ people)"),
        # spelling and spacing as pasted; Upwork's spelling kept
        (["  tech &  it "], "Small company (2-9 people)", "Tech & IT", "Small company (2-9 people)"),
        # a name Upwork may add later: read as written because it sits above the size
        (["Nonprofit & Charity"], "Small company (2-9 people)", "Nonprofit & Charity",
         "Small company (2-9 people)"),
        # an industry shown without a size line
        (["Finance & Accounting"], None, "Finance & Accounting", None),
        # a label, as some copies and extensions write it
        (["Industry: Food & Beverage"], None, "Food & Beverage", None),
        # a size without an industry: the line above is another fact, not an industry
        ([], "Small company (2-9 people)", None, "Small company (2-9 people)"),
        # no company profile at all
        ([], None, None, None),
    ],
)  # fmt: skip
def test_generated_variants(industry_lines, size, industry, company_size) -> None:
    facts = _one(_page(_real(12), _client_block(industry_lines, size=size)))
    assert (facts.client.industry, facts.client.company_size) == (industry, company_size)
    assert ("client.industry" in facts.missing) == (industry is None)


@needs_shared
@pytest.mark.parametrize("industry", UPWORK_INDUSTRIES)
def test_every_upwork_industry_is_read_on_its_own_line(industry: str) -> None:
    facts = _one(_page(_real(40), _client_block([industry], size=None)))
    assert facts.client.industry == industry


@needs_shared
@pytest.mark.parametrize(
    "above", ["United States", "Austin 3:45 PM", "1,204 hours", "No reviews yet", "$0 spent",
              "Payment method verified", "Rating is 0 out of 5.", "Phone number verified"],
)  # fmt: skip
def test_other_facts_above_the_size_are_not_an_industry(above: str) -> None:
    block = "\n".join(["About the client", above, "Small company (2-9 people)",
                       "Member since Mar 15, 2019"])  # fmt: skip
    facts = _one(_page(_real(5), block))
    assert facts.client.industry is None
    assert facts.client.company_size == "Small company (2-9 people)"


@needs_shared
def test_an_individual_client_has_no_industry_to_miss() -> None:
    facts = _one(_page(_real(8), _client_block([], size="Individual client")))
    assert facts.client.company_size == "Individual client"
    assert facts.client.industry is None
    assert "client.industry" not in facts.missing  # a person, not a company


@needs_shared
def test_lines_after_member_since_are_not_read() -> None:
    block = _client_block([], size=None) + "\nOther open jobs by this client\nEducation"
    facts = _one(_page(_real(9), block))
    assert facts.client.industry is None


def test_a_search_tile_shows_no_industry() -> None:
    tile = (
        "Python scraper for real estate listings\n"
        "Hourly: $15-$35 - Intermediate - Est. Time: Less than 1 month, Less than 30 hrs/week "
        "We need a scraper for the Real Estate industry.\n"
        "Data ScrapingAutomationPython\n"
        "Payment verified Rating is 4.982 out of 5. $10K+ spent  Canada Proposals: 10 to 15\n"
    )
    facts = _one(tile)
    assert facts.client.industry is None and "client.industry" in facts.missing


@needs_shared
def test_a_pasted_industry_is_stored_and_shown(db) -> None:
    text = _page(_real(20), _client_block(["Science & Medicine"]))
    with db.transaction() as session:
        stored = capture_text(session, text, now=NOW)
        ids = [job.id for job, _ in stored]
    with db.read() as session:
        job = session.get(JobPosting, ids[0])
        assert job is not None
        assert job.client_industry == "Science & Medicine"
        assert job.client_company_size == "Mid-sized company (10-99 people)"
        details = dict(posting_details(job, NOW))  # the detail pane's rows
        assert details["Client industry"] == "Science & Medicine"
        assert "client.industry" not in details.get("Not found in the text", "")
