"""``proposal-workbench``: open the desktop app on a database."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from PySide6.QtCore import QLockFile, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_ID, APP_NAME, __version__, clock, ledger, paths
from app.backup import auto_backup, lock_file
from app.bootstrap import seed_defaults
from app.errors import DatabaseCorruptError, WorkbenchError
from app.logs import setup_logging
from app.storage import Database, open_database
from app.storage.db import sqlite_file
from ui import plain
from ui.context import AppContext
from ui.crash import install_excepthook
from ui.icons import icon
from ui.main_window import MainWindow
from ui.theme import THEMES, apply_theme


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="proposal-workbench", description=APP_NAME)
    parser.add_argument("--db", metavar="PATH_OR_URL", help="database file or SQLAlchemy URL")
    parser.add_argument("--theme", choices=THEMES, help="colour theme (default: as last set)")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser.parse_known_args(argv)


def create_application(argv: Sequence[str] = ()) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "proposal-workbench", *argv])
    app.setOrganizationName(APP_ID)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(icon("app", size=256))
    return app


def database_target(explicit: str | None) -> str:
    """The database to open (``--db``, ``$PWB_DB``, the default), its default folder made."""
    target = paths.database_target(explicit)
    if target == str(paths.default_database_path()):
        paths.data_dir().mkdir(parents=True, exist_ok=True)
    return target


def open_for_gui(explicit: str | None) -> Database:
    """Open, seed, back up and catch up the database; the caller holds its lock already."""
    db = open_database(database_target(explicit))
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


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
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
    if lock is None:
        QMessageBox.warning(
            None,
            APP_NAME,
            plain.message(f"{target} is already open in another Proposal Workbench window."),
        )
        return 1
    try:
        db = open_with_recovery(target)
        if db is None:
            return 2
        window = MainWindow(AppContext(db))
        window.show()
        from ui.dialogs.first_run import FirstRunDialog, needs_first_run

        if needs_first_run(window.ctx):
            FirstRunDialog(window.ctx, window).open()
        try:
            return app.exec()
        finally:
            db.close()
    finally:
        lock.unlock()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
