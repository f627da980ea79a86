"""What the rules' patterns found in a posting, kept with the stored posting
(:mod:`app.scoring.findings`): a rescore reads it instead of searching again, gets the
cards a search gives, and searches again when the rules or the texts are not the same."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from sqlalchemy import select

from app.domain import PostingFacts
from app.profiles import ProfileSpec, RuleOverride, default_profile, save_profile
from app.scoring import findings as findings_module
from app.scoring import rules as rules_module
from app.scoring.findings import kept_findings
from app.scoring.rules import PostingText, load_rules, posting_text
from app.scoring.score import Scorer
from app.scoring.service import rescore_all
from app.storage.jobs import add_posting
from app.storage.models import JobPosting
from tests.test_rules import CASES, FIELD_CASES, NOW

RULES = load_rules()
#: postings that fire text rules, near misses, and fact rules
SAMPLES = [f for _, bad, near in CASES + FIELD_CASES for f in (bad, near)]
CONDITIONAL = {r.id for r in RULES.rules if r.patterns and (r.conditions or r.any)}


def profiles() -> list[ProfileSpec]:
    plain = default_profile("Plain", skills=["Shopify", "CSS"], hourly_rate=30.0)
    louder = default_profile("Louder", skills=["Shopify"], hourly_rate=30.0)
    louder.rules = {CASES[0][0]: RuleOverride(weight=3.0), CASES[-1][0]: RuleOverride(False)}
    return [plain, louder]


@pytest.fixture
def searched(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the rules whose patterns are searched from here on."""
    calls: list[str] = []
    real = rules_module._first_match

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[0].id)
        return real(*args, **kwargs)

    monkeypatch.setattr(rules_module, "_first_match", counted)
    return calls


def filled(facts: PostingFacts, stored: str | None) -> tuple[PostingText, str | None]:
    text = posting_text(facts)
    return text, kept_findings(RULES, text, stored)


def test_kept_findings_give_the_cards_a_search_gives(searched: list[str]) -> None:
    scorers = [Scorer.for_profile(p) for p in profiles()]
    fired = 0
    for facts in SAMPLES:
        _, stored = filled(facts, None)
        assert stored is not None and json.loads(stored)["rules"].endswith(RULES.digest)
        searched.clear()
        text, again = filled(facts, stored)
        assert again is None  # the same rules, the same text: nothing to store
        cards = [s.score(facts, NOW, text=text) for s in scorers]
        assert set(searched) <= CONDITIONAL  # only rules whose facts decide are searched
        assert cards == [s.score(facts, NOW) for s in scorers]
        fired += bool(cards[0].flags)
    assert fired >= len(CASES)  # the samples do fire rules (text and facts)


def test_findings_of_other_rules_or_other_texts_are_searched_again(monkeypatch) -> None:
    facts = CASES[0][1]
    _, stored = filled(facts, None)
    assert stored is not None
    doc = json.loads(stored)
    other_rules = json.dumps({**doc, "rules": "0" * 12})
    monkeypatch.setattr(findings_module, "SCORER_VERSION", "0")
    assert filled(facts, stored)[1] not in (None, stored)  # another scorer: searched again
    monkeypatch.undo()
    other_format = json.dumps({**doc, "v": 0})
    changed = dataclasses.replace(facts, description=f"{facts.description} Thanks!")
    for junk in ("{", "[]", "null", '{"v": 1}', json.dumps({**doc, "found": [["x"]]})):
        assert filled(facts, junk)[1] == stored  # junk is searched over, never trusted
    bad_offsets = dict(doc, found=[[row[0], row[1], -4, "x", row[4]] for row in doc["found"]])
    assert doc["found"] and filled(facts, json.dumps(bad_offsets))[1] == stored
    assert filled(facts, other_rules)[1] == stored
    assert filled(facts, other_format)[1] == stored
    assert filled(changed, stored)[1] not in (None, stored)  # another text: searched anew
    no_digest = dataclasses.replace(RULES, digest="")
    assert kept_findings(no_digest, posting_text(facts), None) is None  # nothing to key on


