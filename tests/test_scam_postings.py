"""Scam and terms-of-service postings (tests/scam_postings.py, our own words) are flagged
in the job-page layout and in a layout the parser does not know: the rules read every
line pasted, and the evidence points into the pasted text."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.capture import capture_text
from app.domain import Severity
from app.parsing.upwork import parse_postings
from app.profiles import first_run_profile, save_profile
from app.scoring.rules import find_flags, load_rules, posting_text
from app.scoring.service import rescore_all
from app.storage.models import ScoreCard
from tests.scam_postings import SCAMS, TERMS, Case, job_page, unknown_layout

NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
RULES = load_rules()
CASES = [pytest.param(c, id=c.name) for c in SCAMS + TERMS]


def flags(text: str) -> dict:
    [facts] = parse_postings(text, NOW)
    return {f.rule: f for f in find_flags(RULES, facts, now=NOW)}


@pytest.mark.parametrize("case", CASES)
def test_flagged_in_the_job_page_layout(case: Case) -> None:
    found = flags(job_page(case))
    assert case.rule in found
    # unpaid spec work and a tiny budget cost the freelancer, they steal nothing: warnings
    warned = case in TERMS or case.rule in {"unpaid-test", "tiny-budget-large-scope"}
    expected = Severity.WARNING if warned else Severity.CRITICAL
    assert found[case.rule].severity is expected


@pytest.mark.parametrize("case", CASES)
def test_flagged_in_a_layout_the_parser_does_not_know(case: Case) -> None:
    text = unknown_layout(case)
    [facts] = parse_postings(text, NOW)
    flag = {f.rule: f for f in find_flags(RULES, facts, now=NOW)}.get(case.rule)
    assert flag is not None, text
    if flag.field == "pasted":  # a line the parser placed nowhere: offsets in the raw text
        assert facts.raw_text is not None
        assert facts.raw_text[flag.start : flag.end] == flag.evidence


def test_the_unknown_layout_puts_the_evidence_in_no_parsed_field() -> None:
    """The layout really is unknown: the lines holding the scam reach no parsed field,
    so only reading the whole pasted text finds them."""
    [facts] = parse_postings(unknown_layout(SCAMS[0]), NOW)
    parsed = f"{facts.title}\n{facts.description or ''}"
    assert "our vendor" not in parsed
    assert "our vendor" in posting_text(facts).pasted


def test_the_rest_keeps_lines_the_parser_placed_out() -> None:
    [facts] = parse_postings(job_page(SCAMS[0]), NOW)
    rest = posting_text(facts).pasted
    assert "deposit the check" not in rest.lower()  # in the description: not read twice
    assert facts.title is not None and facts.title not in rest


def test_a_stored_posting_is_flagged_by_the_bulk_rescore(db) -> None:
    """Rescoring reads the raw text from the database too (the bulk path)."""
    with db.transaction() as session:
        save_profile(session, first_run_profile("Writer", "Copywriting", 30.0))
        [(job, _)] = capture_text(session, unknown_layout(SCAMS[0]), now=NOW)
        job_id = job.id
    rescore_all(db, now=NOW)
    with db.read() as session:
        card = session.scalar(select(ScoreCard).where(ScoreCard.job_id == job_id))
    assert card is not None
    [flag] = [f for f in card.flags if f["rule"] == "check-or-vendor"]
    assert flag["field"] == "pasted" and card.critical_flags >= 1
