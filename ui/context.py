"""What every page needs: the open database and signals that announce changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # the window paints before the database layer is imported
    from app.storage import Database


class AppContext(QObject):
    """The open database plus change notifications shared by all pages.

    A page that writes emits the matching signal once its transaction has
    committed; pages that show that data refresh themselves.
    """

    #: postings were added, changed, rescored or removed
    jobs_changed = Signal()
    #: proposals or their statuses changed
    proposals_changed = Signal()
    #: a ledger entry was posted (the status bar balance follows at once)
    ledger_changed = Signal()
    #: saved replies changed
    replies_changed = Signal()
    #: a profile or the active profile changed
    profiles_changed = Signal()
    #: a one-line message for the status bar
    message = Signal(str)
    #: :meth:`replace_database` gave the window another database (objects holding the
    #: old one, like the Insights memo, make new ones)
    database_replaced = Signal()

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db

    def replace_database(self, db: Database) -> Database:
        """Use ``db`` from now on (File ▸ Connect to team server…); returns the old one,
        which the caller closes. Every page refreshes from the new one."""
        old, self.db = self.db, db
        self.database_replaced.emit()
        for changed in (self.jobs_changed, self.proposals_changed, self.ledger_changed,
                        self.replies_changed, self.profiles_changed):  # fmt: skip
            changed.emit()
        return old
