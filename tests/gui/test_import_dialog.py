"""The import dialog (issue 11): see before you import, remap or skip a column, the date
order, Undo in the result and in the Edit menu, and a file dropped on the window."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox
from sqlalchemy import select

from app import settings
from app.storage.models import JobPosting
from ui import localized
from ui.capture import import_path
from ui.context import AppContext
from ui.dialogs.import_dialog import ImportDialog
from ui.main_window import MainWindow

HEADER = ["Unnamed: 0", "title", "link", "posted", "Notes", "budget"]


@pytest.fixture
def window(qtbot, ctx: AppContext) -> Iterator[MainWindow]:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    yield win


def write_csv(tmp_path: Path, rows: list[list[str]], name: str = "alerts.csv") -> Path:
    out = io.StringIO(newline="")
    csv.writer(out).writerows([HEADER, *rows])
    path = tmp_path / name
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


ROWS = [
    ["0", "Scrape &amp; clean - Upwork", "https://x.example/1", "06/07/2024", "call me", "$50"],
    ["1", "Logo", "https://x.example/2", "25/12/2024", "", "['$120', '']"],
]


def combo(dialog: ImportDialog, column: str) -> QComboBox:
    table = dialog.mapping_table
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.text() == column:
            widget = table.cellWidget(row, 1)
            assert isinstance(widget, QComboBox)
            return widget
    raise AssertionError(column)


def cell(dialog: ImportDialog, row: int, column: int) -> str:
    item = dialog.rows_table.item(row, column)
    assert item is not None
    return item.text()


def titles(db) -> dict[str, JobPosting]:
    with db.read() as session:
        return {job.title: job for job in session.scalars(select(JobPosting))}


def run_import(qtbot, dialog: ImportDialog) -> None:
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=10000)


def test_the_preview_shows_the_mapping_the_rows_and_the_date_order(
    qtbot, window: MainWindow, db, tmp_path: Path
) -> None:
    dialog = import_path(window.ctx, window, write_csv(tmp_path, ROWS))
    assert dialog.isVisible() and dialog.import_button.isVisible()
    assert combo(dialog, "title").currentText() == "Title"
    assert combo(dialog, "posted").currentText() == "Posted at"
    assert combo(dialog, "Notes").currentText() == "(do not import)"
    assert "Row number" in combo(dialog, "Unnamed: 0").currentText()
    assert dialog.unmapped_label.text() == "Notes"
    # the rows as they will be stored: entities decoded, the suffix gone, a day above 12
    assert cell(dialog, 0, 0) == "Scrape & clean"
    assert cell(dialog, 1, 1) == "$120 fixed"
    assert dialog.order_label.text().startswith("day/month/year (as the file's dates show)")
    # (a day without a time is midnight UTC, shown in the user's zone and locale)
    assert cell(dialog, 0, 2) == localized.moment(datetime(2024, 7, 6, tzinfo=UTC))
    assert titles(db) == {}  # a preview stores nothing


def test_remapping_and_skipping_a_column_is_remembered_for_the_header(
    qtbot, window: MainWindow, db, tmp_path: Path
) -> None:
    dialog = import_path(window.ctx, window, write_csv(tmp_path, ROWS))
    notes = combo(dialog, "Notes")
    notes.setCurrentIndex(notes.findText("Description"))  # remap: the preview reads it anew
    budget = combo(dialog, "budget")
    budget.setCurrentIndex(budget.findText("(do not import)"))  # skip
    assert cell(dialog, 0, 1) == ""  # no budget any more
    assert dialog.unmapped_label.text() == "—"
    run_import(qtbot, dialog)
    stored = titles(db)
    assert stored["Scrape & clean"].description == "call me"
    assert stored["Scrape & clean"].fixed_budget is None
    assert dialog.report is not None and dialog.report.unmapped_columns == []
    dialog.accept()
    with db.read() as session:
        remembered = settings.get(session, "import.column_mappings")
    assert list(remembered.values()) == [{"Notes": "description", "budget": None}]

    # another file with the same header opens with the same choices
    again = import_path(window.ctx, window, write_csv(tmp_path, ROWS[:1], name="later.csv"))
    assert combo(again, "Notes").currentText() == "Description"
    assert combo(again, "budget").currentText() == "(do not import)"
    again.reject()


def test_the_user_can_choose_the_date_order(qtbot, window: MainWindow, db, tmp_path) -> None:
    dialog = import_path(window.ctx, window, write_csv(tmp_path, ROWS[:1]))
    dialog.date_combo.setCurrentIndex(2)  # month first
    assert dialog.order_label.text().startswith("month/day/year (as chosen)")
    assert cell(dialog, 0, 2) == localized.moment(datetime(2024, 6, 7, tzinfo=UTC))
    run_import(qtbot, dialog)
    posted = titles(db)["Scrape & clean"].posted_at
    assert posted is not None and posted.month == 6
    assert dialog.report is not None and dialog.report.date_order == "MDY"


def test_undo_in_the_result(qtbot, window: MainWindow, db, tmp_path: Path) -> None:
    dialog = import_path(window.ctx, window, write_csv(tmp_path, ROWS))
    run_import(qtbot, dialog)
    assert dialog.undo_button.isVisible() and len(titles(db)) == 2
    with qtbot.waitSignal(window.ctx.jobs_changed):
        qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert titles(db) == {}
    assert "undone: 2 postings removed" in dialog.status.text()
    assert not dialog.undo_button.isVisible()


def test_edit_menu_undoes_the_last_import(qtbot, window: MainWindow, db, tmp_path, settle) -> None:
    dialog = import_path(window.ctx, window, write_csv(tmp_path, ROWS))
    run_import(qtbot, dialog)
    dialog.accept()
    window.undo_import_action.trigger()
    box = window.undo_import_box
    assert "alerts.csv" in box.text() and "2 added" in box.text()
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert yes is not None
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    settle()  # the undo commits off the GUI thread
    assert titles(db) == {}
    window.undo_import_action.trigger()  # nothing left to undo: said so
    assert "no import to undo" in window.warning_box.text()


def test_a_file_dropped_on_the_window_opens_the_import(qtbot, window, tmp_path: Path) -> None:
    path = write_csv(tmp_path, ROWS)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.pdf")), QUrl.fromLocalFile(str(path))])
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    event = QDropEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    window.dropEvent(event)
    QApplication.processEvents()
    dialog = window.import_dialog
    assert dialog.path == path and dialog.isVisible() and dialog.import_button.isVisible()
    dialog.reject()


def test_a_file_that_cannot_be_read_says_so_before_import(qtbot, window, db, tmp_path) -> None:
    path = tmp_path / "broken.csv"
    path.write_text('title,url\n"A" oops,https://x.example/1\n', encoding="utf-8")
    dialog = import_path(window.ctx, window, path)
    assert "cannot be imported" in dialog.status.text() and "line 2" in dialog.status.text()
    assert not dialog.import_button.isVisible()
    dialog.reject()
