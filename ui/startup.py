"""Start-up that can be timed from outside: quit right after the first paint.

``proposal-workbench --quit-after-first-paint`` exits 0 as soon as the main window
has painted once, so a benchmark (benchmarks/bench_startup.py), a CI smoke test or
a person with ``time`` can measure what a user waits for. The window paints before
the database is opened (ui.main): the database layer is imported, migrations are
checked and the first page is built after it, so an exit right after the first paint
still waits for that work to end cleanly (nothing is left half-written).

With ``PWB_STARTUP_MARKS=1`` in the environment the app writes a line to stderr at
each stage (``pwb-startup first-paint``, ``pwb-startup ready``: the database attached
and the first page painted with its data), for the benchmark to time from outside;
``PWB_STARTUP_QUIT=ready`` makes ``--quit-after-first-paint`` wait for ``ready``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


def mark(stage: str) -> None:
    """``pwb-startup <stage>`` on stderr when ``PWB_STARTUP_MARKS`` is set (the benchmark
    reads it as it comes)."""
    if os.environ.get("PWB_STARTUP_MARKS"):
        print(f"pwb-startup {stage}", file=sys.stderr, flush=True)


def quit_when() -> str:
    """The stage ``--quit-after-first-paint`` quits after: ``first-paint`` or ``ready``."""
    return "ready" if os.environ.get("PWB_STARTUP_QUIT") == "ready" else "first-paint"


class _AfterNextPaint(QObject):
    """Event filter: the window's next paint event queues ``callback`` (once)."""

    def __init__(self, window: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(window)
        self.painted = False
        self.callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.painted and event.type() == QEvent.Type.Paint:
            self.painted = True
            watched.removeEventFilter(self)
            # after this paint (and its children's, in the same pass) reached the screen
            QTimer.singleShot(0, self.callback)
        return False


def after_next_paint(window: QWidget, callback: Callable[[], object]) -> QObject:
    """Run ``callback`` from the event loop right after ``window`` next paints."""
    watcher = _AfterNextPaint(window, callback)
    window.installEventFilter(watcher)
    return watcher


def quit_after_first_paint(window: QWidget) -> QObject:
    """Make the event loop end right after ``window`` first paints (install before show)."""
    return after_next_paint(window, QCoreApplication.quit)
