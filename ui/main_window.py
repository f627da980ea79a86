"""The main window: navigation to the six areas, menus, status bar.

A page is built the first time it is shown (or asked for with :meth:`MainWindow.page`):
opening the app builds the page it opens on, not all six.

Menus (each action through :func:`add_action`, which shows its shortcut):

- File: Paste posting, Import postings…, Back up now, Open data folder, Quit
- Edit: Undo, Preferences
- Go: one entry per page (Ctrl+1 … Ctrl+6)
- Help: Keyboard shortcuts (F1), About

Other features add their items through :func:`add_action` at the marked places
(``self.file_menu``, ``self.edit_menu``, and the named separators).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import PySide6
from PySide6 import QtCore  # its Qt namespace is read after the first paint (issue 16)
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QSettings,
    QSize,
    QTimer,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from app import APP_NAME, paths
from app.errors import WorkbenchError
from ui import localized, qtime
from ui.capture_actions import capture_actions
from ui.crash import show_error
from ui.i18n import QT_TRANSLATE_NOOP
from ui.icons import icon
from ui.tasks import Progress, Task, run_task
from ui.theme import apply_theme

# The window paints before the database layer and the pages are imported (issue 16:
# start-up): what needs them is imported when the database is attached, or when used.
# Qt's classes are made on first use (PySide6 6.11: 0.3-3 ms each with their enums),
# so those only used after the first paint are imported where used (issue 16).
if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QMessageBox

    from app.storage import Database
    from ui.capture import Capture
    from ui.context import AppContext
    from ui.dialogs.import_dialog import ImportDialog
    from ui.dialogs.review_dialog import ReviewDialog
    from ui.pages.base import Page
    from ui.quick_capture import QuickCapture
    from ui.watch import DatabaseWatch

PageT = TypeVar("PageT", bound="Page")

#: the areas in navigation order (Ctrl+1 … Ctrl+6): title, icon, module, class; the
#: classes themselves are ``PAGE_CLASSES`` (imported on first use)
PAGES: tuple[tuple[str, str, str, str], ...] = (
    (QT_TRANSLATE_NOOP("Page", "Jobs"), "jobs", "ui.pages.jobs", "JobsPage"),
    (QT_TRANSLATE_NOOP("Page", "Proposals"), "proposals", "ui.pages.proposals", "ProposalsPage"),
    (QT_TRANSLATE_NOOP("Page", "Saved replies"), "replies", "ui.pages.replies", "RepliesPage"),
    (QT_TRANSLATE_NOOP("Page", "Connects"), "connects", "ui.pages.connects", "ConnectsPage"),
    (QT_TRANSLATE_NOOP("Page", "Insights"), "insights", "ui.pages.insights", "InsightsPage"),
    (QT_TRANSLATE_NOOP("Page", "Profile"), "profile", "ui.pages.profile", "ProfilePage"),
)


def page_classes() -> tuple[type[Page], ...]:
    """The page classes in navigation order (their modules imported now, once)."""
    import importlib

    return tuple(getattr(importlib.import_module(m), name) for _, _, m, name in PAGES)


def page_class(row: int) -> type[Page]:
    """The class of the page in navigation row ``row``, importing its module only (the
    first page shown at start-up needs neither the other five nor their imports)."""
    import importlib

    _, _, module, name = PAGES[row]
    cls: type[Page] = getattr(importlib.import_module(module), name)
    return cls


def page_row(cls: type[Page]) -> int:
    """The navigation row of page class ``cls`` (no page module imported for it)."""
    for row, (_, _, module, name) in enumerate(PAGES):
        if cls.__module__ == module and cls.__name__ == name:
            return row
    raise ValueError(f"{cls.__name__} is not a page of the window")


def __getattr__(name: str) -> Any:
    """``PAGE_CLASSES``: the page classes, imported when first asked for."""
    if name == "PAGE_CLASSES":
        classes = page_classes()
        globals()["PAGE_CLASSES"] = classes
        return classes
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _page_classes() -> tuple[type[Page], ...]:
    classes: tuple[type[Page], ...] = globals().get("PAGE_CLASSES") or __getattr__("PAGE_CLASSES")
    return classes


#: how often an open app posts what time passing owes the ledger
CATCH_UP_INTERVAL_MS = 60 * 60 * 1000
#: what :class:`app.storage.changes.ChangeWatcher` reports, as the context's change signals
WATCHED_AREAS = {
    "jobs": "JOBS",
    "proposals": "PROPOSALS",
    "ledger": "LEDGER",
    "replies": "REPLIES",
    "profiles": "PROFILES",
}


def add_action(
    menu: QMenu,
    text: str,
    slot: Callable[[], object],
    shortcut: str | QKeySequence.StandardKey | None = None,
    *,
    extra: tuple[str | QKeySequence.StandardKey, ...] = (),
    name: str = "",
    tip: str = "",
    role: QAction.MenuRole | None = None,
) -> QAction:
    """Add an action to ``menu`` with its shortcut (shown in the menu and on the sheet)."""
    action = QAction(text, menu.parent())
    keys: list[QKeySequence] = []
    for key in (shortcut, *extra) if shortcut is not None else extra:
        sequence = QKeySequence(key)
        if not sequence.isEmpty() and sequence not in keys:  # a platform may have no binding
            keys.append(sequence)
    if keys:
        action.setShortcuts(keys)
    action.setShortcutVisibleInContextMenu(True)
    if name:
        action.setObjectName(name)
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    if role is not None:
        action.setMenuRole(role)
    action.triggered.connect(lambda _=False: slot())
    menu.addAction(action)
    return action


def place_action(menu: QMenu, action: QAction) -> QAction:
    """Put an action made elsewhere (e.g. the capture actions) in ``menu``, shortcut shown."""
    action.setShortcutVisibleInContextMenu(True)
    menu.addAction(action)
    return action


def plain(text: str) -> str:
    """A menu text as a person reads it: ``&Import postings…`` -> ``Import postings``."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


