"""Which database the window opens and how (start-up, and File ▸ Connect to team
server… reconnecting the open window), apart from :mod:`ui.main` so the window can
use it without an import cycle."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from app import paths
from app.errors import WorkbenchError
from ui.team import SERVER_KEY

if TYPE_CHECKING:
    from app.storage import Database


def database_target(explicit: str | None) -> str:
    """The database to open (``--db``, ``$PWB_DB``, the team server chosen in File →
    Connect to team server…, the default), its default folder made. A server's password
    is added from the keyring only when it is opened (:func:`open_for_gui`)."""
    target = paths.database_target(explicit)
    chosen = bool(explicit) or bool(os.environ.get(paths.DB_ENV_VAR, "").strip())
    if chosen and Path(target).parent.is_dir():
        return target  # platformdirs (10 ms before the first paint) is not needed for it
    if target == str(paths.default_database_path()):
        server = str(QSettings().value(SERVER_KEY, "") or "")
        if server and not explicit and not os.environ.get(paths.DB_ENV_VAR, "").strip():
            return server
        paths.data_dir().mkdir(parents=True, exist_ok=True)
    return target


def open_for_gui(explicit: str | None, *, catch_up: bool = True, verify: bool = True) -> Database:
    """Open, seed, back up and (unless ``catch_up`` is false: the start does it as a task
    once the window is ready) catch up the database; the caller holds its lock already.

    ``verify=False`` skips ``PRAGMA quick_check`` of an SQLite file (the header, schema and
    revision are still checked, and a file to be migrated is checked by its copy made
    first): the start runs it in the background once the window is ready
    (``ui.main.Startup.check_pages``), since on a large file it is most of the opening."""
    from app import ledger
    from app.backup import auto_backup
    from app.bootstrap import seed_defaults
    from app.connection import with_stored_password
    from app.storage import open_database

    # a server's password joins the URL only here, never a name, a lock or a log line
    db = open_database(with_stored_password(database_target(explicit)), verify=verify)
    db.member = os.environ.get("PWB_MEMBER", "").strip() or None  # who acts, in a team
    seed_defaults(db)
    try:
        auto_backup(db)
    except WorkbenchError as exc:  # a backup problem must not keep the app from opening
        import logging

        logging.getLogger("pwb.ui").warning("automatic backup failed: %s", exc)
    if catch_up:
        ledger.catch_up_database(db)  # missed monthly allocations, due expiries
    return db
