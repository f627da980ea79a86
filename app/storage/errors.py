"""Database failures a user can cause or fix, told apart from bugs (qutebrowser's
``raise_sqlite_error``): busy, read-only, permission, disk full, I/O and corrupt.

:func:`install` hooks an engine so that every statement, commit and connect
that fails for one of these reasons raises a :class:`~app.errors.DatabaseError`
subclass with one line that names the database and says what to do; anything
else (a constraint, a syntax error: our bug) passes through unchanged.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine, ExceptionContext
from sqlalchemy.exc import SQLAlchemyError

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

NOT_SAVED = "nothing was saved"

# SQLite's primary result codes (https://sqlite.org/rescode.html); the low byte of an extended code
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_NOMEM = 3, 5, 6, 7
_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL = 8, 10, 11, 13
_SQLITE_CANTOPEN, _SQLITE_AUTH, _SQLITE_NOTADB = 14, 23, 26


def _sqlite(code: int, where: str) -> DatabaseError | None:
    primary = code & 0xFF
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return DatabaseBusyError(
            f"database {where} is locked by another program that is writing to it; "
            f"{NOT_SAVED}: try again in a moment, or close the other program"
        )
    if primary == _SQLITE_READONLY:
        return DatabaseReadOnlyError(
            f"database {where} is read-only (the file or its folder cannot be written); "
            f"{NOT_SAVED}: allow writing to both, or open a copy with --db"
        )
    if primary in (_SQLITE_PERM, _SQLITE_AUTH, _SQLITE_CANTOPEN):
        return DatabasePermissionError(
            f"cannot open database {where}: permission denied or the folder cannot be "
            "written; check the permissions of the file and its folder, or choose another with --db"
        )
    if primary == _SQLITE_FULL:
        return DatabaseFullError(
            f"the disk holding database {where} is full; {NOT_SAVED}: free some space and try again"
        )
    if primary in (_SQLITE_IOERR, _SQLITE_NOMEM):
        return DatabaseIOError(
            f"cannot read or write database {where} (disk or I/O error); {NOT_SAVED}: check the "
            "disk, then restore a copy from the backups folder if the error stays"
        )
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return DatabaseCorruptError(
            f"database {where} is damaged or not a database; restore a copy from the backups "
            "folder beside it (`pwb backup` makes one of a good database)"
        )
    return None


#: PostgreSQL SQLSTATE (https://www.postgresql.org/docs/current/errcodes-appendix.html)
def _postgres(sqlstate: str, where: str) -> DatabaseError | None:
    if sqlstate in ("55P03", "40P01", "40001", "57014"):
        return DatabaseBusyError(
            f"database {where} is busy (a lock or a conflicting transaction); "
            f"{NOT_SAVED}: try again in a moment"
        )
    if sqlstate == "25006":
        return DatabaseReadOnlyError(
            f"database {where} is read-only for this connection; {NOT_SAVED}: connect to the "
            "primary server or ask its administrator"
        )
    if sqlstate == "42501" or sqlstate.startswith("28"):
        return DatabasePermissionError(
            f"database {where} refused this user (permission or password); ask the server's "
            "administrator for access"
        )
    if sqlstate == "53100":
        return DatabaseFullError(
            f"the disk of database server {where} is full; {NOT_SAVED}: ask its administrator"
        )
    if sqlstate.startswith("53") or sqlstate == "58030":
        return DatabaseIOError(
            f"database server {where} failed to read or write ({sqlstate}); {NOT_SAVED}: try "
            "again, or ask its administrator"
        )
    if sqlstate in ("XX001", "XX002"):
        return DatabaseCorruptError(
            f"database {where} reports damaged data ({sqlstate}); ask its administrator to "
            "restore a backup"
        )
    if sqlstate.startswith("08") or sqlstate.startswith("57P"):
        return _unavailable(where)
    return None


def _unavailable(where: str) -> DatabaseError:
    return DatabaseUnavailableError(
        f"database server {where} cannot be reached or closed the connection; {NOT_SAVED}: "
        "check that it is running and reachable, then try again"
    )


def classify(exc: BaseException, where: str) -> DatabaseError | None:
    """The user-facing error for a driver failure, or ``None`` when it is a bug."""
    if isinstance(exc, DatabaseError):
        return exc
    orig: Any = getattr(exc, "orig", None) or exc
    if isinstance(orig, sqlite3.Error):
        code = getattr(orig, "sqlite_errorcode", None)
        if code is None:
            return None
        return _sqlite(code, where)
    sqlstate = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if isinstance(sqlstate, str) and sqlstate:
        return _postgres(sqlstate, where)
    if getattr(exc, "connection_invalidated", False) or type(orig).__name__ == "OperationalError":
        # a driver's connection failure without a SQLSTATE (refused, reset, timed out)
        module = type(orig).__module__.split(".")[0]
        if module in ("psycopg", "psycopg2", "pg8000", "asyncpg"):
            return _unavailable(where)
    return None


@contextmanager
def classified(where: str) -> Iterator[None]:
    """Within the block, a driver failure a user can fix becomes its DatabaseError.

    The engine hook sees what goes through SQLAlchemy; this also catches the raw
    ``sqlite3`` cursors that bulk writes use, and text the driver cannot decode.
    """
    try:
        yield
    except (sqlite3.Error, SQLAlchemyError) as exc:
        known = classify(exc, where)
        if known is None or known is exc:
            raise
        raise known from exc
    except UnicodeDecodeError as exc:  # SQLite promised UTF-8: bytes that are not are damage
        raise DatabaseCorruptError(
            f"database {where} holds text that is not valid UTF-8 (a damaged page); run "
            "`pwb check`, then restore a copy from the backups folder beside it"
        ) from exc


def install(engine: Engine, where: str) -> None:
    """Make every failed statement, commit or connect on ``engine`` raise a classified error."""

    def on_error(context: ExceptionContext) -> None:
        known = classify(context.original_exception, where)
        if known is not None:
            raise known from context.original_exception

    event.listen(engine, "handle_error", on_error)
