"""The lazy jobs model loads every page, once, in order, and then says it is done.

Lists of 2.5 pages and of exactly two pages (the last fetch is empty), in the
default order, a column order, and score order with the scored postings ending
in the middle of a page.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from app.storage import Database
from app.storage.models import JobPosting, Profile, ScoreCard
from ui.models.jobs_model import COLUMNS, ID_ROLE, PAGE_SIZE, JobsModel

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def fill(db: Database, n: int, *, scored: int = 0) -> dict[int, tuple]:
    """``n`` postings (posted in threes at one moment, so ties need the id) and score cards
    for the first ``scored``; returns each id's (posted_at, budget, score card or None)."""
    with db.transaction() as session:
        jobs = [
            JobPosting(
                dedup_key=f"upwork:{i}",
                title=f"Job {i:04d}",
                description=f"Posting number {i}",
                posted_at=T0 + timedelta(hours=i // 3),
                fixed_budget=float((i * 37) % 101),
                budget_type="fixed",
            )
            for i in range(n)
        ]
        session.add_all(jobs)
        session.flush()
        cards: dict[int, tuple[int, int]] = {}
        if scored:
            profile = Profile(name="Main", is_active=True)
            session.add(profile)
            session.flush()
            for job in jobs[:scored]:
                card = ScoreCard(
                    job_id=job.id, profile_id=profile.id, total=job.id % 40, verdict="maybe"
                )
                session.add(card)
                session.flush()
                cards[job.id] = (card.total, card.id)
        return {j.id: (j.posted_at, j.fixed_budget, cards.get(j.id)) for j in jobs}


def load_all(model: JobsModel) -> list[int]:
    """Scroll to the end: fetch while the model says there is more."""
    fetches = 0
    while model.canFetchMore():
        model.fetchMore()
        fetches += 1
        assert fetches <= 10, "the model never says it is done"
    return [model.index(row, 0).data(ID_ROLE) for row in range(model.rowCount())]


def expected(rows: dict[int, tuple], sort: str, descending: bool) -> list[int]:
    def posted(job_id: int) -> tuple:
        return (rows[job_id][0], job_id)

    if sort == "posted_at":
        return sorted(rows, key=posted, reverse=descending)
    if sort == "budget":
        return sorted(rows, key=lambda i: (rows[i][1], i), reverse=descending)
    assert sort == "score"
    scored = sorted((i for i in rows if rows[i][2]), key=lambda i: rows[i][2], reverse=descending)
    unscored = sorted((i for i in rows if not rows[i][2]), key=posted, reverse=True)
    return scored + unscored


def column_of(sort: str) -> int:
    return next(n for n, c in enumerate(COLUMNS) if c.sort_key == sort)


@pytest.mark.parametrize(
    ("total", "scored"),
    [
        (PAGE_SIZE * 2 + PAGE_SIZE // 2, PAGE_SIZE + PAGE_SIZE // 4),  # 2.5 pages
        (PAGE_SIZE * 2, PAGE_SIZE),  # exactly two pages: the third fetch finds nothing
    ],
    ids=["2.5-pages", "2-pages-exactly"],
)
@pytest.mark.parametrize(
    ("sort", "descending"),
    [("posted_at", True), ("posted_at", False), ("budget", False), ("score", True)],
)
def test_every_page_loads_once_in_order(
    qtmodeltester, db: Database, total: int, scored: int, sort: str, descending: bool
) -> None:
    rows = fill(db, total, scored=scored)
    model = JobsModel(db)
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    model.sort(column_of(sort), order)
    assert model.rowCount() == PAGE_SIZE and model.canFetchMore()
    qtmodeltester.check(model)  # attached after the reset; watches the inserts
    ids = load_all(model)
    assert model.rowCount() == total and not model.canFetchMore()
    assert len(set(ids)) == total
    assert ids == expected(rows, sort, descending)
    model.fetchMore()  # one more asks for nothing and changes nothing
    assert model.rowCount() == total


def test_a_reload_after_a_change_keeps_every_loaded_row(db: Database) -> None:
    rows = fill(db, PAGE_SIZE * 2 + 10)
    model = JobsModel(db)
    model.reload()
    load_all(model)
    model.reload(keep_loaded=True)  # as after a triage deep in the list
    assert model.rowCount() == len(rows)
    # it cannot know the list ended exactly there: at most one more, empty, fetch
    assert load_all(model) == expected(rows, "posted_at", True)
    assert not model.canFetchMore()
    model.reload()
    assert model.rowCount() == PAGE_SIZE and model.canFetchMore()
    assert load_all(model) == expected(rows, "posted_at", True)
