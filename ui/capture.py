"""Paste anywhere and import: the main window's capture actions (Ctrl+Shift+V, Import…)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox, QToolBar, QWidget

from app.capture import store_postings
from app.domain import PostingFacts
from app.errors import InputError, WorkbenchError
from app.parsing.upwork import parse_postings
from app.storage.imports import last_undoable
from ui.context import AppContext
from ui.dialogs.import_dialog import ImportDialog, kept_text, undo_last, undo_text
from ui.dialogs.review_dialog import ReviewDialog
from ui.icons import icon

IMPORT_FILTER = "Postings (*.csv *.json *.jsonl *.ndjson);;All files (*)"


def install_capture_actions(window: QMainWindow, ctx: AppContext) -> QToolBar:
    """Add the Capture toolbar (Paste posting: Ctrl+Shift+V, Import…) to ``window``."""
    toolbar = QToolBar("Capture", window)
    toolbar.setObjectName("captureToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    color = window.palette().windowText().color()
    paste = QAction(icon("paste", color), "Paste posting", window)
    paste.setObjectName("pastePosting")
    paste.setShortcut(QKeySequence("Ctrl+Shift+V"))
    paste.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    paste.setToolTip("Add the job posting you copied in your browser (Ctrl+Shift+V)")
    paste.triggered.connect(lambda: paste_posting(ctx, window, on_saved=_revealer(window)))
    importer = QAction("Import…", window)
    importer.setObjectName("importPostings")
    importer.setToolTip("Import postings from a CSV, JSON or JSONL file")
    importer.triggered.connect(lambda: choose_and_import(ctx, window))
    toolbar.addAction(paste)
    toolbar.addAction(importer)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    window.paste_action = paste  # type: ignore[attr-defined]
    window.import_action = importer  # type: ignore[attr-defined]
    return toolbar


def _revealer(window: QMainWindow) -> Callable[[list[int]], None]:
    """After a save: switch to the Jobs page and select the first saved posting."""

    def reveal(ids: list[int]) -> None:
        from ui.pages.jobs import JobsPage

        go_to = getattr(window, "go_to", None)  # a MainWindow (not imported: it imports us)
        if go_to is not None:
            go_to(JobsPage).reveal(ids[0])

    return reveal


def paste_posting(
    ctx: AppContext,
    parent: QWidget,
    text: str | None = None,
    *,
    on_saved: Callable[[list[int]], None] | None = None,
) -> ReviewDialog | None:
    """Parse the clipboard (or ``text``) and open the review dialog; Save stores the postings."""
    if text is None:
        text = QApplication.clipboard().text()
    try:
        postings = parse_postings(text)
    except InputError as exc:
        _warn(parent, "Nothing to add", exc.message)
        return None
    dialog = ReviewDialog(postings, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)

    def save() -> None:
        ids = save_postings(ctx, parent, dialog.result_postings)
        if ids and on_saved is not None:
            on_saved(ids)

    dialog.accepted.connect(save)
    parent.review_dialog = dialog  # type: ignore[attr-defined]
    dialog.open()
    return dialog


def save_postings(ctx: AppContext, parent: QWidget, postings: list[PostingFacts]) -> list[int]:
    """Store reviewed postings in one transaction and announce the change."""
    try:
        with ctx.db.transaction() as session:
            stored = store_postings(session, postings, source="paste")
            ids = [job.id for job, _created in stored]
            added = sum(1 for _job, created in stored if created)
    except InputError as exc:
        _warn(parent, "Posting not saved", exc.message)
        return []
    ctx.jobs_changed.emit()
    updated = len(ids) - added
    parts = [f"{added} added"] if added else []
    if updated:
        parts.append(f"{updated} already stored, updated")
    ctx.message.emit(f"Postings saved: {', '.join(parts)}")
    return ids


def choose_and_import(ctx: AppContext, parent: QWidget) -> ImportDialog | None:
    """Ask for a file, then import it with progress."""
    name, _ = QFileDialog.getOpenFileName(parent, "Import postings", "", IMPORT_FILTER)
    if not name:
        return None
    return import_path(ctx, parent, Path(name))


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
        _warn(parent, "Undo last import", "There is no import to undo.")
        return None
    when = last.imported_at.astimezone().strftime("%Y-%m-%d %H:%M")
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Undo last import",
        f"Undo the import of {last.file_name} ({when}: {last.added} added, "
        f"{last.updated} updated)? Postings you changed since are kept.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(button: int) -> None:
        if button != QMessageBox.StandardButton.Yes:
            return
        try:
            undone = undo_last(ctx, last.id)
        except WorkbenchError as exc:
            _warn(parent, "Import not undone", exc.message)
            return
        if undone.kept:
            _warn(parent, "Import undone", f"{undo_text(undone)}\n\n{kept_text(undone)}")

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
