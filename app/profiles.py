"""Profiles: who is bidding and what they want, as typed values, rows and TOML.

:class:`ProfileSpec` is the plain value the scorer reads. It converts to and
from the :class:`app.storage.models.Profile` row (rule overrides live in
``Profile.rule_overrides``) and to and from a TOML file the user can edit by
hand. Several profiles may exist; exactly one is active.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import tomli_w
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.domain import ExperienceLevel, Plan
from app.errors import InputError, NotFoundError
from app.limits import load_toml
from app.storage import members
from app.storage.models import Profile

DEFAULT_PROFILE_NAME = "Default"
#: the longest profile name or signing name (the column's size)
MAX_NAME_CHARS = 200


@dataclass
class Skill:
    """A skill the freelancer offers; ``weight`` > 1 counts it more, synonyms match too."""

    name: str
    weight: float = 1.0
    synonyms: list[str] = field(default_factory=list)


@dataclass
class ClientCriteria:
    """What the freelancer wants from a client; ``None`` means "no minimum"."""

    payment_verified_required: bool = False
    min_rating: float | None = None
    min_total_spent: float | None = None
    min_hire_rate: float | None = None  # percent, 0..100
    excluded_countries: list[str] = field(default_factory=list)


@dataclass
class RuleOverride:
    """The user's switch and weight for one red-flag rule."""

    enabled: bool = True
    weight: float = 1.0


@dataclass
class ProfileSpec:
    """A profile as the scorer reads it (plain values, no database)."""

    name: str = DEFAULT_PROFILE_NAME
    #: the freelancer's own name, which proposals are signed with (empty: a fill-in)
    your_name: str = ""
    title: str = ""
    skills: list[Skill] = field(default_factory=list)
    min_hourly_rate: float | None = None
    min_fixed_budget: float | None = None
    preferred_categories: list[str] = field(default_factory=list)
    experience_levels: list[str] = field(default_factory=list)
    client: ClientCriteria = field(default_factory=ClientCriteria)
    include_keywords: list[str] = field(default_factory=list)
    exclude_keywords: list[str] = field(default_factory=list)
    #: skills and kinds of work the freelancer does not take ("WordPress", "logo design"):
    #: a posting about them loses relevance
    not_doing: list[str] = field(default_factory=list)
    connect_price_usd: float = 0.15
    plan: str = Plan.BASIC.value
    rules: dict[str, RuleOverride] = field(default_factory=dict)


def default_profile(
    name: str = DEFAULT_PROFILE_NAME,
    title: str = "",
    skills: list[str] | None = None,
    hourly_rate: float | None = None,
    your_name: str = "",
) -> ProfileSpec:
    """A first-run profile: the few essentials given, sensible defaults for the rest."""
    rate = hourly_rate if hourly_rate is not None else 25.0
    return ProfileSpec(
        name=name,
        your_name=your_name.strip(),
        title=title,
        skills=[Skill(s.strip()) for s in (skills or []) if s.strip()],
        min_hourly_rate=rate,
        min_fixed_budget=max(100.0, round(rate * 8, 2)),
        experience_levels=[ExperienceLevel.INTERMEDIATE.value, ExperienceLevel.EXPERT.value],
        client=ClientCriteria(min_rating=4.0, min_hire_rate=20.0),
    )


def split_list(text: str) -> list[str]:
    """Comma- or line-separated words as typed in a form: ``"React, Vue,,"`` -> two items."""
    items = (part.strip() for line in text.splitlines() for part in line.split(","))
    return list(dict.fromkeys(item for item in items if item))


def first_run_profile(
    title: str, skills: str, hourly_rate: float | None, your_name: str = ""
) -> ProfileSpec:
    """The profile the first-run wizard makes from its answers."""
    return default_profile(
        DEFAULT_PROFILE_NAME, title.strip(), split_list(skills), hourly_rate, your_name
    )


# -- rows --------------------------------------------------------------------


