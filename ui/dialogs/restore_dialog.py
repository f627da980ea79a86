"""Restoring a backup: the list of backups (date, size, file) and the question at startup
when the database is damaged.

Both make one call into :func:`app.backup.restore`, which checks the backup
first and keeps the database it replaces in the backups folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.backup import Restored, list_backups, restore
from app.errors import DatabaseCorruptError, WorkbenchError
from app.storage import files
from app.storage.files import human_size
from ui import a11y, localized, plain
from ui.theme import SEVERITY_COLORS


class RestoreDialog(QDialog):
    """Pick one of the backups of the database at ``path`` and put it in its place.

    ``prepare`` runs just before the file is replaced (the window closes its
    connections there); ``restored`` holds the outcome once it succeeded.
    """

    def __init__(
        self,
        path: Path,
        parent: QWidget | None = None,
        *,
        prepare: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.prepare = prepare
        self.restored: Restored | None = None
        self.setWindowTitle(self.tr("Restore backup"))
        self.setMinimumWidth(640)
        intro = QLabel(
            self.tr(
                "Choose a backup of {database} to put in its place. The database it replaces is "
                "kept in the backups folder, so this can be undone by restoring that copy."
            ).format(database=path),
            wordWrap=True,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QTreeWidget()
        a11y.name(
            self.list,
            self.tr("Backups"),
            self.tr("Newest first; Return or a double-click restores one"),
        )
        self.list.setHeaderLabels([self.tr("Made"), self.tr("Size"), self.tr("File")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemDoubleClicked.connect(lambda *_: self.restore_selected())
        self.error_label = QLabel(wordWrap=True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setStyleSheet(f"color: {SEVERITY_COLORS['critical']}")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.clicked.connect(self.restore_selected)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.fill()

    def fill(self) -> None:
        self.list.clear()
        for backup in list_backups(self.path):
            item = QTreeWidgetItem(
                [localized.moment(backup.made_at), human_size(backup.size), backup.path.name]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, str(backup.path))
            item.setToolTip(2, str(backup.path))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        for column in range(2):
            self.list.resizeColumnToContents(column)
        newest = self.list.topLevelItem(0)
        if newest is None:
            self._show_error(
                self.tr("There are no backups in {folder} yet.").format(
                    folder=self.path.parent / "backups"
                )
            )
        else:
            self.list.setCurrentItem(newest)
        self.restore_button.setEnabled(newest is not None)

    def selected(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None

    @Slot()
    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore backup"),
            self.tr(
                "Put {backup} in the place of the current database?\n\n"
                "The current database is kept in the backups folder."
            ).format(backup=backup.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            if self.prepare is not None:
                self.prepare()
            self.restored = restore(self.path, backup)
        except WorkbenchError as exc:
            self._show_error(str(exc))
            return
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()


class DamagedDatabaseBox(QMessageBox):
    """The startup question for a damaged database: restore the newest good backup (when
    one passed its check), choose a backup, or quit."""

    def __init__(
        self, exc: DatabaseCorruptError, parent: QWidget | None = None, *, opened: bool = False
    ) -> None:
        super().__init__(
            QMessageBox.Icon.Critical, APP_NAME, _question(exc, opened=opened), parent=parent
        )
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setDetailedText(str(exc))
        self.restore_button: QPushButton | None = None
        if exc.backup is not None:
            self.restore_button = self.addButton(
                self.tr("Restore newest good backup"), QMessageBox.ButtonRole.AcceptRole
            )
            self.setDefaultButton(self.restore_button)
        self.choose_button = self.addButton(
            self.tr("Choose a backup…"), QMessageBox.ButtonRole.ActionRole
        )
        self.quit_button = self.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)


def _question(exc: DatabaseCorruptError, *, opened: bool = False) -> str:
    name = (
        exc.path.name
        if exc.path
        else QCoreApplication.translate("DamagedDatabaseBox", "The database")
    )
    if opened:  # the check of every page runs once the window is up (issue 16)
        head = QCoreApplication.translate(
            "DamagedDatabaseBox",
            "{database} is damaged: the check of its pages, run after it was opened, found a "
            "problem. Some of what it holds may be unreadable.",
        ).format(database=name)
    else:
        head = QCoreApplication.translate(
            "DamagedDatabaseBox",
            "{database} is damaged, so it was not opened; nothing in it was changed.",
        ).format(database=name)
    if exc.backup is None:
        return QCoreApplication.translate(
            "DamagedDatabaseBox",
            "{head}\n\nNo backup beside it passed its check. Choose a backup you kept "
            "elsewhere, or quit.",
        ).format(head=head)
    try:
        # in the user's time zone, as their locale writes it (the stamp in the name is UTC)
        when = QCoreApplication.translate("DamagedDatabaseBox", "{made}, {size}").format(
            made=localized.moment(files.made_at(exc.backup)),
            size=human_size(exc.backup.stat().st_size),
        )
    except OSError:
        when = QCoreApplication.translate("DamagedDatabaseBox", "date unknown")
    return QCoreApplication.translate(
        "DamagedDatabaseBox",
        "{head}\n\nThe newest good backup is {backup} ({when}). Restore it? "
        "The damaged file is kept in the backups folder.",
    ).format(head=head, backup=exc.backup.name, when=when)


def offer_restore(
    exc: DatabaseCorruptError,
    parent: QWidget | None = None,
    *,
    opened: bool = False,
    prepare: Callable[[], None] | None = None,
) -> Restored | None:
    """Ask what to do with a damaged database at startup; the restore made, or None.

    ``opened``: the database is open already (its pages were checked after the window
    came up); ``prepare`` runs just before the file is replaced (the window closes its
    connections there)."""
    if exc.path is None:
        QMessageBox.critical(parent, APP_NAME, plain.message(str(exc)))
        return None
    box = DamagedDatabaseBox(exc, parent, opened=opened)
    box.exec()
    clicked = box.clickedButton()
    if clicked is not None and clicked is box.restore_button and exc.backup is not None:
        try:
            if prepare is not None:
                prepare()
            return restore(exc.path, exc.backup)
        except WorkbenchError as failed:
            QMessageBox.critical(parent, APP_NAME, plain.message(str(failed)))
            return None
    if clicked is not None and clicked is box.choose_button:
        dialog = RestoreDialog(exc.path, parent, prepare=prepare)
        dialog.exec()
        return dialog.restored
    return None
