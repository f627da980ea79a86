"""The full-text index follows every way a posting's words change.

SQLite keeps ``job_fts`` in step with ``job_posting`` by triggers (migration
0002). Each test searches for a word that only the edited field holds: absent
before the edit, found after it, absent again once the word is taken out.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import text

from app.capture import store_postings
from app.domain import PostingFacts
from app.importing import import_records
from app.storage import Database
from app.storage.jobs import (
    JobQuery,
    add_posting,
    count_jobs,
    delete_jobs,
    fetch_jobs,
    get_job,
    undelete_jobs,
)

NOW = datetime(2026, 3, 2, 12, tzinfo=UTC)
URL = "https://www.upwork.com/jobs/~01aaaabbbbccccdddd"
WORD = "zyxquark"  # in no field until a test puts it there
BASE = {
    "title": "Shopify store tune-up",
    "description": "Speed up the theme and fix the cart",
    "skills": ["Shopify", "Liquid"],
}
FIELDS = ("title", "description", "skills")


def found(db: Database, word: str = WORD, **query: Any) -> list[int]:
    with db.read() as session:
        rows = fetch_jobs(session, JobQuery(search=word, **query), limit=50)
        assert count_jobs(session, JobQuery(search=word, **query)) == len(rows)
        return [r.id for r in rows]


def with_word(field: str, present: bool) -> dict[str, Any]:
    """The base posting, with ``WORD`` in ``field`` (or not)."""
    values = {k: list(v) if isinstance(v, list) else v for k, v in BASE.items()}
    if present:
        if field == "skills":
            values["skills"] = [*values["skills"], WORD.capitalize()]
        else:
            values[field] = f"{values[field]} {WORD}"
    return values


def facts(values: dict[str, Any]) -> PostingFacts:
    return PostingFacts(url=URL, **values)


# -- the ways a stored posting changes --------------------------------------------------------


def edit_row(db: Database, job_id: int, values: dict[str, Any]) -> None:
    """Change the loaded row and commit (what the ORM writes: only the changed columns)."""
    with db.transaction() as session:
        job = get_job(session, job_id)
        for name, value in values.items():
            setattr(job, name, value)


def paste_again(db: Database, job_id: int, values: dict[str, Any]) -> None:
    """The same posting pasted again (same URL): the stored row is updated."""
    with db.transaction() as session:
        [(job, created)] = store_postings(session, [facts(values)])
        assert (job.id, created) == (job_id, False)


def import_again(db: Database, job_id: int, values: dict[str, Any]) -> None:
    """The same posting in an imported file: the bulk UPDATE ... FROM path."""
    with db.transaction() as session:
        report = import_records(session, [(1, {"url": URL, **values})], source="import", now=NOW)
    assert (report.added, report.updated, report.errors) == (0, 1, [])


def import_again_old_sqlite(db: Database, job_id: int, values: dict[str, Any]) -> None:
    """The import path for SQLite before 3.33 (no UPDATE ... FROM): row by row."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sqlite3, "sqlite_version_info", (3, 32, 0))
        import_again(db, job_id, values)


EDITS: dict[str, Callable[[Database, int, dict[str, Any]], None]] = {
    "edit": edit_row,
    "paste": paste_again,
    "import": import_again,
    "import-old-sqlite": import_again_old_sqlite,
}


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("how", EDITS)
def test_a_word_put_in_then_taken_out_is_found_then_not(db: Database, how: str, field: str) -> None:
    change = EDITS[how]
    with db.transaction() as session:
        job_id = add_posting(session, facts(with_word(field, False)))[0].id
    assert found(db) == [] and found(db, "shopify") == [job_id]
    change(db, job_id, with_word(field, True))
    assert found(db) == [job_id]
    assert found(db, WORD[:4]) == [job_id]  # the last word is a prefix
    change(db, job_id, with_word(field, False))
    assert found(db) == []
    assert found(db, "shopify") == [job_id]


@pytest.mark.parametrize("field", FIELDS)
def test_a_new_posting_is_found_by_each_field(db: Database, field: str) -> None:
    with db.transaction() as session:
        imported = import_records(
            session,
            [(1, {"url": URL.replace("aaaa", "eeee"), **with_word(field, True)})],
            source="import",
            now=NOW,
        )
        pasted = add_posting(session, facts(with_word(field, True)))[0].id
    assert imported.added == 1
    assert len(found(db)) == 2 and pasted in found(db)


def test_deleting_hides_the_posting_and_undo_brings_it_back(db: Database) -> None:
    with db.transaction() as session:
        job_id = add_posting(session, facts(with_word("skills", True)))[0].id
    with db.transaction() as session:
        assert delete_jobs(session, [job_id]) == [job_id]
    assert found(db) == []
    assert found(db, include_deleted=True) == [job_id]
    with db.transaction() as session:
        undelete_jobs(session, [job_id])
    assert found(db) == [job_id]


@pytest.mark.sqlite_only  # the FTS5 table
def test_a_row_removed_for_good_leaves_no_words_behind(db: Database) -> None:
    """SQLite may give the next posting the removed row's id: the old words must not
    make that new posting match."""
    with db.transaction() as session:
        old = add_posting(session, facts(with_word("skills", True)))[0].id
    with db.transaction() as session:
        session.execute(text("DELETE FROM job_posting WHERE id = :id"), {"id": old})
        assert session.scalar(text("SELECT count(*) FROM job_fts")) == 0
    with db.transaction() as session:
        new = add_posting(session, PostingFacts(title="Logo design", description="A new logo"))[0]
    assert new.id == old  # the id came back: the index row would be its
    assert found(db) == []
    assert found(db, "logo") == [new.id]
