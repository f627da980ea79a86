"""The score card: is this posting worth my Connects? Pure and deterministic.

``score_posting(facts, profile, rules, now=...)`` adds up factors (skills,
budget, client, competition, freshness, clarity, keywords, level, Connects
cost) and subtracts red flags, each with a reason a person can check. A
critical flag caps the score below "maybe", whatever else the posting has
going for it: a "Payment verified" badge never makes a scam safe.

For many postings build a :class:`Scorer` once per profile and call
:meth:`Scorer.score` for each.
"""

from __future__ import annotations

import hashlib
import operator
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any, NamedTuple

from app.domain import BudgetType, PostingFacts, Severity, Verdict
from app.profiles import ProfileSpec
from app.scoring.relevance import Relevance, RelevanceMatcher
from app.scoring.rules import (
    Flag,
    PostingText,
    RuleSet,
    find_flags,
    load_rules,
    posting_fields,
    posting_text,
)
from app.scoring.skills import (
    SynonymTable,
    load_synonyms,
    synonyms_path,
)
from app.scoring.win_chance import CalibratedRate, WinChance, estimate_win_chance

#: bump when the scoring arithmetic changes (stored cards then count as stale)
SCORER_VERSION = "3"
#: Connects a posting is assumed to cost when the posting does not say
DEFAULT_CONNECTS = 8
#: hours and weeks assumed for an hourly job whose duration/hours are not shown
DEFAULT_HOURS_PER_WEEK = 10
DEFAULT_WEEKS = 4

SKILLS_MAX = 35
#: relevance below this share costs points: a job that is not yours should not ride
#: on its budget and client into Maybe (calibrated on shared/data, docs/scoring.md)
SKILLS_NEUTRAL_SHARE = 0.25
SKILLS_SPAN = round(SKILLS_MAX / (1 - SKILLS_NEUTRAL_SHARE))
BUDGET_MAX = 20
CLIENT_MAX = 20
COMPETITION_MAX = 10
FRESHNESS_MAX = 5
CLARITY_MAX = 10
KEYWORDS_MAX = 5

#: words that name concrete deliverables (looked up in the posting's set of words)
DELIVERABLE_WORDS = frozenset(
    {
        "deliverable",
        "deliverables",
        "milestone",
        "milestones",
        "requirement",
        "requirements",
        "scope",
        "acceptance",
        "responsibilities",
        "deadline",
        "tasks",
    }
)
#: bullets and numbered items, as they survive copy-paste ("- x", "* x", "1. x", "1) x")
BULLET_MARKS = (" - ", "\n- ", "\n* ", "• ", "1. ", "1) ")


class Factor(NamedTuple):
    """One part of a score: its name, its points and why (a posting gets about ten:
    a named tuple, immutable and about three times quicker to make than a frozen
    dataclass, which counts in a rescore of many postings)."""

    name: str
    points: int
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "points": self.points, "reason": self.reason}


#: a factor's points (a C-level getter: summed for every posting)
_points = operator.itemgetter(1)


class ScoreResult(NamedTuple):
    """One posting scored against one profile (a named tuple, as :class:`Factor`: made
    for every posting scored, and a frozen dataclass of eleven fields takes about four
    times as long to make, a few per cent of a rescore)."""

    total: int
    verdict: Verdict
    factors: list[Factor]
    flags: list[Flag]
    matched_skills: list[str]
    missing_skills: list[str]
    win_chance: WinChance
    job_value: float | None
    connects: int
    value_per_connect: float | None
    rules_version: str

    @property
    def critical_flags(self) -> int:
        return sum(1 for f in self.flags if f.severity is Severity.CRITICAL)

    def to_json(self) -> dict[str, Any]:
        """The ``pwb score --json`` object: exactly the contract keys."""
        return {
            "total": self.total,
            "verdict": self.verdict.value,
            "factors": [f.to_json() for f in self.factors],
            "flags": [
                {"rule": f.rule, "severity": f.severity.value, "evidence": f.evidence}
                for f in self.flags
            ],
            "matched_skills": list(self.matched_skills),
            "missing_skills": list(self.missing_skills),
            "value_per_connect": self.value_per_connect,
        }


def rules_version(rules: RuleSet, synonyms_digest: str = "") -> str:
    """What stored cards were computed with: scorer version + rules (+ synonyms) digest."""
    return f"s{SCORER_VERSION}-r{rules.digest}" + (
        f"-k{synonyms_digest}" if synonyms_digest else ""
    )


def current_rules_version() -> str:
    """The version of the shipped rules and synonyms with this scorer."""
    return rules_version(load_rules(), _file_digest(synonyms_path()))


