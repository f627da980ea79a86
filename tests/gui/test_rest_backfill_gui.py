"""The Profile page's background rescore fills in the pasted rest of old postings."""

from __future__ import annotations

import threading

from sqlalchemy import select

from app.scoring import service
from app.storage.models import JobPosting, ScoreCard
from tests.gui.test_profile_page import page_of, wait_rescored
from tests.test_rest_backfill import SCAM_LINE, store_old_posting


def test_the_gui_rescore_backfills_off_the_gui_thread(qtbot, window, db, monkeypatch) -> None:
    job_id = store_old_posting(db)  # its profile too
    service.rescore_all(db, backfill=False)  # every card current, scored without the rest
    with db.read() as session:
        card = session.scalar(select(ScoreCard).where(ScoreCard.job_id == job_id))
        assert card is not None and "off-platform-contact" not in {f["rule"] for f in card.flags}
    filled_on: list[int] = []
    backfill = service.backfill_rests

    def recording(db_, **kwargs):
        filled_on.append(threading.get_ident())
        return backfill(db_, **kwargs)

    monkeypatch.setattr(service, "backfill_rests", recording)
    page = page_of(window)
    page.refresh()  # the stale check counts the old posting: the rescore runs
    wait_rescored(qtbot, page)
    assert filled_on and threading.get_ident() not in filled_on
    with db.read() as session:
        job = session.get(JobPosting, job_id)
        assert job is not None and job.unplaced_text and SCAM_LINE in job.unplaced_text
        card = session.scalar(select(ScoreCard).where(ScoreCard.job_id == job_id))
    assert card is not None
    flag = {f["rule"]: f for f in card.flags}["off-platform-contact"]
    assert flag["field"] == "pasted" and flag["evidence"] == SCAM_LINE
    assert page.status.text() == "Rescored 1 postings"
