"""Between :class:`PostingFacts` (what parsers and importers produce, what the
scorer reads) and the :class:`JobPosting` row."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Dialect,
    String,
    Table,
    TypeDecorator,
    and_,
    bindparam,
    func,
    select,
    update,
)
from sqlalchemy.orm import Session

from app.domain import BudgetType, ClientFacts, ExperienceLevel, PostingFacts
from app.storage.models import JobPosting

_CLIENT_FIELDS = tuple(ClientFacts.__dataclass_fields__)
#: the posting's text columns of a limited length, but the key: what apply_facts clips
_CLIPPED = tuple(
    (name, kind.length)
    for name, kind in ((c.name, c.type) for c in JobPosting.__table__.columns)
    if isinstance(kind, String) and kind.length and name != "dedup_key"
)
_KEY_LENGTH = getattr(JobPosting.__table__.c.dedup_key.type, "length", None) or 300
_UPWORK_ID = re.compile(r"~0[0-9a-f]{8,}", re.IGNORECASE)


def external_id_from_url(url: str | None) -> str | None:
    """Upwork's job id (``~01ba8443095c7afd5e``) from a job URL, if it has one."""
    if not url:
        return None
    match = _UPWORK_ID.search(url)
    return match.group(0).lower() if match else None


def dedup_key(facts: PostingFacts) -> str:
    """What makes two captures the same posting: platform id, else URL, else the text."""
    ext = facts.external_id or external_id_from_url(facts.url)
    if ext:
        return f"{facts.platform}:{ext}"
    if facts.url:
        url = facts.url.strip().split("?", 1)[0].split("#", 1)[0].rstrip("/").lower()
        key = f"{facts.platform}:url:{url}"
        if len(key) <= _KEY_LENGTH:
            return key
        # a URL too long for the column (PostgreSQL enforces its length): its hash instead
        return f"{facts.platform}:url-sha256:{hashlib.sha256(url.encode('utf-8')).hexdigest()}"
    text = " ".join(f"{facts.title or ''}\n{facts.description or ''}".split()).lower()
    return f"{facts.platform}:text:{hashlib.sha256(text.encode('utf-8')).hexdigest()[:32]}"


def apply_facts(job: JobPosting, facts: PostingFacts) -> JobPosting:
    """Write ``facts`` onto ``job`` (a new or an existing row)."""
    job.platform = facts.platform
    job.external_id = facts.external_id or external_id_from_url(facts.url)
    job.dedup_key = dedup_key(facts)
    job.url = facts.url
    job.title = facts.title or ""
    job.description = facts.description or ""
    job.category = facts.category
    job.skills = list(facts.skills)
    job.budget_type = facts.budget_type.value if facts.budget_type else None
    job.fixed_budget = facts.fixed_budget
    job.hourly_min = facts.hourly_min
    job.hourly_max = facts.hourly_max
    job.experience_level = facts.experience_level.value if facts.experience_level else None
    job.duration = facts.duration
    job.hours_per_week = facts.hours_per_week
    job.posted_at = facts.posted_at
    job.proposals_min = facts.proposals_min
    job.proposals_max = facts.proposals_max
    job.interviewing = facts.interviewing
    job.invites_sent = facts.invites_sent
    job.unanswered_invites = facts.unanswered_invites
    job.last_viewed_at = facts.last_viewed_at
    job.connects_required = facts.connects_required
    job.screening_questions = list(facts.screening_questions)
    for name in _CLIENT_FIELDS:
        setattr(job, f"client_{name}", getattr(facts.client, name))
    job.raw_text = facts.raw_text
    job.unplaced_text = facts.unplaced
    job.missing_fields = list(facts.missing)
    for name, length in _CLIPPED:  # what a file may hold longer than the column (on a server)
        value = getattr(job, name, None)
        if isinstance(value, str) and len(value) > length:
            setattr(job, name, value[:length])
    return job


