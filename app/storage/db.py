"""Opening a database: location, engine, SQLite pragmas, migrations on open."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, func, inspect, select
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app import clock
from app.errors import (
    DatabaseCorruptError,
    DatabaseError,
    DatabaseNotOursError,
    DatabaseTooNewError,
)
from app.storage import changes, files, members, migrations
from app.storage import errors as db_errors
from app.storage.models import Base

log = logging.getLogger("pwb.storage")
changes.notify_on_commit()  # PostgreSQL: every commit tells the other members' windows

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
    #: who acts in this database's sessions (``--member`` / ``$PWB_MEMBER``); None: the owner
    member: str | None = None

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
        try:
            with db_errors.classified(self.location), factory() as session, session.begin():
                session.info[members.INFO_NAME] = self.member
                yield session
        except StaleDataError:  # two saves from one version at the same moment: one is told
            raise members.ConflictError(
                "what you saved was changed by someone else at the same moment; nothing was "
                "saved — reload or overwrite?"
            ) from None

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading: nothing done in it is ever committed.

        Closing it ends its transaction without a commit (anything written is
        rolled back) and keeps the loaded objects readable after the block.
        """
        with db_errors.classified(self.location), self.session_factory() as session:
            session.info[members.INFO_NAME] = self.member
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


def open_database(
    target: str, *, migrate: bool = True, backup: bool = True, verify: bool = True
) -> Database:
    """Open (creating if needed) the database at ``target`` and bring it to head.

    A plain path is an SQLite file whose folder must exist. Before anything
    opens it (a pragma, a migration, a backup) the file is examined without
    writing (:func:`app.storage.files.examine`): another program's database,
    one from a newer release and a damaged one are refused with their bytes
    unchanged; ``verify`` runs ``PRAGMA quick_check`` on the way (worker
    processes of an app that checked already pass False). An older schema is
    upgraded in place after a backup copy is made next to it; a database at
    head is never copied.
    """
    url = to_url(target)
    path = _sqlite_path(url)
    found = None
    if path is not None:
        if not path.parent.is_dir():
            raise DatabaseError(f"cannot open database {path}: folder {path.parent} does not exist")
        found = files.examine(path, check="quick_check" if verify else None)
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
        try:
            _migrate(db, backup=backup and found is not None and found.state == "ours")
        except BaseException:
            db.close()
            raise
    return db


def sqlite_file(target: str) -> Path | None:
    """The SQLite file ``target`` names (a path or an ``sqlite:///`` URL); None for a server."""
    return _sqlite_path(to_url(target))


def reopen(db: Database) -> None:
    """Open ``db`` afresh after its file was replaced (a restore): check it, bring it to head.

    Every pooled connection is closed first, so the next session reads the
    new file; the Database object (and whatever holds it) stays the same.
    """
    db.engine.dispose()
    found = files.examine(db.path, check="quick_check") if db.path is not None else None
    _migrate(db, backup=found is not None and found.state == "ours")


def _describe(url: URL) -> str:
    path = _sqlite_path(url)
    return str(path) if path else url.render_as_string(hide_password=True)


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig or exc).splitlines()[0]


def _migrate(db: Database, *, backup: bool) -> None:
    """Bring the schema to head; a copy of the file first when there is a schema to change."""
    try:
        with db.engine.connect() as conn:
            current = migrations.current_revision(conn)
            tables = set(inspect(conn).get_table_names())
        head = migrations.head_revision()
        if current == head:
            return
        if current is None and tables:
            raise DatabaseNotOursError(
                f"{db.location} is not a Proposal Workbench database (it has tables but no "
                "schema revision); it was left as it was: choose another with --db"
            )
        if current is not None and not migrations.is_known(current):
            raise DatabaseTooNewError(
                f"{db.location} was written by a newer Proposal Workbench (schema {current}); "
                "update the app to open it (the database was left as it was)"
            )
        if current is not None and backup and db.path is not None:
            backup_before_migration(db, current)
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

    The copy is written beside ``dest``, switched to a rollback journal (so
    reading it later leaves no ``-wal``/``-shm`` files), checked with
    ``PRAGMA quick_check`` and only then given its name: a copy that does not
    pass is deleted and refused, never kept as a backup. With
    ``progress(done, total)`` (pages) it copies in steps and reports after each;
    SQLite restarts the copy if another connection writes in between, so the copy
    is consistent either way.
    """
    if db.path is None:
        raise DatabaseError("backups are made for SQLite files only; use your server's tools")
    tmp = dest.with_name(dest.name + ".part")
    raw = db.engine.raw_connection()
    try:
        src: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
        with closing(sqlite3.connect(tmp)) as target:
            if progress is None:
                src.backup(target)
            else:
                src.backup(
                    target,
                    pages=BACKUP_STEP_PAGES,
                    progress=lambda _status, remaining, total: progress(total - remaining, total),
                )
            target.execute("PRAGMA journal_mode = DELETE")
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        known = db_errors.classify(exc, db.location)
        if isinstance(known, DatabaseError) and not isinstance(exc, OSError):
            raise known from None
        raise DatabaseError(f"cannot write backup {dest}: {exc}") from None
    finally:
        raw.close()
    problems = files.sound(tmp)
    if problems:
        tmp.unlink(missing_ok=True)
        raise DatabaseCorruptError(
            f"the backup of {db.location} did not pass its check ({files.summary(problems)}), so it "
            "was not kept: the database itself may be damaged; run `pwb check`"
        )
    shutil.move(tmp, dest)
    return dest