def _file_digest(path: Any) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:8]


@dataclass
class Scorer:
    """A profile, its rules and thresholds, prepared once to score many postings."""

    profile: ProfileSpec
    rules: RuleSet
    synonyms: SynonymTable
    apply_threshold: int = 70
    maybe_threshold: int = 45
    win_rates: Mapping[str, CalibratedRate] | None = None
    version: str = ""
    relevance: RelevanceMatcher = field(init=False)

    def __post_init__(self) -> None:
        self.rules = self.rules.with_overrides(self.profile.rules)
        self.relevance = RelevanceMatcher(self.profile, self.synonyms)
        self._include = _keyword_pattern(self.profile.include_keywords)
        self._exclude = _keyword_pattern(self.profile.exclude_keywords)
        self._levels = {lvl.lower() for lvl in self.profile.experience_levels}
        self._categories = {c.lower() for c in self.profile.preferred_categories}
        self._excluded_countries = {c.lower() for c in self.profile.client.excluded_countries}
        if not self.version:
            self.version = rules_version(self.rules)

    @classmethod
    def for_profile(
        cls,
        profile: ProfileSpec,
        *,
        apply_threshold: int = 70,
        maybe_threshold: int = 45,
        win_rates: Mapping[str, CalibratedRate] | None = None,
    ) -> Scorer:
        """A scorer with the shipped rules and synonyms."""
        return cls(
            profile,
            load_rules(),
            load_synonyms(),
            apply_threshold,
            maybe_threshold,
            win_rates,
            current_rules_version(),
        )

    def score(
        self,
        facts: PostingFacts,
        now: datetime,
        earlier: Any = None,
        *,
        text: PostingText | None = None,
    ) -> ScoreResult:
        """The score card of one posting, as of ``now``; ``earlier``: the posting of the
        same client it repeats, if any (:func:`app.scoring.reposts.find_reposts`);
        ``text``: the posting's :func:`posting_text`, when it is scored for several
        profiles in turn (read once; what the rules found in it is kept there too)."""
        text = text or posting_text(facts)
        fields = posting_fields(facts, now, text, earlier)
        flags = find_flags(self.rules, facts, fields, now=now, text=text)
        match = self.relevance.assess(facts.skills, text)
        factors = self._factors(facts, text, fields, match, flags)
        value = job_value(facts)
        connects = facts.connects_required or DEFAULT_CONNECTS
        cost_points = -round(max(0, connects - 4) / 2)
        total = max(0, min(100, sum(map(_points, factors)) + cost_points))
        unsure = self._not_enough(match, flags, total)
        if unsure is not None:
            total += unsure.points
        cap = self._critical_cap(flags, total)
        if cap is not None:
            total += cap.points
        win = estimate_win_chance(total, self.win_rates)
        per_connect = round(win.probability * value / connects, 2) if value else None
        factors.append(self._cost(facts, connects, cost_points, win, value, per_connect))
        if unsure is not None:
            factors.append(unsure)
        if cap is not None:
            factors.append(cap)
        return ScoreResult(  # positional: keywords cost more than the tuple
            total,
            self.verdict(total),
            factors,
            flags,
            match.matched,
            match.missing,
            win,
            value,
            connects,
            per_connect,
            self.version,
        )

    def _factors(
        self,
        facts: PostingFacts,
        text: PostingText,
        fields: Mapping[str, Any],
        match: Relevance,
        flags: list[Flag],
    ) -> list[Factor]:
        factors = [
            self._skills(match),
            self._budget(facts),
            self._client(facts, fields),
            _competition(facts),
            _freshness(fields.get("age_hours")),
            _clarity(text),
            self._keywords(text),
            self._level(facts),
        ]
        if flags:
            factors.append(_flags_factor(flags))
        return factors

    def _critical_cap(self, flags: list[Flag], total: int) -> Factor | None:
        """With a critical flag the score stays below Maybe: the points that takes off."""
        ceiling = max(0, self.maybe_threshold - 1)
        if total <= ceiling or not any(f.severity is Severity.CRITICAL for f in flags):
            return None
        return Factor(
            "Critical flag cap",
            ceiling - total,
            "A critical red flag keeps the score below Maybe, whatever the client's "
            "badges (payment verified proves nothing about the job).",
        )

    def verdict(self, total: int) -> Verdict:
        if total >= self.apply_threshold:
            return Verdict.APPLY
        if total >= self.maybe_threshold:
            return Verdict.MAYBE
        return Verdict.SKIP

    # -- factors that depend on the profile ------------------------------------

    def _skills(self, match: Relevance) -> Factor:
        if not self.profile.skills:
            return Factor("Skills", 0, "Your profile lists no skills, so none can match.")
        points = round(SKILLS_SPAN * (match.share - SKILLS_NEUTRAL_SHARE))
        return Factor("Skills", min(SKILLS_MAX, points), match.reason)

    def _not_enough(self, match: Relevance, flags: list[Flag], total: int) -> Factor | None:
        """A posting of a few words is a Maybe to read yourself, not a confident verdict.

        Only when something of yours is in it and nothing you do not do: a short
        posting about the wrong thing stays a Skip; a critical flag still caps it.
        """
        if not match.thin or any(f.severity is Severity.CRITICAL for f in flags):
            return None
        if match.share <= 0 or match.avoided:
            return None
        if total >= self.apply_threshold:
            target = self.apply_threshold - 1
        elif total < self.maybe_threshold:
            target = self.maybe_threshold
        else:
            target = total
        return Factor(
            "Not enough to judge",
            target - total,
            f"Only {match.words} words: a Maybe to read yourself, not a confident verdict.",
        )

    def _budget(self, facts: PostingFacts) -> Factor:
        if facts.budget_type is BudgetType.HOURLY or (
            facts.budget_type is None and (facts.hourly_min or facts.hourly_max)
        ):
            return self._hourly(facts)
        if facts.fixed_budget:
            return self._fixed(facts)
        return Factor("Budget", 8, "The budget is not shown.")

    def _hourly(self, facts: PostingFacts) -> Factor:
        low = facts.hourly_min or facts.hourly_max
        high = facts.hourly_max or facts.hourly_min
        if not low or not high:
            return Factor("Budget", 10, "Hourly, but no rate is shown.")
        shown = f"${low:g}–${high:g}/h" if low != high else f"${low:g}/h"
        length = _length_words(facts)
        rate = self.profile.min_hourly_rate
        if not rate:
            return Factor("Budget", 14, f"Pays {shown}{length}; you set no minimum rate.")
        if low >= rate:
            return Factor(
                "Budget", BUDGET_MAX, f"Pays {shown}{length}, at or above your ${rate:g}/h."
            )
        if high >= rate:
            return Factor("Budget", 14, f"Pays {shown}{length}; the top reaches your ${rate:g}/h.")
        points = round(10 * max(0.0, (high / rate - 0.5) / 0.5))
        return Factor("Budget", points, f"Pays at most {shown}{length}, below your ${rate:g}/h.")

    def _fixed(self, facts: PostingFacts) -> Factor:
        budget = facts.fixed_budget or 0.0
        wanted = self.profile.min_fixed_budget
        points = BUDGET_MAX
        reason = f"Fixed price ${budget:,.0f}"
        if wanted:
            ratio = budget / wanted
            if ratio < 1:
                points = round(BUDGET_MAX * max(0.0, (ratio - 0.25) / 0.75))
                reason += f", below your ${wanted:,.0f} minimum"
            else:
                reason += f", at or above your ${wanted:,.0f} minimum"
        weeks = duration_weeks(facts.duration)
        rate = self.profile.min_hourly_rate
        if weeks and weeks >= 8 and rate and budget < rate * DEFAULT_HOURS_PER_WEEK * weeks / 4:
            points //= 2
            reason += f"; spread over about {weeks} weeks that is ${budget / weeks:,.0f} a week"
        return Factor("Budget", points, reason + ".")

    def _client(self, facts: PostingFacts, fields: Mapping[str, Any]) -> Factor:
        c = facts.client
        points, said = _client_quality(facts, fields.get("client.member_days"))
        crit = self.profile.client
        if crit.payment_verified_required and c.payment_verified is False:
            points -= 10
            said.append("you require a verified payment method")
        if crit.min_rating and c.rating and c.rating < crit.min_rating:
            points -= 5
            said.append(f"below your {crit.min_rating:g} minimum rating")
        if (
            crit.min_total_spent
            and c.total_spent is not None
            and c.total_spent < crit.min_total_spent
        ):
            points -= 4
            said.append(f"spent less than your ${crit.min_total_spent:,.0f} minimum")
        if crit.min_hire_rate and c.hire_rate is not None and c.hire_rate < crit.min_hire_rate:
            points -= 4
            said.append(f"hire rate below your {crit.min_hire_rate:g}%")
        if c.country and c.country.lower() in self._excluded_countries:
            points -= 40
            said.append(f"{c.country} is on your excluded list")
        reason = "; ".join(said) if said else "No client details shown"
        return Factor("Client", points, reason[:1].upper() + reason[1:] + ".")

    def _keywords(self, text: PostingText) -> Factor:
        if not self._include and not self._exclude:
            return Factor("Keywords", 0, "You set no include or exclude keywords.")
        wanted = _found(self._include, text)
        unwanted = _found(self._exclude, text)
        points = min(KEYWORDS_MAX, 2 * len(wanted)) - min(30, 15 * len(unwanted))
        parts = []
        if wanted:
            parts.append(f"mentions {', '.join(wanted)}")
        if unwanted:
            parts.append(f"mentions excluded {', '.join(unwanted)}")
        reason = "; ".join(parts) if parts else "none of your keywords appear"
        return Factor("Keywords", points, reason[:1].upper() + reason[1:] + ".")

    def _level(self, facts: PostingFacts) -> Factor:
        points, said = 0, []
        level = facts.experience_level
        if level is not None and self._levels:
            name = level._value_  # an enum's plain value (``.value`` is a slow descriptor)
            if name in self._levels:
                points += 3
                said.append(f"{name} level, which you accept")
            else:
                points -= 5
                said.append(f"{name} level, which you do not take")
        if facts.category and facts.category.lower() in self._categories:
            points += 2
            said.append(f"{facts.category} is a preferred category")
        reason = "; ".join(said) if said else "Level and category not shown or not set"
        return Factor("Level and category", points, reason[:1].upper() + reason[1:] + ".")

    def _cost(
        self,
        facts: PostingFacts,
        connects: int,
        points: int,
        win: WinChance,
        value: float | None,
        per_connect: float | None,
    ) -> Factor:
        price = self.profile.connect_price_usd
        shown = "" if facts.connects_required else f" (not shown; {DEFAULT_CONNECTS} assumed)"
        reason = f"Costs {connects} Connects{shown}, ${connects * price:.2f}"
        if value and per_connect is not None:
            reason += (
                f"; win chance {win.probability:.1%} ({win.explanation}) × job value "
                f"${value:,.0f} ÷ {connects} Connects = ${per_connect:,.2f} per Connect"
            )
        else:
            reason += "; job value unknown, so no value per Connect"
        return Factor("Connects cost", points, reason + ".")


