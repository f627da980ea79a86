"""The Jobs page as a user drives it: paste, review, list, detail, triage with undo, import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit
from sqlalchemy import event

from app import clock
from app.domain import BudgetType, PostingFacts
from app.storage.jobs import add_posting, get_job
from app.storage.models import JobPosting, Profile, ScoreCard
from ui.capture import import_path
from ui.dialogs.review_dialog import ReviewDialog
from ui.main_window import MainWindow
from ui.models.jobs_model import PAGE_SIZE, JobsModel
from ui.pages.jobs import JobsPage

TILE = (
    "Python scraper for real estate listings\n"
    "Hourly: $15-$35 - Intermediate - Est. Time: Less than 1 month, Less than 30 hrs/week "
    "We need a <b>scraper</b> that collects listings.\n"
    "Data ScrapingPython\n"
    "Payment verified Rating is 4.9 out of 5. $10K+ spent Canada Proposals: 10 to 15 "
    "Connects to apply: 8 Connects Posted yesterday\n"
)


def fill(db, n: int) -> list[int]:
    with db.transaction() as session:
        return [
            add_posting(
                session,
                PostingFacts(
                    title=f"Job {i:04d} {'python' if i % 3 == 0 else 'design'}",
                    description=f"Posting number {i}",
                    url=f"https://www.upwork.com/jobs/~01{i:016x}",
                    budget_type=BudgetType.FIXED,
                    fixed_budget=float(i),
                ),
            )[0].id
            for i in range(n)
        ]


def jobs_page(window: MainWindow) -> JobsPage:
    return window.go_to(JobsPage)


def line_edit(dialog: ReviewDialog, field: str) -> QLineEdit:
    """The review dialog's one-line editor for ``field``."""
    editor = dialog.editors[field]
    assert isinstance(editor, QLineEdit), field
    return editor


def test_jobs_model_passes_modeltester(qtmodeltester, db) -> None:
    ids = fill(db, PAGE_SIZE + 30)
    with db.transaction() as session:
        profile = Profile(name="Main", is_active=True)
        session.add(profile)
        session.flush()
        session.add(ScoreCard(job_id=ids[5], profile_id=profile.id, total=77, verdict="apply"))
    model = JobsModel(db)
    model.reload()
    assert model.rowCount() == PAGE_SIZE and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE + 30 and not model.canFetchMore()
    row = model.row_of(ids[5])
    assert row is not None
    assert model.index(row, 0).data() == "Apply"
    assert model.index(row, 1).data() == "77"
    assert model.index(row, 1).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(row, 4).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole) == "Nothing known about the client"
    model.sort(3, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 3).data() == "$0 fixed"
    assert model.rowCount() == PAGE_SIZE

    # (Qt's tester runs its checks inside modelReset, so it is attached after the resets)
    fresh = JobsModel(db)
    fresh.reload()
    qtmodeltester.check(fresh)
    assert fresh.rowCount() == PAGE_SIZE + 30
    sorted_model = JobsModel(db)
    sorted_model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(sorted_model)
    assert sorted_model.index(0, 1).data() == "77"


def test_empty_state_offers_paste_and_import(window: MainWindow) -> None:
    page = jobs_page(window)
    assert page.stack.currentWidget() is page.empty_state
    assert page.empty_paste_button.isVisible() and page.empty_import_button.isVisible()


def test_paste_through_clipboard_review_and_save(qtbot, window: MainWindow, db) -> None:
    page = jobs_page(window)
    QApplication.clipboard().setText(TILE)
    qtbot.keyClick(
        window,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.review_dialog
    qtbot.waitUntil(dialog.isVisible)
    title = dialog.editors["title"]
    assert (
        isinstance(title, QLineEdit) and title.text() == "Python scraper for real estate listings"
    )
    category = dialog.editors["category"]
    assert category.property("missing") is True
    assert dialog.editors["hourly_min"].property("missing") is False
    category.setFocus()
    qtbot.keyClicks(category, "Web scraping")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.content)

    assert page.model.rowCount() == 1
    assert page.model.index(0, 2).data() == "Python scraper for real estate listings"
    assert page.selected_ids() == [page.model.job_id(0)]  # the new posting is shown
    assert page.model.index(0, 3).data() == "$15–$35/hr"
    with db.read() as session:
        job = session.query(JobPosting).one()
        assert job.category == "Web scraping" and job.client_total_spent == 10000.0
        assert "category" not in job.missing_fields

    page.table.selectRow(0)
    tabs = [page.detail_tabs.tabText(i) for i in range(page.detail_tabs.count())]
    assert tabs == ["Score", "Details", "Raw text"]
    assert page.detail_labels["Client location"].text() == "Canada"
    assert page.detail_labels["Client location"].textFormat() == Qt.TextFormat.PlainText
    assert "<b>scraper</b>" in page.raw_text.toPlainText()
    assert "<b>scraper</b>" in page.description.text()
    assert page.description.textFormat() == Qt.TextFormat.PlainText