def spec_of(row: Profile) -> ProfileSpec:
    """The stored profile as a :class:`ProfileSpec`."""
    return ProfileSpec(
        name=row.name,
        your_name=row.your_name or "",
        title=row.title or "",
        skills=[
            Skill(str(s["name"]), float(s.get("weight", 1.0)), list(s.get("synonyms", [])))
            for s in row.skills or []
        ],
        min_hourly_rate=row.min_hourly_rate,
        min_fixed_budget=row.min_fixed_budget,
        preferred_categories=list(row.preferred_categories or []),
        experience_levels=list(row.experience_levels or []),
        client=ClientCriteria(
            payment_verified_required=bool(row.require_payment_verified),
            min_rating=row.min_client_rating,
            min_total_spent=row.min_client_spent,
            min_hire_rate=row.min_hire_rate,
            excluded_countries=list(row.excluded_countries or []),
        ),
        include_keywords=list(row.include_keywords or []),
        exclude_keywords=list(row.exclude_keywords or []),
        not_doing=list(row.not_doing or []),
        connect_price_usd=row.connect_price_usd if row.connect_price_usd is not None else 0.15,
        plan=row.plan or Plan.BASIC.value,
        rules={
            rule: RuleOverride(bool(o.get("enabled", True)), float(o.get("weight", 1.0)))
            for rule, o in (row.rule_overrides or {}).items()
        },
    )


def apply_spec(row: Profile, spec: ProfileSpec) -> Profile:
    """Write ``spec`` onto ``row`` (new or existing)."""
    row.name = spec.name
    row.your_name = spec.your_name.strip()
    row.title = spec.title
    row.skills = [
        {"name": s.name, "weight": s.weight, "synonyms": list(s.synonyms)} for s in spec.skills
    ]
    row.min_hourly_rate = spec.min_hourly_rate
    row.min_fixed_budget = spec.min_fixed_budget
    row.preferred_categories = list(spec.preferred_categories)
    row.experience_levels = list(spec.experience_levels)
    row.require_payment_verified = spec.client.payment_verified_required
    row.min_client_rating = spec.client.min_rating
    row.min_client_spent = spec.client.min_total_spent
    row.min_hire_rate = spec.client.min_hire_rate
    row.excluded_countries = list(spec.client.excluded_countries)
    row.include_keywords = list(spec.include_keywords)
    row.exclude_keywords = list(spec.exclude_keywords)
    row.not_doing = list(spec.not_doing)
    row.connect_price_usd = spec.connect_price_usd
    row.plan = spec.plan
    row.rule_overrides = {
        rule: {"enabled": o.enabled, "weight": o.weight} for rule, o in spec.rules.items()
    }
    return row


def list_profiles(session: Session) -> list[Profile]:
    return list(session.scalars(select(Profile).order_by(Profile.name)))


def find_profile(session: Session, name: str) -> Profile:
    row = session.scalar(select(Profile).where(Profile.name == name))
    if row is None:
        known = ", ".join(p.name for p in list_profiles(session)) or "none yet"
        raise NotFoundError(f"no profile named {name!r} (profiles: {known})")
    return row


def active_profile(session: Session) -> Profile | None:
    """The acting member's profile, else the one marked active, else the first by name.

    None when there are none.
    """
    own = members.acting_member(session).active_profile_id
    if own is not None:
        mine = session.get(Profile, own)
        if mine is not None:
            return mine
    row = session.scalar(select(Profile).where(Profile.is_active.is_(True)).limit(1))
    if row is None:
        row = session.scalar(select(Profile).order_by(Profile.name).limit(1))
    return row


def use_profile(session: Session, name: str) -> Profile:
    """Make ``name`` the acting member's profile (and the one marked active)."""
    row = find_profile(session, name)
    members.acting_member(session).active_profile_id = row.id
    # statements, not an edit of the row: choosing a profile is not a new version of it
    session.execute(update(Profile).values(is_active=False))
    session.execute(update(Profile).where(Profile.id == row.id).values(is_active=True))
    session.flush()
    return row


def save_profile(
    session: Session,
    spec: ProfileSpec,
    *,
    replace: str | None = None,
    expected_version: int | None = None,
) -> Profile:
    """Store ``spec``: update the profile named ``replace`` (or ``spec.name``), else add it.

    The first profile stored becomes the active one. With ``expected_version``
    (what the editor loaded) a profile saved since by someone else is refused
    (:class:`~app.storage.members.ConflictError`).
    """
    validate_spec(spec)
    target = replace or spec.name
    row = session.scalar(select(Profile).where(Profile.name == target))
    if replace and spec.name != replace:
        clash = session.scalar(select(Profile).where(Profile.name == spec.name))
        if clash is not None:
            raise InputError(f"a profile named {spec.name!r} already exists")
    if row is None:
        row = Profile(is_active=active_profile(session) is None)
        session.add(row)
    else:
        members.check_version(session, row, expected_version, f"profile {row.name!r}")
    apply_spec(row, spec)
    session.flush()
    return row


