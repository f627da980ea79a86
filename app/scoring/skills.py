"""Skill names: spelling variants, synonyms, and matching a profile against a posting.

``skill_key`` folds spelling variants (case, spaces, dots, hyphens, a trailing
"js"), so ``React.js``, ``ReactJS`` and ``React`` share a key. The synonym
table in ``resources/skills/synonyms.toml`` then joins names that differ
(``Postgres`` = ``PostgreSQL``). A :class:`SkillMatcher` is built once per
profile and matches a posting's listed skills and its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from app.errors import InputError
from app.limits import load_toml
from app.paths import resources_dir
from app.profiles import Skill

_SEPARATORS = re.compile(r"[\s.\-_/]+")


def synonyms_path() -> Path:
    return resources_dir() / "skills" / "synonyms.toml"


def skill_key(name: str) -> str:
    """The folded form of a skill name: ``React.js`` -> ``react``, ``Node JS`` -> ``node``."""
    key = _SEPARATORS.sub("", name.strip().lower())
    if len(key) > 4 and key.endswith("js"):
        key = key[:-2]
    return key


@dataclass(frozen=True)
class SynonymTable:
    """Which folded names mean the same skill, and which only count as listed skills."""

    #: folded name -> folded canonical name
    canonical: dict[str, str] = field(default_factory=dict)
    #: folded canonical name -> every name written in its group
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: folded names that never match in running text
    tags_only: frozenset[str] = frozenset()

    def key(self, name: str) -> str:
        folded = skill_key(name)
        return self.canonical.get(folded, folded)


def parse_synonyms(text: str, source: str = "synonyms.toml") -> SynonymTable:
    """Read a synonyms file (``groups`` of names, ``tags_only`` names)."""
    doc = load_toml(text, source)
    canonical: dict[str, str] = {}
    names: dict[str, tuple[str, ...]] = {}
    for group in doc.get("groups", []):
        if not isinstance(group, list) or not group or not all(isinstance(n, str) for n in group):
            raise InputError(f"{source}: every group must be a list of names")
        head = skill_key(group[0])
        names[head] = tuple(group)
        for name in group:
            canonical[skill_key(name)] = head
    tags_only = frozenset(skill_key(n) for n in doc.get("tags_only", []))
    return SynonymTable(canonical, names, tags_only)


@lru_cache(maxsize=4)
def _load_synonyms(path: str, mtime: float) -> SynonymTable:
    return parse_synonyms(Path(path).read_text(encoding="utf-8"), path)


def load_synonyms(path: Path | None = None) -> SynonymTable:
    """The synonym table shipped in ``resources/`` (cached until the file changes)."""
    path = path or synonyms_path()
    return _load_synonyms(str(path), path.stat().st_mtime)


@dataclass(frozen=True)
class SkillMatch:
    """Which profile skills a posting asks for, and which of its skills the profile lacks."""

    matched: list[str]
    missing: list[str]
    #: listed posting skills that matched, with the weight of the profile skill
    tag_weights: list[float]
    #: profile skills found only in the title/description (not in the list)
    text_only: list[str]
    listed: int


class SkillMatcher:
    """A profile's skills, ready to match many postings quickly."""

    def __init__(self, skills: list[Skill], table: SynonymTable) -> None:
        self.table = table
        self.skills = skills
        #: folded key -> index of the profile skill
        self.index: dict[str, int] = {}
        self._owners: dict[str, int | None] = {}
        #: :meth:`owner`'s answers so far, by name (read directly in hot loops)
        self.known_owners = self._owners
        text_aliases: dict[str, int] = {}
        for i, skill in enumerate(skills):
            for alias in self._aliases(skill):
                key = table.key(alias)
                self.index.setdefault(key, i)
                self.index.setdefault(skill_key(alias), i)
                if skill_key(alias) not in table.tags_only and len(skill_key(alias)) > 1:
                    text_aliases.setdefault(alias.lower(), i)
        self._alias_owner = {_alias_text_key(a): i for a, i in text_aliases.items()}
        self._text_pattern = _text_pattern(list(text_aliases))
        #: the first word of every alias: the pattern is tried only where one starts
        self._anchors = sorted({_first_word(a) for a in text_aliases} - {""})
        #: a word of the text -> the anchors it shows may be there ("react", "reactjs" -> "react")
        self._by_word: dict[str, list[str]] = {}
        #: how many skills an anchor can start: once each is seen, later places cannot be first
        owners_of: dict[str, set[int]] = {}
        aliases_of: dict[str, list[str]] = {}
        for alias, i in text_aliases.items():
            owners_of.setdefault(_first_word(alias), set()).add(i)
            aliases_of.setdefault(_first_word(alias), []).append(alias)
        self._anchor_owners = {anchor: len(owners) for anchor, owners in owners_of.items()}
        #: per anchor, a pattern of only the aliases it starts (a short alternation is quick)
        self._anchor_patterns = {
            anchor: pattern
            for anchor, names in aliases_of.items()
            if (pattern := _text_pattern(names)) is not None
        }
        #: matched text -> its skill (postings repeat the same spellings)
        self._matched: dict[str, int | None] = {}
        for anchor in self._anchors:
            word = anchor.lstrip(".")
            for key in dict.fromkeys((word, word + "js")):
                self._by_word.setdefault(key, []).append(anchor)
        self._word_keys = frozenset(self._by_word)
        #: anchor -> (its pattern, how many skills it starts)
        self._anchor_plan: dict[str, tuple[re.Pattern[str], int]] = {}
        if self._text_pattern is not None:
            self._anchor_plan = {
                anchor: (
                    self._anchor_patterns.get(anchor, self._text_pattern),
                    self._anchor_owners.get(anchor, 1),
                )
                for anchor in self._anchors
            }

    def _aliases(self, skill: Skill) -> list[str]:
        aliases = [skill.name, *skill.synonyms]
        for alias in list(aliases):
            aliases.extend(self.table.names.get(self.table.key(alias), ()))
        return list(dict.fromkeys(aliases))

    def owner(self, name: str) -> int | None:
        """Index of the profile skill that ``name`` is, if any."""
        try:
            return self._owners[name]
        except KeyError:
            found = self.index.get(self.table.key(name))
            if found is None:
                found = self.index.get(skill_key(name))
            if len(self._owners) < 50_000:  # postings repeat tags: remember the answer
                self._owners[name] = found
            return found

    def match(
        self, listed: list[str], text: str, words: set[str] | None = None, *, lowered: bool = False
    ) -> SkillMatch:
        """Match the posting's listed skills and its text against the profile.

        ``words``, the text's set of words when already known, lets the text
        search skip aliases that cannot be there; ``lowered`` says the text is
        lower-cased already.
        """
        hits: set[int] = set()
        missing: list[str] = []
        tag_weights: list[float] = []
        for name in listed:
            i = self.owner(name)
            if i is None:
                missing.append(name)
            else:
                tag_weights.append(self.skills[i].weight)
                hits.add(i)
        in_text = self._in_text(text if lowered else text.lower(), words) - hits
        matched = [s.name for i, s in enumerate(self.skills) if i in hits or i in in_text]
        text_only = [s.name for i, s in enumerate(self.skills) if i in in_text]
        return SkillMatch(
            matched, list(dict.fromkeys(missing)), tag_weights, text_only, len(listed)
        )

    def _in_text(self, lowered: str, words: set[str] | None = None) -> set[int]:
        return set(self.positions(lowered, words))

    def positions(self, lowered: str, words: set[str] | None = None) -> dict[int, int]:
        """Profile skill index -> where it first appears in the lower-cased ``lowered``."""
        if self._text_pattern is None or not lowered:
            return {}
        found: dict[int, int] = {}
        if words is None:
            anchors: list[str] | set[str] = self._anchors
        else:  # the anchors the text's words show may be there (one C-level union)
            anchors = set().union(*map(self._by_word.__getitem__, self._word_keys & words))
        plan, matched = self._anchor_plan, self._matched
        find, match_at = lowered.find, self._owner_of_match
        for anchor in anchors:
            pattern, left = plan[anchor]
            at = find(anchor)
            if left == 1:  # one skill starts with this anchor: its first match places it
                while at != -1:
                    m = pattern.match(lowered, at)
                    if m is not None:
                        text = m.group(0)
                        owner = matched.get(text, -1)
                        if owner == -1:
                            owner = match_at(text)
                        if owner is not None:
                            if found.get(owner, at + 1) > at:
                                found[owner] = at
                            break
                    at = find(anchor, at + 1)
                continue
            seen: set[int] = set()
            while at != -1:
                m = pattern.match(lowered, at)
                if m is not None:
                    text = m.group(0)
                    owner = matched.get(text, -1)
                    if owner == -1:
                        owner = match_at(text)
                    if owner is not None and owner not in seen:
                        seen.add(owner)
                        if found.get(owner, at + 1) > at:
                            found[owner] = at
                        if len(seen) >= left:
                            break  # every skill this anchor starts is placed
                at = find(anchor, at + 1)
        return found

    def _owner_of_match(self, text: str) -> int | None:
        """The skill a matched spelling is (remembered: postings repeat the same spellings)."""
        owner = self._alias_owner.get(_alias_text_key(text))
        if len(self._matched) < 10_000:
            self._matched[text] = owner
        return owner


def _first_word(alias: str) -> str:
    core = alias.lower().strip()
    if core.startswith("."):
        return "." + (_SEPARATORS.split(core[1:])[0] if core[1:] else "")
    return _SEPARATORS.split(core)[0]


def _alias_text_key(alias: str) -> str:
    return _SEPARATORS.sub("", alias.lower()).removesuffix("js") or alias.lower()


def _text_pattern(aliases: list[str]) -> re.Pattern[str] | None:
    """One regex for every alias; separators and a trailing "js" may vary."""
    if not aliases:
        return None
    parts = []
    for alias in sorted(aliases, key=len, reverse=True):
        core = alias.lower().removesuffix(".js").removesuffix("js").strip() or alias.lower()
        words = [re.escape(w) for w in _SEPARATORS.split(core) if w]
        lead = r"\." if core.startswith(".") else ""
        parts.append(lead + r"[\s./\-]?".join(words) + r"(?:[\s.\-]?js)?")
    return re.compile(r"(?<![\w+#])(?:" + "|".join(parts) + r")(?![\w+#])", re.IGNORECASE)