def score_posting(
    facts: PostingFacts,
    profile: ProfileSpec,
    rules: RuleSet | None = None,
    *,
    now: datetime,
    apply_threshold: int = 70,
    maybe_threshold: int = 45,
    synonyms: SynonymTable | None = None,
    win_rates: Mapping[str, CalibratedRate] | None = None,
) -> ScoreResult:
    """Score one posting (for many, build a :class:`Scorer` once)."""
    if rules is None and synonyms is None:
        scorer = Scorer.for_profile(
            profile,
            apply_threshold=apply_threshold,
            maybe_threshold=maybe_threshold,
            win_rates=win_rates,
        )
    else:
        scorer = Scorer(
            profile,
            rules or load_rules(),
            synonyms or load_synonyms(),
            apply_threshold,
            maybe_threshold,
            win_rates,
        )
    return scorer.score(facts, now)


# -- factors that need only the posting ----------------------------------------------


@lru_cache(maxsize=256)  # postings repeat a handful of wordings
def duration_weeks(duration: str | None) -> int | None:
    """Upwork's duration wording in weeks: "1 to 3 months" -> 8."""
    if not duration:
        return None
    text = duration.lower()
    for words, weeks in (
        ("more than 6", 30),
        ("3 to 6", 18),
        ("1 to 3", 8),
        ("less than 1 month", 3),
        ("less than a month", 3),
        ("less than 1 week", 1),
    ):
        if words in text:
            return weeks
    return None


