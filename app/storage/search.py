"""Dialect-specific SQL behind one small interface: full-text search and upserts.

SQLite uses an FTS5 table kept in step by triggers (migration 0002);
PostgreSQL uses a ``tsvector`` function with a GIN index (migration 0014). Feature code calls
:func:`job_search_filter` and :func:`insert_for` and never names a dialect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Insert, Integer, Select, func, literal_column, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.storage.models import JobPosting

#: a word is what the user typed between spaces; its searchable parts are its runs of letters
#: and digits, so "full-stack", "full stack" and "client's" / "client s" search alike on both
#: dialects (SQLite's unicode61 tokenizer and PostgreSQL's ``pwb_search_text`` both split there)
_RUN = re.compile(r"[^\W_]+", re.UNICODE)
#: the PostgreSQL document (migration 0014): accents folded by ``unaccent``, split as above
PG_JOB_DOCUMENT = "pwb_job_document(job_posting.title, job_posting.description, job_posting.skills)"


@dataclass(frozen=True)
class Term:
    """One word of a search: its parts must appear next to each other (a phrase), the last
    part as a prefix when ``prefix``."""

    parts: tuple[str, ...]
    prefix: bool


def search_words(query: str, *, typing: bool = True) -> list[Term]:
    """The words of a user's search box text, without operators or punctuation.

    A word is a prefix where the user ended it with ``*``, and the last word is one
    while ``typing`` (the search box searches as the user types; it is on by default,
    as every caller searches that way).
    """
    words = query.split()
    terms = []
    for n, word in enumerate(words):
        parts = tuple(_RUN.findall(word))
        if parts:
            prefix = word.endswith("*") or (typing and n == len(words) - 1)
            terms.append(Term(parts, prefix))
    return terms


def search_terms(query: str) -> list[str]:
    """The searchable parts of a search, in order (for highlighting and messages)."""
    return [part for term in search_words(query) for part in term.parts]


def fts5_query(query: str, *, typing: bool = True) -> str | None:
    """An FTS5 MATCH expression: every word must appear (its parts as a phrase)."""
    terms = search_words(query, typing=typing)
    if not terms:
        return None
    return " ".join(
        '"' + " ".join(t.parts).replace('"', '""') + '"' + ("*" if t.prefix else "") for t in terms
    )


def pg_tsquery(query: str, *, typing: bool = True) -> str | None:
    """The same search as :func:`fts5_query` in ``to_tsquery`` syntax (before folding)."""
    terms = search_words(query, typing=typing)
    if not terms:
        return None
    return " & ".join("(" + " <-> ".join(t.parts) + (":*" if t.prefix else "") + ")" for t in terms)


def job_search_filter(
    session: Session, query: str, *, typing: bool = True
) -> ColumnElement[bool] | None:
    """A WHERE clause matching postings whose title, description or skills contain ``query``.

    SQLite matches the FTS5 table of migration 0002 (``remove_diacritics``);
    PostgreSQL the GIN-indexed ``pwb_job_document`` of migration 0014, with
    the query folded by the same ``unaccent``: the same postings either way.
    """
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        match = fts5_query(query, typing=typing)
        if match is None:
            return None
        ids: Select[int] = (
            select(literal_column("rowid", Integer))
            .select_from(text("job_fts"))
            .where(text("job_fts MATCH :fts_match").bindparams(fts_match=match))
        )
        return JobPosting.id.in_(ids)
    tsquery = pg_tsquery(query, typing=typing)
    if tsquery is None:
        return None
    return literal_column(PG_JOB_DOCUMENT).op("@@")(
        func.to_tsquery("simple", func.pwb_fold(tsquery))
    )


def insert_for(session: Session, table: Any) -> Insert:
    """``INSERT`` with the dialect's ``on_conflict_do_update`` / ``do_nothing``."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return sqlite.insert(table)
    if dialect == "postgresql":
        return postgresql.insert(table)
    raise NotImplementedError(f"upserts are not supported on {dialect}")
