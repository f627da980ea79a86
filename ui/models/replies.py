"""The saved replies list: name, kind, description."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from app.storage.models import SavedReply
from ui import plain
from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.rows import RowsTableModel


@dataclass(frozen=True)
class ReplyItem:
    id: int
    name: str
    kind: str
    description: str


class RepliesModel(RowsTableModel):
    """Saved replies as rows; reset as a whole when the list is reloaded."""

    headers = (
        QT_TRANSLATE_NOOP("RepliesModel", "Name"),
        QT_TRANSLATE_NOOP("RepliesModel", "Kind"),
    )

    def set_replies(self, replies: list[SavedReply]) -> None:
        self.set_rows(ReplyItem(r.id, r.name, r.kind, r.description) for r in replies)

    def item(self, row: int) -> ReplyItem:
        return self.rows[row]

    def row_of(self, name: str) -> int:
        return self.row_where(name=name)

    def cell(self, item: ReplyItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return item.name if column == 0 else item.kind
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain.tooltip(item.description)
        if role == Qt.ItemDataRole.UserRole:
            return item.name
        return None
