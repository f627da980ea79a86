"""Values as scrapers and alert tools write them (issue 11), and dates as people write them."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.domain import BudgetType
from app.errors import InputError
from app.importing import import_into, record_to_facts
from app.importing.dates import DAY_FIRST, MONTH_FIRST, order_of_locale, parse_when
from app.importing.records import EmptyRecord
from app.importing.values import clean_title, html_text, list_literal
from app.limits import MAX_FIELD_CHARS
from app.storage.models import JobPosting

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def facts(**record):
    return record_to_facts({"title": "x", **record}, NOW)


# -- list literals ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("['Flutter', 'MySQL']", ["Flutter", "MySQL"]),
        ('["Flutter", "MySQL"]', ["Flutter", "MySQL"]),
        ("[' Flutter ', 'flutter', 'MySQL', '']", ["Flutter", "MySQL"]),  # padded, duplicated
        ("['']", []),
        ("[]", []),
        ("Flutter, MySQL ,flutter", ["Flutter", "MySQL"]),
        ("['Data Scraping', 'Python', 'data scraping']", ["Data Scraping", "Python"]),
        ("['C&amp;C++', 'Node.js']", ["C&C++", "Node.js"]),
    ],
)
def test_skills_cells(cell, expected) -> None:
    assert facts(skills=cell).skills == expected


def test_a_list_literal_is_data_never_code(tmp_path: Path) -> None:
    # literal_eval refuses calls and names: the cell is then plain text, and nothing runs
    marker = tmp_path / "ran"
    cell = f"[__import__('pathlib').Path({str(marker)!r}).touch()]"
    assert list_literal(cell, "skills") is None
    assert facts(skills=cell).skills  # read as text, split on its commas
    assert not marker.exists()


def test_a_list_literal_over_the_limits_is_refused_unread() -> None:
    with pytest.raises(InputError, match="over 10,000 characters"):
        list_literal("[" + "'a', " * MAX_FIELD_CHARS + "]", "skills")
    with pytest.raises(InputError, match="nested deeper"):
        list_literal("[" * 200 + "]" * 200, "budget")


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"budget": "['$15.00', '']"}, {"fixed_budget": 15.0, "budget_type": BudgetType.FIXED}),
        ({"budget": "['']"}, {"fixed_budget": None, "budget_type": None}),
        ({"budget": "[]"}, {"fixed_budget": None}),
        ({"hourly_rate": "['$15.00', '$30.00']"},
         {"hourly_min": 15.0, "hourly_max": 30.0, "budget_type": BudgetType.HOURLY}),
        ({"job_type": "Hourly", "min_budget": "$20", "max_budget": "$45"},
         {"hourly_min": 20.0, "hourly_max": 45.0, "budget_type": BudgetType.HOURLY}),
        ({"job_type": "Fixed-price", "fixed_price": "$1.5K"},
         {"fixed_budget": 1500.0, "budget_type": BudgetType.FIXED}),
        ({"job_type": "Fixed", "max_budget": "$300"}, {"fixed_budget": 300.0}),
        ({"proposals": "5-10"}, {"proposals_min": 5, "proposals_max": 10}),
        ({"proposals": "Less than 5"}, {"proposals_min": 0, "proposals_max": 4}),
        ({"proposals": "50+"}, {"proposals_min": 50, "proposals_max": None}),
        ({"proposals": "12.0"}, {"proposals_min": 12, "proposals_max": 12}),
        ({"interviewing": "2.0", "invites_sent": "['3']", "unanswered_invites": "1"},
         {"interviewing": 2, "invites_sent": 3, "unanswered_invites": 1}),
        ({"duration": "< 1 month"}, {"duration": "Less than 1 month"}),
        ({"duration": "1-3 months"}, {"duration": "1 to 3 months"}),
        ({"duration": "> 6 months"}, {"duration": "More than 6 months"}),
        ({"work_hours": "< 30 hrs/week"}, {"hours_per_week": "Less than 30 hrs/week"}),
        ({"work_hours": "Hours to be determined"}, {"hours_per_week": "Hours to be determined"}),
    ],
)  # fmt: skip
def test_scraper_values(record, expected) -> None:
    found = facts(**record)
    for key, value in expected.items():
        assert getattr(found, key) == value, key


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"client_location": "SAU"}, {"country": "Saudi Arabia"}),
        ({"location": "DE"}, {"country": "Germany"}),
        ({"country": "Worldwide"}, {"country": None}),
        ({"country": "['United Kingdom']"}, {"country": "United Kingdom"}),
        ({"client_total_spent": "$2.5K"}, {"total_spent": 2500.0}),
        ({"client_total_spent": "$1M+"}, {"total_spent": 1_000_000.0}),
        ({"client_total_spent": "['']"}, {"total_spent": None}),
        ({"hires": "12.0", "active": "3.0"}, {"hires": 12, "active_hires": 3}),
        ({"hire_rate": "67%"}, {"hire_rate": 67.0}),
        ({"client_rating": "4.9", "client_reviews": "['23']"}, {"rating": 4.9, "reviews": 23}),
        ({"member_since": "Jun 11, 2019"}, {"member_since": date(2019, 6, 11)}),
    ],
)
def test_client_values(record, expected) -> None:
    client = facts(**record).client
    for key, value in expected.items():
        assert getattr(client, key) == value, key


def test_track_name_is_the_category_when_there_is_none() -> None:
    assert facts(track_name="Web Development").category == "Web Development"


# -- text: entities, tags, the RSS title suffix ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fish &amp; chips &lt;b&gt; &#39;ok&#39;", "Fish & chips <b> 'ok'"),
        ("one<br>two<br/>three", "one\ntwo\nthree"),
        ("<p>first</p><p>second</p>", "first\nsecond\n"),
        ("<ul><li>a</li><li>b</li></ul>", "a\nb\n"),
        ("<b>bold</b> and <a href='x'>link</a>", "bold and link"),
        ("keep<script>alert(1)</script> this", "keep this"),
        ("budget < $500 & more", "budget < $500 & more"),  # no markup: as it is
        ("AT&T", "AT&T"),
    ],
)
def test_html_in_text(text, expected) -> None:
    assert html_text(text) == expected


def test_html_in_every_text_field() -> None:
    found = record_to_facts(
        {"title": "Fix my site &amp; app - Upwork", "description": "<p>Hello</p>World&nbsp;!",
         "category": "Web &amp; Mobile", "city": "S&atilde;o Paulo"},
        NOW,
    )  # fmt: skip
    assert found.title == "Fix my site & app"
    assert found.description == "Hello\nWorld !"
    assert found.category == "Web & Mobile"
    assert found.client.city == "São Paulo"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("React dev - Upwork", "React dev"),
        ("React dev | Upwork", "React dev"),
        ("Upwork", "Upwork"),
        ("Upwork API expert", "Upwork API expert"),
    ],
)
def test_the_upwork_suffix(title, expected) -> None:
    assert clean_title(title) == expected


# -- empty rows and columns that map to nothing -----------------------------------------------


def test_a_row_with_no_title_description_or_url_is_empty() -> None:
    with pytest.raises(EmptyRecord):
        record_to_facts({"title": "", "skills": "[]", "budget": "['']", "country": "USA"}, NOW)


def test_dead_links_are_counted_as_empty_not_errors(db, tmp_path: Path) -> None:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(["", "title", "job_url", "skills", "hires", "client_industry", "Notes"])
    writer.writerow(["0", "Live job", "https://x.example/1", "['Go']", "2.0", "Tech", "n"])
    writer.writerow(["1", "", "", "[]", "", "", ""])
    writer.writerow(["2", "", "", "['']", "", "", ""])
    path = tmp_path / "scrape.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    report = import_into(db, path, now=NOW)
    assert (report.added, report.empty, report.errors, report.skipped) == (1, 2, [], 0)
    # listed, never silently dropped (the unnamed index column is known: not listed)
    assert report.unmapped_columns == ["Notes"]
    with db.read() as session:
        job = session.scalars(select(JobPosting)).one()
        assert (job.client_industry, job.client_hires, job.skills) == ("Tech", 2, ["Go"])


def test_client_industry_and_type_are_stored(db, tmp_path: Path) -> None:
    """The scrapers' client columns: industry and type (company size) kept, HTML made plain."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(["title", "url", "client_industry", "client_type", "track_name", "work_hours"])
    writer.writerow(["A", "https://x.example/a", "Tech &amp; IT", "['Small company (2-9 people)']",
                     "Web Development", "< 30 hrs/week"])  # fmt: skip
    writer.writerow(["B", "https://x.example/b", "", "Individual client", "", ""])
    path = tmp_path / "clients.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    report = import_into(db, path, now=NOW)
    assert (report.added, report.errors, report.unmapped_columns) == (2, [], [])
    with db.read() as session:
        rows = session.execute(
            select(JobPosting.title, JobPosting.client_industry, JobPosting.client_company_size,
                   JobPosting.category, JobPosting.hours_per_week).order_by(JobPosting.title)
        ).all()  # fmt: skip
    assert [tuple(r) for r in rows] == [
        (
            "A",
            "Tech & IT",
            "Small company (2-9 people)",
            "Web Development",
            "Less than 30 hrs/week",
        ),
        ("B", None, "Individual client", None, None),
    ]


