from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest

from app.domain import BudgetType, ExperienceLevel, PostingFacts, Verdict
from app.profiles import ClientCriteria, ProfileSpec, Skill, default_profile
from app.scoring.rules import load_rules
from app.scoring.score import Scorer, current_rules_version, job_value, score_posting
from app.scoring.skills import SkillMatcher, load_synonyms, skill_key
from app.scoring.win_chance import (
    SCORE_BANDS,
    CalibratedRate,
    band_label,
    estimate_win_chance,
)
from tests.test_rules import NOW, posting
from tests.tile_facts import real_postings_or_skip

PROFILE = ProfileSpec(
    name="Shop",
    title="Shopify developer",
    skills=[Skill("Shopify", 1.0), Skill("Liquid", 1.0), Skill("CSS", 1.0), Skill("React.js")],
    min_hourly_rate=30.0,
    min_fixed_budget=300.0,
    experience_levels=["intermediate", "expert"],
    client=ClientCriteria(min_rating=4.0),
)


def score(facts: PostingFacts, profile: ProfileSpec = PROFILE, **kw):
    return score_posting(facts, profile, now=NOW, **kw)


def test_spelling_variants_and_synonyms_are_one_skill() -> None:
    assert skill_key("React.js") == skill_key("ReactJS") == skill_key("react") == "react"
    matcher = SkillMatcher([Skill("React"), Skill("PostgreSQL"), Skill("Go")], load_synonyms())
    found = matcher.match(["ReactJS", "Postgres", "Golang", "PHP"], "")
    assert found.matched == ["React", "PostgreSQL", "Go"]
    assert found.missing == ["PHP"]
    in_text = matcher.match([], "We use React JS and postgres. Go ahead and apply.")
    assert in_text.text_only == ["React", "PostgreSQL"]  # "Go ahead" is not the Go language
    glued = score(posting(description="We build with ReactJS, Node.js and C# daily."))
    assert "React.js" in glued.matched_skills


def test_a_good_match_is_apply_with_reasons() -> None:
    result = score(posting())
    assert result.verdict is Verdict.APPLY, result.factors
    names = [f.name for f in result.factors]
    assert names[:3] == ["Skills", "Budget", "Client"] and "Connects cost" in names
    assert result.matched_skills == ["Shopify", "Liquid", "CSS"]
    assert result.missing_skills == []
    assert result.total == max(0, min(100, sum(f.points for f in result.factors)))
    assert result.flags == []


def test_verdict_follows_the_thresholds() -> None:
    result = score(posting())
    same = score(posting(), apply_threshold=result.total + 1, maybe_threshold=result.total)
    assert same.total == result.total and same.verdict is Verdict.MAYBE
    assert score(posting(), apply_threshold=99, maybe_threshold=98).verdict is Verdict.SKIP


def test_critical_flag_caps_the_score_whatever_the_badges() -> None:
    scam = posting("Add me on Telegram @boss_hr for the details.", client_payment_verified=True)
    result = score(scam)
    assert result.verdict is Verdict.SKIP and result.total == 44
    assert result.critical_flags == 1
    assert any(f.name == "Critical flag cap" for f in result.factors)
    assert result.to_json()["flags"] == [
        {
            "rule": "off-platform-contact",
            "severity": "critical",
            "evidence": "Add me on Telegram @boss_hr",
        }
    ]


def test_json_keys_are_the_contract() -> None:
    data = score(posting()).to_json()
    assert list(data) == [
        "total",
        "verdict",
        "factors",
        "flags",
        "matched_skills",
        "missing_skills",
        "value_per_connect",
    ]
    assert set(data["factors"][0]) == {"name", "points", "reason"}
    json.dumps(data)


def test_budget_below_rate_and_duration() -> None:
    low = score(posting(hourly_min=10.0, hourly_max=15.0))
    budget = next(f for f in low.factors if f.name == "Budget")
    assert budget.points == 0 and "below your $30/h" in budget.reason
    fixed = posting(budget_type=BudgetType.FIXED, fixed_budget=400.0, duration="3 to 6 months")
    fb = next(f for f in score(fixed).factors if f.name == "Budget")
    assert "18 weeks" in fb.reason and fb.points == 10


def test_client_criteria_and_exclusions() -> None:
    profile = default_profile("x", skills=["Shopify"], hourly_rate=30.0)
    profile.client.excluded_countries = ["Atlantis"]
    profile.client.payment_verified_required = True
    result = score(posting(client_country="Atlantis", client_payment_verified=False), profile)
    client = next(f for f in result.factors if f.name == "Client")
    assert client.points < 0
    assert "excluded list" in client.reason and "require a verified" in client.reason
    assert result.verdict is Verdict.SKIP


def test_keywords_include_and_exclude() -> None:
    profile = default_profile("k", skills=["Shopify"], hourly_rate=30.0)
    profile.include_keywords = ["ceramics"]
    profile.exclude_keywords = ["theme"]
    kw = next(f for f in score(posting(), profile).factors if f.name == "Keywords")
    assert kw.points == 2 - 15
    assert "ceramics" in kw.reason and "excluded theme" in kw.reason


def test_value_per_connect_explained() -> None:
    facts = posting(connects_required=10)
    result = score(facts)
    value = job_value(facts)
    assert value == 40 * 10 * 3  # $40/h mid, 10 h/week, under a month = 3 weeks
    assert result.value_per_connect == round(result.win_chance.probability * value / 10, 2)
    cost = next(f for f in result.factors if f.name == "Connects cost")
    assert cost.points == -3
    assert "per Connect" in cost.reason and "typical win rate" in cost.reason


