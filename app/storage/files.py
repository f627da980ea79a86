"""What a database file is, found out without changing a byte of it.

Before anything opens a file as the database (and sets a pragma, or migrates,
or backs it up), :func:`examine` reads it: SQLite's header says whether it is
a database at all and whether it is whole; its tables, ``application_id`` and
Alembic revision say whether it is ours and how old; ``PRAGMA quick_check``
says whether its pages are sound. Everything is read through a connection that
cannot write (``immutable=1``, or ``mode=ro`` when a write-ahead log holds
newer pages), so a file that is refused — another program's database, one
written by a newer release, a damaged one — keeps exactly the bytes it had.

Backups are found and checked the same way: :func:`find_backups` lists them
newest first, :func:`newest_good_backup` names the newest one that passes.
"""

from __future__ import annotations

import re
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.errors import (
    DatabaseCorruptError,
    DatabaseError,
    DatabaseNotOursError,
    DatabasePermissionError,
    DatabaseTooNewError,
)
from app.storage import errors as db_errors
from app.storage import migrations

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_BYTES = 100
#: ``PRAGMA application_id`` of a Proposal Workbench database ("PWB1"); set since revision 0008
APPLICATION_ID = 0x50574231
#: tables every revision since 0001 has: a database made before 0008 is ours when it has these
CORE_TABLES = frozenset(
    {
        "profile",
        "job_posting",
        "score_card",
        "saved_reply",
        "proposal",
        "proposal_status_change",
        "ledger_entry",
        "setting",
    }
)
#: the folder beside a database where its backups go
BACKUP_FOLDER = "backups"
#: problems ``quick_check`` / ``integrity_check`` list at most
_MAX_PROBLEMS = 5
_STAMP = re.compile(r"(\d{8})[-T](\d{6})")
_WAITS_S = 5.0


@dataclass(frozen=True)
class FileCheck:
    """A file examined: ``missing`` (to be created), ``blank`` (an SQLite file with no
    tables: ours to fill) or ``ours`` (a Proposal Workbench database at ``revision``)."""

    path: Path
    state: str
    revision: str | None = None


@dataclass(frozen=True)
class BackupFile:
    """A backup of a database: where, when it was made (UTC), how big."""

    path: Path
    made_at: datetime
    size: int

    @property
    def label(self) -> str:
        """'2026-11-30 14:02 UTC, 7.5 MB'."""
        return f"{self.made_at:%Y-%m-%d %H:%M} UTC, {human_size(self.size)}"


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


# -- examining one file ----------------------------------------------------------------------


