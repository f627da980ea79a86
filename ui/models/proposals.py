"""The proposal pipeline table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.drafting.pipeline import ProposalRow, status_label

_Index = QModelIndex | QPersistentModelIndex


class ProposalsModel(QAbstractTableModel):
    """Proposals as rows (the filtering and sorting happen in SQL)."""

    COLUMNS = ("Posting", "Status", "Bid", "Connects", "Submitted", "Last change")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ProposalRow] = []

    def set_rows(self, rows: list[ProposalRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def proposal(self, row: int) -> ProposalRow:
        return self._rows[row]

    def row_of(self, proposal_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == proposal_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return row.title
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    @staticmethod
    def _display(row: ProposalRow, column: int) -> str:
        if column == 0:
            return row.title
        if column == 1:
            return status_label(row.status)
        if column == 2:
            return f"${row.bid:,.2f}" if row.bid is not None else "—"
        if column == 3:
            if row.invited:
                return "invited"
            return f"{row.connects} + {row.boost}" if row.boost else str(row.connects)
        if column == 4:
            return row.submitted_at.astimezone().strftime("%Y-%m-%d") if row.submitted_at else "—"
        return row.changed_at.astimezone().strftime("%Y-%m-%d %H:%M") if row.changed_at else "—"

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section] if 0 <= section < len(self.COLUMNS) else None
        return None
