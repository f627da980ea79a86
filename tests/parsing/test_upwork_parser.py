"""Table-driven tests of the paste parser over layouts written from the issue's descriptions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import PostingFacts
from app.errors import InputError
from app.parsing.upwork import parse_postings

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)

JOB_PAGE = """Senior Django developer for booking platform
Posted 4 minutes ago
Worldwide
We run a booking platform for tour operators and need help with payments.
You will work with our CTO on Stripe integration and tests.
$10.00
-
$25.00
Hourly
Less than 30 hrs/week
Hourly
Less than 1 month
Project length
Expert
I am willing to pay higher rates for the most experienced freelancers
Project Type: Ongoing project
Skills and Expertise
Django
Python
Stripe
Activity on this job
Proposals: Less than 5
Last viewed by client: 2 hours ago
Interviewing: 2
Invites sent: 5
Unanswered invites: 3
Send a proposal for: 14 Connects
Available Connects: 100
About the client
Payment method verified
Rating is 5.0 out of 5.
5.00 of 6 reviews
United States
Las Vegas5:12 PM
6 jobs posted
67% hire rate, 1 open job
$5.9K total spent
10 hires, 3 active
$10.11 /hr avg hourly rate paid
Member since
 Jun 11, 2024
Client's recent history (6)
Shopify store fixes
Rating is 1.0 out of 5.
"Terrible communication"
Rating is 2.0 out of 5.
12 of 40 reviews
"""

FIXED_PAGE = """Logo for a bakery
Posted yesterday
We need a warm, hand-drawn logo for our family bakery.
Three concepts, two rounds of revisions.
$200.00
Fixed-price
Entry level
I am looking for freelancers with the lowest rates
Project Type: One-time project
Skills and Expertise
Logo DesignAdobe Illustrator
Activity on this job
Proposals: 20 to 50
Interviewing: 0
Invites sent: 0
Unanswered invites: 0
Connects to apply: 8 Connects
About the client
Payment method not verified
Rating is 0 out of 5.
No reviews yet
AUS
Sydney11:02 AM
1 job posted
0% hire rate, 1 open job
Member since Mar 2, 2026
"""

TILE = (
    "Python scraper for real estate listings\n"
    "Hourly: $15-$35 - Intermediate - Est. Time: Less than 1 month, Less than 30 hrs/week "
    "We need a scraper that collects listings from three public sites.\n"
    "Data ScrapingAutomationPython\n"
    "Payment verified Rating is 4.982 out of 5. $10K+ spent  Canada Proposals: 10 to 15 "
    "Connects to apply: 8 Connects Featured Posted yesterday\n"
)

FIXED_TILE = (
    "Shopify theme tweaks\n"
    "Fixed-price - Expert - Est. Budget: $1.2K Fix the header and add a size chart.\n"
    "Shopify\nLiquid\nCSS\n"
    "Payment unverified Rating is 0 out of 5. $0 spent GBR Proposals: 50+\n"
)

CASES = [
    pytest.param(
        JOB_PAGE.replace(
            "10 hires, 3 active\n", "10 hires, 3 active\nSmall company (2-9 people)\n"
        ),
        {
            "client.company_size": "Small company (2-9 people)",
            "client.hires": 10,
            "client.country": "United States",
            "client.city": "Las Vegas",
        },
        id="job-page-company-size",
    ),
    pytest.param(
        JOB_PAGE.replace("Member since", "Individual client\nMember since"),
        {"client.company_size": "Individual client", "client.member_since": "2024-06-11"},
        id="job-page-individual-client",
    ),
    pytest.param(
        JOB_PAGE,
        {
            "title": "Senior Django developer for booking platform",
            "description": "We run a booking platform for tour operators and need help with "
            "payments.\nYou will work with our CTO on Stripe integration and tests.",
            "skills": ["Django", "Python", "Stripe"],
            "budget_type": "hourly",
            "hourly_min": 10.0,
            "hourly_max": 25.0,
            "experience_level": "expert",
            "duration": "Less than 1 month",
            "hours_per_week": "Less than 30 hrs/week",
            "posted_at": (NOW - timedelta(minutes=4)).isoformat(),
            "proposals_min": 0,
            "proposals_max": 4,
            "interviewing": 2,
            "invites_sent": 5,
            "unanswered_invites": 3,
            "connects_required": 14,
            "client.payment_verified": True,
            "client.rating": 5.0,
            "client.reviews": 6,
            "client.country": "United States",
            "client.city": "Las Vegas",
            "client.jobs_posted": 6,
            "client.hire_rate": 67.0,
            "client.open_jobs": 1,
            "client.total_spent": 5900.0,
            "client.hires": 10,
            "client.active_hires": 3,
            "client.avg_hourly_rate": 10.11,
            "client.member_since": "2024-06-11",
            "client.company_size": None,
            "missing": ["url", "category", "client.industry", "client.company_size"],
        },
        id="job-page-hourly",
    ),
    pytest.param(
        FIXED_PAGE,
        {
            "title": "Logo for a bakery",
            "budget_type": "fixed",
            "fixed_budget": 200.0,
            "hourly_min": None,
            "experience_level": "entry",
            "skills": ["Logo Design", "Adobe Illustrator"],
            "posted_at": (NOW - timedelta(days=1)).isoformat(),
            "proposals_min": 20,
            "proposals_max": 50,
            "interviewing": 0,
            "connects_required": 8,
            "client.payment_verified": False,
            "client.rating": None,
            "client.reviews": 0,
            "client.country": "Australia",
            "client.city": "Sydney",
            "client.jobs_posted": 1,
            "client.hire_rate": 0.0,
            "client.member_since": "2026-03-02",
            "client.total_spent": None,
        },
        id="job-page-fixed-unrated-alpha3",
    ),
    pytest.param(
        TILE,
        {
            "title": "Python scraper for real estate listings",
            "description": "We need a scraper that collects listings from three public sites.",
            "skills": ["Data Scraping", "Automation", "Python"],
            "budget_type": "hourly",
            "hourly_min": 15.0,
            "hourly_max": 35.0,
            "experience_level": "intermediate",
            "duration": "Less than 1 month",
            "hours_per_week": "Less than 30 hrs/week",
            "posted_at": (NOW - timedelta(days=1)).isoformat(),
            "proposals_min": 10,
            "proposals_max": 15,
            "connects_required": 8,
            "client.payment_verified": True,
            "client.rating": 4.982,
            "client.total_spent": 10000.0,
            "client.country": "Canada",
        },
        id="search-tile-hourly",
    ),
    pytest.param(
        FIXED_TILE,
        {
            "title": "Shopify theme tweaks",
            "description": "Fix the header and add a size chart.",
            "skills": ["Shopify", "Liquid", "CSS"],
            "budget_type": "fixed",
            "fixed_budget": 1200.0,
            "experience_level": "expert",
            "proposals_min": 50,
            "proposals_max": None,
            "client.payment_verified": False,
            "client.rating": None,
            "client.total_spent": 0.0,
            "client.country": "United Kingdom",
        },
        id="search-tile-fixed-skills-per-line",
    ),
    pytest.param(
        "Quick WordPress fix\nFixed-price - Intermediate - Est. Budget: $50 Fix a broken contact "
        "form on our site.\n",
        {
            "title": "Quick WordPress fix",
            "fixed_budget": 50.0,
            "skills": [],
            "client.payment_verified": None,
            "client.country": None,
            "proposals_min": None,
        },
        id="tile-without-skills-or-client-line",
    ),
    pytest.param(
        "Data entry\nHourly: $5.00 - $8.00\nEntry level\nEst. Time: 1 to 3 months, Hours to be "
        "determined\nType names from PDFs into a sheet.\n",
        {
            "hourly_min": 5.0,
            "hourly_max": 8.0,
            "experience_level": "entry",
            "duration": "1 to 3 months",
            "hours_per_week": "Hours to be determined",
            "description": "Type names from PDFs into a sheet.",
        },
        id="tile-head-split-over-lines",
    ),
    pytest.param(
        "Posted\u00a03\u00a0hours\u00a0ago\nVideo editor\nHourly:\u00a0$20-$40\u00a0-\u00a0Expert"
        "\u00a0-\u00a0Est. Time: More than 6 months, More than 30 hrs/week Edit weekly videos.\n"
        "Video EditingAdobe Premiere Pro\n"
        "Payment verified\u00a0Rating is 4.5 out of 5.\u00a0$1.2M spent\u00a0Germany "
        "Proposals: Fewer than 5\n",
        {
            "title": "Video editor",
            "posted_at": (NOW - timedelta(hours=3)).isoformat(),
            "hourly_min": 20.0,
            "hourly_max": 40.0,
            "duration": "More than 6 months",
            "hours_per_week": "More than 30 hrs/week",
            "skills": ["Video Editing", "Adobe Premiere Pro"],
            "client.total_spent": 1200000.0,
            "client.country": "Germany",
            "proposals_min": 0,
            "proposals_max": 4,
        },
        id="tile-non-breaking-spaces",
    ),
    pytest.param(
        "Landing page in Webflow\nPosted 19 hours ago\nBuild a landing page from our Figma.\n"
        "About the client\nPayment verified\nRating is 4.8 out of 5.\nUnited Kingdom\n"
        "London9:45 AM\n$250K+ total spent\n",
        {
            "title": "Landing page in Webflow",
            "description": "Build a landing page from our Figma.",
            "posted_at": (NOW - timedelta(hours=19)).isoformat(),
            "budget_type": None,
            "skills": [],
            "client.rating": 4.8,
            "client.city": "London",
            "client.country": "United Kingdom",
            "client.total_spent": 250000.0,
        },
        id="job-page-missing-sections",
    ),
    pytest.param(
        "API integration\nPosted 1 hour ago\nConnect our CRM to Stripe.\n$10.00 - $25.00\n"
        "Hourly\nIntermediate\nSkills and Expertise\nAPI Integration\nStripe\n"
        "Activity on this job\nProposals:\n5 to 10\nInterviewing:\n1\n"
        "Required Connects to submit a proposal: 12\nAbout the client\nPayment verified\n"
        "4.95 of 21 reviews\nGermany\nBerlin 9:15 AM\n1 hire\n$850 total spent\n"
        "$25.00/hr avg hourly rate paid\nMember since Feb 2021\n",
        {
            "hourly_min": 10.0,
            "hourly_max": 25.0,
            "description": "Connect our CRM to Stripe.",
            "skills": ["API Integration", "Stripe"],
            "proposals_min": 5,
            "proposals_max": 10,
            "interviewing": 1,
            "connects_required": 12,
            "client.rating": 4.95,
            "client.reviews": 21,
            "client.city": "Berlin",
            "client.country": "Germany",
            "client.hires": 1,
            "client.active_hires": None,
            "client.total_spent": 850.0,
            "client.avg_hourly_rate": 25.0,
            "client.member_since": "2021-02-01",
        },
        id="job-page-range-on-one-line-split-activity",
    ),
    pytest.param(
        "Posted 5 minutes ago\nSEO audit for a small shop\n"
        "Fixed-price - Intermediate - Est. Budget: $300\nAudit our shop and list fixes.\n"
        "SEOShopify\nPayment verified\nRating is 4.7 out of 5.\n$1K+\nspent\nIndia\n"
        "Proposals: Less than 5\n",
        {
            "title": "SEO audit for a small shop",
            "posted_at": (NOW - timedelta(minutes=5)).isoformat(),
            "fixed_budget": 300.0,
            "description": "Audit our shop and list fixes.",
            "skills": ["SEO", "Shopify"],
            "client.rating": 4.7,
            "client.total_spent": 1000.0,
            "client.country": "India",
            "proposals_max": 4,
        },
        id="tile-client-facts-one-per-line",
    ),
    pytest.param(
        "Posted 2 hours ago\nWorldwide\nWe need someone to fix our invoices.\n$40.00\nHourly\n"
        "5:12 PM\n",
        {
            "title": None,
            "description": "We need someone to fix our invoices.",
            "hourly_min": 40.0,
            "hourly_max": 40.0,
            "client.city": None,
        },
        id="job-page-without-title-single-rate",
    ),
    pytest.param(
        "Translate a manual\nPosted 2 days ago\nTranslate 20 pages from German to English.\n"
        "$30.00\nHourly\nIntermediate\nAbout the client\nPayment verified\n"
        "Client's recent history (2)\nRating is 4.9 out of 5.\n4.90 of 12 reviews\n"
        "$3K total spent\nGermany\n",
        {
            "hourly_min": 30.0,
            "hourly_max": 30.0,
            "client.rating": None,
            "client.reviews": None,
            "client.total_spent": None,
            "client.country": None,
        },
        id="recent-history-ratings-are-not-the-clients",
    ),
]


def _value(facts: dict, key: str):
    if key.startswith("client."):
        return facts["client"][key.split(".", 1)[1]]
    return facts[key]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_layouts(text: str, expected: dict) -> None:
    postings = parse_postings(text, NOW)
    assert len(postings) == 1
    facts = postings[0].to_json()
    for key, value in expected.items():
        assert _value(facts, key) == value, key


def test_contract_keys_exactly() -> None:
    facts = parse_postings(JOB_PAGE, NOW)[0].to_json()
    assert list(facts) == [
        "title", "description", "url", "category", "skills", "budget_type", "fixed_budget",
        "hourly_min", "hourly_max", "experience_level", "duration", "hours_per_week",
        "posted_at", "proposals_min", "proposals_max", "interviewing", "invites_sent",
        "unanswered_invites", "connects_required", "client", "missing",
    ]  # fmt: skip
    assert list(facts["client"]) == [
        "payment_verified", "rating", "reviews", "country", "city", "jobs_posted", "hire_rate",
        "open_jobs", "total_spent", "hires", "active_hires", "avg_hourly_rate", "member_since",
        "industry", "company_size",
    ]  # fmt: skip


def test_missing_lists_every_null_field() -> None:
    facts = parse_postings(TILE, NOW)[0]
    data = facts.to_json()
    not_applicable = {"fixed_budget"}  # an hourly job has no fixed budget
    for key in PostingFacts.CONTRACT_KEYS[:-2]:
        if key not in not_applicable and (data[key] is None or data[key] == []):
            assert key in facts.missing
    for key, value in data["client"].items():
        assert (value is None) == (f"client.{key}" in facts.missing)
    assert "fixed_budget" not in facts.missing


def test_unrated_client_is_not_missing_but_null() -> None:
    facts = parse_postings(FIXED_PAGE, NOW)[0]
    assert facts.client.rating is None
    assert "client.rating" not in facts.missing
    assert "client.total_spent" in facts.missing


def test_several_tiles_give_several_postings() -> None:
    text = TILE + "\n" + FIXED_TILE + "\nPosted 5 minutes ago\n" + TILE.replace("Python", "Go")
    postings = parse_postings(text, NOW)
    assert [p.title for p in postings] == [
        "Python scraper for real estate listings",
        "Shopify theme tweaks",
        "Go scraper for real estate listings",
    ]
    assert postings[2].posted_at == NOW - timedelta(minutes=5)
    assert postings[1].raw_text is not None
    assert postings[1].raw_text.startswith("Shopify theme tweaks")
    assert "Canada" not in postings[1].raw_text


def test_raw_text_and_url_kept() -> None:
    text = "https://www.upwork.com/jobs/~01ba8443095c7afd5e\n" + JOB_PAGE
    facts = parse_postings(text, NOW)[0]
    assert facts.url == "https://www.upwork.com/jobs/~01ba8443095c7afd5e"
    assert facts.title == "Senior Django developer for booking platform"
    assert facts.raw_text is not None
    assert facts.raw_text.startswith("https://")


def test_naive_now_is_utc() -> None:
    facts = parse_postings(JOB_PAGE, datetime(2026, 3, 10, 12, 0))[0]
    assert facts.posted_at == NOW - timedelta(minutes=4)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n\t  ", "empty"),
        ("\x00\x01\x02binary\x03\x04" * 20, "binary"),
        ("<!DOCTYPE html><html><head></head><body><div>Job</div></body></html>", "HTML"),
        ('<div class="job"><span>Title</span><p>text</p></div>', "HTML"),
        ("x" * (5 * 1024 * 1024 + 1), "5 MB"),
    ],
)
def test_bad_input_is_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_postings(text, NOW)


def test_text_mentioning_tags_is_not_html() -> None:
    facts = parse_postings("Fix my <div> layout\nThe <span> is too wide on mobile.", NOW)[0]
    assert facts.title == "Fix my <div> layout"
    quoting = (
        "Front-end fixes\nPosted 1 hour ago\nOur card is <div class='card'><p>Hi</p></div> and "
        "the <a href='x'>link</a> breaks on mobile. We need it fixed this week, with tests.\n"
    )
    assert parse_postings(quoting, NOW)[0].title == "Front-end fixes"
    source = "<div>" + "<span class='x'>a</span>" * 20 + "</div>"
    with pytest.raises(InputError, match="HTML"):
        parse_postings("Job\n" + source, NOW)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=600))
def test_no_text_makes_the_parser_raise(text: str) -> None:
    try:
        postings = parse_postings(text, NOW)
    except InputError:
        return
    assert postings
    for posting in postings:
        posting.to_json()


_PIECES = st.sampled_from(
    [
        "Hourly: $15-$35 - Intermediate - Est. Time: Less than 1 month, ",
        "Fixed-price - Expert - Est. Budget: $200 ",
        "Payment verified Rating is 4.9 out of 5. $10K+ spent Canada ",
        "Proposals: 50+",
        "About the client",
        "Client's recent history",
        "Skills and Expertise",
        "$10.00",
        "-",
        "Hourly",
        "Fixed-price",
        "Posted yesterday",
        "Las Vegas5:12 PM",
        "Member since",
        "AUS",
        "Data ScrapingAutomation",
        "\u00a0",
        "\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=20)), max_size=30))
def test_no_mix_of_real_fragments_makes_the_parser_raise(pieces: list[str]) -> None:
    text = "\n".join(pieces)
    try:
        postings = parse_postings(text, NOW)
    except InputError:
        return
    for posting in postings:
        posting.to_json()


FREELANCER = """Build a WordPress website for a bakery
$250.00 – 750.00 USD
Paid on delivery
We need a five-page WordPress site with an order form.
Skills Required
WordPress
PHP
Website Design
Project ID: 37412345
About the client
London, United Kingdom
Member since Jan 5, 2015
Payment method verified
25 freelancers are bidding on average $450 USD for this job
"""


def test_freelancer_project_page() -> None:
    [facts] = parse_postings(FREELANCER, NOW)
    assert facts.platform == "freelancer"
    assert facts.title == "Build a WordPress website for a bakery"
    assert facts.description == "We need a five-page WordPress site with an order form."
    assert facts.budget_type is not None
    assert facts.budget_type.value == "fixed" and facts.fixed_budget == 750.0
    assert facts.skills == ["WordPress", "PHP", "Website Design"]
    assert (facts.proposals_min, facts.proposals_max) == (25, 25)
    assert facts.external_id == "37412345"
    assert (facts.client.country, facts.client.city) == ("United Kingdom", "London")
    assert facts.client.payment_verified is True
    assert "client.rating" in facts.missing


def test_freelancer_hourly() -> None:
    text = FREELANCER.replace("$250.00 – 750.00 USD", "$15.00 – 25.00 USD per hour")
    [facts] = parse_postings(text, NOW)
    assert (facts.hourly_min, facts.hourly_max) == (15.0, 25.0)
    assert facts.budget_type is not None
    assert facts.budget_type.value == "hourly"


def test_screening_questions_are_kept() -> None:
    text = JOB_PAGE.replace(
        "Skills and Expertise",
        "You will be asked to answer the following questions when submitting a proposal:\n"
        "1. Describe a Stripe integration you built.\n2. What is your availability?\n"
        "Skills and Expertise",
    )
    facts = parse_postings(text, NOW)[0]
    assert facts.screening_questions == [
        "Describe a Stripe integration you built.",
        "What is your availability?",
    ]
    assert facts.skills == ["Django", "Python", "Stripe"]
    assert parse_postings(JOB_PAGE, NOW)[0].screening_questions == []