def hours_per_week(text: str | None) -> int:
    if text and "30+" in text:
        return 30
    return DEFAULT_HOURS_PER_WEEK


def job_value(facts: PostingFacts) -> float | None:
    """What the job is worth in USD: the fixed budget, or rate × hours × weeks."""
    if facts.budget_type is BudgetType.FIXED or (facts.budget_type is None and facts.fixed_budget):
        return facts.fixed_budget or None
    low, high = facts.hourly_min or facts.hourly_max, facts.hourly_max or facts.hourly_min
    if not low or not high:
        return None
    weeks = duration_weeks(facts.duration) or DEFAULT_WEEKS
    return (low + high) / 2 * hours_per_week(facts.hours_per_week) * weeks


def _length_words(facts: PostingFacts) -> str:
    weeks = duration_weeks(facts.duration)
    value = job_value(facts)
    if not weeks or not value:
        return ""
    return f" for about {weeks} weeks (≈${value:,.0f} in all)"


def _client_quality(facts: PostingFacts, member_days: int | None) -> tuple[int, list[str]]:
    c = facts.client
    points, said = 0, []
    if c.payment_verified is True:
        points += 6
        said.append("payment verified")
    elif c.payment_verified is False:
        said.append("payment not verified")
    else:
        points += 3
    if c.rating:
        points += 4 if c.rating >= 4.7 else 3 if c.rating >= 4.3 else 2 if c.rating >= 4 else 0
        said.append(f"rated {c.rating:g}" + (f" ({c.reviews} reviews)" if c.reviews else ""))
    else:
        points += 2
    if c.total_spent is not None:
        spent = c.total_spent
        points += 4 if spent >= 10_000 else 3 if spent >= 1_000 else 1 if spent > 0 else 0
        said.append(f"${spent:,.0f} spent")
    else:
        points += 2
    if c.hire_rate is not None:
        points += 3 if c.hire_rate >= 70 else 2 if c.hire_rate >= 40 else 0
        said.append(f"{c.hire_rate:g}% hire rate")
    else:
        points += 1
    if c.jobs_posted is not None:
        said.append(f"{c.jobs_posted} jobs posted")
    if c.hires:
        points += 1 if c.hires >= 5 else 0
    if member_days is not None:
        points += 2 if member_days >= 365 else 1 if member_days >= 90 else 0
        years = member_days // 365
        said.append(
            "new member"
            if years < 1
            else "member for 1 year"
            if years == 1
            else f"member for {years} years"
        )
    else:
        points += 1
    return min(CLIENT_MAX, points), said


