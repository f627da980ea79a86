"""One writer at a time where a read decides what to write (the ledger's catch-up).

:func:`serialize_writes` makes the session's transaction the only writer of
the database from that point until it ends, so that what it reads next (which
months have their allocation, which lots have expired) cannot be changed by
another process before it commits. On SQLite the transaction begins with
``BEGIN IMMEDIATE`` (the write lock is taken first; another writer waits up to
the busy timeout); on PostgreSQL a transaction-scoped advisory lock
(``pg_advisory_xact_lock``) keyed by ``name`` does the same for every process
that asks for that name. Everything dialect-specific about it is here.
"""

from __future__ import annotations

import hashlib
import sqlite3

from sqlalchemy import text
from sqlalchemy.orm import Session


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for ``name`` (PostgreSQL advisory locks take a bigint)."""
    digest = hashlib.blake2b(f"proposal-workbench:{name}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def serialize_writes(session: Session, name: str = "ledger") -> None:
    """From here to the end of the session's transaction, no other writer runs beside it.

    On SQLite, a transaction that has not written yet is begun with ``BEGIN
    IMMEDIATE`` (one that has written holds the write lock already, and in WAL
    mode reads the newest data from then on). Waiting longer than the busy
    timeout raises :class:`~app.errors.DatabaseBusyError` through the
    session's error handling.
    """
    connection = session.connection()
    dialect = connection.dialect.name
    if dialect == "sqlite":
        driver = connection.connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        if not driver.in_transaction:
            driver.execute("BEGIN IMMEDIATE")
    elif dialect == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key(name)})


def snapshot(session: Session) -> None:
    """Read everything that follows in the session from one moment of the database.

    On SQLite the driver runs reads outside a transaction, each from the
    moment it runs; a deferred ``BEGIN`` makes the next read take a snapshot
    that lasts until the session ends (in WAL mode writers carry on beside it).
    PostgreSQL's ``REPEATABLE READ`` would do the same; its default reads each
    statement fresh, which is what the other dialects get.
    """
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        driver = connection.connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        if not driver.in_transaction:
            driver.execute("BEGIN")
