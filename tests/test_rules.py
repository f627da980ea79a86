"""Every red-flag rule fires on a realistic posting and stays silent on a near miss."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from app.domain import BudgetType, ClientFacts, ExperienceLevel, PostingFacts
from app.profiles import RuleOverride
from app.scoring.rules import find_flags, load_rules, parse_rules
from tests.tile_facts import real_postings_or_skip

NOW = datetime(2026, 3, 2, 12, tzinfo=UTC)

BODY = (
    "We run a small online store selling handmade ceramics and need help improving our "
    "product pages. You will review the current Shopify theme, fix layout problems on mobile, "
    "speed up image loading and add structured data for search engines. Deliverables: a list "
    "of changes, the updated theme files and a short video walking us through them. We expect "
    "about two weeks of part-time work and will pay weekly through Upwork."
)


def posting(extra: str = "", **changes: Any) -> PostingFacts:
    """A legitimate-looking posting; ``extra`` is appended to the description."""
    facts = PostingFacts(
        title="Shopify theme speed and layout fixes",
        description=f"{BODY} {extra}".strip(),
        skills=["Shopify", "Liquid", "CSS"],
        budget_type=BudgetType.HOURLY,
        hourly_min=30.0,
        hourly_max=50.0,
        experience_level=ExperienceLevel.INTERMEDIATE,
        duration="Less than 1 month",
        posted_at=NOW - timedelta(hours=3),
        proposals_min=5,
        proposals_max=10,
        interviewing=0,
        client=ClientFacts(
            payment_verified=True,
            rating=4.8,
            reviews=23,
            jobs_posted=14,
            hire_rate=71.0,
            hires=10,
            total_spent=12000.0,
            member_since=date(2019, 4, 1),
        ),
    )
    client_changes = {k[7:]: v for k, v in changes.items() if k.startswith("client_")}
    top = {k: v for k, v in changes.items() if not k.startswith("client_")}
    facts = dataclasses.replace(facts, **top)
    facts.client = dataclasses.replace(facts.client, **client_changes)
    return facts


def fired(facts: PostingFacts) -> dict[str, str]:
    return {f.rule: f.evidence for f in find_flags(load_rules(), facts, now=NOW)}


def test_the_base_posting_is_clean() -> None:
    assert fired(posting()) == {}


def test_the_shipped_rules_all_load() -> None:
    rules = load_rules()
    assert rules.problems == ()
    assert len(rules.rules) >= 17


CASES = [
    # rule, (fires), (near miss)
    (
        "off-platform-contact",
        posting("Please add me on Telegram @mark_hiring so we can discuss details."),
        posting("We talk on Upwork messages, not Telegram."),
    ),
    (
        "off-platform-contact",
        posting("WhatsApp: +44 7700 900123 for quick questions."),
        posting("The store already sends WhatsApp order updates to customers."),
    ),
    (
        "off-platform-contact",
        posting("Let's continue the conversation on Skype after you apply."),
        posting("Please do not contact us on Skype; all talk stays here."),
    ),
    (
        "email-in-post",
        posting("Send your portfolio to hiring.team@ceramicsdirect.co for review."),
        posting("Contact forms should go to an address like name@example.com."),
    ),
    (
        "email-in-post",
        posting("Reach me directly: mark.hr (at) gmail (dot) com"),
        posting("Orders are e-mailed from noreply@ceramicsdirect.co to the buyer."),
    ),
    (
        "off-platform-contact",
        posting("Skype: live:.cid.8f2a9b for a quick call."),
        posting("Build a Telegram bot that lets our customers message us on Telegram."),
    ),
    (
        "off-platform-contact",
        posting("Text me on Signal +1 415 555 0132 so we can move faster."),
        posting("Experience with signal processing and Discord bots is a plus."),
    ),
    (
        "phone-in-post",
        posting("Call me at (415) 555-0132 before you apply."),
        posting("We sold 1,250 items in 2023 at $45.00 each."),
    ),
    (
        "pay-to-work",
        posting("Before starting you will need to purchase our training kit for $49."),
        posting("We will pay for any software licence you need."),
    ),
    (
        "pay-to-work",
        posting("There is a small registration fee that is refunded after your first week."),
        posting("There is no registration fee and nothing to buy."),
    ),
    (
        "pay-to-work",
        posting("The refundable deposit can be paid in USDT or bitcoin."),
        posting("You must pay close attention to the colour profile of the photos."),
    ),
    (
        "personal-details",
        posting("To get started, send me your bank account details and a photo of your ID card."),
        posting("We will never ask for your password or bank details."),
    ),
    (
        "personal-details",
        posting("Please share your Upwork password so I can set up the contract faster."),
        posting("Build a login page where customers can reset their password."),
    ),
    (
        "unpaid-test",
        posting("Candidates must complete an unpaid test task before we decide."),
        posting("This is not an unpaid test: the trial task is paid at your rate."),
    ),
    (
        "unpaid-test",
        posting("Please do a sample page for free so we can compare applicants."),
        posting("The app offers a free trial period of 14 days for new users."),
    ),
]


@pytest.mark.parametrize(("rule", "bad", "near_miss"), CASES)
def test_text_rule_fires_and_skips_near_miss(rule: str, bad: PostingFacts, near_miss) -> None:
    flags = fired(bad)
    assert rule in flags
    assert bad.description is not None
    assert flags[rule] in bad.description
    assert rule not in fired(near_miss)


def test_evidence_is_the_exact_span() -> None:
    facts = posting("Please add me on Telegram @mark_hiring so we can discuss details.")
    flag = next(f for f in find_flags(load_rules(), facts, now=NOW) if f.severity == "critical")
    assert facts.description is not None
    assert facts.description[flag.start : flag.end] == flag.evidence
    assert flag.evidence.lower().startswith("add me on telegram")
    assert flag.field == "description"


SCOPE = "Build a complete e-commerce website from scratch with payments and admin panel."

FIELD_CASES = [
    (
        "ghost-open-for-weeks",
        posting(posted_at=NOW - timedelta(days=20), client_jobs_posted=8, client_hire_rate=12.0),
        posting(posted_at=NOW - timedelta(days=20), client_jobs_posted=8, client_hire_rate=75.0),
    ),
    (
        "tiny-budget-large-scope",
        posting(description=SCOPE, budget_type=BudgetType.FIXED, fixed_budget=50.0),
        posting(description=SCOPE, budget_type=BudgetType.FIXED, fixed_budget=5000.0),
    ),
    (
        "urgent-vague",
        posting(description="Need a logo urgently, today please. Simple."),
        posting(f"{BODY} The fix is urgent because the sale starts next week."),
    ),
    (
        "vague-description",
        posting(description="Need help with my website."),
        posting(),
    ),
    (
        "payment-not-verified",
        posting(client_payment_verified=False),
        posting(client_payment_verified=None),
    ),
    (
        "low-hire-rate",
        posting(client_jobs_posted=40, client_hire_rate=10.0),
        posting(client_jobs_posted=3, client_hire_rate=0.0),
    ),
    (
        "low-client-rating",
        posting(client_rating=3.2),
        posting(client_rating=0.0),
    ),
    (
        "overpaid-simple-work",
        posting(
            description="Simple data entry work from home, no experience needed. Copy and paste "
            "names from PDFs into a sheet.",
            hourly_min=60.0,
            hourly_max=90.0,
        ),
        posting(
            description="Simple data entry work, copy and paste names from PDFs into a sheet.",
            hourly_min=8.0,
            hourly_max=12.0,
        ),
    ),
    (
        "new-client-no-hires",
        posting(client_hires=0, client_jobs_posted=1, client_hire_rate=0.0),
        posting(client_hires=None),
    ),
    (
        "heavy-competition-proposals",
        posting(proposals_min=50, proposals_max=None),
        posting(proposals_min=20, proposals_max=50),
    ),
    (
        "heavy-competition-interviewing",
        posting(interviewing=4),
        posting(interviewing=2),
    ),
    (
        "stale-post",
        posting(posted_at=NOW - timedelta(days=20)),
        posting(posted_at=NOW - timedelta(days=6)),
    ),
]


@pytest.mark.parametrize(("rule", "bad", "near_miss"), FIELD_CASES)
def test_fact_rule_fires_and_skips_near_miss(rule: str, bad: PostingFacts, near_miss) -> None:
    assert rule in fired(bad)
    assert rule not in fired(near_miss)


def test_phrase_hints_match_across_punctuation() -> None:
    facts = posting(
        description="Easy copy-paste job, work-from-home: move rows between two sheets.",
        hourly_min=45.0,
        hourly_max=70.0,
    )
    assert fired(facts)["overpaid-simple-work"] == "copy-paste"


def test_every_rule_has_a_case() -> None:
    tested = {c[0] for c in CASES} | {c[0] for c in FIELD_CASES}
    # or its own examples in the rules file (tests/test_rule_examples.py runs them)
    tested |= {r.id for r in load_rules().rules if r.examples and r.near_misses}
    tested |= {"repost"}  # needs stored postings: tests/test_reposts.py
    assert load_rules().ids <= tested


def test_fact_evidence_names_field_and_value() -> None:
    flags = find_flags(load_rules(), posting(client_payment_verified=False), now=NOW)
    flag = next(f for f in flags if f.rule == "payment-not-verified")
    assert flag.evidence == "client.payment_verified=false"  # the raw fact, for the JSON
    assert flag.words == "payment method not verified"  # what a person reads
    assert flag.field == "client.payment_verified" and flag.start is None


@pytest.mark.parametrize(
    ("rule", "changes", "words"),
    [
        ("stale-post", {"posted_at": NOW - timedelta(days=14, hours=1)}, "posted 14 days ago"),
        (
            "low-hire-rate",
            {"client_jobs_posted": 6, "client_hire_rate": 0.0},
            "hire rate 0 % of 6 jobs posted",
        ),
        (
            "low-client-rating",
            {"client_rating": 3.2, "client_reviews": 7},
            "client rating 3.2 of 5 from 7 reviews",
        ),
        (
            "heavy-competition-proposals",
            {"proposals_min": 50, "proposals_max": None},
            "50+ proposals",
        ),
    ],
)
def test_fact_evidence_in_words(rule: str, changes: dict, words: str) -> None:
    flags = {f.rule: f for f in find_flags(load_rules(), posting(**changes), now=NOW)}
    assert flags[rule].words == words
    assert flags[rule].to_json()["words"] == words
    assert "=" in flags[rule].to_json()["evidence"]  # the raw fact stays in the JSON


def test_bad_regex_skips_only_that_rule() -> None:
    text = """
