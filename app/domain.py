"""Plain domain values shared by parsing, import, scoring and storage.

:class:`PostingFacts` is what a freelancer can see about a job posting. The
paste parser and the importers produce it, the scorer reads it, and storage
turns it into a :class:`app.storage.models.JobPosting` row. Field names follow
the ``pwb parse --json`` contract, so ``to_json`` is that contract.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class BudgetType(StrEnum):
    FIXED = "fixed"
    HOURLY = "hourly"


class ExperienceLevel(StrEnum):
    ENTRY = "entry"
    INTERMEDIATE = "intermediate"
    EXPERT = "expert"


class JobStatus(StrEnum):
    """Where a posting is in the freelancer's triage."""

    NEW = "new"
    SHORTLISTED = "shortlisted"
    #: a proposal was submitted for it (it leaves the Open queue)
    APPLIED = "applied"
    SKIPPED = "skipped"
    ARCHIVED = "archived"


#: the postings still waiting for a decision: the Jobs page's "Open" queue
OPEN_JOB_STATUSES: tuple[str, ...] = (JobStatus.NEW.value, JobStatus.SHORTLISTED.value)


class Verdict(StrEnum):
    APPLY = "apply"
    MAYBE = "maybe"
    SKIP = "skip"


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    CRITICAL = "critical"


class ProposalStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    VIEWED = "viewed"
    REPLIED = "replied"
    INTERVIEWING = "interviewing"
    HIRED = "hired"
    DECLINED = "declined"
    NOT_HIRED = "not_hired"
    WITHDRAWN = "withdrawn"
    JOB_CLOSED = "job_closed"


class LedgerKind(StrEnum):
    ALLOCATION = "allocation"
    PURCHASE = "purchase"
    BONUS = "bonus"
    SPEND = "spend"
    BOOST = "boost"
    REFUND = "refund"
    BOOST_REFUND = "boost_refund"
    EXPIRY = "expiry"
    CORRECTION = "correction"


class Plan(StrEnum):
    BASIC = "basic"
    FREELANCER_PLUS = "freelancer_plus"
    AGENCY = "agency"


@dataclass
class ClientFacts:
    """What the posting says about the client (a snapshot, not an account)."""

    payment_verified: bool | None = None
    rating: float | None = None
    reviews: int | None = None
    country: str | None = None
    city: str | None = None
    jobs_posted: int | None = None
    hire_rate: float | None = None  # percent, 0..100
    open_jobs: int | None = None
    total_spent: float | None = None  # USD
    hires: int | None = None
    active_hires: int | None = None
    avg_hourly_rate: float | None = None
    member_since: date | None = None
    #: the client's industry as the posting names it ("Tech & IT")
    industry: str | None = None
    #: the client's company size or kind ("Small company (2-9 people)", "Individual client")
    company_size: str | None = None


@dataclass
class PostingFacts:
    """A job posting as the freelancer sees it; ``None`` means "not known"."""

    title: str | None = None
    description: str | None = None
    url: str | None = None
    category: str | None = None
    skills: list[str] = field(default_factory=list)
    budget_type: BudgetType | None = None
    fixed_budget: float | None = None
    hourly_min: float | None = None
    hourly_max: float | None = None
    experience_level: ExperienceLevel | None = None
    duration: str | None = None
    hours_per_week: str | None = None
    posted_at: datetime | None = None
    proposals_min: int | None = None
    proposals_max: int | None = None
    interviewing: int | None = None
    invites_sent: int | None = None
    unanswered_invites: int | None = None
    connects_required: int | None = None
    client: ClientFacts = field(default_factory=ClientFacts)
    missing: list[str] = field(default_factory=list)
    # Not part of the parse contract, but kept with the posting.
    platform: str = "upwork"
    external_id: str | None = None
    last_viewed_at: datetime | None = None
    screening_questions: list[str] = field(default_factory=list)
    raw_text: str | None = None
    #: the lines of ``raw_text`` the parser placed nowhere (:mod:`app.parsing.rest`): the
    #: red-flag rules read them too; None when not computed
    unplaced: str | None = None

    #: keys of ``to_json`` in contract order (``pwb parse --json``)
    CONTRACT_KEYS = [
        "title",
        "description",
        "url",
        "category",
        "skills",
        "budget_type",
        "fixed_budget",
        "hourly_min",
        "hourly_max",
        "experience_level",
        "duration",
        "hours_per_week",
        "posted_at",
        "proposals_min",
        "proposals_max",
        "interviewing",
        "invites_sent",
        "unanswered_invites",
        "connects_required",
        "client",
        "missing",
    ]

    def to_json(self) -> dict[str, Any]:
        """The ``pwb parse --json`` object: exactly the contract keys."""
        out: dict[str, Any] = {}
        for key in self.CONTRACT_KEYS:
            value = getattr(self, key)
            if key == "client":
                value = {k: _jsonable(v) for k, v in dataclasses.asdict(self.client).items()}
            out[key] = _jsonable(value)
        return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value
