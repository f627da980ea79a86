"""``pwb export`` / ``pwb import-all``: a round trip gives back the same rows, byte for byte;
the CSV copies are formula-safe; a bad archive or a non-empty database stores nothing."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app import ledger, settings
from app.archive import TABLES, export_all, import_all
from app.bootstrap import seed_defaults
from app.cli import main
from app.domain import PostingFacts
from app.errors import InputError
from app.importing import import_into
from app.proposals import change_status, submit_proposal
from app.storage import open_database
from app.storage.jobs import add_posting
from app.storage.models import JobPosting, Profile, SavedReply, ScoreCard
from app.storage.search import job_search_filter

pytestmark = pytest.mark.clock

WHEN = datetime(2026, 3, 1, 12, 30, 15, 123456, tzinfo=UTC)
HOSTILE = '=HYPERLINK("http://evil")\u202e<img src="file:///etc/passwd">\u200b'


def stock(db, set_clock, tmp: Path) -> None:
    """One of everything, with the values that break naive exports."""
    set_clock(WHEN)
    with db.transaction() as session:
        profile = Profile(
            name="Web dev",
            is_active=True,
            plan="freelancer_plus",
            skills=[{"name": "Django", "weight": 1.5, "synonyms": ["django-rest"]}],
            min_hourly_rate=45.5,
            excluded_countries=["XX"],
            rule_overrides={"budget-low": {"enabled": False}},
        )
        session.add(profile)
        session.flush()
        job, _ = add_posting(
            session,
            PostingFacts(
                title=HOSTILE,
                description="Line one\nLine two, «quoted», 日本語, emoji 👩‍💻, -5 off",
                skills=["Django", "+plus"],
                url="https://www.upwork.com/jobs/~01abc",
            ),
        )
        job.client_member_since = date(2019, 5, 1)
        job.client_rating = 4.95
        job.posted_at = WHEN
        session.add(
            ScoreCard(
                job_id=job.id,
                profile_id=profile.id,
                total=81,
                verdict="apply",
                factors=[{"name": "skills", "points": 30, "reason": "@all match"}],
                flags=[{"rule": "x", "severity": "warning", "evidence": "=1+1"}],
                matched_skills=["Django"],
            )
        )
        session.add(SavedReply(name="mine/hello", body="Hi {{ client.name }},\n-- me"))
        ledger.post_entry(session, "purchase", 40, usd=6.0, at=WHEN)
        proposal = submit_proposal(session, job_id=job.id, connects=8, boost=4, bid=55.0)
        settings.set_value(session, "score.apply_threshold", 72)
    feed = tmp.with_name("feed.json")
    feed.write_text(
        json.dumps([{"title": "From a feed", "url": "https://x/feed-1", "budget": "$300"}])
    )
    import_into(db, feed)
    import_into(db, feed)  # again: an update on record too
    set_clock(datetime(2027, 4, 10, tzinfo=UTC))
    with db.transaction() as session:
        change_status(session, proposal.id, "job_closed", reason="client cancelled: budget")
    ledger.catch_up_database(db)  # allocations with their keys, the purchase's expiry


def table_rows(path: Path) -> dict[str, list[tuple]]:
    with closing(sqlite3.connect(path)) as conn:
        return {
            name: conn.execute(f"SELECT * FROM {name} ORDER BY 1").fetchall() for name in TABLES
        }


@pytest.mark.sqlite_only  # reads the file with sqlite3
def test_export_then_import_all_gives_back_the_same_rows(
    db, tmp_path: Path, set_clock, capsys
) -> None:
    stock(db, set_clock, tmp_path / "stock")
    before = table_rows(Path(db.location))
    assert all(before[name] for name in TABLES), {n: len(r) for n, r in before.items()}
    assert any(r for r in before["ledger_entry"] if r[2] == "expiry")
    archive = tmp_path / "everything.zip"
    assert main(["--db", db.location, "export", "--out", str(archive)]) == 0
    assert "exported to" in capsys.readouterr().out

    fresh = tmp_path / "fresh.sqlite3"
    seeded = open_database(str(fresh))
    seed_defaults(seeded)  # a new database has the starter replies: they make way
    seeded.close()
    assert main(["--db", str(fresh), "import-all", str(archive)]) == 0
    assert "imported" in capsys.readouterr().out
    assert table_rows(fresh) == before

    again = open_database(str(fresh))
    try:
        with again.read() as session:
            clause = job_search_filter(session, "emoji")
            assert clause is not None
            assert session.scalars(select(JobPosting.id).where(clause)).all() == [1]
            assert ledger.balance(session) == sum(r[3] for r in before["ledger_entry"])
        second = tmp_path / "second.zip"
        export_all(again, second)
    finally:
        again.close()
    with zipfile.ZipFile(archive) as a, zipfile.ZipFile(second) as b:
        for name in TABLES:
            assert a.read(f"data/{name}.json") == b.read(f"data/{name}.json"), name


def test_the_csv_copies_are_formula_safe_and_hold_every_row(db, tmp_path: Path, set_clock) -> None:
    stock(db, set_clock, tmp_path / "stock")
    archive = tmp_path / "e.zip"
    counts = export_all(db, archive)
    with zipfile.ZipFile(archive) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert manifest["tables"]["job_posting"]["rows"] == counts["job_posting"] == 2
        for name in TABLES:
            rows = list(csv.reader(io.StringIO(zf.read(f"csv/{name}.csv").decode("utf-8"))))
            assert len(rows) == counts[name] + 1
            for row in rows[1:]:
                for cell in row:
                    assert not cell.startswith(("=", "+", "@")), (name, cell)
        postings = list(csv.DictReader(io.StringIO(zf.read("csv/job_posting.csv").decode())))
        assert postings[0]["title"] == "'" + HOSTILE  # the pasted one: id 1
        assert json.loads(postings[0]["skills"]) == ["Django", "+plus"]


@pytest.mark.sqlite_only  # reads the file with sqlite3
def test_import_all_refuses_a_database_with_data_of_its_own(db, tmp_path: Path, set_clock) -> None:
    stock(db, set_clock, tmp_path / "stock")
    archive = tmp_path / "e.zip"
    export_all(db, archive)
    before = table_rows(Path(db.location))
    with pytest.raises(InputError, match=r"not empty \(1 profile rows, 1 saved reply rows"):
        import_all(db, archive)
    assert table_rows(Path(db.location)) == before


def _rewrite(archive: Path, dest: Path, name: str, change) -> None:
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(dest, "w") as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == name:
                data = json.dumps(change(json.loads(data))).encode()
            out.writestr(item, data)


@pytest.mark.parametrize(
    ("member", "change", "words"),
    [
        (
            "data/ledger_entry.json",
            lambda rows: [*rows[:-1], {**rows[-1], "amount": "lots"}],
            "column amount: 'lots' is not a whole number",
        ),
        (
            "data/job_posting.json",
            lambda rows: [{**rows[0], "posted_at": "yesterday"}],
            "data/job_posting.json row 1: column posted_at",
        ),
        (
            "data/proposal.json",
            lambda rows: [{**rows[0], "colour": "red"}],
            "unknown column 'colour'",
        ),
        (
            "manifest.json",
            lambda m: {**m, "schema_revision": "9999"},
            "newer Proposal Workbench",
        ),
        ("manifest.json", lambda m: {**m, "format": "other"}, "not a Proposal Workbench export"),
    ],
)
def test_a_bad_archive_stores_nothing_and_says_where(
    db, tmp_path: Path, set_clock, member: str, change, words: str
) -> None:
    stock(db, set_clock, tmp_path / "stock")
    archive, bad = tmp_path / "e.zip", tmp_path / "bad.zip"
    export_all(db, archive)
    _rewrite(archive, bad, member, change)
    fresh = open_database(str(tmp_path / "fresh.sqlite3"))
    try:
        with pytest.raises(InputError, match=words.replace("(", r"\(")):
            import_all(fresh, bad)
        assert all(not rows for rows in table_rows(Path(fresh.location)).values())
    finally:
        fresh.close()


def test_not_an_archive_is_one_line(tmp_path: Path, db, capsys) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_text("hello")
    assert main(["--db", db.location, "import-all", str(junk)]) == 2
    assert "not a ZIP file" in capsys.readouterr().err
    out = tmp_path / "e.zip"
    out.write_text("keep")
    assert main(["--db", db.location, "export", "--out", str(out)]) == 2
    assert "exists already" in capsys.readouterr().err and out.read_text() == "keep"