def examine(
    path: Path,
    *,
    check: str | None = "quick_check",
    backups: bool = True,
) -> FileCheck:
    """What ``path`` is, read without writing; a file we must not open raises.

    ``check`` is the pragma that proves the pages sound (``quick_check``,
    ``integrity_check``, or ``None`` to skip it). Raises
    :class:`DatabaseCorruptError` (naming the newest good backup when
    ``backups`` and one exists), :class:`DatabaseNotOursError`,
    :class:`DatabaseTooNewError` or :class:`DatabasePermissionError`.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        return FileCheck(path, "missing")
    except OSError as exc:
        raise _no_access(path, exc) from None
    if stat.S_ISDIR(info.st_mode):
        raise DatabaseError(f"cannot open database {path}: it is a folder")
    try:
        with open(path, "rb") as raw:
            header = raw.read(HEADER_BYTES)
    except OSError as exc:
        raise _no_access(path, exc) from None
    damage = _header_damage(header, info.st_size, _wal_pending(path, header))
    if damage is not None:
        raise _corrupt(path, damage, backups)
    app_id = int.from_bytes(header[68:72], "big")
    user_version = int.from_bytes(header[60:64], "big")
    try:
        with _reader(path, header) as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            revision = _revision(conn) if "alembic_version" in tables else None
    except sqlite3.Error as exc:
        raise _read_failure(path, exc, backups) from None
    except UnicodeDecodeError:  # SQLite's own message quoting the damaged bytes
        raise _corrupt(path, "its schema holds bytes that are not text", backups) from None
    if not tables and app_id in (0, APPLICATION_ID) and user_version == 0:
        return FileCheck(path, "blank")
    ours = app_id == APPLICATION_ID or (
        app_id == 0 and tables >= CORE_TABLES and "alembic_version" in tables
    )
    if not ours:
        raise _not_ours(path, tables, revision)
    if revision is None:
        raise _corrupt(path, "it has Proposal Workbench's tables but no schema revision", backups)
    if not migrations.is_known(revision):
        raise DatabaseTooNewError(
            f"{path} was written by a newer Proposal Workbench (schema {revision}); update the "
            "app to open it (the file was left as it was)"
        )
    if check is not None:
        verify(path, header, check=check, backups=backups)
    return FileCheck(path, "ours", revision)


class CheckStopped(Exception):
    """:func:`verify` / :func:`sound` stopped half-way because ``stop()`` said so: the file
    was neither passed nor failed."""


def verify(
    path: Path,
    header: bytes | None = None,
    *,
    check: str = "quick_check",
    backups: bool = True,
    stop: Callable[[], bool] | None = None,
) -> None:
    """The pages check of :func:`examine` on its own: raises :class:`DatabaseCorruptError`
    (naming the newest good backup when ``backups``) when ``check`` finds a problem.

    The desktop app opens its database with the cheap checks of :func:`examine` only and
    runs this one in the background once its window is up (issue 16); ``stop`` (asked
    every few thousand steps of SQLite's check) ends it early with :class:`CheckStopped`.
    """
    problems = sound(path, header, check, stop=stop)
    if problems:
        raise _corrupt(path, f"{check} found: {summary(problems)}", backups)


def sound(
    path: Path,
    header: bytes | None = None,
    pragma: str = "quick_check",
    *,
    stop: Callable[[], bool] | None = None,
) -> list[str]:
    """What ``PRAGMA quick_check`` (or ``integrity_check``) finds wrong; empty when whole.

    Read under ``immutable=1`` when no write-ahead log is pending (through the log
    when one is, since a checkpoint killed half-way leaves the file whole only with
    its log); a problem found
    that way while another connection has the file open is checked again through
    a normal read-only connection, so a writer changing the file at that moment
    cannot pass for damage.
    """
    if pragma not in ("quick_check", "integrity_check"):
        raise ValueError(pragma)
    if header is None:
        with open(path, "rb") as raw:
            header = raw.read(HEADER_BYTES)
    pending = _wal_pending(path, header)
    # with a log pending, the file alone may be a checkpoint cut off half-way (old and new
    # pages mixed) that the log makes whole: read through the log, as SQLite will
    problems = _run_check(path, header, pragma, shared=pending, stop=stop)
    if problems and not pending and _in_use(path):
        problems = _run_check(path, header, pragma, shared=True, stop=stop)
    return problems


def _in_use(path: Path) -> bool:
    """Whether another connection may be writing the file now: a WAL connection keeps a
    ``-wal`` file beside it while open, a rollback writer a ``-journal``."""
    return any(path.with_name(path.name + s).exists() for s in ("-wal", "-journal"))


#: SQLite virtual-machine steps between two questions to a check's ``stop``
_STOP_EVERY = 20_000


def _run_check(
    path: Path,
    header: bytes,
    pragma: str,
    *,
    shared: bool,
    stop: Callable[[], bool] | None = None,
) -> list[str]:
    try:
        with _reader(path, header, shared=shared) as conn:
            if stop is not None:  # a non-zero answer interrupts the pragma
                conn.set_progress_handler(lambda: int(stop()), _STOP_EVERY)
            rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}({_MAX_PROBLEMS})")]
    except sqlite3.DatabaseError as exc:
        if stop is not None and stop():
            raise CheckStopped(str(path)) from None
        return [str(exc)]
    except UnicodeDecodeError:  # SQLite's message quoted damaged bytes
        return ["the file holds damaged bytes where SQLite expects text"]
    return [] if rows == ["ok"] else rows


def _header_damage(header: bytes, size: int, wal_pending: bool) -> str | None:
    """Why the first 100 bytes and the size are not those of a whole SQLite file, or None.

    With a write-ahead log pending the file may be short of pages the log holds
    (a checkpoint cut off), so its length is only judged without one.
    """
    if size == 0:
        return "it is empty (0 bytes)"
    if size < HEADER_BYTES or not header.startswith(SQLITE_MAGIC):
        return "it is not an SQLite database (its first bytes are not SQLite's header)"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return f"its header names a page size of {page_size} bytes, which SQLite never writes"
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96]  # the page count is current (SQLite 3.7.0 and on)
    if not wal_pending and (size % page_size or (valid and pages * page_size > size)):
        expected = pages * page_size if valid else size - size % page_size + page_size
        return f"it is cut short ({size:,} of {expected:,} bytes)"
    return None


def summary(problems: list[str]) -> str:
    """The first problem a check found, and how many more."""
    first = " ".join(problems[0].replace("*** in database main ***", "").split())
    more = len(problems) - 1
    return first + (f" (and {more}{'+' if more + 1 >= _MAX_PROBLEMS else ''} more)" if more else "")


def _wal_pending(path: Path, header: bytes) -> bool:
    """A write-ahead log beside a WAL database may hold pages newer than the file's."""
    if header[18:20] != b"\x02\x02":
        return False
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


@contextmanager
def _reader(
    path: Path, header: bytes, *, shared: bool | None = None
) -> Iterator[sqlite3.Connection]:
    """A connection that never writes the file: ``immutable=1`` (no lock, no side files) unless
    a write-ahead log is pending or ``shared`` asks for SQLite's locking (``mode=ro``)."""
    if shared is None:
        shared = _wal_pending(path, header)
    mode = "mode=ro" if shared else "immutable=1"
    uri = f"{path.absolute().as_uri()}?{mode}"
    with closing(sqlite3.connect(uri, uri=True, timeout=_WAITS_S)) as conn:
        conn.text_factory = _lenient_text  # a damaged name or revision is not a crash
        yield conn


def _lenient_text(value: bytes) -> str:
    return value.decode("utf-8", "replace")


def _revision(conn: sqlite3.Connection) -> str | None:
    rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    return str(rows[0][0]) if len(rows) == 1 else None


def _no_access(path: Path, exc: OSError) -> DatabaseError:
    return DatabasePermissionError(
        f"cannot read database {path}: {exc.strerror or exc}; check the permissions of the file "
        "and its folder, or choose another with --db"
    )


def _read_failure(path: Path, exc: sqlite3.Error, backups: bool) -> DatabaseError:
    known = db_errors.classify(exc, str(path))
    if isinstance(known, DatabaseCorruptError) or known is None:
        return _corrupt(path, str(exc), backups)
    return known


def _not_ours(path: Path, tables: set[str], revision: str | None) -> DatabaseError:
    names = sorted(t for t in tables if not t.startswith("sqlite_"))
    shown = ", ".join(names[:4]) + (", …" if len(names) > 4 else "")
    schema = f", schema revision {revision!r}" if revision else ""
    return DatabaseNotOursError(
        f"{path} is not a Proposal Workbench database but another program's (tables: {shown}"
        f"{schema}); it was left as it was: choose another file with --db"
    )


def _corrupt(path: Path, why: str, backups: bool) -> DatabaseCorruptError:
    good = newest_good_backup(path) if backups else None
    if good is not None:
        todo = (
            f"the newest good backup is {good.path} ({good.label}): restore it with "
            f"`pwb restore {good.path}`"
        )
    else:
        todo = (
            f"no good backup was found in {backup_folder_of(path)}: open a copy you kept, "
            "or choose another file"
        )
    return DatabaseCorruptError(
        f"database {path} is damaged or not a database ({why}); it was left as it was; {todo}",
        path=path,
        backup=good.path if good else None,
    )


# -- backups ---------------------------------------------------------------------------------


def backup_folder_of(path: Path) -> Path:
    return path.parent / BACKUP_FOLDER


def find_backups(path: Path) -> list[BackupFile]:
    """The backups of the database at ``path``, newest first: the ``backups/`` folder beside
    it (daily, on demand, replaced by a restore) and the copies made before an upgrade."""
    folder = backup_folder_of(path)
    found = list(folder.glob("*.sqlite3")) if folder.is_dir() else []
    found += path.parent.glob(f"{glob_escape(path.name)}.before-*.bak")
    backups = []
    for file in found:
        try:
            size = file.stat().st_size
        except OSError:
            continue
        if file.is_file() and file.resolve() != path.resolve():
            backups.append(BackupFile(file, made_at(file), size))
    return sorted(backups, key=lambda b: (b.made_at, b.path.name), reverse=True)


def made_at(file: Path) -> datetime:
    """When a backup was made, from the stamp in its name (file times move when copied)."""
    found = _STAMP.search(file.name)
    if found:
        try:
            return datetime.strptime("".join(found.groups()), "%Y%m%d%H%M%S").replace(tzinfo=UTC)
        except ValueError:
            pass
    return datetime.fromtimestamp(file.stat().st_mtime, UTC)


def is_good(file: Path, *, check: str = "quick_check") -> bool:
    """Whether ``file`` is a whole Proposal Workbench database this release can open."""
    try:
        found = examine(file, check=check, backups=False)
    except DatabaseError:
        return False
    return found.state == "ours"


def newest_good_backup(path: Path) -> BackupFile | None:
    """The newest backup of ``path`` that is a whole database of ours, if any."""
    for backup in find_backups(path):
        if is_good(backup.path):
            return backup
    return None


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)
