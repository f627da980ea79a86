"""Opening a database: location, engine, SQLite pragmas, migrations on open."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, func, inspect, select
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app import clock
from app.errors import DatabaseError
from app.storage import errors as db_errors
from app.storage import migrations
from app.storage.models import Base

log = logging.getLogger("pwb.storage")

BUSY_TIMEOUT_MS = 5000


def to_url(target: str) -> URL:
    """A plain path means SQLite; anything with ``://`` is a SQLAlchemy URL."""
    if "://" in target:
        try:
            return make_url(target)
        except ArgumentError as exc:
            raise DatabaseError(f"not a database URL: {target!r} ({exc})") from None
    path = Path(target).expanduser()
    return URL.create("sqlite", database=str(path))


def _sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def _set_sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def make_engine(url: URL) -> Engine:
    """An engine whose failures a user can fix (locked, read-only, full...) are DatabaseErrors."""
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _set_sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    db_errors.install(engine, _describe(url))
    return engine


@dataclass
class Database:
    """An open, migrated database. Make one session per user action.

    ``transaction()`` is for a change (it commits, or rolls back on error);
    ``read()`` is for a question (whatever happens in it is rolled back).
    """

    url: URL
    engine: Engine
    session_factory: sessionmaker[Session]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def location(self) -> str:
        """Where the data is, for the status bar: a file path or a URL without password."""
        path = _sqlite_path(self.url)
        if path is not None:
            return str(path)
        return self.url.render_as_string(hide_password=True)

    @property
    def path(self) -> Path | None:
        return _sqlite_path(self.url)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one transaction: committed when the block ends, rolled back on error."""
        factory = self.session_factory
        with db_errors.classified(self.location), factory() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading: nothing done in it is ever committed.

        Closing it ends its transaction without a commit (anything written is
        rolled back) and keeps the loaded objects readable after the block.
        """
        with db_errors.classified(self.location), self.session_factory() as session:
            yield session

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            return migrations.current_revision(conn)

    def row_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        with self.read() as session:
            for table in Base.metadata.sorted_tables:
                counts[table.name] = session.scalar(select(func.count()).select_from(table)) or 0
        return counts

    def close(self) -> None:
        self.engine.dispose()


def open_database(target: str, *, migrate: bool = True, backup: bool = True) -> Database:
    """Open (creating if needed) the database at ``target`` and bring it to head.

    A plain path is an SQLite file whose folder must exist. An older schema is
    upgraded in place after a backup copy of the file is made next to it.
    """
    url = to_url(target)
    path = _sqlite_path(url)
    if path is not None:
        if not path.parent.is_dir():
            raise DatabaseError(f"cannot open database {path}: folder {path.parent} does not exist")
        if path.is_dir():
            raise DatabaseError(f"cannot open database {path}: it is a folder")
    try:
        engine = make_engine(url)
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except (OperationalError, SQLAlchemyError, ModuleNotFoundError) as exc:
        raise DatabaseError(f"cannot open database {_describe(url)}: {_reason(exc)}") from None
    db = Database(
        url=url, engine=engine, session_factory=sessionmaker(engine, expire_on_commit=False)
    )
    if migrate:
        _migrate(db, backup=backup)
    return db


def _describe(url: URL) -> str:
    path = _sqlite_path(url)
    return str(path) if path else url.render_as_string(hide_password=True)


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig or exc).splitlines()[0]


def _migrate(db: Database, *, backup: bool) -> None:
    try:
        with db.engine.connect() as conn:
            current = migrations.current_revision(conn)
            has_tables = bool(inspect(conn).get_table_names())
        head = migrations.head_revision()
        if current == head:
            return
        if current is None and has_tables:
            raise DatabaseError(
                f"{db.location} is not a Proposal Workbench database (it has tables but no "
                "schema revision)"
            )
        if current is not None and backup and db.path is not None:
            backup_before_migration(db, current)
        if current is not None and not migrations.is_known(current):
            raise DatabaseError(
                f"{db.location} was written by a newer Proposal Workbench (schema {current}); "
                "update the app"
            )
        with db.engine.begin() as conn:
            migrations.upgrade(conn)
        log.info("database %s migrated from %s to %s", db.location, current, head)
    except DatabaseError:
        raise
    except SQLAlchemyError as exc:
        raise DatabaseError(f"cannot migrate database {db.location}: {_reason(exc)}") from None


def backup_before_migration(db: Database, revision: str) -> Path:
    """Copy the SQLite file (consistently, WAL included) before changing its schema."""
    assert db.path is not None
    stamp = clock.now().strftime("%Y%m%dT%H%M%S")
    dest = db.path.with_name(f"{db.path.name}.before-{revision}-{stamp}.bak")
    backup_sqlite(db, dest)
    return dest


#: pages SQLite copies per step when the caller watches progress (4 MB at 4 KB a page)
BACKUP_STEP_PAGES = 1024


def backup_sqlite(
    db: Database, dest: Path, progress: Callable[[int, int], None] | None = None
) -> Path:
    """A consistent copy of an SQLite database through SQLite's online backup API.

    With ``progress(done, total)`` (pages) it copies in steps and reports after each;
    SQLite restarts the copy if another connection writes in between, so the copy
    is consistent either way."""
    if db.path is None:
        raise DatabaseError("backups are made for SQLite files only; use your server's tools")
    tmp = dest.with_name(dest.name + ".part")
    raw = db.engine.raw_connection()
    try:
        src: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
        with sqlite3.connect(tmp) as target:
            if progress is None:
                src.backup(target)
            else:
                src.backup(
                    target,
                    pages=BACKUP_STEP_PAGES,
                    progress=lambda _status, remaining, total: progress(total - remaining, total),
                )
        target.close()
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseError(f"cannot write backup {dest}: {exc}") from None
    finally:
        raw.close()
    shutil.move(tmp, dest)
    return dest
