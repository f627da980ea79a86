"""A file that is not a whole database of ours is refused before anything writes to it.

Each damaged or foreign file is run through the commands that used to use it
anyway (``pwb info``, ``pwb jobs``, ``pwb import``) and through
:func:`open_database`: each is one line, exit 2, and the file's sha256 is the
same afterwards. A damaged database names the newest backup that passes its
check; backups are verified and rotation keeps the good ones.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app import ledger, settings
from app.backup import auto_backup, backup_folder, backup_now, list_backups, restore
from app.cli import main
from app.errors import (
    DatabaseCorruptError,
    DatabaseError,
    DatabaseNotOursError,
    DatabaseTooNewError,
)
from app.storage import files, migrations, open_database
from app.storage.models import LedgerEntry

pytestmark = pytest.mark.clock

ROOT = Path(__file__).resolve().parents[1]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def side_files(path: Path) -> list[str]:
    """What lies beside the file besides itself (a backup, a -wal, a -journal...)."""
    return sorted(p.name for p in path.parent.iterdir() if p != path)


def filled(path: Path) -> Path:
    """A database of ours with 31 entries (balance 70), checkpointed into the one file and
    closed (no connection of this process left on it)."""
    db = open_database(str(path))
    with db.transaction() as session:
        ledger.reconcile(session, 40)
        for _ in range(30):
            ledger.post_entry(session, "bonus", 1, note="x" * 900)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    gc.collect()
    assert not path.with_name(path.name + "-wal").exists()
    return path


def _root(path: Path, table: str) -> int:
    with sqlite3.connect(f"{path.absolute().as_uri()}?immutable=1", uri=True) as conn:
        return int(
            conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[
                0
            ]
        )


def overwrite_page(path: Path, table: str = "ledger_entry") -> None:
    root = _root(path, table)
    page_size = int.from_bytes(path.read_bytes()[16:18], "big")
    with open(path, "r+b") as raw:
        raw.seek((root - 1) * page_size)
        raw.write(b"\xff" * page_size)


def _zero_bytes(path: Path) -> None:
    path.write_bytes(b"")


def _random(path: Path) -> None:
    path.write_bytes(random.Random(14).randbytes(64 * 1024))


def _truncated(path: Path) -> None:
    filled(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _corrupted_page(path: Path) -> None:
    filled(path)
    overwrite_page(path)


def _damaged_schema_text(path: Path) -> None:
    filled(path)
    data = path.read_bytes()
    at = data.index(b"tablejob_postingjob_posting")  # the row of sqlite_master: type, names
    path.write_bytes(data[: at + 9] + b"\x89" + data[at + 10 :])  # a name that is not UTF-8


def _another_apps(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('keep me')")


def _another_apps_with_alembic(path: Path) -> None:
    _another_apps(path)
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        conn.execute("INSERT INTO alembic_version VALUES ('ae1027a6acf')")


def _newer_revision(path: Path) -> None:
    filled(path)
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.execute("PRAGMA journal_mode = DELETE")


CASES: dict[str, tuple[Callable[[Path], None], type[DatabaseError], str]] = {
    "zero bytes": (_zero_bytes, DatabaseCorruptError, "empty (0 bytes)"),
    "random bytes": (_random, DatabaseCorruptError, "not an SQLite database"),
    "truncated": (_truncated, DatabaseCorruptError, "cut short"),
    "corrupted page": (_corrupted_page, DatabaseCorruptError, "quick_check found"),
    "damaged schema text": (_damaged_schema_text, DatabaseCorruptError, "damaged or not a"),
    "another app's database": (_another_apps, DatabaseNotOursError, "tables: notes"),
    "another app's database with alembic_version": (
        _another_apps_with_alembic,
        DatabaseNotOursError,
        "schema revision 'ae1027a6acf'",
    ),
    "newer revision": (_newer_revision, DatabaseTooNewError, "newer Proposal Workbench"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_file_that_is_not_a_whole_database_of_ours_is_refused_untouched(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, kind, words = CASES[case]
    path = tmp_path / "db" / "w.sqlite3"
    path.parent.mkdir()
    make(path)
    capsys.readouterr()
    before, beside = sha256(path), side_files(path)
    with pytest.raises(kind, match=words.replace("(", r"\(").replace(")", r"\)")):
        open_database(str(path))
    postings = tmp_path / "postings" / "p.json"
    postings.parent.mkdir()
    postings.write_text(json.dumps([{"title": "Fix my Django app", "url": "https://x/1"}]))
    for argv in (["info"], ["jobs"], ["import", str(postings)], ["ledger"], ["backup"]):
        code = main(["--db", str(path), *argv])
        err = capsys.readouterr().err
        assert code == 2, (argv, err)
        assert len(err.strip().splitlines()) == 1 and "internal error" not in err, err
        assert words in err and str(path) in err, err
    assert sha256(path) == before, "the file was changed"
    assert side_files(path) == beside, "something was written beside it"


def test_a_newer_database_gets_no_backup_copy_on_any_attempt(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite3"
    _newer_revision(path)
    for _ in range(3):
        with pytest.raises(DatabaseTooNewError):
            open_database(str(path))
    assert not list(tmp_path.glob("*.bak")) and not (tmp_path / "backups").exists()


def test_only_a_migration_makes_a_backup_first(tmp_path: Path, db) -> None:
    db.close()
    open_database(db.location).close()
    assert not list(Path(db.location).parent.glob("*.bak")), "a database at head is not copied"


def test_an_empty_sqlite_file_is_ours_to_fill(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite3"
    sqlite3.connect(path).close()  # 0 bytes on disk until something is written
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("VACUUM")
    db = open_database(str(path))
    assert db.revision() == migrations.head_revision()
    db.close()
    header = path.read_bytes()[:100]
    assert int.from_bytes(header[68:72], "big") == files.APPLICATION_ID


@pytest.fixture
def unwritable() -> Iterator[Callable[[Path], None]]:
    made: list[Path] = []

    def make(path: Path) -> None:
        path.chmod(0o444)
        if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0:
            made.append(path)
        elif os.access(path, os.W_OK):
            pytest.skip("cannot make a file read-only here")

    yield make
    for path in made:
        subprocess.run(["chattr", "-i", str(path)], check=False)


def pwb_process(*argv: str, **kwargs) -> subprocess.CompletedProcess:
    """``pwb`` in a process of its own (SQLite shares file handles within one process)."""
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        **kwargs,
    )


def test_a_read_only_database_is_read_and_never_written(tmp_path: Path, unwritable) -> None:
    path = filled(tmp_path / "w.sqlite3")
    before = sha256(path)
    unwritable(path)
    assert pwb_process("--db", str(path), "info").returncode == 0
    refused = pwb_process("--db", str(path), "ledger", "add", "bonus", "1")
    assert refused.returncode == 2 and "read-only" in refused.stderr, refused.stderr
    assert sha256(path) == before


def test_a_database_this_user_may_not_read_is_one_line_and_untouched(tmp_path: Path) -> None:
    """Run as ``nobody`` (root reads every file): permission denied, named, nothing written."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run a command as another user")
    folder = Path(tempfile.mkdtemp(prefix="pwb-perm-"))
    try:
        folder.chmod(0o755)
        path = filled(folder / "w.sqlite3")
        path.chmod(0o600)
        before = sha256(path)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(folder)}
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env[var] = str(folder / "xdg")
        run = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
            + [sys.executable, "-m", "app.cli", "--db", str(path), "info"],
            capture_output=True,
            text=True,
            env=env,
            cwd=folder,
            check=False,
        )
        if "Permission denied" in run.stderr and "python" in run.stderr.lower():
            pytest.skip("the interpreter cannot be run as nobody here")
        assert run.returncode == 2, run.stderr
        assert "permission" in run.stderr.lower() and str(path) in run.stderr
        assert len(run.stderr.strip().splitlines()) == 1, run.stderr
        assert sha256(path) == before
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# -- damaged database, backups ---------------------------------------------------------------


