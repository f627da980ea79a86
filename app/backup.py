"""Backups of the SQLite database: on demand, rotating automatic ones, and restoring one.

Automatic backups go to a ``backups/`` folder beside the database, at most one
a day, keeping the newest ``backup.keep`` (a setting). Every copy is checked
(``PRAGMA quick_check``) before it gets its name, so rotation only ever makes
room for a good copy. :func:`restore` puts a backup in the database's place
after checking it, keeping the database it replaces. Server databases
(PostgreSQL) are backed up with the server's own tools.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app import clock, paths, settings
from app.errors import DatabaseError
from app.storage import files
from app.storage.db import Database, backup_sqlite
from app.storage.files import BackupFile

log = logging.getLogger("pwb.backup")

AUTO_PREFIX = "auto-"
AUTO_INTERVAL = timedelta(days=1)
_STAMP = "%Y%m%d-%H%M%S"


def backup_folder(db: Database) -> Path:
    if db.path is None:
        raise DatabaseError("backups are made for SQLite files only; use your server's tools")
    return files.backup_folder_of(db.path)


def list_backups(path: Path) -> list[BackupFile]:
    """The backups of the database file at ``path``, newest first (each with date and size)."""
    return files.find_backups(path)


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
    return files.made_at(path)


# -- restoring -------------------------------------------------------------------------------

#: the name a restore gives the database it replaces, in the backups folder
REPLACED_PREFIX = "before-restore-"


@dataclass(frozen=True)
class Restored:
    """What :func:`restore` did: the backup now in place, and where the replaced file went."""

    database: Path
    backup: Path
    revision: str | None
    #: the database that was replaced, kept in the backups folder (None: there was none)
    kept: Path | None


def restore(path: Path, backup: Path, *, now: datetime | None = None) -> Restored:
    """Put ``backup`` in the place of the database file at ``path``.

    The backup is checked first (``PRAGMA integrity_check``: ours, whole, a
    schema this release knows); the database it replaces (with its
    write-ahead log) is moved, byte for byte, to
    ``backups/before-restore-STAMP.sqlite3``, so a restore can itself be undone
    by restoring that. Refused while the window has the database open in
    another process. Nothing needs to be open on ``path``: a damaged database
    is restored the same way. The next open upgrades an older backup.
    """
    backup, path = backup.expanduser(), path.expanduser()
    if not backup.is_file():
        raise DatabaseError(f"no such backup: {backup}")
    if backup.resolve() == path.resolve():
        raise DatabaseError(f"{backup} is the database itself; choose one of its backups")
    if not path.parent.is_dir():
        raise DatabaseError(f"cannot restore to {path}: folder {path.parent} does not exist")
    holder = open_elsewhere(path)
    if holder is not None:
        raise DatabaseError(
            f"{path} is open in a Proposal Workbench window (process {holder}); close it, then "
            "restore (or use File → Restore backup… in that window)"
        )
    try:
        checked = files.examine(backup, check="integrity_check", backups=False)
    except DatabaseError as exc:
        raise DatabaseError(f"cannot restore {backup}: {exc.message}") from None
    if checked.state != "ours":
        raise DatabaseError(f"cannot restore {backup}: it is an empty database, not a backup")
    stamp = (now or clock.now()).strftime(_STAMP)
    incoming = path.with_name(path.name + ".restoring")
    _copy_database(backup, incoming)
    kept = _move_aside(path, files.backup_folder_of(path) / f"{REPLACED_PREFIX}{stamp}.sqlite3")
    try:
        os.replace(incoming, path)
    except OSError as exc:
        if kept is not None:
            _move_aside(kept, path)
        incoming.unlink(missing_ok=True)
        raise DatabaseError(f"cannot restore {backup} to {path}: {exc.strerror}") from None
    log.info("restored %s from %s (replaced file kept as %s)", path, backup, kept)
    return Restored(database=path, backup=backup, revision=checked.revision, kept=kept)


def _copy_database(source: Path, dest: Path) -> None:
    """A consistent copy of the database file ``source`` (its WAL included), fsynced."""
    uri = f"{source.absolute().as_uri()}?mode=ro"
    dest.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(uri, uri=True)) as src, closing(sqlite3.connect(dest)) as out:
            src.backup(out)
            out.execute("PRAGMA journal_mode = DELETE")
        with open(dest, "rb+") as written:
            os.fsync(written.fileno())
    except (OSError, sqlite3.Error) as exc:
        dest.unlink(missing_ok=True)
        raise DatabaseError(f"cannot copy {source} to {dest}: {exc}") from None


def _move_aside(path: Path, dest: Path) -> Path | None:
    """Move a database file and its ``-wal`` to ``dest`` (its ``-shm`` is rebuilt, so dropped)."""
    if not path.exists():
        return None
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        for suffix in ("-wal", ""):
            side = path.with_name(path.name + suffix)
            if side.exists():
                shutil.move(side, dest.with_name(dest.name + suffix))
        path.with_name(path.name + "-shm").unlink(missing_ok=True)
    except OSError as exc:
        raise DatabaseError(f"cannot move {path} to {dest}: {exc.strerror}") from None
    return dest


def lock_file(path: Path) -> Path:
    """The file the desktop app holds while it has the database at ``path`` open (a QLockFile)."""
    return paths.lock_file(path)


def open_elsewhere(path: Path) -> int | None:
    """The process id of a window on this computer holding ``path`` open, other than this one.

    Reads the lock file the window holds (Qt's ``QLockFile``: process id, app
    name and host name, one a line); a lock whose process is gone is stale.
    """
    try:
        lines = lock_file(path).read_text(encoding="utf-8", errors="replace").splitlines()
        pid = int(lines[0])
    except (OSError, ValueError, IndexError):
        return None
    host = lines[2] if len(lines) > 2 else ""
    if host and host != socket.gethostname():
        return pid  # another computer's window on a shared folder: its process cannot be asked
    if pid == os.getpid():
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return pid  # alive, another user's
    return pid
