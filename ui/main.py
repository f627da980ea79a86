"""``proposal-workbench``: open the desktop app on a database."""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication, QLocale, QLockFile, QSettings, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from app import APP_ID, APP_NAME, DESKTOP_ID, clock, paths
from app.errors import DatabaseCorruptError, WorkbenchError
from ui import localized, startup
from ui.crash import install_excepthook, plain_message, show_error
from ui.i18n import install_translators
from ui.icons import icon
from ui.main_window import MainWindow
from ui.opening import database_target, open_for_gui
from ui.tasks import run_task
from ui.theme import FUSION, STYLE_PROPERTY, THEMES, apply_theme

# The window paints first; the database layer (SQLAlchemy, Alembic), the pages and the
# single-instance server are imported after it (issue 16: start-up within 1.5x a bare
# PySide6 window).
if TYPE_CHECKING:
    from app.storage import Database
    from ui.single_instance import InstanceServer


class _VersionAction(argparse.Action):
    """``--version``: the version is read from the metadata only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any, **_kwargs: Any) -> None:
        from app import __version__

        parser.exit(message=f"{APP_NAME} {__version__}\n")


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="proposal-workbench", description=APP_NAME)
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        help="a CSV, JSON or JSONL file of postings to import (in the window already open, "
        "if there is one)",
    )
    parser.add_argument("--db", metavar="PATH_OR_URL", help="database file or SQLAlchemy URL")
    parser.add_argument("--theme", choices=THEMES, help="colour theme (default: as last set)")
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    desktop = parser.add_argument_group("Linux desktop entry (menu item and icons)")
    desktop.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add this installation to the desktop's application menu, then exit",
    )
    desktop.add_argument(
        "--uninstall-desktop-entry", action="store_true", help="remove it again, then exit"
    )
    desktop.add_argument(
        "--prefix", type=Path, metavar="DIR", help="where to (default: ~/.local, for you alone)"
    )
    parser.add_argument(
        "--quit-after-first-paint",
        action="store_true",
        help="exit 0 as soon as the main window has painted (to time the start-up)",
    )
    return parser.parse_known_args(argv)


def create_application(argv: Sequence[str] = ()) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        program = sys.argv[0] if sys.argv else "proposal-workbench"
        chosen = any(arg == "-style" or arg.startswith("-style=") for arg in argv)
        # the app's style from the start: QApplication.setStyle("Fusion") later makes
        # PySide6 build its QStyle class and enums, 5-12 ms before the first paint (issue 16)
        app = QApplication([program, *(() if chosen else ("-style", FUSION)), *argv])
        if not chosen:
            app.setProperty(STYLE_PROPERTY, FUSION)
    app.setOrganizationName(APP_ID)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    # the desktop entry's name: Wayland's app id, so the window gets its entry's icon and name
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(icon("app", size=256))
    if not getattr(app, "_pwb_translated", False):  # once, for the system locale
        # every widget (date edits, spin boxes, charts) writes as the user's locale does;
        # a system naming none ("C") as US English, as ui.localized does
        QLocale.setDefault(localized.locale())
        install_translators(app)
        app._pwb_translated = True  # type: ignore[attr-defined]
    return app


# what :meth:`Startup.attach` needs besides the first page, imported in the worker
# while the database opens (the GUI thread only waits then)
ATTACH_MODULES = (
    "ui.context", "ui.capture", "ui.quick_capture", "ui.single_instance",
    "ui.dialogs.first_run", "ui.pages.jobs", "ui.pages.connects",
)  # fmt: skip


def preload(modules: Sequence[str]) -> None:
    """Import ``modules`` (classes defined, no widget made: safe off the GUI thread)."""
    import importlib

    for module in modules:
        importlib.import_module(module)


def lock_database(target: str) -> QLockFile | None:
    """One app instance per database file, taken before anything opens it; None when
    another instance holds it. A folder the lock cannot be written in gets an unheld lock:
    opening the database then says what is wrong with the folder."""
    path = sqlite_file(target)
    if path is None:
        return QLockFile("")  # server databases handle concurrency themselves
    lock = QLockFile(str(paths.lock_file(path)))
    lock.setStaleLockTime(0)
    if lock.tryLock(200):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        return None
    return QLockFile("")


def sqlite_file(target: str) -> Path | None:
    """The SQLite file ``target`` names, None for a server (a plain path is read without
    the database layer, which is imported after the window paints)."""
    if "://" not in target:
        return Path(target).expanduser()
    from app.storage.db import sqlite_file as from_url

    return from_url(target)


def open_with_recovery(explicit: str | None) -> Database | None:
    """:func:`open_for_gui`, offering to restore a backup when the database is damaged;
    None when it cannot be opened (the user was told)."""
    try:
        return open_for_gui(explicit)
    except WorkbenchError as exc:
        return recover(exc, explicit)


def recover(exc: WorkbenchError, explicit: str | None) -> Database | None:
    """After :func:`open_for_gui` failed with ``exc``: offer a backup if the database is
    damaged (and open again), else say what is wrong; None when it stays closed."""
    if not isinstance(exc, DatabaseCorruptError):
        QtWidgets.QMessageBox.critical(None, APP_NAME, plain_message(str(exc)))
        return None
    from ui.dialogs.restore_dialog import offer_restore

    if offer_restore(exc) is None:
        return None
    try:
        return open_for_gui(explicit)
    except WorkbenchError as exc:
        QtWidgets.QMessageBox.critical(None, APP_NAME, plain_message(str(exc)))
        return None


def bring_forward(window: MainWindow, import_file: str = "") -> None:
    """Raise the window (another start asked), and open the import dialog for a file."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
    if import_file:
        from ui.capture import import_path

        import_path(window.ctx, window, Path(import_file))