def test_every_score_has_the_band_it_falls_in() -> None:
    for total in range(101):
        low, high = next((lo, hi) for lo, hi in SCORE_BANDS if lo <= total <= hi)
        assert band_label(total) == f"{low}-{high}"
    assert band_label(72.5) == "70-79"  # a float score still finds its band
    for outside in (-1, 101, 100.5):
        with pytest.raises(ValueError):
            band_label(outside)


def test_calibrated_win_rates_replace_defaults_with_enough_data() -> None:
    assert band_label(73) == "70-79" and band_label(100) == "90-100" and band_label(0) == "0-9"
    own = {"70-79": CalibratedRate(0.25, 40), "80-89": CalibratedRate(0.5, 3)}
    assert estimate_win_chance(75, own).probability == 0.25
    assert estimate_win_chance(75, own).calibrated
    few = estimate_win_chance(85, own)
    assert not few.calibrated and "too few" in few.explanation
    result = score(
        posting(), win_rates={band_label(score(posting()).total): CalibratedRate(0.5, 99)}
    )
    assert result.win_chance.probability == 0.5


def test_deterministic_and_versioned() -> None:
    a, b = score(posting()), score(posting())
    assert a == b
    assert a.rules_version == current_rules_version()
    assert re.fullmatch(r"s\d+-r[0-9a-f]{12}-k[0-9a-f]{8}", a.rules_version)


def test_freshness_competition_clarity() -> None:
    fresh = score(posting(posted_at=NOW - timedelta(minutes=20), proposals_min=0, proposals_max=5))
    stale = score(posting(posted_at=NOW - timedelta(days=20), proposals_min=50, interviewing=5))
    assert fresh.total > stale.total
    comp = next(f for f in stale.factors if f.name == "Competition")
    assert comp.points == 0 and "5 interviewing" in comp.reason
    vague = score(posting(description="Need a website."))
    clarity = next(f for f in vague.factors if f.name == "Clarity")
    assert clarity.points == 0


def test_experience_level_not_accepted() -> None:
    level = next(
        f
        for f in score(posting(experience_level=ExperienceLevel.ENTRY)).factors
        if f.name == "Level and category"
    )
    assert level.points == -5


def test_scorer_matches_score_posting() -> None:
    scorer = Scorer(PROFILE, load_rules(), load_synonyms())
    assert scorer.score(posting(), NOW).total == score(posting()).total


def test_real_postings_rarely_get_a_critical_flag() -> None:
    """The shared postings are legitimate jobs: at most 1 in 20 may get a critical flag."""
    real_postings = real_postings_or_skip()
    profile = default_profile("Dev", "Python developer", ["Python", "API Integration"], 40.0)
    scorer = Scorer.for_profile(profile)
    results = [scorer.score(f, NOW) for f in real_postings]
    critical = sum(1 for r in results if r.critical_flags)
    assert len(results) > 50
    assert critical / len(results) <= 1 / 20, [
        (f.title, [fl.evidence for fl in r.flags])
        for f, r in zip(real_postings, results, strict=True)
        if r.critical_flags
    ]
    assert Verdict.MAYBE in {r.verdict for r in results}  # not everything is skipped


def test_client_age_reads_as_words() -> None:
    """ "member for 1 year", not "member 1 years"."""
    today = NOW.date()

    def said(days: int) -> str:
        facts = posting(client_member_since=today - timedelta(days=days))
        return next(f for f in score(facts).factors if f.name == "Client").reason

    assert "new member" in said(100)
    assert "member for 1 year;" in said(400) or said(400).endswith("member for 1 year.")
    assert "member for 3 years" in said(3 * 365 + 10)
    assert "years" not in said(400)


def test_a_posting_read_once_for_several_profiles_scores_as_alone(monkeypatch) -> None:
    """Rescoring reads a posting's text once for every profile (``score_batch``) and
    the rules' findings are kept with it: each profile's card is the one it gets
    alone, whatever its rule switches and weights."""
    from sqlalchemy.dialects import sqlite

    from app.profiles import RuleOverride
    from app.scoring import service
    from app.scoring.rules import PostingText, posting_text
    from app.storage.scores import BulkCards
    from tests.test_rules import CASES

    samples = [bad for _, bad, _ in CASES] + real_postings_or_skip()
    rules = load_rules()
    shop = dict(PROFILE.__dict__)
    louder = ProfileSpec(
        **{**shop, "name": "Louder", "rules": {CASES[0][0]: RuleOverride(weight=3.0)}}
    )
    quieter = ProfileSpec(
        **{**shop, "name": "Quieter", "rules": {CASES[-1][0]: RuleOverride(enabled=False)}}
    )
    scorers = [Scorer.for_profile(p) for p in (PROFILE, louder, quieter)]
    assert len({id(s.rules.gate.hints) for s in scorers}) == 3  # three rule sets
    alone = [[s.score(f, NOW) for s in scorers] for f in samples]
    shared = []
    for f in samples:
        text = posting_text(f).keep_findings()
        shared.append([s.score(f, NOW, text=text) for s in scorers])
    assert shared == alone
    assert any(a[0].flags != a[1].flags for a in alone)  # the weights show in the cards
    assert any(a[0].flags != a[2].flags for a in alone)  # and the switch
    assert {r.id for r in rules.rules} >= {CASES[0][0], CASES[-1][0]}

    read = []

    def reading(facts: PostingFacts) -> PostingText:
        read.append(facts)
        return posting_text(facts)

    monkeypatch.setattr(service, "posting_text", reading)
    bulk = BulkCards(sqlite.dialect(), NOW)
    monkeypatch.setattr(bulk, "card", lambda job, profile, result: (job, profile, result))
    batch = list(enumerate(samples))
    cards = service.score_batch(bulk, batch, list(enumerate(scorers)))
    assert len(read) == len(samples)  # one reading of each posting for three profiles
    assert [c[2] for c in cards] == [card for row in alone for card in row]
