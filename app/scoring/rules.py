"""Red-flag rules as data: load ``resources/rules/red_flags.toml`` and apply it.

A rule fires when all its parts hold: its field conditions (facts of the
posting) and, if it has patterns, a pattern match in the title or the
description that is not a near miss (see ``guard_before`` / ``guard_after`` /
``ignore`` in the rules file). A rule that cannot be read (an invalid pattern,
an unknown key) is reported and skipped; the others still run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import operator
import re
import string
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.domain import PostingFacts, Severity
from app.errors import InputError
from app.limits import load_toml
from app.parsing.rest import rest_of
from app.paths import resources_dir
from app.profiles import RuleOverride

log = logging.getLogger("pwb.scoring")

#: how far before / after a match the guards look (within the same sentence)
GUARD_WINDOW = 60

_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}
FIELDS = (
    "title_words",
    "description_words",
    "age_hours",
    "budget_type",
    "fixed_budget",
    "hourly_min",
    "hourly_max",
    "experience_level",
    "proposals_min",
    "proposals_max",
    "interviewing",
    "invites_sent",
    "unanswered_invites",
    "connects_required",
    "client.payment_verified",
    "client.rating",
    "client.reviews",
    "client.total_spent",
    "client.hires",
    "client.jobs_posted",
    "client.hire_rate",
    "client.open_jobs",
    "client.member_days",
    "repost_days",
)
_RULE_KEYS = {
    "id",
    "severity",
    "title",
    "points",
    "explain",
    "patterns",
    "hint",
    "guard_before",
    "guard_after",
    "ignore",
    "conditions",
    "any",
    "examples",
    "near_misses",
    "reach",
    "concept",
}
#: the keys of a ``[[rule.concept]]``
_CONCEPT_KEYS = {"words", "guard"}
#: a shared near-miss fragment named in a guard or ``ignore``: ``(?&name)``, the way
#: PCRE calls a named group. Python's ``re`` rejects it, so expanding it never changes
#: what a valid pattern means.
_FRAGMENT_CALL = re.compile(r"(?<!\\)\(\?&([^()]*)\)")
_FRAGMENT_NAME = re.compile(r"[a-z][a-z0-9-]*")


def rules_path() -> Path:
    return resources_dir() / "rules" / "red_flags.toml"


@dataclass(frozen=True)
class Condition:
    field: str
    op: str
    value: Any
    compare: Callable[[Any, Any], bool] = dataclasses.field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compare", _OPS[self.op])

    def holds(self, fields: Mapping[str, Any]) -> bool:
        actual = fields.get(self.field)
        if actual is None:
            return False
        try:
            return bool(self.compare(actual, self.value))
        except TypeError:
            return False

    def evidence(self, fields: Mapping[str, Any]) -> str:
        return f"{self.field}={_show(fields.get(self.field))}"


@dataclass(frozen=True)
class WordGroup:
    """One group of a concept: a sentence has it when it has one of these."""

    #: whole words ("fee")
    words: frozenset[str] = frozenset()
    #: word beginnings ("certif*": certificate, certification, certified)
    prefixes: tuple[str, ...] = ()
    #: phrases of several words ("log in"), as their words joined by one space
    phrases: tuple[str, ...] = ()
    #: symbols and strings looked for anywhere ("$", "tg:")
    marks: tuple[str, ...] = ()
    #: the words and, of each phrase, its rarest word: a text without any of them has
    #: none of the words or phrases
    keys: frozenset[str] = frozenset()
    #: the word beginnings and the symbols: looked for anywhere in the posting
    anywhere: tuple[str, ...] = ()
    #: per rarest word of a phrase, its phrases with a space either side (looked for in
    #: a sentence's words joined by spaces)
    phrases_by_key: Mapping[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    #: the word beginnings after a space (where a word begins in the spaced words)
    spaced_prefixes: tuple[str, ...] = ()

    def may_be_in(self, text: PostingText) -> bool:
        """Whether the posting can have the group (never False when it has)."""
        if not (self.keys.isdisjoint(text.words) and self.keys.isdisjoint(text.pasted_set)):
            return True
        return any(text.has_mark(m) for m in self.anywhere)

    def in_sentence(self, words: set[str], spaced: str, lowered: str) -> bool:
        """Whether a sentence (its words, the words joined by spaces with a space either
        side, its text) has the group."""
        if not self.words.isdisjoint(words):
            return True
        if self.phrases_by_key:
            for key in self.phrases_by_key.keys() & words:
                for phrase in self.phrases_by_key[key]:
                    if phrase in spaced:
                        return True
        for prefix in self.spaced_prefixes:
            if prefix in spaced:
                return True
        return any(mark in lowered for mark in self.marks)


@dataclass(frozen=True)
class Concept:
    """Words that must meet in one sentence, a word of each group: who, does what, to
    what ("you" + "must" + "buy" + "kit"). A new wording of the same idea has the same
    kinds of words, where a pattern wants them in one order. ``guard``: a sentence where
    it matches is a near miss ("we pay", "our customers"). The first group is where
    sentences are looked for (and what opens the rule): its words should be the rarest."""

    groups: tuple[WordGroup, ...]
    guard: re.Pattern[str] | None = None

    def may_meet(self, text: PostingText) -> bool:
        """Whether every group is somewhere in the posting (else no sentence has them);
        found once per posting (kept in ``text.met``)."""
        met = text.met.get(id(self))
        if met is None:
            met = text.met[id(self)] = all(group.may_be_in(text) for group in self.groups)
        return met


@dataclass(frozen=True)
class Rule:
    """One red-flag rule, compiled."""

    id: str
    severity: Severity
    title: str
    points: float
    explain: str = ""
    patterns: tuple[re.Pattern[str], ...] = ()
    #: the patterns for the lower-cased text (see :func:`_for_lowered`) ...
    lowered_patterns: tuple[re.Pattern[str], ...] = ()
    #: ... and which of them had their leading ``\\b`` taken off (checked by hand)
    lowered_bounded: tuple[bool, ...] = ()
    #: per lowered pattern, strings every match contains one of (:func:`_required_literals`):
    #: a text or window without any of them is not searched
    lowered_required: tuple[tuple[str, ...], ...] = ()
    #: all of those strings, each once
    lowered_needs: tuple[str, ...] = ()
    #: per string of ``lowered_needs``, the patterns that need it (their positions; a
    #: window has few of those strings: looked up by them) ...
    lowered_needers: Mapping[str, tuple[int, ...]] = dataclasses.field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    #: ... and the patterns no needed string filters (none known, or their start words)
    lowered_unfiltered: tuple[int, ...] = ()
    #: per lowered pattern, the words every match begins with (:func:`_match_starts`)
    lowered_starts: tuple[tuple[str, ...], ...] = ()
    hint: tuple[str, ...] = ()
    #: the hints that are words (checked against the posting's word set) ...
    hint_words: frozenset[str] = frozenset()
    #: ... phrases, as their words and the phrase (looked for in the spaced text) ...
    hint_phrases: tuple[tuple[frozenset[str], str], ...] = ()
    #: the first word of every phrase: when none is in the text, no phrase is
    hint_phrase_heads: frozenset[str] = frozenset()
    #: per rarest word of a phrase (where a window is put in the text), the phrases'
    #: words: looked up by the text's words, not tried phrase by phrase
    hint_phrase_anchors: Mapping[str, tuple[frozenset[str], ...]] = dataclasses.field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    #: ... and symbols like "@" or "+" (looked for anywhere in the text)
    hint_marks: tuple[str, ...] = ()
    guard_before: re.Pattern[str] | None = None
    guard_after: re.Pattern[str] | None = None
    ignore: re.Pattern[str] | None = None
    conditions: tuple[Condition, ...] = ()
    any: tuple[Condition, ...] = ()
    enabled: bool = True
    weight: float = 1.0
    #: postings it must flag and near misses it must not, as (text, facts): the tests run them
    #: how far a match may reach either side of its hint (characters)
    reach: int = 200
    examples: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    near_misses: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    #: ideas whose words must meet in one sentence (:class:`Concept`): tried where no
    #: pattern matched
    concepts: tuple[Concept, ...] = ()

    @property
    def weighted_points(self) -> float:
        return self.points * self.weight


@dataclass(frozen=True)
class Flag:
    """A rule that fired, with the exact evidence a person can check."""

    rule: str
    severity: Severity
    title: str
    evidence: str
    points: float
    #: where the evidence is: "description", "title", or a fact such as "client.rating"
    field: str
    start: int | None = None
    end: int | None = None
    #: the evidence in words a person reads ("hire rate 0 % of 5 jobs posted"); ``evidence``
    #: keeps the raw fact ("client.hire_rate=0; client.jobs_posted=5") for the JSON
    words: str = ""

    @property
    def shown(self) -> str:
        """What a person is shown: the words, else the quoted text."""
        return self.words or self.evidence

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity._value_,
            "title": self.title,
            "evidence": self.evidence,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "points": round(self.points, 1),
            "words": self.shown,
        }


#: words too common to file a phrase hint under (a phrase is filed under its rarest word)
_COMMON_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "i",
        "in",
        "is",
        "it",
        "me",
        "my",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "so",
        "that",
        "the",
        "this",
        "to",
        "us",
        "we",
        "will",
        "with",
        "you",
        "your",
        # and words most postings have, met in the phrase hints
        "all",
        "any",
        "apply",
        "business",
        "can",
        "do",
        "experience",
        "into",
        "like",
        "looking",
        "need",
        "projects",
        "skills",
        "someone",
        "their",
        "using",
        "work",
    ]
)


def _rarest_word(phrase: str, common: frozenset[str] = _COMMON_WORDS) -> str:
    """The rarest word of a phrase: its longest word that is not in ``common``, else its
    longest (a posting has "the" and "for" nearly always, "upwork" or "screen" seldom).
    A phrase hint is filed under it in the hint index, and a search window is put around
    it in the text: "in my name" is found around "name", not around every "in". A
    concept's phrase is looked for by it, with the everyday words as ``common``."""
    return max(phrase.split(), key=lambda w: (w not in common, len(w)))


