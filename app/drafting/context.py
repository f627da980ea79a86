"""What a saved reply can use: ``job``, ``client``, ``profile``, ``score``, ``today``.

Values the app does not know (``None``, empty text) are left out, so a reply
that prints them gets a fill-in instead of the word "None".
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.domain import BudgetType, ClientFacts, ExperienceLevel, PostingFacts
from app.errors import InputError
from app.storage.models import Profile, ScoreCard

#: (variable, what it holds), shown in the editor's reference panel
VARIABLES: tuple[tuple[str, str], ...] = (
    ("job.title", "the posting's title"),
    ("job.description", "the posting's full description"),
    ("job.skills", "list of skills the posting asks for"),
    ("job.category", "the posting's category"),
    ("job.budget", "budget as text: $500 fixed or $16–35/hr"),
    ("job.budget_type", "fixed or hourly"),
    ("job.fixed_budget / job.hourly_min / job.hourly_max", "budget numbers"),
    ("job.experience_level", "entry, intermediate or expert"),
    ("job.duration / job.hours_per_week", "as the posting says"),
    ("job.screening_questions", "list of the client's questions"),
    ("job.url", "link to the posting"),
    ("client.country / client.city", "where the client is"),
    ("client.rating / client.reviews", "client feedback score and count"),
    ("client.total_spent / client.hires / client.hire_rate", "client history"),
    ("client.name", "not in postings: a fill-in you type"),
    ("profile.your_name", "your own name, to sign with (a fill-in when not set)"),
    ("profile.title", "your specialised title"),
    ("profile.name", "the profile's label (e.g. Default): not your name"),
    ("profile.skills", "list of your skills"),
    ("profile.min_hourly_rate", "your minimum hourly rate"),
    ("score.matched_skills", "posting skills you have"),
    ("score.missing_skills", "posting skills you lack"),
    ("score.total / score.verdict", "fit score 0–100 and apply / maybe / skip"),
    ("score.flags", "red-flag rule ids found in the posting"),
    ("today", "today's date (today.strftime('%B %d'))"),
    ("anything else", "becomes a fill-in: {{ portfolio_link }} or [Portfolio link]"),
)


def _known(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if v is not None and v != ""}


def _plain(value: Any) -> Any:
    if isinstance(value, BudgetType | ExperienceLevel):
        return value.value
    return value


def budget_text(facts: PostingFacts) -> str | None:
    """The budget as a person writes it: ``$500 fixed`` or ``$16–35/hr``."""
    if facts.budget_type == BudgetType.FIXED and facts.fixed_budget is not None:
        return f"${facts.fixed_budget:,.0f} fixed"
    if facts.hourly_min is not None and facts.hourly_max is not None:
        return f"${facts.hourly_min:,.0f}–{facts.hourly_max:,.0f}/hr"
    rate = facts.hourly_min if facts.hourly_min is not None else facts.hourly_max
    return f"${rate:,.0f}/hr" if rate is not None else None


def job_vars(facts: PostingFacts, job_id: int | None = None) -> dict[str, Any]:
    fields = {
        f.name: _plain(getattr(facts, f.name))
        for f in dataclasses.fields(facts)
        if f.name not in {"client", "missing", "raw_text", "unplaced"}
    }
    fields["budget"] = budget_text(facts)
    fields["id"] = job_id
    fields["skills"] = list(facts.skills)
    fields["screening_questions"] = list(facts.screening_questions)
    return _known(fields)


def client_vars(client: ClientFacts) -> dict[str, Any]:
    return _known(dataclasses.asdict(client))


def skill_names(profile: Profile | None) -> list[str]:
    return (
        [str(s.get("name", "")) for s in (profile.skills or []) if s.get("name")] if profile else []
    )


def profile_vars(profile: Profile | None) -> dict[str, Any]:
    if profile is None:
        return {"skills": []}
    return _known(
        {
            "name": profile.name,
            "your_name": profile.your_name.strip() if profile.your_name else None,
            "title": profile.title,
            "skills": skill_names(profile),
            "min_hourly_rate": profile.min_hourly_rate,
            "min_fixed_budget": profile.min_fixed_budget,
            "plan": profile.plan,
        }
    )


def _skill_aliases(profile: Profile | None) -> set[str]:
    aliases: set[str] = set()
    for skill in (profile.skills or []) if profile else []:
        aliases.add(str(skill.get("name", "")).casefold())
        aliases.update(str(s).casefold() for s in skill.get("synonyms", []) or [])
    return aliases - {""}


def score_vars(
    session: Session, facts: PostingFacts, profile: Profile | None, job_id: int | None
) -> dict[str, Any]:
    """The stored score card for this posting and profile, else a plain skills match."""
    card = None
    if job_id is not None and profile is not None:
        card = session.scalar(
            select(ScoreCard).where(ScoreCard.job_id == job_id, ScoreCard.profile_id == profile.id)
        )
    if card is not None:
        return _known(
            {
                "total": card.total,
                "verdict": card.verdict,
                "matched_skills": list(card.matched_skills or []),
                "missing_skills": list(card.missing_skills or []),
                "flags": [str(f.get("rule", "")) for f in card.flags or []],
                "critical_flags": card.critical_flags,
            }
        )
    if profile is None:  # nothing to compare with: claim neither a match nor a gap
        return {"matched_skills": [], "missing_skills": [], "flags": []}
    have = _skill_aliases(profile)
    return {
        "matched_skills": [s for s in facts.skills if s.casefold() in have],
        "missing_skills": [s for s in facts.skills if s.casefold() not in have],
        "flags": [],
    }


def draft_context(
    session: Session,
    facts: PostingFacts,
    *,
    job_id: int | None = None,
    profile: Profile | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """Everything a saved reply can use for one posting."""
    return {
        "job": job_vars(facts, job_id),
        "client": client_vars(facts.client),
        "profile": profile_vars(profile),
        "score": score_vars(session, facts, profile, job_id),
        "today": today or clock.now().date(),
    }


def parse_assignments(items: list[str] | None) -> dict[str, str]:
    """``--set KEY=VALUE`` pairs as a dict; one-line error for a pair without ``=``."""
    values: dict[str, str] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise InputError(f"--set {item!r} is not KEY=VALUE")
        values[key.strip()] = value
    return values
