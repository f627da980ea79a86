"""The clipboard watch's core: copied text -> scored preview, without storing anything."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.preview import may_save_unasked, preview_text, save_copied
from app.profiles import first_run_profile, save_profile
from app.proposals import submit_proposal
from app.storage.models import JobPosting, ScoreCard
from app.storage.scores import load_card
from tests.tile_facts import shared_tiles, tile_text

# scoring and imports read the time: CI reruns these at its clock moments
pytestmark = pytest.mark.clock


CHAT = "hey, are we still on for lunch tomorrow?\nsee you at noon by the fountain"
#: one long line of chat: a first line alone is never a posting
CHAT_LINE = (
    "hey, are we still on for lunch tomorrow? I booked the table at noon by the fountain, "
    "see you there"
)
#: prose that passes the ``pwb add`` test on its words alone (a title and 8+ words)
EMAIL = "Hi Anna,\nthanks for the call today, I will send over the contract and the invoice."


def make_profile(db) -> None:
    with db.transaction() as session:
        skills = "Python, API, API Integration, API Development, PHP, JavaScript"
        save_profile(session, first_run_profile("Python developer", skills, 25.0))


def count(db, model) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_copied_real_posting_is_scored_in_memory_and_stored_only_on_save(
    db, shared_postings
) -> None:
    make_profile(db)
    tile = shared_tiles(shared_postings)[0]
    with db.read() as session:
        found = preview_text(session, tile_text(tile))
    assert found is not None and len(found) == 1
    copied = found[0]
    assert copied.title == tile["title"]
    assert copied.verdict in ("apply", "maybe", "skip") and copied.total is not None
    assert copied.reasons and all("(" in r for r in copied.reasons)
    assert copied.connects and copied.value_per_connect is not None
    assert not copied.saved and copied.state() == "New posting"
    assert count(db, JobPosting) == 0, "a preview stores nothing"

    with db.transaction() as session:
        (job_id,) = save_copied(session, found)
    with db.read() as session:
        card = load_card(session, job_id)
        assert card is not None
        assert (card.verdict, card.total) == (copied.verdict, copied.total)
        again = preview_text(session, tile_text(tile))
    assert again is not None and again[0].job_id == job_id
    assert again[0].state() == "Already saved"
    assert (again[0].verdict, again[0].total) == (copied.verdict, copied.total)


def test_a_chat_message_or_a_line_is_no_posting(db) -> None:
    make_profile(db)
    with db.read() as session:
        assert preview_text(session, CHAT) is None
        assert preview_text(session, CHAT_LINE) is None
        assert preview_text(session, "https://example.com/some/page") is None
        assert preview_text(session, "") is None
        assert preview_text(session, "<html><body>" + "x" * 200 + "</body></html>") is None
    assert count(db, JobPosting) == 0 and count(db, ScoreCard) == 0


def test_a_posting_applied_to_says_so(db, shared_postings) -> None:
    make_profile(db)
    text = tile_text(shared_tiles(shared_postings)[1])
    with db.read() as session:
        found = preview_text(session, text)
    assert found is not None
    with db.transaction() as session:
        (job_id,) = save_copied(session, found)
        submit_proposal(session, job_id=job_id, connects=8, text="Hello, I can do this.")
    with db.read() as session:
        again = preview_text(session, text)
    assert again is not None and again[0].applied
    assert again[0].state().startswith("You applied: proposal")


def test_without_a_profile_the_preview_has_no_verdict(db, shared_postings) -> None:
    with db.read() as session:
        found = preview_text(session, tile_text(shared_tiles(shared_postings)[2]))
    assert found is not None and found[0].verdict is None and found[0].total is None


def test_prose_that_passes_on_words_alone_is_never_saved_unasked(db, shared_postings) -> None:
    make_profile(db)
    with db.read() as session:
        email = preview_text(session, EMAIL)
        real = preview_text(session, tile_text(shared_tiles(shared_postings)[0]))
    assert email is not None, "the pwb add test takes it: a notice may show it"
    assert not may_save_unasked(email)
    assert real is not None and may_save_unasked(real)


def test_the_notice_gives_a_fact_flag_in_words_and_quotes_what_the_posting_said() -> None:
    from app.preview import _flags

    shown = _flags(
        [
            {
                "severity": "warning",
                "title": "Vague or very short description",
                "evidence": "description_words=11",
                "words": "a description of 11 words",
            },
            {
                "severity": "critical",
                "title": "Off-platform contact",
                "evidence": "message me on telegram",
                "words": "message me on telegram",
            },
        ]
    )
    assert shown == [
        "critical: Off-platform contact: “message me on telegram”",
        "warning: Vague or very short description: a description of 11 words",
    ]
    assert not any("description_words" in line for line in shown)
