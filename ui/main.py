"""``proposal-workbench``: open the desktop app on a database."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLockFile, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_ID, APP_NAME, DESKTOP_ID, __version__, clock, ledger, paths
from app.backup import auto_backup, lock_file
from app.bootstrap import seed_defaults
from app.connection import with_stored_password
from app.errors import DatabaseCorruptError, WorkbenchError
from app.logs import setup_logging
from app.storage import Database, open_database
from app.storage.db import sqlite_file
from ui import plain, single_instance
from ui.context import AppContext
from ui.crash import install_excepthook
from ui.icons import icon
from ui.main_window import MainWindow
from ui.startup import quit_after_first_paint
from ui.theme import THEMES, apply_theme


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
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
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
        app = QApplication([sys.argv[0] if sys.argv else "proposal-workbench", *argv])
    app.setOrganizationName(APP_ID)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    # the desktop entry's name: Wayland's app id, so the window gets its entry's icon and name
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(icon("app", size=256))
    return app


def database_target(explicit: str | None) -> str:
    """The database to open (``--db``, ``$PWB_DB``, the team server chosen in File →
    Connect to team server…, the default), its default folder made. A server's password
    comes from the keyring (else libpq reads ~/.pgpass)."""
    target = paths.database_target(explicit)
    if target == str(paths.default_database_path()):
        from ui.dialogs.connect_dialog import SERVER_KEY

        server = str(QSettings().value(SERVER_KEY, "") or "")
        if server and not explicit and not os.environ.get(paths.DB_ENV_VAR, "").strip():
            return server  # no password in it: open_for_gui adds the keyring's
        paths.data_dir().mkdir(parents=True, exist_ok=True)
    return target


def open_for_gui(explicit: str | None) -> Database:
    """Open, seed, back up and catch up the database; the caller holds its lock already."""
    # a server's password joins the URL only here, never a name, a lock or a log line
    db = open_database(with_stored_password(database_target(explicit)))
    db.member = os.environ.get("PWB_MEMBER", "").strip() or None  # who acts, in a team
    seed_defaults(db)
    try:
        auto_backup(db)
    except WorkbenchError as exc:  # a backup problem must not keep the app from opening
        logging.getLogger("pwb.ui").warning("automatic backup failed: %s", exc)
    ledger.catch_up_database(db)  # missed monthly allocations, due expiries
    return db


def lock_database(target: str) -> QLockFile | None:
    """One app instance per database file, taken before anything opens it; None when
    another instance holds it. A folder the lock cannot be written in gets an unheld lock:
    opening the database then says what is wrong with the folder."""
    path = sqlite_file(target)
    if path is None:
        return QLockFile("")  # server databases handle concurrency themselves
    lock = QLockFile(str(lock_file(path)))
    lock.setStaleLockTime(0)
    if lock.tryLock(200):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        return None
    return QLockFile("")


def open_with_recovery(explicit: str | None) -> Database | None:
    """:func:`open_for_gui`, offering to restore a backup when the database is damaged;
    None when it cannot be opened (the user was told)."""
    try:
        return open_for_gui(explicit)
    except DatabaseCorruptError as exc:
        from ui.dialogs.restore_dialog import offer_restore

        if offer_restore(exc) is None:
            return None
    except WorkbenchError as exc:
        QMessageBox.critical(None, APP_NAME, plain.message(str(exc)))
        return None
    try:
        return open_for_gui(explicit)
    except WorkbenchError as exc:
        QMessageBox.critical(None, APP_NAME, plain.message(str(exc)))
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


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        return desktop_entry_command(args)
    app = create_application(qt_args)
    setup_logging()
    install_excepthook()
    apply_theme(app, args.theme or str(QSettings().value("ui/theme", "system")))
    try:
        clock.set_from_environment()
        target = database_target(args.db)
    except WorkbenchError as exc:
        QMessageBox.critical(None, APP_NAME, plain.message(str(exc)))
        return 2
    lock = lock_database(target)  # before anything reads or writes the database
    path = sqlite_file(target)
    name = single_instance.server_name(str(path.resolve()) if path is not None else target)
    if lock is None:
        if single_instance.hand_over(name, args.file):
            return 0  # the open window came forward (and imports the file)
        QMessageBox.warning(
            None,
            APP_NAME,
            plain.message(f"{target} is already open in another Proposal Workbench window."),
        )
        return 1
    server: single_instance.InstanceServer | None = None
    try:
        db = open_with_recovery(target)
        if db is None:
            return 2
        window = MainWindow(AppContext(db))
        server = single_instance.InstanceServer(name, window)
        if db.path is not None and not server.listen():
            logging.getLogger("pwb.ui").warning(
                "a second start cannot reach this window: %s", server.server.errorString()
            )
        server.activated.connect(lambda file: bring_forward(window, file))
        if args.quit_after_first_paint:
            quit_after_first_paint(window)
        window.show()
        window.start_watching()  # other members' changes appear without a click
        if args.file is not None:
            QTimer.singleShot(0, lambda: bring_forward(window, str(args.file)))
        from ui.dialogs.first_run import FirstRunDialog, needs_first_run

        if needs_first_run(window.ctx):
            FirstRunDialog(window.ctx, window).open()
        try:
            return app.exec()
        finally:
            db.close()
    finally:
        if server is not None:
            server.close()
        lock.unlock()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
