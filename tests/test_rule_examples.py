"""Every red-flag rule's own examples (resources/rules/red_flags.toml) fire it, and its
near misses do not; no real posting of shared/data gets a critical flag."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.domain import BudgetType, ClientFacts, ExperienceLevel, PostingFacts, Severity
from app.scoring.rules import Rule, find_flags, load_rules
from tests.tile_facts import load_tiles, shared_data_file

NOW = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)
RULES = load_rules()
PATTERN_RULES = [r for r in RULES.rules if r.patterns]


def clean_posting(text: str, facts: tuple[tuple[str, Any], ...] = ()) -> PostingFacts:
    """A posting with nothing wrong in its facts; ``text`` is its description."""
    base = PostingFacts(
        title="Help with a small project",
        description=text,
        skills=["Python"],
        budget_type=BudgetType.HOURLY,
        hourly_min=25.0,
        hourly_max=35.0,
        experience_level=ExperienceLevel.INTERMEDIATE,
        posted_at=NOW - timedelta(hours=2),
        proposals_min=5,
        proposals_max=10,
        client=ClientFacts(
            payment_verified=True, rating=4.9, reviews=12, hires=8, jobs_posted=10, hire_rate=80
        ),
    )
    changes = dict(facts)
    if "budget_type" in changes:
        changes["budget_type"] = BudgetType(changes["budget_type"])
        if changes["budget_type"] is BudgetType.FIXED:
            changes.setdefault("hourly_min", None)
            changes.setdefault("hourly_max", None)
    return dataclasses.replace(base, **changes)


def flags_of(facts: PostingFacts) -> dict[str, Any]:
    return {f.rule: f for f in find_flags(RULES, facts, now=NOW)}


def _cases(kind: str) -> list[Any]:
    return [
        pytest.param(rule, text, facts, id=f"{rule.id}-{n}")
        for rule in PATTERN_RULES
        for n, (text, facts) in enumerate(getattr(rule, kind))
    ]


@pytest.mark.parametrize(("rule", "text", "facts"), _cases("examples"))
def test_each_example_fires_its_rule(rule: Rule, text: str, facts: Any) -> None:
    flags = flags_of(clean_posting(text, facts))
    assert rule.id in flags, text
    flag = flags[rule.id]
    assert flag.field == "description" and text[flag.start : flag.end] == flag.evidence


@pytest.mark.parametrize(("rule", "text", "facts"), _cases("near_misses"))
def test_each_near_miss_does_not_fire(rule: Rule, text: str, facts: Any) -> None:
    assert rule.id not in flags_of(clean_posting(text, facts)), text


def test_every_text_rule_has_examples_and_near_misses() -> None:
    for rule in PATTERN_RULES:
        assert rule.examples and rule.near_misses, rule.id


def test_scams_are_critical_and_terms_risks_warnings() -> None:
    by_id = {r.id: r for r in RULES.rules}
    scams = ["pay-to-work", "check-or-vendor", "account-sharing", "remote-access-software"]
    scams += ["crypto-wallet", "off-platform-payment", "off-platform-contact", "personal-details"]
    terms = ["fake-reviews", "academic-dishonesty", "spam-mass-messaging", "ban-evasion"]
    terms += ["market-manipulation", "job-over-screen-share", "account-reinstatement"]
    assert {by_id[r].severity for r in scams} == {Severity.CRITICAL}
    assert {by_id[r].severity for r in terms} == {Severity.WARNING}


def test_no_real_posting_gets_a_critical_flag() -> None:
    data = shared_data_file()
    if data is None:
        pytest.skip("../shared/data is not here")
    postings = load_tiles(data)
    assert len(postings) > 50
    critical = {
        (p.title, f.rule, f.evidence)
        for p in postings
        for f in find_flags(RULES, p, now=NOW)
        if f.severity is Severity.CRITICAL
    }
    assert critical == set()