class HintGate:
    """Every hinted pattern rule of a rule set, indexed by its hints: which of them can
    match a posting is found with one set intersection instead of a check per rule.

    One index holds both kinds of hint: a word names the rules it opens; a phrase is
    filed under its rarest word, so common words ("the", "for") cost nothing."""

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        #: every rule's hints, in order: what the rules a text opens depend on
        self.hints = tuple(rule.hint for rule in rules)
        words: dict[str, set[int]] = {}
        phrases: dict[str, list[tuple[int, frozenset[str], str]]] = {}
        marks: dict[str, set[int]] = {}
        concepts: dict[str, list[tuple[int, Concept]]] = {}
        for at, rule in enumerate(rules):
            for word in rule.hint_words:
                words.setdefault(word, set()).add(at)
            for phrase_words, phrase in rule.hint_phrases:
                phrases.setdefault(_rarest_word(phrase), []).append((at, phrase_words, phrase))
            for mark in rule.hint_marks:
                marks.setdefault(mark, set()).add(at)
            for concept in rule.concepts:  # a concept opens its rule by its first group's
                # words (not its symbols or word beginnings), when all its groups are here
                for key in concept.groups[0].keys:
                    concepts.setdefault(key, []).append((at, concept))
        #: word -> (the rules it opens, the phrases filed under it)
        self.index: dict[str, tuple[frozenset[int], tuple[tuple[int, frozenset[str], str], ...]]]
        self.index = {
            key: (frozenset(words.get(key, ())), tuple(phrases.get(key, ())))
            for key in (*words, *phrases)
        }
        self.marks = [(mark, frozenset(at)) for mark, at in marks.items()]
        self._keys = frozenset(self.index)
        #: word -> the (rule, concept) pairs whose first group has it
        self.concepts = {key: tuple(pairs) for key, pairs in concepts.items()}
        self._concept_keys = frozenset(self.concepts)
        #: (position, rule, gated, conditions): the enabled rules in order; gated ones need
        #: a hint; conditions as (field, compare, value), checked before anything else
        self.plan = tuple(
            (
                at,
                rule,
                bool(rule.patterns and rule.hint),
                tuple((c.field, c.compare, c.value) for c in rule.conditions),
            )
            for at, rule in enumerate(rules)
            if rule.enabled
        )
        #: the plan split: rules checked on every posting, and those a hint must open
        self.always = tuple(step for step in self.plan if not step[2])
        self.hinted = {step[0]: step for step in self.plan if step[2]}
        #: every pattern rule, switched on or not, as (position, rule, hinted, conditional):
        #: what :mod:`app.scoring.findings` searches and keeps
        self.pattern_rules = tuple(
            (at, rule, bool(rule.hint), bool(rule.conditions or rule.any))
            for at, rule in enumerate(rules)
            if rule.patterns
        )
        #: rule id -> its position
        self.position = {rule.id: at for at, rule in enumerate(rules)}
        #: of those, the ones without hints or conditions: searched on every posting
        self.unhinted = tuple(step for step in self.pattern_rules if not (step[2] or step[3]))

    def open_rules(self, text: PostingText) -> set[int]:
        """Positions of the hinted rules whose hints the posting has (see ``may_match``)."""
        found: set[int] = set()
        index = self.index
        for words in (text.words, text.pasted_set):  # the pasted set: lines not placed
            if not words:
                continue
            for key in self._keys & words:
                opened, phrases = index[key]
                if opened:
                    found |= opened
                for at, phrase_words, phrase in phrases:
                    if at not in found and phrase_words <= words and phrase in text.flat:
                        found.add(at)
        for mark, owners in self.marks:  # text.has_mark, inlined: this runs for every posting
            if not owners <= found and (
                mark in text.lower_description
                or mark in text.lower_title
                or mark in text.lower_pasted
            ):
                found |= owners
        if self._concept_keys:  # the concepts whose words are all in the posting
            checked: set[int] = set()  # each concept once
            for words in (text.words, text.pasted_set):
                for key in self._concept_keys & words:
                    for at, concept in self.concepts[key]:
                        if at not in found and id(concept) not in checked:
                            checked.add(id(concept))
                            if concept.may_meet(text):
                                found.add(at)
        return found


