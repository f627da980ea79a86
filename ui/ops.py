"""The one write path from the UI, in the shape of Anki's ``CollectionOp``.

A slot gathers input and makes one call::

    CollectionOp(self, lambda session: set_status(session, ids, "skipped"), Change.JOBS)
        .success(lambda previous: ...)
        .run()

The function runs in ``db.transaction()`` off the GUI thread, on one worker
that serialises every write (as Anki's task manager does), and must be a call
into ``app/`` that takes the session. When it has committed, back on the GUI
thread, the op announces what changed (the :class:`ui.context.AppContext`
signals, so the pages showing that data refresh; ``changes`` may be worked out
from the result, when a write can turn out to change nothing) and then calls its success
handler with the function's result. A :class:`app.errors.WorkbenchError` (bad
input, a locked database) is shown as a message, or given to the failure
handler; anything else is a bug and takes the crash path (logged, a dialog
pointing at the log). Nothing is ever committed half-way.

Results cross threads: return plain values or rows read in full (the session
does not expire them on commit), never a lazy relationship.
"""

from __future__ import annotations

import enum
import itertools
import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from app.errors import WorkbenchError
from ui.context import AppContext

log = logging.getLogger("pwb.ui.ops")

T = TypeVar("T")


class Change(enum.Flag):
    """What an op changed: each flag is one of the context's change signals."""

    NONE = 0
    JOBS = enum.auto()
    PROPOSALS = enum.auto()
    LEDGER = enum.auto()
    REPLIES = enum.auto()
    PROFILES = enum.auto()


def announce(ctx: AppContext, changes: Change) -> None:
    """Emit the context's signal for each flag in ``changes`` (once each, in a fixed order)."""
    signals = (
        (Change.JOBS, ctx.jobs_changed),
        (Change.PROPOSALS, ctx.proposals_changed),
        (Change.LEDGER, ctx.ledger_changed),
        (Change.REPLIES, ctx.replies_changed),
        (Change.PROFILES, ctx.profiles_changed),
    )
    for flag, signal in signals:
        if flag in changes:
            signal.emit()


def _write_pool() -> QThreadPool:
    """One thread for every write, so two ops never race each other for the database."""
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(1)
        _POOL.setExpiryTimeout(-1)
    return _POOL


_POOL: QThreadPool | None = None
#: ops started and not yet reported back, by key (they keep their Python objects alive)
_RUNNING: dict[int, CollectionOp[Any]] = {}
_KEYS = itertools.count(1)


def running() -> int:
    """How many ops have not reported back yet (tests wait for 0)."""
    return len(_RUNNING)


def wait_for_writes(msecs: int = 10_000) -> bool:
    """Block until the write worker is idle (on quit, and in tests' clean-up)."""
    return _POOL.waitForDone(msecs) if _POOL is not None else True


class _Bridge(QObject):
    """Carries every op's outcome from the write worker to the GUI thread.

    One object for the life of the program, connected once to module functions:
    an op is never the receiver of its own report. (An op that was the receiver
    and dropped its last reference in that slot was destroyed inside its own
    event, and the disconnect it made then read a half-freed wrapper: a
    segfault about one run in seven of tests/gui/test_ops.py.)
    """

    done = Signal(int, object)
    failed = Signal(int, object)


_BRIDGE: _Bridge | None = None


def _bridge() -> _Bridge:
    """The bridge, made on the GUI thread by the first op that runs."""
    global _BRIDGE
    if _BRIDGE is None:
        _BRIDGE = _Bridge()
        _BRIDGE.done.connect(_deliver_done)
        _BRIDGE.failed.connect(_deliver_failed)
    return _BRIDGE


def _deliver_done(key: int, result: object) -> None:
    op = _RUNNING.get(key)
    if op is not None:
        op._on_done(result)


def _deliver_failed(key: int, exc: object) -> None:
    op = _RUNNING.get(key)
    if op is not None:
        op._on_failed(exc)


class _Job(QRunnable):
    def __init__(self, run: Callable[[], Any], key: int, bridge: _Bridge) -> None:
        super().__init__()
        self._run = run
        self._key = key
        self._bridge = bridge
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._run()
        except Exception as exc:  # reported on the GUI thread: a message or the crash path
            if not isinstance(exc, WorkbenchError):
                log.exception("write failed")
            self._bridge.failed.emit(self._key, exc)
        else:
            self._bridge.done.emit(self._key, result)


class CollectionOp(QObject, Generic[T]):
    """One write: ``fn(session)`` in a transaction off the GUI thread, then the news."""

    #: the op reported back (after the change signals and the handlers)
    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        fn: Callable[[Session], T],
        changes: Change | Callable[[T], Change] = Change.NONE,
        *,
        ctx: AppContext | None = None,
        title: str = "",
    ) -> None:
        super().__init__()  # no Qt parent: the op outlives a dialog closed while it runs
        found = ctx if ctx is not None else _context_of(parent)
        if found is None:
            raise TypeError(f"{type(parent).__name__} has no AppContext to write through")
        self.ctx: AppContext = found
        self.parent_widget = parent
        self.fn = fn
        self.changes = changes
        self.title = (
            title
            or (parent.windowTitle() if parent.isWindow() else "")
            or QCoreApplication.translate("CollectionOp", "Not saved")
        )
        self._success: Callable[[T], Any] | None = None
        self._failure: Callable[[WorkbenchError], Any] | None = None
        #: the function's result once it has committed
        self.result: T | None = None
        self.error: BaseException | None = None
        self.done = False
        self._key = 0  # its key in _RUNNING once it runs

    def success(self, handler: Callable[[T], Any]) -> CollectionOp[T]:
        """Call ``handler(result)`` on the GUI thread once the write has committed."""
        self._success = handler
        return self

    def failure(self, handler: Callable[[WorkbenchError], Any]) -> CollectionOp[T]:
        """Give an expected error to ``handler`` instead of showing it as a message."""
        self._failure = handler
        return self

    def run(self) -> CollectionOp[T]:
        """Start the write on the worker; returns at once."""
        db, fn = self.ctx.db, self.fn

        def work() -> T:
            with db.transaction() as session:
                return fn(session)

        key = next(_KEYS)
        _RUNNING[key] = self
        self._key = key
        _write_pool().start(_Job(work, key, _bridge()))
        return self

    def _alive(self) -> bool:
        """Whether the widget that started the op is still there (it may have closed)."""
        return shiboken6.isValid(self.parent_widget)

    def _on_done(self, result: object) -> None:
        self.result = result  # type: ignore[assignment]
        try:
            changes = self.changes(result) if callable(self.changes) else self.changes  # type: ignore[arg-type]
            announce(self.ctx, changes)
            if self._success is not None and self._alive():
                self._success(result)  # type: ignore[arg-type]
        finally:
            self._finish()

    def _on_failed(self, exc: object) -> None:
        assert isinstance(exc, BaseException)
        self.error = exc
        alive = self._alive()
        try:
            if isinstance(exc, WorkbenchError) and self._failure is not None and alive:
                self._failure(exc)
            else:
                from ui.crash import show_error

                show_error(self.parent_widget if alive else None, self.title, exc)
        finally:
            self._finish()

    def _finish(self) -> None:
        self.done = True
        _RUNNING.pop(self._key, None)
        self.finished.emit()


def _context_of(widget: QWidget | None) -> AppContext | None:
    """The AppContext of ``widget`` or of the nearest parent that has one."""
    while widget is not None:
        ctx = getattr(widget, "ctx", None)
        if isinstance(ctx, AppContext):
            return ctx
        widget = widget.parentWidget()
    return None
