"""Import from CSV / JSON / JSONL / GraphQL: mappings, one transaction per file, idempotence."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.domain import BudgetType, ExperienceLevel
from app.errors import InputError
from app.importing import import_into, read_records, record_to_facts
from app.storage.jobs import JobQuery, count_jobs, fetch_jobs
from app.storage.models import JobPosting

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)

GRAPHQL = {
    "title": "Build a React dashboard",
    "description": "Charts and tables over our API.",
    "ontologySkills": [{"prettyName": "React"}, {"prettyName": "TypeScript"}],
    "connectPrice": 12,
    "upworkHistoryData": {
        "client": {
            "paymentVerificationStatus": "VERIFIED",
            "country": "AUS",
            "totalReviews": 7,
            "totalFeedback": 4.86,
            "totalSpent": {"amount": "12500.0"},
        }
    },
    "jobTile": {
        "job": {
            "ciphertext": "~01abcdef0123456789",
            "jobType": "HOURLY",
            "hourlyBudgetMin": "25.0",
            "hourlyBudgetMax": "45.0",
            "contractorTier": "ExpertLevel",
            "publishTime": "2026-03-09T08:30:00.000Z",
            "totalApplicants": 14,
            "fixedPriceAmount": {"amount": "0.0"},
            "hourlyEngagementDuration": {"label": "1 to 3 months"},
        }
    },
}


def count(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(JobPosting))


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (
            {"title": "A", "rate": "Hourly: $16.00 - $35.00", "exp_lvl": "Intermediate"},
            {"budget_type": BudgetType.HOURLY, "hourly_min": 16.0, "hourly_max": 35.0,
             "experience_level": ExperienceLevel.INTERMEDIATE},
        ),
        (
            {"Title": "B", "rate": "Fixed price", "est_time": "$500.00", "exp_lvl": "Entry Level"},
            {"budget_type": BudgetType.FIXED, "fixed_budget": 500.0,
             "experience_level": ExperienceLevel.ENTRY, "duration": None},
        ),
        (
            {"title": "C", "est_time": "1 to 3 months, Less than 30 hrs/week", "tags": "Python, SQL"},
            {"duration": "1 to 3 months", "hours_per_week": "Less than 30 hrs/week",
             "skills": ["Python", "SQL"]},
        ),
        (
            {"title": "D", "budget": "$1.2K", "published": "2026-03-01T10:00:00Z", "country": "GBR"},
            {"fixed_budget": 1200.0, "budget_type": BudgetType.FIXED,
             "posted_at": datetime(2026, 3, 1, 10, tzinfo=UTC)},
        ),
        (
            {"link": "https://www.upwork.com/jobs/x_~01ff00ff00ff00ff00", "hourly_range_min": 20,
             "hourly_range_max": "40", "published": "3 hours ago", "proposals": "20 to 50"},
            {"hourly_min": 20.0, "hourly_max": 40.0, "budget_type": BudgetType.HOURLY,
             "proposals_min": 20, "proposals_max": 50, "external_id": None},
        ),
        (
            {"title": "E", "skills": "['Data Scraping', 'Python']", "category": "Web Dev"},
            {"skills": ["Data Scraping", "Python"], "category": "Web Dev"},
        ),
        (
            {"title": "F", "published": 1772000000},
            {"posted_at": datetime.fromtimestamp(1772000000, UTC)},
        ),
    ],
)  # fmt: skip
def test_column_mappings(record, expected) -> None:
    facts = record_to_facts(record, NOW)
    for key, value in expected.items():
        assert getattr(facts, key) == value, key


def test_graphql_object() -> None:
    facts = record_to_facts(GRAPHQL, NOW)
    assert facts.title == "Build a React dashboard"
    assert facts.skills == ["React", "TypeScript"]
    assert facts.connects_required == 12
    assert facts.budget_type is BudgetType.HOURLY
    assert (facts.hourly_min, facts.hourly_max) == (25.0, 45.0)
    assert facts.fixed_budget is None
    assert facts.experience_level is ExperienceLevel.EXPERT
    assert facts.posted_at == datetime(2026, 3, 9, 8, 30, tzinfo=UTC)
    assert (facts.proposals_min, facts.proposals_max) == (14, 14)
    assert facts.duration == "1 to 3 months"
    assert facts.client.payment_verified is True
    assert facts.client.country == "Australia"
    assert (facts.client.reviews, facts.client.rating) == (7, 4.86)
    assert facts.client.total_spent == 12500.0
    assert facts.external_id == "~01abcdef0123456789"
    assert facts.url == "https://www.upwork.com/jobs/~01abcdef0123456789"
    assert "category" in facts.missing


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"description": ""}, "no title"),
        ({"title": "x", "budget": "abc"}, "not an amount"),
        ({"title": "x", "exp_lvl": "guru"}, "experience level"),
        ({"title": "x", "published": "someday"}, "ISO 8601"),
        ({"title": "x", "proposals": "many"}, "bucket"),
        ({"title": "x", "payment_verified": "perhaps"}, "yes/no"),
        (["not", "an", "object"], "expected an object"),
    ],
)
def test_bad_rows(record, message) -> None:
    with pytest.raises(InputError, match=message):
        record_to_facts(record, NOW)


def test_real_file_twice_adds_then_updates(db, shared_postings: Path) -> None:
    first = import_into(db, shared_postings)
    total = len(json.loads(shared_postings.read_text(encoding="utf-8")))
    assert first.errors == []
    assert first.added > 90 and first.added + first.updated == total
    stored = count(db)
    assert stored == first.added
    second = import_into(db, shared_postings)
    assert (second.added, second.updated, second.skipped) == (0, total, 0)
    assert count(db) == stored
    with db.read() as session:
        assert count_jobs(session, JobQuery(search="Guesty")) == 1


def test_import_is_idempotent_and_keeps_triage(db, tmp_path: Path) -> None:
    rows = [{"title": f"T{i}", "url": f"https://www.upwork.com/jobs/~01{i:016x}"} for i in range(5)]
    path = write(tmp_path, "a.jsonl", "\n".join(json.dumps(r) for r in rows))
    assert import_into(db, path).added == 5
    from app.storage.jobs import set_status

    with db.transaction() as session:
        first_id = fetch_jobs(session, JobQuery(sort="title", descending=False))[0].id
        set_status(session, [first_id], "shortlisted")
    report = import_into(db, path)
    assert (report.added, report.updated) == (0, 5)
    with db.read() as session:
        assert session.get(JobPosting, first_id).status == "shortlisted"
    assert count(db) == 5


def test_csv_broken_row_imports_nothing_by_default(db, tmp_path: Path) -> None:
    path = write(tmp_path, "alerts.csv", "title,budget,link\nGood,$50,https://a.example/1\n"
                 "Bad,abc,https://a.example/2\nAlso good,$70,https://a.example/3\n")  # fmt: skip
    report = import_into(db, path)
    summary = report.to_json()
    keys = ("added", "updated", "skipped", "errors", "notes", "import_id")
    assert {k: summary[k] for k in keys} == {
        "added": 0,
        "updated": 0,
        "skipped": 3,
        "errors": [{"row": 2, "message": "budget 'abc' is not an amount"}],
        "notes": [],
        "import_id": None,
    }
    assert count(db) == 0
    report = import_into(db, path, skip_invalid=True)
    assert (report.added, report.skipped, len(report.errors)) == (2, 1, 1)
    assert count(db) == 2


def test_cancel_rolls_back(db, tmp_path: Path) -> None:
    rows = [{"title": f"T{i}"} for i in range(2500)]
    path = write(tmp_path, "many.json", json.dumps(rows))

    class Stop(Exception):
        pass

    calls = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        if done > total // 2:
            raise Stop

    with pytest.raises(Stop):
        import_into(db, path, progress=progress)
    assert count(db) == 0
    assert import_into(db, path).added == 2500


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", "", "empty"),
        ("noheader.csv", "foo,bar\n1,2\n", "no header"),
        ("latin1.csv", "title\ncaf\xe9 menu\n".encode("latin-1"), "not UTF-8"),
        ("object.json", '{"title": "x"}', "not a list"),
        ("broken.json", "[{", "not valid JSON"),
        ("binary.csv", b"\x00\x01\x02\x03" * 10, "binary"),
    ],
)
def test_bad_files_store_nothing(db, tmp_path: Path, name, content, message) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(InputError, match=message):
        import_into(db, path)
    assert count(db) == 0


def test_formats_and_wrappers(tmp_path: Path) -> None:
    wrapped = write(tmp_path, "w.json", json.dumps({"data": {"results": [GRAPHQL]}}))
    assert len(read_records(wrapped)) == 1
    jsonl = write(tmp_path, "x.data", '{"title": "a"}\n{"title": "b"}\nnot json\n')
    records = read_records(jsonl)
    assert len(records) == 3 and isinstance(records[2][1], InputError)
    semi = write(tmp_path, "s.csv", "title;skills\nA;Python\n")
    assert read_records(semi, "csv")[0][1] == {"title": "A", "skills": "Python"}
    with pytest.raises(InputError, match="format"):
        read_records(semi, "xml")
    with pytest.raises(InputError, match="no such file"):
        read_records(tmp_path / "nope.csv")


_KEYS = st.sampled_from(
    ["title", "url", "link", "description", "skills", "tags", "budget", "rate", "exp_lvl",
     "est_time", "published", "proposals", "connects", "payment_verified", "rating", "country",
     "hourly_range_min", "hourly_range_max", "client_spent", "id", "jobTile", "ontologySkills"]
)  # fmt: skip
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_KEYS | st.text(max_size=10), _VALUES, max_size=8))
def test_no_record_makes_the_importer_crash(record) -> None:
    try:
        facts = record_to_facts(record, NOW)
    except InputError:
        return
    facts.to_json()


@pytest.mark.parametrize(
    "record",
    [
        {"title": "x", "published": float("nan")},
        {"title": "x", "published": 10**20},
        {"title": "x", "connects": float("inf")},
        {"title": "x", "proposals": float("nan")},
    ],
)
def test_out_of_range_values_are_row_errors(record) -> None:
    with pytest.raises(InputError):
        record_to_facts(record, NOW)


def test_reimport_writes_only_what_changed(db, tmp_path: Path) -> None:
    from app.storage.jobs import delete_jobs

    rows = [{"title": f"T{i}", "url": f"https://www.upwork.com/jobs/~01{i:016x}",
             "skills": ["Python"], "published": "2026-03-01T10:00:00Z"} for i in range(4)]  # fmt: skip
    path = write(tmp_path, "a.json", json.dumps(rows))
    import_into(db, path)
    with db.read() as session:
        stamps = dict(session.query(JobPosting.title, JobPosting.updated_at).all())
        victim = session.query(JobPosting.id).filter_by(title="T3").scalar()
    with db.transaction() as session:
        delete_jobs(session, [victim])
    rows[1]["title"] = "Renamed posting"
    path.write_text(json.dumps(rows), encoding="utf-8")
    report = import_into(db, path)
    assert (report.added, report.updated) == (0, 4)
    with db.read() as session:
        after = dict(session.query(JobPosting.title, JobPosting.updated_at).all())
        assert after["T0"] == stamps["T0"]  # unchanged: not rewritten
        assert "Renamed posting" in after and "T1" not in after
        assert count_jobs(session, JobQuery(search="renamed")) == 1
        assert count_jobs(session) == 4  # the deleted one came back with the import


def test_updates_on_an_old_sqlite_without_update_from(db, tmp_path: Path, monkeypatch) -> None:
    import sqlite3

    rows = [{"title": f"T{i}", "url": f"https://www.upwork.com/jobs/~01{i:016x}"} for i in range(3)]
    path = write(tmp_path, "a.json", json.dumps(rows))
    import_into(db, path)
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 31, 1))
    rows[0]["title"] = "Changed"
    path.write_text(json.dumps(rows), encoding="utf-8")
    assert import_into(db, path).updated == 3
    with db.read() as session:
        assert count_jobs(session, JobQuery(search="changed")) == 1
