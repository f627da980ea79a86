from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QSettings, QThreadPool
from PySide6.QtWidgets import QApplication

from ui import ops
from ui.context import AppContext
from ui.main import create_application
from ui.main_window import MainWindow
from ui.theme import apply_theme


@pytest.fixture(autouse=True)
def _delete_closed_widgets() -> Iterator[None]:
    """After each test, really delete the widgets it closed.

    pytest-qt closes a test's widgets and calls ``deleteLater()``, but deferred
    deletes only run in an event loop, so each test's main window (hundreds of
    widgets) lived on into the following tests, and every stylesheet change then
    re-polished all of them: GUI set-up grew slower test by test.
    """
    yield
    app = QApplication.instance()
    if app is None:
        return
    QThreadPool.globalInstance().waitForDone(10_000)  # results reach live widgets first
    ops.wait_for_writes()
    app.processEvents()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def ctx(qapp, db) -> AppContext:
    create_application()
    apply_theme(qapp, "light")
    return AppContext(db)


@pytest.fixture
def window(qtbot, ctx) -> Iterator[MainWindow]:
    QSettings().clear()
    win = MainWindow(ctx)
    qtbot.add_widget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win


@pytest.fixture
def settle(qtbot):
    """``settle()``: wait until every write the UI started has committed and reported back."""

    def wait(timeout: int = 10_000) -> None:
        qtbot.waitUntil(lambda: ops.running() == 0, timeout=timeout)

    return wait
