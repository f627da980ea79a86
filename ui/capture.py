"""Paste anywhere and import: the capture object the main window owns.

:class:`Capture` holds the Paste posting (Ctrl+Shift+V) and Import… actions,
opens the review and import dialogs, stores what the user saves, and signals
``saved`` with the ids, so the window can show them. Pages that offer a paste or
import button ask the window for it through a signal: nothing here imports a
page, and no page imports this module (the old ``capture`` ↔ ``jobs`` cycle).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from app.capture import SavedPostings, looks_like_posting, save_reviewed
from app.domain import PostingFacts
from app.errors import InputError
from app.parsing.upwork import parse_postings
from app.storage.imports import UndoReport, last_undoable
from ui.capture_actions import capture_actions
from ui.context import AppContext
from ui.dialogs.import_dialog import ImportDialog, kept_text, undo_last, undo_text
from ui.dialogs.review_dialog import ReviewDialog
from ui.i18n import QT_TRANSLATE_NOOP
from ui.ops import Change, CollectionOp

#: the file dialog's filter (translated where it is shown)
IMPORT_FILTER = QT_TRANSLATE_NOOP(
    "Capture", "Postings (*.csv *.json *.jsonl *.ndjson);;All files (*)"
)


class Capture(QObject):
    """Paste and import for one window; ``saved`` announces stored postings."""

    #: postings were stored from a paste (their ids, in the order pasted)
    saved = Signal(list)

    def __init__(
        self, ctx: AppContext, window: QWidget, actions: tuple[QAction, QAction] | None = None
    ) -> None:
        """``actions``: the (paste, import) actions, if the window made them already."""
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        #: the dialogs opened last (tests and screenshots look at them)
        self.review_dialog: ReviewDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self.warning_box: QMessageBox | None = None
        self.paste_action, self.import_action = actions or capture_actions(window)
        self.paste_action.triggered.connect(lambda: self.paste())
        self.import_action.triggered.connect(lambda: self.choose_and_import())

    def paste(self, text: str | None = None) -> ReviewDialog | None:
        """Parse the clipboard (or ``text``) and open the review form; Save stores them."""
        if text is None:
            text = QApplication.clipboard().text()
        try:
            postings = parse_postings(text)
        except InputError as exc:
            self._warn(self.tr("Nothing to add"), exc.message)
            return None
        doubtful = sum(1 for p in postings if not looks_like_posting(p))
        dialog = ReviewDialog(postings, self.window, doubtful=doubtful)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self.save(dialog.result_postings))
        self.review_dialog = dialog
        dialog.open()
        return dialog

    def save(self, postings: list[PostingFacts]) -> CollectionOp[SavedPostings]:
        """Store reviewed postings in one transaction; then ``saved`` and a status line."""
        return (
            CollectionOp(
                self.window,
                lambda session: save_reviewed(session, postings, source="paste"),
                Change.JOBS,
                ctx=self.ctx,
                title=self.tr("Posting not saved"),
            )
            .success(self._saved)
            .failure(lambda exc: self._warn(self.tr("Posting not saved"), exc.message))
            .run()
        )

    def _saved(self, result: SavedPostings) -> None:
        self.ctx.message.emit(self.tr("Postings saved: {summary}").format(summary=result.summary()))
        if result.ids:
            self.saved.emit(result.ids)

    def choose_and_import(self) -> ImportDialog | None:
        """Ask for a file, then import it with progress."""
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import postings"),
            "",
            QCoreApplication.translate("Capture", IMPORT_FILTER),
        )
        if not name:
            return None
        return self.import_path(Path(name))

    def import_path(self, path: Path) -> ImportDialog:
        """Open the import dialog for ``path`` (its preview first; Import starts it)."""
        dialog = import_path(self.ctx, self.window, path)
        self.import_dialog = dialog
        return dialog

    def undo_last_import(self) -> QMessageBox | None:
        """Edit → Undo last import (asks first)."""
        return undo_last_import(self.ctx, self.window)

    def _warn(self, title: str, message: str) -> None:
        _warn(self.window, title, message)
        self.warning_box = getattr(self.window, "warning_box", None)


def import_path(ctx: AppContext, parent: QWidget, path: Path) -> ImportDialog:
    """Open the import dialog for ``path``: the preview first, Import starts it."""
    dialog = ImportDialog(ctx, path, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    parent.import_dialog = dialog  # type: ignore[attr-defined]
    dialog.refresh_preview()
    dialog.open()
    return dialog


#: what a dropped file may be to be imported
IMPORT_SUFFIXES = (".csv", ".tsv", ".txt", ".json", ".jsonl", ".ndjson")


def dropped_file(urls: list[QUrl]) -> Path | None:
    """The first local file among dropped URLs that could be an import, else None."""
    for url in urls:
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in IMPORT_SUFFIXES and path.is_file():
                return path
    return None


def undo_last_import(ctx: AppContext, parent: QWidget) -> QMessageBox | None:
    """Edit ▸ Undo last import: ask, then take the newest import not undone back."""
    with ctx.db.read() as session:
        last = last_undoable(session)
    if last is None:
        _warn(
            parent,
            QCoreApplication.translate("Capture", "Undo last import"),
            QCoreApplication.translate("Capture", "There is no import to undo."),
        )
        return None
    when = last.imported_at.astimezone().strftime("%Y-%m-%d %H:%M")
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Capture", "Undo last import"),
        QCoreApplication.translate(
            "Capture",
            "Undo the import of {file} ({when}: {added} added, {updated} updated)? "
            "Postings you changed since are kept.",
        ).format(file=last.file_name, when=when, added=last.added, updated=last.updated),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def undone(done: UndoReport) -> None:
        if done.kept:
            _warn(
                parent,
                QCoreApplication.translate("Capture", "Import undone"),
                f"{undo_text(done)}\n\n{kept_text(done)}",
            )

    def answered(button: int) -> None:
        if button == QMessageBox.StandardButton.Yes:
            undo_last(
                parent,
                last.id,
                undone,
                lambda exc: _warn(
                    parent, QCoreApplication.translate("Capture", "Import not undone"), exc.message
                ),
            )

    box.finished.connect(answered)
    parent.undo_import_box = box  # type: ignore[attr-defined]
    box.open()
    return box


def _warn(parent: QWidget, title: str, message: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    parent.warning_box = box  # type: ignore[attr-defined]
    box.open()