def _competition(facts: PostingFacts) -> Factor:
    low = facts.proposals_min
    if low is None:
        points, reason = 6, "Number of proposals not shown"
    else:
        points = 10 if low < 5 else 8 if low < 10 else 6 if low < 15 else 5 if low < 20 else 3
        points = 0 if low >= 50 else points
        top = facts.proposals_max
        reason = f"{low}+ proposals" if top is None else f"{low} to {top} proposals"
    if facts.interviewing:
        points -= min(4, facts.interviewing)
        reason += f", {facts.interviewing} interviewing"
    if facts.invites_sent:
        points -= min(2, facts.invites_sent // 3)
        reason += f", {facts.invites_sent} invites sent"
    return Factor("Competition", max(0, points), reason + ".")


def _freshness(age_hours: float | None) -> Factor:
    if age_hours is None:
        return Factor("Freshness", 3, "Posting time not shown.")
    steps = ((6, 5), (24, 4), (72, 3), (168, 2), (336, 1))
    points = next((p for limit, p in steps if age_hours < limit), 0)
    if age_hours < 48:
        age = f"{max(0, round(age_hours))} hours ago"
    else:
        age = f"{round(age_hours / 24)} days ago"
    return Factor("Freshness", points, f"Posted {age}.")


def _clarity(text: PostingText) -> Factor:
    words = len(text.description_words)
    points = 0 if words < 15 else 3 if words < 40 else 6 if words < 100 else 8
    concrete = not DELIVERABLE_WORDS.isdisjoint(text.words)
    if not concrete:  # two bullets or numbered items (counted until there are two)
        lowered = text.lower_description
        marks = 0
        for mark in BULLET_MARKS:
            if mark in lowered:
                marks += lowered.count(mark)
                if marks >= 2:
                    concrete = True
                    break
    reason = f"{words} words"
    if concrete and words >= 15:
        points += 2
        reason += " with concrete deliverables"
    elif words >= 15:
        reason += "; no concrete deliverables named"
    return Factor("Clarity", min(CLARITY_MAX, points), reason[:1].upper() + reason[1:] + ".")


def _flags_factor(flags: list[Flag]) -> Factor:
    lost = round(sum(f.points for f in flags))
    names = ", ".join(f"{f.title} ({f.severity._value_})" for f in flags)
    return Factor("Red flags", -lost, names + ".")


def _keyword_pattern(words: list[str]) -> list[tuple[str, re.Pattern[str]]]:
    """Each keyword, lower-cased, with a whole-word pattern to confirm a find."""
    out = []
    for word in dict.fromkeys(w.strip().lower() for w in words if w.strip()):
        out.append((word, re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")))
    return out


def _found(keywords: list[tuple[str, re.Pattern[str]]], text: PostingText) -> list[str]:
    """The keywords that appear in the posting as whole words."""
    found = []
    for word, pattern in keywords:
        if word in text.words:
            found.append(word)
            continue
        if word.isalnum():
            continue  # a plain word is in the word set or not in the text at all
        for lowered in (text.lower_title, text.lower_description):
            if word in lowered and pattern.search(lowered):
                found.append(word)
                break
    return found
