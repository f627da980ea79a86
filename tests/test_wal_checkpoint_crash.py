"""A kill in the middle of a checkpoint leaves a file that is whole only with its log.

SQLite copies pages from the write-ahead log into the database file at a
checkpoint. Killed half-way (the kill trials of issue 14 hit it during an
import), the file holds a mix of old and new pages, and only the log, which
still has every new page, makes it consistent again: the next connection reads
through the log. A check that reads the file alone (``immutable=1``) calls that
healthy database damaged, and opening it would refuse the user's data.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from app.storage import files

WAL_HEADER = 32
FRAME_HEADER = 24


def _half_checkpointed(tmp_path: Path) -> Path:
    """A WAL database and its log as a checkpoint killed half-way leaves them."""
    work = tmp_path / "work.sqlite3"
    with closing(sqlite3.connect(work)) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("CREATE INDEX ix_t_body ON t (body)")
        conn.executemany(
            "INSERT INTO t (body) VALUES (?)", [(f"old {i}" * 20,) for i in range(2000)]
        )
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the file holds state A, the log is empty
        conn.executemany(
            "INSERT INTO t (body) VALUES (?)", [(f"new {i}" * 30,) for i in range(4000)]
        )
        conn.execute("DELETE FROM t WHERE id % 3 = 0")
        conn.commit()  # state B lives in the log only
        crashed = tmp_path / "crashed.sqlite3"
        shutil.copyfile(work, crashed)
        shutil.copyfile(
            work.with_name(work.name + "-wal"), crashed.with_name(crashed.name + "-wal")
        )
    page_size = int.from_bytes(crashed.read_bytes()[16:18], "big")
    wal = crashed.with_name(crashed.name + "-wal").read_bytes()
    frames = [
        wal[start : start + FRAME_HEADER + page_size]
        for start in range(WAL_HEADER, len(wal), FRAME_HEADER + page_size)
    ]
    with open(crashed, "r+b") as db:  # the checkpoint copied every other page, then died
        for frame in frames[::2]:
            page = int.from_bytes(frame[:4], "big")
            db.seek((page - 1) * page_size)
            db.write(frame[FRAME_HEADER:])
    return crashed


def test_a_checkpoint_killed_half_way_is_not_damage(tmp_path: Path) -> None:
    crashed = _half_checkpointed(tmp_path)
    alone = tmp_path / "alone.sqlite3"
    shutil.copyfile(crashed, alone)  # the same file without its log is truly a mix
    assert files.sound(alone, pragma="integrity_check"), "the test did not make a torn file"

    assert files.sound(crashed, pragma="integrity_check") == []
    assert files.sound(crashed) == []
    with closing(sqlite3.connect(crashed)) as conn:  # and SQLite agrees, through the log
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 4000