def test_a_rescore_keeps_the_findings_and_the_next_one_reads_them(db, searched) -> None:
    with db.transaction() as session:
        for spec in profiles():
            save_profile(session, spec)
        for i, (_, bad, near) in enumerate(CASES):
            for j, facts in enumerate((bad, near)):
                add_posting(session, dataclasses.replace(facts, url=f"https://x.test/{i}/{j}"))
    total = 2 * 2 * len(CASES)
    assert rescore_all(db, now=NOW, workers=1) == total
    with db.read() as session:
        kept = dict(session.execute(select(JobPosting.id, JobPosting.rule_findings)).all())
    assert all(json.loads(v)["rules"].endswith(RULES.digest) for v in kept.values())
    first = _cards(db)
    assert sum(1 for c in first if c[2] != "[]") >= len(CASES)
    searched.clear()
    assert rescore_all(db, now=NOW, workers=1) == total
    assert set(searched) <= CONDITIONAL
    assert _cards(db) == first
    with db.read() as session:
        assert dict(session.execute(select(JobPosting.id, JobPosting.rule_findings)).all()) == kept

    # the posting changes (captured again): its kept findings no longer hold
    with db.transaction() as session:
        job = session.scalars(select(JobPosting).where(JobPosting.url == "https://x.test/0/1"))
        near = CASES[0][2]
        scam = f"{near.description} Message me on WhatsApp +1 415 555 0199 to start."
        add_posting(session, dataclasses.replace(near, url=job.one().url, description=scam))
    assert rescore_all(db, now=NOW, workers=1) == total
    with db.read() as session:
        job = session.scalars(select(JobPosting).where(JobPosting.url == "https://x.test/0/1"))
        row = job.one()
        assert row.rule_findings != kept[row.id]
        assert json.loads(row.rule_findings)["found"]  # the new words are found
    flags = {c[2] for c in _cards(db) if c[0] == row.id}
    assert all("phone-in-post" in f or "off-platform-contact" in f for f in flags)


def _cards(db) -> list:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT job_id, profile_id, flags, total, factors FROM score_card "
            "ORDER BY job_id, profile_id"
        ).all()


def test_every_rule_example_and_pasted_case_is_flagged_alike_from_kept_findings() -> None:
    """Over every example and near miss of every shipped rule, and the scam postings
    pasted in both layouts (evidence in the pasted rest, offsets into the raw text),
    the flags from kept findings are the flags a search gives, for two profiles."""
    from app.parsing.upwork import parse_postings
    from tests.scam_postings import SCAMS, TERMS, job_page, unknown_layout
    from tests.test_rules import posting

    scorers = [Scorer.for_profile(p) for p in profiles()]
    samples = [
        posting(text) for rule in RULES.rules for text, _ in (*rule.examples, *rule.near_misses)
    ]
    for case in SCAMS + TERMS:
        for page in (job_page(case), unknown_layout(case)):
            samples += parse_postings(page, NOW)
    pasted = 0
    for facts in samples:
        _, stored = filled(facts, None)
        text, again = filled(facts, stored)
        assert again is None
        cards = [s.score(facts, NOW, text=text) for s in scorers]
        assert [c.flags for c in cards] == [s.score(facts, NOW).flags for s in scorers]
        pasted += any(f.field == "pasted" for f in cards[0].flags)
    assert len(samples) > 500 and pasted >= 5


def test_scoring_after_an_import_keeps_the_findings_too(db) -> None:
    """score_stale (what runs after an import) writes the findings it searched, and
    the rescore that follows a profile's change reads them."""
    from app.scoring.service import score_stale

    with db.transaction() as session:
        save_profile(session, profiles()[0])
        for i, (_, bad, _) in enumerate(CASES):
            add_posting(session, dataclasses.replace(bad, url=f"https://x.test/stale/{i}"))
    assert score_stale(db, now=NOW, batch_size=3) == len(CASES)
    with db.read() as session:
        kept = session.scalars(select(JobPosting.rule_findings)).all()
    assert len(kept) == len(CASES) and all(kept)
