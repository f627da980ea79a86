"""Capturing postings: pasted text → parsed facts → stored rows (one call per user action).

:func:`store_postings` is the single path every capture takes (paste in the
GUI, ``pwb add``, the review dialog), so work that must follow storing a
posting (scoring, once it exists) is added in one place.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from app import clock
from app.domain import BudgetType, ExperienceLevel, PostingFacts
from app.errors import InputError
from app.parsing.money import parse_money
from app.parsing.upwork import mark_missing, parse_postings
from app.scoring.facts_json import facts_from_json_text
from app.scoring.service import score_jobs
from app.storage.jobs import add_posting
from app.storage.models import JobPosting


def store_postings(
    session: Session, postings: Sequence[PostingFacts], *, source: str = "paste"
) -> list[tuple[JobPosting, bool]]:
    """Store parsed (and possibly user-corrected) postings; (row, created) for each.

    Each stored posting is scored against the active profile at once, so it
    shows with its verdict; with no profile yet it is scored when one is made.
    """
    stored = [add_posting(session, facts, source=source) for facts in postings]
    score_jobs(session, [job.id for job, _created in stored])
    return stored


@dataclass(frozen=True)
class SavedPostings:
    """What one save from the review form stored."""

    ids: list[int]
    added: int

    def summary(self) -> str:
        """``2 added, 1 already stored, updated``."""
        updated = len(self.ids) - self.added
        parts = [f"{self.added} added"] if self.added else []
        if updated:
            parts.append(f"{updated} already stored, updated")
        return ", ".join(parts) or "nothing new"


def save_reviewed(
    session: Session, postings: Sequence[PostingFacts], *, source: str = "paste"
) -> SavedPostings:
    """Store postings the user reviewed (and may have corrected): they are kept even when
    they do not look like postings, since the user saw the warning and chose to save."""
    stored = store_postings(session, postings, source=source)
    return SavedPostings([job.id for job, _ in stored], sum(1 for _, created in stored if created))


#: a description this short, with nothing else recognised, is not evidence of a posting
MIN_DESCRIPTION_WORDS = 8


def looks_like_posting(facts: PostingFacts) -> bool:
    """Whether the parser recognised more than a first line: a real description, a budget,
    skills, a URL, activity or client facts. Without a review form (the CLI) a paste that
    is only a line or two of text is refused rather than stored as a posting."""
    words = len((facts.description or "").split())
    return has_posting_facts(facts) or words >= MIN_DESCRIPTION_WORDS


def has_posting_facts(facts: PostingFacts) -> bool:
    """Whether the parser found a fact only a posting has (a URL, budget, skills, level,
    posting time, proposals, Connects or client facts), not just words."""
    structured = (
        facts.url,
        facts.skills,
        facts.budget_type,
        facts.experience_level,
        facts.posted_at,
        facts.proposals_min,
        facts.connects_required,
        facts.client.payment_verified,
        facts.client.country,
    )
    return any(v not in (None, [], "") for v in structured)


#: why a text is not taken for a posting, and what to do (``pwb add`` and the review form)
NOT_A_POSTING = (
    "does not look like a job posting (no description, budget, skills or client details "
    "found); copy the whole job page or search tile"
)


def _recognised(postings: Sequence[PostingFacts], source: str) -> Sequence[PostingFacts]:
    if not all(looks_like_posting(p) for p in postings):
        raise InputError(f"{source} {NOT_A_POSTING}")
    return postings


def capture_text(
    session: Session, text: str, *, now: datetime | None = None, source: str = "paste"
) -> list[tuple[JobPosting, bool]]:
    """Parse pasted text and store every posting in it (refusing text that is no posting)."""
    postings = _recognised(parse_postings(text, now), "the text")
    return store_postings(session, postings, source=source)


def posting_from_input(text: str, source: str, now: datetime | None = None) -> PostingFacts:
    """One posting given on the command line: a ``pwb parse --json`` object or pasted text."""
    if text.lstrip().startswith("{"):
        return facts_from_json_text(text, source)
    postings = parse_postings(text, now)
    if len(postings) != 1:
        raise InputError(f"{source} holds {len(postings)} postings; give one at a time")
    return _recognised(postings, source)[0]


# -- the review form: what the user can correct before saving ----------------------------------


@dataclass(frozen=True)
class FieldSpec:
    """One editable field of a posting: ``key`` is a PostingFacts attribute or ``client.x``."""

    key: str
    label: str
    kind: str  # text | multiline | list | int | float | money | choice | datetime | date
    choices: tuple[str, ...] = ()


EDITABLE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", "Title", "text"),
    FieldSpec("url", "URL", "text"),
    FieldSpec("category", "Category", "text"),
    FieldSpec("skills", "Skills", "list"),
    FieldSpec("budget_type", "Budget type", "choice", ("", "fixed", "hourly")),
    FieldSpec("fixed_budget", "Fixed budget", "money"),
    FieldSpec("hourly_min", "Hourly from", "money"),
    FieldSpec("hourly_max", "Hourly to", "money"),
    FieldSpec(
        "experience_level", "Experience level", "choice", ("", "entry", "intermediate", "expert")
    ),
    FieldSpec("duration", "Duration", "text"),
    FieldSpec("hours_per_week", "Hours per week", "text"),
    FieldSpec("posted_at", "Posted at", "datetime"),
    FieldSpec("proposals_min", "Proposals from", "int"),
    FieldSpec("proposals_max", "Proposals to", "int"),
    FieldSpec("interviewing", "Interviewing", "int"),
    FieldSpec("invites_sent", "Invites sent", "int"),
    FieldSpec("unanswered_invites", "Unanswered invites", "int"),
    FieldSpec("connects_required", "Connects required", "int"),
    FieldSpec("client.payment_verified", "Payment verified", "choice", ("", "yes", "no")),
    FieldSpec("client.rating", "Client rating", "float"),
    FieldSpec("client.reviews", "Client reviews", "int"),
    FieldSpec("client.country", "Client country", "text"),
    FieldSpec("client.city", "Client city", "text"),
    FieldSpec("client.jobs_posted", "Jobs posted", "int"),
    FieldSpec("client.hire_rate", "Hire rate %", "float"),
    FieldSpec("client.open_jobs", "Open jobs", "int"),
    FieldSpec("client.total_spent", "Total spent", "money"),
    FieldSpec("client.hires", "Hires", "int"),
    FieldSpec("client.active_hires", "Active hires", "int"),
    FieldSpec("client.avg_hourly_rate", "Avg hourly rate paid", "money"),
    FieldSpec("client.member_since", "Member since", "date"),
    FieldSpec("client.industry", "Client industry", "text"),
    FieldSpec("client.company_size", "Client company size", "text"),
    FieldSpec("description", "Description", "multiline"),
)


def _get(facts: PostingFacts, key: str) -> Any:
    if key.startswith("client."):
        return getattr(facts.client, key.split(".", 1)[1])
    return getattr(facts, key)


def field_text(facts: PostingFacts, spec: FieldSpec) -> str:
    """The value of a field as the form shows it (empty when unknown)."""
    value = _get(facts, spec.key)
    if value is None:
        return ""
    if spec.kind == "list":
        return ", ".join(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value == int(value) and spec.kind != "float":
        return str(int(value))
    return str(value)


def apply_edits(facts: PostingFacts, edits: dict[str, str]) -> PostingFacts:
    """A copy of ``facts`` with the form's texts applied; a bad value → InputError naming it."""
    out = copy.deepcopy(facts)
    specs = {spec.key: spec for spec in EDITABLE_FIELDS}
    for key, text in edits.items():
        spec = specs[key]
        value = _convert(spec, text.strip())
        if key.startswith("client."):
            setattr(out.client, key.split(".", 1)[1], value)
        else:
            setattr(out, key, value)
    if not (out.title or out.description or out.url):
        raise InputError("a posting needs at least a title, a description or a URL")
    unrated = "client.rating" not in facts.missing and facts.client.rating is None
    return mark_missing(out, unrated=unrated and out.client.rating is None)


def _convert(spec: FieldSpec, text: str) -> Any:
    if not text:
        return [] if spec.kind == "list" else None
    try:
        if spec.kind in ("text", "multiline"):
            return text
        if spec.kind == "list":
            return [s.strip() for s in text.split(",") if s.strip()]
        if spec.kind == "int":
            return int(text.replace(",", ""))
        if spec.kind == "float":
            return float(text.replace(",", "").rstrip("%"))
        if spec.kind == "money":
            value = parse_money(text)
            if value is None:
                raise ValueError(text)
            return value
        if spec.kind == "choice":
            return _choice(spec, text)
        if spec.kind == "datetime":
            return clock.parse_iso(text)
        if spec.kind == "date":
            return date.fromisoformat(text)
    except ValueError:
        pass
    hint = {"datetime": " (use 2026-03-10T14:00)", "date": " (use 2024-06-11)"}.get(spec.kind, "")
    raise InputError(f"{spec.label}: {text!r} is not a valid value{hint}")


def _choice(spec: FieldSpec, text: str) -> Any:
    if text not in spec.choices:
        raise ValueError(text)
    if spec.key == "budget_type":
        return BudgetType(text)
    if spec.key == "experience_level":
        return ExperienceLevel(text)
    return text == "yes"
