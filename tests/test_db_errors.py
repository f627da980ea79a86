"""Database failures a user can cause are one line and exit 2, never ``internal error`` / 70.

Locked, read-only, no permission, disk full, damaged: each is made for real
where this machine allows it (a second connection holding the write lock,
``chattr +i`` or file modes, SQLite's page limit, overwritten pages); the
classification of every SQLite and PostgreSQL code is checked on its own.
"""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, text

from app.cli import main
from app.errors import (
    DatabaseBusyError,
    DatabaseCorruptError,
    DatabaseError,
    DatabaseFullError,
    DatabaseIOError,
    DatabasePermissionError,
    DatabaseReadOnlyError,
    DatabaseUnavailableError,
)
from app.storage import db as storage_db
from app.storage import open_database
from app.storage.errors import classify
from app.storage.models import JobPosting


@pytest.fixture
def dbfile(tmp_path: Path) -> str:
    path = tmp_path / "w.sqlite3"
    assert main(["--db", str(path), "ledger", "reconcile", "5"]) == 0
    return str(path)


def pwb(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    err = capsys.readouterr().err
    return code, err


def assert_one_line(code: int, err: str, *words: str) -> None:
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "internal error" not in err and "Traceback" not in err and "SELECT" not in err
    for word in words:
        assert word in lines[0], lines[0]


def entries(path: str) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM ledger_entry").fetchone()[0]


def test_a_database_locked_by_another_program(
    dbfile: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage_db, "BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(dbfile, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process writing, lock held
    try:
        code, err = pwb(capsys, "--db", dbfile, "ledger", "add", "bonus", "3")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert_one_line(code, err, dbfile, "locked by another program", "try again")
    assert entries(dbfile) == 1
    assert pwb(capsys, "--db", dbfile, "ledger", "add", "bonus", "3")[0] == 0  # and then it works


@pytest.fixture
def immutable() -> Iterator[object]:
    """Make a file or folder unwritable even for root (chattr +i), undone afterwards."""
    made: list[Path] = []

    def make(path: Path) -> None:
        path.chmod(0o555 if path.is_dir() else 0o444)
        probe = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
        if probe.returncode == 0:
            made.append(path)
        elif _writable(path):
            pytest.skip("cannot make a file read-only here (root without chattr)")

    yield make
    for path in made:
        subprocess.run(["chattr", "-i", str(path)], check=False)
        path.chmod(0o755 if path.is_dir() else 0o644)


def _writable(path: Path) -> bool:
    target = path / ".probe" if path.is_dir() else path
    try:
        with open(target, "a"):
            pass
    except OSError:
        return False
    if path.is_dir():
        target.unlink()
    return True


def test_a_read_only_file(dbfile: str, capsys: pytest.CaptureFixture[str], immutable) -> None:
    immutable(Path(dbfile))
    code, err = pwb(capsys, "--db", dbfile, "ledger", "add", "bonus", "3")
    assert_one_line(code, err, dbfile, "read-only")
    assert entries(dbfile) == 1


def test_a_folder_without_permission(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], immutable
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    immutable(folder)
    code, err = pwb(capsys, "--db", str(folder / "w.sqlite3"), "init")
    assert_one_line(code, err, str(folder / "w.sqlite3"), "permission")
    assert not (folder / "w.sqlite3").exists()


def test_a_full_disk_rolls_back_the_whole_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(str(tmp_path / "w.sqlite3"))
    pages = db.engine.connect().exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(db.engine, "connect")
    def tiny_disk(dbapi_connection, _record) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {int(pages or 0) + 2}")

    db.engine.dispose()
    full = pytest.raises(DatabaseFullError, match=r"w\.sqlite3 is full; nothing was saved")
    with full, db.transaction() as session:
        for n in range(400):
            session.add(JobPosting(dedup_key=f"k{n}", title="t", description="x" * 2000))
    db.engine.dispose()
    event.remove(db.engine, "connect", tiny_disk)
    with db.read() as session:
        assert session.scalar(text("SELECT count(*) FROM job_posting")) == 0
    db.close()


def test_a_damaged_file(dbfile: str, capsys: pytest.CaptureFixture[str]) -> None:
    for _ in range(30):
        assert main(["--db", dbfile, "ledger", "add", "bonus", "1", "--note", "x" * 900]) == 0
    capsys.readouterr()
    with sqlite3.connect(dbfile) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'ledger_entry'"
        ).fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    with open(dbfile, "r+b") as raw:
        raw.seek((root - 1) * page_size)
        raw.write(b"\xff" * page_size)
    code, err = pwb(capsys, "--db", dbfile, "ledger")
    assert_one_line(code, err, dbfile, "damaged", "backups")


def _sqlite_error(code: int) -> sqlite3.Error:
    exc = sqlite3.OperationalError("driver text")
    exc.sqlite_errorcode = code
    return exc


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        (5, DatabaseBusyError),  # SQLITE_BUSY
        (517, DatabaseBusyError),  # SQLITE_BUSY_SNAPSHOT
        (6, DatabaseBusyError),  # SQLITE_LOCKED
        (8, DatabaseReadOnlyError),  # SQLITE_READONLY
        (1032, DatabaseReadOnlyError),  # SQLITE_READONLY_DBMOVED
        (3, DatabasePermissionError),  # SQLITE_PERM
        (14, DatabasePermissionError),  # SQLITE_CANTOPEN
        (13, DatabaseFullError),  # SQLITE_FULL
        (10, DatabaseIOError),  # SQLITE_IOERR
        (778, DatabaseIOError),  # SQLITE_IOERR_WRITE
        (11, DatabaseCorruptError),  # SQLITE_CORRUPT
        (26, DatabaseCorruptError),  # SQLITE_NOTADB
    ],
)
def test_every_sqlite_failure_a_user_can_fix_is_named(code: int, kind: type) -> None:
    known = classify(_sqlite_error(code), "/data/w.sqlite3")
    assert isinstance(known, kind)
    assert "/data/w.sqlite3" in str(known) and "\n" not in str(known)


def test_bugs_stay_bugs() -> None:
    assert classify(sqlite3.IntegrityError("UNIQUE constraint failed"), "w") is None
    assert classify(_sqlite_error(1), "w") is None  # SQLITE_ERROR: our SQL is wrong
    assert classify(ValueError("x"), "w") is None


class _PgError(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__("server text")
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("sqlstate", "kind"),
    [
        ("55P03", DatabaseBusyError),
        ("40P01", DatabaseBusyError),
        ("25006", DatabaseReadOnlyError),
        ("42501", DatabasePermissionError),
        ("28P01", DatabasePermissionError),
        ("53100", DatabaseFullError),
        ("58030", DatabaseIOError),
        ("XX001", DatabaseCorruptError),
        ("08006", DatabaseUnavailableError),
        ("57P01", DatabaseUnavailableError),
    ],
)
def test_postgresql_failures_are_named_by_sqlstate(sqlstate: str, kind: type) -> None:
    known = classify(_PgError(sqlstate), "postgresql://team@db/workbench")
    assert isinstance(known, kind) and isinstance(known, DatabaseError)
    assert classify(_PgError("23505"), "x") is None  # unique violation: a bug