def facts_of(job: JobPosting) -> PostingFacts:
    """The stored posting as :class:`PostingFacts` (for scoring and drafting)."""
    client = ClientFacts(**{name: getattr(job, f"client_{name}") for name in _CLIENT_FIELDS})
    return PostingFacts(
        title=job.title or None,
        description=job.description or None,
        url=job.url,
        category=job.category,
        skills=list(job.skills or []),
        budget_type=BudgetType(job.budget_type) if job.budget_type else None,
        fixed_budget=job.fixed_budget,
        hourly_min=job.hourly_min,
        hourly_max=job.hourly_max,
        experience_level=ExperienceLevel(job.experience_level) if job.experience_level else None,
        duration=job.duration,
        hours_per_week=job.hours_per_week,
        posted_at=job.posted_at,
        proposals_min=job.proposals_min,
        proposals_max=job.proposals_max,
        interviewing=job.interviewing,
        invites_sent=job.invites_sent,
        unanswered_invites=job.unanswered_invites,
        connects_required=job.connects_required,
        client=client,
        missing=list(job.missing_fields or []),
        platform=job.platform,
        external_id=job.external_id,
        last_viewed_at=job.last_viewed_at,
        screening_questions=list(job.screening_questions or []),
        raw_text=job.raw_text,
        unplaced=job.unplaced_text,
    )


#: the stored columns :func:`stored_facts_reader` turns into :class:`PostingFacts`, in order
#: (everything :func:`facts_of` reads except the raw pasted text, which scoring never needs)
_POSTING_FIELDS = PostingFacts.CONTRACT_KEYS[: PostingFacts.CONTRACT_KEYS.index("client")]
FACT_COLUMNS = (
    # the posting's own fields, as the parse contract orders them, then the client's
    *_POSTING_FIELDS,
    *(f"client_{name}" for name in _CLIENT_FIELDS),
    "missing_fields",
    "platform",
    "external_id",
    "last_viewed_at",
    "screening_questions",
    "unplaced_text",
)
_CLIENT_AT = FACT_COLUMNS.index("client_payment_verified")
assert _CLIENT_AT == 19, "stored_facts_reader lists the columns before the client's by position"
_BUDGET_TYPES = {t.value: t for t in BudgetType}
_LEVELS = {lvl.value: lvl for lvl in ExperienceLevel}


def stored_facts_reader(dialect: Dialect) -> Callable[[Sequence[Any]], PostingFacts]:
    """A function from the raw database values of :data:`FACT_COLUMNS` to the same
    :class:`PostingFacts` that :func:`facts_of` gives for the row (raw text left out).

    For bulk scoring: it skips the ORM and converts only what needs converting;
    the column types' own converters are the fallback for anything unusual.
    """
    table = JobPosting.__table__
    convert = [_result_processor(table.c[name].type, dialect) for name in FACT_COLUMNS]
    for i, name in enumerate(FACT_COLUMNS):
        kind = table.c[name].type
        kind = kind.impl_instance if isinstance(kind, TypeDecorator) else kind
        if isinstance(kind, JSON):
            convert[i] = _json_list(convert[i])
        elif isinstance(kind, DateTime):
            convert[i] = _timestamp(convert[i])
        elif isinstance(kind, Date):
            convert[i] = _day(convert[i])
    steps = [(i, c) for i, c in enumerate(convert) if c is not None]
    client_end = _CLIENT_AT + len(_CLIENT_FIELDS)

    def facts(raw: Sequence[Any]) -> PostingFacts:
        v = list(raw)
        for i, step in steps:
            if v[i] is not None:
                v[i] = step(v[i])
        budget, level = v[5], v[9]
        return PostingFacts(
            v[0] or None,
            v[1] or None,
            v[2],
            v[3],
            list(v[4] or ()),
            (_BUDGET_TYPES.get(budget) or BudgetType(budget)) if budget else None,
            v[6],
            v[7],
            v[8],
            (_LEVELS.get(level) or ExperienceLevel(level)) if level else None,
            v[10],
            v[11],
            v[12],
            v[13],
            v[14],
            v[15],
            v[16],
            v[17],
            v[18],
            ClientFacts(*v[_CLIENT_AT:client_end]),
            list(v[client_end] or ()),
            v[client_end + 1],
            v[client_end + 2],
            v[client_end + 3],
            list(v[client_end + 4] or ()),
            None,
            v[client_end + 5],
        )

    return facts