def test_a_client_type_too_long_for_the_field_is_refused() -> None:
    with pytest.raises(InputError, match="company size is over 100 characters"):
        record_to_facts({"title": "a", "client_type": "x" * 101}, NOW)


def test_json_keys_that_map_to_nothing_are_listed(db, tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"title": "a", "foo": 1}\n{"title": "b", "bar": 2, "foo": 3}\n', "utf-8")
    assert import_into(db, path, now=NOW).unmapped_columns == ["foo", "bar"]


# -- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("2024-06-06T04:58:00Z", MONTH_FIRST, datetime(2024, 6, 6, 4, 58, tzinfo=UTC)),
        ("2024-06-06 04:58:00+02:00", MONTH_FIRST, datetime(2024, 6, 6, 2, 58, tzinfo=UTC)),
        ("Thu, 06 Jun 2024 04:58:00 +0000", MONTH_FIRST, datetime(2024, 6, 6, 4, 58, tzinfo=UTC)),
        ("Thu, 06 Jun 2024 04:58:00 -0500", DAY_FIRST, datetime(2024, 6, 6, 9, 58, tzinfo=UTC)),
        ("6/6/2024 4:58am", MONTH_FIRST, datetime(2024, 6, 6, 4, 58, tzinfo=UTC)),
        ("6/7/2024 4:58pm", MONTH_FIRST, datetime(2024, 6, 7, 16, 58, tzinfo=UTC)),
        ("6/7/2024 4:58pm", DAY_FIRST, datetime(2024, 7, 6, 16, 58, tzinfo=UTC)),
        ("06.06.2024", DAY_FIRST, datetime(2024, 6, 6, tzinfo=UTC)),
        ("13.06.2024", DAY_FIRST, datetime(2024, 6, 13, tzinfo=UTC)),
        ("June 6, 2024", DAY_FIRST, datetime(2024, 6, 6, tzinfo=UTC)),
        ("1717649880", MONTH_FIRST, datetime(2024, 6, 6, 4, 58, tzinfo=UTC)),
        ("1717649880000", MONTH_FIRST, datetime(2024, 6, 6, 4, 58, tzinfo=UTC)),
        ("3 hours ago", MONTH_FIRST, NOW - timedelta(hours=3)),
        ("yesterday", MONTH_FIRST, NOW - timedelta(days=1)),
        ("2024-06-06 04:58:00 EST", MONTH_FIRST, datetime(2024, 6, 6, 4, 58, tzinfo=UTC)),
    ],
)
def test_dates_as_people_write_them(text, order, expected) -> None:
    assert parse_when(text, NOW, order) == expected


