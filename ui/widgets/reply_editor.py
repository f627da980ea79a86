"""A plain-text editor for saved replies: Jinja2 highlighting and an error mark."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from ui.theme import ACCENT, SEVERITY_COLORS, is_dark

_TAG_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_STRING_RE = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
_KEYWORD_RE = re.compile(
    r"\b(?:for|endfor|if|elif|else|endif|include|set|endset|macro|endmacro|in|not|and|or|is)\b"
)
_PLACEHOLDER_RE = re.compile(r"\[[A-Za-z][^\[\]\n]{1,60}\](?!\()")


def _format(color: str, *, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    return fmt


class JinjaHighlighter(QSyntaxHighlighter):
    """Colours ``{{ }}``, ``{% %}``, ``{# #}`` (also across lines), strings and placeholders."""

    _IN_COMMENT = 1

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        dark = is_dark()
        self.tag = _format("#6ea8ff" if dark else ACCENT)
        self.keyword = _format("#c792ea" if dark else "#8e3fc1", bold=True)
        self.string = _format("#9ccc65" if dark else "#2e7d32")
        self.comment = _format("#8a8f98", italic=True)
        self.placeholder = _format(SEVERITY_COLORS["warning"], bold=True)

    def highlightBlock(self, text: str) -> None:
        for match in _PLACEHOLDER_RE.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self.placeholder)
        for match in _TAG_RE.finditer(text):
            self._tag(match.start(), match.group(0))
        self._comments(text)

    def _tag(self, offset: int, tag: str) -> None:
        self.setFormat(offset, len(tag), self.tag)
        for match in _KEYWORD_RE.finditer(tag):
            self.setFormat(offset + match.start(), len(match.group(0)), self.keyword)
        for match in _STRING_RE.finditer(tag):
            self.setFormat(offset + match.start(), len(match.group(0)), self.string)

    def _comments(self, text: str) -> None:
        self.setCurrentBlockState(0)
        if self.previousBlockState() == self._IN_COMMENT:
            start, search_from = 0, 0
        else:
            start = text.find("{#")
            search_from = start + 2
        while start >= 0:
            end = text.find("#}", search_from)
            if end < 0:
                self.setCurrentBlockState(self._IN_COMMENT)
                self.setFormat(start, len(text) - start, self.comment)
                return
            self.setFormat(start, end + 2 - start, self.comment)
            start = text.find("{#", end + 2)
            search_from = start + 2


def monospace_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    return font


class ReplyEditor(QPlainTextEdit):
    """The template editor; ``mark_error_line`` highlights the line a problem is on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(monospace_font())
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(True)
        self.highlighter = JinjaHighlighter(self.document())
        self.error_line: int | None = None

    def mark_error_line(self, line: int | None) -> None:
        """Highlight 1-based ``line`` as the error's place, or clear the mark (``None``)."""
        self.error_line = line
        selections = []
        block = self.document().findBlockByNumber(line - 1) if line else None
        if block is not None and block.isValid():
            sel = QTextEdit.ExtraSelection()
            color = QColor(SEVERITY_COLORS["critical"])
            color.setAlpha(60)
            sel.format.setBackground(color)
            sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            cursor = QTextCursor(block)
            sel.cursor = cursor
            selections.append(sel)
        self.setExtraSelections(selections)


def select_span(editor: QPlainTextEdit, start: int, end: int) -> None:
    """Put the cursor on ``text[start:end]`` of ``editor`` and show it."""
    text = editor.toPlainText()
    start = min(max(start, 0), len(text))
    end = min(max(end, start), len(text))
    cursor = editor.textCursor()
    cursor.setPosition(_utf16(text, start))
    cursor.setPosition(_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()
    editor.setFocus(Qt.FocusReason.OtherFocusReason)


def _utf16(text: str, index: int) -> int:
    """Qt counts UTF-16 code units; Python counts code points (they differ for emoji)."""
    return len(text[:index].encode("utf-16-le")) // 2
