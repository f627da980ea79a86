"""The Paste posting and Import… actions, made before the capture object that runs them.

The main window puts them in its menus and toolbar before the database is open (it
paints first: issue 16); :class:`ui.capture.Capture` connects them when it is made.
This module imports nothing of the app's, so that costs no start-up time.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def capture_actions(window: QWidget) -> tuple[QAction, QAction]:
    """(Paste posting, Import postings…), owned by ``window``, not yet connected."""
    paste = QAction(QCoreApplication.translate("CaptureActions", "&Paste posting"), window)
    paste.setObjectName("pastePosting")
    paste.setShortcut(QKeySequence("Ctrl+Shift+V"))
    paste.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    paste.setToolTip(
        QCoreApplication.translate(
            "CaptureActions", "Add the job posting you copied in your browser"
        )
    )
    imports = QAction(QCoreApplication.translate("CaptureActions", "&Import postings…"), window)
    imports.setObjectName("importPostings")
    imports.setShortcut(QKeySequence("Ctrl+I"))
    imports.setToolTip(
        QCoreApplication.translate(
            "CaptureActions", "Import postings from a CSV, JSON or JSONL file"
        )
    )
    return paste, imports
