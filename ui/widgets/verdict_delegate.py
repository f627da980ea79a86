"""A delegate that draws a verdict ("apply" / "maybe" / "skip") as a coloured badge with text.

Colour plus the word, never colour alone. The cell's DisplayRole holds the
verdict value; anything else is drawn as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.i18n import QT_TRANSLATE_NOOP
from ui.theme import VERDICT_COLORS

#: the badge's word for each verdict (translated where drawn, in the "VerdictDelegate" context)
VERDICT_LABELS = {
    "apply": QT_TRANSLATE_NOOP("VerdictDelegate", "Apply"),
    "maybe": QT_TRANSLATE_NOOP("VerdictDelegate", "Maybe"),
    "skip": QT_TRANSLATE_NOOP("VerdictDelegate", "Skip"),
}

ModelIndex = QModelIndex | QPersistentModelIndex
#: the stored verdict ("apply", …) of a cell whose text is the translated word
VERDICT_ROLE = Qt.ItemDataRole.UserRole + 3


def badge_text(verdict: str) -> str:
    label = VERDICT_LABELS.get(verdict)
    return verdict if label is None else QCoreApplication.translate("VerdictDelegate", label)


def badge_rect(option_rect: QRect, metrics: QFontMetrics, text: str) -> QRect:
    """Where the badge goes inside a cell: left-aligned, vertically centred."""
    width = metrics.horizontalAdvance(text) + 16
    height = metrics.height() + 4
    top = option_rect.top() + (option_rect.height() - height) // 2
    return QRect(option_rect.left() + 4, top, width, height)


def _verdict(index: ModelIndex) -> str:
    """The stored verdict (VERDICT_ROLE), or the cell's text when the model has no such role."""
    stored = index.data(VERDICT_ROLE)
    return str(
        stored if stored is not None else index.data(Qt.ItemDataRole.DisplayRole) or ""
    ).lower()


class VerdictDelegate(QStyledItemDelegate):
    """Paints the verdict in a rounded badge: white text on the verdict's colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        verdict = _verdict(index)
        if verdict not in VERDICT_COLORS:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget is not None else None
        if style is not None:  # selection background and focus, without the text
            plain = QStyleOptionViewItem(option)
            self.initStyleOption(plain, index)
            plain.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, option.widget)
        text = badge_text(verdict)
        rect = badge_rect(option.rect, option.fontMetrics, text)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(VERDICT_COLORS[verdict]))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        verdict = _verdict(index)
        if verdict not in VERDICT_COLORS:
            return super().sizeHint(option, index)
        metrics = option.fontMetrics
        return QSize(metrics.horizontalAdvance(badge_text(verdict)) + 24, metrics.height() + 10)
