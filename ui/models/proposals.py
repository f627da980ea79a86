"""The proposal pipeline table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from app.drafting.pipeline import ProposalRow
from ui import localized, plain
from ui.app_words import proposal_status
from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.rows import RowsTableModel


class ProposalsModel(RowsTableModel):
    """Proposals as rows (the filtering and sorting happen in SQL)."""

    headers = (
        QT_TRANSLATE_NOOP("ProposalsModel", "Posting"),
        QT_TRANSLATE_NOOP("ProposalsModel", "Status"),
        QT_TRANSLATE_NOOP("ProposalsModel", "Bid"),
        QT_TRANSLATE_NOOP("ProposalsModel", "Connects"),
        QT_TRANSLATE_NOOP("ProposalsModel", "Submitted"),
        QT_TRANSLATE_NOOP("ProposalsModel", "Last change"),
    )

    def proposal(self, row: int) -> ProposalRow:
        return self.rows[row]

    def row_of(self, proposal_id: int) -> int:
        return self.row_where(id=proposal_id)

    def cell(self, row: ProposalRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return plain.tooltip(row.title)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    @staticmethod
    def _display(row: ProposalRow, column: int) -> str:
        if column == 0:
            return row.title
        if column == 1:
            return proposal_status(row.status)
        if column == 2:
            return localized.money(row.bid, decimals=2) if row.bid is not None else "—"
        if column == 3:
            if row.invited:
                return QCoreApplication.translate("ProposalsModel", "invited")
            connects = localized.number(row.connects)
            if not row.boost:
                return connects
            return QCoreApplication.translate("ProposalsModel", "{connects} + {boost}").format(
                connects=connects, boost=localized.number(row.boost)
            )
        if column == 4:
            # stored in UTC: the user's day, in their time zone and their locale's way
            if row.submitted_at is None:
                return "—"
            return localized.day(localized.local_time(row.submitted_at).date())
        return localized.moment(row.changed_at) if row.changed_at else "—"
