from __future__ import annotations

from datetime import UTC, datetime

from app import settings
from app.domain import PostingFacts
from app.drafting.lints import (
    CheckContext,
    SentProposal,
    check_proposal,
    load_check_context,
    similarity,
)
from app.proposals import submit_proposal
from app.storage.models import JobPosting, Profile

FACTS = PostingFacts(
    title="Guesty Open API Integration",
    description="Push calendars from our Guesty booking engine into web pages.",
    skills=["Python", "API Integration"],
    screening_questions=["Which booking systems have you integrated?"],
)
GOOD = (
    "Hi, I read your post about the Guesty calendar integration. I have integrated "
    "booking systems before (Airbnb and Guesty) and would push availability with a "
    "small Python job that runs every hour."
)


def rules(text: str, ctx: CheckContext) -> list[str]:
    return [lint.rule for lint in check_proposal(text, ctx)]


def test_a_good_proposal_passes() -> None:
    assert rules(GOOD, CheckContext(facts=FACTS)) == []


def test_fill_ins_and_placeholders() -> None:
    lints = check_proposal("Dear [Client Name], TODO <your name> lorem ipsum", CheckContext())
    assert [(lint.rule, lint.start) for lint in lints] == [
        ("fill-in", 5),
        ("placeholder", 20),
        ("placeholder", 25),
        ("placeholder", 37),
    ]
    assert lints[0].message == "fill in [Client Name]"


def test_spelling_uses_known_words_and_skips_names() -> None:
    text = "I recieve the Guesty webhooks and the foobarbaz data, see https://x.com/abc"
    lints = [lint for lint in check_proposal(text, CheckContext()) if lint.rule == "spelling"]
    assert [text[lint.start : lint.end] for lint in lints] == ["recieve", "foobarbaz"]
    assert "(receive?)" in lints[0].message
    known = frozenset({"foobarbaz"})
    assert rules(text, CheckContext(known_words=known)) == ["spelling"]


def test_length_limit() -> None:
    [lint] = check_proposal(GOOD, CheckContext(max_length=100))
    assert lint.rule == "length" and "limit is 100" in lint.message


def test_repeated_words() -> None:
    [lint] = check_proposal("I can start the the same day.", CheckContext())
    assert lint.rule == "repeated-word" and "'the the'" in lint.message


def test_near_copy_of_a_sent_proposal() -> None:
    sent = [SentProposal(7, "Old job", GOOD + " Thanks."), SentProposal(8, "Other", "unrelated")]
    [lint] = check_proposal(GOOD, CheckContext(sent=sent))
    assert lint.rule == "too-similar" and "proposal 7" in lint.message
    assert similarity(GOOD, "a completely different letter about logo design work") == 0.0


def test_generic_letter_and_unanswered_question() -> None:
    generic = "Hello, I am a hard working professional and will deliver quality on time."
    assert rules(generic, CheckContext(facts=FACTS)) == ["not-specific", "screening-question"]


def test_load_check_context_from_the_database(db) -> None:
    with db.transaction() as s:
        job = JobPosting(dedup_key="k", title="Old job")
        s.add(job)
        s.add(Profile(name="P", is_active=True, skills=[{"name": "Zyxwv"}]))
        s.flush()
        submit_proposal(
            s, job_id=job.id, connects=4, text=GOOD, at=datetime(2026, 1, 1, tzinfo=UTC)
        )
        settings.set_value(s, "proposal.max_length", 1200)
        settings.set_value(s, "proposal.user_dictionary", ["Qwertz"])
    with db.read() as s:
        profile = s.query(Profile).one()
        ctx = load_check_context(s, FACTS, profile)
    assert ctx.max_length == 1200
    assert {"zyxwv", "qwertz", "guesty"} <= ctx.known_words
    assert [p.title for p in ctx.sent] == ["Old job"]
    assert "too-similar" in rules(GOOD, ctx)


