"""Import a file off the GUI thread with a progress bar; Cancel leaves the database as it was."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import plaintext
from app.errors import WorkbenchError
from app.importing import ImportReport, import_into
from app.storage.scores import score_stale
from ui.context import AppContext
from ui.tasks import Progress, Task, run_task


class ImportDialog(QDialog):
    """Runs one import; shows progress, then the per-row report."""

    #: the import finished (committed or not) with this report
    finished_import = Signal(object)

    def __init__(self, ctx: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = path
        self.task: Task | None = None
        self.report: ImportReport | None = None
        self.setWindowTitle(f"Import {plaintext.inline(path.name)}")
        layout = QVBoxLayout(self)
        self.status = QLabel(f"Reading {path.name}…")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        layout.addWidget(self.bar)
        self.details = QPlainTextEdit(readOnly=True)
        self.details.setPlaceholderText("Rows with problems will be listed here.")
        self.details.hide()
        layout.addWidget(self.details, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.retry_button = QPushButton("Import valid rows only")
        self.retry_button.hide()
        self.retry_button.clicked.connect(lambda: self.start(skip_invalid=True))
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.accept)
        self.close_button.hide()
        for button in (self.retry_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.resize(560, 220)

    def start(self, *, skip_invalid: bool = False) -> Task:
        """Run the import in the background (one transaction; nothing stored on cancel)."""
        db, path = self.ctx.db, self.path

        def work(progress: Progress) -> ImportReport:
            def report(done: int, total: int) -> None:
                progress.check()
                progress.report(done, total, "")

            result = import_into(db, path, skip_invalid=skip_invalid, progress=report)
            if result.imported:
                # the import is committed; a cancel now only leaves some postings unscored
                score_stale(
                    db,
                    progress=lambda done, total: progress.report(done, total, "Scoring"),
                    should_stop=lambda: progress.cancelled,
                )
            return result

        self.retry_button.hide()
        self.close_button.hide()
        self.bar.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.bar.setRange(0, 0)
        self.status.setText(f"Importing {path.name}…")
        self.task = run_task(work, on_done=self._done, on_error=self._failed, parent=self)
        self.task.progress.connect(self._progress)
        self.task.cancelled.connect(self._cancelled)
        return self.task

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, _text: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))

    @Slot()
    def cancel(self) -> None:
        if self.task is not None and self.task.running:
            self.cancel_button.setEnabled(False)
            self.status.setText("Cancelling…")
            self.task.cancel()
        else:
            self.reject()

    def _finish_ui(self) -> None:
        self.bar.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)

    def _cancelled(self) -> None:
        self.status.setText("Import cancelled: nothing was stored.")
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self._finish_ui()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, WorkbenchError):
            self.status.setText(f"Nothing was imported: {exc}")
        else:
            self.status.setText(f"Import failed ({type(exc).__name__}); nothing was stored.")
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self._finish_ui()

    def _done(self, report: ImportReport) -> None:
        self.report = report
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        text = (
            f"{report.added} added, {report.updated} updated, {report.skipped} skipped, "
            f"{len(report.errors)} rows with problems."
        )
        if report.errors and report.imported == 0:
            text = f"Nothing was imported: {len(report.errors)} rows have problems."
            self.retry_button.show()
        self.status.setText(text)
        if report.errors or report.notes:
            lines = [f"Row {e.row}: {e.message}" for e in report.errors[:1000]]
            if len(report.errors) > 1000:
                lines.append(f"… and {len(report.errors) - 1000} more")
            lines += [f"Row {n.row}: {n.message}" for n in report.notes[:1000]]
            self.details.setPlainText("\n".join(lines))
            self.details.show()
            self.resize(self.width(), max(self.height(), 420))
        self._finish_ui()
        if report.imported:
            self.ctx.jobs_changed.emit()
            self.ctx.message.emit(f"Imported {self.path.name}: {text}")
        self.finished_import.emit(report)
