"""Concepts in the red-flag rules: words of each group that must meet in one sentence
(app/scoring/rules.py, ``[[rule.concept]]`` in resources/rules/red_flags.toml)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from app.domain import PostingFacts
from app.parsing.upwork import parse_postings
from app.scoring import rules as rules_module
from app.scoring.findings import kept_findings
from app.scoring.rules import (
    Concept,
    find_flags,
    load_rules,
    parse_rules,
    posting_text,
)
from tests.rule_text import pay_first_rule
from tests.scam_postings import Case, job_page, unknown_layout

NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)

RULE = pay_first_rule(
    "zebra",
    r"\bzebra\s+fee\b",
    """
[[rule.concept]]
words = [["refundable", "upfront"], ["fee", "$"], ["kit", "course"]]
guard = '''\\bwe\\s+pay\\b'''
""",
)


def posting(text: str) -> PostingFacts:
    return PostingFacts(title="Help with a small project", description=text)


def fired(rules, text: str) -> list[str]:
    return [f.evidence for f in find_flags(rules, posting(text), now=NOW)]


def test_the_words_of_every_group_in_one_sentence_fire_in_any_order() -> None:
    rules = parse_rules(RULE)
    assert not rules.problems
    text = "Steady work. The course is $40, upfront, before the first order. Thanks!"
    assert fired(rules, text) == ["The course is $40, upfront, before the first order."]
    assert fired(rules, "Upfront: a kit. Fee later.") == []  # three sentences, not one
    assert fired(rules, "The kit costs $40.") == []  # a group missing
    assert fired(rules, "A zebra fee applies.") == ["zebra fee"]  # the patterns still run


def test_a_guard_in_the_sentence_makes_it_a_near_miss() -> None:
    rules = parse_rules(RULE)
    assert fired(rules, "We pay the course fee upfront for you.") == []
    assert fired(rules, "We pay weekly. You pay the course fee upfront.") == [
        "You pay the course fee upfront."
    ]


def test_a_sentence_ends_at_a_stop_before_a_space_not_inside_a_price() -> None:
    rules = parse_rules(RULE)
    assert fired(rules, "The course fee is $35.00 upfront") == ["The course fee is $35.00 upfront"]
    assert fired(rules, "The course fee is $35\nupfront") == []  # a line ends a sentence
    words = " ".join(["filler"] * 80)  # no stop at all: a sentence reaches 240 characters
    assert fired(rules, f"The course fee {words} upfront") == []


def test_the_evidence_points_into_the_text() -> None:
    rules = parse_rules(RULE)
    text = "Hello there.  > The kit fee is upfront, sorry.\nBye"
    [flag] = find_flags(rules, posting(text), now=NOW)
    assert flag.field == "description"
    assert flag.start is not None and flag.end is not None
    assert text[flag.start : flag.end] == flag.evidence == "The kit fee is upfront, sorry."


def test_a_concept_opens_its_rule_without_its_hints() -> None:
    """The rule's hints ("zebra") are not in the text: the concept's first group opens it,
    when every group is somewhere in the posting."""
    rules = parse_rules(RULE)
    text = posting_text(posting("A refundable fee for the kit."))
    assert rules.gate.open_rules(text) == {0}
    assert rules.gate.open_rules(posting_text(posting("A refundable fee, no more."))) == set()


@pytest.mark.parametrize(
    ("concept", "problem"),
    [
        ("words = [['fee']]", "two groups or more"),
        ("words = 'fee'", "two groups or more"),
        ("words = [['$'], ['fee']]", "first group needs words"),
        ("words = [['fee'], []]", "one string or more"),
        ("words = [['fee'], ['kit']]\nwhen = 1", "a concept is"),
        ("words = [['fee'], ['kit']]\nguard = '('", "invalid guard"),
    ],
)
def test_a_concept_that_cannot_be_read_skips_its_rule(concept: str, problem: str) -> None:
    text = RULE.split("[[rule.concept]]")[0] + "[[rule.concept]]\n" + concept + "\n"
    rules = parse_rules(text)
    assert rules.rules == ()
    [message] = rules.problems
    assert "pay-first" in message and problem in message


def test_a_rule_with_concepts_needs_patterns() -> None:
    text = (
        '[[rule]]\nid = "x"\nseverity = "warning"\ntitle = "X"\npoints = 1\n'
        'conditions = [{ field = "fixed_budget", op = "<", value = 5 }]\n'
        "[[rule.concept]]\nwords = [['fee'], ['kit']]\n"
    )
    [message] = parse_rules(text).problems
    assert "needs patterns" in message


def test_the_gates_never_hide_a_sentence_that_meets() -> None:
    """The posting-level checks (every group somewhere in the posting, the rule opened by
    a concept's first group) skip only postings where no sentence can meet: with them
    switched off, every shipped rule flags the same on every example and near miss."""
    rules = load_rules()
    assert any(r.concepts for r in rules.rules)
    samples = [
        posting(text) for rule in rules.rules for text, _ in (*rule.examples, *rule.near_misses)
    ]
    every = dataclasses.replace(
        rules,
        rules=tuple(
            dataclasses.replace(r, hint=()) if r.concepts else r for r in rules.rules
        ),  # no hints: a rule with concepts is tried on every posting
    )
    original = Concept.may_meet
    try:
        gated = [find_flags(rules, facts, now=NOW) for facts in samples]
        Concept.may_meet = lambda self, text: True  # type: ignore[method-assign]
        ungated = [find_flags(every, facts, now=NOW) for facts in samples]
    finally:
        Concept.may_meet = original  # type: ignore[method-assign]
    assert [[f.rule for f in fs] for fs in gated] == [[f.rule for f in fs] for fs in ungated]


def test_a_concept_finding_is_kept_and_read_back() -> None:
    rules = load_rules()
    text = "Every narrator is required to get our microphone bundle ($89) before the first book."
    facts = posting(text)
    first = posting_text(facts)
    stored = kept_findings(rules, first, None)
    assert stored is not None and "pay-to-work" in stored
    again = posting_text(facts)
    assert kept_findings(rules, again, stored) is None  # read back, not searched
    assert find_flags(rules, facts, now=NOW, text=again) == find_flags(rules, facts, now=NOW)
    assert "pay-to-work" in [f.rule for f in find_flags(rules, facts, now=NOW, text=again)]


SCAM = Case(
    "narrator-kit",
    "pay-to-work",
    "Voice over artists wanted",
    (
        "We record audiobooks and need fresh voices.",
        "Every narrator is required to get our microphone bundle ($89) first.",
    ),
)


@pytest.mark.parametrize("layout", [job_page, unknown_layout])
def test_a_concept_reads_every_line_pasted(layout) -> None:
    raw = layout(SCAM)
    [facts] = parse_postings(raw, NOW)
    [flag] = [f for f in find_flags(load_rules(), facts, now=NOW) if f.rule == "pay-to-work"]
    assert "microphone bundle ($89)" in flag.evidence
    if flag.field == "pasted":
        assert raw[flag.start : flag.end] == flag.evidence


def test_sentences_are_found_without_a_copy_of_the_text_per_sentence(monkeypatch) -> None:
    """A long posting with the first group's word in many sentences: each sentence is
    read once, however many of its words belong to the group."""
    rules = parse_rules(RULE)
    calls: list[str] = []
    real = rules_module._words

    def counted(text: str) -> list[str]:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(rules_module, "_words", counted)
    text = " ".join(["An upfront refundable fee, and upfront again."] * 50)
    assert fired(rules, text) == []
    assert len(calls) <= 52  # the posting's own words, then 50 sentences once each


#: first-group phrases made only of everyday words, each measured when it was added (it
#: opens its rule wherever its longest word is: docs/red-flags.md, "What it costs")
MEASURED_EVERYDAY_PHRASES = {
    ("pay-to-work", "you cover"),
    ("pay-to-work", "required to get"),
    ("pay-to-work", "before starting"),
    ("off-platform-payment", "between us"),
    ("remote-access-software", "take over"),
    ("remote-access-software", "your files"),
    ("unpaid-test", "for free"),
    ("academic-dishonesty", "take it for me"),
    ("academic-dishonesty", "take it as me"),
    ("job-over-screen-share", "find out"),
    ("job-over-screen-share", "doesn t know"),
    ("job-over-screen-share", "don t know"),
    ("job-over-screen-share", "won t know"),
    ("job-over-screen-share", "not know"),
    ("job-over-screen-share", "in my place"),
}


def everyday_phrases(rules) -> set[tuple[str, str]]:
    """(rule id, phrase) of each first-group phrase made only of everyday words."""
    return {
        (rule.id, phrase)
        for rule in rules.rules
        for concept in rule.concepts
        for phrase in concept.groups[0].phrases
        if all(word in rules_module._EVERYDAY_WORDS for word in phrase.split())
    }


def test_no_new_first_group_phrase_is_made_only_of_everyday_words() -> None:
    """Such a phrase ("as if you are me") is looked for by an everyday word ("you", in
    half the postings) and opens its rule nearly everywhere: a new one fails here until
    its cost is measured and it is added above."""
    new = everyday_phrases(load_rules()) - MEASURED_EVERYDAY_PHRASES
    assert not new, sorted(new)
    text = RULE.replace('["refundable", "upfront"]', '["as if you are me", "upfront"]')
    assert everyday_phrases(parse_rules(text)) == {("pay-first", "as if you are me")}
