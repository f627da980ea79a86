"""The jobs list's title cell: the title, and a badge with the proposal's status when there is one.

The badge ("Draft", "Submitted", "Viewed", …) says at a glance that you already
wrote or sent a proposal for the posting. It is drawn at the right of the cell;
the title is elided to the room left. The status comes from ``PROPOSAL_ROLE``.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.domain import ProposalStatus as S
from ui.theme import ACCENT, SEVERITY_COLORS, VERDICT_COLORS

ModelIndex = QModelIndex | QPersistentModelIndex

#: the badge's colour by proposal status (a draft is drawn outlined, in the text colour)
BADGE_COLORS: dict[str, str] = {
    S.SUBMITTED: ACCENT,
    S.VIEWED: ACCENT,
    S.REPLIED: ACCENT,
    S.INTERVIEWING: SEVERITY_COLORS["warning"],
    S.HIRED: VERDICT_COLORS["apply"],
    S.DECLINED: "#7a7d85",
    S.NOT_HIRED: "#7a7d85",
    S.WITHDRAWN: "#7a7d85",
    S.JOB_CLOSED: "#7a7d85",
}


def badge_label(status: str) -> str:
    """``not_hired`` -> ``Not hired``."""
    return status.replace("_", " ").capitalize()


class TitleBadgeDelegate(QStyledItemDelegate):
    """Paints the title, then the proposal-status badge at the cell's right edge."""

    def __init__(self, role: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        status = index.data(self.role)
        if not status:
            super().paint(painter, option, index)
            return
        text = badge_label(str(status))
        metrics = option.fontMetrics
        width = metrics.horizontalAdvance(text) + 14
        height = metrics.height() + 2
        badge = QRect(
            option.rect.right() - width - 4,
            option.rect.top() + (option.rect.height() - height) // 2,
            width,
            height,
        )
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        title = item.text
        item.text = ""
        style = option.widget.style() if option.widget is not None else None
        if style is not None:  # selection background and focus, without the text
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_rect = QRect(option.rect)
        text_rect.setLeft(text_rect.left() + 4)
        text_rect.setRight(badge.left() - 6)
        painter.save()
        painter.setPen(option.palette.color(role))
        elided = metrics.elidedText(title, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = BADGE_COLORS.get(str(status))
        radius = height / 2
        if color is None:  # a draft: outlined
            painter.setPen(option.palette.color(role))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(badge.adjusted(0, 0, -1, -1), radius, radius)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(color))
            painter.drawRoundedRect(badge, radius, radius)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        status = index.data(self.role)
        if status:
            hint.setWidth(hint.width() + option.fontMetrics.horizontalAdvance(str(status)) + 24)
        return hint
