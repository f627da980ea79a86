"""Import a file: first see how it will be read (columns → fields, the first rows as they
will be stored, the date order), then import it off the GUI thread with a progress bar
(Cancel leaves the database as it was), then the report, with Undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import clock, plaintext
from app.domain import PostingFacts
from app.errors import WorkbenchError
from app.importing import ImportReport, Preview, import_into, preview_import
from app.importing.dates import DAY_FIRST, MONTH_FIRST
from app.importing.mapping import FIELDS, INDEX, LABELS
from app.importing.run import DateOrder
from app.scoring.service import score_stale
from app.storage.imports import UndoReport, undo_import
from ui import a11y, localized
from ui.context import AppContext
from ui.i18n import QT_TRANSLATE_NOOP
from ui.ops import Change, CollectionOp, announce
from ui.tasks import Progress, Task, run_task

#: the date-order choices: (shown, value for import_into); translated where shown
DATE_CHOICES = (
    (QT_TRANSLATE_NOOP("ImportDialog", "As the file's dates show"), None),
    (QT_TRANSLATE_NOOP("ImportDialog", "Day first: 06/07/2024 is 6 July"), DAY_FIRST),
    (QT_TRANSLATE_NOOP("ImportDialog", "Month first: 06/07/2024 is June 7"), MONTH_FIRST),
)
SKIP = QT_TRANSLATE_NOOP("ImportDialog", "(do not import)")
#: why dates are read in the order they are (app.importing.run.DateOrder.source)
ORDER_REASONS = {
    "file": QT_TRANSLATE_NOOP("ImportDialog", "as the file's dates show"),
    "option": QT_TRANSLATE_NOOP("ImportDialog", "as chosen"),
    "setting": QT_TRANSLATE_NOOP(
        "ImportDialog", "the order in Preferences; the file's dates fit either"
    ),
    "locale": QT_TRANSLATE_NOOP("ImportDialog", "your locale's order; the file's dates fit either"),
}


def describe_order(order: DateOrder) -> str:
    """How dates are read and why, e.g. "day/month/year (as chosen)", translated."""
    shown = (
        QCoreApplication.translate("ImportDialog", "day/month/year")
        if order.order == DAY_FIRST
        else QCoreApplication.translate("ImportDialog", "month/day/year")
    )
    why = ORDER_REASONS.get(order.source)
    if why is None:
        return order.describe()
    return QCoreApplication.translate("ImportDialog", "{order} ({why})").format(
        order=shown, why=QCoreApplication.translate("ImportDialog", why)
    )


def _facts_cells(facts: PostingFacts) -> list[str]:
    # values as the user's locale writes them; the posting time (UTC) in their time zone
    budget = ""
    if facts.fixed_budget is not None:
        budget = localized.budget("fixed", facts.fixed_budget, None, None)
    elif facts.hourly_min is not None:
        budget = localized.budget("hourly", None, facts.hourly_min, facts.hourly_max)
    posted = localized.moment(facts.posted_at) if facts.posted_at else ""
    proposals = localized.proposals(facts.proposals_min, facts.proposals_max)
    return [
        facts.title or "",
        budget,
        posted,
        ", ".join(facts.skills),
        facts.client.country or "",
        proposals,
    ]


class ImportDialog(QDialog):
    """Preview, import with progress, report (with Undo) for one file."""

    #: the import finished (committed or not) with this report
    finished_import = Signal(object)
    #: an import was undone from this dialog
    undone = Signal(object)

    def __init__(self, ctx: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = path
        self.task: Task | None = None
        self.report: ImportReport | None = None
        self.undo_report: UndoReport | None = None
        self.preview: Preview | None = None
        #: the columns the user remapped: column → field (None: skip)
        self.columns: dict[str, str | None] | None = None
        self._skip_invalid = False
        self.setWindowTitle(self.tr("Import {file}").format(file=plaintext.inline(path.name)))
        layout = QVBoxLayout(self)
        self.status = QLabel(self.tr("Reading {file}…").format(file=path.name))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        # -- the preview: columns, date order, first rows
        self.preview_box = QWidget()
        box = QVBoxLayout(self.preview_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setObjectName("importMapping")
        a11y.name(
            self.mapping_table,
            self.tr("Columns"),
            self.tr("Each column in the file and what it becomes"),
        )
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Imported as"), self.tr("First value")]
        )
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        box.addWidget(self.mapping_table, 2)
        form = QFormLayout()
        self.date_combo = QComboBox()
        self.date_combo.setObjectName("importDateOrder")
        for text, _value in DATE_CHOICES:
            self.date_combo.addItem(QCoreApplication.translate("ImportDialog", text))
        self.date_combo.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        form.addRow(self.tr("Dates like 06/07/2024:"), self.date_combo)
        self.order_label = QLabel()
        self.order_label.setTextFormat(Qt.TextFormat.PlainText)
        self.order_label.setWordWrap(True)
        form.addRow(self.tr("Read as:"), self.order_label)
        self.unmapped_label = QLabel()
        self.unmapped_label.setTextFormat(Qt.TextFormat.PlainText)
        self.unmapped_label.setWordWrap(True)
        form.addRow(self.tr("Not imported:"), self.unmapped_label)
        box.addLayout(form)
        box.addWidget(QLabel(self.tr("The first rows, as they will be stored:")))
        self.rows_table = QTableWidget(0, 6)
        self.rows_table.setObjectName("importPreviewRows")
        a11y.name(
            self.rows_table,
            self.tr("First rows"),
            self.tr("The first rows, as they will be stored"),
        )
        self.rows_table.setHorizontalHeaderLabels(
            [
                self.tr("Title"),
                self.tr("Budget"),
                self.tr("Posted"),
                self.tr("Skills"),
                self.tr("Client country"),
                self.tr("Proposals"),
            ]
        )
        self.rows_table.verticalHeader().hide()
        self.rows_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        box.addWidget(self.rows_table, 1)
        layout.addWidget(self.preview_box, 1)

        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.hide()
        layout.addWidget(self.bar)
        self.details = QPlainTextEdit(readOnly=True)
        a11y.name(self.details, self.tr("Rows with problems"))
        self.details.setPlaceholderText(self.tr("Rows with problems will be listed here."))
        self.details.hide()
        layout.addWidget(self.details, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("importStart")
        self.import_button.clicked.connect(lambda: self.start())
        self.retry_button = QPushButton(self.tr("Import valid rows only"))
        self.retry_button.hide()
        self.retry_button.clicked.connect(lambda: self.start(skip_invalid=True))
        self.undo_button = QPushButton(self.tr("Undo import"))
        self.undo_button.setObjectName("importUndo")
        self.undo_button.setToolTip(
            self.tr("Remove the postings this import added and put back the values it changed")
        )
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        self.close_button.hide()
        for button in (
            self.import_button,
            self.retry_button,
            self.undo_button,
            self.cancel_button,
            self.close_button,
        ):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.resize(820, 600)

    # -- preview ---------------------------------------------------------------------------

    def date_order(self) -> str | None:
        return DATE_CHOICES[self.date_combo.currentIndex()][1]

    def refresh_preview(self) -> Preview | None:
        """Read the head of the file as it would be imported now (nothing is stored)."""
        try:
            with self.ctx.db.read() as session:
                preview = preview_import(
                    session, self.path, columns=self.columns, date_order=self.date_order()
                )
        except WorkbenchError as exc:
            self.preview = None
            self.status.setText(self.tr("This file cannot be imported: {error}").format(error=exc))
            self.preview_box.hide()
            self.import_button.hide()
            return None
        self.preview = preview
        self._show_preview(preview)
        return preview

    def _show_preview(self, preview: Preview) -> None:
        kind = preview.fmt.upper()
        if preview.mapping is not None:
            self.status.setText(
                self.tr(
                    "{file}: {format}, %n columns. Check how the columns are read, then Import.",
                    "",
                    len(preview.mapping.header),
                ).format(file=preview.file_name, format=kind)
            )
        else:
            self.status.setText(
                self.tr(
                    "{file}: {format}; fields are read by name. Check the first rows, then Import."
                ).format(file=preview.file_name, format=kind)
            )
        self._fill_mapping(preview)
        self.order_label.setText(describe_order(preview.order))
        self.unmapped_label.setText(", ".join(preview.unmapped_columns) or "—")
        self.rows_table.setRowCount(len(preview.rows))
        for r, row in enumerate(preview.rows):
            cells = (
                _facts_cells(row.facts)
                if row.facts
                else [self.tr("Row {row}: {error}").format(row=row.row, error=row.error)]
            )
            for c in range(self.rows_table.columnCount()):
                item = QTableWidgetItem(cells[c] if c < len(cells) else "")
                self.rows_table.setItem(r, c, item)
        self.rows_table.resizeColumnsToContents()

    def _fill_mapping(self, preview: Preview) -> None:
        mapping = preview.mapping
        table = self.mapping_table
        table.setVisible(mapping is not None)
        if mapping is None:
            return
        first = self._first_cells(preview)
        table.setRowCount(len(mapping.header))
        for r, (name, field) in enumerate(zip(mapping.header, mapping.fields, strict=True)):
            shown = name or self.tr("(column {number}, no name)").format(number=r + 1)
            table.setItem(r, 0, QTableWidgetItem(shown))
            combo = QComboBox()
            combo.addItem(QCoreApplication.translate("ImportDialog", SKIP), None)
            if field == INDEX:
                combo.addItem(self.tr("Row number (not imported)"), INDEX)
            for key in FIELDS:
                combo.addItem(QCoreApplication.translate("Fields", LABELS[key]), key)
            combo.setCurrentIndex(max(0, combo.findData(field)))
            combo.currentIndexChanged.connect(
                lambda _i, column=name, box=combo: self.remap(column, box.currentData())
            )
            table.setCellWidget(r, 1, combo)
            table.setItem(r, 2, QTableWidgetItem(first.get(r, "")))
        table.resizeColumnToContents(0)
        table.setColumnWidth(1, 260)

    def _first_cells(self, preview: Preview) -> dict[int, str]:
        from app.importing.reading import open_import

        source = open_import(self.path, preview.fmt)
        for _row, record in source.records():
            if isinstance(record, list):
                return {i: " ".join(v.split())[:120] for i, v in enumerate(record)}
            break
        return {}

    def remap(self, column: str, field: str | None) -> None:
        """The user chose ``field`` (None: skip) for ``column``; the preview follows."""
        assert self.preview is not None and self.preview.mapping is not None
        chosen = dict(self.preview.mapping.overrides)
        chosen[column] = None if field in (None, INDEX) else field
        self.columns = chosen
        self.refresh_preview()

    # -- import ----------------------------------------------------------------------------

    def start(self, *, skip_invalid: bool = False) -> Task:
        """Run the import in the background (one transaction; nothing stored on cancel)."""
        db, path = self.ctx.db, self.path
        columns, order = self.columns, self.date_order()

        def work(progress: Progress) -> ImportReport:
            def report(done: int, total: int) -> None:
                progress.check()
                progress.report(done, total, "")

            result = import_into(
                db,
                path,
                skip_invalid=skip_invalid,
                progress=report,
                columns=columns,
                date_order=order,
            )
            if result.imported:
                # the import is committed; a cancel now only leaves some postings unscored
                score_stale(
                    db,
                    progress=lambda done, total: progress.report(done, total, "Scoring"),
                    should_stop=lambda: progress.cancelled,
                )
            return result

        self.preview_box.hide()
        self.import_button.hide()
        self.retry_button.hide()
        self.close_button.hide()
        self.undo_button.hide()
        self.bar.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.bar.setRange(0, 0)
        self.status.setText(self.tr("Importing {file}…").format(file=path.name))
        self._fit(620, 160)
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
            self.status.setText(self.tr("Cancelling…"))
            self.task.cancel()
        else:
            self.reject()

    def _fit(self, width: int, height: int) -> None:
        """Shrink to what is left to show once the preview is gone."""
        self.setMinimumSize(0, 0)
        self.resize(width, height)

    def _finish_ui(self) -> None:
        self.bar.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)

    def _cancelled(self) -> None:
        self.status.setText(self.tr("Import cancelled: nothing was stored."))
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self._finish_ui()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, WorkbenchError):
            self.status.setText(self.tr("Nothing was imported: {error}").format(error=exc))
        else:
            self.status.setText(
                self.tr("Import failed ({error}); nothing was stored.").format(
                    error=type(exc).__name__
                )
            )
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self._finish_ui()

    def _done(self, report: ImportReport) -> None:
        self.report = report
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        text = self.tr(
            "{added} added, {updated} updated, {skipped} skipped, %n rows with problems.",
            "",
            len(report.errors),
        ).format(added=report.added, updated=report.updated, skipped=report.skipped)
        if report.empty:
            text += " " + self.tr(
                "%n empty rows (no title, description or URL) left out.", "", report.empty
            )
        if report.errors and report.imported == 0:
            text = self.tr("Nothing was imported: %n rows have problems.", "", len(report.errors))
            self.retry_button.show()
        else:
            order = describe_order(DateOrder(report.date_order, report.date_order_source))
            text += "\n" + self.tr("Dates were read {order}.").format(order=order)
            if report.unmapped_columns:
                text += "\n" + self.tr("Not imported (no field): {columns}.").format(
                    columns=", ".join(report.unmapped_columns)
                )
            if report.import_id is not None and report.imported:
                text += "\n" + self.tr(
                    "Undo takes the whole import back (later too: Edit ▸ Undo last import)."
                )
        self.status.setText(text)
        if report.errors or report.notes:
            row = self.tr("Row {row}: {error}")
            lines = [row.format(row=e.row, error=e.message) for e in report.errors[:1000]]
            if len(report.errors) > 1000:
                lines.append(self.tr("… and %n more", "", len(report.errors) - 1000))
            lines += [row.format(row=n.row, error=n.message) for n in report.notes[:1000]]
            self.details.setPlainText("\n".join(lines))
            self.details.show()
            self._fit(620, 420)
        self._finish_ui()
        if report.import_id is not None and report.imported:
            self.undo_button.show()
            announce(self.ctx, Change.JOBS)  # the import ran as a task of its own
            self.ctx.message.emit(
                self.tr("Imported {file}: {report}").format(file=self.path.name, report=text)
            )
        self.finished_import.emit(report)

    # -- undo ------------------------------------------------------------------------------

    @Slot()
    def undo(self) -> None:
        """Take this import back (what the user changed since is kept, and said)."""
        if self.report is None or self.report.import_id is None:
            return
        self.undo_button.setEnabled(False)
        undo_last(self, self.report.import_id, self._undone, self._not_undone)

    def _not_undone(self, exc: WorkbenchError) -> None:
        self.undo_button.setEnabled(True)
        self.status.setText(self.tr("Not undone: {error}").format(error=exc))

    def _undone(self, undone: UndoReport) -> None:
        self.undo_report = undone
        self.undo_button.hide()
        self.status.setText(undo_text(undone))
        self.details.setPlainText(kept_text(undone))
        self.details.setVisible(bool(undone.kept))
        if undone.kept:
            self._fit(620, 420)
        self.undone.emit(undone)


def undo_last(
    parent: QWidget,
    import_id: int,
    on_done: Callable[[UndoReport], object] | None = None,
    on_refused: Callable[[WorkbenchError], object] | None = None,
) -> CollectionOp[UndoReport]:
    """Undo one import in one transaction (scores follow for what changed, off the GUI
    thread too); the pages hear of it, the status bar says what was undone."""
    now = clock.now()

    def write(session: Session) -> UndoReport:
        return undo_import(session, import_id, now=now)

    def done(undone: UndoReport) -> None:
        op.ctx.message.emit(undo_text(undone))
        db = op.ctx.db
        run_task(
            lambda _progress: score_stale(db),
            on_done=lambda _: announce(op.ctx, Change.JOBS),
            parent=parent,
        )
        if on_done is not None:
            on_done(undone)

    op: CollectionOp[UndoReport] = CollectionOp(
        parent,
        write,
        Change.JOBS,
        title=QCoreApplication.translate("ui.dialogs.import_dialog", "Undo import"),
    )
    op.success(done)
    if on_refused is not None:
        op.failure(on_refused)
    return op.run()


def undo_text(undone: UndoReport) -> str:
    text = QCoreApplication.translate(
        "ImportDialog", "Import of {file} undone: {removed} postings removed, {restored} restored."
    ).format(file=undone.file_name, removed=undone.removed, restored=undone.restored)
    if undone.kept:
        text += " " + _PluralTexts().kept(len(undone.kept))
    return text


class _PluralTexts(QObject):
    """The plurals of the module's functions: lupdate marks a message as a plural only
    in ``self.tr`` (``QCoreApplication.translate(…, n)`` is collected as one form, or
    dropped when ``n`` is not a plain name)."""

    def kept(self, n: int) -> str:
        return self.tr("%n kept as you changed them since.", "", n)


def kept_text(undone: UndoReport) -> str:
    lines = []
    for kept in undone.kept[:1000]:
        columns = f": {', '.join(kept.columns)}" if kept.columns else ""
        lines.append(
            QCoreApplication.translate(
                "ImportDialog", "Kept #{id} {title} ({reason}{columns})"
            ).format(id=kept.job_id, title=kept.title, reason=kept.reason, columns=columns)
        )
    return "\n".join(lines)
