"""Has someone else changed the database? Cheap detection for the window to refresh.

:class:`ChangeWatcher` answers :meth:`~ChangeWatcher.wait` with the areas
(jobs, proposals, ledger, replies, profiles) that changed since it last
looked, blocking at most ``timeout`` seconds. It is meant to run on a worker
thread of its own (``ui.watch``); it owns its connection and never touches
the app's sessions.

- **SQLite**: ``PRAGMA data_version`` on a connection of the watcher's own
  moves whenever *another* connection commits (another member's ``pwb``, a
  second window, this app's own sessions); reading it costs microseconds and
  no lock. Only when it moved are the areas' fingerprints (row count and
  newest ``updated_at`` / id, from indexes) compared to say *what* changed.
- **PostgreSQL**: every committing session of this app sends
  ``NOTIFY pwb_changes`` (:func:`notify_on_commit`); the watcher ``LISTEN``\\ s
  on a connection of its own and wakes when one arrives, then compares the
  same fingerprints. Nothing is polled.
"""

from __future__ import annotations

import logging
import select as select_module
import sqlite3
import time
from typing import Any

from sqlalchemy import event, func, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from app.storage.models import JobPosting, LedgerEntry, Profile, Proposal, SavedReply

log = logging.getLogger("pwb.storage.changes")

CHANNEL = "pwb_changes"
AREAS = ("jobs", "proposals", "ledger", "replies", "profiles")
#: seconds between two looks at ``data_version`` on SQLite
POLL_SECONDS = 0.5

_FINGERPRINTS = {
    "jobs": select(func.count(), func.max(JobPosting.updated_at), func.max(JobPosting.id)),
    "proposals": select(func.count(), func.max(Proposal.updated_at), func.max(Proposal.id)),
    "ledger": select(func.count(), func.max(LedgerEntry.id)),
    "replies": select(func.count(), func.max(SavedReply.updated_at), func.sum(SavedReply.version)),
    "profiles": select(func.count(), func.max(Profile.updated_at), func.sum(Profile.version)),
}


def fingerprints(session: Session) -> dict[str, tuple[Any, ...]]:
    """A small tuple per area that changes whenever a row of it is added, saved or removed."""
    return {area: tuple(session.execute(query).one()) for area, query in _FINGERPRINTS.items()}


class ChangeWatcher:
    """Tells which areas other connections changed; see the module's docstring."""

    def __init__(self, engine: Engine, *, poll_seconds: float = POLL_SECONDS) -> None:
        self.engine = engine
        self.poll_seconds = poll_seconds
        self._closed = False
        self._sqlite: sqlite3.Connection | None = None
        self._listener: Any = None
        if engine.dialect.name == "sqlite":
            path = engine.url.database
            self._sqlite = sqlite3.connect(str(path), check_same_thread=False)
            self._version = self._data_version()
        else:
            self._listener = self._listen()
        with Session(engine) as session:
            self._prints = fingerprints(session)

    def _data_version(self) -> int:
        assert self._sqlite is not None
        return int(self._sqlite.execute("PRAGMA data_version").fetchone()[0])

    def _listen(self) -> Any:
        raw = self.engine.raw_connection()
        driver: Any = raw.driver_connection
        assert driver is not None
        raw.detach()  # ours alone: never handed back to the pool
        driver.autocommit = True
        driver.execute(f"LISTEN {CHANNEL}")
        return driver

    def wait(self, timeout: float) -> set[str]:
        """The areas changed since the last call; empty after ``timeout`` seconds of quiet."""
        if self._closed:
            return set()
        if self._sqlite is not None:
            if not self._sqlite_moved(timeout):
                return set()
        elif not self._notified(timeout):
            return set()
        return self._changed_areas()

    def _sqlite_moved(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not self._closed:
            version = self._data_version()
            if version != self._version:
                self._version = version
                return True
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            time.sleep(min(self.poll_seconds, left))
        return False

    def _notified(self, timeout: float) -> bool:
        conn = self._listener
        # psycopg 3: wait on the socket, then drain what arrived
        ready, _w, _x = select_module.select([conn.fileno()], [], [], timeout)
        if not ready:
            return False
        return any(True for _note in conn.notifies(timeout=0, stop_after=1000))

    def _changed_areas(self) -> set[str]:
        with Session(self.engine) as session:
            prints = fingerprints(session)
        changed = {area for area in AREAS if prints[area] != self._prints.get(area)}
        self._prints = prints
        return changed

    def close(self) -> None:
        self._closed = True
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None
        if self._listener is not None:
            try:
                self._listener.close()
            finally:
                self._listener = None


def _notify(session: Session) -> None:
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        # delivered to listeners when (and only if) this transaction commits
        session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": CHANNEL})


def notify_on_commit() -> None:
    """Make every committing session send ``NOTIFY pwb_changes`` with its commit (PostgreSQL)."""
    if not event.contains(Session, "before_commit", _notify):
        event.listen(Session, "before_commit", _notify)