[[rule]]
id = "broken"
severity = "warning"
title = "Broken"
points = 5
patterns = ['(unclosed']

[[rule]]
id = "works"
severity = "info"
title = "Works"
points = 1
patterns = ['ceramics']

[[rule]]
id = "typo"
severity = "warnng"
title = "Typo"
points = 1
conditions = [{ field = "interviewing", op = ">", value = 0 }]
"""
    rules = parse_rules(text, "mine.toml")
    assert [r.id for r in rules.rules] == ["works"]
    assert len(rules.problems) == 2
    assert "rule 'broken' skipped: invalid pattern" in rules.problems[0]
    assert "rule 'typo' skipped: severity" in rules.problems[1]
    assert [f.rule for f in find_flags(rules, posting(), now=NOW)] == ["works"]


def test_overrides_switch_off_and_reweight() -> None:
    rules = load_rules().with_overrides(
        {"payment-not-verified": RuleOverride(False, 1.0), "stale-post": RuleOverride(True, 3.0)}
    )
    facts = posting(client_payment_verified=False, posted_at=NOW - timedelta(days=30))
    flags = {f.rule: f for f in find_flags(rules, facts, now=NOW)}
    assert "payment-not-verified" not in flags
    assert flags["stale-post"].points == 15.0


def test_hints_only_speed_up() -> None:
    """Without the hint words every shipped rule finds exactly the same flags."""
    real_postings = real_postings_or_skip()
    rules = load_rules()
    bare = dataclasses.replace(
        rules,
        rules=tuple(
            dataclasses.replace(
                r,
                hint=(),
                hint_words=frozenset(),
                hint_phrases=(),
                hint_phrase_heads=frozenset(),
                hint_marks=(),
            )
            for r in rules.rules
        ),
    )
    samples = [f for _, bad, near in CASES + FIELD_CASES for f in (bad, near)] + real_postings
    samples += [
        posting(text) for rule in rules.rules for text, _ in (*rule.examples, *rule.near_misses)
    ]
    for facts in samples:
        assert find_flags(rules, facts, now=NOW) == find_flags(bare, facts, now=NOW)


def test_a_hint_inside_a_longer_word_opens_no_search_window() -> None:
    """Windows sit around whole-word hints and a phrase's rarest word: "pay" in "paypal"
    or "payment" is no place to search, and "in my name" is found around "name"."""
    from app.scoring.rules import _windows

    rules = parse_rules(
        """
