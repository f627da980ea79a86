from datetime import UTC, date, datetime, timedelta

import pytest

from app.parsing.countries import country_name, find_country
from app.parsing.money import parse_int, parse_money
from app.parsing.times import parse_date, parse_relative
from app.parsing.upwork import proposal_bucket, split_skills

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("$10K+", 10_000.0),
        ("$1.2M", 1_200_000.0),
        ("$5.9K", 5_900.0),
        ("$200.00", 200.0),
        ("$1,250.50", 1250.5),
        ("$0", 0.0),
        ("$10.11 /hr", 10.11),
        ("spent $2k", 2000.0),
        ("", None),
        ("no money here", None),
        (None, None),
    ],
)
def test_parse_money(text, value):
    assert parse_money(text) == value


def test_parse_int():
    assert parse_int("1,234 jobs") == 1234
    assert parse_int("none") is None


@pytest.mark.parametrize(
    ("text", "delta"),
    [
        ("4 minutes ago", timedelta(minutes=4)),
        ("19 hours ago", timedelta(hours=19)),
        ("an hour ago", timedelta(hours=1)),
        ("yesterday", timedelta(days=1)),
        ("2 days ago", timedelta(days=2)),
        ("last week", timedelta(weeks=1)),
        ("3 weeks ago", timedelta(weeks=3)),
        ("1 month ago", timedelta(days=30)),
        ("just now", timedelta(0)),
    ],
)
def test_relative_times_resolve_against_now(text, delta):
    assert parse_relative(text, NOW) == NOW - delta


def test_unknown_time_is_none():
    assert parse_relative("sometime", NOW) is None
    assert parse_relative("", NOW) is None


def test_dates():
    assert parse_date("Member since Jun 11, 2024") == date(2024, 6, 11)
    assert parse_date("June 2 2023") == date(2023, 6, 2)
    assert parse_date("Feb 2021") == date(2021, 2, 1)
    assert parse_date("Feb 31, 2021") is None
    assert parse_date("nothing") is None


@pytest.mark.parametrize(
    ("bucket", "expected"),
    [
        ("Less than 5", (0, 4)),
        ("Fewer than 5", (0, 4)),
        ("5 to 10", (5, 10)),
        ("10 to 15", (10, 15)),
        ("15 to 20", (15, 20)),
        ("20 to 50", (20, 50)),
        ("50+", (50, None)),
        ("7", (7, 7)),
        ("lots", (None, None)),
    ],
)
def test_proposal_buckets(bucket, expected):
    assert proposal_bucket(bucket) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("AUS", "Australia"),
        ("USA", "United States"),
        ("GBR", "United Kingdom"),
        ("Canada", "Canada"),
        ("united arab emirates", "United Arab Emirates"),
        ("KOR", "South Korea"),
        ("Narnia", None),
        ("", None),
    ],
)
def test_country_names(text, name):
    assert country_name(text) == name


def test_find_country_in_a_client_line():
    canada = find_country("$10K+ spent  Canada Proposals")
    assert canada is not None and canada[0] == "Canada"
    hong_kong = find_country("| Hong Kong |")
    assert hong_kong is not None and hong_kong[0] == "Hong Kong"
    assert find_country("nothing here") is None


@pytest.mark.parametrize(
    ("line", "skills"),
    [
        ("Data ScrapingAutomation", ["Data Scraping", "Automation"]),
        ("PythonDjangoREST API", ["Python", "Django", "REST API"]),
        ("JavaScriptWordPressPHP", ["JavaScript", "WordPress", "PHP"]),
        ("Web DevelopmentGoHighLevel", ["Web Development", "GoHighLevel"]),
        ("PostgreSQLMongoDB", ["PostgreSQL", "MongoDB"]),
        ("SEOWriting", ["SEO", "Writing"]),
        ("React, Node.js", ["React", "Node.js"]),
        ("iOSSwift", ["iOS", "Swift"]),
    ],
)
def test_glued_skills_split(line, skills):
    assert split_skills(line) == skills