def desktop_entry_command(args: argparse.Namespace) -> int:
    """``--install-desktop-entry`` / ``--uninstall-desktop-entry``: no window, a line per file."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # draws the icons; works over SSH too
    create_application()
    from ui import desktop_entry

    if args.uninstall_desktop_entry:
        removed = desktop_entry.uninstall(args.prefix)
        print(f"removed {len(removed)} files" if removed else "nothing was installed there")
        return 0
    installed = desktop_entry.install(args.prefix)
    print(f"installed {installed.desktop_file} (runs {desktop_entry.program()})")
    print(f"          {installed.metainfo_file}")
    print(f"          {len(installed.icons)} icons in {installed.icons[0].parents[2]}")
    return 0


class Startup:
    """The rest of the start after the window's first paint: open the database in a
    worker (migrations, seeding, the daily backup, the ledger's catch-up), then, on the
    GUI thread, attach it to the window, listen for a second start, and go on with the
    file given and the first-run dialog. A database that cannot be opened ends the app
    with exit 2 (the user was told why)."""

    def __init__(
        self, window: MainWindow, target: str, args: argparse.Namespace, theme: str = "system"
    ) -> None:
        self.window = window
        self.target = target
        self.args = args
        # the theme setting the start applied (for "system", with the remembered scheme)
        self.theme = theme
        self.db: Database | None = None
        self.server: InstanceServer | None = None

    def begin(self) -> None:
        startup.mark("first-paint")
        from ui.theme import follow_system_scheme

        app = QApplication.instance()
        if isinstance(app, QApplication):  # light/dark changed since the last start: follow
            follow_system_scheme(app, self.theme)  # (the window re-tints on the palette change)
        from app.logs import setup_logging  # logging.handlers: 30-70 ms before the paint

        setup_logging()
        if self.args.quit_after_first_paint and startup.quit_when() == "first-paint":
            QApplication.quit()
        target = self.target
        from ui.main_window import PAGES

        row = max(self.window.nav.currentRow(), 0)
        modules = (*ATTACH_MODULES, PAGES[row][2])

        def work(_progress: object) -> Database:
            # the modules load beside the opening: SQLite's checks of the file run without
            # the GIL (0.7 s of PRAGMA quick_check on a 200,000-posting file), the imports
            # need it, so the two overlap
            failed: list[BaseException] = []

            def load() -> None:
                try:
                    preload(modules)
                except BaseException as exc:  # raised below, on the opening's thread
                    failed.append(exc)

            loader = threading.Thread(target=load, name="pwb-preload", daemon=True)
            loader.start()
            try:
                # caught up after ready; every page checked after ready too (check_pages)
                db = open_for_gui(target, catch_up=False, verify=False)
                self.db = db  # closed on the way out even if the loop ends before it arrives
            finally:
                loader.join()
            if failed:
                raise failed[0]
            return db

        self.task = run_task(work, on_done=self.attach, on_error=self.failed)

    def failed(self, exc: BaseException) -> None:
        if not isinstance(exc, WorkbenchError):
            show_error(None, APP_NAME, exc)  # a bug: said as one, and logged
            QApplication.exit(70)
            return
        db = recover(exc, self.target)
        if db is None:
            QApplication.exit(2)
            return
        self.db = db
        self.attach(db)

    def attach(self, db: Database) -> None:
        from ui import single_instance
        from ui.context import AppContext

        window = self.window
        window.attach(AppContext(db))
        window.start_watching()  # other members' changes appear without a click
        path = db.path
        name = single_instance.server_name(str(path.resolve()) if path is not None else self.target)
        self.server = server = single_instance.InstanceServer(name, window)
        if path is not None and not server.listen():
            import logging

            logging.getLogger("pwb.ui").warning(
                "a second start cannot reach this window: %s", server.server.errorString()
            )
        server.activated.connect(lambda file: bring_forward(window, file))
        startup.after_next_paint(window, self.ready)
        window.update()
        if self.args.file is not None:
            QTimer.singleShot(0, lambda: bring_forward(window, str(self.args.file)))
        from ui.dialogs.first_run import FirstRunDialog, needs_first_run

        if needs_first_run(window.ctx):
            FirstRunDialog(window.ctx, window).open()

    def ready(self) -> None:
        startup.mark("ready")
        if self.args.quit_after_first_paint and startup.quit_when() == "ready":
            QApplication.quit()
            return
        # missed monthly allocations and due expiries: a task once the page is up (the
        # status bar's balance follows when it posts something)
        self.window.catch_up()
        self.check_pages()

    def check_pages(self) -> None:
        """``PRAGMA quick_check`` of the SQLite file in the background, now that the window
        is up: it was left out of the opening (0.7 s of 2.1 s on a 200,000-posting file),
        which checked the header, schema and revision. A damaged file gets the restore
        offer then."""
        db = self.db
        path = db.path if db is not None else None
        if path is None:  # a server checks its own pages
            return
        from app.storage import files
        from ui.tasks import Cancelled, Progress

        def work(progress: Progress) -> None:
            try:
                files.verify(path, stop=lambda: progress.cancelled)
            except files.CheckStopped:
                raise Cancelled from None

        self.check_task = run_task(work, on_done=self.pages_sound, on_error=self.pages_failed)

    def pages_sound(self, _result: object = None) -> None:
        startup.mark("checked")

    def pages_failed(self, exc: BaseException) -> None:
        startup.mark("checked")
        if not isinstance(exc, DatabaseCorruptError):  # the check could not run: said, not fatal
            import logging

            logging.getLogger("pwb.ui").warning("the database's pages were not checked: %s", exc)
            return
        self.damaged(exc)

    def damaged(self, exc: DatabaseCorruptError) -> None:
        """The pages check found damage with the window up: offer the backup; after a
        restore the window shows the restored data, else the app ends (exit 2) as when the
        opening finds it."""
        from app.storage.db import reopen
        from ui.dialogs.restore_dialog import offer_restore

        window, db = self.window, self.db
        assert db is not None
        restored = offer_restore(exc, window, opened=True, prepare=db.engine.dispose)
        if restored is not None:
            try:
                reopen(db)
            except WorkbenchError as failed:
                QtWidgets.QMessageBox.critical(window, APP_NAME, plain_message(str(failed)))
            else:
                window.show_new_data()
                #: the status bar, after a backup replaced the damaged database
                done = QCoreApplication.translate("Startup", "Restored {name}")
                window.ctx.message.emit(done.format(name=restored.backup.name))
                return
        window.quit_app()
        QApplication.exit(2)

    def close(self) -> None:
        """After the event loop: stop the pages check, let the opening end, then close
        what was opened."""
        check = getattr(self, "check_task", None)
        if check is not None and check.running:
            check.cancel()  # a quit right after ready does not wait for it
        QThreadPool.globalInstance().waitForDone()
        if self.server is not None:
            self.server.close()
        if self.db is not None:
            self.db.close()


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        return desktop_entry_command(args)
    app = create_application(qt_args)
    install_excepthook()  # the log file is set up after the first paint (Startup.begin)
    theme = args.theme or str(QSettings().value("ui/theme", "system"))
    apply_theme(app, theme, remembered=True)  # the system's scheme is checked after the paint
    try:
        clock.set_from_environment()
        target = database_target(args.db)
        path = sqlite_file(target)
    except WorkbenchError as exc:
        QtWidgets.QMessageBox.critical(None, APP_NAME, plain_message(str(exc)))
        return 2
    lock = lock_database(target)  # before anything reads or writes the database
    if lock is None:
        from ui import single_instance

        name = single_instance.server_name(str(path.resolve()) if path is not None else target)
        if single_instance.hand_over(name, args.file):
            return 0  # the open window came forward (and imports the file)
        QtWidgets.QMessageBox.warning(
            None,
            APP_NAME,
            plain_message(
                QCoreApplication.translate(
                    "Main", "{database} is already open in another {app} window."
                ).format(database=target, app=APP_NAME)
            ),
        )
        return 1
    try:
        window = MainWindow(None)  # paints "Opening the database…" while it opens
        start = Startup(window, target, args, theme)
        startup.after_next_paint(window, start.begin)
        window.show()
        try:
            return app.exec()
        finally:
            start.close()
    finally:
        lock.unlock()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