version = 1
[[rule]]
id = "t"
severity = "warning"
title = "t"
points = 1
reach = 20
hint = ["pay", "in my name"]
patterns = ['''\\bpay\\s+me\\b''', '''\\bin\\s+my\\s+name\\b''']
"""
    )
    [rule] = rules.rules
    text = "in paypal payment " + "x" * 60 + " pay me " + "y" * 60 + " apply in my name"
    words = set(text.replace(".", " ").split()) | {"in", "my", "name"}
    spans = [text[lo:hi] for lo, hi in _windows(rule, text, words)]
    assert len(spans) == 2
    assert "pay me" in spans[0] and "paypal" not in spans[0]
    assert spans[1].endswith("in my name") and "y" * 40 not in spans[1]
    assert [f.evidence for f in find_flags(rules, posting(text), now=NOW)] == ["pay me"]


def test_the_needed_strings_index_changes_no_flag() -> None:
    """Trying only the patterns whose needed strings a window has finds exactly what
    trying every pattern in every window finds, for every shipped rule."""
    real_postings = real_postings_or_skip()
    rules = load_rules()
    every = dataclasses.replace(
        rules,
        rules=tuple(
            dataclasses.replace(r, lowered_required=())  # no needed strings: every pattern
            for r in rules.rules
        ),
    )
    assert any(r.lowered_needers for r in rules.rules)  # the index is there to be checked
    samples = [f for _, bad, near in CASES + FIELD_CASES for f in (bad, near)] + real_postings
    samples += [
        posting(text) for rule in rules.rules for text, _ in (*rule.examples, *rule.near_misses)
    ]
    for facts in samples:
        assert find_flags(rules, facts, now=NOW) == find_flags(every, facts, now=NOW)


def test_a_text_kept_for_another_profile_is_searched_once(monkeypatch) -> None:
    """The same text scored again by a profile whose switches and weights differ finds
    the patterns' results kept with it: the same flags as a fresh search, reweighted,
    and no pattern searched a second time."""
    from app.scoring import rules as rules_module
    from app.scoring.rules import posting_text

    rules = load_rules()
    fired = [bad for _, bad, _ in CASES]
    heavy, off = [rule for rule, _, _ in CASES][0], [rule for rule, _, _ in CASES][-1]
    assert heavy != off
    heavier = rules.with_overrides(
        {heavy: RuleOverride(weight=2.0), off: RuleOverride(enabled=False)}
    )
    searched = []
    real = rules_module._first_match

    def counted(*args: Any, **kwargs: Any) -> Any:
        searched.append(args[0].id)
        return real(*args, **kwargs)

    monkeypatch.setattr(rules_module, "_first_match", counted)
    for facts in fired:
        text = posting_text(facts).keep_findings()
        first = find_flags(rules, facts, now=NOW, text=text)
        before = len(searched)
        again = find_flags(heavier, facts, now=NOW, text=text)
        assert len(searched) == before  # nothing searched again
        assert again == find_flags(heavier, facts, now=NOW)  # as a fresh text gives
        assert first == find_flags(rules, facts, now=NOW)
        plain = posting_text(facts)  # a text not kept for profiles keeps nothing
        find_flags(rules, facts, now=NOW, text=plain)
        before = len(searched)
        find_flags(heavier, facts, now=NOW, text=plain)
        assert plain.seen is None and len(searched) > before
    weighed = {
        f.rule: f.points
        for facts in fired
        for f in find_flags(heavier, facts, now=NOW, text=posting_text(facts).keep_findings())
    }
    points = {r.id: r.points for r in rules.rules}
    assert weighed[heavy] == 2 * points[heavy]
    assert off not in weighed


def test_a_kept_text_is_searched_again_for_other_patterns() -> None:
    """What one rule set found is not taken for another's: a rule file with other
    patterns (another digest), or the same id with other patterns, searches anew."""
    from app.scoring.rules import posting_text

    rules = load_rules()
    at, hinted = next((at, r) for at, r in enumerate(rules.rules) if "telegram" in r.hint_words)
    facts = posting("Our mascot is a zebra named Otto; Telegram is where our fans meet.")
    text = posting_text(facts).keep_findings()
    assert find_flags(rules, facts, now=NOW, text=text) == []
    assert text.seen is not None and text.seen[hinted.id] == (hinted, None)  # searched
    zebra = dataclasses.replace(hinted, patterns=(re.compile("zebra", re.IGNORECASE),), hint=())
    zebra = dataclasses.replace(
        zebra,
        lowered_patterns=zebra.patterns,
        lowered_bounded=(False,),
        lowered_required=(),
        lowered_starts=(),
        lowered_needs=(),
        lowered_unfiltered=(),
        lowered_needers={},
        hint_words=frozenset(),
        hint_phrases=(),
        hint_phrase_heads=frozenset(),
        hint_phrase_anchors={},
        hint_marks=(),
        conditions=(),
        any=(),
    )
    same_digest = dataclasses.replace(
        rules, rules=(*rules.rules[:at], zebra, *rules.rules[at + 1 :])
    )
    assert same_digest.digest == rules.digest
    assert [f.evidence for f in find_flags(same_digest, facts, now=NOW, text=text)] == ["zebra"]
    other = parse_rules(
        'schema = 1\n[[rule]]\nid = "zebra"\nseverity = "info"\ntitle = "Zebra"\npoints = -1\n'
        'patterns = ["zebra"]\n'
    )
    assert [f.rule for f in find_flags(other, facts, now=NOW, text=text)] == ["zebra"]
