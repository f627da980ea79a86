"""A table model over a short Python list of rows (a score card, a pipeline, a rules list).

For lists that stay small. Data that grows (postings, the ledger) has its own
lazily-fetching models that sort and filter in SQL.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app import plaintext

ModelIndex = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel):
    """Rows in a list, one column per header; subclasses say what a cell shows in ``cell``."""

    #: the column titles in English, each marked with ``QT_TRANSLATE_NOOP`` in the context of
    #: the subclass's name (translated where they are shown)
    headers: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: Iterable[Any]) -> None:
        """Replace every row (announced as a reset)."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_where(self, **match: Any) -> int:
        """The index of the first row whose attributes equal ``match``; -1 if none."""
        for i, row in enumerate(self.rows):
            if all(getattr(row, key) == value for key, value in match.items()):
                return i
        return -1

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return QCoreApplication.translate(type(self).__name__, self.headers[section])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        value = self.cell(self.rows[index.row()], index.column(), role)
        if role == Qt.ItemDataRole.DisplayRole and isinstance(value, str):
            return plaintext.inline(value)  # cells hold strangers' text: no bidi tricks
        return value

    def cell(self, row: Any, column: int, role: int) -> Any:
        """What ``row`` shows in ``column`` for ``role`` (None: nothing)."""
        raise NotImplementedError
