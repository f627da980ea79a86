"""Backups of the SQLite database: on demand, and rotating automatic ones.

Automatic backups go to a ``backups/`` folder beside the database, at most one
a day, keeping the newest ``backup.keep`` (a setting). Server databases
(PostgreSQL) are backed up with the server's own tools.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app import clock, settings
from app.errors import DatabaseError
from app.storage.db import Database, backup_sqlite

log = logging.getLogger("pwb.backup")

AUTO_PREFIX = "auto-"
AUTO_INTERVAL = timedelta(days=1)
_STAMP = "%Y%m%d-%H%M%S"


def backup_folder(db: Database) -> Path:
    if db.path is None:
        raise DatabaseError("backups are made for SQLite files only; use your server's tools")
    return db.path.parent / "backups"


def backup_now(
    db: Database,
    dest: Path | None = None,
    *,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write a consistent copy of the database to ``dest`` (default: the backups folder).

    ``progress(done, total)`` counts database pages copied."""
    if dest is None:
        folder = backup_folder(db)
        folder.mkdir(parents=True, exist_ok=True)
        stamp = (now or clock.now()).strftime("%Y%m%d-%H%M%S")
        dest = folder / f"{db.path.stem if db.path else 'workbench'}-{stamp}.sqlite3"
    elif dest.exists():
        raise DatabaseError(f"{dest} exists already; choose a new file name")
    elif not dest.parent.is_dir():
        raise DatabaseError(f"cannot write backup {dest}: folder {dest.parent} does not exist")
    return backup_sqlite(db, dest, progress)


def auto_backup(db: Database, *, now: datetime | None = None) -> Path | None:
    """A daily rotating backup: made when the newest is a day old; keeps ``backup.keep``."""
    if db.path is None or not db.path.exists():
        return None
    now = now or clock.now()
    folder = backup_folder(db)
    existing = sorted(folder.glob(f"{AUTO_PREFIX}*.sqlite3")) if folder.is_dir() else []
    if existing and now - _made_at(existing[-1]) < AUTO_INTERVAL:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / f"{AUTO_PREFIX}{now.strftime(_STAMP)}.sqlite3"
    made = backup_sqlite(db, dest)
    with db.read() as session:
        keep = max(1, int(settings.get(session, "backup.keep")))
    for old in sorted(folder.glob(f"{AUTO_PREFIX}*.sqlite3"))[:-keep]:
        old.unlink(missing_ok=True)
    log.info("automatic backup %s", made)
    return made


def _made_at(path: Path) -> datetime:
    """When an automatic backup was made, from its name (file times move when copied)."""
    try:
        return datetime.strptime(path.stem[len(AUTO_PREFIX) :], _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)
