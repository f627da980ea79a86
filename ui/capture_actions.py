"""The Paste posting and Import… actions, made before the capture object that runs them.

The main window puts them in its menus and toolbar before the database is open (it
paints first: issue 16); :class:`ui.capture.Capture` connects them when it is made.
This module imports nothing of the app's, so that costs no start-up time.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def capture_actions(window: QWidget) -> tuple[QAction, QAction]:
    """(Paste posting, Import postings…), owned by ``window``, not yet connected."""
    paste = QAction(QCoreApplication.translate("CaptureActions", "&Paste posting"), window)
    paste.setObjectName("pastePosting")
    # setShortcuts([...]), not setShortcut(...): choosing among setShortcut's overloads
    # builds PySide6's Qt namespace (20-50 ms), not wanted before the first paint (issue 16)
    paste.setShortcuts([QKeySequence("Ctrl+Shift+V")])
    # in the window (QAction's default context, Qt.ShortcutContext.WindowShortcut: not set
    # here, since PySide6 builds its Qt namespace, 20-50 ms, on first use: issue 16)
    paste.setToolTip(
        QCoreApplication.translate(
            "CaptureActions", "Add the job posting you copied in your browser"
        )
    )
    imports = QAction(QCoreApplication.translate("CaptureActions", "&Import postings…"), window)
    imports.setObjectName("importPostings")
    imports.setShortcuts([QKeySequence("Ctrl+I")])
    imports.setToolTip(
        QCoreApplication.translate(
            "CaptureActions", "Import postings from a CSV, JSON or JSONL file"
        )
    )
    return paste, imports