def test_bad_paste_shows_a_message_and_stores_nothing(qtbot, window: MainWindow, db) -> None:
    QApplication.clipboard().setText("<html><body><div>job</div></body></html>")
    window.paste_action.trigger()
    box = window.warning_box
    qtbot.waitUntil(box.isVisible)
    assert "HTML" in box.text()
    box.accept()
    with db.read() as session:
        assert session.query(JobPosting).count() == 0


def test_review_dialog_rejects_bad_numbers(qtbot, window: MainWindow, db) -> None:
    QApplication.clipboard().setText(TILE)
    window.paste_action.trigger()
    dialog = window.review_dialog
    line_edit(dialog, "connects_required").setText("eight")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.isVisible() and "Connects required" in dialog.error.text()
    dialog.reject()
    with db.read() as session:
        assert session.query(JobPosting).count() == 0


def test_search_status_filter_actions_and_undo(qtbot, window: MainWindow, db, settle) -> None:
    ids = fill(db, 12)
    page = jobs_page(window)
    page.reload()
    assert page.model.rowCount() == 12 and page.count_label.text() == "12 postings"
    qtbot.keyClicks(page.search_edit, "pyth")
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=3000)

    with qtbot.waitSignal(page.job_shown) as shown:
        page.table.selectRow(0)
    first = page.selected_ids()[0]
    assert shown.args == [first]
    qtbot.mouseClick(page.action_buttons["skipped"], Qt.MouseButton.LeftButton)
    settle()
    assert page.model.rowCount() == 3  # "Open" hides skipped postings
    with db.read() as session:
        assert get_job(session, first).status == "skipped"
    assert page.undo_bar.isVisible()
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    settle()
    assert page.model.rowCount() == 4 and not page.undo_bar.isVisible()
    with db.read() as session:
        assert get_job(session, first).status == "new"

    page.search_edit.clear()
    page.apply_filters()
    page.table.selectRow(0)
    victim = page.selected_ids()[0]
    qtbot.mouseClick(page.action_buttons["delete"], Qt.MouseButton.LeftButton)
    settle()
    assert page.model.row_of(victim) is None and page.count_label.text() == "11 postings"
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert page.model.row_of(victim) is not None
    with db.read() as session:
        assert get_job(session, victim).deleted_at is None
    assert len(ids) == 12

    page.status_combo.setCurrentIndex(page.status_combo.findText("Archived"))
    assert page.model.rowCount() == 0 and page.no_match_label.isVisible()


def test_import_with_progress_then_cancel_leaves_db_unchanged(
    qtbot, window: MainWindow, db, tmp_path: Path
) -> None:
    small = tmp_path / "small.json"
    small.write_text(json.dumps([{"title": "One"}, {"title": "Two"}]), encoding="utf-8")
    dialog = import_path(window.ctx, window, small)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=10000)
    assert dialog.report is not None and dialog.report.added == 2
    page = jobs_page(window)
    assert page.model.rowCount() == 2
    dialog.accept()

    big = tmp_path / "big.json"
    big.write_text(json.dumps([{"title": f"Row {i}"} for i in range(30000)]), encoding="utf-8")
    dialog = import_path(window.ctx, window, big)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.task is not None
    with qtbot.waitSignal(dialog.task.finished, timeout=20000):
        pass
    assert "cancelled" in dialog.status.text()
    with db.read() as session:
        assert session.query(JobPosting).count() == 2
    dialog.accept()


