"""Job postings in the database: add or update by dedup key, list in SQL, triage, soft delete.

The jobs list is sorted, filtered and paged by the database (indexes on
``posted_at``, ``status``; FTS5 for search), so it stays fast at a million
rows. Score and verdict come from ``score_card`` for the active profile by a
LEFT JOIN and are empty until a posting is scored.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    ColumnElement,
    Integer,
    Select,
    bindparam,
    false,
    func,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy import cast as sa_cast
from sqlalchemy import column as sa_column
from sqlalchemy import insert as sa_insert
from sqlalchemy import text as sql_text
from sqlalchemy import update as sa_update
from sqlalchemy import values as sa_values
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session

from app import clock
from app.domain import JobStatus, PostingFacts
from app.errors import InputError, NotFoundError
from app.profiles import active_profile
from app.storage import members
from app.storage.models import JobPosting, Proposal, ScoreCard
from app.storage.postings import apply_facts, dedup_key
from app.storage.search import fts5_query, job_search_filter

#: what the jobs list can sort by (name → column); "score"/"verdict" come from score_card
SORT_KEYS = (
    "posted_at",
    "captured_at",
    "title",
    "score",
    "verdict",
    "budget",
    "client_total_spent",
    "client_rating",
    "proposals",
    "connects_required",
    "status",
)


#: full-text searches with fewer matches start from the matches (see _search_clause)
SEARCH_DRIVE_LIMIT = 2000


@dataclass(frozen=True)
class JobRow:
    """One line of the jobs list: the display columns only."""

    id: int
    title: str
    status: str
    budget_type: str | None
    fixed_budget: float | None
    hourly_min: float | None
    hourly_max: float | None
    client_total_spent: float | None
    client_rating: float | None
    client_payment_verified: bool | None
    client_country: str | None
    proposals_min: int | None
    proposals_max: int | None
    connects_required: int | None
    posted_at: datetime | None
    captured_at: datetime | None
    score: int | None
    verdict: str | None
    #: the status of the latest proposal for the posting (None: never drafted or sent)
    proposal_status: str | None = None


@dataclass
class JobQuery:
    """What the jobs list shows: search text, filters and order (all applied in SQL)."""

    search: str = ""
    #: the search box searches while the user types: its last word is a prefix; a finished
    #: search (``pwb jobs --search``) takes prefixes only where a word ends in ``*``
    typing: bool = True
    statuses: tuple[str, ...] = ()
    verdict: str | None = None
    posted_from: datetime | None = None
    posted_to: datetime | None = None
    sort: str = "posted_at"
    descending: bool = True
    include_deleted: bool = False


# -- adding ----------------------------------------------------------------------------------


def find_by_key(session: Session, key: str) -> JobPosting | None:
    """The stored posting with this dedup key, deleted or not."""
    return session.scalars(select(JobPosting).where(JobPosting.dedup_key == key)).one_or_none()


def add_posting(
    session: Session, facts: PostingFacts, *, source: str = "paste"
) -> tuple[JobPosting, bool]:
    """Store ``facts``: a new row, or the existing one (same platform id / URL / text) updated.

    Returns the row and whether it was created. Triage status is kept on update;
    a soft-deleted posting captured again comes back.
    """
    if not (facts.title or facts.description or facts.url):
        raise InputError("a posting needs at least a title, a description or a URL")
    job = find_by_key(session, dedup_key(facts))
    created = job is None
    if job is None:
        job = JobPosting(status=JobStatus.NEW.value, captured_at=clock.now())
        session.add(job)
    elif facts.raw_text is None and job.raw_text:
        facts.raw_text = job.raw_text
        if facts.unplaced is None:
            facts.unplaced = job.unplaced_text
    apply_facts(job, facts)
    job.source = source[:300]
    job.deleted_at = None
    session.flush()
    return job, created


def bulk_upsert(
    session: Session, rows: list[dict[str, Any]], *, source: str, now: datetime
) -> tuple[int, int]:
    """Insert or update many ``job_posting`` rows (column dicts with ``dedup_key``).

    For imports: one SELECT for the batch's keys, then multi-row INSERT and
    UPDATE statements (on SQLite through the driver, with SQLAlchemy's own type
    processors; unchanged rows are not rewritten). Status and pasted text of
    existing postings are kept. Returns (added, matched existing).
    """
    table = JobPosting.__table__
    keys = [row["dedup_key"] for row in rows]
    found = session.execute(
        select(JobPosting.dedup_key, JobPosting.id).where(JobPosting.dedup_key.in_(keys))
    )
    existing = {key: job_id for key, job_id in found}
    new_rows: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for row in rows:
        row.update(source=source[:300], updated_at=now, deleted_at=None)
        job_id = existing.get(row["dedup_key"])
        if job_id is None:
            row.update(status=JobStatus.NEW.value, captured_at=now, created_at=now)
            new_rows.append(row)
        else:
            if row.get("raw_text") is None:  # the pasted text and its rest stay
                row.pop("raw_text", None)
                if row.get("unplaced_text") is None:
                    row.pop("unplaced_text", None)
            row["id"] = job_id
            changed.append(row)
    if new_rows:
        _executemany(session, table, new_rows, update=False)
    for group in _same_columns(changed):
        _executemany(session, table, group, update=True)
    return len(new_rows), len(changed)


def _same_columns(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    return list(groups.values())


def _executemany(
    session: Session,
    table: Any,
    rows: list[dict[str, Any]],
    *,
    update: bool,
    only_changed: bool = True,
) -> None:
    """INSERT (or, by ``id``, UPDATE) ``rows``, dicts with the same keys; an update skips the
    rows whose stored values are the same unless ``only_changed`` is off (the caller knows)."""
    columns = [name for name in rows[0] if name != "id"]
    connection = session.connection()
    dialect = connection.dialect
    if dialect.name != "sqlite":
        if update and only_changed:
            rows = _differing_on_server(connection, table, rows)
        if update and rows:
            stmt = sa_update(table).where(table.c.id == bindparam("_id"))
            connection.execute(stmt, [{**_rename_id(r)} for r in rows])
        else:
            connection.execute(sa_insert(table), rows)
        return
    processors = [table.c[name].type._cached_bind_processor(dialect) for name in columns]

    typed = [(n, _memo(proc)) for n, proc in enumerate(processors) if proc is not None]

    def values(row: dict[str, Any]) -> list[Any]:
        out = [row[name] for name in columns]
        for n, convert in typed:
            out[n] = convert(out[n])
        return out

    # One statement per chunk, not per row: with the full-text triggers, SQLite opens a
    # savepoint per statement and FTS5 flushes its pending index at each (8x slower).
    per_statement = max(1, min(500, 30000 // (len(columns) + 1)))
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        if update and only_changed:
            rows = _changed_only(cursor, table.name, columns, rows, values)
        if update and sqlite3.sqlite_version_info < (3, 33):  # no UPDATE ... FROM: row by row
            assignments = ", ".join(f"{c} = ?" for c in columns)
            cursor.executemany(
                f"UPDATE {table.name} SET {assignments} WHERE id = ?",
                [[*values(row), row["id"]] for row in rows],
            )
            return
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            placeholders = ", ".join(
                ["(" + ", ".join("?" * (len(columns) + update)) + ")"] * len(chunk)
            )
            params: list[Any] = []
            if update:
                for row in chunk:
                    params.append(row["id"])
                    params.extend(values(row))
                assignments = ", ".join(f"{c} = v.column{n}" for n, c in enumerate(columns, 2))
                sql = (
                    f"UPDATE {table.name} SET {assignments} FROM (VALUES {placeholders}) AS v "
                    f"WHERE {table.name}.id = v.column1"
                )
            else:
                for row in chunk:
                    params.extend(values(row))
                sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES {placeholders}"
            cursor.execute(sql, params)
    finally:
        cursor.close()


def rows_that_differ(
    session: Session, table: Any, rows: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Of ``rows`` (dicts with ``id`` and the same keys), those whose stored values differ,
    compared as the database holds them (on a server by :func:`_differing_on_server`)."""
    if not rows:
        return rows
    connection = session.connection()
    dialect = connection.dialect
    if dialect.name != "sqlite":
        return _differing_on_server(connection, table, rows)
    columns = [name for name in rows[0] if name != "id"]
    processors = [table.c[name].type._cached_bind_processor(dialect) for name in columns]
    typed = [(n, _memo(proc)) for n, proc in enumerate(processors) if proc is not None]

    def values(row: dict[str, Any]) -> list[Any]:
        out = [row[name] for name in columns]
        for n, convert in typed:
            out[n] = convert(out[n])
        return out

    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        return _changed_only(cursor, table.name, columns, rows, values)
    finally:
        cursor.close()