def delete_profile(session: Session, name: str) -> None:
    """Delete a profile; another becomes active if it was the active one."""
    members.require_manager(session, "delete profiles")
    row = find_profile(session, name)
    was_active = row.is_active
    session.delete(row)
    session.flush()
    if was_active:
        other = session.scalar(select(Profile).order_by(Profile.name).limit(1))
        if other is not None:
            other.is_active = True


def validate_spec(spec: ProfileSpec) -> None:
    """One-line errors for values a form or a file could get wrong."""
    if not spec.name.strip():
        raise InputError("a profile needs a name")
    if len(spec.your_name) > MAX_NAME_CHARS:
        raise InputError(f"your name is limited to {MAX_NAME_CHARS} characters")
    for value, label in (
        (spec.min_hourly_rate, "min_hourly_rate"),
        (spec.min_fixed_budget, "min_fixed_budget"),
        (spec.client.min_total_spent, "client.min_total_spent"),
    ):
        if value is not None and value < 0:
            raise InputError(f"{label} cannot be negative")
    if spec.client.min_rating is not None and not 0 <= spec.client.min_rating <= 5:
        raise InputError("client.min_rating must be between 0 and 5")
    if spec.client.min_hire_rate is not None and not 0 <= spec.client.min_hire_rate <= 100:
        raise InputError("client.min_hire_rate must be a percentage (0 to 100)")
    if spec.connect_price_usd <= 0:
        raise InputError("connect_price_usd must be more than 0")
    if spec.plan not in {p.value for p in Plan}:
        raise InputError(f"plan must be one of {', '.join(p.value for p in Plan)}")
    levels = {e.value for e in ExperienceLevel}
    for level in spec.experience_levels:
        if level not in levels:
            raise InputError(f"experience level {level!r} must be one of {', '.join(levels)}")
    names = [s.name.strip().lower() for s in spec.skills]
    if any(not n for n in names):
        raise InputError("every skill needs a name")
    if len(set(names)) != len(names):
        raise InputError("a skill is listed twice")
    for skill in spec.skills:
        if skill.weight < 0:
            raise InputError(f"skill {skill.name!r}: weight cannot be negative")
    if any(not n.strip() for n in spec.not_doing):
        raise InputError("every entry of not_doing needs a name")
    doing = set(names)
    for name in spec.not_doing:
        if name.strip().lower() in doing:
            raise InputError(f"{name!r} is both a skill and in not_doing")


# -- TOML --------------------------------------------------------------------

_NUMBER: tuple[type, ...] = (int, float)
#: key -> (accepted types, description); nested tables are described apart
_KeySpec = dict[str, tuple[tuple[type, ...], str]]
_TOP_KEYS: _KeySpec = {
    "name": ((str,), "a string"),
    "version": ((int,), "a whole number (the version it was exported from)"),
    "your_name": ((str,), "a string"),
    "title": ((str,), "a string"),
    "min_hourly_rate": (_NUMBER, "a number"),
    "min_fixed_budget": (_NUMBER, "a number"),
    "preferred_categories": ((list,), "a list of strings"),
    "experience_levels": ((list,), "a list of strings"),
    "include_keywords": ((list,), "a list of strings"),
    "exclude_keywords": ((list,), "a list of strings"),
    "not_doing": ((list,), "a list of strings"),
    "connect_price_usd": (_NUMBER, "a number"),
    "plan": ((str,), "a string"),
    "skills": ((list,), "an array of tables ([[skills]])"),
    "client": ((dict,), "a table ([client])"),
    "rules": ((dict,), "a table ([rules.RULE-ID])"),
}
_SKILL_KEYS: _KeySpec = {
    "name": ((str,), "a string"),
    "weight": (_NUMBER, "a number"),
    "synonyms": ((list,), "a list of strings"),
}
_CLIENT_KEYS: _KeySpec = {
    "payment_verified_required": ((bool,), "true or false"),
    "min_rating": (_NUMBER, "a number"),
    "min_total_spent": (_NUMBER, "a number"),
    "min_hire_rate": (_NUMBER, "a number"),
    "excluded_countries": ((list,), "a list of strings"),
}
_RULE_KEYS: _KeySpec = {"enabled": ((bool,), "true or false"), "weight": (_NUMBER, "a number")}
_STRING_LISTS = {
    "preferred_categories",
    "experience_levels",
    "include_keywords",
    "exclude_keywords",
    "not_doing",
    "synonyms",
    "excluded_countries",
}


