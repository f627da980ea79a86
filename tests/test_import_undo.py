"""Every import on record, and one step to undo it (issue 11)."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.capture import store_postings
from app.cli import main
from app.errors import InputError, NotFoundError
from app.importing import ImportReport, import_into, record_to_facts
from app.storage.imports import last_undoable, list_imports, undo_import
from app.storage.jobs import set_status
from app.storage.models import ImportBatch, JobPosting, Proposal, ScoreCard

T0 = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
T1 = T0 + timedelta(hours=1)
T2 = T0 + timedelta(hours=2)
T3 = T0 + timedelta(hours=3)


def url(i: int) -> str:
    return f"https://www.upwork.com/jobs/~01{i:016x}"


def rows(n: int, **changes: dict[str, object]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for i in range(n):
        row: dict[str, object] = {"title": f"T{i}", "url": url(i), "budget": "$100",
                                  "skills": ["Python"], "published": "2026-03-01T10:00:00Z"}  # fmt: skip
        row.update(changes.get(f"T{i}", {}))
        out.append(row)
    return out


def write(tmp_path: Path, name: str, data: list[dict[str, object]]) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(r) for r in data) + "\n", encoding="utf-8")
    return path


def ident(report: ImportReport) -> int:
    assert report.import_id is not None
    return report.import_id


def jobs(db) -> dict[str, JobPosting]:
    with db.read() as session:
        return {j.url: j for j in session.scalars(select(JobPosting))}


def test_an_import_is_recorded(db, tmp_path: Path) -> None:
    path = write(tmp_path, "alerts.jsonl", [*rows(3), {"title": ""}])
    report = import_into(db, path, now=T0)
    with db.read() as session:
        (batch,) = list_imports(session)
    assert batch.id == report.import_id
    assert (batch.file_name, batch.file_size, batch.format) == (
        "alerts.jsonl",
        path.stat().st_size,
        "jsonl",
    )
    assert batch.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert batch.imported_at == T0
    assert (batch.added, batch.updated, batch.empty, batch.errors) == (3, 0, 1, 0)
    assert batch.date_order in ("DMY", "MDY") and batch.undone_at is None


def test_undo_removes_what_the_import_added(db, tmp_path: Path) -> None:
    with db.transaction() as session:  # a posting pasted before: not the import's
        store_postings(session, [record_to_facts({"title": "pasted", "url": url(99)})])
    report = import_into(db, write(tmp_path, "a.jsonl", rows(4)), now=T0)
    assert len(jobs(db)) == 5
    with db.transaction() as session:
        undone = undo_import(session, ident(report), now=T1)
    assert (undone.removed, undone.restored, undone.kept, undone.gone) == (4, 0, [], 0)
    assert list(jobs(db)) == [url(99)]
    with db.read() as session:
        assert session.get(ImportBatch, report.import_id).undone_at == T1
        assert last_undoable(session) is None
    with db.transaction() as session, pytest.raises(InputError, match="already undone"):
        undo_import(session, ident(report), now=T2)
    with db.transaction() as session, pytest.raises(NotFoundError, match="no import with id"):
        undo_import(session, 12345, now=T2)


def test_undo_after_a_reimport_with_a_user_edit_in_between(db, tmp_path: Path) -> None:
    first = import_into(db, write(tmp_path, "a.jsonl", rows(4)), now=T0)
    # the user edits: shortlists T0, pastes T1 again with a new title
    with db.transaction() as session:
        set_status(session, [jobs(db)[url(0)].id], "shortlisted")
    with db.transaction() as session:
        store_postings(session, [record_to_facts({"title": "T1 as I wrote it", "url": url(1),
                                                  "budget": "$100"})])  # fmt: skip
    # the file again, changed: T1 and T2 retitled, T2 and T3 repriced, T3 deleted by the user
    with db.transaction() as session:
        from app.storage.jobs import delete_jobs

        delete_jobs(session, [jobs(db)[url(3)].id])
    changed = rows(4, T1={"title": "T1 v2"}, T2={"title": "T2 v2", "budget": "$250"},
                   T3={"budget": "$300"})  # fmt: skip
    second = import_into(db, write(tmp_path, "a.jsonl", changed), now=T2)
    assert (second.added, second.updated) == (0, 4)
    after = jobs(db)
    assert after[url(1)].title == "T1 v2" and after[url(2)].fixed_budget == 250.0
    assert after[url(3)].deleted_at is None  # the import brought it back
    assert after[url(0)].status == "shortlisted"  # triage is never the import's

    # the user changes T2's title after the re-import
    with db.transaction() as session:
        store_postings(session, [record_to_facts({"title": "T2 mine", "url": url(2),
                                                  "budget": "$250"})])  # fmt: skip
    with db.transaction() as session:
        undone = undo_import(session, ident(second), now=T3)
    restored = jobs(db)
    assert restored[url(1)].title == "T1 as I wrote it"  # what it was before the re-import
    assert restored[url(2)].title == "T2 mine"  # the user's, kept
    assert restored[url(2)].fixed_budget == 100.0  # the import's price taken back
    assert restored[url(3)].fixed_budget == 100.0 and restored[url(3)].deleted_at is not None
    kept = {k.title: (k.reason, k.columns) for k in undone.kept}
    assert kept == {"T2 mine": ("changed since the import", ["title"])}
    assert undone.restored == 3  # T1, T2 (budget), T3; T0 was not changed by the re-import

    # and the first import: T0 was shortlisted, T1 and T2 changed by the user: kept
    with db.transaction() as session:
        undone = undo_import(session, ident(first), now=T3 + timedelta(minutes=1))
    left = jobs(db)
    assert set(left) == {url(0), url(1), url(2)}  # T3 (untouched since, deleted) is gone
    assert {k.reason for k in undone.kept} == {"changed since the import"}
    assert undone.removed == 1


def test_undo_keeps_a_posting_with_proposals(db, tmp_path: Path) -> None:
    report = import_into(db, write(tmp_path, "a.jsonl", rows(2)), now=T0)
    with db.transaction() as session:
        session.add(Proposal(job_id=jobs(db)[url(0)].id, text="hi"))
    with db.transaction() as session:
        undone = undo_import(session, ident(report), now=T1)
    assert undone.removed == 1 and [k.reason for k in undone.kept] == ["has proposals"]
    assert list(jobs(db)) == [url(0)]


def test_a_posting_listed_twice_in_one_file_is_undone_once(db, tmp_path: Path) -> None:
    import_into(db, write(tmp_path, "a.jsonl", rows(1)), now=T0)
    import app.importing.run as run

    twice = [*rows(2, T0={"title": "first"}), *rows(1, T0={"title": "second"})]
    old_batch = run.BATCH
    run.BATCH = 2  # the two rows of T0 land in different batches
    try:
        report = import_into(db, write(tmp_path, "b.jsonl", twice), now=T1)
    finally:
        run.BATCH = old_batch
    assert jobs(db)[url(0)].title == "second"
    with db.transaction() as session:
        undone = undo_import(session, ident(report), now=T2)
    assert jobs(db)[url(0)].title == "T0" and undone.removed == 1 and undone.kept == []


def test_a_changed_posting_is_scored_again(db, tmp_path: Path) -> None:
    from app.profiles import first_run_profile, save_profile
    from app.scoring.service import score_stale

    with db.transaction() as session:
        save_profile(session, first_run_profile("Dev", "Python", 40.0))
    import_into(db, write(tmp_path, "a.jsonl", rows(2)), now=T0)
    assert score_stale(db) == 2
    import_into(db, write(tmp_path, "a.jsonl", rows(2, T1={"budget": "$5"})), now=T1)
    with db.read() as session:
        cards = session.scalar(select(func.count()).select_from(ScoreCard))
    assert cards == 1  # T1's card went with its old budget
    assert score_stale(db) == 1


def test_pwb_imports_and_undo(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "w.db")
    path = write(tmp_path, "a.jsonl", rows(3))
    assert main(["--db", db, "import", str(path), "--json"]) == 0
    import_id = json.loads(capsys.readouterr().out)["import_id"]
    assert main(["--db", db, "imports", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [i["id"] for i in listed] == [import_id] and listed[0]["added"] == 3
    assert set(listed[0]) >= {"file_name", "file_size", "sha256", "imported_at", "added",
                              "updated", "skipped", "empty", "errors", "date_order", "undone_at"}  # fmt: skip
    assert main(["--db", db, "imports", "undo", str(import_id), "--json"]) == 0
    undone = json.loads(capsys.readouterr().out)
    assert (undone["removed"], undone["restored"], undone["kept"]) == (3, 0, [])
    assert main(["--db", db, "jobs", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--db", db, "imports", "undo", str(import_id)]) == 2
    assert "already undone" in capsys.readouterr().err
    assert main(["--db", db, "imports"]) == 0
    assert "undone" in capsys.readouterr().out


def test_the_real_postings_come_and_go_with_their_import(db, shared_postings: Path) -> None:
    before = len(jobs(db))
    first = import_into(db, shared_postings, now=T0)
    assert first.errors == [] and first.added > 90
    again = import_into(db, shared_postings, now=T1)
    assert (again.added, again.updated) == (0, first.imported)
    with db.transaction() as session:
        assert undo_import(session, ident(again), now=T2).restored == 0  # it changed nothing
        undone = undo_import(session, ident(first), now=T2)
    assert undone.removed == first.added and undone.kept == []
    assert len(jobs(db)) == before