def test_rfc_2822_is_not_stored_as_the_first_of_the_month() -> None:
    # the bug of the issue: "Thu, 06 Jun 2024 ..." became 2024-06-01
    assert facts(published="Thu, 06 Jun 2024 04:58:00 +0000").posted_at == datetime(
        2024, 6, 6, 4, 58, tzinfo=UTC
    )


@pytest.mark.parametrize(
    ("text", "order", "message"),
    [
        ("06/13/2024", DAY_FIRST, "cannot be day/month/year"),
        ("13/06/2024", MONTH_FIRST, "cannot be month/day/year"),
        ("someday", MONTH_FIRST, "is not a date"),
        ("32.01.2024", DAY_FIRST, "is not a date"),
    ],
)
def test_dates_that_cannot_be_read(text, order, message) -> None:
    with pytest.raises(InputError, match=message):
        parse_when(text, NOW, order)


@pytest.mark.parametrize(
    ("name", "order"),
    [("en_US.UTF-8", MONTH_FIRST), ("en_GB.UTF-8", DAY_FIRST), ("de_DE", DAY_FIRST),
     ("fr_CA.utf8", DAY_FIRST), ("en_PH", MONTH_FIRST), ("C", MONTH_FIRST),
     ("C.UTF-8", MONTH_FIRST), ("", MONTH_FIRST), ("pt-BR", DAY_FIRST)],
)  # fmt: skip
def test_the_locale_decides_only_the_order(name, order) -> None:
    assert order_of_locale(name) == order