def test_a_damaged_database_names_the_newest_good_backup_and_restore_brings_it_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], set_clock
) -> None:
    set_clock(datetime(2026, 11, 1, 9, tzinfo=UTC))
    path = filled(tmp_path / "w.sqlite3")
    db = open_database(str(path))
    good = backup_now(db, now=datetime(2026, 11, 1, 10, tzinfo=UTC))
    newer = backup_now(db, now=datetime(2026, 11, 2, 10, tzinfo=UTC))
    db.close()
    overwrite_page(newer)  # the newest backup is itself damaged: it is passed over
    overwrite_page(path)
    capsys.readouterr()
    assert main(["--db", str(path), "jobs"]) == 2
    err = capsys.readouterr().err
    assert "damaged" in err and str(good) in err and f"pwb restore {good}" in err, err
    assert str(newer) not in err
    with pytest.raises(DatabaseCorruptError) as refused:
        open_database(str(path))
    assert refused.value.backup == good and refused.value.path == path

    damaged = sha256(path)
    assert main(["--db", str(path), "restore", str(good)]) == 0
    out = capsys.readouterr().out
    assert "restored" in out
    kept = [b for b in list_backups(path) if b.path.name.startswith("before-restore-")]
    assert len(kept) == 1 and sha256(kept[0].path) == damaged, "the replaced file is kept as it was"
    assert main(["--db", str(path), "ledger", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["balance"] == 70


def test_restore_checks_the_backup_first(
    tmp_path: Path, db, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sha256(Path(db.location))
    bad = tmp_path / "bad.sqlite3"
    _another_apps(bad)
    for backup, words in ((bad, "not a Proposal Workbench database"), (tmp_path / "no", "no such")):
        assert main(["--db", db.location, "restore", str(backup)]) == 2
        assert words in capsys.readouterr().err
    assert sha256(Path(db.location)) == before


def test_restore_is_refused_while_a_window_has_the_database_open(
    tmp_path: Path, db, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = backup_now(db, tmp_path / "copy.sqlite3")
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        lock = Path(db.location + ".lock")
        lock.write_text(f"{sleeper.pid}\nproposal-workbench\n{os.uname().nodename}\n")
        with pytest.raises(DatabaseError, match="open in a Proposal Workbench window"):
            restore(Path(db.location), copy)
    finally:
        sleeper.kill()
        sleeper.wait()
    restore(Path(db.location), copy)  # the window is gone: its lock is stale


def test_an_automatic_backup_of_a_damaged_database_is_refused_and_rotates_nothing_out(
    db, set_clock
) -> None:
    with db.transaction() as session:
        settings.set_value(session, "backup.keep", 2)
        for n in range(40):
            session.add(LedgerEntry(kind="bonus", amount=1, note="x" * 900 + str(n)))
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    good = [auto_backup(db, now=t0), auto_backup(db, now=t0 + timedelta(days=1))]
    assert all(p is not None and files.is_good(p) for p in good)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.engine.dispose()
    overwrite_page(Path(db.location))
    with pytest.raises(DatabaseCorruptError):
        auto_backup(db, now=t0 + timedelta(days=2))
    assert sorted(backup_folder(db).glob("auto-*.sqlite3")) == good
    assert not list(backup_folder(db).glob("*.part"))


def test_a_backup_is_a_single_verified_file(db, tmp_path: Path) -> None:
    dest = backup_now(db, tmp_path / "b.sqlite3")
    assert files.is_good(dest, check="integrity_check")
    assert dest.read_bytes()[18:20] == b"\x01\x01", "a rollback journal: reading leaves no -wal"
    files.examine(dest)
    assert side_files(dest) == sorted(p.name for p in tmp_path.iterdir() if p != dest)
    assert not dest.with_name(dest.name + "-wal").exists()
