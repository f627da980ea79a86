"""The main window: navigation to the six areas, menus, status bar.

A page is built the first time it is shown (or asked for with :meth:`MainWindow.page`):
opening the app builds the page it opens on, not all six.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEvent, QSettings, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app import APP_NAME, __version__, ledger
from app.archive import export_all, import_all
from app.errors import WorkbenchError
from app.storage.db import reopen
from app.storage.ledger import connects_balance
from ui import qtime
from ui.capture import dropped_file, import_path, install_capture_actions, undo_last_import
from ui.context import AppContext
from ui.crash import show_error
from ui.dialogs.import_dialog import ImportDialog
from ui.dialogs.review_dialog import ReviewDialog
from ui.icons import icon
from ui.pages.base import Page
from ui.pages.connects import ConnectsPage
from ui.pages.insights import InsightsPage
from ui.pages.jobs import JobsPage
from ui.pages.profile import ProfilePage
from ui.pages.proposals import ProposalsPage
from ui.pages.replies import RepliesPage
from ui.tasks import Task, run_task

PageT = TypeVar("PageT", bound=Page)

#: the areas in navigation order (Ctrl+1 … Ctrl+6)
PAGE_CLASSES: tuple[type[Page], ...] = (
    JobsPage,
    ProposalsPage,
    RepliesPage,
    ConnectsPage,
    InsightsPage,
    ProfilePage,
)
#: how often an open app posts what time passing owes the ledger
CATCH_UP_INTERVAL_MS = 60 * 60 * 1000


class MainWindow(QMainWindow):
    """Navigation on the left, the current page on the right, status below."""

    # set by ui.capture on the window: its actions, and the dialogs they opened last
    paste_action: QAction
    import_action: QAction
    review_dialog: ReviewDialog
    import_dialog: ImportDialog
    warning_box: QMessageBox
    undo_import_box: QMessageBox
    #: the last File → Export everything… running or done
    export_task: Task

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icon("app", size=256))
        #: the pages built so far (each on first show)
        self._pages: dict[type[Page], Page] = {}
        self._build_central()
        self._build_menus()
        install_capture_actions(self, ctx)
        self._build_status_bar()
        ctx.ledger_changed.connect(self.refresh_balance)
        ctx.proposals_changed.connect(self.refresh_balance)  # submits spend, closes refund
        ctx.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        # the app opens caught up (ui.main.open_for_gui); this keeps an open app so,
        # whichever pages have been shown
        self.catch_up_timer = QTimer(self, interval=CATCH_UP_INTERVAL_MS)
        self.catch_up_timer.timeout.connect(self.catch_up)
        self.catch_up_timer.start()
        self._restore_state()
        self.setAcceptDrops(True)  # drop a CSV / JSON file on the window to import it

    # -- construction ---------------------------------------------------------

    def _build_central(self) -> None:
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(190)
        self.nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stack = QStackedWidget()
        for cls in PAGE_CLASSES:
            self.nav.addItem(QListWidgetItem(cls.title))
            self.stack.addWidget(QWidget())  # stands in for the page until it is shown
        self._tint_icons()
        self.nav.currentRowChanged.connect(self.show_page)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.restore_action = QAction("&Restore backup…", self)
        self.restore_action.triggered.connect(self.restore_backup)
        self.export_action = QAction("&Export everything…", self)
        self.export_action.triggered.connect(self.export_everything)
        self.import_all_action = QAction("Import e&verything…", self)
        self.import_all_action.triggered.connect(self.import_everything)
        file_menu.addActions([self.restore_action, self.export_action, self.import_all_action])
        file_menu.addSeparator()
        self.quit_action = QAction(
            "&Quit", self, shortcut=QKeySequence(QKeySequence.StandardKey.Quit)
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu("&Edit")
        self.preferences_action = QAction("&Preferences…", self)
        self.preferences_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Preferences), QKeySequence("Ctrl+,")]
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.triggered.connect(self.open_preferences)
        edit_menu.addAction(self.preferences_action)
        self.undo_import_action = QAction("Undo last import…", self)
        self.undo_import_action.setObjectName("undoLastImport")
        self.undo_import_action.setStatusTip(
            "Remove what the last import added and put back what it changed"
        )
        self.undo_import_action.triggered.connect(lambda: undo_last_import(self.ctx, self))
        edit_menu.addAction(self.undo_import_action)

        go_menu = bar.addMenu("&Go")
        for row, cls in enumerate(PAGE_CLASSES):
            action = QAction(cls.title, self, shortcut=QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _=False, r=row: self.nav.setCurrentRow(r))
            go_menu.addAction(action)

        help_menu = bar.addMenu("&Help")
        self.about_action = QAction(f"&About {APP_NAME}", self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        self.db_label = QLabel()
        self.db_label.setTextFormat(Qt.TextFormat.PlainText)
        self.db_label.setText(f"Database: {self.ctx.db.location}")
        self.db_label.setToolTip(self.ctx.db.location)
        self.balance_label = QLabel()
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.balance_label)
        self.refresh_balance()

    def _tint_icons(self) -> None:
        color = self.palette().windowText().color()
        selected = self.palette().highlightedText().color()
        for row, cls in enumerate(PAGE_CLASSES):
            tinted = icon(cls.icon_name, color)
            white = icon(cls.icon_name, selected).pixmap(48, 48)
            tinted.addPixmap(white, QIcon.Mode.Selected)
            self.nav.item(row).setIcon(tinted)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_file(event.mimeData().urls()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_file(event.mimeData().urls())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        import_path(self.ctx, self, path)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._tint_icons()
        super().changeEvent(event)

    # -- state ----------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        row = int(str(settings.value("window/page", 0) or 0))
        self.nav.setCurrentRow(row if 0 <= row < len(PAGE_CLASSES) else 0)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/page", self.nav.currentRow())
        super().closeEvent(event)

    # -- slots ----------------------------------------------------------------

    # -- pages --------------------------------------------------------------

    def page(self, cls: type[PageT]) -> PageT:
        """The one page of class ``cls``, built now if it has not been shown yet."""
        page = self._pages.get(cls)
        if page is None:
            page = self._build_page(cls)
        assert isinstance(page, cls)
        return page

    def is_built(self, cls: type[Page]) -> bool:
        """Whether the page of class ``cls`` exists yet (it is built when first shown)."""
        return cls in self._pages

    def go_to(self, cls: type[PageT]) -> PageT:
        """Show the page of class ``cls`` (as a click in the navigation does) and return it."""
        self.nav.setCurrentRow(PAGE_CLASSES.index(cls))
        return self.page(cls)

    def current_page(self) -> Page:
        return self.page(PAGE_CLASSES[self.stack.currentIndex()])

    def _build_page(self, cls: type[Page]) -> Page:
        row = PAGE_CLASSES.index(cls)
        page = cls(self.ctx)
        self._pages[cls] = page
        stand_in = self.stack.widget(row)
        assert stand_in is not None
        showing = self.stack.currentIndex()
        self.stack.insertWidget(row, page)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        self.stack.setCurrentIndex(showing)
        if isinstance(page, ConnectsPage):
            page.proposal_requested.connect(self.open_proposal)
        return page

    @Slot(int)
    def show_page(self, row: int) -> None:
        if row < 0:
            return
        page = self.page(PAGE_CLASSES[row])
        self.stack.setCurrentIndex(row)
        page.refresh()

    @Slot(int)
    def open_proposal(self, proposal_id: int) -> None:
        """Show a proposal on the Proposals page (from a ledger entry)."""
        self.go_to(ProposalsPage).show_proposal(proposal_id)

    @Slot()
    def catch_up(self) -> None:
        """Post allocations and expiries that fell due while the app was open."""
        posted = ledger.catch_up_database(self.ctx.db)
        if posted:
            self.ctx.ledger_changed.emit()
            self.ctx.message.emit(f"Posted {len(posted)} allocation or expiry entries")

    @Slot()
    def restore_backup(self) -> None:
        """File → Restore backup…: put a backup in the database's place, then show it."""
        from ui.dialogs.restore_dialog import RestoreDialog

        db = self.ctx.db
        if db.path is None:
            QMessageBox.information(
                self, "Restore backup", "A server database is restored with the server's tools."
            )
            return
        dialog = RestoreDialog(db.path, self, prepare=db.engine.dispose)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.restored is None:
            return
        try:
            reopen(db)
        except WorkbenchError as exc:
            show_error(self, "Restore backup", exc)
            return
        self.show_new_data()
        kept = dialog.restored.kept
        where = f"; the replaced database is kept as {kept.name}" if kept else ""
        self.ctx.message.emit(f"Restored {dialog.restored.backup.name}{where}")

    @Slot()
    def export_everything(self) -> None:
        """File → Export everything…: one ZIP with every table (``pwb export``)."""
        default = f"proposal-workbench-{qtime.today().toString('yyyyMMdd')}.zip"
        name, _ = QFileDialog.getSaveFileName(
            self, "Export everything", default, "ZIP archives (*.zip)"
        )
        if not name:
            return
        path, db = Path(name), self.ctx.db
        self.ctx.message.emit(f"Exporting to {path.name}…")
        self.export_task = run_task(
            lambda _progress: export_all(db, path, replace=True),
            on_done=lambda counts: self.ctx.message.emit(
                f"Exported {sum(counts.values()):,} records to {path}"
            ),
            on_error=lambda exc: show_error(self, "Export everything", exc),
            parent=self,
        )

    @Slot()
    def import_everything(self) -> None:
        """File → Import everything…: an export into this database, if it is empty."""
        name, _ = QFileDialog.getOpenFileName(self, "Import everything", "", "ZIP archives (*.zip)")
        if not name:
            return
        try:
            counts = import_all(self.ctx.db, Path(name))
        except WorkbenchError as exc:
            show_error(self, "Import everything", exc)
            return
        self.show_new_data()
        self.ctx.message.emit(f"Imported {sum(counts.values()):,} records from {Path(name).name}")

    def show_new_data(self) -> None:
        """Every page built afresh and every change announced: the data was replaced."""
        self.reset_pages()
        for signal in (
            self.ctx.jobs_changed,
            self.ctx.proposals_changed,
            self.ctx.ledger_changed,
            self.ctx.replies_changed,
            self.ctx.profiles_changed,
        ):
            signal.emit()

    def reset_pages(self) -> None:
        """Build every page afresh (after the database was replaced under them)."""
        showing = self.stack.currentIndex()
        for cls, page in list(self._pages.items()):
            row = PAGE_CLASSES.index(cls)
            self.stack.insertWidget(row, QWidget())
            self.stack.removeWidget(page)
            page.deleteLater()
        self._pages.clear()
        self.stack.setCurrentIndex(showing)
        self.show_page(showing)

    @Slot()
    def refresh_balance(self) -> None:
        with self.ctx.db.read() as session:
            balance = connects_balance(session)
        self.balance_label.setText(f"Connects: {balance:,}")

    @Slot()
    def open_preferences(self) -> None:
        from ui.preferences import PreferencesDialog

        PreferencesDialog(self.ctx, self).exec()

    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<b>{APP_NAME}</b> {__version__}<br>"
            "Score job postings, draft proposals from saved replies, and keep an exact "
            "account of your Connects.<br><br>"
            "Everything stays on this computer.",
        )