def profile_to_toml(spec: ProfileSpec, version: int | None = None) -> str:
    """The profile as a TOML document (``None`` values are left out).

    ``version``: the stored row's version (``pwb profile export`` writes it), which
    :func:`import_profile` checks so an import cannot silently undo a newer save.
    """
    doc: dict[str, Any] = {"name": spec.name}
    if version is not None:
        doc["version"] = version
    if spec.your_name:
        doc["your_name"] = spec.your_name
    doc.update(title=spec.title, plan=spec.plan)
    for key in ("min_hourly_rate", "min_fixed_budget"):
        if getattr(spec, key) is not None:
            doc[key] = getattr(spec, key)
    doc["connect_price_usd"] = spec.connect_price_usd
    for key in ("preferred_categories", "experience_levels", "include_keywords"):
        doc[key] = list(getattr(spec, key))
    doc["exclude_keywords"] = list(spec.exclude_keywords)
    doc["not_doing"] = list(spec.not_doing)
    client: dict[str, Any] = {"payment_verified_required": spec.client.payment_verified_required}
    for key in ("min_rating", "min_total_spent", "min_hire_rate"):
        if getattr(spec.client, key) is not None:
            client[key] = getattr(spec.client, key)
    client["excluded_countries"] = list(spec.client.excluded_countries)
    doc["client"] = client
    doc["skills"] = [
        {"name": s.name, "weight": s.weight, "synonyms": list(s.synonyms)} for s in spec.skills
    ]
    if spec.rules:
        doc["rules"] = {
            rule: {"enabled": o.enabled, "weight": o.weight} for rule, o in spec.rules.items()
        }
    return tomli_w.dumps(doc)


def profile_from_toml(
    text: str, source: str = "profile", known_rules: set[str] | None = None
) -> ProfileSpec:
    """Read a profile TOML; wrong types or unknown keys raise InputError naming key and line.

    ``known_rules``, when given, are the rule ids a ``[rules.ID]`` table may name.
    """
    doc = load_toml(text, source)
    locate = _KeyLocator(text)
    _check_table(doc, _TOP_KEYS, (), locate, source)
    for index, skill in enumerate(doc.get("skills", [])):
        where = ("skills", index)
        if not isinstance(skill, dict):
            raise _bad(source, locate, where, "must be a table with name, weight and synonyms")
        _check_table(skill, _SKILL_KEYS, where, locate, source)
        if "name" not in skill:
            raise _bad(source, locate, where, "needs a name")
    _check_table(doc.get("client", {}), _CLIENT_KEYS, ("client",), locate, source)
    for rule, override in doc.get("rules", {}).items():
        if not isinstance(override, dict):
            raise _bad(source, locate, ("rules", rule), "must be a table with enabled and weight")
        if known_rules is not None and rule not in known_rules:
            raise _bad(source, locate, ("rules", rule), "is not a known red-flag rule")
        _check_table(override, _RULE_KEYS, ("rules", rule), locate, source)
    if "name" not in doc:
        raise InputError(
            f"{source}: key 'name' is missing (the profile's name); nothing was changed"
        )
    spec = _spec_from_doc(doc)
    try:
        validate_spec(spec)
    except InputError as exc:
        raise InputError(f"{source}: {exc}") from None
    return spec


