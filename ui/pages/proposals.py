"""The Proposals page: the pipeline table, the selected proposal, one-key status moves."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import ledger
from app.domain import ProposalStatus as S
from app.drafting.pipeline import (
    ProposalDetail,
    count_proposals,
    needs_reason,
    proposal_detail,
    proposal_rows,
)
from app.ledger import CloseChoice, close_choices
from app.proposals import change_status
from ui import a11y, localized, plain
from ui.app_words import proposal_status
from ui.context import AppContext
from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.proposals import ProposalsModel
from ui.ops import Change, CollectionOp
from ui.pages.base import Page, Remembered
from ui.widgets.columns import ColumnFitter
from ui.widgets.empty_state import EmptyState

#: keys on the table that move the selected proposal to its next status
NEXT_KEYS = (QKeySequence("Ctrl+Right"), QKeySequence("N"))


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ProposalsPage(Page):
    title = QT_TRANSLATE_NOOP("Page", "Proposals")
    icon_name = "proposals"
    loads_when_built = True  # reads its data in __init__
    shortcuts = (
        # (translated where the shortcuts are listed, in this class's context)
        ("N", QT_TRANSLATE_NOOP("ProposalsPage", "Move the selected proposal to its next status")),
        (
            "Ctrl+Right",
            QT_TRANSLATE_NOOP("ProposalsPage", "Move the selected proposal to its next status"),
        ),
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.set_empty_state(
            EmptyState(
                "proposals",
                self.tr("No proposals yet"),
                self.tr(
                    "Draft a proposal from a job posting on the Jobs page. Once you mark it as "
                    "submitted it shows up here, and you can move it along the pipeline (viewed, "
                    "replied, interviewing, hired) with one key."
                ),
            )
        )
        self.model = ProposalsModel(self)
        self.detail: ProposalDetail | None = None
        #: the last write this page started
        self.op: CollectionOp[Any] | None = None
        self._build_filter()
        self.set_content(self._build())
        ctx.proposals_changed.connect(self.refresh)
        self.refresh()

    # -- construction ---------------------------------------------------------

    def _build_filter(self) -> None:
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in S:
            self.status_filter.addItem(proposal_status(status), status.value)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        status_label_widget = QLabel(self.tr("Status"))
        a11y.name(self.status_filter, self.tr("Status filter"), label=status_label_widget)
        self.header.addWidget(status_label_widget)
        self.header.addWidget(self.status_filter)

    def _build(self) -> QWidget:
        self.table = QTableView()
        self.table.setObjectName("proposalsTable")
        a11y.name(self.table, self.tr("Proposals"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the list
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # the posting's title keeps room: the last change, then the submit date give way
        last = self.model.columnCount() - 1
        self.column_fitter = ColumnFitter(self.table, 0, (last, last - 1), min_stretch=180)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.installEventFilter(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 440])
        self.splitter = splitter
        return splitter

    def _build_detail(self) -> QWidget:
        self.title_text = _plain_label()
        self.title_text.setStyleSheet("font-weight: 600; font-size: 11.5pt;")
        self.status_text = _plain_label()
        self.money_text = _plain_label()
        self.outcome_text = _plain_label()
        self.next_button = QPushButton()
        self.next_button.setToolTip(self.tr("Move to the next status (Ctrl+Right or N)"))
        self.next_button.clicked.connect(self.move_to_next)
        self.moves_menu = QMenu(self)
        self.moves_button = QToolButton()
        self.moves_button.setText(self.tr("Move to…"))
        a11y.name(self.moves_button, self.tr("Move to another status"))
        self.moves_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.moves_button.setMenu(self.moves_menu)
        buttons = QHBoxLayout()
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.moves_button)
        buttons.addStretch(1)
        self.history_text = _plain_label()
        self.proposal_text = QPlainTextEdit(readOnly=True)
        self.proposal_text.setPlaceholderText(self.tr("No text was recorded for this proposal."))
        form = QFormLayout()
        form.addRow(self.tr("Status"), self.status_text)
        form.addRow(self.tr("Bid"), self.money_text)
        form.addRow(self.tr("Outcome"), self.outcome_text)
        form.addRow(self.tr("History"), self.history_text)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.title_text)
        layout.addLayout(buttons)
        layout.addLayout(form)
        text_label = QLabel(self.tr("Proposal text"))
        a11y.name(self.proposal_text, self.tr("Proposal text"), label=text_label)
        layout.addWidget(text_label)
        layout.addWidget(self.proposal_text, 1)
        return box

    def layout_parts(self) -> dict[str, Remembered]:
        return {"splitter": self.splitter, "columns": self.column_fitter}

    # -- loading --------------------------------------------------------------

    def current_status_filter(self) -> S | None:
        value = self.status_filter.currentData()
        return S(value) if value else None

    @Slot()
    def refresh(self) -> None:
        keep = self.detail.row.id if self.detail else None
        with self.ctx.db.read() as session:
            rows = proposal_rows(session, self.current_status_filter())
            total = count_proposals(session)
        self.model.set_rows(rows)
        self.show_empty(total == 0)
        row = self.model.row_of(keep) if keep is not None else -1
        self.select_row(row if row >= 0 else (0 if rows else -1))

    def select_row(self, row: int) -> None:
        if row < 0:
            self.table.clearSelection()
            self._show_detail(None)
            return
        self._selecting = True
        try:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.selectRow(row)
        finally:
            self._selecting = False
        self._load_detail(self.model.proposal(row).id)

    _selecting = False
    #: the ways a job can close, read with each proposal (they follow the settings)
    close_choices: list[CloseChoice] = []

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, *_: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and not self._selecting:
            self._load_detail(self.model.proposal(rows[0].row()).id)

    def _load_detail(self, proposal_id: int) -> None:
        with self.ctx.db.read() as session:
            detail = proposal_detail(session, proposal_id)
            self.close_choices = close_choices(session)
        self._show_detail(detail)

    def show_proposal(self, proposal_id: int) -> None:
        """Select one proposal (e.g. from a ledger entry), clearing the status filter."""
        if self.status_filter.currentIndex() != 0:
            self.status_filter.setCurrentIndex(0)  # refreshes
        else:
            self.refresh()
        row = self.model.row_of(proposal_id)
        if row >= 0:
            self.select_row(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _show_detail(self, detail: ProposalDetail | None) -> None:
        self.detail = detail
        enabled = detail is not None
        for widget in (self.next_button, self.moves_button):
            widget.setEnabled(enabled)
        if detail is None:
            for label in (self.title_text, self.status_text, self.money_text):
                label.clear()
            self.outcome_text.clear()
            self.history_text.clear()
            self.proposal_text.clear()
            self.next_button.setText(self.tr("Next status"))
            return
        row = detail.row
        self.title_text.setText(row.title)
        self.status_text.setText(proposal_status(row.status))
        # money and counts as the user's locale writes them; times (stored in UTC) in their zone
        if row.bid is not None:
            bid = localized.money(row.bid, decimals=2)
        else:
            bid = self.tr("no bid recorded")
        if row.invited:
            spent = self.tr("invited: no Connects")
        else:
            spent = self.tr("{count} Connects").format(count=localized.number(row.connects))
        if row.boost:
            spent = self.tr("{spent}, boost {boost}").format(
                spent=spent, boost=localized.number(row.boost)
            )
        self.money_text.setText(self.tr("{bid} · {spent}").format(bid=bid, spent=spent))
        outcome = detail.outcome_reason or "—"
        if detail.revenue_usd is not None:
            outcome = self.tr("{outcome} · revenue {amount}").format(
                outcome=outcome, amount=localized.money(detail.revenue_usd, decimals=2)
            )
        self.outcome_text.setText(outcome)
        self.history_text.setText(
            "\n".join(
                f"{localized.moment(step.at)}  {proposal_status(step.to_status)}"
                + (f" — {step.reason}" if step.reason else "")
                for step in detail.history
            )
        )
        self.proposal_text.setPlainText(detail.text)
        if detail.next is not None:
            self.next_button.setText(
                self.tr("Move to {status}").format(status=proposal_status(detail.next))
            )
        else:
            self.next_button.setText(self.tr("No next status"))
            self.next_button.setEnabled(False)
        self._fill_moves_menu(detail)

    def _fill_moves_menu(self, detail: ProposalDetail) -> None:
        """Plain moves (not hired, withdrawn… ask for a reason), then the ways the job can
        close, each saying what it refunds."""
        self.moves_menu.clear()
        closing = [
            c for c in self.close_choices if c.status == S.JOB_CLOSED and c.status in detail.moves
        ]
        covered = {c.status for c in closing}
        for status in detail.moves:
            if status in covered:
                continue
            action = self.moves_menu.addAction(proposal_status(status))
            action.triggered.connect(lambda _=False, s=status: self.move_to(s))
        if closing:
            self.moves_menu.addSection(self.tr("Job closed"))
        for choice in closing:
            refund = {
                "spend_and_boost": self.tr("{choice} (refund)"),
                "spend": self.tr("{choice} (refund, not the boost)"),
            }
            text = refund.get(choice.refund, "{choice}").format(choice=choice.label)
            action = self.moves_menu.addAction(text)
            action.triggered.connect(
                lambda _=False, c=choice: self.move_to(c.status, reason=c.reason)
            )
        if detail.row.boost and detail.row.status == S.SUBMITTED:
            self.moves_menu.addSeparator()
            outbid = self.moves_menu.addAction(
                self.tr("Outbid before the client looked (refund boost)")
            )
            outbid.triggered.connect(self.refund_boost)
        self.moves_button.setEnabled(not self.moves_menu.isEmpty())

    # -- moves ----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """N or Ctrl+Right on the table: the one-key move (before the table's own search)."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            pressed = QKeySequence(event.keyCombination())
            if any(
                pressed.matches(key) == QKeySequence.SequenceMatch.ExactMatch for key in NEXT_KEYS
            ):
                self.move_to_next()
                return True
        return super().eventFilter(watched, event)

    @Slot()
    def move_to_next(self) -> None:
        if self.detail is not None and self.detail.next is not None:
            self.move_to(self.detail.next)

    def ask_reason(self, status: S) -> str | None:
        """Why it ended (for closed statuses); None when the user cancels."""
        text, ok = QInputDialog.getText(
            self,
            self.tr("Mark as {status}").format(status=proposal_status(status).lower()),
            self.tr("Outcome reason (optional), e.g. “went with a cheaper bid”:"),
        )
        return text.strip() if ok else None

    def ask_revenue(self) -> tuple[bool, float | None]:
        """What the job is worth (optional, for Insights): (go ahead?, revenue or None)."""
        text, ok = QInputDialog.getText(
            self,
            self.tr("Mark as hired"),
            self.tr(
                "Revenue from this job in USD (optional; you can add it later with pwb status):"
            ),
        )
        if not ok:
            return False, None
        text = text.strip()
        if not text.strip("$ "):
            return True, None
        value = localized.parse_amount(text)  # as the user's locale writes it, or 1250.50
        if value is None:
            QMessageBox.warning(
                self,
                self.tr("Mark as hired"),
                plain.message(self.tr("{text} is not an amount in USD.").format(text=repr(text))),
            )
            return False, None
        return True, value

    @Slot()
    def refund_boost(self) -> None:
        """Outbid before the client interacted: the boost comes back (once)."""
        if self.detail is None:
            return
        proposal_id = self.detail.row.id
        self.op = (
            CollectionOp(
                self,
                lambda session: ledger.refund_boost(session, proposal_id).amount,
                Change.PROPOSALS | Change.LEDGER,
                title=self.tr("Refund boost"),
            )
            .success(
                lambda amount: self.ctx.message.emit(
                    self.tr("Boost of proposal {id} refunded: {amount} Connects").format(
                        id=proposal_id, amount=localized.number(amount)
                    )
                )
            )
            .run()
        )

    def move_to(self, status: S, reason: str | None = None) -> bool:
        """Move the selected proposal to ``status`` and show the result (False: the user
        cancelled a question; the move itself reports back when it has committed)."""
        if self.detail is None:
            return False
        if reason is None and needs_reason(status):
            reason = self.ask_reason(status)
            if reason is None:
                return False
        revenue: float | None = None
        if status == S.HIRED:
            go_ahead, revenue = self.ask_revenue()
            if not go_ahead:
                return False
        proposal_id = self.detail.row.id

        def move(session: Session) -> None:
            change_status(session, proposal_id, status, reason=reason or None, revenue_usd=revenue)

        # a move can refund Connects (see app.ledger hooks); the jobs list shows its badge
        changes = Change.PROPOSALS | Change.LEDGER | Change.JOBS
        self.op = (
            CollectionOp(self, move, changes, title=self.tr("Move proposal"))
            .success(
                lambda _: self.ctx.message.emit(
                    self.tr("Proposal {id} moved to {status}").format(
                        id=proposal_id, status=proposal_status(status).lower()
                    )
                )
            )
            .run()
        )
        return True
