"""Postings stored before the rest of the pasted text was kept (migration 0011) get it on
rescore, so the rules read the lines the parser could not place in them too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.capture import capture_text
from app.cli import main
from app.importing.run import posting_values
from app.parsing.upwork import parse_posting
from app.profiles import first_run_profile, save_profile
from app.scoring.rules import find_flags
from app.scoring.score import load_rules
from app.scoring.service import (
    backfill_rests,
    profile_cards_to_rescore,
    rescore_all,
    rests_to_backfill,
)
from app.storage import open_database
from app.storage.jobs import bulk_upsert
from app.storage.models import JobPosting, ScoreCard
from tests.test_rules import NOW

#: a lead forwarded in a layout the parser does not know: the scam line is placed nowhere
#: (and ends its line: the line-by-line search must take a match up to a line's end)
FORWARDED = "\n".join(
    [
        "Fix my small shop website",
        "$200",
        "Intermediate",
        "Lead forwarded from my inbox",
        "Client message:",
        "> Hi, the checkout page breaks on mobile.",
        "> Text me on WhatsApp +1 555 123 4567",
        "-- end of message --",
    ]
)
SCAM_LINE = "Text me on WhatsApp +1 555 123 4567"


def store_old_posting(db, text: str = FORWARDED) -> int:
    """A pasted posting as stored before migration 0011: its rest is NULL."""
    with db.transaction() as session:
        if not session.scalar(select(JobPosting.id).limit(1)):
            save_profile(session, first_run_profile("Web developer", "Shopify, CSS", 30.0))
        [(job, _)] = capture_text(session, text, now=NOW)
        job_id = job.id
    with db.transaction() as session:
        session.execute(
            update(JobPosting).where(JobPosting.id == job_id).values(unplaced_text=None)
        )
    return job_id


def card_of(db, job_id: int) -> ScoreCard:
    with db.read() as session:
        card = session.scalar(select(ScoreCard).where(ScoreCard.job_id == job_id))
    assert card is not None
    return card


def test_the_scam_line_is_in_no_parsed_field() -> None:
    facts = parse_posting(FORWARDED, NOW)
    assert SCAM_LINE not in f"{facts.title}\n{facts.description or ''}"
    flags = {f.rule: f for f in find_flags(load_rules(), facts, now=NOW)}
    flag = flags["off-platform-contact"]
    assert flag.field == "pasted" and flag.evidence == SCAM_LINE
    assert facts.raw_text is not None and facts.raw_text[flag.start : flag.end] == SCAM_LINE


def test_rescore_fills_the_rest_in_and_flags_the_posting(db) -> None:
    job_id = store_old_posting(db)
    with db.read() as session:
        updated_before = session.get(JobPosting, job_id).updated_at
    rescore_all(db, backfill=False)  # what the bulk rescore did before
    assert "off-platform-contact" not in {f["rule"] for f in card_of(db, job_id).flags}
    assert rests_to_backfill(db) == 1
    assert profile_cards_to_rescore(db) == 1  # the GUI's "anything stale?" sees it

    assert rescore_all(db) == 1
    flags = {f["rule"]: f for f in card_of(db, job_id).flags}
    assert flags["off-platform-contact"]["field"] == "pasted"
    assert flags["off-platform-contact"]["evidence"] == SCAM_LINE
    assert card_of(db, job_id).critical_flags >= 1
    with db.read() as session:
        job = session.get(JobPosting, job_id)
        assert job.unplaced_text is not None and SCAM_LINE in job.unplaced_text
        assert job.unplaced_text == parse_posting(FORWARDED, NOW).unplaced  # as a paste stores it
        assert job.updated_at == updated_before  # derived, not the user's change
        assert SCAM_LINE in job.raw_text  # the bulk path reads no raw text: the GUI finds it
    assert rests_to_backfill(db) == 0 and profile_cards_to_rescore(db) == 0


def test_backfill_in_batches_stops_when_asked_and_keeps_what_it_did(db) -> None:
    ids = [store_old_posting(db, FORWARDED.replace("shop", f"shop {n}")) for n in range(3)]
    seen: list[tuple[int, int]] = []
    done = backfill_rests(
        db, batch_size=2, progress=lambda d, t: seen.append((d, t)), should_stop=lambda: bool(seen)
    )
    assert done == 2 and seen == [(2, 3)]
    with db.read() as session:
        rests = dict(
            session.execute(
                select(JobPosting.id, JobPosting.unplaced_text).where(JobPosting.id.in_(ids))
            ).all()
        )
    assert [rests[i] is not None for i in ids] == [True, True, False]
    assert backfill_rests(db, batch_size=2) == 1 and rests_to_backfill(db) == 0


def test_a_posting_without_pasted_text_is_left_alone(db) -> None:
    with db.transaction() as session:
        save_profile(session, first_run_profile("Web developer", "Shopify", 30.0))
        session.add(JobPosting(dedup_key="typed", title="Typed in", description="Shopify fix"))
    assert rests_to_backfill(db) == 0 and backfill_rests(db) == 0
    with db.read() as session:
        assert session.scalar(select(JobPosting.unplaced_text)) is None


def test_an_import_over_a_pasted_posting_keeps_its_rest(db) -> None:
    """An import has no pasted text: it keeps the stored one, and its rest with it."""
    text = FORWARDED + "\nhttps://www.upwork.com/jobs/~01aa11bb22cc33dd44"
    with db.transaction() as session:
        [(job, _)] = capture_text(session, text, now=NOW)
        job_id, rest = job.id, job.unplaced_text
    assert rest and SCAM_LINE in rest
    imported = parse_posting(text, NOW)
    imported.raw_text = imported.unplaced = None
    imported.title = "Fix my small shop website (edited)"
    with db.transaction() as session:
        assert bulk_upsert(session, [posting_values(imported)], source="file", now=NOW) == (0, 1)
    with db.read() as session:
        job = session.get(JobPosting, job_id)
        assert job.title.endswith("(edited)") and job.raw_text is not None
        assert job.unplaced_text == rest


@pytest.fixture
def dbfile(tmp_path: Path, migrated_copy) -> str:
    return str(migrated_copy(tmp_path / "w.sqlite3"))


def test_cli_rescore_backfills_and_says_how_many(dbfile: str, capsys) -> None:
    db = open_database(dbfile)
    job_id = store_old_posting(db)
    db.close()
    assert main(["rescore", "--db", dbfile, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {"score_cards": 1, "profile": None, "backfilled": 1}
    db = open_database(dbfile)
    try:
        flag = {f["rule"]: f for f in card_of(db, job_id).flags}["off-platform-contact"]
        assert flag["evidence"] == SCAM_LINE
    finally:
        db.close()
    assert main(["rescore", "--db", dbfile]) == 0
    assert capsys.readouterr().out == "rescored 1 score cards\n"  # nothing left to read