@dataclass(frozen=True)
class RuleSet:
    """The rules that loaded, what could not be loaded, and a version for stored cards."""

    rules: tuple[Rule, ...]
    problems: tuple[str, ...] = ()
    digest: str = ""
    gate: HintGate = dataclasses.field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "gate", HintGate(self.rules))

    @property
    def ids(self) -> set[str]:
        return {r.id for r in self.rules}

    def with_overrides(self, overrides: Mapping[str, RuleOverride]) -> RuleSet:
        """The rules with a profile's switches and weights applied."""
        if not overrides:
            return self
        rules = tuple(
            replace(r, enabled=overrides[r.id].enabled, weight=overrides[r.id].weight)
            if r.id in overrides
            else r
            for r in self.rules
        )
        return replace(self, rules=rules)


def parse_rules(text: str, source: str = "red_flags.toml") -> RuleSet:
    """Compile every rule; a rule that is wrong goes to ``problems``, the rest still load."""
    doc = load_toml(text, source)
    rules: list[Rule] = []
    fragments, problems = _fragments(doc.get("guards", {}), source)
    seen: set[str] = set()
    for index, raw in enumerate(doc.get("rule", [])):
        name = raw.get("id", f"#{index + 1}") if isinstance(raw, dict) else f"#{index + 1}"
        try:
            rule = _compile_rule(raw, fragments)
            if rule.id in seen:
                raise ValueError("the id is used twice")
        except (ValueError, TypeError, re.error) as exc:
            problems.append(f"{source}: rule {name!r} skipped: {exc}")
            log.warning("%s: rule %r skipped: %s", source, name, exc)
            continue
        seen.add(rule.id)
        rules.append(rule)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return RuleSet(tuple(rules), tuple(problems), digest)


def _fragments(value: Any, source: str) -> tuple[dict[str, str], list[str]]:
    """The ``[guards]`` table: named near-miss fragments (regular expressions) that a
    guard or ``ignore`` names as ``(?&name)``. One that cannot be read is a problem; a
    rule that names it is then skipped as naming an unknown fragment."""
    if not isinstance(value, dict):
        return {}, [f"{source}: [guards] skipped: it must be a table of name = '...'"]
    fragments: dict[str, str] = {}
    problems: list[str] = []
    for name, pattern in value.items():
        try:
            if not _FRAGMENT_NAME.fullmatch(name):
                raise ValueError("a name is lower-case letters, digits and '-'")
            if not isinstance(pattern, str):
                raise TypeError("it must be a string")
            if _FRAGMENT_CALL.search(pattern):
                raise ValueError("a fragment cannot name another fragment")
            _compile(pattern, "pattern")
        except (ValueError, TypeError) as exc:
            problems.append(f"{source}: guard fragment {name!r} skipped: {exc}")
            log.warning("%s: guard fragment %r skipped: %s", source, name, exc)
            continue
        fragments[name] = f"(?:{pattern})"
    return fragments, problems


def _compile_rule(raw: Any, fragments: Mapping[str, str] | None = None) -> Rule:
    if not isinstance(raw, dict):
        raise TypeError("a rule must be a table")
    unknown = sorted(set(raw) - _RULE_KEYS)
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r}")
    for key in ("id", "severity", "title", "points"):
        if key not in raw:
            raise ValueError(f"missing {key!r}")
    try:
        severity = Severity(raw["severity"])
    except ValueError:
        raise ValueError(
            f"severity must be info, warning or critical, not {raw['severity']!r}"
        ) from None
    patterns = tuple(_compile(p, "pattern") for p in _strings(raw.get("patterns", []), "patterns"))
    conditions = tuple(_condition(c) for c in raw.get("conditions", []))
    hints = tuple(h.lower() for h in _strings(raw.get("hint", []), "hint"))
    any_of = tuple(_condition(c) for c in raw.get("any", []))
    if not patterns and not conditions and not any_of:
        raise ValueError("has neither patterns nor conditions")
    if not isinstance(raw["points"], int | float) or isinstance(raw["points"], bool):
        raise TypeError("points must be a number")
    return Rule(
        id=str(raw["id"]),
        severity=severity,
        title=str(raw["title"]),
        points=float(raw["points"]),
        explain=str(raw.get("explain", "")),
        patterns=patterns,
        lowered_patterns=tuple(_for_lowered(p)[0] for p in patterns),
        lowered_bounded=tuple(_for_lowered(p)[1] for p in patterns),
        lowered_required=(
            required := tuple(_required_literals(_for_lowered(p)[0]) for p in patterns)
        ),
        lowered_starts=(starts := tuple(_match_starts(_for_lowered(p)[0]) for p in patterns)),
        # the needed strings, but not of a pattern whose needed strings are its start
        # words: it looks for those itself, so its windows are not searched twice
        lowered_needs=(
            all_needs := tuple(
                dict.fromkeys(
                    need
                    for needs, begins in zip(required, starts, strict=True)
                    if needs != begins
                    for need in needs
                )
            )
        ),
        lowered_unfiltered=tuple(
            at
            for at, (needs, begins) in enumerate(zip(required, starts, strict=True))
            if not needs or needs == begins
        ),
        lowered_needers={
            need: tuple(
                at
                for at, (needs, begins) in enumerate(zip(required, starts, strict=True))
                if needs != begins and need in needs
            )
            for need in all_needs
        },
        hint=hints,
        hint_words=frozenset(h for h in hints if _WORD_HINT.fullmatch(h)),
        hint_phrases=tuple(
            (frozenset(h.split()), h) for h in hints if _PHRASE_HINT.fullmatch(h) and " " in h
        ),
        hint_phrase_heads=frozenset(
            h.split()[0] for h in hints if _PHRASE_HINT.fullmatch(h) and " " in h
        ),
        hint_phrase_anchors=_anchors(h for h in hints if _PHRASE_HINT.fullmatch(h) and " " in h),
        hint_marks=tuple(h for h in hints if not _PHRASE_HINT.fullmatch(h)),
        guard_before=_optional(raw.get("guard_before"), "guard_before", fragments),
        guard_after=_optional(raw.get("guard_after"), "guard_after", fragments),
        ignore=_optional(raw.get("ignore"), "ignore", fragments),
        conditions=conditions,
        any=any_of,
        reach=_reach(raw.get("reach", HINT_REACH)),
        examples=_examples(raw.get("examples", []), "examples"),
        near_misses=_examples(raw.get("near_misses", []), "near_misses"),
        concepts=_concepts(raw.get("concept", []), bool(patterns), fragments),
    )


def _anchors(phrases: Iterable[str]) -> dict[str, tuple[frozenset[str], ...]]:
    """Phrase hints filed under their rarest word, as the sets of their words."""
    by_anchor: dict[str, list[frozenset[str]]] = {}
    for phrase in phrases:
        by_anchor.setdefault(_rarest_word(phrase), []).append(frozenset(phrase.split()))
    return {anchor: tuple(found) for anchor, found in by_anchor.items()}


#: words most postings have, besides :data:`_COMMON_WORDS`: a concept's phrase is not
#: looked for by them ("required to pay" is found by "pay", not by every "required")
_EVERYDAY_WORDS = _COMMON_WORDS | {
    # what is left of "don't", "won't", "isn't" ... in the words
    "aren",
    "didn",
    "doesn",
    "don",
    "haven",
    "isn",
    "t",
    "wasn",
    "weren",
    "won",
    "wouldn",
    "access",
    "after",
    "are",
    "asked",
    "back",
    "before",
    "best",
    "between",
    "code",
    "control",
    "cover",
    "each",
    "every",
    "expected",
    "files",
    "find",
    "first",
    "free",
    "front",
    "get",
    "has",
    "if",
    "know",
    "must",
    "once",
    "one",
    "only",
    "out",
    "over",
    "place",
    "platform",
    "remote",
    "required",
    "see",
    "service",
    "site",
    "starting",
    "take",
    "upwork",
    "use",
    "when",
    "without",
}


