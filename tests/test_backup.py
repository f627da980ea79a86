from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app import settings
from app.backup import auto_backup, backup_folder, backup_now
from app.cli import main
from app.errors import DatabaseError
from app.storage.models import LedgerEntry

pytestmark = pytest.mark.clock  # reads the time: .ci/run repeats it at awkward dates


def test_backup_is_a_consistent_copy(db, tmp_path: Path) -> None:
    with db.transaction() as session:
        session.add(LedgerEntry(kind="bonus", amount=7))
    dest = backup_now(db, tmp_path / "copy.sqlite3")
    with sqlite3.connect(dest) as conn:
        assert conn.execute("SELECT amount FROM ledger_entry").fetchone() == (7,)
    with pytest.raises(DatabaseError, match="exists already"):
        backup_now(db, dest)


def test_auto_backup_daily_and_rotating(db) -> None:
    with db.transaction() as session:
        settings.set_value(session, "backup.keep", 2)
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    first = auto_backup(db, now=t0)
    assert first is not None and first.exists()
    assert auto_backup(db, now=t0 + timedelta(hours=1)) is None, "at most one a day"
    made = []
    for day in (2, 3, 4):
        path = auto_backup(db, now=t0 + timedelta(days=day))
        assert path is not None
        made.append(path)
    left = sorted(backup_folder(db).glob("auto-*.sqlite3"))
    assert left == made[-2:]


def test_cli_backup(db, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "b.sqlite3"
    assert main(["--db", db.location, "backup", "--out", str(out)]) == 0
    assert out.exists() and str(out) in capsys.readouterr().out
    assert main(["--db", db.location, "backup", "--out", str(tmp_path / "no" / "b.db")]) == 2
    assert "does not exist" in capsys.readouterr().err