class MainWindow(QMainWindow):
    """Navigation on the left, the current page on the right, status below."""

    # set on the window by ui.capture: the dialogs and boxes it opened last
    import_dialog: ImportDialog
    warning_box: QMessageBox
    undo_import_box: QMessageBox
    #: the last File → Export everything… running or done
    export_task: Task
    #: the database's signals and the database (from :meth:`attach`)
    ctx: AppContext
    #: paste and import (from :meth:`attach`)
    capture: Capture
    #: the clipboard watch, the watch folder and the tray (from :meth:`attach`)
    quick: QuickCapture

    def __init__(self, ctx: AppContext | None, parent: QWidget | None = None) -> None:
        """The window on ``ctx``'s database; with None, the window without a database
        yet (what paints first at start-up, "Opening…"): :meth:`attach` gives it one."""
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        shared = QApplication.windowIcon()  # drawn once, by create_application (2-3 ms)
        self.setWindowIcon(shared if not shared.isNull() else icon("app", size=256))
        #: the pages built so far (each on first show)
        self._pages: dict[type[Page], Page] = {}
        self.paste_action, self.import_action = capture_actions(self)
        self._quitting = False
        self._build_central()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._retint()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.system_scheme_changed)
        # the app opens caught up (ui.main.open_for_gui); this keeps an open app so,
        # whichever pages have been shown
        self.catch_up_timer = QTimer(self, interval=CATCH_UP_INTERVAL_MS)
        self.catch_up_timer.timeout.connect(self.catch_up)
        #: the thread that sees other members' changes (:meth:`start_watching`)
        self.watch: DatabaseWatch | None = None
        self._restore_state()
        self.setAcceptDrops(True)  # drop a CSV / JSON file on the window to import it
        if ctx is not None:
            self.attach(ctx)

    @property
    def attached(self) -> bool:
        """Whether the window has its database (see :meth:`attach`)."""
        return hasattr(self, "ctx")

    def attach(self, ctx: AppContext) -> None:
        """Give the window its database: the capture, the status bar, the page shown."""
        from ui.capture import Capture

        self.ctx = ctx
        self.capture = Capture(ctx, self, (self.paste_action, self.import_action))
        self.capture.saved.connect(self.reveal_postings)
        from ui.quick_capture import QuickCapture

        self.quick = QuickCapture(  # clipboard watch, watch folder, tray
            ctx,
            self,
            paste=lambda: self.capture.paste(),
            quit_app=self.quit_app,
            draft=self.draft_posting,
            reveal=self.reveal_postings,
            show_jobs=self.show_jobs,
        )
        self.toolbar.addAction(self.quick.clipboard.toggle_action)
        ctx.ledger_changed.connect(self.refresh_balance)
        ctx.proposals_changed.connect(self.refresh_balance)  # submits spend, closes refund
        ctx.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.db_label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.db_label.setText(self.tr("Database: {location}").format(location=ctx.db.location))
        self.db_label.setToolTip(ctx.db.location)
        self.refresh_balance()
        for action in self._database_actions:
            action.setEnabled(True)
        self.catch_up_timer.start()
        self.show_page(self.nav.currentRow())

    # -- the capture object's dialogs (tests look at them here) --------------------

    @property
    def review_dialog(self) -> ReviewDialog:
        assert self.capture.review_dialog is not None, "no review dialog was opened"
        return self.capture.review_dialog

    # -- construction ---------------------------------------------------------

    def _build_central(self) -> None:
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(190)
        # Qt.FocusPolicy.StrongFocus, a list's default (the Qt namespace, which PySide6
        # builds in 20-50 ms on first use, is not touched before the first paint: issue 16)
        self.nav.setAccessibleName(self.tr("Areas"))
        self.nav.setAccessibleDescription(self.tr("Ctrl+1 to Ctrl+6 go to an area from anywhere"))
        self.stack = QStackedWidget()
        for title, *_ in PAGES:
            self.nav.addItem(QListWidgetItem(QCoreApplication.translate("Page", title)))
            self.stack.addWidget(QWidget())  # stands in for the page until it is shown
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
        self.file_menu = file_menu = bar.addMenu(self.tr("&File"))
        place_action(file_menu, self.paste_action)
        place_action(file_menu, self.import_action)
        self.file_data_section = file_menu.addSeparator()
        self.backup_action = add_action(
            file_menu,
            self.tr("&Back up now"),
            self.back_up_now,
            "Ctrl+Shift+B",
            tip=self.tr("Write a copy of the database to the backups folder"),
        )
        self.restore_action = add_action(
            file_menu,
            self.tr("&Restore backup…"),
            self.restore_backup,
            "Ctrl+Shift+R",
            tip=self.tr("Put a backup in the database's place (the database it replaces is kept)"),
        )
        self.export_action = add_action(
            file_menu,
            self.tr("&Export everything…"),
            self.export_everything,
            "Ctrl+E",
            tip=self.tr("One ZIP file with every table (pwb export)"),
        )
        self.import_all_action = add_action(
            file_menu,
            self.tr("Import e&verything…"),
            self.import_everything,
            "Ctrl+Shift+E",
            tip=self.tr("An export into this database, if it is empty"),
        )
        self.connect_action = add_action(
            file_menu,
            self.tr("Connect to &team server…"),
            self.connect_to_server,
            "Ctrl+Shift+T",
            tip=self.tr(
                "Open a team's PostgreSQL database (the password stays in the system keyring)"
            ),
        )
        self.data_folder_action = add_action(
            file_menu,
            self.tr("Open &data folder"),
            self.open_data_folder,
            "Ctrl+Shift+O",
            tip=self.tr("Show the folder with the database, its backups and the log"),
        )
        file_menu.addSeparator()
        self.quit_action = add_action(
            file_menu,
            self.tr("&Quit"),
            self.quit_app,
            "Ctrl+Q",
            extra=(QKeySequence.StandardKey.Quit,),
            role=QAction.MenuRole.QuitRole,
        )

        self.edit_menu = edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = add_action(
            edit_menu, self.tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo
        )
        self.undo_action.setEnabled(False)
        self.undo_import_action = add_action(
            edit_menu,
            self.tr("Undo last &import…"),
            lambda: self.capture.undo_last_import(),
            "Ctrl+Shift+I",
            name="undoLastImport",
            tip=self.tr("Remove what the last import added and put back what it changed"),
        )
        self.edit_undo_section = edit_menu.addSeparator()
        self.preferences_action = add_action(
            edit_menu,
            self.tr("&Preferences…"),
            self.open_preferences,
            "Ctrl+,",
            extra=(QKeySequence.StandardKey.Preferences,),
            role=QAction.MenuRole.PreferencesRole,
        )

        self.go_menu = go_menu = bar.addMenu(self.tr("&Go"))
        self.go_actions = [
            add_action(
                go_menu,
                QCoreApplication.translate("Page", title),
                partial(self.nav.setCurrentRow, row),
                f"Ctrl+{row + 1}",
            )
            for row, (title, *_) in enumerate(PAGES)
        ]

        self.help_menu = help_menu = bar.addMenu(self.tr("&Help"))
        self.shortcuts_action = add_action(
            help_menu,
            self.tr("&Keyboard shortcuts"),
            self.show_shortcuts,
            "F1",
            extra=(QKeySequence.StandardKey.HelpContents,),
        )
        help_menu.addSeparator()
        self.about_action = add_action(
            help_menu,
            self.tr("&About {app}").format(app=APP_NAME),
            self.show_about,
            role=QAction.MenuRole.AboutRole,
        )

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self.tr("Capture"), self)
        self.toolbar.setObjectName("captureToolbar")
        self.toolbar.setMovable(False)
        # Qt.ToolButtonStyle.ToolButtonTextBesideIcon (2), set without the Qt namespace
        # (see _build_central); the toolbar goes to the top, addToolBar's default
        self.toolbar.setProperty("toolButtonStyle", 2)
        self.toolbar.addAction(self.paste_action)
        self.toolbar.addAction(self.import_action)
        self.addToolBar(self.toolbar)

    def _build_status_bar(self) -> None:
        self.db_label = QLabel()  # plain text from attach(), before it shows a location
        self.db_label.setText(self.tr("Opening the database…"))
        self.balance_label = QLabel()
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.balance_label)
        #: what needs the database: enabled once it is attached
        self._database_actions = [
            self.paste_action,
            self.import_action,
            self.backup_action,
            self.restore_action,
            self.export_action,
            self.import_all_action,
            self.connect_action,
            self.undo_import_action,
            self.preferences_action,
        ]
        for action in self._database_actions:
            action.setEnabled(False)

    def _retint(self) -> None:
        """Draw every line icon in the palette's text colour (after any theme change)."""
        color = self.palette().windowText().color()
        selected = self.palette().highlightedText().color()
        for row, (_, icon_name, *_) in enumerate(PAGES):
            tinted = icon(icon_name, color)
            white = icon(icon_name, selected).pixmap(48, 48)
            tinted.addPixmap(white, QIcon.Mode.Selected)
            self.nav.item(row).setIcon(tinted)
        self.paste_action.setIcon(icon("paste", color))
        #: the colour the icons were last drawn in (tests read it)
        self.icon_color = color.name()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from ui.capture import dropped_file

        if self.attached and dropped_file(event.mimeData().urls()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        from ui.capture import dropped_file

        path = dropped_file(event.mimeData().urls()) if self.attached else None
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.capture.import_path(path)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._retint()
        super().changeEvent(event)

    # not a @Slot(Qt.ColorScheme): the decorator would build PySide6's Qt namespace when this
    # module is imported, before the window's first paint (issue 16)
    def system_scheme_changed(self, scheme: QtCore.Qt.ColorScheme) -> None:
        """The system switched light/dark: follow it while the theme setting is "system"."""
        if str(QSettings().value("ui/theme", "system")) != "system":
            return
        app = QApplication.instance()
        if isinstance(app, QApplication) and scheme != QtCore.Qt.ColorScheme.Unknown:
            apply_theme(app, "dark" if scheme == QtCore.Qt.ColorScheme.Dark else "light")
            self._retint()

    # -- state ----------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        row = int(str(settings.value("window/page", 0) or 0))
        self.nav.setCurrentRow(row if 0 <= row < len(PAGES) else 0)

    @Slot()
    def connect_to_server(self) -> None:
        """Choose the team server the app opens from its next start."""
        from app.connection import settings_of
        from ui.dialogs.connect_dialog import ConnectDialog

        dialog = ConnectDialog(settings_of(self.ctx.db.url), self)
        self.connect_dialog = dialog

        def chosen() -> None:
            if dialog.server is not None:
                from app.connection import server_url

                url = server_url(dialog.server, dialog.password_edit.text() or None)
                self.reconnect(url.render_as_string(hide_password=False))

        dialog.accepted.connect(chosen)
        dialog.open()

    def reconnect(self, target: str) -> Task:
        """Open ``target`` in a worker the way start-up does (migrations, seeding, the
        ledger's catch-up), then attach it in place of the open database and close that
        one. When it cannot be opened the window keeps its database and says why."""
        from app.connection import without_password
        from ui.opening import open_for_gui

        before = self.ctx.db.location
        where = without_password(target)
        self.ctx.message.emit(self.tr("Connecting to {where}…").format(where=where))

        def opened(db: object) -> None:
            self.replace_database(cast("Database", db))
            self.ctx.message.emit(
                self.tr("Connected to {where}").format(where=self.ctx.db.location)
            )

        def failed(exc: BaseException) -> None:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            self.ctx.message.emit(
                self.tr("Still on {before}: {reason}").format(before=before, reason=reason)
            )

        self.reconnect_task = run_task(
            lambda _progress: open_for_gui(target), on_done=opened, on_error=failed, parent=self
        )
        return self.reconnect_task

    def replace_database(self, db: Database) -> None:
        """Attach ``db`` to the open window in place of the current database (closed)."""
        watching = self.watch is not None
        self.stop_watching()
        old = self.ctx.replace_database(db)
        self.db_label.setText(self.tr("Database: {location}").format(location=db.location))
        self.db_label.setToolTip(db.location)
        if watching:
            self.start_watching()
        old.close()

    def start_watching(self) -> None:
        """Refresh what other members (or other programs) change, as it happens."""
        from ui.watch import DatabaseWatch

        if self.watch is None:
            self.watch = DatabaseWatch(self.ctx.db, self)
            self.watch.changed.connect(self.changes_seen)
            self.watch.start()

    def stop_watching(self) -> None:
        if self.watch is not None:
            self.watch.stop()
            self.watch = None

    @Slot(list)
    def changes_seen(self, areas: list[str]) -> None:
        """Someone else committed: the pages showing those areas refresh themselves."""
        from ui.ops import Change, announce

        flags = Change.NONE
        for area in areas:
            if area in WATCHED_AREAS:
                flags |= Change[WATCHED_AREAS[area]]
        announce(self.ctx, flags)

    def quit_app(self) -> None:
        """File ▸ Quit and the tray's Quit: close for good, even when closing keeps it in the tray."""
        self._quitting = True
        in_tray = not self.isVisible()
        self.close()
        app = QApplication.instance()
        if in_tray and app is not None:  # no visible window closes, so none ends the app
            app.quit()

    def closeEvent(self, event: QCloseEvent) -> None:
        quick = getattr(self, "quick", None)  # none before the database is attached
        if quick is not None and not self._quitting and quick.keep_in_tray():
            event.ignore()
            self.hide()
            quick.tray.icon.showMessage(
                APP_NAME, self.tr("Still running in the tray; quit from its menu."), msecs=3000
            )
            return
        if quick is not None:
            quick.close_all()
        self.stop_watching()
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/page", self.nav.currentRow())
        for page in self._pages.values():
            page.save_layout(settings)
        super().closeEvent(event)

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
        self.nav.setCurrentRow(page_row(cls))
        return self.page(cls)

    def current_page(self) -> Page:
        return self.page(page_class(self.stack.currentIndex()))

    def _build_page(self, cls: type[Page]) -> Page:
        row = page_row(cls)
        page = cls(self.ctx)
        self._pages[cls] = page
        stand_in = self.stack.widget(row)
        assert stand_in is not None
        showing = self.stack.currentIndex()
        self.stack.insertWidget(row, page)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        self.stack.setCurrentIndex(showing)
        page.restore_layout(QSettings())
        page.undo_changed.connect(self._update_undo)
        if cls.__name__ == "ConnectsPage":  # by name: the other modules stay unimported
            page.proposal_requested.connect(self.open_proposal)  # type: ignore[attr-defined]
        if cls.__name__ == "JobsPage":
            page.paste_requested.connect(lambda: self.capture.paste())  # type: ignore[attr-defined]
            page.import_requested.connect(lambda: self.capture.choose_and_import())  # type: ignore[attr-defined]
        return page

    @Slot(int)
    def show_page(self, row: int) -> None:
        if row < 0 or not self.attached:  # the page is built once the database is there
            return
        cls = page_class(row)
        built = self.is_built(cls)
        page = self.page(cls)
        self.stack.setCurrentIndex(row)
        if built or not page.loads_when_built:  # a page just built has read its data
            page.refresh()
        self._update_undo()

    @Slot(list)
    def reveal_postings(self, ids: list[int]) -> None:
        """After a paste: show the Jobs page with the first saved posting selected."""
        from ui.pages.jobs import JobsPage

        self.go_to(JobsPage).reveal(ids[0])

    def show_jobs(self) -> None:
        from ui.pages.jobs import JobsPage

        self.go_to(JobsPage)

    def draft_posting(self, job_id: int) -> None:
        """Select a posting on the Jobs page and open the draft dialog for it."""
        from ui.pages.jobs import JobsPage

        page = self.go_to(JobsPage)
        page.reveal(job_id)
        page.draft_proposal()

    @Slot(int)
    def open_proposal(self, proposal_id: int) -> None:
        """Show a proposal on the Proposals page (from a ledger entry)."""
        from ui.pages.proposals import ProposalsPage

        self.go_to(ProposalsPage).show_proposal(proposal_id)

    # -- edit -----------------------------------------------------------------

    @Slot()
    def _update_undo(self) -> None:
        """Edit → Undo names what the current page would undo (disabled: nothing)."""
        what = self.current_page().undo_text() if self._pages else None
        self.undo_action.setEnabled(what is not None)
        self.undo_action.setText(
            self.tr("&Undo {what}").format(what=what) if what else self.tr("&Undo")
        )

    @Slot()
    def undo(self) -> None:
        self.current_page().undo()

    # -- slots ----------------------------------------------------------------

    @Slot()
    def catch_up(self) -> None:
        """Post allocations and expiries that fell due while the app was open."""
        from app import ledger
        from ui.ops import Change, announce

        db = self.ctx.db

        def work(_progress: Progress) -> int:
            return len(ledger.catch_up_database(db))  # retried if another process catches up

        def posted(count: int) -> None:
            if count:
                announce(self.ctx, Change.LEDGER)
                self.ctx.message.emit(
                    self.tr("Posted {count} allocation or expiry entries").format(
                        count=localized.number(count)
                    )
                )

        self.catch_up_task = run_task(work, on_done=posted, parent=self)

    @Slot()
    def restore_backup(self) -> None:
        """File → Restore backup…: put a backup in the database's place, then show it."""
        from PySide6.QtWidgets import QDialog, QMessageBox

        from app.storage.db import reopen
        from ui.dialogs.restore_dialog import RestoreDialog

        db = self.ctx.db
        if db.path is None:
            QMessageBox.information(
                self,
                self.tr("Restore backup"),
                self.tr("A server database is restored with the server's tools."),
            )
            return
        dialog = RestoreDialog(db.path, self, prepare=db.engine.dispose)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.restored is None:
            return
        try:
            reopen(db)
        except WorkbenchError as exc:
            show_error(self, self.tr("Restore backup"), exc)
            return
        self.show_new_data()
        kept = dialog.restored.kept
        backup = dialog.restored.backup.name
        self.ctx.message.emit(
            self.tr("Restored {backup}; the replaced database is kept as {kept}").format(
                backup=backup, kept=kept.name
            )
            if kept
            else self.tr("Restored {backup}").format(backup=backup)
        )

    @Slot()
    def export_everything(self) -> None:
        """File → Export everything…: one ZIP with every table (``pwb export``)."""
        from PySide6.QtWidgets import QFileDialog

        from app.archive import export_all

        default = f"proposal-workbench-{qtime.today().toString('yyyyMMdd')}.zip"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export everything"), default, self.tr("ZIP archives (*.zip)")
        )
        if not name:
            return
        path, db = Path(name), self.ctx.db
        self.ctx.message.emit(self.tr("Exporting to {file}…").format(file=path.name))
        self.export_task = run_task(
            lambda _progress: export_all(db, path, replace=True),
            on_done=lambda counts: self.ctx.message.emit(
                self.tr("Exported {count} records to {file}").format(
                    count=f"{sum(counts.values()):,}", file=path
                )
            ),
            on_error=lambda exc: show_error(self, self.tr("Export everything"), exc),
            parent=self,
        )

    @Slot()
    def import_everything(self) -> None:
        """File → Import everything…: an export into this database, if it is empty."""
        from PySide6.QtWidgets import QFileDialog

        from app.archive import import_all

        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import everything"), "", self.tr("ZIP archives (*.zip)")
        )
        if not name:
            return
        try:
            counts = import_all(self.ctx.db, Path(name))
        except WorkbenchError as exc:
            show_error(self, self.tr("Import everything"), exc)
            return
        self.show_new_data()
        self.ctx.message.emit(
            self.tr("Imported {count} records from {file}").format(
                count=f"{sum(counts.values()):,}", file=Path(name).name
            )
        )

    def show_new_data(self) -> None:
        """Every page built afresh and every change announced: the data was replaced."""
        from ui.ops import Change, announce

        self.reset_pages()
        everything = Change.JOBS | Change.PROPOSALS | Change.LEDGER | Change.REPLIES
        announce(self.ctx, everything | Change.PROFILES)

    def reset_pages(self) -> None:
        """Build every page afresh (after the database was replaced under them)."""
        showing = self.stack.currentIndex()
        for cls, page in list(self._pages.items()):
            row = page_row(cls)
            self.stack.insertWidget(row, QWidget())
            self.stack.removeWidget(page)
            page.deleteLater()
        self._pages.clear()
        self.stack.setCurrentIndex(showing)
        self.show_page(showing)

    @Slot()
    def refresh_balance(self) -> None:
        from app.storage.ledger import connects_balance

        with self.ctx.db.read() as session:
            balance = connects_balance(session)
        self.balance_label.setText(
            self.tr("Connects: {balance}").format(balance=localized.number(balance))
        )

    @Slot()
    def back_up_now(self) -> None:
        """A consistent copy of the database in its backups folder, made off the GUI thread."""
        from app.backup import backup_now

        db = self.ctx.db

        def work(_progress: Progress) -> Path:
            return backup_now(db)

        self.ctx.message.emit(self.tr("Backing up…"))
        self.backup_task = run_task(
            work,
            on_done=lambda path: self.ctx.message.emit(
                self.tr("Backed up to {path}").format(path=path)
            ),
            on_error=lambda exc: show_error(self, self.tr("Back up now"), exc),
            parent=self,
        )

    def data_folder(self) -> Path:
        """The folder of the open database file (for a server database: the app's folder)."""
        return self.ctx.db.path.parent if self.ctx.db.path is not None else paths.data_dir()

    @Slot()
    def open_data_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        folder = self.data_folder()
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.ctx.message.emit(self.tr("Could not open {folder}").format(folder=folder))

    @Slot()
    def open_preferences(self) -> None:
        from ui.preferences import PreferencesDialog

        self.preferences = PreferencesDialog(self.ctx, self)
        self.preferences.exec()
        self.quick.load_settings()

    def shortcut_sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Every shortcut: the menus' (from their actions), then each page's own."""
        sections: list[tuple[str, list[tuple[str, str]]]] = []
        for menu in (self.file_menu, self.edit_menu, self.go_menu, self.help_menu):
            rows = [
                (
                    a.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                    # the Undo entry changes its text with the page: the sheet says "Undo"
                    plain(self.tr("&Undo") if a is self.undo_action else a.text()),
                )
                for a in menu.actions()
                if not a.isSeparator() and not a.shortcut().isEmpty()
            ]
            sections.append((plain(menu.title()), rows))
        if self.attached:
            sections.append(
                (
                    self.tr("Clipboard notice (while a window of the app is active)"),
                    [
                        (a.shortcut().toString(QKeySequence.SequenceFormat.NativeText), a.text())
                        for a in self.quick.notice.key_actions
                    ],
                )
            )
        for cls in _page_classes():
            if cls.shortcuts:
                # a page's texts are marked with QT_TRANSLATE_NOOP(<its class name>, …)
                keys = [
                    (
                        QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText),
                        QCoreApplication.translate(cls.__name__, text),
                    )
                    for k, text in cls.shortcuts
                ]
                title = QCoreApplication.translate("Page", cls.title)
                sections.append((self.tr("{page} page").format(page=title), keys))
        return sections

    @Slot()
    def show_shortcuts(self) -> None:
        from ui.dialogs.shortcuts import ShortcutsDialog

        self.shortcuts_dialog = ShortcutsDialog(self.shortcut_sections(), self)
        self.shortcuts_dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcuts_dialog.show()

    def about_text(self) -> str:
        import platform

        from PySide6.QtCore import qVersion

        from app import __version__
        from app.logs import log_file

        return self.tr(
            "{app} {version}\n\n"
            "Score job postings, draft proposals from saved replies, and keep an exact "
            "account of your Connects. Everything stays on this computer.\n\n"
            "Qt {qt} · PySide6 {pyside} · Python {python}\n"
            "Database: {database}\n"
            "Data folder: {folder}\n"
            "Log file: {log}"
        ).format(
            app=APP_NAME,
            version=__version__,
            qt=qVersion(),
            pyside=PySide6.__version__,
            python=platform.python_version(),
            database=self.ctx.db.location,
            folder=self.data_folder(),
            log=log_file(),
        )

    @Slot()
    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About {app}").format(app=APP_NAME))
        box.setIconPixmap(icon("app", size=64).pixmap(64, 64))
        box.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        box.setText(self.about_text())
        box.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about_box = box
        box.open()