_MARK_ENTRY = re.compile(r"[^\w\s*]|_")


def _concepts(
    value: Any, has_patterns: bool, fragments: Mapping[str, str] | None = None
) -> tuple[Concept, ...]:
    """``[[rule.concept]]`` tables: ``words``, two groups or more of strings (a word,
    ``word*`` for its beginning, a phrase, or a symbol such as ``$``), and ``guard``."""
    if not isinstance(value, list):
        raise TypeError("concept must be a list of tables")
    if value and not has_patterns:
        raise ValueError("a rule with concepts needs patterns too")
    concepts = []
    for item in value:
        if not isinstance(item, dict) or set(item) - _CONCEPT_KEYS or "words" not in item:
            raise TypeError("a concept is {words = [[...], [...]], guard = '...'}")
        raw_groups = item["words"]
        if not isinstance(raw_groups, list) or len(raw_groups) < 2:
            raise TypeError("a concept's words are two groups or more")
        groups = tuple(_word_group(g) for g in raw_groups)
        if not groups[0].keys:
            raise ValueError("a concept's first group needs words (it opens the rule)")
        concepts.append(Concept(groups, _optional(item.get("guard"), "guard", fragments)))
    return tuple(concepts)


def _word_group(value: Any) -> WordGroup:
    entries = _strings(value, "a concept's words")
    if not entries or not all(e.strip() for e in entries):
        raise TypeError("a concept's group lists one string or more, none empty")
    words, prefixes, phrases, marks = set(), [], [], []
    for entry in (e.strip().lower() for e in entries):
        if entry.endswith("*") and _WORD_HINT.fullmatch(entry[:-1]):
            prefixes.append(entry[:-1])
        elif _WORD_HINT.fullmatch(entry):
            words.add(entry)
        elif _PHRASE_HINT.fullmatch(entry):
            phrases.append(" ".join(entry.split()))
        elif _MARK_ENTRY.search(entry):
            marks.append(entry)
        else:
            raise ValueError(f"a concept's word {entry!r} is neither a word nor a symbol")
    keys = frozenset(words) | {_rarest_word(phrase, _EVERYDAY_WORDS) for phrase in phrases}
    by_key: dict[str, list[str]] = {}
    for phrase in phrases:
        by_key.setdefault(_rarest_word(phrase, _EVERYDAY_WORDS), []).append(f" {phrase} ")
    return WordGroup(
        frozenset(words),
        tuple(prefixes),
        tuple(phrases),
        tuple(marks),
        keys,
        (*prefixes, *marks),
        {key: tuple(found) for key, found in by_key.items()},
        tuple(f" {prefix}" for prefix in prefixes),
    )


def _reach(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 20 <= value <= 2000:
        raise TypeError("reach must be a whole number of characters from 20 to 2000")
    return value


def _examples(value: Any, key: str) -> tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]:
    """Examples as (text, facts): a string is a description; a table is
    ``{text = "...", facts = {fixed_budget = 5, ...}}`` (facts of :class:`PostingFacts`)."""
    if not isinstance(value, list):
        raise TypeError(f"{key} must be a list")
    out: list[tuple[str, tuple[tuple[str, Any], ...]]] = []
    for item in value:
        if isinstance(item, str):
            out.append((item, ()))
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            facts = item.get("facts", {})
            if not isinstance(facts, dict) or set(item) - {"text", "facts"}:
                raise TypeError(f"{key}: an example is a string or {{text, facts}}")
            pair: tuple[str, tuple[tuple[str, Any], ...]] = (item["text"], tuple(facts.items()))
            out.append(pair)
        else:
            raise TypeError(f"{key}: an example is a string or {{text, facts}}")
    return tuple(out)


def _strings(value: Any, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"{key} must be a list of strings")
    return value


_UPPER_LITERAL = re.compile(r"(?<!\\)[A-Z]")


def _for_lowered(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], bool]:
    """The pattern for a lower-cased text: case-sensitive (much faster) unless it names
    an upper-case letter itself; and without a leading ``\\b``, which keeps Python's
    ``re`` from skipping ahead to where the first letter can match (the matcher checks the
    word boundary itself: :func:`_at_boundary`). True when it was taken off."""
    text = pattern.pattern
    if _UPPER_LITERAL.search(text):
        return pattern, False
    if text.startswith("\\b") and _starts_with_boundary(text):
        return re.compile(text[2:]), True
    return re.compile(text), False


def _starts_with_boundary(text: str) -> bool:
    """The pattern begins with ``\\b`` that applies to every match (no top-level ``|``)."""
    from re import _constants, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(text)
    return len(parsed.data) > 1 and parsed.data[0] == (_constants.AT, _constants.AT_BOUNDARY)


def _parsed(pattern: re.Pattern[str]) -> list[Any] | None:
    """The top-level parts of a case-sensitive pattern (None: case-insensitive)."""
    if pattern.flags & re.IGNORECASE:
        return None
    from re import _parser  # type: ignore[attr-defined]

    try:
        return list(_parser.parse(pattern.pattern, pattern.flags))
    except re.error:  # pragma: no cover - the pattern compiled, so it parses
        return None


def _starts(seq: list[Any]) -> set[str] | None:
    """The literal strings one of which begins every match of the parsed parts ``seq``
    (None: not known)."""
    from re import _constants  # type: ignore[attr-defined]

    run: list[str] = []
    for op, av in seq:
        if op is _constants.LITERAL:
            run.append(chr(av))
            continue
        if op is _constants.AT:  # \b, ^, $: zero width
            continue
        if run:
            break
        if op is _constants.SUBPATTERN:
            if av[1] & (re.IGNORECASE | re.VERBOSE):
                return None
            return _starts(list(av[3]))
        if op is _constants.BRANCH:
            found: set[str] = set()
            for alternative in av[1]:
                begins = _starts(list(alternative))
                if not begins:
                    return None
                found |= begins
            return found
        if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT) and av[0] >= 1:
            return _starts(list(av[2]))
        return None
    return {"".join(run)} if run else None


