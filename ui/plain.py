"""Showing text as plain text where Qt would read it as rich text.

Qt interprets a tooltip, a message box's text and a label (unless told
otherwise) as HTML when :func:`Qt.mightBeRichText` says it looks like HTML: a
posting title holding ``<img src="file:///…">`` made Qt open that local file.
Every text that can hold a stranger's or the user's words goes through one of
these (labels get ``Qt.TextFormat.PlainText`` instead); what reorders or hides
characters is removed first (:mod:`app.plaintext`).
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui
from PySide6.QtWidgets import QLabel, QWidget

from app import plaintext


def rich_safe(text: str) -> str:
    """``text`` as Qt will show it literally where it guesses the format (tooltips, message
    boxes): unchanged when it does not look like HTML, else escaped into a paragraph."""
    # the Qt namespace is looked up when used: PySide6 builds it (20-50 ms) on first use,
    # which is not before the window's first paint (issue 16)
    if not QtGui.Qt.mightBeRichText(text):
        return text
    return QtGui.Qt.convertFromPlainText(text, QtCore.Qt.WhiteSpaceMode.WhiteSpaceNormal)


def tooltip(text: str | None) -> str | None:
    """A tooltip of user or posting text, shown as it is (None when empty)."""
    if not text:
        return None
    return rich_safe(plaintext.block(text))


def wrapped_tooltip(text: str | None) -> str | None:
    """A tooltip for a long text: always a paragraph, so Qt wraps it (escaped)."""
    if not text:
        return None
    return QtGui.Qt.convertFromPlainText(
        plaintext.block(text), QtCore.Qt.WhiteSpaceMode.WhiteSpaceNormal
    )


def message(text: str) -> str:
    """A message for a QMessageBox (which guesses the format) that may quote user text."""
    return rich_safe(plaintext.block(text))


def label(text: str = "", parent: QWidget | None = None, *, word_wrap: bool = False) -> QLabel:
    """A label that shows its text as plain text, whatever it holds."""
    widget = QLabel(parent)
    widget.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    widget.setWordWrap(word_wrap)
    widget.setText(text)
    return widget
