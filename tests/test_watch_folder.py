"""The watch folder's core: a file is read once it stops changing, imported once, scored."""

from __future__ import annotations

import os
import shutil

import pytest
from sqlalchemy import func, select

from app import clock
from app.storage.imports import undo_import
from app.storage.models import ImportBatch, JobPosting
from app.watch_folder import FolderScan, import_watched
from tests.test_preview import make_profile

# scoring and imports read the time: CI reruns these at its clock moments
pytestmark = pytest.mark.clock


def count(db, model) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_file_is_ready_only_once_its_size_and_mtime_stay_the_same(tmp_path) -> None:
    scan = FolderScan(tmp_path, stable_seconds=2.0)
    path = tmp_path / "alerts.jsonl"
    path.write_text('{"title": "A"}\n', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not an import\n", encoding="utf-8")
    (tmp_path / ".alerts.jsonl.part").write_text("{", encoding="utf-8")
    assert scan.scan(100.0) == [] and scan.waiting, "first sight: not yet"
    assert scan.scan(101.0) == [], "not stable for long enough"
    with path.open("a", encoding="utf-8") as f:  # still being written
        f.write('{"title": "B"}\n')
    os.utime(path, ns=(1, 2_000_000_000))
    assert scan.scan(102.5) == [], "it changed: the wait starts again"
    assert scan.scan(104.0) == []
    assert scan.scan(104.6) == [path]
    assert scan.scan(200.0) == [] and not scan.waiting, "handed out once"
    path.write_text('{"title": "C"}\n', encoding="utf-8")
    os.utime(path, ns=(1, 3_000_000_000))
    assert scan.scan(201.0) == []
    assert scan.scan(203.5) == [path], "a new version is handed out again"


def test_a_watched_file_is_imported_once_scored_and_names_its_apply_postings(
    db, tmp_path, shared_postings
) -> None:
    make_profile(db)
    path = tmp_path / "alerts.json"
    shutil.copy(shared_postings, path)
    done = import_watched(db, path)
    assert done.error is None and not done.duplicate
    assert done.added + done.updated == 101 and done.added == count(db, JobPosting)
    assert done.apply_count >= 1 and done.apply
    assert "to apply to" in done.summary()
    copy = tmp_path / "alerts again.json"
    shutil.copy(shared_postings, copy)
    again = import_watched(db, copy)
    assert again.duplicate and again.summary() == "alerts again.json: imported before, skipped"
    assert count(db, ImportBatch) == 1
    assert done.import_id is not None
    with db.transaction() as session:  # exact and on record: it can be undone
        undo_import(session, done.import_id, now=clock.now())
    assert all_deleted(db)
    assert import_watched(db, path).duplicate, "an undone file is not brought back"


def all_deleted(db) -> bool:
    with db.read() as session:
        return not session.scalar(
            select(func.count()).select_from(JobPosting).where(JobPosting.deleted_at.is_(None))
        )


def test_a_bad_file_stores_nothing_and_says_where(db, tmp_path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text('{"title": "Fine posting", "description": "ok"}\n{"title": \n', "utf-8")
    done = import_watched(db, path)
    assert done.error is not None and "\n" not in done.summary()
    assert done.summary().startswith("broken.jsonl: ")
    assert count(db, JobPosting) == 0 and count(db, ImportBatch) == 0
    empty = tmp_path / "empty.csv"
    empty.write_text("", "utf-8")
    assert import_watched(db, empty).error is not None