def _required_literals(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Strings one of which is in every match of ``pattern`` (a case-sensitive pattern),
    the smallest such set found; empty when none is known.

    Read from the parsed pattern: its top-level parts that every match must go
    through, a literal run ("gift") or a group whose every alternative starts with a
    literal ("(?:pay|purchase|buy)"). Of those, the set with the fewest strings (of at
    least three letters when there is one) is kept: looking for "check" in a text is
    much cheaper than a regex search over it."""
    from re import _constants  # type: ignore[attr-defined]

    items = _parsed(pattern)
    if items is None:
        return ()
    repeats = (_constants.MAX_REPEAT, _constants.MIN_REPEAT)
    groups: list[set[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is _constants.LITERAL:
            run.append(chr(av))
            continue
        if run:
            groups.append({"".join(run)})
            run = []
        if op is _constants.SUBPATTERN or op is _constants.BRANCH or (op in repeats and av[0] >= 1):
            begins = _starts([(op, av)])
            if begins:
                groups.append(begins)
    if not groups:
        return ()
    # fewest strings to look for (each is a scan of the text), then the longest
    usable = [g for g in groups if min(len(w) for w in g) >= 3] or [
        g for g in groups if min(len(w) for w in g) >= 2
    ]  # one letter is in every text: not worth looking for
    if not usable:
        return ()
    best = min(usable, key=lambda g: (len(g), -min(len(w) for w in g)))
    return tuple(sorted(best))


def _match_starts(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """The words one of which every match of ``pattern`` begins with, when they are
    several and none is short ("you", "candidate", "freelancer", ...): the matcher then
    tries the pattern only where one of them is (:func:`_first_from_starts`), instead of
    letting ``re`` try the alternation at every letter. Empty: search as usual."""
    items = _parsed(pattern)
    begins = _starts(items) if items is not None else None
    if not begins or len(begins) < 2 or len(begins) > 24:
        return ()  # one literal prefix: ``re`` finds it quickly by itself
    if any(len(b) < 3 for b in begins):
        return ()  # "a", "we": nearly everywhere
    return tuple(sorted(begins))


def _at_boundary(text: str, at: int) -> bool:
    """``\\b`` at ``at``: a word character on one side only."""
    before = at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_")
    after = at < len(text) and (text[at].isalnum() or text[at] == "_")
    return before != after


def _compile(pattern: str, what: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"invalid {what} {pattern[:40]!r}: {exc}") from None


def _optional(
    pattern: Any, key: str, fragments: Mapping[str, str] | None = None
) -> re.Pattern[str] | None:
    """A near-miss pattern (a guard, ``ignore``), its ``(?&name)`` fragments expanded."""
    if pattern is None:
        return None
    if not isinstance(pattern, str):
        raise TypeError(f"{key} must be a string")
    known = fragments or {}

    def expand(call: re.Match[str]) -> str:
        if call[1] not in known:
            raise ValueError(f"{key} names an unknown guard fragment {call[1]!r}")
        return known[call[1]]

    return _compile(_FRAGMENT_CALL.sub(expand, pattern), key)


def _condition(raw: Any) -> Condition:
    if not isinstance(raw, dict) or set(raw) != {"field", "op", "value"}:
        raise ValueError("a condition is {field, op, value}")
    if raw["field"] not in FIELDS:
        raise ValueError(f"unknown field {raw['field']!r}")
    if raw["op"] not in _OPS:
        raise ValueError(f"unknown op {raw['op']!r}")
    return Condition(raw["field"], raw["op"], raw["value"])


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> RuleSet:
    return parse_rules(Path(path).read_text(encoding="utf-8"), Path(path).name)


def load_rules(path: Path | None = None) -> RuleSet:
    """The shipped rule set (cached until the file changes)."""
    path = path or rules_path()
    try:
        return _load(str(path), path.stat().st_mtime)
    except OSError as exc:
        raise InputError(f"cannot read rules {path}: {exc.strerror}") from None


# -- applying -----------------------------------------------------------------


def posting_fields(
    facts: PostingFacts, now: datetime, text: PostingText | None = None, earlier: Any = None
) -> dict[str, Any]:
    """The facts a condition may name, derived once per posting; ``earlier`` is the
    posting of the same client this one repeats (:class:`app.scoring.reposts.Earlier`)."""
    c = facts.client
    posted = facts.posted_at
    text = text or PostingText(facts.title or "", facts.description or "")
    return {
        "title_words": len(text.title_words),
        "description_words": len(text.description_words),
        "age_hours": (now - posted).total_seconds() / 3600 if posted else None,
        "budget_type": facts.budget_type._value_ if facts.budget_type else None,
        "fixed_budget": facts.fixed_budget,
        "hourly_min": facts.hourly_min,
        "hourly_max": facts.hourly_max,
        "experience_level": facts.experience_level._value_ if facts.experience_level else None,
        "proposals_min": facts.proposals_min,
        "proposals_max": facts.proposals_max,
        "interviewing": facts.interviewing,
        "invites_sent": facts.invites_sent,
        "unanswered_invites": facts.unanswered_invites,
        "connects_required": facts.connects_required,
        "client.payment_verified": c.payment_verified,
        "client.rating": c.rating,
        "client.reviews": c.reviews,
        "client.total_spent": c.total_spent,
        "client.hires": c.hires,
        "client.jobs_posted": c.jobs_posted,
        "client.hire_rate": c.hire_rate,
        "client.open_jobs": c.open_jobs,
        "client.member_days": (now.date() - c.member_since).days if c.member_since else None,
        "repost_days": earlier.days if earlier is not None else None,
        "repost": earlier,
    }


#: how far a pattern match may reach either side of its hint word
HINT_REACH = 200
_WORD_HINT = re.compile(r"[^\W_]+")
_PHRASE_HINT = re.compile(r"[^\W_]+(?: [^\W_&]+| &)*")
#: ASCII punctuation becomes a space when a text is cut into words ("@", "+", "#", "&"
#: stay); a bytes table, because ``bytes.translate`` is many times faster than ``str``'s
_PUNCTUATION = "".join(c for c in string.punctuation if c not in "@+#&")
_TO_SPACE = bytes.maketrans(_PUNCTUATION.encode("ascii"), b" " * len(_PUNCTUATION))


def _words(lowered: str) -> list[str]:
    """The words of a lower-cased text; punctuation counts as a space (bytes: fast)."""
    plain = lowered.encode("utf-8", "replace").translate(_TO_SPACE)
    return plain.decode("utf-8", "replace").split()


@dataclass(frozen=True)
class PastedRest:
    """The lines of the pasted text the parser placed nowhere (:mod:`app.parsing.rest`),
    and the raw text when it is at hand (to point evidence into what was pasted)."""

    text: str = ""
    raw: str | None = None

    def raw_span(self, quote: str) -> tuple[int | None, int | None]:
        """Where ``quote`` is in the raw text, when it is known."""
        at = self.raw.find(quote) if self.raw and quote else -1
        return (at, at + len(quote)) if at >= 0 else (None, None)


NOTHING_PASTED = PastedRest()


class PostingText:
    """The searchable texts of a posting, lower-cased, with their words (computed once).

    ``rest`` is the rest of what the user pasted: the lines of the raw text that are
    in neither the title nor the description (see :func:`unplaced_text`). The rules
    read it too; ``words`` (for skills and keywords) stays the title's and description's.
    """

    def __init__(self, title: str, description: str, rest: PastedRest = NOTHING_PASTED) -> None:
        self.title = title
        self.description = description
        self.rest = rest
        self.pasted = pasted = rest.text
        self.lower_title = title.lower()
        self.lower_description = description.lower()
        self.lower_pasted = pasted.lower() if pasted else ""
        self.title_words = _words(self.lower_title)
        self.description_words = _words(self.lower_description)
        self.words = set(self.title_words)
        self.words.update(self.description_words)
        self.pasted_words = _words(self.lower_pasted) if pasted else []
        #: the words of the pasted rest (kept apart: copying ``words`` costs)
        self.pasted_set = set(self.pasted_words)
        self._flat: str | None = None
        #: per concept (by ``id``), whether all its groups are in the posting
        self.met: dict[int, bool] = {}
        #: what rules found here (by rule id; None: the rules the hints opened), when
        #: the text is kept for several profiles (:meth:`keep_findings`; else None)
        self.seen: dict[str | None, Any] | None = None

    def keep_findings(self) -> PostingText:
        """Keep what the rules find in this text (:func:`find_flags`), for a posting
        scored for several profiles in turn: the next one searches nothing again."""
        if self.seen is None:
            self.seen = {}
        return self

    @property
    def flat(self) -> str:
        """The words joined by single spaces: where phrase and symbol hints are looked for."""
        if self._flat is None:
            self._flat = " ".join(self.title_words) + "\n" + " ".join(self.description_words)
            if self.pasted_words:
                self._flat += "\n" + " ".join(self.pasted_words)
        return self._flat

    def has_mark(self, mark: str) -> bool:
        """A symbol hint ("@", "+") anywhere in the texts."""
        return (
            mark in self.lower_description or mark in self.lower_title or mark in self.lower_pasted
        )

    def may_match(self, rule: Rule) -> bool:
        """False when none of the rule's hints is in the text (no match is possible)."""
        if not rule.hint:
            return True
        for words in (self.words, self.pasted_set):
            if not rule.hint_words.isdisjoint(words):
                return True
            if not rule.hint_phrase_heads.isdisjoint(words):
                for phrase_words, phrase in rule.hint_phrases:
                    if phrase_words <= words and phrase in self.flat:
                        return True
        return any(self.has_mark(m) for m in rule.hint_marks)


def posting_text(facts: PostingFacts) -> PostingText:
    """The posting's texts for the rules: title, description and the rest of the raw text."""
    title, description = facts.title or "", facts.description or ""
    rest = facts.unplaced
    if rest is None and facts.raw_text:  # not parsed here (a stored posting from before)
        rest = rest_of(facts)
    if not rest:
        return PostingText(title, description)
    return PostingText(title, description, PastedRest(rest, facts.raw_text))


#: a plan step's position in the rule file (a C-level key: the sort runs for every posting)
_first = operator.itemgetter(0)


def find_flags(
    rules: RuleSet,
    facts: PostingFacts,
    fields: Mapping[str, Any] | None = None,
    *,
    now: datetime,
    text: PostingText | None = None,
) -> list[Flag]:
    """Every enabled rule that fires on ``facts``, in rule-file order.

    What the hints and patterns find depends on the text alone: a ``text`` that keeps
    it (:meth:`PostingText.keep_findings`), scored again for another profile whose
    switches and weights differ but whose rules are the same, searches nothing again."""
    texts = text or posting_text(facts)
    fields = fields if fields is not None else posting_fields(facts, now, texts)
    flags = []
    gate = rules.gate
    seen = texts.seen
    if seen is None:
        opened = gate.open_rules(texts)
    elif (kept := seen.get(None)) is not None and kept[0] == gate.hints:  # ``is``: fast
        opened = kept[1]
    else:
        opened = gate.open_rules(texts)
        seen[None] = (gate.hints, opened)
    get = fields.get
    steps: Sequence[tuple[int, Rule, bool, tuple[Any, ...]]] = gate.always
    if opened:  # and the hinted rules whose hints are in the text, in rule-file order
        hinted = gate.hinted
        steps = sorted((*steps, *(hinted[at] for at in opened if at in hinted)), key=_first)
    for _at, rule, gated, conditions in steps:
        for name, compare, value in conditions:  # as Condition.holds, inlined (hot loop)
            actual = get(name)
            if actual is None:
                break
            try:
                if not compare(actual, value):
                    break
            except TypeError:
                break
        else:
            if seen is None or not rule.patterns:
                flag = apply_rule(rule, texts, fields, hints_checked=gated)
            else:
                flag = _seen_rule(rule, texts, fields, gated, seen)
            if flag is not None:
                flags.append(flag)
    return flags


def _seen_rule(
    rule: Rule,
    texts: PostingText,
    fields: Mapping[str, Any],
    gated: bool,
    seen: dict[str | None, Any],
) -> Flag | None:
    """:func:`apply_rule` for a pattern rule, its search kept in ``seen``: another
    profile's copy of the rule (the same patterns, another switch or weight) finds it
    there."""
    if rule.any and not any(c.holds(fields) for c in rule.any):
        return None  # (its conditions were checked by find_flags)
    kept = seen.get(rule.id)
    if kept is not None and _same_search(kept[0], rule):
        flag = kept[1]
        if flag is None or flag.points == rule.weighted_points:
            return flag
        return replace(flag, points=rule.weighted_points)
    flag = text_flag(rule, texts, gated)
    seen[rule.id] = (rule, flag)
    return flag


def _same_search(kept: Rule, rule: Rule) -> bool:
    """The two rules search a text alike: one is the other with a profile's switch and
    weight (:meth:`RuleSet.with_overrides` keeps the compiled parts, so ``is`` holds)."""
    return (
        kept.lowered_patterns is rule.lowered_patterns
        and kept.patterns is rule.patterns
        and kept.hint is rule.hint
        and kept.guard_before is rule.guard_before
        and kept.guard_after is rule.guard_after
        and kept.ignore is rule.ignore
        and kept.reach == rule.reach
        and kept.lowered_required is rule.lowered_required
        and kept.concepts is rule.concepts
    )


def apply_rule(
    rule: Rule, texts: PostingText, fields: Mapping[str, Any], *, hints_checked: bool = False
) -> Flag | None:
    """The flag ``rule`` raises on a posting, or None.

    ``hints_checked``: the caller knows the rule's hints are in the text.
    """
    if not _facts_hold(rule, fields):
        return None
    if not rule.patterns:
        held = [*rule.conditions, *(c for c in rule.any if c.holds(fields))]
        facts_evidence = "; ".join(c.evidence(fields) for c in (*rule.conditions, *rule.any))
        first = (rule.conditions or rule.any)[0]
        words = describe_facts([c.field for c in held], fields)
        return Flag(
            rule.id,
            rule.severity,
            rule.title,
            facts_evidence,
            rule.weighted_points,
            first.field,
            words=words,
        )
    return text_flag(rule, texts, hints_checked)


def _facts_hold(rule: Rule, fields: Mapping[str, Any]) -> bool:
    """The rule's conditions all hold, and one of its ``any`` when it has them."""
    for condition in rule.conditions:  # Condition.holds, inlined: this runs very often
        actual = fields.get(condition.field)
        if actual is None:
            return False
        try:
            if not condition.compare(actual, condition.value):
                return False
        except TypeError:
            return False
    return not rule.any or any(c.holds(fields) for c in rule.any)


def text_flag(rule: Rule, texts: PostingText, hints_checked: bool) -> Flag | None:
    """The flag a pattern rule raises on the texts (its facts hold), or None."""
    points = rule.weighted_points
    # a rule with concepts may have been opened by them alone: its hints are checked here
    searched = texts.may_match(rule) if rule.concepts or not hints_checked else True
    if not searched and not rule.concepts:
        return None
    for where, text, lowered in (
        ("description", texts.description, texts.lower_description),
        ("title", texts.title, texts.lower_title),
        ("pasted", texts.pasted, texts.lower_pasted),
    ):
        if not text or not searched:
            continue
        rest = where == "pasted"
        span = _first_match(rule, text, lowered, texts.pasted_set if rest else texts.words, rest)
        if span is not None:
            start, end = span
            if where == "pasted":  # evidence points into the raw text as pasted, when known
                quote = text[start:end]
                at, to = texts.rest.raw_span(quote)
                return Flag(rule.id, rule.severity, rule.title, quote, points, where, at, to)
            return Flag(
                rule.id, rule.severity, rule.title, text[start:end], points, where, start, end
            )
    concepts = [c for c in rule.concepts if c.may_meet(texts)] if rule.concepts else None
    if concepts:  # no pattern matched: the ideas whose words are all here, in the same order
        for where, text, lowered in (
            ("description", texts.description, texts.lower_description),
            ("title", texts.title, texts.lower_title),
            ("pasted", texts.pasted, texts.lower_pasted),
        ):
            if not text:
                continue
            rest = where == "pasted"
            span = _concept_match(
                concepts, text, lowered, texts.pasted_set if rest else texts.words
            )
            if span is not None:
                start, end = span
                quote = text[start:end]
                if rest:
                    at, to = texts.rest.raw_span(quote)
                    return Flag(rule.id, rule.severity, rule.title, quote, points, where, at, to)
                return Flag(rule.id, rule.severity, rule.title, quote, points, where, start, end)
    return None


#: where a sentence ends: a stop, a question or exclamation mark before a space, a line's end
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
#: the farthest a sentence reaches either side of a concept's word (unpunctuated text)
SENTENCE_REACH = 240


def _sentence(lowered: str, at: int) -> tuple[int, int]:
    """The sentence around ``at``: from the end of the one before to its own end."""
    lo = max(0, at - SENTENCE_REACH)
    for stop in _SENTENCE_END.finditer(lowered, lo, at):
        lo = stop.end()
    end = _SENTENCE_END.search(lowered, at, at + SENTENCE_REACH)
    return lo, (end.end() if end else min(len(lowered), at + SENTENCE_REACH))


def _head_spots(group: WordGroup, lowered: str, words: set[str]) -> list[int]:
    """Where the first group of a concept is in the text: its words and the rarest
    word of its phrases (whole), its word beginnings and its symbols."""
    spots: list[int] = []
    for word in group.keys.intersection(words):
        at = lowered.find(word)
        while at != -1:
            if _at_boundary(lowered, at) and _at_boundary(lowered, at + len(word)):
                spots.append(at)
            at = lowered.find(word, at + 1)
    for prefix in group.prefixes:
        at = lowered.find(prefix)
        while at != -1:
            if _at_boundary(lowered, at):
                spots.append(at)
            at = lowered.find(prefix, at + 1)
    for mark in group.marks:
        at = lowered.find(mark)
        while at != -1:
            spots.append(at)
            at = lowered.find(mark, at + 1)
    spots.sort()
    return spots


def _concept_match(
    concepts: list[Concept], text: str, lowered: str, words: set[str]
) -> tuple[int, int] | None:
    """The first sentence where one of ``concepts`` meets (every group, no guard), as its
    span in ``text`` (spaces around it left out)."""
    if len(lowered) != len(text):  # lower-casing changed the length: lower letter by letter
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    found: list[tuple[int, int]] = []
    for concept in concepts:
        groups = concept.groups
        tried: set[int] = set()
        for at in _head_spots(groups[0], lowered, words):
            lo, hi = _sentence(lowered, at)
            if lo in tried:
                continue
            tried.add(lo)
            part = lowered[lo:hi]
            said = _words(part)
            said_set, spaced = set(said), f" {' '.join(said)} "
            for group in groups:
                if not group.in_sentence(said_set, spaced, part):
                    break
            else:
                if concept.guard is None or not concept.guard.search(part):
                    found.append(_trimmed(text, lo, hi))
                    break
    return min(found) if found else None


def _trimmed(text: str, lo: int, hi: int) -> tuple[int, int]:
    """The span without the spaces and quoting marks around it."""
    while lo < hi and text[lo] in " \t>*-•":
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def _windows(
    rule: Rule, lowered: str, words: set[str], lines: bool = False
) -> list[tuple[int, int]]:
    """Where a match can be: within HINT_REACH of a hint word, in text order, merged;
    with ``lines`` (the pasted rest: lines the parser did not place), the lines with a
    hint word."""
    present = list(rule.hint_words.intersection(words))
    # a phrase is looked for in the spaced words; in the text, its rarest word is the anchor
    if rule.hint_phrases and not rule.hint_phrase_heads.isdisjoint(words):
        anchors = rule.hint_phrase_anchors
        present += [
            anchor
            for anchor in anchors.keys() & words
            if any(ws <= words for ws in anchors[anchor])
        ]
    marks = len(present)  # the words end here; the symbols that follow are found anywhere
    present += rule.hint_marks
    if not present:
        return []
    windows: list[tuple[int, int]] = []
    spots = []
    for number, hint in enumerate(present):
        whole = number < marks  # a hint word counts where it is a word: not "pay" in "paypal"
        at = lowered.find(hint)
        while at != -1:
            if whole and not (_at_boundary(lowered, at) and _at_boundary(lowered, at + len(hint))):
                at = lowered.find(hint, at + 1)
                continue
            if lines:
                end = lowered.find("\n", at)
                spots.append((lowered.rfind("\n", 0, at) + 1, len(lowered) if end == -1 else end))
            else:
                spots.append((max(0, at - rule.reach), at + len(hint) + rule.reach))
            at = lowered.find(hint, at + 1)
    for lo, hi in sorted(spots):
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, min(hi, len(lowered))))
    return windows


