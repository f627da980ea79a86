"""Which column of an imported file is which field of a posting.

Column names are compared lower-case with spaces, dashes and dots as ``_``.
A header's mapping can be changed by the user (a column remapped or skipped);
the change is remembered for files with the same header, keyed by
:func:`header_key`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

#: column names tools use, per field (first found wins)
COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "job_title", "name", "subject", "job_name"),
    "url": ("url", "link", "job_url", "joburl", "job_link", "href", "permalink"),
    "description": (
        "description", "desc", "snippet", "body", "content", "job_description", "summary",
    ),
    "skills": ("skills", "tags", "skill", "keywords", "ontologyskills", "job_skills"),
    "budget": (
        "budget", "fixed_budget", "fixed_price", "amount", "price", "budget_amount",
        "fixed_price_budget",
    ),
    "budget_min": ("min_budget", "budget_min"),
    "budget_max": ("max_budget", "budget_max"),
    "hourly_min": (
        "hourly_range_min", "hourly_min", "hourlybudgetmin", "min_rate", "rate_min", "hourly_low",
    ),
    "hourly_max": (
        "hourly_range_max", "hourly_max", "hourlybudgetmax", "max_rate", "rate_max", "hourly_high",
    ),
    "rate": ("rate", "job_type_rate", "budget_text", "payment", "hourly_rate"),
    "budget_type": (
        "budget_type", "job_type", "jobtype", "type", "payment_type", "contract_type",
    ),
    "experience_level": (
        "exp_lvl", "experience_level", "experience", "contractortier", "tier", "expertise",
    ),
    "est_time": ("est_time", "estimated_time", "duration_text", "engagement"),
    "duration": ("duration", "project_length", "length", "job_duration"),
    "hours_per_week": ("hours_per_week", "workload", "hours", "work_hours"),
    "posted_at": (
        "published", "posted_at", "posted", "published_at", "publishtime", "date",
        "created_at", "createddatetime", "time", "posted_on", "date_posted", "posted_time",
        "published_date", "pubdate",
    ),
    "category": ("category", "subcategory", "occupation", "track_name", "job_category"),
    "country": ("country", "client_country", "location", "client_location"),
    "city": ("city", "client_city"),
    "proposals": (
        "proposals", "proposals_count", "totalapplicants", "applicants", "bids", "proposal_count",
    ),
    "interviewing": ("interviewing", "interviews"),
    "invites_sent": ("invites_sent", "invites"),
    "unanswered_invites": ("unanswered_invites",),
    "connects": ("connects", "connects_required", "connectprice", "connect_price"),
    "payment_verified": (
        "payment_verified", "client_payment_verified", "paymentverificationstatus", "verified",
        "payment_method_verified",
    ),
    "rating": ("client_rating", "rating", "totalfeedback", "feedback"),
    "reviews": ("client_reviews", "reviews", "totalreviews", "client_review_count"),
    "total_spent": ("client_spent", "total_spent", "client_total_spent", "totalspent", "spent"),
    "hires": ("client_hires", "hires", "totalhires", "client_total_hires"),
    "active_hires": ("active", "client_active_hires", "active_hires"),
    "jobs_posted": ("client_jobs_posted", "jobs_posted", "totalpostedjobs"),
    "open_jobs": ("client_open_jobs", "open_jobs"),
    "hire_rate": ("client_hire_rate", "hire_rate"),
    "avg_hourly_rate": ("client_avg_hourly_rate", "avg_hourly_rate", "client_avg_rate"),
    "member_since": ("client_member_since", "member_since"),
    "industry": ("client_industry", "industry", "company_industry"),
    "company_size": (
        "client_type", "client_company_size", "company_size", "client_size", "client_kind",
    ),
    "external_id": ("ciphertext", "job_id", "uid", "id"),
    "platform": ("platform", "site", "marketplace"),
}  # fmt: skip

#: what the import dialog calls each field
LABELS: dict[str, str] = {
    "title": "Title",
    "url": "URL",
    "description": "Description",
    "skills": "Skills",
    "budget": "Fixed budget",
    "budget_min": "Budget (low)",
    "budget_max": "Budget (high)",
    "hourly_min": "Hourly from",
    "hourly_max": "Hourly to",
    "rate": "Rate text (Hourly: $15 - $30)",
    "budget_type": "Budget type",
    "experience_level": "Experience level",
    "est_time": "Estimate text (1 to 3 months, …)",
    "duration": "Duration",
    "hours_per_week": "Hours per week",
    "posted_at": "Posted at",
    "category": "Category",
    "country": "Client country",
    "city": "Client city",
    "proposals": "Proposals",
    "interviewing": "Interviewing",
    "invites_sent": "Invites sent",
    "unanswered_invites": "Unanswered invites",
    "connects": "Connects required",
    "payment_verified": "Payment verified",
    "rating": "Client rating",
    "reviews": "Client reviews",
    "total_spent": "Client total spent",
    "hires": "Client hires",
    "active_hires": "Client active hires",
    "jobs_posted": "Client jobs posted",
    "open_jobs": "Client open jobs",
    "hire_rate": "Client hire rate %",
    "avg_hourly_rate": "Client avg hourly rate",
    "member_since": "Client member since",
    "industry": "Client industry",
    "company_size": "Client company size / type",
    "external_id": "Platform id",
    "platform": "Platform",
}
FIELDS = tuple(COLUMNS)
assert set(LABELS) == set(FIELDS)

#: a spreadsheet's or pandas' row-number column (``Unnamed: 0``, an empty name): known, unused
INDEX = "(row index)"
_INDEX_NAME = re.compile(r"^(?:unnamed:?_?\d*|index|\s*|#)$")
ALIASES = {alias: name for name, aliases in COLUMNS.items() for alias in aliases}


@lru_cache(maxsize=4096)
def column_key(name: str) -> str:
    """How a column name is compared: ``Job Title`` → ``job_title``."""
    return re.sub(r"[\s\-.]+", "_", str(name).strip().lower())


def field_of(name: str) -> str | None:
    """The field a column named ``name`` maps to by default, or None."""
    return ALIASES.get(column_key(name))


def is_index(name: str) -> bool:
    return bool(_INDEX_NAME.match(column_key(name)))


def header_key(header: Sequence[str]) -> str:
    """A short stable key for a header (which columns, in which order)."""
    joined = "\x1f".join(column_key(h) for h in header)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:24]


@dataclass
class ColumnMapping:
    """The field of each column of one header (None: the column is not imported)."""

    header: list[str]
    fields: list[str | None] = field(default_factory=list)
    #: columns the user mapped by hand (kept for files with this header)
    overrides: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def for_header(
        cls, header: Sequence[str], overrides: Mapping[str, str | None] | None = None
    ) -> ColumnMapping:
        """Default fields by name, then the user's ``overrides`` (column name → field / None).

        An override naming an unknown field or a column the header lacks is ignored.
        """
        chosen = {k: v for k, v in (overrides or {}).items() if k in header}
        chosen = {k: v for k, v in chosen.items() if v is None or v in COLUMNS}
        fields: list[str | None] = []
        for name in header:
            if name in chosen:
                fields.append(chosen[name])
            elif is_index(name):
                fields.append(INDEX)
            else:
                fields.append(field_of(name))
        return cls(list(header), fields, chosen)

    @property
    def key(self) -> str:
        return header_key(self.header)

    def used(self) -> list[tuple[int, str]]:
        """(column index, field) of the columns that are imported."""
        return [(i, f) for i, f in enumerate(self.fields) if f is not None and f != INDEX]

    def unmapped(self) -> list[str]:
        """Columns that map to no field (the report lists them; a row index is not one)."""
        return [
            name
            for name, f in zip(self.header, self.fields, strict=True)
            if f is None and name not in self.overrides
        ]

    def skipped(self) -> list[str]:
        """Columns the user chose not to import."""
        return [name for name, f in self.overrides.items() if f is None]

    def to_json(self) -> dict[str, str | None]:
        return {name: f for name, f in zip(self.header, self.fields, strict=True)}