def _json_list(slow: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    def convert(value: Any) -> Any:
        if value == "[]":
            return []
        if isinstance(value, str) or slow is None:
            return json.loads(value) if isinstance(value, str) else value
        return slow(value)

    return convert


def _timestamp(slow: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    """SQLite's stored 'YYYY-MM-DD HH:MM:SS.ffffff' as an aware UTC datetime (as UtcDateTime)."""

    def convert(value: Any) -> Any:
        if isinstance(value, str) and len(value) == 26 and value[10] == " ":
            return datetime.fromisoformat(value).replace(tzinfo=UTC)
        return slow(value) if slow is not None else value

    return convert


def _day(slow: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    def convert(value: Any) -> Any:
        if isinstance(value, str) and len(value) == 10:
            return date.fromisoformat(value)
        return slow(value) if slow is not None else value

    return convert


def _result_processor(kind: Any, dialect: Dialect) -> Callable[[Any], Any] | None:
    """What SQLAlchemy applies to a raw value of this column type on this dialect."""
    return kind.dialect_impl(dialect).result_processor(dialect, None)


# -- the rest of the pasted text, for postings stored before it was kept (migration 0011) -----

#: what :func:`app.parsing.rest.unplaced_lines` needs of a posting, after its id
REST_COLUMNS = ("raw_text", "description", "title", "skills", "screening_questions")


def _without_rest() -> Any:
    table = JobPosting.__table__
    return and_(table.c.unplaced_text.is_(None), table.c.raw_text.is_not(None))


def count_without_rest(session: Session) -> int:
    """Postings with a pasted text whose rest (``unplaced_text``) was never computed."""
    query = select(func.count()).select_from(JobPosting).where(_without_rest())
    return session.scalar(query) or 0


def postings_without_rest(session: Session, after: int, size: int) -> list[Any]:
    """Up to ``size`` of those postings with ids above ``after``, in id order: rows of the
    id and :data:`REST_COLUMNS` (deleted ones too: a restored posting needs it as well)."""
    table = JobPosting.__table__
    query = (
        select(table.c.id, *(table.c[name] for name in REST_COLUMNS))
        .where(table.c.id > after, _without_rest())
        .order_by(table.c.id)
        .limit(size)
    )
    return list(session.execute(query).all())


def store_rests(session: Session, rests: Sequence[tuple[int, str]]) -> None:
    """Store (id, unplaced text) pairs in one ``executemany``."""
    _store_derived(session, "unplaced_text", rests)


def _store_derived(session: Session, column: str, values: Sequence[tuple[int, str]]) -> None:
    """Store (id, value) pairs of a column derived from the posting in one
    ``executemany``. ``updated_at`` is kept: the value is derived from what was pasted,
    not a change the user made."""
    if not values:
        return
    table = cast(Table, JobPosting.__table__)
    statement = (
        update(table)
        .where(table.c.id == bindparam("job_id"))
        .values({column: bindparam("value"), "updated_at": table.c.updated_at})
    )
    session.execute(statement, [{"job_id": job_id, "value": value} for job_id, value in values])


# -- what the rules' patterns found in a posting (migration 0019) ---------------------------


def stored_findings(session: Session, after: int, upto: int) -> dict[int, str]:
    """The kept rule findings (``rule_findings``) of the postings with ids in
    (``after``, ``upto``], by id; postings without any are left out."""
    table = JobPosting.__table__
    query = select(table.c.id, table.c.rule_findings).where(
        table.c.id > after, table.c.id <= upto, table.c.rule_findings.is_not(None)
    )
    return {job_id: found for job_id, found in session.execute(query)}


def store_findings(session: Session, findings: Sequence[tuple[int, str]]) -> None:
    """Store (id, rule findings) pairs in one ``executemany`` (``updated_at`` kept)."""
    _store_derived(session, "rule_findings", findings)