def _first_match(
    rule: Rule, text: str, lowered: str, words: set[str], lines: bool = False
) -> tuple[int, int] | None:
    """The earliest match of any pattern that is not a near miss (``lines``: see
    :func:`_windows`)."""
    if len(lowered) == len(text):
        subject, patterns, bounded = lowered, rule.lowered_patterns, rule.lowered_bounded
        required = rule.lowered_required or ((),) * len(patterns)
        begins = rule.lowered_starts or ((),) * len(patterns)
        windows = _windows(rule, lowered, words, lines) if rule.hint else [(0, len(text))]
    else:  # lower-casing changed the length (rare letters): search the text as it is
        subject, patterns, windows = text, rule.patterns, [(0, len(text))]
        bounded = (False,) * len(patterns)
        required = begins = ((),) * len(patterns)
    if not windows:
        return None  # none of the rule's hints is in this text: no pattern can match
    found = []
    present: list[set[str]] = []  # per window, the needed strings it has (looked up once)
    if rule.lowered_needs and required is rule.lowered_required:
        # ``in`` on each window's text: ``str.find`` with bounds parses its arguments per call
        present = [
            {need for need in rule.lowered_needs if need in part}
            for part in [subject[lo:hi] for lo, hi in windows]
        ]
    order: Iterable[int] = range(len(patterns))
    if present:  # only the patterns whose needed strings some window has
        chosen = set(rule.lowered_unfiltered)
        needers = rule.lowered_needers
        for has in present:
            for need in has:
                chosen.update(needers[need])
        order = sorted(chosen)
    for at in order:
        pattern, bound, needs, starts = patterns[at], bounded[at], required[at], begins[at]
        searched = windows
        if needs and needs != starts:  # every match has one: a window without any has none
            searched = [
                w for w, has in zip(windows, present, strict=True) if not has.isdisjoint(needs)
            ]
            if not searched:
                continue
        if starts:
            span = _first_from_starts(rule, pattern, subject, text, searched, bound, starts, lines)
        else:
            span = _first_in_windows(rule, pattern, subject, text, searched, bound, lines)
        if span is not None:
            found.append(span)
    return min(found) if found else None


