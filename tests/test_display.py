from datetime import UTC, datetime, timedelta

from app.display import age, budget, money, posting_details, proposals

NOW = datetime(2026, 3, 10, 12, tzinfo=UTC)


def test_money() -> None:
    assert [money(v) for v in (None, 40, 1000, 1250, 12500, 1_200_000)] == [
        "", "$40", "$1K", "$1.2K", "$12K", "$1.2M"
    ]  # fmt: skip
    assert money(10.11, cents=True) == "$10.11"


def test_budget() -> None:
    assert budget("fixed", 200, None, None) == "$200 fixed"
    assert budget("hourly", None, 15, 35) == "$15–$35/hr"
    assert budget("hourly", None, 10.5, 10.5) == "$10.50/hr"
    assert budget("hourly", None, None, None) == "Hourly"
    assert budget(None, None, None, None) == ""


def test_proposals_and_age() -> None:
    assert [proposals(*p) for p in ((None, None), (0, 4), (50, None), (20, 50), (7, 7))] == [
        "", "Less than 5", "50+", "20 to 50", "7"
    ]  # fmt: skip
    assert age(NOW - timedelta(minutes=5), NOW) == "5 min ago"
    assert age(NOW - timedelta(hours=3), NOW) == "3 h ago"
    assert age(NOW - timedelta(days=2), NOW) == "2 d ago"
    assert age(NOW - timedelta(days=40), NOW) == "2026-01-29"
    assert age(None, NOW) == ""


def test_posting_details_lists_every_field(db) -> None:
    from app.capture import capture_text
    from tests.parsing.test_upwork_parser import JOB_PAGE

    page = JOB_PAGE.replace("Member since", "Small company (2-9 people)\nMember since")
    with db.transaction() as session:
        [(job, _)] = capture_text(session, page, now=NOW)
        details = dict(posting_details(job, NOW))
    assert details["Budget"] == "$10–$25/hr"
    assert details["Client location"] == "Las Vegas, United States"
    assert details["Hires"] == "10 (3 active)"
    assert details["Client rating"] == "5.00 of 5"
    assert details["Posted"] == "2026-03-10 11:56 UTC (4 min ago)"
    assert details["Client company"] == "Small company (2-9 people)"
    assert details["Client industry"] == ""
    assert details["Not found in the text"] == "url, category, client.industry"
