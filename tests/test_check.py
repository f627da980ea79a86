"""``pwb check``: each question answered in plain words; each problem made for real is found,
named, and (for the search index) repaired on request."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from app import ledger
from app.backup import backup_now
from app.check import check_database
from app.cli import main
from app.domain import PostingFacts
from app.storage.jobs import add_posting
from tests.test_safe_open import overwrite_page


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


@pytest.fixture
def stocked(db) -> str:
    with db.transaction() as session:
        for n in range(3):
            add_posting(session, PostingFacts(title=f"Django job {n}", description="Fix it"))
        ledger.post_entry(session, "purchase", 40, usd=6.0)
        ledger.post_entry(session, "spend", 8)
    db.close()
    return db.location


def raw(path: str, *statements: str) -> None:
    """Change the file behind the app's back (foreign keys off, as another tool would)."""
    with closing(sqlite3.connect(path)) as conn, conn:
        for statement in statements:
            conn.execute(statement)


def topics(findings) -> dict[str, bool]:
    return {f.topic: f.ok for f in findings}


def test_a_healthy_database_passes_every_check(stocked: str, capsys) -> None:
    code, out = run(capsys, "--db", stocked, "check")
    assert code == 0, out
    assert "Everything is in order." in out
    for words in ("file: whole", "schema: revision", "search: in step with the 3 postings"):
        assert words in out
    assert "the balance, 32, is the sum of the 2 entries" in out
    assert topics(check_database(stocked)) == dict.fromkeys(
        ("file", "schema", "references", "search", "ledger"), True
    )


def test_a_search_index_out_of_step_is_found_and_rebuilt(stocked: str, capsys) -> None:
    raw(
        stocked,
        "DELETE FROM job_fts WHERE rowid = 1",
        "UPDATE job_fts SET title = 'stale' WHERE rowid = 2",
        "INSERT INTO job_fts(rowid, title, description, skills) VALUES (99, 'gone', '', '')",
    )
    code, out = run(capsys, "--db", stocked, "check")
    assert code == 1
    assert "PROBLEM  search" in out and "1 postings are missing" in out
    assert "holds 1 postings that are gone" in out and "1 postings have changed" in out
    assert "pwb check --repair" in out
    code, out = run(capsys, "--db", stocked, "check", "--repair")
    assert code == 0, out
    assert "rebuilt: it holds 3 postings" in out
    code = main(["--db", stocked, "check", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["ok"] is True


def test_broken_references_are_found(stocked: str, capsys) -> None:
    raw(
        stocked,
        "INSERT INTO score_card (job_id, profile_id, total, verdict, factors, flags, "
        "matched_skills, missing_skills, critical_flags, rules_version, computed_at) "
        "VALUES (1, 77, 50, 'maybe', '[]', '[]', '[]', '[]', 0, '', '2026-01-01 00:00:00')",
    )
    code, out = run(capsys, "--db", stocked, "check")
    assert code == 1
    assert "PROBLEM  references: 1 score cards refer to a posting or profile" in out


def test_ledger_entries_changed_outside_the_app_are_found(stocked: str, capsys) -> None:
    raw(
        stocked,
        "UPDATE ledger_entry SET amount = 8 WHERE kind = 'spend'",
        "INSERT INTO ledger_entry (at, kind, amount, note, lot_id, created_at) "
        "VALUES ('2026-01-01 00:00:00', 'expiry', -3, '', NULL, '2026-01-01 00:00:00')",
    )
    code, out = run(capsys, "--db", stocked, "check")
    assert code == 1
    assert "1 entries have the wrong sign for their kind (#2)" in out
    assert "1 expiries name no credit (#3)" in out
    assert "pwb ledger reconcile" in out


def test_an_older_schema_is_named_with_what_to_do(stocked: str, capsys) -> None:
    raw(stocked, "UPDATE alembic_version SET version_num = '0006'")
    code, out = run(capsys, "--db", stocked, "check")
    assert code == 1
    assert "revision 0006, older than this release's" in out and "pwb init" in out


def test_a_damaged_file_is_reported_with_the_backup_to_restore(stocked: str, db, capsys) -> None:
    from app.storage import open_database

    opened = open_database(stocked)
    with opened.transaction() as session:
        for n in range(40):
            ledger.post_entry(session, "bonus", 1, note="x" * 900 + str(n))
    good = backup_now(opened)
    with opened.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    opened.close()
    overwrite_page(Path(stocked))
    code, out = run(capsys, "--db", stocked, "check")
    assert code == 1
    assert "PROBLEM  file: damaged" in out and f"pwb restore {good}" in out
    assert "not checked: the file is damaged" in out


def test_check_refuses_what_is_not_ours(tmp_path: Path, capsys) -> None:
    other = tmp_path / "other.db"
    raw(str(other), "CREATE TABLE notes (x)")
    assert main(["--db", str(other), "check"]) == 2
    assert "not a Proposal Workbench database" in capsys.readouterr().err
