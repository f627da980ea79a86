"""The jobs list as a lazy table model: rows come from SQL a page at a time.

Sorting and filtering are a new :class:`JobQuery` (done by the database with
its indexes); the view asks for more rows as the user scrolls
(``canFetchMore`` / ``fetchMore``), so a million stored postings cost no more
than the rows on screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from app import clock, plaintext
from app.storage import Database
from app.storage.jobs import JobQuery, JobRow, fetch_jobs
from ui import localized, plain
from ui.app_words import job_status, proposal_status
from ui.i18n import QT_TRANSLATE_NOOP
from ui.theme import VERDICT_COLORS
from ui.widgets.verdict_delegate import VERDICT_ROLE, badge_text

PAGE_SIZE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: the status of the posting's latest proposal ("draft", "submitted", …) or None
PROPOSAL_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    #: the English title (marked for translation in the "JobsModel" context): see ``label``
    title: str
    sort_key: str | None
    numeric: bool = False

    @property
    def label(self) -> str:
        """The title as the user reads it (translated)."""
        return QCoreApplication.translate("JobsModel", self.title)


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("JobsModel", "Verdict"), "verdict"),
    Column(QT_TRANSLATE_NOOP("JobsModel", "Score"), "score", numeric=True),
    Column(QT_TRANSLATE_NOOP("JobsModel", "Title"), "title"),
    Column(QT_TRANSLATE_NOOP("JobsModel", "Budget"), "budget", numeric=True),
    Column(QT_TRANSLATE_NOOP("JobsModel", "Client"), "client_total_spent", numeric=True),
    Column(QT_TRANSLATE_NOOP("JobsModel", "Proposals"), "proposals", numeric=True),
    Column(QT_TRANSLATE_NOOP("JobsModel", "Connects"), "connects_required", numeric=True),
    Column(QT_TRANSLATE_NOOP("JobsModel", "Posted"), "posted_at"),
    Column(QT_TRANSLATE_NOOP("JobsModel", "Status"), "status"),
)
VERDICT, SCORE, TITLE, BUDGET, CLIENT, PROPOSALS, CONNECTS, POSTED, STATUS = range(9)


class JobsModel(QAbstractTableModel):
    """Postings matching a :class:`JobQuery`, fetched lazily in pages of ``PAGE_SIZE``."""

    #: the rows were reloaded (new query, sort, or data changed)
    reloaded = Signal()

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.query = JobQuery()
        self._rows: list[JobRow] = []
        self._exhausted = False
        #: whether the first page was ever read (there is no "more" before it)
        self.fetched = False
        self._held = False
        self._now = clock.now()

    # -- loading ---------------------------------------------------------------------------

    @contextmanager
    def held(self) -> Iterator[None]:
        """Sorting only sets the order while the block runs (the view's sort indicator and
        its remembered state are set up), so the page reads its first screen once, after
        it (issue 16)."""
        self._held = True
        try:
            yield
        finally:
            self._held = False

    def set_query(self, query: JobQuery) -> None:
        """Show postings matching ``query`` (keeps nothing from the previous one)."""
        self.query = query
        self.reload()

    def reload(self, *, keep_loaded: bool = False) -> None:
        """Fetch the first page again; ``keep_loaded``: as many rows as were loaded
        (after a change in the database, so the view keeps its place)."""
        limit = max(PAGE_SIZE, len(self._rows)) if keep_loaded else PAGE_SIZE
        self.beginResetModel()
        self._now = clock.now()
        self._rows = self._fetch(0, limit)
        self.fetched = True
        self._exhausted = len(self._rows) < limit
        self.endResetModel()
        self.reloaded.emit()

    def _fetch(self, offset: int, limit: int = PAGE_SIZE) -> list[JobRow]:
        with self.db.read() as session:
            return fetch_jobs(session, self.query, offset=offset, limit=limit)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.fetched and not self._exhausted

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self.fetched or self._exhausted:  # more after the first page
            return
        more = self._fetch(len(self._rows))
        self._exhausted = len(more) < PAGE_SIZE
        if not more:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # -- the model interface -----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].label
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_alignment(COLUMNS[section]))
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return plaintext.inline(self._text(row, column))
        if role == ID_ROLE:
            return row.id
        if role == VERDICT_ROLE:
            return row.verdict
        if role == PROPOSAL_ROLE:
            return row.proposal_status
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            if row.proposal_status:
                label = proposal_status(row.proposal_status)
                mine = self.tr("Your proposal: {status}").format(status=label)
                return plain.tooltip(f"{row.title}\n{mine}")
            return plain.tooltip(row.title)
        if role == Qt.ItemDataRole.ToolTipRole and column == CLIENT:
            return plain.tooltip(_client_tooltip(row))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_alignment(COLUMNS[column]))
        if role == Qt.ItemDataRole.ForegroundRole and column in (VERDICT, SCORE) and row.verdict:
            color = VERDICT_COLORS.get(row.verdict)
            return QColor(color) if color else None
        if role == Qt.ItemDataRole.FontRole and column == VERDICT and row.verdict:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, row: JobRow, column: int) -> str:
        # numbers, money and dates as the user's locale writes them (DisplayRole only: the
        # sorting is done in SQL on the stored values)
        if column == VERDICT:
            return badge_text(row.verdict) if row.verdict else ""
        if column == SCORE:
            return "" if row.score is None else localized.number(row.score)
        if column == TITLE:
            return row.title or self.tr("(untitled)")
        if column == BUDGET:
            return localized.budget(
                row.budget_type, row.fixed_budget, row.hourly_min, row.hourly_max
            )
        if column == CLIENT:
            spent = localized.compact_money(row.client_total_spent)
            rating = ""
            if row.client_rating is not None:
                rating = self.tr("{rating}★").format(rating=localized.number(row.client_rating, 1))
            return " · ".join(p for p in (spent, rating) if p)
        if column == PROPOSALS:
            return localized.proposals(row.proposals_min, row.proposals_max)
        if column == CONNECTS:
            return "" if row.connects_required is None else localized.number(row.connects_required)
        if column == POSTED:
            return localized.age(row.posted_at, self._now)
        if column == STATUS:
            return job_status(row.status)
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column].sort_key
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if self._held:  # the page is setting up its view: the order only, read once after
            self.query = replace(self.query, sort=key, descending=descending)
            return
        if key == self.query.sort and descending == self.query.descending and self._rows:
            return
        self.set_query(replace(self.query, sort=key, descending=descending))

    # -- helpers for the page ---------------------------------------------------------------

    def job_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, job_id: int) -> int | None:
        for n, row in enumerate(self._rows):
            if row.id == job_id:
                return n
        return None

    @property
    def loaded(self) -> int:
        return len(self._rows)


def _alignment(column: Column) -> Qt.AlignmentFlag:
    horizontal = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
    return horizontal | Qt.AlignmentFlag.AlignVCenter


def _client_tooltip(row: JobRow) -> str:
    parts = []
    if row.client_total_spent is not None:
        spent = localized.compact_money(row.client_total_spent)
        parts.append(QCoreApplication.translate("JobsModel", "Spent {amount}").format(amount=spent))
    if row.client_rating is not None:
        rating = localized.number(row.client_rating, 2)
        parts.append(
            QCoreApplication.translate("JobsModel", "rated {rating} of 5").format(rating=rating)
        )
    if row.client_payment_verified is not None:
        parts.append(
            QCoreApplication.translate("JobsModel", "payment verified")
            if row.client_payment_verified
            else QCoreApplication.translate("JobsModel", "payment NOT verified")
        )
    if row.client_country:
        parts.append(row.client_country)
    return ", ".join(parts) or QCoreApplication.translate(
        "JobsModel", "Nothing known about the client"
    )