def test_export_adds_suffix_and_newline(tmp_path) -> None:
    from app.drafting.export import export_proposal

    assert export_proposal(tmp_path / "p.md", "Hello").read_text(encoding="utf-8") == "Hello\n"
    written = export_proposal(tmp_path / "plain", "Hi\n\n")
    assert written.name == "plain.txt" and written.read_text(encoding="utf-8") == "Hi\n"


def test_a_proposal_for_the_same_posting_is_not_a_copy(db) -> None:
    with db.transaction() as s:
        job = JobPosting(dedup_key="same", title="Same job")
        s.add(job)
        s.flush()
        submit_proposal(
            s, job_id=job.id, connects=4, text=GOOD, at=datetime(2026, 1, 1, tzinfo=UTC)
        )
        job_id = job.id
    with db.read() as s:
        assert load_check_context(s, FACTS, None, job_id=job_id).sent == []
        assert len(load_check_context(s, FACTS, None).sent) == 1


def test_long_pathological_pastes_are_checked_in_linear_time() -> None:
    """Ten times the text takes about ten times as long, not a hundred (no backtracking blow-up).

    A ratio within one run, not a wall-clock limit: the machine may be busy.
    """
    import time

    def cost(text: str) -> float:
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            check_proposal(text, CheckContext(facts=FACTS))
            best = min(best, time.perf_counter() - start)
        return best

    for unit in ("a", "{{", "x.", "a@"):
        small, large = cost(unit * 5_000), cost(unit * 50_000)
        assert large < 40 * max(small, 1e-3), (unit, small, large)


def test_add_to_dictionary(db) -> None:
    import pytest

    from app.drafting.lints import add_to_dictionary
    from app.errors import InputError

    with db.transaction() as s:
        add_to_dictionary(s, "Guestyfy")
        add_to_dictionary(s, "guestyfy")  # once, whatever the case
        add_to_dictionary(s, "airtablez")
    with db.read() as s:
        assert settings.get(s, "proposal.user_dictionary") == ["airtablez", "Guestyfy"]
        with pytest.raises(InputError):
            add_to_dictionary(s, "two words")
    [lint] = check_proposal("I love guestyfy", CheckContext())
    assert (lint.rule, lint.word) == ("spelling", "guestyfy")


def test_contact_details_are_flagged_where_they_are() -> None:
    text = (
        "Happy to help. Mail me at ana.p@example.com or WhatsApp +44 7700 900123, "
        "my Telegram is t.me/anadev. Budget $1,500 by 2026-06-11, 10 to 15 hours."
    )
    lints = [
        lint for lint in check_proposal(text, CheckContext()) if lint.rule == "contact-details"
    ]
    found = [text[lint.start : lint.end] for lint in lints if lint.start is not None]
    assert found == ["ana.p@example.com", "WhatsApp +44 7700 900123", "t.me/anadev"]
    assert "breaks Upwork's terms" in lints[0].message
    assert rules("Call me on +1 (415) 555-2671.", CheckContext()) == ["contact-details"]
    for innocent in ("I have 12 years and 300 projects.", "See github.com/ana", "Zoom is fine."):
        assert "contact-details" not in rules(innocent, CheckContext()), innocent


def test_an_opening_that_never_mentions_the_posting() -> None:
    about_me = (
        "Hello! I am a senior developer with ten years of experience and many happy "
        "clients all over the world. I care about quality, clear communication and deadlines. "
    )
    lints = check_proposal(about_me + GOOD, CheckContext(facts=FACTS))
    opening = [lint for lint in lints if lint.rule == "generic-opening"]
    assert len(opening) == 1 and opening[0].start == 0 and "150 characters" in opening[0].message
    assert "generic-opening" not in rules(GOOD + " " + about_me, CheckContext(facts=FACTS))
    # a letter that never mentions the posting at all gets the one check, not both
    assert rules(about_me, CheckContext(facts=FACTS)).count("generic-opening") == 0
    assert "not-specific" in rules(about_me, CheckContext(facts=FACTS))
