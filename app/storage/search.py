"""Dialect-specific SQL behind one small interface: full-text search and upserts.

SQLite uses an FTS5 table kept in step by triggers (migration 0002);
PostgreSQL uses a ``tsvector`` expression with a GIN index. Feature code calls
:func:`job_search_filter` and :func:`insert_for` and never names a dialect.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, Insert, Integer, Select, func, literal_column, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.storage.models import JobPosting

_TOKEN = re.compile(r"\w[\w+#.\-]*", re.UNICODE)
PG_JOB_DOCUMENT = (
    "to_tsvector('simple', coalesce(job_posting.title, '') || ' ' || "
    "coalesce(job_posting.description, '') || ' ' || coalesce(job_posting.skills::text, ''))"
)


def search_terms(query: str) -> list[str]:
    """The words of a user's search box text, without FTS operators or punctuation."""
    return [t.strip(".-") for t in _TOKEN.findall(query) if t.strip(".-")]


def fts5_query(query: str) -> str | None:
    """An FTS5 MATCH expression: every word must appear; the last one as a prefix."""
    terms = search_terms(query)
    if not terms:
        return None
    quoted = ['"' + t.replace('"', '""') + '"' for t in terms]
    quoted[-1] += "*"
    return " ".join(quoted)


def job_search_filter(session: Session, query: str) -> ColumnElement[bool] | None:
    """A WHERE clause matching postings whose title, description or skills contain ``query``."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        match = fts5_query(query)
        if match is None:
            return None
        ids: Select[int] = (
            select(literal_column("rowid", Integer))
            .select_from(text("job_fts"))
            .where(text("job_fts MATCH :fts_match").bindparams(fts_match=match))
        )
        return JobPosting.id.in_(ids)
    terms = search_terms(query)
    if not terms:
        return None
    tsquery = " & ".join(t.replace("'", "''") + ":*" for t in terms)
    return literal_column(PG_JOB_DOCUMENT).op("@@")(func.to_tsquery("simple", tsquery))


def insert_for(session: Session, table: Any) -> Insert:
    """``INSERT`` with the dialect's ``on_conflict_do_update`` / ``do_nothing``."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return sqlite.insert(table)
    if dialect == "postgresql":
        return postgresql.insert(table)
    raise NotImplementedError(f"upserts are not supported on {dialect}")
