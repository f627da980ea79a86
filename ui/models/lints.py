"""The proposal checks beside the draft text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app import plaintext
from app.drafting.lints import Lint
from ui import plain
from ui.theme import SEVERITY_COLORS

_Index = QModelIndex | QPersistentModelIndex


class LintsModel(QAbstractListModel):
    """One row per check; the Lint itself is the UserRole."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lints: list[Lint] = []

    def set_lints(self, lints: list[Lint]) -> None:
        self.beginResetModel()
        self._lints = list(lints)
        self.endResetModel()

    def lints(self) -> list[Lint]:
        return list(self._lints)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lints)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        lint = self._lints[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return plaintext.inline(lint.message)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain.tooltip(f"{lint.rule}: {lint.message}")
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(SEVERITY_COLORS["critical" if lint.severity == "error" else "warning"])
        if role == Qt.ItemDataRole.UserRole:
            return lint
        return None