def _first_from_starts(
    rule: Rule,
    pattern: re.Pattern[str],
    subject: str,
    text: str,
    windows: list[tuple[int, int]],
    bounded: bool,
    starts: tuple[str, ...],
    lines: bool = False,
) -> tuple[int, int] | None:
    """:func:`_first_in_windows` for a pattern whose every match begins with one of
    ``starts``: the pattern is tried only where one of them is, in text order (the
    same matches a search finds: a search tries every position, and can match only
    at these)."""
    match = pattern.match
    find = subject.find
    size = len(subject)
    for lo, hi in windows:
        spots: list[int] = []
        part = subject[lo:hi]
        for word in starts:
            if word not in part:
                continue  # ``in`` first: most start words are not there, and find costs more
            at = find(word, lo, hi)
            while at != -1:
                spots.append(at)
                at = find(word, at + 1, hi)
        if not spots:
            continue
        spots.sort()
        at = lo
        for start in spots:
            if start < at or (bounded and not _at_boundary(subject, start)):
                continue  # inside the last match tried, or not at a word's edge
            found = match(subject, start, hi)
            if found is None:
                continue
            end = found.end()
            at = end if end > start else end + 1
            if end == hi and hi < size and not lines:
                continue  # cut short by the window: not a match in the whole text
            if not _near_miss(rule, text, start, end):
                return start, end
    return None


