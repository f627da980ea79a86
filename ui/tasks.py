"""Slow work off the GUI thread (as Anki's QueryOp / Picard's run_task).

``run_task(fn, on_done=..., on_error=...)`` runs ``fn(progress)`` on the
global QThreadPool. The result, a :class:`app.errors.WorkbenchError`, or a
bug comes back to the GUI thread through queued signals. ``fn`` must open its
own database session: sessions never cross threads.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

if TYPE_CHECKING:
    import logging


def _log() -> logging.Logger:
    """The logger, with :mod:`logging` imported when first needed (not before the
    window's first paint: issue 16)."""
    import logging

    return logging.getLogger("pwb.ui.tasks")


class Cancelled(Exception):
    """Raised inside a task by :meth:`Progress.check` after the user cancelled."""


class Progress:
    """Handed to a task: report progress, and learn whether to stop."""

    def __init__(self, key: int, bridge: _TaskBridge) -> None:
        self._key = key
        self._bridge = bridge
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        self._bridge.progress.emit(self._key, done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled


class _TaskBridge(QObject):
    """Carries every task's news from the pool to the GUI thread, by the task's key.

    One object for the life of the program, connected once to module functions,
    so a task is never the receiver of its own report: a task that was, and
    dropped its last reference in that slot, was destroyed inside its own event
    (the segfault ui.ops's bridge explains).
    """

    progress = Signal(int, int, int, str)
    done = Signal(int, object)
    failed = Signal(int, object)
    cancelled = Signal(int)


_BRIDGE: _TaskBridge | None = None


def _bridge() -> _TaskBridge:
    """The bridge, made on the GUI thread by the first task that starts."""
    global _BRIDGE
    if _BRIDGE is None:
        _BRIDGE = _TaskBridge()
        _BRIDGE.progress.connect(_deliver_progress)
        _BRIDGE.done.connect(lambda key, result: _deliver(key, "_on_done", result))
        _BRIDGE.failed.connect(lambda key, exc: _deliver(key, "_on_failed", exc))
        _BRIDGE.cancelled.connect(lambda key: _deliver(key, "_on_cancelled"))
    return _BRIDGE


def _live(key: int) -> Task | None:
    """The running task of ``key``, or None (finished, or deleted with its Qt parent)."""
    task = _tasks.get(key)
    if task is not None and not shiboken6.isValid(task):
        del _tasks[key]  # its parent went first: nobody is left to tell
        return None
    return task


def _deliver_progress(key: int, done: int, total: int, text: str) -> None:
    task = _live(key)
    if task is not None:
        task.progress.emit(done, total, text)


def _deliver(key: int, handler: str, *args: object) -> None:
    task = _live(key)
    if task is not None:
        getattr(task, handler)(*args)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], progress: Progress) -> None:
        super().__init__()
        self.fn = fn
        self.progress = progress
        self._key = progress._key
        self._bridge = progress._bridge
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except Cancelled:
            self._bridge.cancelled.emit(self._key)
        except Exception as exc:
            _log().exception("background task failed")
            self._bridge.failed.emit(self._key, exc)
        else:
            self._bridge.done.emit(self._key, result)


class Task(QObject):
    """A handle on a running task: its signals and a cancel()."""

    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, fn: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key = next(_keys)
        self._progress = Progress(self._key, _bridge())
        self._fn = fn
        self.running = False

    def start(self) -> Task:
        self.running = True
        _tasks[self._key] = self
        # the runnable shares the Progress, so cancel() reaches the running code
        QThreadPool.globalInstance().start(_Runnable(self._fn, self._progress))
        return self

    def cancel(self) -> None:
        self._progress.cancel()

    def _finish(self) -> None:
        self.running = False
        _tasks.pop(self._key, None)
        self.finished.emit()

    def _on_done(self, result: object) -> None:
        self.done.emit(result)
        self._finish()

    def _on_failed(self, exc: object) -> None:
        self.failed.emit(exc)
        self._finish()

    def _on_cancelled(self) -> None:
        self.cancelled.emit()
        self._finish()


#: keeps running tasks alive until they report back, by key
_tasks: dict[int, Task] = {}
_keys = itertools.count(1)


def run_task(
    fn: Callable[[Progress], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    parent: QObject | None = None,
) -> Task:
    task = Task(fn, parent)
    if on_done is not None:
        task.done.connect(on_done)
    if on_error is not None:
        task.failed.connect(on_error)
    return task.start()
