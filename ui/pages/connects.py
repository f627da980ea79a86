"""The Connects page: balance, next expiries and forecast; the ledger; Buy · Bonus · Reconcile."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import clock, ledger
from app.domain import LedgerKind
from ui import a11y, app_words, localized, qtime
from ui.context import AppContext
from ui.dialogs.ledger_dialogs import BonusDialog, BuyDialog, LedgerDialog, ReconcileDialog
from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.ledger_model import PROPOSAL_COLUMN, PROPOSAL_ID_ROLE, LedgerTableModel
from ui.pages.base import Page, Remembered
from ui.theme import SEVERITY_COLORS
from ui.widgets.empty_state import EmptyState

#: the period filter: label and how many days back (None: all time, -1: custom range)
PERIODS: tuple[tuple[str, int | None], ...] = (
    ("All time", None),
    ("Last 30 days", 30),
    ("Last 90 days", 90),
    ("Last 12 months", 365),
    ("Custom range", -1),
)


class ConnectsPage(Page):
    """The ledger of Connects, with what it means for the days ahead."""

    #: the user asked to see a proposal (double-click on an entry's proposal)
    proposal_requested = Signal(int)

    title = QT_TRANSLATE_NOOP("Page", "Connects")
    icon_name = "connects"
    loads_when_built = True  # reads its data in __init__

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialog: LedgerDialog | None = None
        self._build_header_buttons()
        self.set_empty_state(
            EmptyState(
                "connects",
                self.tr("Your Connects ledger is empty"),
                self.tr(
                    "Start by typing the balance the platform shows (Available Connects). From then on "
                    "the monthly allocation arrives on your billing day, and every purchase, spend and "
                    "refund lands here as an entry: the balance is always their sum."
                ),
                action="Reconcile with the platform…",
            )
        )
        self.empty_state.action_triggered.connect(self.open_reconcile)
        self.set_content(self._build_content())
        ctx.ledger_changed.connect(self.refresh)
        ctx.proposals_changed.connect(self.refresh)
        # time passing (allocations, expiries) is caught up by the main window's timer
        self.refresh()

    # -- construction ---------------------------------------------------------

    def _build_header_buttons(self) -> None:
        self.buy_button = QPushButton(self.tr("Buy…"))
        self.buy_button.setToolTip(self.tr("Record a bundle you bought, with what you paid"))
        self.bonus_button = QPushButton(self.tr("Bonus…"))
        self.bonus_button.setToolTip(self.tr("Record free Connects the platform gave you"))
        self.reconcile_button = QPushButton(self.tr("Reconcile…"))
        self.reconcile_button.setToolTip(self.tr("Match the balance the platform shows"))
        self.buy_button.clicked.connect(self.open_buy)
        self.bonus_button.clicked.connect(self.open_bonus)
        self.reconcile_button.clicked.connect(self.open_reconcile)
        for button in (self.buy_button, self.bonus_button, self.reconcile_button):
            self.header.addWidget(button)

    def _build_content(self) -> QWidget:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(self._build_summary())
        layout.addLayout(self._build_filters())
        self.model = LedgerTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("ledgerTable")
        a11y.name(self.table, self.tr("Connects ledger"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the list
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # a posting title can be long: the proposal column keeps a width, the note stretches
        header.setSectionResizeMode(PROPOSAL_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(PROPOSAL_COLUMN, 300)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open_proposal)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        return content

    def _build_summary(self) -> QHBoxLayout:
        self.balance_label = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.balance_label.setObjectName("connectsBalance")
        font = self.balance_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.balance_label.setFont(font)
        self.expiry_label = QLabel(wordWrap=True)
        self.forecast_label = QLabel(wordWrap=True)
        self.warning_label = QLabel(wordWrap=True)
        self.warning_label.setObjectName("connectsWarning")
        self.warning_label.setStyleSheet(f"color: {SEVERITY_COLORS['warning']}")
        for label in (self.expiry_label, self.forecast_label, self.warning_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        details = QVBoxLayout()
        details.setSpacing(2)
        details.addWidget(self.expiry_label)
        details.addWidget(self.forecast_label)
        details.addWidget(self.warning_label)
        row = QHBoxLayout()
        row.addWidget(self.balance_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addSpacing(24)
        row.addLayout(details, 1)
        return row

    def _build_filters(self) -> QHBoxLayout:
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in LedgerKind:
            self.kind_filter.addItem(app_words.ledger_kind(kind.value), kind.value)
        self.period_filter = QComboBox()
        for label, days in PERIODS:
            self.period_filter.addItem(label, days)
        today = qtime.today()
        self.from_date = QDateEdit(today.addMonths(-1))
        self.to_date = QDateEdit(today)
        for edit in (self.from_date, self.to_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(localized.date_format())  # the locale's way
            edit.setEnabled(False)
            edit.dateChanged.connect(self.refresh)
        self.kind_filter.currentIndexChanged.connect(self.refresh)
        self.period_filter.currentIndexChanged.connect(self._period_changed)
        kind_label, period_label, to_label = (
            QLabel(self.tr("Kind:")),
            QLabel(self.tr("Period:")),
            QLabel(self.tr("to")),
        )
        a11y.name(self.kind_filter, self.tr("Kind of entry"), label=kind_label)
        a11y.name(self.period_filter, self.tr("Period"), label=period_label)
        a11y.name(self.from_date, self.tr("Period from"))
        a11y.name(self.to_date, self.tr("Period to"), label=to_label)
        row = QHBoxLayout()
        row.addWidget(kind_label)
        row.addWidget(self.kind_filter)
        row.addSpacing(12)
        row.addWidget(period_label)
        row.addWidget(self.period_filter)
        row.addWidget(self.from_date)
        row.addWidget(to_label)
        row.addWidget(self.to_date)
        row.addStretch(1)
        return row

    # -- data -----------------------------------------------------------------

    def _date_range(self) -> tuple[datetime | None, datetime | None]:
        days = self.period_filter.currentData()
        if days is None:
            return None, None
        if days == -1:
            start = datetime.combine(qtime.to_date(self.from_date.date()), time(0), tzinfo=UTC)
            end = datetime.combine(qtime.to_date(self.to_date.date()), time.max, tzinfo=UTC)
            return start, end
        return clock.now() - timedelta(days=days), None

    def layout_parts(self) -> dict[str, Remembered]:
        return {"columns": self.table.horizontalHeader()}

    @Slot()
    def refresh(self) -> None:
        kind = self.kind_filter.currentData()
        since, until = self._date_range()
        with self.ctx.db.read() as session:
            view = ledger.overview(
                session, kinds=[kind] if kind else None, since=since, until=until
            )
        self.model.set_credit_name(view.credit_name)
        self.model.set_rows(view.entries)
        self._show_summary(view)
        shown, total = localized.number(len(view.entries)), localized.number(view.total_entries)
        self.count_label.setText(
            self.tr("{shown} of {total} entries").format(shown=shown, total=total)
            if view.entries
            else self.tr("{shown} of {total} entries match the filter").format(
                shown=shown, total=total
            )
        )
        self.show_empty(view.total_entries == 0)

    def _show_summary(self, view: ledger.Overview) -> None:
        outlook, name = view.forecast, view.credit_name
        self.balance_label.setText(
            self.tr("{balance} {credits}").format(
                balance=localized.number(outlook.balance), credits=name
            )
        )
        expiries = [
            self.tr("{amount} {credits} expire on {day}").format(
                amount=localized.number(n), credits=name, day=localized.day(d)
            )
            for d, n in outlook.next_expiries
        ]
        self.expiry_label.setText(
            "; ".join(expiries)
            if expiries
            else self.tr("No {credits} waiting to expire").format(credits=name)
        )
        self.forecast_label.setText(self._forecast_text(outlook, name))
        warning = outlook.warning_message
        self.warning_label.setText(app_words.message(warning) if warning else outlook.warning or "")
        self.warning_label.setVisible(bool(outlook.warning))

    def _forecast_text(self, outlook: ledger.Forecast, name: str) -> str:
        """How long the balance lasts (as ``ledger.describe_forecast`` says it for the command
        line), in the user's language, numbers and dates."""
        if outlook.balance <= 0:
            return self.tr("No {credits} left to spend").format(credits=name)
        days = localized.number(outlook.window_days)
        if outlook.pace_per_day <= 0:
            return self.tr("No {credits} spent in the last {days} days").format(
                credits=name, days=days
            )
        pace = localized.number(outlook.pace_per_day, 1)
        if outlook.runs_out_on is None:
            return self.tr(
                "At {pace} a day (last {days} days) the balance lasts beyond a year"
            ).format(pace=pace, days=days)
        return self.tr("At {pace} a day (last {days} days) the balance runs out on {day}").format(
            pace=pace, days=days, day=localized.day(outlook.runs_out_on)
        )

    @Slot(int)
    def _period_changed(self, _index: int) -> None:
        custom = self.period_filter.currentData() == -1
        self.from_date.setEnabled(custom)
        self.to_date.setEnabled(custom)
        self.refresh()

    @Slot(QModelIndex)
    def _open_proposal(self, index: QModelIndex) -> None:
        proposal_id = self.model.data(index.siblingAtColumn(PROPOSAL_COLUMN), PROPOSAL_ID_ROLE)
        if proposal_id is not None:
            self.ctx.message.emit(self.tr("Proposal #{id}").format(id=proposal_id))
            self.proposal_requested.emit(int(proposal_id))

    # -- actions --------------------------------------------------------------

    @Slot()
    def open_buy(self) -> None:
        self._open(BuyDialog(self.ctx, self))

    @Slot()
    def open_bonus(self) -> None:
        self._open(BonusDialog(self.ctx, self))

    @Slot()
    def open_reconcile(self) -> None:
        self._open(ReconcileDialog(self.ctx, self))

    def _open(self, dialog: LedgerDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._posted(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _posted(self, dialog: LedgerDialog) -> None:
        entry = dialog.posted
        if entry is None:
            self.ctx.message.emit(self.tr("The ledger already matches the platform"))
            return
        self.ctx.message.emit(
            self.tr("Posted {kind} {amount}").format(
                kind=app_words.ledger_kind(entry.kind).lower(),
                amount=localized.signed(entry.amount),
            )
        )
