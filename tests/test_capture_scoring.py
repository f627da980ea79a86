"""Captured postings are scored against the active profile as they are stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.capture import capture_text, posting_from_input
from app.cli import main
from app.errors import InputError
from app.profiles import first_run_profile, save_profile
from app.scoring.service import score_stale
from app.storage.models import ScoreCard

TILE = (
    "Django REST API for a booking app\n"
    "Hourly: $40-$70 - Expert - Est. Time: 1 to 3 months, Less than 30 hrs/week - "
    "We need a Django REST Framework developer to build booking endpoints, tests included.\n"
    "Django Python REST API\n"
    "Payment verified Rating is 4.9 out of 5. $20K+ spent United States Proposals: 5 to 10\n"
)


def make_profile(db) -> None:
    with db.transaction() as session:
        save_profile(session, first_run_profile("Django developer", "Django, Python", 50.0))


def cards(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(ScoreCard)) or 0


def test_pasted_posting_is_scored_when_a_profile_exists(db) -> None:
    with db.transaction() as session:
        capture_text(session, TILE)
    assert cards(db) == 0, "no profile yet: nothing to score against"
    make_profile(db)
    with db.transaction() as session:
        [(job, _)] = capture_text(session, TILE)
        card = session.scalar(select(ScoreCard).where(ScoreCard.job_id == job.id))
        assert card is not None and "Django" in card.matched_skills


def test_import_then_score_stale(db, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_profile(db)
    rows = [
        {
            "title": f"Django job {i}",
            "description": "Build a Django API",
            "url": f"https://www.upwork.com/jobs/~01{i:016x}",
        }
        for i in range(5)
    ]
    path = tmp_path / "jobs.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    assert main(["--db", db.location, "import", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["added"] == 5
    assert cards(db) == 5
    assert score_stale(db) == 0, "everything already has a current card"


def test_posting_from_input_takes_json_or_text() -> None:
    assert posting_from_input(TILE, "stdin").title == "Django REST API for a booking app"
    assert posting_from_input('{"title": "From JSON"}', "f.json").title == "From JSON"
    with pytest.raises(InputError, match="holds 0 postings|empty|no posting"):
        posting_from_input("   ", "stdin")


def test_pwb_add_prints_the_id_and_scores(
    db, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_profile(db)
    file = tmp_path / "tile.txt"
    file.write_text(TILE, encoding="utf-8")
    assert main(["--db", db.location, "add", str(file)]) == 0
    job_id = int(capsys.readouterr().out.strip())
    assert main(["--db", db.location, "draft", str(file), "--json"]) in (0, 3)
    draft = json.loads(capsys.readouterr().out)
    assert "Django" in draft["text"] or draft["fill_ins"]
    with db.read() as session:
        assert session.scalar(select(ScoreCard.job_id)) == job_id


@pytest.mark.parametrize("junk", ["garbage", "hello\nworld", "Call me maybe"])
def test_text_that_is_no_posting_is_refused_and_nothing_stored(db, junk: str) -> None:
    from app.storage.models import JobPosting

    with pytest.raises(InputError, match="does not look like a job posting"), db.transaction() as s:
        capture_text(s, junk)
    with pytest.raises(InputError, match="does not look like a job posting"):
        posting_from_input(junk, "stdin")
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(JobPosting)) == 0


def test_a_short_real_tile_still_counts(db) -> None:
    with db.transaction() as session:
        assert (
            len(
                capture_text(
                    session, "Logo design\nFixed-price - Entry level - Est. Budget: $50 - A logo.\n"
                )
            )
            == 1
        )
