"""The watch folder in the GUI: QFileSystemWatcher says when to look, a timer waits for
files to stop changing, and each ready file is imported off the GUI thread.

The deciding is :class:`app.watch_folder.FolderScan` (size and mtime stable over an
interval, each version once) and the import :func:`app.watch_folder.import_watched`
(the ordinary import: exact, on record, undoable; a file imported before is skipped).
What each file did is one line in the log and in the notice.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from app.watch_folder import STABLE_SECONDS, FolderScan, WatchedImport, import_watched
from ui.context import AppContext
from ui.ops import Change, announce
from ui.tasks import Progress, run_task

log = logging.getLogger("pwb.ui.watch_folder")

#: how often a folder with a file still changing is looked at again
POLL_MS = 500
#: how often the folder is looked at anyway (a change the watcher missed: network folders)
SWEEP_MS = 30_000


class FolderWatch(QObject):
    """Imports the files that arrive in one folder (none while ``folder`` is None)."""

    #: a file was handled (what it did), after the database committed
    imported = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        parent: QObject,
        *,
        notify: Callable[[list[WatchedImport]], None] | None = None,
        stable_seconds: float = STABLE_SECONDS,
        poll_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.folder: Path | None = None
        self.stable_seconds = stable_seconds
        self.scan: FolderScan | None = None
        self._notify = notify
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _path: self.poke())
        self.timer = QTimer(self, singleShot=True, interval=poll_ms)
        self.timer.timeout.connect(self.check)
        self.sweep = QTimer(self, interval=SWEEP_MS)
        self.sweep.timeout.connect(self.poke)
        self.queue: list[Path] = []
        self.busy = False
        #: every file handled so far, in order (tests and the notice read it)
        self.results: list[WatchedImport] = []

    def set_folder(self, folder: Path | None) -> None:
        """Watch ``folder`` (None: stop); files already in it are imported too."""
        if folder == self.folder:
            return
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        self.queue.clear()
        self.folder = folder
        self.scan = None if folder is None else FolderScan(folder, self.stable_seconds)
        if folder is not None:
            if not self.watcher.addPath(str(folder)):
                log.warning(
                    "cannot watch %s for changes; it is looked at every few seconds", folder
                )
            self.poke()
            self.sweep.start()
        else:
            self.timer.stop()
            self.sweep.stop()

    def poke(self) -> None:
        """Something changed in the folder: look again after the interval."""
        if self.scan is not None and not self.timer.isActive():
            self.timer.start()

    def check(self) -> None:
        """Hand ready files to the importer; look again while some file is still changing."""
        if self.scan is None:
            return
        self.queue.extend(self.scan.scan(time.monotonic()))
        if self.scan.waiting:
            self.timer.start()
        self._next()

    def _next(self) -> None:
        if self.busy or not self.queue:
            return
        path, db = self.queue.pop(0), self.ctx.db
        self.busy = True

        def work(_progress: Progress) -> WatchedImport:
            return import_watched(db, path)

        self.task = run_task(work, on_done=self._done, on_error=self._failed, parent=self)

    def _done(self, result: WatchedImport) -> None:
        self.busy = False
        self.results.append(result)
        (log.warning if result.error else log.info)("watch folder: %s", result.summary())
        if result.added or result.updated:
            announce(self.ctx, Change.JOBS)
        self.ctx.message.emit(self.tr("Watch folder: {summary}").format(summary=result.summary()))
        self.imported.emit(result)
        if self._notify is not None and not result.duplicate:
            self._notify([result])
        self._next()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        log.error("watch folder import failed: %s", exc)
        self._next()