def _spec_from_doc(doc: dict[str, Any]) -> ProfileSpec:
    client = doc.get("client", {})
    num = _optional_float
    return ProfileSpec(
        name=doc.get("name", DEFAULT_PROFILE_NAME),
        your_name=doc.get("your_name", ""),
        title=doc.get("title", ""),
        skills=[
            Skill(s["name"], float(s.get("weight", 1.0)), list(s.get("synonyms", [])))
            for s in doc.get("skills", [])
        ],
        min_hourly_rate=num(doc.get("min_hourly_rate")),
        min_fixed_budget=num(doc.get("min_fixed_budget")),
        preferred_categories=list(doc.get("preferred_categories", [])),
        experience_levels=[s.lower() for s in doc.get("experience_levels", [])],
        client=ClientCriteria(
            payment_verified_required=client.get("payment_verified_required", False),
            min_rating=num(client.get("min_rating")),
            min_total_spent=num(client.get("min_total_spent")),
            min_hire_rate=num(client.get("min_hire_rate")),
            excluded_countries=list(client.get("excluded_countries", [])),
        ),
        include_keywords=list(doc.get("include_keywords", [])),
        exclude_keywords=list(doc.get("exclude_keywords", [])),
        not_doing=list(doc.get("not_doing", [])),
        connect_price_usd=float(doc.get("connect_price_usd", 0.15)),
        plan=doc.get("plan", Plan.BASIC.value),
        rules={
            rule: RuleOverride(o.get("enabled", True), float(o.get("weight", 1.0)))
            for rule, o in doc.get("rules", {}).items()
        },
    )


def _optional_float(value: Any) -> float | None:
    return None if value is None else float(value)


def _check_table(
    table: dict[str, Any],
    allowed: dict[str, tuple[tuple[type, ...], str]],
    where: tuple[str | int, ...],
    locate: _KeyLocator,
    source: str,
) -> None:
    for key, value in table.items():
        path = (*where, key)
        if key not in allowed:
            raise _bad(source, locate, path, f"unknown key (allowed: {', '.join(allowed)})")
        types, described = allowed[key]
        if isinstance(value, bool) and bool not in types or not isinstance(value, types):
            raise _bad(source, locate, path, f"must be {described}, not {_toml_type(value)}")
        items: list[Any] = value if isinstance(value, list) else []
        if key in _STRING_LISTS and not all(isinstance(v, str) for v in items):
            raise _bad(source, locate, path, "must be a list of strings")


def _toml_type(value: Any) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string"}
    names.update({list: "an array", dict: "a table"})
    return names.get(type(value), type(value).__name__)


def _bad(source: str, locate: _KeyLocator, path: tuple[str | int, ...], problem: str) -> InputError:
    key = ".".join(f"[{p}]" if isinstance(p, int) else p for p in path).replace(".[", "[")
    line = locate.line_of(path)
    at = f" line {line}" if line else ""
    return InputError(f"{source}:{at} key {key!r} {problem}; nothing was changed")


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")


class _KeyLocator:
    """Finds the line a key path was written on (tomllib does not report it)."""

    def __init__(self, text: str) -> None:
        self.entries: list[tuple[tuple[str | int, ...], int]] = []
        table: tuple[str | int, ...] = ()
        counts: dict[str, int] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            header = _HEADER.match(line)
            if header:
                parts = tuple(p.strip().strip("\"'") for p in header.group(2).split("."))
                if header.group(1) == "[[":
                    name = ".".join(parts)
                    counts[name] = counts.get(name, -1) + 1
                    table = (*parts, counts[name])
                else:
                    table = parts
                self.entries.append((table, number))
                continue
            key = _KEY.match(line)
            if key:
                self.entries.append(((*table, key.group(1).strip("\"'")), number))

    def line_of(self, path: tuple[str | int, ...]) -> int | None:
        for entry, number in self.entries:
            if entry == path:
                return number
        # an inline table or a dotted key: fall back to the last key's name
        last = path[-1]
        for entry, number in self.entries:
            if entry and entry[-1] == last:
                return number
        return None


def profile_version_in_toml(text: str, source: str = "profile") -> int | None:
    """The ``version`` key of a profile TOML (what it was exported from), if any."""
    value = load_toml(text, source).get("version")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _bad(source, _KeyLocator(text), ("version",), "must be a whole number from 1")
    return value


def import_profile(
    session: Session,
    text: str,
    source: str = "profile",
    known_rules: set[str] | None = None,
    *,
    overwrite: bool = False,
) -> Profile:
    """Store the profile from a TOML text (replacing one of the same name).

    A ``version`` in the text (``pwb profile export`` writes it) is the version the
    file was taken from: a profile saved since by someone else is refused
    (:class:`~app.errors.ConflictError`) unless ``overwrite``.
    """
    spec = profile_from_toml(text, source, known_rules)
    version = profile_version_in_toml(text, source)
    return save_profile(session, spec, expected_version=None if overwrite else version)
