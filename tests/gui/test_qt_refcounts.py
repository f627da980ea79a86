"""The Qt binding keeps its references to ``None``: repainting the Jobs table cannot crash.

PySide6 6.12.0 on CPython 3.11 gives away a reference to ``None`` it never took
on every void-returning call; the Jobs table's badges make dozens per repaint,
and after about 175 repaints the interpreter aborts (``none_dealloc``).
docs/dependencies.md has the versions probed and the pins that keep it out.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QApplication

from app.domain import BudgetType, PostingFacts
from app.storage import Database
from app.storage.jobs import add_posting
from app.storage.models import Profile, ScoreCard
from ui.main_window import MainWindow
from ui.pages.jobs import JobsPage

REPAINTS = 1000
#: ``None``'s count moves a little as objects come and go; a broken binding loses
#: at least one per repaint, and dozens per repaint of the badges
SLACK = 100
VERDICTS = ("apply", "maybe", "skip")


def add_scored_postings(db: Database, n: int) -> None:
    with db.transaction() as session:
        profile = Profile(name="Main", is_active=True)
        session.add(profile)
        session.flush()
        for i in range(n):
            job, _ = add_posting(
                session,
                PostingFacts(
                    title=f"Posting {i} with a title long enough to be cut",
                    description=f"Posting number {i}",
                    url=f"https://www.upwork.com/jobs/~02{i:016x}",
                    budget_type=BudgetType.HOURLY if i % 2 else BudgetType.FIXED,
                    fixed_budget=None if i % 2 else 100.0 * i,
                    hourly_min=20.0 if i % 2 else None,
                    skills=["Python", "Scraping"],
                ),
            )
            verdict = VERDICTS[i % 3]
            session.add(
                ScoreCard(job_id=job.id, profile_id=profile.id, total=90 - i, verdict=verdict)
            )


@pytest.mark.slow
@pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="None is immortal on Python 3.12+ (PEP 683): its reference count never moves, "
    "so a binding that drops references to it can neither crash nor be caught by this count",
)
def test_repainting_the_jobs_table_keeps_every_reference_to_none(
    window: MainWindow, db: Database
) -> None:
    add_scored_postings(db, 9)
    page = window.go_to(JobsPage)
    page.reload()
    model, viewport = page.model, page.table.viewport()
    assert model.rowCount() == 9 and viewport.isVisible()
    first, last = model.index(0, 0), model.index(model.rowCount() - 1, model.columnCount() - 1)
    viewport.repaint()
    QApplication.processEvents()

    before = sys.getrefcount(None)
    for done in range(1, REPAINTS + 1):
        viewport.repaint()
        model.dataChanged.emit(first, last)
        lost = before - sys.getrefcount(None)
        # fail long before the count reaches zero, which would abort the whole test run
        assert lost < SLACK, f"{lost} references to None lost in {done} repaints of the Jobs table"