def _differing_on_server(connection: Any, table: Any, rows: list[dict[str, Any]]) -> list[Any]:
    """The rows whose stored values differ (ignoring ``updated_at``), compared by the server.

    The new values go in as a ``VALUES`` list typed by the columns (so through the
    same converters as a write) and are compared with ``IS DISTINCT FROM``; JSON as
    ``jsonb``, which has equality where ``json`` has none. PostgreSQL's side of
    :func:`_changed_only`: an unchanged re-import rewrites nothing there either.
    """
    if not rows:
        return rows
    compared = [name for name in rows[0] if name not in ("id", "updated_at")]
    if not compared:
        return []
    found: set[int] = set()
    per_statement = max(1, 30000 // (len(compared) + 1))
    for start in range(0, len(rows), per_statement):
        chunk = rows[start : start + per_statement]
        new = sa_values(
            sa_column("id", Integer),
            *(sa_column(name, table.c[name].type) for name in compared),
            name="new",
        ).data([(row["id"], *(row[name] for name in compared)) for row in chunk])

        def differs(name: str, new: Any = new) -> ColumnElement[bool]:
            old, value = table.c[name], new.c[name]
            if isinstance(old.type, JSON):
                return sa_cast(old, JSONB).is_distinct_from(sa_cast(value, JSONB))
            # a column of NULLs in VALUES has no type of its own: give it the column's
            return old.is_distinct_from(sa_cast(value, old.type))

        query = (
            select(new.c.id)
            .select_from(new.join(table, table.c.id == new.c.id))
            .where(or_(*(differs(name) for name in compared)))
        )
        found.update(connection.execute(query).scalars())
    return [row for row in rows if row["id"] in found]


def _changed_only(
    cursor: Any,
    table: str,
    columns: list[str],
    rows: list[dict[str, Any]],
    values: Callable[[dict[str, Any]], list[Any]],
) -> list[dict[str, Any]]:
    """The rows whose stored values differ (ignoring ``updated_at``): re-importing an
    unchanged file then rewrites nothing, full-text index included."""
    compared = [n for n, name in enumerate(columns) if name != "updated_at"]
    names = ", ".join(columns[n] for n in compared)
    stored: dict[int, tuple[Any, ...]] = {}
    for start in range(0, len(rows), 900):
        ids = [row["id"] for row in rows[start : start + 900]]
        marks = ", ".join("?" * len(ids))
        for found in cursor.execute(f"SELECT id, {names} FROM {table} WHERE id IN ({marks})", ids):
            stored[found[0]] = tuple(found[1:])
    changed = []
    for row in rows:
        new = values(row)
        if stored.get(row["id"]) != tuple(new[n] for n in compared):
            changed.append(row)
    return changed


def _memo(proc: Any) -> Any:
    """A bind processor that reuses its last result for the same object, and one result for
    empty lists (every row of a batch shares ``now``; most lists are empty)."""
    last: list[Any] = [object(), None]
    empty: dict[type, Any] = {}

    def convert(value: Any) -> Any:
        if value is None:
            return None
        if value is last[0]:
            return last[1]
        if not value and isinstance(value, list | dict):
            if type(value) not in empty:
                empty[type(value)] = proc(value)
            return empty[type(value)]
        result = proc(value)
        last[0], last[1] = value, result
        return result

    return convert


def _rename_id(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    out["_id"] = out.pop("id")
    return out


def get_job(session: Session, job_id: int) -> JobPosting:
    """The posting with ``job_id`` or :class:`NotFoundError`."""
    job = session.get(JobPosting, job_id)
    if job is None:
        raise NotFoundError(f"no job posting with id {job_id}")
    return job


# -- listing ---------------------------------------------------------------------------------


def active_profile_id(session: Session) -> int | None:
    """The profile whose score cards the lists show (see :func:`app.profiles.active_profile`)."""
    profile = active_profile(session)
    return profile.id if profile is not None else None


def _filters(session: Session, query: JobQuery) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if not query.include_deleted:
        where.append(JobPosting.deleted_at.is_(None))
    if query.statuses:
        unknown = set(query.statuses) - {s.value for s in JobStatus}
        if unknown:
            raise InputError(f"unknown job status: {', '.join(sorted(unknown))}")
        where.append(_status_clause(session, query.statuses))
    if query.posted_from is not None:
        where.append(JobPosting.posted_at >= query.posted_from)
    if query.posted_to is not None:
        where.append(JobPosting.posted_at < query.posted_to)
    if query.search.strip():
        match = _search_clause(session, query.search, typing=query.typing)
        if match is not None:
            where.append(match)
    if query.verdict is not None:
        where.append(_verdict_clause(session, query.verdict))
    return where


def _status_clause(session: Session, statuses: tuple[str, ...]) -> ColumnElement[bool]:
    """The status filter; when it keeps many postings, written so that SQLite walks the sort
    index rather than collecting every row of those statuses to sort them."""
    probe = select(JobPosting.id).where(JobPosting.status.in_(statuses)).limit(SEARCH_DRIVE_LIMIT)
    many = (session.scalar(select(func.count()).select_from(probe.subquery())) or 0) >= (
        SEARCH_DRIVE_LIMIT
    )
    column = JobPosting.status + "" if many else JobPosting.status  # `status || ''`: no index
    return column.in_(statuses)


def _verdict_clause(session: Session, verdict: str) -> ColumnElement[bool]:
    """Postings whose score card (active profile) has ``verdict``; planned like a search."""
    profile_id = active_profile_id(session)
    if profile_id is None:
        return false()
    ids = select(ScoreCard.job_id).where(
        ScoreCard.profile_id == profile_id, ScoreCard.verdict == verdict
    )
    probe = session.scalar(
        select(func.count()).select_from(ids.limit(SEARCH_DRIVE_LIMIT).subquery())
    )
    if (probe or 0) < SEARCH_DRIVE_LIMIT:
        return JobPosting.id.in_(ids)  # few: start from them
    # many: walk the sort index, one probe of the (job, profile) key per row
    return (
        select(ScoreCard.id)
        .where(
            ScoreCard.job_id == JobPosting.id,
            ScoreCard.profile_id == profile_id,
            ScoreCard.verdict == verdict,
        )
        .exists()
    )


def _match_count(session: Session, match: str) -> int:
    """How many postings match, counting no further than ``SEARCH_DRIVE_LIMIT``."""
    count = session.scalar(
        sql_text(
            "SELECT count(*) FROM (SELECT rowid FROM job_fts WHERE job_fts MATCH :m LIMIT :cap)"
        ),
        {"m": match, "cap": SEARCH_DRIVE_LIMIT},
    )
    return int(count or 0)


def _search_clause(
    session: Session, search: str, *, typing: bool = True
) -> ColumnElement[bool] | None:
    """The full-text filter, shaped so SQLite picks the fast plan for this search.

    Few matches: start from them (primary-key lookups, then sort). Many matches
    (a common word): walk the sort index and test each row against the match
    list, which stops after one screen; ``id + 0`` keeps SQLite from starting
    at the matches.
    """
    clause = job_search_filter(session, search, typing=typing)
    if clause is None or session.get_bind().dialect.name != "sqlite":
        return clause
    match = fts5_query(search, typing=typing)
    assert match is not None  # job_search_filter found words
    # whole words first: cheap (FTS5 streams them), and if they alone are common, so is the
    # prefix; only then the prefix, which FTS5 must merge in full
    whole_words = match.removesuffix("*")
    if _match_count(session, whole_words) < SEARCH_DRIVE_LIMIT and (
        whole_words == match or _match_count(session, match) < SEARCH_DRIVE_LIMIT
    ):
        return clause
    ids: Select[int] = (
        select(literal_column("rowid", Integer))
        .select_from(sql_text("job_fts"))
        .where(sql_text("job_fts MATCH :fts_match").bindparams(fts_match=match))
    )
    return (JobPosting.id + literal_column("0")).in_(ids)


def _check_sort(query: JobQuery) -> None:
    if query.sort not in SORT_KEYS:
        raise InputError(f"cannot sort jobs by {query.sort!r} (use one of {', '.join(SORT_KEYS)})")


def _order(session: Session, query: JobQuery) -> list[Any]:
    """ORDER BY for the jobs list: rows without the value last in either direction, on
    every dialect (SQLite puts NULLs first ascending, PostgreSQL first descending)."""
    _check_sort(query)
    columns: dict[str, Any] = {
        "posted_at": JobPosting.posted_at,
        "captured_at": JobPosting.captured_at,
        "title": JobPosting.title,
        "score": ScoreCard.total,
        "verdict": ScoreCard.verdict,
        "budget": func.coalesce(JobPosting.fixed_budget, JobPosting.hourly_max),
        "client_total_spent": JobPosting.client_total_spent,
        "client_rating": JobPosting.client_rating,
        "proposals": JobPosting.proposals_min,
        "connects_required": JobPosting.connects_required,
        "status": JobPosting.status,
    }
    column = columns[query.sort]
    sqlite = session.get_bind().dialect.name == "sqlite"
    if query.descending:
        # SQLite's own order descending is NULLs last: left as it is, its indexes stay usable
        return [column.desc() if sqlite else column.desc().nulls_last(), JobPosting.id.desc()]
    return [column.asc().nulls_last(), JobPosting.id.asc()]


def _row_columns() -> tuple[Any, ...]:
    return (
        JobPosting.id,
        JobPosting.title,
        JobPosting.status,
        JobPosting.budget_type,
        JobPosting.fixed_budget,
        JobPosting.hourly_min,
        JobPosting.hourly_max,
        JobPosting.client_total_spent,
        JobPosting.client_rating,
        JobPosting.client_payment_verified,
        JobPosting.client_country,
        JobPosting.proposals_min,
        JobPosting.proposals_max,
        JobPosting.connects_required,
        JobPosting.posted_at,
        JobPosting.captured_at,
        ScoreCard.total,
        ScoreCard.verdict,
    )


def _rows_select(session: Session, query: JobQuery) -> Select[Any]:
    """The page's postings (their scores are added by :func:`_with_scores`)."""
    posting_columns = _row_columns()[:-2]
    return select(*posting_columns).select_from(JobPosting).where(*_filters(session, query))


def _with_scores(session: Session, rows: list[Any]) -> list[JobRow]:
    """Add score and verdict to posting rows with one lookup for the page.

    (A LEFT JOIN in the paged query makes SQLite build a filter over every
    score card first: 100 ms at a million rows; this is one index probe per row.)
    """
    profile_id = active_profile_id(session)
    scores: dict[int, tuple[int, str]] = {}
    if profile_id is not None and rows:
        found = session.execute(
            select(ScoreCard.job_id, ScoreCard.total, ScoreCard.verdict).where(
                ScoreCard.profile_id == profile_id, ScoreCard.job_id.in_([r[0] for r in rows])
            )
        )
        scores = {job_id: (total, verdict) for job_id, total, verdict in found}
    return [JobRow(*row, *scores.get(row[0], (None, None))) for row in rows]


def count_jobs(session: Session, query: JobQuery | None = None) -> int:
    """How many postings match ``query`` (counted in SQL)."""
    query = query or JobQuery()
    stmt = select(func.count()).select_from(JobPosting).where(*_filters(session, query))
    return session.scalar(stmt) or 0


def fetch_jobs(
    session: Session, query: JobQuery | None = None, *, offset: int = 0, limit: int = 100
) -> list[JobRow]:
    """One page of the jobs list, sorted and filtered in SQL."""
    query = query or JobQuery()
    _check_sort(query)
    if query.sort in ("score", "verdict"):
        return _with_proposals(session, _fetch_by_score(session, query, offset, limit))
    stmt = (
        _rows_select(session, query).order_by(*_order(session, query)).offset(offset).limit(limit)
    )
    return _with_proposals(session, _with_scores(session, list(session.execute(stmt))))


def _with_proposals(session: Session, rows: list[JobRow]) -> list[JobRow]:
    """Add the latest proposal's status to each row: one indexed lookup for the page."""
    if not rows:
        return rows
    found = session.execute(
        select(Proposal.job_id, Proposal.status)
        .where(Proposal.job_id.in_([row.id for row in rows]))
        .order_by(Proposal.id)
    )
    latest = {job_id: status for job_id, status in found}  # the last one per job wins
    if not latest:
        return rows
    return [replace(row, proposal_status=latest.get(row.id)) for row in rows]


def _fetch_by_score(session: Session, query: JobQuery, offset: int, limit: int) -> list[JobRow]:
    """Scored postings in score order (from the score index), then the unscored, newest first.

    Verdicts follow score bands, so sorting by verdict is sorting by score.
    """
    profile_id = active_profile_id(session)
    if profile_id is None and query.verdict is not None:
        return []  # no active profile: nothing has a verdict
    # the verdict is a condition on the score card read here, not a sub-select
    where = _filters(session, replace(query, verdict=None))
    rows: list[JobRow] = []
    scored_total = 0
    if profile_id is not None:
        direction = (lambda c: c.desc()) if query.descending else (lambda c: c.asc())
        scored = (
            select(*_row_columns())
            .select_from(ScoreCard)
            .join(JobPosting, JobPosting.id == ScoreCard.job_id)
            .where(ScoreCard.profile_id == profile_id, *where)
        )
        if query.verdict is not None:
            scored = scored.where(ScoreCard.verdict == query.verdict)
        page = scored.order_by(direction(ScoreCard.total), direction(ScoreCard.id))
        rows = [JobRow(*r) for r in session.execute(page.offset(offset).limit(limit))]
        if len(rows) == limit or query.verdict is not None:
            return rows
        if rows or offset == 0:
            scored_total = offset + len(rows)
        else:
            counted = select(func.count()).select_from(scored.subquery())
            scored_total = session.scalar(counted) or 0
    if profile_id is not None:
        where.append(
            ~select(ScoreCard.id)
            .where(ScoreCard.job_id == JobPosting.id, ScoreCard.profile_id == profile_id)
            .exists()
        )
    rest = (
        select(*_row_columns()[:-2], literal_column("NULL"), literal_column("NULL"))
        .select_from(JobPosting)
        .where(*where)
        .order_by(*_order(session, replace(query, sort="posted_at", descending=True)))
        .offset(max(0, offset - scored_total))
        .limit(limit - len(rows))
    )
    return rows + [JobRow(*r) for r in session.execute(rest)]  # type: ignore[call-arg]


def has_jobs(session: Session) -> bool:
    """Whether any (not deleted) posting is stored: decides the empty state."""
    stmt = select(JobPosting.id).where(JobPosting.deleted_at.is_(None)).limit(1)
    return session.scalar(stmt) is not None


# -- triage ----------------------------------------------------------------------------------


def set_status(session: Session, job_ids: Sequence[int], status: str) -> dict[int, str]:
    """Move postings to ``status``; returns their previous statuses (for undo)."""
    if status not in {s.value for s in JobStatus}:
        raise InputError(f"unknown job status: {status}")
    ids = list(job_ids)
    rows = session.execute(select(JobPosting.id, JobPosting.status).where(JobPosting.id.in_(ids)))
    previous = {job_id: old for job_id, old in rows}
    if len(previous) != len(set(ids)):
        missing = sorted(set(ids) - set(previous))
        raise NotFoundError(f"no job posting with id {missing[0]}")
    session.execute(update(JobPosting).where(JobPosting.id.in_(ids)).values(status=status))
    return previous


def restore_statuses(session: Session, previous: dict[int, str]) -> None:
    """Undo :func:`set_status`: put each posting back to its earlier status."""
    for status in set(previous.values()):
        ids = [job_id for job_id, old in previous.items() if old == status]
        session.execute(update(JobPosting).where(JobPosting.id.in_(ids)).values(status=status))


def delete_jobs(session: Session, job_ids: Iterable[int]) -> list[int]:
    """Soft-delete postings (hidden from lists, undoable); returns the ids deleted now."""
    members.require_manager(session, "delete postings")
    ids = list(job_ids)
    live = list(
        session.scalars(
            select(JobPosting.id).where(JobPosting.id.in_(ids), JobPosting.deleted_at.is_(None))
        )
    )
    if live:
        session.execute(
            update(JobPosting).where(JobPosting.id.in_(live)).values(deleted_at=clock.now())
        )
    return live


def undelete_jobs(session: Session, job_ids: Iterable[int]) -> None:
    """Undo :func:`delete_jobs`."""
    ids = list(job_ids)
    session.execute(update(JobPosting).where(JobPosting.id.in_(ids)).values(deleted_at=None))
