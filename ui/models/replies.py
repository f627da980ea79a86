"""The saved replies list: name, kind, description."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.storage.models import SavedReply

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ReplyItem:
    id: int
    name: str
    kind: str
    description: str


class RepliesModel(QAbstractTableModel):
    """Saved replies as rows; reset as a whole when the list is reloaded."""

    COLUMNS = ("Name", "Kind")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[ReplyItem] = []

    def set_replies(self, replies: list[SavedReply]) -> None:
        self.beginResetModel()
        self._items = [ReplyItem(r.id, r.name, r.kind, r.description) for r in replies]
        self.endResetModel()

    def item(self, row: int) -> ReplyItem:
        return self._items[row]

    def row_of(self, name: str) -> int:
        return next((i for i, item in enumerate(self._items) if item.name == name), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.name if index.column() == 0 else item.kind
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.description or None
        if role == Qt.ItemDataRole.UserRole:
            return item.name
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section] if 0 <= section < len(self.COLUMNS) else None
        return None
