"""CSV read exactly (issue 11): the excel dialect, only the delimiter detected, every record
of the header's width, or nothing imported. Round trips over files Python's csv writes."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.errors import InputError
from app.importing import import_into, read_records
from app.importing.reading import detect_delimiter
from app.storage.models import ImportBatch, JobPosting

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def count(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(JobPosting)) or 0


def stored(db) -> dict[str, JobPosting]:
    with db.read() as session:
        return {job.url: job for job in session.scalars(select(JobPosting))}


def csv_text(rows: list[list[str]], delimiter: str = ",", *, bom: bool = False) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return ("\ufeff" if bom else "") + out.getvalue()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def url(i: int) -> str:
    return f"https://www.upwork.com/jobs/~01{i:016x}"


# -- the RSS export of the issue: "" escapes and descriptions over many lines ------------------

RSS_HEADER = ["title", "url", "published", "description", "skills", "category", "country",
              "budget", "hourly_range_min", "hourly_range_max"]  # fmt: skip


def rss_rows(n: int) -> list[list[str]]:
    rows = [RSS_HEADER]
    for i in range(n):
        description = (
            f'Project {i}: we need a "senior" dev.\n\n-Interactive Elements:\n'
            f'  * a "quoted, comma" part\n{url(10_000 + i)}\nThanks'
        )
        rows.append([
            f"Build &amp; ship widget {i} - Upwork", url(i), f"6/{1 + i % 28}/2024 4:58am",
            description, "Python,SQL", "Web Development", "United States",
            "" if i % 2 else "$500", "$15.00" if i % 2 else "", "$35.00" if i % 2 else "",
        ])  # fmt: skip
    return rows


def test_an_rss_export_with_escaped_quotes_and_long_descriptions(db, tmp_path: Path) -> None:
    path = write(tmp_path, "upwork-rss.csv", csv_text(rss_rows(770)))
    report = import_into(db, path, now=NOW)
    assert (report.added, report.updated, report.errors) == (770, 0, [])
    jobs = stored(db)
    assert len(jobs) == 770  # one posting per record: no fragments of descriptions
    job = jobs[url(7)]
    assert job.title == "Build & ship widget 7"
    assert job.description.startswith('Project 7: we need a "senior" dev.\n\n-Interactive')
    assert job.description.endswith(f"{url(10_007)}\nThanks")
    assert job.posted_at == datetime(2024, 6, 8, 4, 58, tzinfo=UTC)
    assert (job.budget_type, job.hourly_min, job.hourly_max) == ("hourly", 15.0, 35.0)
    assert not any(j.title.startswith("-Interactive") or j.title.startswith("http") for j in
                   jobs.values())  # fmt: skip


# -- a file that cannot be read exactly imports nothing ----------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # a record one field short, in the middle of the file
        ("title,url,budget\nA,https://x.example/1,$5\nB,https://x.example/2\nC,https://x.example/3,$5\n",
         "line 3 has 2 fields where the header has 3"),
        # a quote out of place: text after a closing quote
        ('title,url\nA,https://x.example/1\n"B" and more,https://x.example/2\n',
         "line 3 is not clean CSV"),
        # a field left open to the end of the file
        ('title,description\nA,"starts\nand never ends\n', "is not clean CSV"),
        # what csv.Sniffer got wrong: quotes escaped with a backslash are not this dialect
        ('title,description\nA,"say \\"hi\\", then go"\n', "line 2 is not clean CSV"),
    ],
)  # fmt: skip
def test_a_file_that_is_not_clean_csv_imports_nothing(db, tmp_path, text, message) -> None:
    path = write(tmp_path, "broken.csv", text)
    with pytest.raises(InputError, match=message):
        import_into(db, path, now=NOW)
    assert count(db) == 0
    with db.read() as session:  # no import on record either
        assert session.scalar(select(func.count()).select_from(ImportBatch)) == 0


def test_a_broken_record_late_in_a_big_file_stores_nothing(db, tmp_path: Path) -> None:
    rows = [["title", "url"], *([f"T{i}", url(i)] for i in range(3000))]
    text = csv_text(rows) + "Late,https://x.example/late,extra\n"
    with pytest.raises(InputError, match="line 3002 has 3 fields"):
        import_into(db, write(tmp_path, "late.csv", text), skip_invalid=True, now=NOW)
    assert count(db) == 0


def test_the_line_named_is_where_the_broken_record_starts(tmp_path: Path) -> None:
    text = 'title,description\nA,"one\ntwo\nthree"\nB,x,y\n'
    with pytest.raises(InputError, match="line 5 has 3 fields"):
        read_records(write(tmp_path, "lines.csv", text))


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("title,url,budget", ","),
        ("title;url;budget", ";"),
        ("title\turl\tbudget", "\t"),
        ("title|url|budget", "|"),
        ('"a;b;c",url,budget', ","),  # delimiters inside quotes do not count
        ('"x,y";"p,q";title', ";"),
        ("title", ","),
    ],
)
def test_the_delimiter_comes_from_the_header_line_outside_quotes(header, expected) -> None:
    assert detect_delimiter(header + "\nrow;with;other|signs,here\n") == expected


# -- round trips --------------------------------------------------------------------------------

_TEXT = (
    st.lists(st.sampled_from([*"abcXYZ019 \"',;|\t\n", "\r\n", "é", "日本", "🙂"]), max_size=30)
    .map("".join)
    .filter(lambda t: t.strip() != "")
)
_SKILL = st.text(alphabet=st.sampled_from(list("abcdef +#")), min_size=1, max_size=12).filter(
    lambda s: s.strip() != ""
)
_MOMENTS = st.datetimes(
    min_value=datetime(2001, 1, 1), max_value=datetime(2035, 12, 31), timezones=st.just(UTC)
).map(lambda d: d.replace(second=0, microsecond=0))


def _date_text(moment: datetime, form: str) -> tuple[str, datetime]:
    """How a tool writes ``moment`` in ``form``, and what is read back."""
    if form == "iso":
        return moment.isoformat().replace("+00:00", "Z"), moment
    if form == "rfc2822":
        return format_datetime(moment), moment
    if form == "us":
        hour = moment.hour % 12 or 12
        half = "am" if moment.hour < 12 else "pm"
        return f"{moment.month}/{moment.day}/{moment.year} {hour}:{moment.minute:02d}{half}", moment
    if form == "dotted":
        return f"{moment.day:02d}.{moment.month:02d}.{moment.year}", moment.replace(
            hour=0, minute=0
        )
    if form == "epoch":
        return str(int(moment.timestamp())), moment
    if form == "epoch_ms":
        return str(int(moment.timestamp()) * 1000), moment
    hours = moment.hour + 1
    return f"{hours} hours ago", NOW - timedelta(hours=hours)


_ROW = st.tuples(_TEXT, _TEXT, st.lists(_SKILL, max_size=4), _MOMENTS)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(_ROW, min_size=1, max_size=8),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    bom=st.booleans(),
    form=st.sampled_from(["iso", "rfc2822", "us", "dotted", "epoch", "epoch_ms", "relative"]),
    skills_as_literal=st.booleans(),
)
def test_stored_fields_equal_what_the_csv_module_wrote(
    db, tmp_path: Path, rows, delimiter, bom, form, skills_as_literal
) -> None:
    header = ["Unnamed: 0", "title", "url", "description", "skills", "published"]
    table = [header]
    expected = {}
    for i, (title, description, skills, moment) in enumerate(rows):
        when, read_back = _date_text(moment, form)
        cell = repr(skills) if skills_as_literal else ", ".join(s.strip() for s in skills)
        table.append([str(i), title, url(i), description, cell, when])
        names = list(dict.fromkeys(" ".join(s.split()) for s in skills))
        expected[url(i)] = (title.strip(), description.strip(), names, read_back)
    path = tmp_path / f"round-{delimiter == chr(9)}.csv"
    path.write_bytes(csv_text(table, delimiter, bom=bom).encode("utf-8"))
    order = "DMY" if form == "dotted" else "MDY"
    with db.transaction() as session:
        session.query(JobPosting).delete()
    report = import_into(db, path, date_order=order, now=NOW)
    assert report.errors == [] and report.added == len(rows)
    assert report.unmapped_columns == []
    jobs = stored(db)
    for key, (title, description, skills, moment) in expected.items():
        job = jobs[key]
        assert job.title == title
        assert job.description == description
        assert [s.lower() for s in job.skills] == list(dict.fromkeys(s.lower() for s in skills))
        assert job.posted_at == moment


#: markup between words, and the text each stands for once made plain
_MARKUP = {
    " ": " ", "<br>": "\n", "<br/>": "\n", "</p>": "\n", "&amp;": "&", "&lt;": "<",
    "&#39;": "'", "&quot;": '"', "<b>": "", "</b>": "", '<a href="https://x.example">': "",
    "</a>": "", "&nbsp;": " ", '""': '""',
}  # fmt: skip
_WORD = st.text(alphabet=st.sampled_from(list("abcXYZ019éß日") + ['"', "'", ",", ";"]),
                min_size=1, max_size=6)  # fmt: skip
_MARKED = st.lists(st.tuples(_WORD, st.sampled_from(sorted(_MARKUP))), min_size=1, max_size=8)


def _marked(parts: list[tuple[str, str]]) -> tuple[str, str]:
    """A text with markup between its words (and a last word), and the plain text it says."""
    raw = "".join(word + mark for word, mark in parts) + "end"
    plain = "".join(word + _MARKUP[mark] for word, mark in parts) + "end"
    return raw, plain


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(st.tuples(_MARKED, _MARKED, _MARKED), min_size=1, max_size=6),
    delimiter=st.sampled_from([",", ";", "\t"]),
    bom=st.booleans(),
)
def test_entities_and_tags_in_every_text_field_round_trip(db, tmp_path, rows, delimiter, bom):
    """Titles (with the RSS `` - Upwork``), descriptions and categories with HTML entities
    and tags, through the csv module's quoting: stored as the plain text they say."""
    header = ["title", "url", "description", "category", "client_industry"]
    table = [header]
    expected = {}
    for i, (title, description, category) in enumerate(rows):
        (t_raw, t_plain), (d_raw, d_plain), (c_raw, c_plain) = (
            _marked(title), _marked(description), _marked(category)
        )  # fmt: skip
        table.append([t_raw + " - Upwork", url(i), d_raw, c_raw, c_raw])
        expected[url(i)] = (t_plain, d_plain, c_plain)
    path = tmp_path / "markup.csv"
    path.write_bytes(csv_text(table, delimiter, bom=bom).encode("utf-8"))
    with db.transaction() as session:
        session.query(JobPosting).delete()
    report = import_into(db, path, now=NOW)
    assert report.errors == [] and report.added == len(rows)
    for key, (title, description, category) in expected.items():
        job = stored(db)[key]
        assert (job.title, job.description, job.category) == (title, description, category)
        assert job.client_industry == category