def _dates_file(tmp_path: Path, dates: list[str]) -> Path:
    lines = ["title,published"] + [f"T{i},{d}" for i, d in enumerate(dates)]
    path = tmp_path / "dates.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def posted(db) -> dict[str, datetime]:
    from app.storage.models import JobPosting

    with db.read() as session:
        return {j.title: j.posted_at for j in session.query(JobPosting)}


def test_a_day_above_12_settles_the_order_for_the_whole_file(db, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")  # month first, but the file says otherwise
    path = _dates_file(tmp_path, ["06/07/2024", "01/02/2024", "25/12/2024"])
    report = import_into(db, path, now=NOW)
    assert (report.date_order, report.date_order_source) == ("DMY", "file")
    assert report.to_json()["date_order"] == "DMY"
    assert posted(db)["T0"] == datetime(2024, 7, 6, tzinfo=UTC)
    assert posted(db)["T1"] == datetime(2024, 2, 1, tzinfo=UTC)


def test_without_a_deciding_date_the_locale_orders_them(db, tmp_path, monkeypatch) -> None:
    path = _dates_file(tmp_path, ["06/07/2024"])
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    report = import_into(db, path, now=NOW)
    assert (report.date_order, report.date_order_source) == ("DMY", "locale")
    assert posted(db)["T0"] == datetime(2024, 7, 6, tzinfo=UTC)
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    report = import_into(db, path, now=NOW)
    assert (report.date_order, report.date_order_source) == ("MDY", "locale")
    assert posted(db)["T0"] == datetime(2024, 6, 7, tzinfo=UTC)


def test_the_preference_comes_before_the_locale(db, tmp_path, monkeypatch) -> None:
    from app import settings

    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    with db.transaction() as session:
        settings.set_value(session, "import.date_order", "DMY")
    report = import_into(db, _dates_file(tmp_path, ["06/07/2024"]), now=NOW)
    assert (report.date_order, report.date_order_source) == ("DMY", "setting")


def test_dates_that_disagree_refuse_the_file_unless_an_order_is_chosen(db, tmp_path) -> None:
    path = _dates_file(tmp_path, ["06/07/2024", "13/06/2024", "06/13/2024"])
    with pytest.raises(InputError, match=r"row 2 '13/06/2024' is day first, row 3"):
        import_into(db, path, now=NOW)
    report = import_into(db, path, date_order="MDY", now=NOW)
    assert [(e.row, "cannot be month/day/year" in e.message) for e in report.errors] == [(2, True)]
    assert report.imported == 0
    report = import_into(db, path, date_order="MDY", skip_invalid=True, now=NOW)
    assert report.added == 2 and posted(db)["T2"] == datetime(2024, 6, 13, tzinfo=UTC)


@settings(max_examples=400, deadline=None)
@given(
    a=st.integers(0, 40), b=st.integers(0, 40), year=st.integers(1000, 2999),
    sep=st.sampled_from("/.-"), hour=st.none() | st.integers(0, 25), minute=st.integers(0, 61),
    second=st.none() | st.integers(0, 61), half=st.sampled_from(["", "am", " PM", "pm", " AM"]),
    dayfirst=st.booleans(),
)  # fmt: skip
def test_the_numeric_fast_path_reads_what_dateutil_reads(
    a, b, year, sep, hour, minute, second, half, dayfirst
) -> None:
    """``6/6/2024 4:58am`` is read without dateutil's lexer (speed); never differently."""
    from dateutil import parser as date_parser

    from app.importing.dates import _numeric

    text = f"{a}{sep}{b}{sep}{year}"
    if hour is not None:
        text += f" {hour}:{minute:02d}" + ("" if second is None else f":{second:02d}") + half
    fast = _numeric(text, dayfirst)
    if fast is None:
        return  # dateutil decides
    assert fast == date_parser.parse(text, dayfirst=dayfirst, default=datetime(2026, 1, 1))


_HTML_PIECES = [
    "<br>", "<br/>", "<BR />", "</br>", "<p>", "</p>", "<li>", "</li>", "<li/>", "<b>", "</b>",
    "</div>", "<h2>", "</h2>", "&amp;", "&lt;", "&#39;", "&#x41;", "&nbsp;", "&amp", "&bogus;",
    "a", "Zz", " ", "\n", "\t", "<", ">", "&", "x < y", "<script>", "</script>", '<a href="x">',
    "<!-- c -->", "<p class=x>", "& ", "&#", "<1>",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(pieces=st.lists(st.sampled_from(_HTML_PIECES), max_size=12))
def test_the_simple_markup_fast_path_reads_what_html_parser_reads(pieces) -> None:
    """Text whose markup is only simple tags skips html.parser's tokenizer (speed); the
    text it gives is the parser's, to the character."""
    from app.importing.values import _simple_html, _TextParser

    text = "".join(pieces)
    fast = _simple_html(text)
    if fast is None:
        return
    parser = _TextParser()
    parser.feed(text)
    parser.close()
    assert "".join(fast) == "".join(parser.parts)


_LITERAL_PIECES = ["[", "]", "'", '"', ",", " ", "a", "é", "\\", "\n", "\t", "1", "'a'", '"b"',
                   "''", "[]", "None", "\r", "'$15.00'", "'it\"s'"]  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(pieces=st.lists(st.sampled_from(_LITERAL_PIECES), max_size=10),
       items=st.lists(st.text(max_size=5), max_size=4))  # fmt: skip
def test_the_plain_string_list_fast_path_reads_what_ast_reads(pieces, items) -> None:
    """``['Flutter', 'MySQL']`` is read without ``ast`` (speed); never differently."""
    import ast

    from app.importing.values import _SIMPLE_LIST, _literal

    for text in ("".join(pieces), repr(items)):
        if _SIMPLE_LIST.fullmatch(text) is None:
            continue
        _literal.cache_clear()
        assert _literal(text) == tuple(ast.literal_eval(text))