def test_import_with_bad_rows_offers_valid_rows_only(
    qtbot, window: MainWindow, db, tmp_path: Path
) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text('{"title": "Good"}\n{"title": "Bad", "budget": "lots"}\n', encoding="utf-8")
    dialog = import_path(window.ctx, window, path)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=10000)
    assert dialog.retry_button.isVisible() and "Row 2" in dialog.details.toPlainText()
    with db.read() as session:
        assert session.query(JobPosting).count() == 0
    qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            dialog.close_button.isVisible()
            and dialog.report is not None
            and dialog.report.added == 1
        ),
        timeout=10000,
    )
    with db.read() as session:
        assert session.query(JobPosting).count() == 1
    dialog.accept()


def test_count_of_a_long_list_arrives_in_the_background(qtbot, window: MainWindow, db) -> None:
    fill(db, PAGE_SIZE + 25)
    page = jobs_page(window)
    page.reload()
    assert page.model.rowCount() == PAGE_SIZE
    qtbot.waitUntil(lambda: page.count_label.text() == f"{PAGE_SIZE + 25} postings", timeout=5000)
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == PAGE_SIZE + 25, timeout=5000)


def test_paste_from_another_page_shows_the_posting_on_jobs(
    qtbot, window: MainWindow, db, settle
) -> None:
    fill(db, 3)
    page = jobs_page(window)
    page.reload()
    page.status_combo.setCurrentIndex(page.status_combo.findText("Archived"))  # would hide it
    window.nav.setCurrentRow(2)
    QApplication.clipboard().setText(TILE)
    qtbot.keyClick(
        window,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.review_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    settle()
    assert window.current_page() is page
    [job_id] = page.selected_ids()
    with db.read() as session:
        assert get_job(session, job_id).title == "Python scraper for real estate listings"
    assert page.detail_labels["Title"].text() == "Python scraper for real estate listings"


def test_paste_of_several_tiles_reviews_each(qtbot, window: MainWindow, db, settle) -> None:
    second = "Logo for a bakery\nFixed-price - Expert - Est. Budget: $200 A warm logo.\n"
    QApplication.clipboard().setText(TILE + "\n" + second)
    window.paste_action.trigger()
    dialog = window.review_dialog
    assert dialog.picker.isVisible() and dialog.picker.count() == 2
    line_edit(dialog, "category").setText("Scraping")
    dialog.picker.setCurrentIndex(1)
    assert line_edit(dialog, "title").text() == "Logo for a bakery"
    assert line_edit(dialog, "category").text() == ""
    line_edit(dialog, "category").setText("Design")
    dialog.picker.setCurrentIndex(0)
    assert line_edit(dialog, "category").text() == "Scraping"  # edits survive switching
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    settle()
    with db.read() as session:
        stored = dict(session.query(JobPosting.title, JobPosting.category).all())
    assert stored == {
        "Python scraper for real estate listings": "Scraping",
        "Logo for a bakery": "Design",
    }


def test_keyboard_triage(qtbot, window: MainWindow, db, settle) -> None:
    fill(db, 3)
    page = jobs_page(window)
    page.reload()
    page.table.setFocus()
    page.table.selectRow(0)
    job_id = page.selected_ids()[0]
    qtbot.keyClick(page.table, Qt.Key.Key_S)
    settle()
    with db.read() as session:
        assert get_job(session, job_id).status == "shortlisted"
    row = page.model.row_of(job_id)
    assert row is not None
    page.table.selectRow(row)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    settle()
    with db.read() as session:
        assert get_job(session, job_id).deleted_at is not None
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle()
    with db.read() as session:
        assert get_job(session, job_id).deleted_at is None


def test_verdict_filter(qtbot, window: MainWindow, db) -> None:
    ids = fill(db, 6)
    with db.transaction() as session:
        profile = Profile(name="Main", is_active=True)
        session.add(profile)
        session.flush()
        session.add(ScoreCard(job_id=ids[1], profile_id=profile.id, total=88, verdict="apply"))
        session.add(ScoreCard(job_id=ids[2], profile_id=profile.id, total=20, verdict="skip"))
    page = jobs_page(window)
    page.reload()
    page.verdict_combo.setCurrentIndex(1)  # Apply
    assert page.model.rowCount() == 1 and page.model.job_id(0) == ids[1]
    assert page.model.index(0, 0).data() == "Apply"
    assert page.count_label.text() == "1 posting"
    page.verdict_combo.setCurrentIndex(0)
    assert page.model.rowCount() == 6


def test_triage_deep_in_the_list_keeps_the_place(qtbot, window: MainWindow, db, settle) -> None:
    fill(db, PAGE_SIZE + 40)
    page = jobs_page(window)
    page.reload()
    page.model.fetchMore()
    assert page.model.rowCount() == PAGE_SIZE + 40
    last = page.model.rowCount() - 1
    page.table.scrollToBottom()
    scrolled = page.table.verticalScrollBar().value()
    assert scrolled > 0
    page.table.selectRow(last)
    qtbot.mouseClick(page.action_buttons["archived"], Qt.MouseButton.LeftButton)
    settle()
    assert page.model.rowCount() == PAGE_SIZE + 39  # still loaded, minus the archived one
    assert page.table.verticalScrollBar().value() > 0


def test_date_filters(qtbot, window: MainWindow, db) -> None:
    from datetime import timedelta

    from PySide6.QtCore import QDate

    now = clock.now()
    with db.transaction() as session:
        for days in (0, 2, 10, 40):
            add_posting(
                session,
                PostingFacts(title=f"{days} days old", posted_at=now - timedelta(days=days)),
            )
    page = jobs_page(window)
    page.reload()
    assert page.model.rowCount() == 4
    page.date_combo.setCurrentIndex(3)  # Last 7 days
    assert {page.model.index(r, 2).data() for r in range(page.model.rowCount())} == {
        "0 days old",
        "2 days old",
    }
    page.date_combo.setCurrentIndex(page.date_combo.count() - 1)  # Posted between…
    assert page.date_from.isVisible() and page.date_to.isVisible()

    def day(days_ago: int) -> QDate:
        moment = now - timedelta(days=days_ago)
        return QDate(moment.year, moment.month, moment.day)

    page.date_from.setDate(day(12))
    page.date_to.setDate(day(9))
    assert [page.model.index(r, 2).data() for r in range(page.model.rowCount())] == ["10 days old"]
    page.date_combo.setCurrentIndex(0)
    assert not page.date_from.isVisible() and page.model.rowCount() == 4


def _page_queries(db) -> list[str]:
    """The statements that read a screen of the jobs list (``fetch_jobs``), as they run."""
    seen: list[str] = []

    def before(_conn, _cursor, statement: str, *_args) -> None:
        flat = " ".join(statement.split())
        if flat.startswith("SELECT job_posting.id, job_posting.title") and "LIMIT" in flat:
            seen.append(flat)

    event.listen(db.engine, "before_cursor_execute", before)
    return seen


@pytest.mark.parametrize("remembered_sort", [None, "Budget"])
def test_the_first_screen_is_read_once_at_start(
    qtbot, ctx, db, remembered_sort: str | None
) -> None:
    """Issue 16: the window opening on the Jobs page reads its first screen of rows once,
    not once for the view's sort indicator, once for the page and once more on showing it
    (nor again for a sort remembered from the last run)."""
    from ui.main_window import PAGE_CLASSES
    from ui.models.jobs_model import COLUMNS

    ids = fill(db, 30)  # budgets 0 … 29
    QSettings().clear()
    if remembered_sort is not None:  # the last run sorted by budget, lowest first
        earlier = MainWindow(ctx)
        qtbot.add_widget(earlier)
        page = earlier.go_to(JobsPage)
        column = [c.title for c in COLUMNS].index(remembered_sort)
        page.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        page.save_layout(QSettings())
        earlier.close()
    assert PAGE_CLASSES[0] is JobsPage  # the page a new window opens on
    queries = _page_queries(db)
    window = MainWindow(None)  # as the app starts: the frame first, the database after
    qtbot.add_widget(window)
    window.show()
    qtbot.waitExposed(window)
    window.attach(ctx)
    page = window.page(JobsPage)
    qtbot.wait(50)  # anything queued after the page was built
    assert window.current_page() is page and page.model.rowCount() == 30
    assert len(queries) == 1, queries
    if remembered_sort is None:  # newest first
        assert page.model.query.sort == "posted_at" and page.model.query.descending
    else:
        assert page.model.query.sort == "budget" and not page.model.query.descending
        assert [page.model.job_id(row) for row in range(3)] == ids[:3]
