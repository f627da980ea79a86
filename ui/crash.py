"""The crash path: a bug is logged with its trace and shown in a dialog with the log's path."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6 import QtWidgets  # QMessageBox made when used: not before the first paint
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app import APP_NAME
from app.errors import WorkbenchError

if TYPE_CHECKING:
    import logging


def plain_message(text: str) -> str:
    """:func:`ui.plain.message`, its module (and app.plaintext's patterns, 3 ms) loaded
    only when a message is shown, not before the window's first paint (issue 16)."""
    from ui import plain

    return plain.message(text)


def _log() -> logging.Logger:
    """The logger, with :mod:`logging` imported when first needed (not before the
    window's first paint: issue 16)."""
    import logging

    return logging.getLogger("pwb.ui")


def show_error(parent, title: str, exc: BaseException) -> None:
    """An expected error as a message; anything else as a bug report pointing at the log."""
    if isinstance(exc, WorkbenchError):
        QtWidgets.QMessageBox.warning(parent, title, plain_message(str(exc)))
        return
    from app.logs import log_file

    QtWidgets.QMessageBox.critical(
        parent,
        title,
        plain_message(
            QCoreApplication.translate(
                "crash",
                "Something went wrong: {error}\n\n"
                "Nothing was saved half-way. Details are in the log:\n{log}",
            ).format(error=f"{type(exc).__name__}: {exc}", log=log_file())
        ),
    )


def install_excepthook() -> None:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, WorkbenchError):  # expected (a locked database, say): a message
            _log().warning("%s: %s", type(exc).__name__, exc)
            title = APP_NAME
        else:
            trace = "".join(traceback.format_exception(kind, exc, tb))
            _log().error("uncaught exception:\n%s", trace)
            title = QCoreApplication.translate("crash", "Unexpected error")
        if QApplication.instance() is not None:
            show_error(QApplication.activeWindow(), title, exc)
        else:
            sys.__excepthook__(kind, exc, tb)

    sys.excepthook = hook
