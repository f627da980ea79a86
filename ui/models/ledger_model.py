"""The Connects ledger as a sortable table model over :class:`app.ledger.EntryView` rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app import plaintext
from app.ledger import EntryView
from ui import app_words, localized, plain
from ui.i18n import QT_TRANSLATE_NOOP

_Index = QModelIndex | QPersistentModelIndex

CREDIT_COLOR = QColor("#1f9d55")
DEBIT_COLOR = QColor("#c0392b")


def _kind_label(kind: str) -> str:
    return app_words.ledger_kind(kind)


def _proposal_label(row: EntryView) -> str:
    if row.proposal_id is None:
        return ""
    title = (row.proposal_title or "").strip()
    return f"#{row.proposal_id} {title}" if title else f"#{row.proposal_id}"


#: column title, display text, sort key, alignment
_COLUMNS: tuple[tuple[str, Callable[[EntryView], str], Callable[[EntryView], Any]], ...] = (
    # stored in UTC: shown in the user's time zone, as their locale writes it
    # (the titles are translated where shown, in the "LedgerTableModel" context; the sort
    # keys stay the stored values, whatever the locale writes)
    (
        QT_TRANSLATE_NOOP("LedgerTableModel", "Date"),
        lambda r: localized.moment(r.at),
        lambda r: (r.at, r.id),
    ),
    (
        QT_TRANSLATE_NOOP("LedgerTableModel", "Kind"),
        lambda r: _kind_label(r.kind),
        lambda r: (r.kind, r.at, r.id),
    ),
    (
        QT_TRANSLATE_NOOP("LedgerTableModel", "Connects"),
        lambda r: localized.signed(r.amount),
        lambda r: (r.amount, r.at, r.id),
    ),
    (
        QT_TRANSLATE_NOOP("LedgerTableModel", "USD"),
        lambda r: "" if r.usd is None else localized.money(r.usd, decimals=2),
        lambda r: (r.usd is not None, r.usd or 0.0, r.at, r.id),
    ),
    (
        QT_TRANSLATE_NOOP("LedgerTableModel", "Proposal"),
        _proposal_label,
        lambda r: (r.proposal_id or 0, r.at, r.id),
    ),
    (
        QT_TRANSLATE_NOOP("LedgerTableModel", "Note"),
        lambda r: r.note,
        lambda r: (r.note.lower(), r.at, r.id),
    ),
)
COLUMN_TITLES = tuple(title for title, _, _ in _COLUMNS)
AMOUNT_COLUMN = COLUMN_TITLES.index("Connects")
USD_COLUMN = COLUMN_TITLES.index("USD")
PROPOSAL_COLUMN = COLUMN_TITLES.index("Proposal")
#: the entry id of a row (``Qt.UserRole``); the proposal id is ``UserRole + 1``
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole
PROPOSAL_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class LedgerTableModel(QAbstractTableModel):
    """Ledger entries; filtered in SQL by the page, sorted here (one user's ledger)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[EntryView] = []
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.DescendingOrder)
        self._credit_name = "Connects"

    # -- content ------------------------------------------------------------------

    def set_rows(self, rows: Sequence[EntryView]) -> None:
        """Replace the rows (keeping the current sort order)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._sort_rows()
        self.endResetModel()

    def set_credit_name(self, name: str) -> None:
        """What the platform calls its credits ("Connects", "bids"): the amount column's title."""
        if name != self._credit_name:
            self._credit_name = name
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, AMOUNT_COLUMN, AMOUNT_COLUMN)

    def entry(self, row: int) -> EntryView:
        return self._rows[row]

    # -- Qt model API -------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return plaintext.inline(_COLUMNS[column][1](row))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == PROPOSAL_COLUMN and row.proposal_id is not None:
                hint = self.tr("Double-click to open the proposal")
                return plain.tooltip(f"{_proposal_label(row)}\n{hint}")
            return plain.tooltip(row.note)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (AMOUNT_COLUMN, USD_COLUMN):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == AMOUNT_COLUMN:
            return CREDIT_COLOR if row.amount > 0 else DEBIT_COLOR
        if role == ENTRY_ID_ROLE:
            return row.id
        if role == PROPOSAL_ID_ROLE:
            return row.proposal_id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and section == AMOUNT_COLUMN:
            return plaintext.inline(self._credit_name)
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(_COLUMNS):
            return QCoreApplication.translate("LedgerTableModel", _COLUMNS[section][0])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(_COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        old = [self._rows[i.row()].id for i in self.persistentIndexList()]
        self._sort = (column, order)
        self._sort_rows()
        position = {entry.id: row for row, entry in enumerate(self._rows)}
        for index, entry_id in zip(self.persistentIndexList(), old, strict=True):
            self.changePersistentIndex(index, self.index(position[entry_id], index.column()))
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        column, order = self._sort
        self._rows.sort(key=_COLUMNS[column][2], reverse=order == Qt.SortOrder.DescendingOrder)
