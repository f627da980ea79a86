from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings

from ui.context import AppContext
from ui.main import create_application
from ui.main_window import MainWindow
from ui.theme import apply_theme


@pytest.fixture
def ctx(qapp, db) -> AppContext:  # type: ignore[no-untyped-def]
    create_application()
    apply_theme(qapp, "light")
    return AppContext(db)


@pytest.fixture
def window(qtbot, ctx) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    QSettings().clear()
    win = MainWindow(ctx)
    qtbot.add_widget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
