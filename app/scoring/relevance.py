"""Relevance: how central the freelancer's skills are to a posting.

Tag overlap alone misleads ("Matches 1 of 1 (Python)" on a machine-learning
job). Here a skill counts by where it appears: the title and the first lines
weigh most, then the posting's listed skills, then the rest of the
description. The posting's *main skill* (the first skill named in the title,
else its first listed skill) not being the freelancer's costs points even
when a listed tag matches, and what the profile says the freelancer does not
do (``not_doing``) weighs against. A short posting is weighed lightly: a few
words cannot show that a job fits.

:class:`RelevanceMatcher` is built once per profile; :meth:`RelevanceMatcher.assess`
is called per posting and is pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.profiles import ProfileSpec, Skill
from app.scoring.rules import PostingText
from app.scoring.rules import _words as text_words
from app.scoring.skills import SkillMatcher, SynonymTable, skill_key

#: shares of the relevance (they add up to 1.0 for a posting that is all about you)
TITLE_SHARE = 0.40
LEAD_SHARE = 0.15
TAGS_SHARE = 0.30
REST_SHARE = 0.15
#: what a main skill that is not yours costs: named in the title / only listed first
MAIN_NOT_YOURS_TITLE = 0.20
MAIN_NOT_YOURS_TAG = 0.10
#: what a "not doing" entry costs, by where it appears
AVOID_TITLE = 0.50
AVOID_TAG = 0.15
AVOID_TEXT = 0.05
#: the first characters of the description that count as its first lines
LEAD_CHARS = 320
#: below this many description words the positive part is weighed down
FULL_WORDS = 80
#: a posting with fewer description words is "not enough to judge"
THIN_WORDS = 30


def _word_char(char: str) -> bool:
    """``\\w`` for one character (what ``re`` calls a word character), without a regex call."""
    return char.isalnum() or char == "_"


#: "No WordPress", "without PHP", "non-React": the skill is named to rule it out
_NEGATED_BEFORE = re.compile(r"(?:\bno|\bnot|\bwithout|\bnon|\bnever|\bexcept)[\s\-:/(]*$")
#: "WordPress/Wix is not an option", "React not needed"
_NEGATED_AFTER = re.compile(
    r"[^.;!?\n]{0,40}?\b(?:(?:is|are) not (?:an option|needed|required|wanted|allowed)"
    r"|not (?:needed|required|wanted|allowed))\b"
)


def negated(lowered: str, at: int) -> bool:
    """Whether the skill named at ``at`` is named to rule it out ("No WordPress")."""
    start = max(0, at - 12)
    # ``in`` on a short slice: ``str.find`` with bounds parses its arguments each call,
    # which costs more than the search (this runs for every skill found)
    before = lowered[start:at]
    if (
        "no" in before or "without" in before or "never" in before or "except" in before
    ) and _NEGATED_BEFORE.search(lowered, start, at):
        return True
    return "not " in lowered[at : at + 80] and bool(_NEGATED_AFTER.match(lowered, at))


#: the words a rule-out needs ("not" also for "is not an option")
_NEGATION_WORDS = frozenset({"no", "not", "without", "non", "never", "except"})


def _affirmed(found: dict[int, int], lowered: str, words: set[str]) -> dict[int, int]:
    """``found`` without the skills whose (first) mention rules them out.

    ``words`` (the text's words, or a superset) lets a text without any word of
    negation skip the checks.
    """
    if not found or _NEGATION_WORDS.isdisjoint(words):
        return found
    return {i: at for i, at in found.items() if not negated(lowered, at)}


@dataclass(slots=True)
class Relevance:
    """Where the freelancer's skills appear in one posting, and what that is worth."""

    #: -1.0 .. 1.0: the share of the skills factor's points this posting earns
    share: float
    reason: str
    #: profile skills found anywhere (listed or text), in profile order
    matched: list[str]
    #: the posting's listed skills the profile lacks
    missing: list[str]
    in_title: list[str]
    in_lead: list[str]
    in_tags: list[str]
    in_rest: list[str]
    main_skill: str | None
    main_is_yours: bool
    #: "not doing" entries found, each with where ("title", "listed skills", "description")
    avoided: list[tuple[str, str]]
    words: int

    @property
    def thin(self) -> bool:
        """Too few words to judge the job by."""
        return self.words < THIN_WORDS


class RelevanceMatcher:
    """A profile's skills and "not doing" list, ready to assess many postings."""

    def __init__(self, profile: ProfileSpec, table: SynonymTable) -> None:
        self.table = table
        self.skills = SkillMatcher(profile.skills, table)
        self.avoid = SkillMatcher([Skill(n) for n in profile.not_doing], table)
        #: every skill the synonym table names: what a title's main skill may be
        known = [Skill(group[0]) for group in table.names.values()]
        self._yours = len(profile.skills)
        self._avoid_end = self._yours + len(profile.not_doing)
        # one pass per text: profile skills first (an alias they share is yours), then
        # "not doing", then (titles only) every known skill
        both = [*self.skills.skills, *self.avoid.skills]
        self._in_text = SkillMatcher(both, table)
        self._in_title = SkillMatcher([*both, *known], table)
        self._names = [s.name for s in self._in_title.skills]
        self._weights = [s.weight for s in self.skills.skills]
        self._avoid_names = [s.name for s in self.avoid.skills]
        self._tag_aliases: dict[str, tuple[tuple[str, str], ...]] = {}
        self._tag_firsts: dict[str, frozenset[str]] = {}

    def assess(self, listed: list[str], text: PostingText) -> Relevance:
        title = text.lower_title
        description = text.lower_description
        cut = _lead_end(description)
        yours, avoid_end = self._yours, self._avoid_end
        skills, avoid, names = self.skills, self.avoid, self._names

        title_words = set(text.title_words)
        in_title_all = _affirmed(self._in_title.positions(title, title_words), title, title_words)
        in_text_all = _affirmed(
            self._in_text.positions(description, text.words), description, text.words
        )
        at_title: dict[int, int] = {}
        where: dict[int, str] = {}  # "not doing" entry (its own index) -> where found
        for i, at in in_title_all.items():
            if i < yours:
                at_title[i] = at
            elif i < avoid_end:
                where[i - yours] = "title"
        at_lead: dict[int, int] = {}
        at_rest: dict[int, int] = {}
        text_avoided: list[int] = []
        for i, at in in_text_all.items():
            if i < yours:
                (at_lead if at < cut else at_rest)[i] = at
            else:
                text_avoided.append(i - yours)
        tag_hits: dict[int, float] = {}
        missing: list[str] = []
        owner_of, avoid_owner = skills.owner, avoid.owner
        weights = self._weights
        known = skills.known_owners  # the answers remembered: no call for a repeated tag
        for name in listed:
            hit = known.get(name, -1)
            if hit == -1:
                hit = owner_of(name)
            if hit is None:
                missing.append(name)
                if avoid_end > yours:
                    owner = avoid_owner(name)
                    if owner is not None and owner not in where:
                        where[owner] = "listed skills"
            else:
                tag_hits[hit] = weights[hit]
        for i in text_avoided:
            if i not in where:
                where[i] = "description"
        avoided = [(self._avoid_names[i], where[i]) for i in sorted(where)] if where else []
        # each skill found, in profile order, shown where it weighs most
        order = sorted({*at_title, *at_lead, *at_rest, *tag_hits})
        matched = [names[i] for i in order]
        in_title: list[str] = []
        in_lead: list[str] = []
        in_tags: list[str] = []
        in_rest: list[str] = []
        for i in order:
            if i in at_title:
                in_title.append(names[i])
            elif i in at_lead:
                in_lead.append(names[i])
            elif i in tag_hits:
                in_tags.append(names[i])
            else:
                in_rest.append(names[i])
        main, main_yours, main_in_title = self._main_skill(listed, title, title_words, in_title_all)

        positive = 0.0
        if at_title:
            positive += TITLE_SHARE
        if at_lead:
            positive += LEAD_SHARE
        if listed:
            wanted = min(len(listed), 3)
            positive += TAGS_SHARE * min(1.0, sum(min(w, 2.0) for w in tag_hits.values()) / wanted)
        elif order:
            # nothing listed (pasted text): the text is all there is to go by
            positive += TAGS_SHARE / 2 * min(1.0, len(order) / 2)
        if at_rest:
            positive += REST_SHARE * min(1.0, len(at_rest) / 2)
        count = len(text.description_words)
        positive *= min(1.0, 0.5 + count / FULL_WORDS)

        penalty = 0.0
        main_avoided = False
        if main is not None and not main_yours:
            penalty += MAIN_NOT_YOURS_TITLE if main_in_title else MAIN_NOT_YOURS_TAG
            main_avoided = avoid_owner(main) is not None
        if avoided:
            penalty += _avoid_cost(avoided)
        share = max(-1.0, min(1.0, positive - penalty))
        lacking = list(dict.fromkeys(missing)) if missing else missing
        reason = _reason(
            in_title,
            in_lead,
            in_tags,
            in_rest,
            main,
            main_yours,
            main_avoided,
            avoided,
            lacking,
            count,
        )
        # positional, in field order: keywords cost more than the object
        return Relevance(
            share,
            reason,
            matched,
            lacking,
            in_title,
            in_lead,
            in_tags,
            in_rest,
            main,
            main_yours,
            avoided,
            count,
        )

    def _main_skill(
        self, listed: list[str], title: str, title_words: set[str], in_title: dict[int, int]
    ) -> tuple[str | None, bool, bool]:
        """The job's main skill, whether it is the freelancer's, whether the title names it.

        The first skill the title names (yours, "not doing", a listed one or any the
        synonym table knows); without one, the first listed skill.
        """
        first: tuple[int, str, bool] | None = None  # (position, name, yours)
        for i, at in in_title.items():
            if first is None or at < first[0]:
                name = self._names[i]
                first = (at, name, i < self._yours or self.skills.owner(name) is not None)
        if listed and (first is None or first[0] > 0):  # a tag can only come first before it
            firsts = self._tag_firsts
            for name in listed:
                heads = firsts.get(name)
                if heads is None:
                    self._aliases_of(name)
                    heads = firsts[name]
                if title_words.isdisjoint(heads):
                    continue  # no alias's first word is in the title: none of them is there
                place = self._title_position(title, title_words, name)
                if place is not None and (first is None or place < first[0]):
                    first = (place, name, self.skills.owner(name) is not None)
        if first is not None:
            return first[1], first[2], True
        if listed:
            return listed[0], self.skills.owner(listed[0]) is not None, False
        return None, False, False

    def _title_position(self, title: str, title_words: set[str], name: str) -> int | None:
        """Where a listed skill (or a synonym of it) is written in the title, if it is."""
        try:
            aliases = self._tag_aliases[name]
        except KeyError:
            aliases = self._aliases_of(name)
        if title_words.isdisjoint(self._tag_firsts[name]):
            return None  # no alias's first word is in the title: none of them can be there
        best = None
        for low, first_word in aliases:
            if first_word not in title_words:
                continue  # the alias's first word is not in the title: it cannot be there
            at = title.find(low)
            while at != -1:
                end = at + len(low)
                before = title[at - 1] if at else " "
                after = title[end] if end < len(title) else " "
                if not _word_char(before) and not _word_char(after):
                    if not negated(title, at) and (best is None or at < best):
                        best = at
                    break
                at = title.find(low, at + 1)
        return best

    def _aliases_of(self, name: str) -> tuple[tuple[str, str], ...]:
        """A listed skill's names to look for in a title, each with its first word."""
        table = self.table
        group = (name, *table.names.get(table.key(name), ()))
        lowered = dict.fromkeys(
            a.lower()
            for a in group
            if not (len(skill_key(a)) < 3 and skill_key(a) in table.tags_only)
        )
        aliases = tuple((low, (text_words(low) or [""])[0]) for low in lowered)
        if len(self._tag_aliases) > 50_000:  # postings repeat tags, but not without end
            self._tag_aliases.clear()
            self._tag_firsts.clear()
        self._tag_aliases[name] = aliases
        self._tag_firsts[name] = frozenset(first for _low, first in aliases)
        return aliases


def _avoid_cost(avoided: list[tuple[str, str]]) -> float:
    cost, tags, text = 0.0, 0.0, 0.0
    for _name, where in avoided:
        if where == "title":
            cost = max(cost, AVOID_TITLE)
        elif where == "listed skills":
            tags += AVOID_TAG
        else:
            text += AVOID_TEXT
    return cost + min(2 * AVOID_TAG, tags) + min(2 * AVOID_TEXT, text)


def _lead_end(description: str) -> int:
    """Where the description's first lines end: about ``LEAD_CHARS`` in, at a space."""
    if len(description) <= LEAD_CHARS:
        return len(description)
    cut = description.rfind(" ", 0, LEAD_CHARS)
    return cut if cut > 0 else LEAD_CHARS


def _join(names: list[str]) -> str:
    if len(names) <= 3:
        return ", ".join(names)
    return f"{', '.join(names[:3])} and {len(names) - 3} more"


def _reason(
    in_title: list[str],
    in_lead: list[str],
    in_tags: list[str],
    in_rest: list[str],
    main: str | None,
    main_yours: bool,
    main_avoided: bool,
    avoided: list[tuple[str, str]],
    missing: list[str],
    words: int,
) -> str:
    found = []
    if in_title:
        found.append(_join(in_title) + " in the title")
    if in_lead:
        found.append(_join(in_lead) + " in the first lines")
    if in_tags:
        found.append(_join(in_tags) + " in the listed skills")
    if in_rest:
        found.append(_join(in_rest) + " in the description")
    parts = [", ".join(found) if found else "none of your skills appear"]
    if main is not None:
        if main_yours:
            parts.append(f"main skill {main} is yours")
        elif not main_avoided:
            parts.append(f"main skill {main} is not yours")
    for name, where in avoided:
        parts.append(f"you do not do {name} (in the {where})")
    if missing:
        parts.append(f"you lack {_join(missing)}")  # missing: without repeats
    if words == 0:
        parts.append("no description to judge by")
    elif words < THIN_WORDS:
        word = "word" if words == 1 else "words"
        parts.append(f"only {words} {word}, too few to judge")
    elif words < FULL_WORDS - 40:
        parts.append(f"only {words} words, so it counts less")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."
