"""Seeing what other members changed: a worker thread that watches the database.

The detection is :class:`app.storage.changes.ChangeWatcher` (``PRAGMA
data_version`` on SQLite, ``LISTEN``/``NOTIFY`` on PostgreSQL); this thread
only waits on it, off the GUI thread, and emits :attr:`DatabaseWatch.changed`
with the areas that changed. The window turns those into the context's
change signals, so every page refreshes as if the change had been made here.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThread, Signal

from app.errors import WorkbenchError
from app.storage import Database
from app.storage.changes import ChangeWatcher

log = logging.getLogger("pwb.ui.watch")

#: seconds one wait may block before the thread looks whether it should stop
WAIT_SECONDS = 0.5


class DatabaseWatch(QThread):
    """Runs a :class:`ChangeWatcher` until :meth:`stop`; ``changed(list[str])`` per change."""

    changed = Signal(list)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._stopping = False
        self.setObjectName("databaseWatch")

    def run(self) -> None:
        try:
            watcher = ChangeWatcher(self._db.engine)
        except Exception:  # a watch that cannot start only costs the live refresh
            log.exception("cannot watch %s for changes", self._db.location)
            return
        try:
            while not self._stopping:
                try:
                    areas = watcher.wait(WAIT_SECONDS)
                except WorkbenchError as exc:  # the server went away: try again later
                    log.warning("watching for changes: %s", exc)
                    self.msleep(2000)
                    continue
                if areas and not self._stopping:
                    self.changed.emit(sorted(areas))
        finally:
            watcher.close()

    def stop(self) -> None:
        """Ask the thread to end, and wait until it has."""
        self._stopping = True
        self.wait()
