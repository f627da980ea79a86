"""Slow work off the GUI thread (as Anki's QueryOp / Picard's run_task).

``run_task(fn, on_done=..., on_error=...)`` runs ``fn(progress)`` on the
global QThreadPool. The result, a :class:`app.errors.WorkbenchError`, or a
bug comes back to the GUI thread through queued signals. ``fn`` must open its
own database session: sessions never cross threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

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

    def __init__(self, signals: _TaskSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        self._signals.progress.emit(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled


class _TaskSignals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _TaskSignals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.progress = Progress(signals)
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:
            _log().exception("background task failed")
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class Task(QObject):
    """A handle on a running task: its signals and a cancel()."""

    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, fn: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._signals = _TaskSignals()
        self._runnable = _Runnable(fn, self._signals)
        self._signals.progress.connect(self.progress)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self._signals.cancelled.connect(self._on_cancelled)
        self.running = False

    def start(self) -> Task:
        self.running = True
        _tasks.add(self)
        QThreadPool.globalInstance().start(self._runnable)
        return self

    def cancel(self) -> None:
        self._runnable.progress.cancel()

    def _finish(self) -> None:
        self.running = False
        _tasks.discard(self)
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


#: keeps running tasks alive until they report back
_tasks: set[Task] = set()


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
