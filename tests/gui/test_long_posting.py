"""A 5 MB posting in the detail pane: shown whole where a text view can lay it out lazily,
previewed where a label would lay it all out at once (timings: benchmarks/bench_long_posting.py)."""

from __future__ import annotations

from app.storage.models import JobPosting
from ui.main_window import MainWindow
from ui.pages.jobs import JobsPage
from ui.widgets.score_card_view import UNBROKEN_LIMIT

WORDS = ["we", "need", "a", "python", "developer", "to", "build", "scrapers", "and", "dashboards"]


def posting(db, title: str, description: str) -> int:
    with db.transaction() as session:
        job = JobPosting(
            dedup_key=title, title=title, description=description, raw_text=description
        )
        session.add(job)
        session.flush()
        return job.id


def select(page: JobsPage, job_id: int) -> None:
    row = next(r for r in range(page.model.rowCount()) if page.model.job_id(r) == job_id)
    page.table.selectRow(row)


def test_a_5_mb_description_is_laid_out_a_block_at_a_time(qtbot, window: MainWindow, db) -> None:
    text = " ".join(WORDS[n % len(WORDS)] for n in range(800_000))[: 5 * 1024 * 1024]
    job_id = posting(db, "huge", text)
    page = window.go_to(JobsPage)
    page.reload()
    select(page, job_id)
    qtbot.waitUntil(lambda: page.detail_stack.currentIndex() == 1)
    document = page.score_view.description.document()
    assert document.characterCount() - 1 == len(text), "the whole text, same offsets"
    assert document.blockCount() > 2000, "lines broken at spaces: laid out lazily"
    assert max(len(b) for b in document.toPlainText().split("\n")) <= 2100
    assert page.score_view.description_text == text
    assert not page.score_view.description_note.isVisible()
    shown = page.description.text()
    assert len(shown) < 21_000 and "more characters: the Score tab shows the whole text" in shown
    assert page.raw_text.document().blockCount() > 2000


def test_a_description_without_spaces_is_shown_in_part_with_a_note(
    qtbot, window: MainWindow, db
) -> None:
    text = "x" * 1_000_000
    job_id = posting(db, "no spaces", text)
    page = window.go_to(JobsPage)
    page.reload()
    select(page, job_id)
    qtbot.waitUntil(lambda: page.detail_stack.currentIndex() == 1)
    assert len(page.score_view.description.toPlainText()) == UNBROKEN_LIMIT
    note = page.score_view.description_note
    assert not note.isHidden() and f"of {len(text):,} characters" in note.text()
    assert max(len(line) for line in page.description.text().split("\n")) <= 2000
