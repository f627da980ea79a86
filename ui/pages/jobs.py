"""The Jobs page: filter bar, the lazy jobs table, and the selected posting on the right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import clock, plaintext
from app.display import posting_details
from app.domain import OPEN_JOB_STATUSES
from app.errors import WorkbenchError
from app.storage.jobs import (
    JobQuery,
    count_jobs,
    delete_jobs,
    get_job,
    has_jobs,
    restore_statuses,
    set_status,
    undelete_jobs,
)
from app.storage.scores import load_card
from ui import a11y, localized, qtime
from ui.context import AppContext
from ui.crash import show_error
from ui.dialogs.draft_dialog import DraftDialog, confirm_another_draft
from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.jobs_model import (
    CLIENT,
    COLUMNS,
    ID_ROLE,
    PROPOSAL_ROLE,
    PROPOSALS,
    SCORE,
    STATUS,
    TITLE,
    VERDICT,
    JobsModel,
)
from ui.ops import Change, CollectionOp
from ui.pages.base import Page, Remembered
from ui.tasks import Progress, Task, run_task
from ui.widgets.columns import ColumnFitter
from ui.widgets.empty_state import EmptyState
from ui.widgets.score_card_view import ScoreCardView, highlight_evidence, long_text
from ui.widgets.title_badge_delegate import TitleBadgeDelegate
from ui.widgets.verdict_delegate import VerdictDelegate

SEARCH_DELAY_MS = 250
#: how long the list must stay unchanged before a long list is counted in the background
COUNT_DELAY_MS = 600
#: status filter choices: (label, statuses)
STATUS_FILTERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("JobsPage", "Open (new, shortlisted)"), OPEN_JOB_STATUSES),
    (QT_TRANSLATE_NOOP("JobsPage", "All statuses"), ()),
    (QT_TRANSLATE_NOOP("JobsPage", "New"), ("new",)),
    (QT_TRANSLATE_NOOP("JobsPage", "Shortlisted"), ("shortlisted",)),
    (QT_TRANSLATE_NOOP("JobsPage", "Applied"), ("applied",)),
    (QT_TRANSLATE_NOOP("JobsPage", "Skipped"), ("skipped",)),
    (QT_TRANSLATE_NOOP("JobsPage", "Archived"), ("archived",)),
)
#: the date filter entry that shows the From / To fields
CUSTOM_RANGE = "custom"
#: verdict filter choices: (label, verdict)
VERDICT_FILTERS: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("JobsPage", "Any verdict"), None),
    (QT_TRANSLATE_NOOP("JobsPage", "Apply"), "apply"),
    (QT_TRANSLATE_NOOP("JobsPage", "Maybe"), "maybe"),
    (QT_TRANSLATE_NOOP("JobsPage", "Skip"), "skip"),
)
#: date filter choices: (label, how far back)
DATE_FILTERS: tuple[tuple[str, timedelta | None], ...] = (
    (QT_TRANSLATE_NOOP("JobsPage", "Posted any time"), None),
    (QT_TRANSLATE_NOOP("JobsPage", "Last 24 hours"), timedelta(days=1)),
    (QT_TRANSLATE_NOOP("JobsPage", "Last 3 days"), timedelta(days=3)),
    (QT_TRANSLATE_NOOP("JobsPage", "Last 7 days"), timedelta(days=7)),
    (QT_TRANSLATE_NOOP("JobsPage", "Last 30 days"), timedelta(days=30)),
)
#: row actions: (button text, status or "delete", shortcut)
ACTIONS = (
    (QT_TRANSLATE_NOOP("JobsPage", "Shortlist"), "shortlisted", "S"),
    (QT_TRANSLATE_NOOP("JobsPage", "Skip"), "skipped", "K"),
    (QT_TRANSLATE_NOOP("JobsPage", "Archive"), "archived", "A"),
    (QT_TRANSLATE_NOOP("JobsPage", "Delete"), "delete", "Del"),
)
#: what the undo bar says after each action
DONE_LABELS = {
    "shortlisted": QT_TRANSLATE_NOOP("JobsPage", "Shortlisted"),
    "skipped": QT_TRANSLATE_NOOP("JobsPage", "Skipped"),
    "archived": QT_TRANSLATE_NOOP("JobsPage", "Archived"),
}
#: how long the undo bar stays (Edit → Undo keeps the undo after it hides)
UNDO_BAR_MS = 8000


#: the detail pane's labels (app.display.posting_details) for translation, shown with tr()
_DETAIL_LABELS = (
    QT_TRANSLATE_NOOP("JobsPage", "Title"),
    QT_TRANSLATE_NOOP("JobsPage", "URL"),
    QT_TRANSLATE_NOOP("JobsPage", "Status"),
    QT_TRANSLATE_NOOP("JobsPage", "Budget"),
    QT_TRANSLATE_NOOP("JobsPage", "Experience"),
    QT_TRANSLATE_NOOP("JobsPage", "Duration"),
    QT_TRANSLATE_NOOP("JobsPage", "Hours per week"),
    QT_TRANSLATE_NOOP("JobsPage", "Category"),
    QT_TRANSLATE_NOOP("JobsPage", "Skills"),
    QT_TRANSLATE_NOOP("JobsPage", "Posted"),
    QT_TRANSLATE_NOOP("JobsPage", "Proposals"),
    QT_TRANSLATE_NOOP("JobsPage", "Interviewing"),
    QT_TRANSLATE_NOOP("JobsPage", "Invites sent"),
    QT_TRANSLATE_NOOP("JobsPage", "Unanswered invites"),
    QT_TRANSLATE_NOOP("JobsPage", "Last viewed by client"),
    QT_TRANSLATE_NOOP("JobsPage", "Connects to apply"),
    QT_TRANSLATE_NOOP("JobsPage", "Screening questions"),
    QT_TRANSLATE_NOOP("JobsPage", "Payment verified"),
    QT_TRANSLATE_NOOP("JobsPage", "Client rating"),
    QT_TRANSLATE_NOOP("JobsPage", "Client reviews"),
    QT_TRANSLATE_NOOP("JobsPage", "Client location"),
    QT_TRANSLATE_NOOP("JobsPage", "Jobs posted"),
    QT_TRANSLATE_NOOP("JobsPage", "Hire rate"),
    QT_TRANSLATE_NOOP("JobsPage", "Open jobs"),
    QT_TRANSLATE_NOOP("JobsPage", "Total spent"),
    QT_TRANSLATE_NOOP("JobsPage", "Hires"),
    QT_TRANSLATE_NOOP("JobsPage", "Avg hourly rate paid"),
    QT_TRANSLATE_NOOP("JobsPage", "Member since"),
    QT_TRANSLATE_NOOP("JobsPage", "Client industry"),
    QT_TRANSLATE_NOOP("JobsPage", "Client company"),
    QT_TRANSLATE_NOOP("JobsPage", "Captured"),
    QT_TRANSLATE_NOOP("JobsPage", "Not found in the text"),
)


class JobsPage(Page):
    """Filter bar, the jobs table, and the selected posting in tabs (Details, Raw text)."""

    #: the posting shown in the detail tabs changed (its id, or None): for more tabs
    job_shown = Signal(object)
    #: the user asked to paste a posting / import a file (the window's capture does it)
    paste_requested = Signal()
    import_requested = Signal()

    title = QT_TRANSLATE_NOOP("Page", "Jobs")
    icon_name = "jobs"
    loads_when_built = True  # reads its data in __init__
    shortcuts = (
        # (translated where the shortcuts are listed, in this class's context)
        (
            "S",
            QT_TRANSLATE_NOOP("JobsPage", "Shortlist the selected postings, then go to the next"),
        ),
        ("K", QT_TRANSLATE_NOOP("JobsPage", "Skip the selected postings, then go to the next")),
        ("A", QT_TRANSLATE_NOOP("JobsPage", "Archive the selected postings, then go to the next")),
        ("Del", QT_TRANSLATE_NOOP("JobsPage", "Delete the selected postings, then go to the next")),
        ("Return", QT_TRANSLATE_NOOP("JobsPage", "Draft a proposal for the selected posting")),
        ("Ctrl+D", QT_TRANSLATE_NOOP("JobsPage", "Draft a proposal for the selected posting")),
        (
            "Space",
            QT_TRANSLATE_NOOP(
                "JobsPage", "Open the selected posting's details (Esc goes back to the list)"
            ),
        ),
        ("Ctrl+F", QT_TRANSLATE_NOOP("JobsPage", "Search the postings")),
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        #: what Edit → Undo would do: (description, the write that undoes it)
        self._undo: tuple[str, Callable[[Session], object]] | None = None
        #: the next jobs_changed is this page's own triage (it keeps the undo)
        self._own_change = False
        #: after a triage action: the posting to select once the list reloads, and the row
        self._advance_to: tuple[int | None, int] | None = None
        self._count_generation = 0
        self.shown_job_id: int | None = None
        #: the draft dialog opened last (for tests and screenshots)
        self.draft_dialog: DraftDialog | None = None
        self._count_task: Task | None = None
        self._count_pending = False
        self.count_timer = QTimer(self)
        self.count_timer.setSingleShot(True)
        self.count_timer.setInterval(COUNT_DELAY_MS)
        self.count_timer.timeout.connect(self._count_when_idle)
        self.model = JobsModel(ctx.db, self)
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        self.header.addWidget(self.count_label)

        empty = EmptyState(
            "jobs",
            self.tr("No job postings yet"),
            self.tr(
                "Copy a job posting in your browser and paste it here (Ctrl+Shift+V), or import a "
                "CSV or JSON export from your job-alert tool. Each posting is scored against your "
                "profile, with its reasons and red flags."
            ),
        )
        self.empty_paste_button = QPushButton(self.tr("Paste a posting"))
        self.empty_import_button = QPushButton(self.tr("Import a file…"))
        self.empty_paste_button.clicked.connect(self.paste)
        self.empty_import_button.clicked.connect(self.import_file)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.empty_paste_button)
        row.addWidget(self.empty_import_button)
        row.addStretch(1)
        column = empty.text_label.parentWidget()
        assert column is not None
        column_layout = column.layout()
        assert isinstance(column_layout, QVBoxLayout)
        column_layout.addSpacing(8)
        column_layout.addLayout(row)
        self.set_empty_state(empty)
        # the view's sort indicator and the remembered layout (its sort too) set the order
        # only: the first screen is read once, below (issue 16)
        with self.model.held():
            self.set_content(self._build_content())
            self.restore_layout(QSettings())
        self.model.reloaded.connect(self._after_reload)
        ctx.database_replaced.connect(self._database_replaced)
        ctx.jobs_changed.connect(self._jobs_changed)
        ctx.profiles_changed.connect(self.reload)
        self.reload()

    # -- construction ----------------------------------------------------------------------

    def _build_content(self) -> QWidget:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_filter_bar())
        layout.addWidget(self._build_undo_bar())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_table())
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 400])
        self.splitter = splitter
        layout.addLayout(self._build_actions())
        layout.addWidget(splitter, 1)
        self._set_actions_enabled(False)
        # Tab in reading order: the filters, the actions above the list, the list, the
        # selected posting's tabs and what they show
        a11y.tab_chain(
            [
                self.search_edit,
                self.verdict_combo,
                self.status_combo,
                self.date_combo,
                self.date_from,
                self.date_to,
                self.undo_button,
                *self.action_buttons.values(),
                self.draft_button,
                self.table,
                self.detail_tabs,
                self.score_view.factors_view,
                self.score_view.flags_view,
                self.score_view.texts.tabBar(),
                self.score_view.description,
                self.score_view.pasted,
                self.raw_text,
            ]
        )
        return content

    def _build_filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search title, description and skills"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(self.search_timer.start)
        self.search_edit.returnPressed.connect(self.apply_filters)
        a11y.name(
            self.search_edit,
            self.tr("Search postings"),
            self.tr("Searches title, description and skills"),
        )
        self.status_combo = QComboBox()
        for label, statuses in STATUS_FILTERS:
            self.status_combo.addItem(self.tr(label), statuses)
        self.status_combo.currentIndexChanged.connect(self.apply_filters)
        a11y.name(self.status_combo, self.tr("Status filter"))
        self.verdict_combo = QComboBox()
        for label, verdict in VERDICT_FILTERS:
            self.verdict_combo.addItem(self.tr(label), verdict)
        self.verdict_combo.setToolTip(self.tr("Verdicts of the active profile's score cards"))
        self.verdict_combo.currentIndexChanged.connect(self.apply_filters)
        a11y.name(self.verdict_combo, self.tr("Verdict filter"))
        self.date_combo = QComboBox()
        for label, delta in DATE_FILTERS:
            self.date_combo.addItem(self.tr(label), delta)
        self.date_combo.addItem(self.tr("Posted between…"), CUSTOM_RANGE)
        self.date_combo.currentIndexChanged.connect(self._date_choice_changed)
        a11y.name(self.date_combo, self.tr("Date posted filter"))
        today = qtime.today()
        self.date_from = QDateEdit(today.addDays(-7))
        self.date_to = QDateEdit(today)
        for edit, tip in (
            (self.date_from, "Posted on or after"),
            (self.date_to, "Posted on or before"),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(localized.date_format())  # the locale's way
            edit.setToolTip(tip)
            a11y.name(edit, tip)
            edit.setVisible(False)
            edit.dateChanged.connect(self.apply_filters)
        bar.addWidget(self.search_edit, 3)
        bar.addWidget(self.verdict_combo)
        bar.addWidget(self.status_combo)
        bar.addWidget(self.date_combo)
        bar.addWidget(self.date_from)
        bar.addWidget(self.date_to)
        bar.addStretch(1)
        return bar

    @Slot()
    def _date_choice_changed(self) -> None:
        custom = self.date_combo.currentData() == CUSTOM_RANGE
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)
        self.apply_filters()

    def _build_undo_bar(self) -> QFrame:
        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("undoBar")
        self.undo_bar.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self.undo_bar)
        row.setContentsMargins(8, 4, 8, 4)
        self.undo_label = QLabel()
        self.undo_label.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.clicked.connect(self.undo)
        row.addWidget(self.undo_label, 1)
        row.addWidget(self.undo_button)
        self.undo_bar.hide()
        self.undo_timer = QTimer(self, singleShot=True, interval=UNDO_BAR_MS)
        self.undo_timer.timeout.connect(self.undo_bar.hide)
        return self.undo_bar

    def _build_table(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableView()
        self.table.setObjectName("jobsTable")
        a11y.name(
            self.table,
            self.tr("Job postings"),
            self.tr("Space opens the details, Return drafts a proposal"),
        )
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(
            [c.sort_key for c in COLUMNS].index("posted_at"), Qt.SortOrder.DescendingOrder
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setItemDelegateForColumn(VERDICT, VerdictDelegate(self.table))
        self.table.setItemDelegateForColumn(TITLE, TitleBadgeDelegate(PROPOSAL_ROLE, self.table))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((70, 40, 240, 86, 88, 78, 64, 80, 84)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        # the status filter says which statuses are listed; the column is there on demand
        self.table.setColumnHidden(STATUS, True)
        # at laptop sizes the title keeps room: client, then proposals, give way first
        self.column_fitter = ColumnFitter(self.table, TITLE, (CLIENT, PROPOSALS, SCORE))
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.no_match_label = QLabel(self.tr("No postings match these filters."))
        self.no_match_label.setObjectName("muted")
        self.no_match_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match_label.hide()
        layout.addWidget(self.table, 1)
        layout.addWidget(self.no_match_label)
        return box

    def _build_actions(self) -> QHBoxLayout:
        """Row actions for the selected postings: triage on the left, drafting on the right."""
        actions = QHBoxLayout()
        self.action_buttons: dict[str, QPushButton] = {}
        for text, target, shortcut in ACTIONS:
            button = QPushButton(self.tr(text))
            button.setToolTip(
                self.tr("{action} the selected postings ({key})").format(
                    action=self.tr(text), key=shortcut
                )
            )
            button.clicked.connect(lambda _=False, t=target: self.apply_action(t))
            self.action_buttons[target] = button
            actions.addWidget(button)
            action = QAction(text, self, shortcut=QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, t=target: self.apply_action(t))
            self.table.addAction(action)
        for keys, slot in (
            (
                (QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)),
                self.draft_proposal,
            ),
            ((QKeySequence(Qt.Key.Key_Space),), self.open_detail),
        ):
            key_action = QAction(self)
            key_action.setShortcuts(list(keys))
            key_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            key_action.triggered.connect(slot)
            self.table.addAction(key_action)
        find = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.Find))
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(
            lambda: self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        )
        self.addAction(find)
        actions.addStretch(1)
        self.draft_button = QPushButton(self.tr("Draft proposal…"))
        self.draft_button.setToolTip(self.tr("Draft a proposal for the selected posting (Ctrl+D)"))
        self.draft_button.setDefault(True)
        self.draft_button.clicked.connect(self.draft_proposal)
        draft_action = QAction(self.tr("Draft proposal"), self, shortcut=QKeySequence("Ctrl+D"))
        draft_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        draft_action.triggered.connect(self.draft_proposal)
        self.table.addAction(draft_action)
        actions.addWidget(self.draft_button)
        return actions

    def _build_detail(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 0, 0, 0)

        self.detail_stack = QStackedWidget()
        hint = QLabel(self.tr("Select a posting to see all its fields and the text you pasted."))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_stack.addWidget(hint)
        #: tabs for the selected posting: its score card first
        self.detail_tabs = QTabWidget()
        a11y.name(self.detail_tabs.tabBar(), self.tr("Posting details"))
        self.score_view = ScoreCardView()
        self.detail_tabs.addTab(self.score_view, self.tr("Score"))
        self.detail_tabs.addTab(self._build_details_tab(), self.tr("Details"))
        self.raw_text = QPlainTextEdit(readOnly=True)
        self.raw_text.setUndoRedoEnabled(False)  # highlights set on it are no edits
        a11y.name(self.raw_text, self.tr("Pasted text of the posting"))
        self.raw_text.setPlaceholderText(
            self.tr("This posting was imported: there is no pasted text.")
        )
        self.raw_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.detail_tabs.addTab(self.raw_text, self.tr("Raw text"))
        self.detail_stack.addWidget(self.detail_tabs)
        layout.addWidget(self.detail_stack, 1)
        return box

    def _build_details_tab(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        outer = QVBoxLayout(inner)
        self.detail_form = QFormLayout()
        self.detail_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.detail_labels: dict[str, QLabel] = {}
        outer.addLayout(self.detail_form)
        self.description_title = QLabel(self.tr("Description"))
        self.description_title.setObjectName("sectionTitle")
        self.description_title.setStyleSheet("font-weight: 600; margin-top: 8px;")
        self.description = QLabel()
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        outer.addWidget(self.description_title)
        outer.addWidget(self.description)
        outer.addStretch(1)
        scroll.setWidget(inner)
        return scroll

    # -- loading ---------------------------------------------------------------------------

    def current_query(self) -> JobQuery:
        statuses = self.status_combo.currentData() or ()
        delta = self.date_combo.currentData()
        now = clock.now().replace(second=0, microsecond=0)  # same query within a minute
        posted_from = now - delta if isinstance(delta, timedelta) else None
        posted_to = None
        if delta == CUSTOM_RANGE:
            low, high = sorted((self.date_from.date(), self.date_to.date()))
            posted_from = datetime(low.year(), low.month(), low.day(), tzinfo=UTC)
            posted_to = datetime(high.year(), high.month(), high.day(), tzinfo=UTC)
            posted_to += timedelta(days=1)  # the whole last day
        return JobQuery(
            search=self.search_edit.text(),
            statuses=tuple(statuses),
            verdict=self.verdict_combo.currentData() or None,
            posted_from=posted_from,
            posted_to=posted_to,
            sort=self.model.query.sort,
            descending=self.model.query.descending,
        )

    @Slot()
    def apply_filters(self) -> None:
        self.search_timer.stop()
        self.model.set_query(self.current_query())

    @Slot()
    def reload(self) -> None:
        """Re-read the list (after a change), keeping the filters and the selection."""
        selected = self.selected_ids()
        advance, self._advance_to = self._advance_to, None
        with self.ctx.db.read() as session:
            any_jobs = has_jobs(session)
        self.show_empty(not any_jobs)
        if any_jobs:
            query = self.current_query()
            scrolled = self.table.verticalScrollBar().value()
            if query == self.model.query:
                self.model.reload(keep_loaded=True)
            else:
                self.model.set_query(query)
            self.table.verticalScrollBar().setValue(scrolled)
            if advance is None:
                self._select_ids(selected)
                return
            job_id, row = advance
            target = self.model.row_of(job_id) if job_id is not None else None
            if target is None and self.model.rowCount():
                target = min(row, self.model.rowCount() - 1)
            if target is not None:
                self.select_row(target)

    def select_row(self, row: int) -> None:
        """Make ``row`` the selected and current row (the arrow keys go on from it)."""
        index = self.model.index(row, TITLE)
        flags = self.table.selectionModel().SelectionFlag
        self.table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.table.scrollTo(index)

    def refresh(self) -> None:
        self.reload()

    def layout_parts(self) -> dict[str, Remembered]:
        return {"splitter": self.splitter, "columns": self.column_fitter}

    def _after_reload(self) -> None:
        self.no_match_label.setVisible(self.model.rowCount() == 0)
        self._show_detail(None)
        self._count_generation += 1
        if not self.model.canFetchMore():
            self._show_count(self._count_generation, self.model.rowCount())
            return
        # a million rows take a moment to count: in the background, one count at a time,
        # once the user stops typing (so it never slows down the next screen)
        self.count_label.setText(
            self.tr("{count}+ postings").format(count=localized.number(self.model.rowCount()))
        )
        self.count_timer.start()

    def _count_when_idle(self) -> None:
        if self._count_task is None:
            self._start_count()
        else:
            self._count_pending = True

    def _start_count(self) -> None:
        db, query, generation = self.ctx.db, self.model.query, self._count_generation

        def work(_progress: Progress) -> int:
            with db.read() as session:
                return count_jobs(session, query)

        self._count_task = run_task(
            work, on_done=lambda total: self._show_count(generation, total), parent=self
        )
        self._count_task.finished.connect(self._count_finished)

    def _count_finished(self) -> None:
        self._count_task = None
        if self._count_pending:
            self._count_pending = False
            self._start_count()

    def postings_text(self, count: int) -> str:
        """``1 posting``, ``12,345 postings``."""
        if count == 1:
            return self.tr("1 posting")
        return self.tr("{count} postings").format(count=localized.number(count))

    def _show_count(self, generation: int, total: int) -> None:
        if generation == self._count_generation:
            self.count_label.setText(self.postings_text(total))
        elif self.model.canFetchMore():
            self._count_pending = True  # the query changed while counting: count it now

    def _select_ids(self, ids: list[int]) -> None:
        rows = [r for r in (self.model.row_of(i) for i in ids) if r is not None]
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        self.table.selectionModel().select(
            selection, self.table.selectionModel().SelectionFlag.ClearAndSelect
        )
        if rows:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(rows[0], 0), self.table.selectionModel().SelectionFlag.NoUpdate
            )

    # -- selection and detail --------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.data(self.model.index(r, 0), ID_ROLE) for r in rows]

    @Slot()
    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        self._set_actions_enabled(bool(ids))
        self._show_detail(ids[0] if len(ids) == 1 else None)

    def _set_actions_enabled(self, enabled: bool) -> None:
        for button in self.action_buttons.values():
            button.setEnabled(enabled)
        self.draft_button.setEnabled(enabled and len(self.selected_ids()) == 1)

    def _show_detail(self, job_id: int | None) -> None:
        if job_id is None:
            self.detail_stack.setCurrentIndex(0)
            if self.shown_job_id is not None:
                self.shown_job_id = None
                self.job_shown.emit(None)
            return
        with self.ctx.db.read() as session:
            job = get_job(session, job_id)
            details = posting_details(job, formats=localized.posting_formats())
            description = job.description or ""
            raw = job.raw_text or ""
            card = load_card(session, job_id)
        while self.detail_form.rowCount():
            self.detail_form.removeRow(0)
        self.detail_labels = {}
        for label, text in details:
            value = QLabel(text or "—")
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.detail_labels[label] = value
            shown_label = self.tr(label) if label in _DETAIL_LABELS else label
            self.detail_form.addRow(self.tr("{label}:").format(label=shown_label), value)
        shown, left_out = plaintext.preview(description)  # a label lays out all it holds
        if left_out:
            shown += "\n\n" + self.tr(
                "({count} more characters: the Score tab shows the whole text)"
            ).format(count=localized.number(left_out))
        self.description.setText(shown or "—")
        self.raw_text.setPlainText(long_text(raw)[0])
        self.score_view.show_card(card, description, raw)
        view = self.score_view
        if view.card is not None:  # the Raw text tab shows the same passages highlighted
            flags = view.flags.rows
            highlight_evidence(self.raw_text, raw, [(f, view.pasted_span(f, raw)) for f in flags])
        self.detail_stack.setCurrentIndex(1)
        self.shown_job_id = job_id
        self.job_shown.emit(job_id)

    def _header_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for column, spec in enumerate(COLUMNS):
            if column == TITLE:
                continue
            action = menu.addAction(spec.label)
            action.setCheckable(True)
            action.setChecked(not self.column_fitter.user_hidden(column))
            action.toggled.connect(
                lambda on, c=column: self.column_fitter.set_user_hidden(c, not on)
            )
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

    def _context_menu(self, pos: QPoint) -> None:
        if not self.selected_ids():
            return
        menu = QMenu(self)
        for text, target, _shortcut in ACTIONS:
            menu.addAction(self.tr(text), partial(self.apply_action, target))
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # -- actions ---------------------------------------------------------------------------

    @Slot(str)
    def apply_action(self, target: str) -> None:
        """Shortlist / skip / archive / delete the selected postings, with undo; the row
        after them is selected next, so the keys keep moving down the list."""
        ids = self.selected_ids()
        if not ids:
            return
        noun = self.postings_text(len(ids))
        self._advance_to = self._row_after(ids)
        write: Callable[[Session], object]
        if target == "delete":
            write = partial(delete_jobs, job_ids=ids)
            done = self.tr("Deleted {postings}").format(postings=noun)
        else:
            write = partial(set_status, job_ids=ids, status=target)
            done = self.tr("{done}: {postings}").format(
                done=self.tr(DONE_LABELS[target]), postings=noun
            )

        def offer(result: object) -> None:
            if target == "delete":
                assert isinstance(result, list)
                self._offer_undo(done, partial(undelete_jobs, job_ids=result))
            else:
                assert isinstance(result, dict)
                self._offer_undo(done, partial(restore_statuses, previous=result))

        verb = self.tr(next(text for text, t, _key in ACTIONS if t == target))
        self._write(write, verb).success(offer).run()

    def _write(self, fn: Callable[[Session], object], title: str) -> CollectionOp[object]:
        """An op on the postings whose jobs_changed is this page's own (keeps the undo)."""
        self._own_change = True
        op: CollectionOp[object] = CollectionOp(
            self, lambda session: fn(session), Change.JOBS, title=title
        )
        op.finished.connect(lambda: setattr(self, "_own_change", False))
        return op

    def _row_after(self, ids: list[int]) -> tuple[int | None, int]:
        """The posting below the selection (else above it), and the row it is on now."""
        rows = sorted(r for r in (self.model.row_of(i) for i in ids) if r is not None)
        if not rows:
            return None, 0
        below = rows[-1] + 1
        if below >= self.model.rowCount() and self.model.canFetchMore():
            self.model.fetchMore()
        if below < self.model.rowCount():
            return self.model.job_id(below), rows[0]
        above = rows[0] - 1
        return (self.model.job_id(above), above) if above >= 0 else (None, 0)

    @Slot()
    def _database_replaced(self) -> None:
        """Another database (see :meth:`AppContext.replace_database`): the list reads it."""
        self.model.db = self.ctx.db

    @Slot()
    def _jobs_changed(self) -> None:
        """Postings changed: reload; a change made elsewhere (a paste, an import, a
        rescore) ends the undo, so Undo never brings back an old state over new work."""
        if not self._own_change:
            self._drop_undo()
        self.reload()

    def _offer_undo(self, text: str, undo: Callable[[Session], object]) -> None:
        self._undo = (text, undo)
        self.undo_label.setText(text + ".")
        self.undo_bar.show()
        self.undo_timer.start()
        self.ctx.message.emit(self.tr("{change}. Ctrl+Z to undo.").format(change=text))
        self.undo_changed.emit()

    def _drop_undo(self) -> None:
        if self._undo is not None:
            self._undo = None
            self.undo_bar.hide()
            self.undo_changed.emit()

    def undo_text(self) -> str | None:
        return self._undo[0] if self._undo is not None else None

    @Slot()
    def undo(self) -> None:
        if self._undo is None:
            return
        (_text, write), self._undo = self._undo, None
        self.undo_bar.hide()
        self.undo_changed.emit()
        self._write(write, self.tr("Undo")).success(
            lambda _: self.ctx.message.emit(self.tr("Undone."))
        ).run()

    @Slot()
    def open_detail(self) -> None:
        """Space: into the selected posting's details (Esc comes back to the list)."""
        if self.detail_stack.currentIndex() != 1:
            return
        sizes = self.splitter.sizes()
        if len(sizes) == 2 and sizes[1] == 0:  # the detail was pushed aside: bring it back
            self.splitter.setSizes([sizes[0] * 3 // 5, sizes[0] * 2 // 5])
        page = self.detail_tabs.currentWidget()
        if page is not None:
            page.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self.table.hasFocus():
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        super().keyPressEvent(event)

    @Slot()
    def paste(self) -> None:
        self.paste_requested.emit()

    def reveal(self, job_id: int) -> None:
        """Select and show ``job_id``, clearing the filters if they hide it."""
        self.reload()
        index = self.row_for(job_id)
        if not index.isValid():
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
            self.date_combo.setCurrentIndex(0)
            self.verdict_combo.setCurrentIndex(0)
            self.status_combo.setCurrentIndex(1)  # all statuses
            self.apply_filters()
            index = self.row_for(job_id)
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    @Slot()
    def import_file(self) -> None:
        self.import_requested.emit()

    def prepare_screenshot(self) -> None:
        """Show a posting's score card in screenshots (the first row, if any)."""
        if self.model.rowCount():
            self.table.selectRow(0)

    @Slot()
    def draft_proposal(self) -> None:
        """Open the draft dialog for the one selected posting."""
        ids = self.selected_ids()
        if len(ids) != 1 or not confirm_another_draft(self, self.ctx, ids[0]):
            return
        try:
            dialog = DraftDialog(self.ctx, ids[0], self)
        except WorkbenchError as exc:
            show_error(self, self.tr("Draft proposal"), exc)
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.draft_dialog = dialog
        dialog.open()

    def row_for(self, job_id: int) -> QModelIndex:
        """The index of ``job_id`` in the table, loading more rows if needed (for tests/links)."""
        while self.model.row_of(job_id) is None and self.model.canFetchMore():
            self.model.fetchMore()
        row = self.model.row_of(job_id)
        return QModelIndex() if row is None else self.model.index(row, TITLE)
