"""Start-up that can be timed from outside: quit right after the first paint.

``proposal-workbench --quit-after-first-paint`` opens the database and the main
window as usual and exits 0 as soon as the window has painted once, so a
benchmark (benchmarks/bench_startup.py), a CI smoke test or a person with
``time`` can measure what a user waits for.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _QuitAfterFirstPaint(QObject):
    """Event filter: the window's first paint event queues the quit."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.painted and event.type() == QEvent.Type.Paint:
            self.painted = True
            watched.removeEventFilter(self)
            # after this paint (and its children's, in the same pass) reached the screen
            QTimer.singleShot(0, QCoreApplication.quit)
        return False


def quit_after_first_paint(window: QWidget) -> QObject:
    """Make the event loop end right after ``window`` first paints (install before show)."""
    watcher = _QuitAfterFirstPaint(window)
    window.installEventFilter(watcher)
    return watcher