def _first_in_windows(
    rule: Rule,
    pattern: re.Pattern[str],
    subject: str,
    text: str,
    windows: list[tuple[int, int]],
    bounded: bool = False,
    lines: bool = False,
) -> tuple[int, int] | None:
    """The first match in the windows; ``bounded``: it must start at a word boundary
    (the ``\\b`` that :func:`_for_lowered` took off the pattern); ``lines``: the windows
    are whole lines, so a match that ends at a line's end is whole, not cut short."""
    search = pattern.search
    for lo, hi in windows:
        at = lo
        while at <= hi:
            match = search(subject, at, hi)
            if match is None:
                break
            start, end = match.span()
            if bounded and not _at_boundary(subject, start):
                at = start + 1  # as if \\b had failed here: try the next position
                continue
            at = end if end > start else end + 1
            if end == hi and hi < len(subject) and not lines:
                continue  # cut short by the window: not a match in the whole text
            if not _near_miss(rule, text, start, end):
                return start, end
    return None


def _near_miss(rule: Rule, text: str, start: int, end: int) -> bool:
    if rule.ignore is not None and rule.ignore.search(text[start:end]):
        return True
    if rule.guard_before is not None:
        before = text[max(0, start - GUARD_WINDOW) : start]
        before = re.split(r"[.!?\n]", before)[-1]
        if rule.guard_before.search(before):
            return True
    if rule.guard_after is not None:
        after = text[end : end + GUARD_WINDOW]
        after = re.split(r"[.!?\n]", after)[0]
        if rule.guard_after.search(after):
            return True
    return False


def describe_facts(names: list[str], fields: Mapping[str, Any]) -> str:
    """Facts of a posting in words a person reads: "posted 14 days ago", "hire rate 0 %
    of 1 job posted", "payment method not verified"."""
    parts: list[str] = []
    seen: set[str] = set()
    for name in names:
        if name in seen:
            continue
        seen.add(name)
        value = fields.get(name)
        if name == "client.hire_rate" or (
            name == "client.jobs_posted" and "client.hire_rate" in names
        ):
            seen |= {"client.hire_rate", "client.jobs_posted"}
            parts.append(_hire_rate_words(fields))
        elif value is not None:
            parts.append(_fact_words(name, value, fields))
    return ", ".join(parts)


def _plural(count: float, one: str, many: str | None = None) -> str:
    shown = f"{count:g}" if isinstance(count, float) else str(count)
    return f"{shown} {one if count == 1 else (many or one + 's')}"


def _money(value: float) -> str:
    return f"${value:,.0f}" if value == int(value) else f"${value:,.2f}"


def _hire_rate_words(fields: Mapping[str, Any]) -> str:
    rate, posted = fields.get("client.hire_rate"), fields.get("client.jobs_posted")
    words = f"hire rate {rate:g} %" if isinstance(rate, int | float) else "hire rate unknown"
    if isinstance(posted, int):
        words += f" of {_plural(posted, 'job')} posted"
    return words


def _fact_words(name: str, value: Any, fields: Mapping[str, Any]) -> str:
    if name == "age_hours":
        hours = float(value)
        if hours < 48:
            return f"posted {_plural(int(hours), 'hour')} ago"
        return f"posted {_plural(int(hours // 24), 'day')} ago"
    if name == "client.payment_verified":
        return "payment method verified" if value else "payment method not verified"
    if name == "client.rating":
        reviews = fields.get("client.reviews")
        of = f" from {_plural(reviews, 'review')}" if isinstance(reviews, int) else ""
        return f"client rating {value:g} of 5{of}"
    if name == "client.hires":
        return "no hires yet" if value == 0 else f"{_plural(value, 'hire')}"
    if name == "client.reviews":
        return _plural(value, "review")
    if name == "client.jobs_posted":
        return f"{_plural(value, 'job')} posted"
    if name == "client.open_jobs":
        return f"{_plural(value, 'open job')}"
    if name == "client.total_spent":
        return f"{_money(float(value))} spent on Upwork"
    if name == "client.member_days":
        return f"member for {_plural(value, 'day')}"
    if name == "proposals_min":
        high = fields.get("proposals_max")
        return f"{value}+ proposals" if high is None else f"{value} to {high} proposals"
    if name == "proposals_max":
        return f"up to {_plural(value, 'proposal')}"
    if name == "interviewing":
        return f"{value} interviewing"
    if name == "invites_sent":
        return f"{_plural(value, 'invite')} sent"
    if name == "unanswered_invites":
        return f"{_plural(value, 'invite')} unanswered"
    if name == "description_words":
        return f"description of {_plural(value, 'word')}"
    if name == "title_words":
        return f"title of {_plural(value, 'word')}"
    if name == "fixed_budget":
        return f"fixed budget {_money(float(value))}"
    if name == "hourly_min":
        return f"hourly from {_money(float(value))}"
    if name == "hourly_max":
        return f"hourly up to {_money(float(value))}"
    if name == "repost_days":
        earlier = fields.get("repost")
        when = "the same day" if value == 0 else f"{_plural(value, 'day')} earlier"
        if earlier is None:
            return f"posted again {when}"
        return f"the same client posted \u201c{earlier.title}\u201d {when} (posting #{earlier.id})"
    if name == "connects_required":
        return f"{_plural(value, 'Connect')} to apply"
    if name == "budget_type":
        return f"{value} price"
    if name == "experience_level":
        return f"{value} level"
    return f"{name.removeprefix('client.').replace('_', ' ')} {_show(value)}"


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
