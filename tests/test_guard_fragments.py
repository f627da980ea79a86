"""Shared near-miss fragments: the ``[guards]`` table of the rules file, named in a
guard, ``guard_before``, ``guard_after`` or ``ignore`` as ``(?&name)``
(app/scoring/rules.py, ``_fragments`` and ``_optional``)."""

from __future__ import annotations

import re
import tomllib
from datetime import UTC, datetime

import pytest

from app.domain import PostingFacts
from app.scoring.rules import find_flags, parse_rules, rules_path
from tests.rule_text import pay_first_rule

NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)

FRAGMENTS = """
[guards]
negation = '''\\b(?:not|never)\\b'''
ours = '''\\bour\\s+(?:customers|users)\\b'''
"""

RULE = pay_first_rule(
    "fee",
    r"\bfee\b",
    """guard_before = '''(?:(?&negation)|(?&ours))[^.!?\\n]{0,20}$'''

[[rule.concept]]
words = [["refundable"], ["deposit"]]
guard = '''(?&negation)|(?&ours)'''
""",
)


def flagged(rules, text: str) -> bool:
    facts = PostingFacts(title="Help with a small project", description=text)
    return any(f.rule == "pay-first" for f in find_flags(rules, facts, now=NOW))


def test_a_named_fragment_stands_in_the_guard_as_its_pattern() -> None:
    rules = parse_rules(FRAGMENTS + RULE)
    assert rules.problems == ()
    [rule] = rules.rules
    assert rule.guard_before is not None
    assert rule.guard_before.pattern.startswith(r"(?:(?:\b(?:not|never)\b)|(?:\bour\s+")
    assert flagged(rules, "Send the fee first.")
    assert not flagged(rules, "There is never a fee.")
    assert not flagged(rules, "Our customers pay a fee.")
    # in a concept's guard too
    assert flagged(rules, "A refundable deposit is due.")
    assert not flagged(rules, "Not a refundable deposit.")
    assert not flagged(rules, "Our users leave a refundable deposit.")


def test_changing_a_fragment_changes_every_guard_that_names_it() -> None:
    wider = FRAGMENTS.replace("not|never", "not|never|no")
    assert flagged(parse_rules(FRAGMENTS + RULE), "No refundable deposit asked.")
    assert not flagged(parse_rules(wider + RULE), "No refundable deposit asked.")
    assert parse_rules(FRAGMENTS + RULE).digest != parse_rules(wider + RULE).digest


def test_an_unknown_name_skips_its_rule_with_one_line_naming_it() -> None:
    rules = parse_rules(FRAGMENTS + RULE.replace("(?&ours))", "(?&theirs))"), "mine.toml")
    assert rules.rules == ()
    [problem] = rules.problems
    assert "\n" not in problem
    assert problem.startswith("mine.toml: rule 'pay-first' skipped")
    assert "guard_before names an unknown guard fragment 'theirs'" in problem


def test_a_fragment_in_a_concept_guard_must_be_known_too() -> None:
    text = RULE.replace("guard = '''(?&negation)|(?&ours)'''", "guard = '''(?&nope)'''")
    [problem] = parse_rules(FRAGMENTS + text).problems
    assert "guard names an unknown guard fragment 'nope'" in problem


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        ("[guards]\nnegation = '('\n", "guard fragment 'negation' skipped: invalid pattern"),
        ("[guards]\nnegation = 3\n", "guard fragment 'negation' skipped: it must be a string"),
        ("[guards]\nNegation = 'x'\n", "guard fragment 'Negation' skipped: a name is"),
        (
            "[guards]\nnegation = '(?&ours)'\n",
            "guard fragment 'negation' skipped: a fragment cannot name another",
        ),
        ("guards = 'not'\n", "[guards] skipped: it must be a table"),
    ],
)
def test_a_fragment_that_cannot_be_read_is_a_problem_and_its_rules_are_skipped(
    table: str, problem: str
) -> None:
    rules = parse_rules(table + RULE.replace("|(?&ours)", ""), "mine.toml")
    assert any(p.startswith("mine.toml: ") and problem in p for p in rules.problems)
    assert all("\n" not in p for p in rules.problems)
    # the rule that names the fragment is skipped, not loaded with a different guard
    assert rules.rules == ()


def test_an_escaped_parenthesis_is_not_a_fragment() -> None:
    text = RULE.replace(
        "guard_before = '''(?:(?&negation)|(?&ours))[^.!?\\n]{0,20}$'''",
        "ignore = '''x\\(?&ours\\)'''",
    )
    rules = parse_rules(FRAGMENTS + text)
    assert rules.problems == ()
    assert rules.rules[0].ignore is not None
    assert rules.rules[0].ignore.pattern == r"x\(?&ours\)"


def test_a_pattern_that_fires_cannot_name_a_fragment() -> None:
    """Fragments are for near misses only: in ``patterns`` ``(?&name)`` is the invalid
    pattern it is in Python."""
    text = RULE.replace("patterns = ['''\\bfee\\b''']", "patterns = ['''(?&ours)''']")
    [problem] = parse_rules(FRAGMENTS + text).problems
    assert "invalid pattern" in problem


def test_every_shipped_fragment_is_named_by_a_guard_and_none_is_unknown() -> None:
    text = rules_path().read_text(encoding="utf-8")
    doc = tomllib.loads(text)
    names = set(doc["guards"])
    assert names, "the shipped rules share their near-miss fragments"
    guards = [
        guard
        for rule in doc["rule"]
        for guard in (
            *(rule.get(key, "") for key in ("guard_before", "guard_after", "ignore")),
            *(concept.get("guard", "") for concept in rule.get("concept", [])),
        )
    ]
    named = {name for guard in guards for name in re.findall(r"\(\?&([a-z0-9-]+)\)", guard)}
    assert named == names
    assert not any("fragment" in p for p in parse_rules(text).problems)
