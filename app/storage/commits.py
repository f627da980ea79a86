"""Has anyone committed since I last looked? Cheap, for caches of figures (Insights).

:class:`CommitWatcher` keeps a connection of its own and returns a token that
moves whenever any connection (this app's sessions, ``pwb`` in another
process, another member on the server) commits a change:

* SQLite: ``PRAGMA data_version`` (moves on every commit by another connection);
* PostgreSQL: the server's current transaction snapshot
  (``pg_current_snapshot()``: the next transaction id and the ones in progress).
  A transaction that writes gets an id, so the snapshot moves when it starts
  writing and again when it commits or rolls back; reads do not move it.
  It is the server's, so a commit in another database moves it too: that only
  costs a recomputation, never a stale answer.

A token equal to the last one means nothing was committed in between.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from app.storage.db import Database


class CommitWatcher:
    """``version()``: a token that changes with every commit anywhere in the database."""

    def __init__(self, db: Database) -> None:
        self._sqlite: sqlite3.Connection | None = None
        self._server: Any = None
        if db.path is not None:
            self._sqlite = sqlite3.connect(str(db.path), check_same_thread=False)
        elif db.dialect == "postgresql":
            raw = db.engine.raw_connection()  # a pooled connection of its own, kept
            raw.driver_connection.autocommit = True  # type: ignore[union-attr]
            self._server = raw

    def version(self) -> object | None:
        """The token now; None where no cheap way to ask exists (callers then always compute)."""
        if self._sqlite is not None:
            return int(self._sqlite.execute("PRAGMA data_version").fetchone()[0])
        if self._server is not None:
            cursor = self._server.cursor()
            try:
                cursor.execute("SELECT pg_current_snapshot()::text")
                return str(cursor.fetchone()[0])
            finally:
                cursor.close()
        return None

    def close(self) -> None:
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None
        if self._server is not None:
            self._server.driver_connection.autocommit = False
            self._server.close()
            self._server = None
