"""Score cards in the database: read and write them, find the stale ones.

A card is stored per posting and profile (upsert), with the rules version it
was computed with, so lists sort and filter by score in SQL and stale cards
can be found after the rules or the scorer change. Computing cards (the
scorer, rescoring, the worker processes) is :mod:`app.scoring.service`:
storage never imports scoring or insights (``app/storage/ruff.toml``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import Select, and_, func, literal_column, null, or_, select
from sqlalchemy.orm import Session

from app.profiles import active_profile
from app.storage.models import JobPosting, Profile, ScoreCard
from app.storage.postings import FACT_COLUMNS, facts_of, stored_facts_reader
from app.storage.search import insert_for


class CardResult(Protocol):
    """What a card is made of: the shape of :class:`app.scoring.score.ScoreResult`."""

    @property
    def total(self) -> int: ...
    @property
    def verdict(self) -> Any: ...
    @property
    def factors(self) -> Sequence[Any]: ...
    @property
    def flags(self) -> Sequence[Any]: ...
    @property
    def matched_skills(self) -> Sequence[str]: ...
    @property
    def missing_skills(self) -> Sequence[str]: ...
    @property
    def win_chance(self) -> Any: ...
    @property
    def value_per_connect(self) -> float | None: ...
    @property
    def critical_flags(self) -> int: ...
    @property
    def rules_version(self) -> str: ...


def card_values(job_id: int, profile_id: int, result: CardResult, now: datetime) -> dict[str, Any]:
    """The ``score_card`` columns for one result."""
    return {
        "job_id": job_id,
        "profile_id": profile_id,
        "total": result.total,
        "verdict": result.verdict.value,
        "factors": [
            {"name": f.name, "points": f.points, "reason": f.reason} for f in result.factors
        ],
        "flags": [f.to_json() for f in result.flags],
        "matched_skills": list(result.matched_skills),
        "missing_skills": list(result.missing_skills),
        "win_chance": result.win_chance.probability,
        "value_per_connect": result.value_per_connect,
        "critical_flags": result.critical_flags,
        "rules_version": result.rules_version,
        "computed_at": now,
    }


def store_cards(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Insert or replace cards (one per job and profile)."""
    if not rows:
        return
    table = ScoreCard.__table__
    stmt: Any = insert_for(session, table)  # the dialect's INSERT, with on_conflict_do_update
    updated = {c: stmt.excluded[c] for c in rows[0] if c not in ("job_id", "profile_id")}
    stmt = stmt.on_conflict_do_update(index_elements=["job_id", "profile_id"], set_=updated)
    session.execute(stmt, list(rows))


def with_cards(query: Select[Any], profile_id: int) -> Select[Any]:
    """``query`` over JobPosting, outer-joined to the profile's cards (total, verdict, flags).

    For the jobs list: sort and filter by ``ScoreCard.total`` / ``ScoreCard.verdict``
    in SQL; postings without a card yet get NULLs.
    """
    on = and_(ScoreCard.job_id == JobPosting.id, ScoreCard.profile_id == profile_id)
    return query.outerjoin(ScoreCard, on).add_columns(
        ScoreCard.total, ScoreCard.verdict, ScoreCard.critical_flags
    )


def load_card(session: Session, job_id: int, profile: Profile | None = None) -> ScoreCard | None:
    """The stored card of a posting for a profile (default: the active one)."""
    row = profile or active_profile(session)
    if row is None:
        return None
    return session.scalar(
        select(ScoreCard).where(ScoreCard.job_id == job_id, ScoreCard.profile_id == row.id)
    )


def cards_to_rescore(session: Session, profile: Profile, version: str) -> int:
    """Live postings whose card for ``profile`` is missing or out of date.

    Out of date: computed with another ``version`` (rules, scorer, thresholds: see
    :func:`app.scoring.service.stored_version`), or before the profile last changed.
    """
    card = ScoreCard
    query = (
        select(func.count())
        .select_from(JobPosting)
        .outerjoin(card, and_(card.job_id == JobPosting.id, card.profile_id == profile.id))
        .where(JobPosting.deleted_at.is_(None))
        .where(
            or_(
                card.id.is_(None),
                card.rules_version != version,
                card.computed_at < profile.updated_at,
            )
        )
    )
    return session.scalar(query) or 0


def _stale_condition(profile: Profile, version: str, job_id: Any) -> Any:
    """No card of ``profile`` for the posting, or one of another version / an older profile."""
    card = ScoreCard
    current = (
        select(card.id)
        .where(card.job_id == job_id, card.profile_id == profile.id)
        .where(card.rules_version == version)
        .where(card.computed_at >= profile.updated_at)
    )
    return ~current.exists()


def stale_cards(session: Session, version: str) -> int:
    """How many stored cards were computed with another rules version."""
    return (
        session.scalar(
            select(func.count()).select_from(ScoreCard).where(ScoreCard.rules_version != version)
        )
        or 0
    )


def live_job_count(session: Session) -> int:
    query = select(func.count()).select_from(JobPosting).where(JobPosting.deleted_at.is_(None))
    return session.scalar(query) or 0


def live_job_ids(session: Session) -> list[int]:
    """The ids of the live postings, in order."""
    query = select(JobPosting.id).where(JobPosting.deleted_at.is_(None))
    return list(session.scalars(query.order_by(JobPosting.id)))


#: posting columns the scorer does not need (bookkeeping)
_NOT_SCORED = frozenset(
    {"dedup_key", "status", "source", "captured_at", "created_at", "updated_at", "rule_findings"}
)


def _job_batch(
    session: Session, after: int, size: int, stale_for: tuple[Profile, str] | None = None
) -> list[Any]:
    """Up to ``size`` live postings with ids above ``after``, as plain rows.

    With ``stale_for`` (profile, version): only those whose card is missing or out of date.
    """
    table = JobPosting.__table__
    # the whole pasted text is not read in bulk (the rules read ``unplaced_text``): NULL
    columns = [c for c in table.c if c.name not in _NOT_SCORED and c.name != "raw_text"]
    columns.append(null().label("raw_text"))
    query = (
        select(*columns)
        .where(table.c.id > after, table.c.deleted_at.is_(None))
        .order_by(table.c.id)
        .limit(size)
    )
    if stale_for is not None:
        query = query.where(_stale_condition(*stale_for, table.c.id))
    return list(session.execute(query).all())


class BulkCards:
    """Read postings and write score cards in bulk, the fastest way the dialect allows.

    On SQLite the posting rows are read as raw values and turned into facts
    directly (:func:`app.storage.postings.stored_facts_reader`), and the cards
    are written as plain tuples by one ``executemany`` upsert; the values stored
    are the same as :func:`card_values` + :func:`store_cards` write. Other
    dialects use those two.
    """

    def __init__(self, dialect: Any, now: datetime) -> None:
        self.now = now
        self.raw = dialect.name == "sqlite"
        # the raw reader knows SQLite's stored forms (text timestamps, JSON as text); on
        # PostgreSQL the driver's values go through the ORM (:func:`facts_of`) instead
        self._facts = stored_facts_reader(dialect) if self.raw else None
        columns = ScoreCard.__table__.c
        self._json = _json_serializer(dialect)
        stamp = _bind_processor(columns.computed_at.type, dialect)
        self._stamp = stamp(now) if stamp else now

    def postings(
        self, session: Session, after: int, size: int, stale_for: tuple[Profile, str] | None = None
    ) -> list[tuple[int, Any]]:
        """Up to ``size`` live postings with ids above ``after``, as (id, PostingFacts)."""
        if not self.raw:
            return [(j.id, facts_of(j)) for j in _job_batch(session, after, size, stale_for)]
        table = JobPosting.__table__
        raw: list[Any] = [literal_column(f"job_posting.{name}") for name in FACT_COLUMNS]
        query = (
            select(table.c.id, *raw)
            .where(table.c.id > after, table.c.deleted_at.is_(None))
            .order_by(table.c.id)
            .limit(size)
        )
        if stale_for is not None:
            query = query.where(_stale_condition(*stale_for, table.c.id))
        facts = self._facts
        assert facts is not None
        return [(row[0], facts(row[1:])) for row in session.execute(query)]

    def card(self, job_id: int, profile_id: int, result: CardResult) -> Any:
        """One card to store: a tuple of :data:`CARD_COLUMNS` values (a dict off SQLite)."""
        if not self.raw:
            return card_values(job_id, profile_id, result, self.now)
        return (
            job_id,
            profile_id,
            result.total,
            result.verdict._value_,
            self._factors_json(result.factors),
            self._flags_json(result.flags) if result.flags else "[]",
            self._names_json(result.matched_skills),
            self._names_json(result.missing_skills),
            result.win_chance.probability,
            result.value_per_connect,
            result.critical_flags,
            result.rules_version,
            self._stamp,
        )

    def _factors_json(self, factors: Sequence[Any]) -> str:
        """``json.dumps`` of the factor dicts, written out directly when json.dumps is the
        serializer (4x faster; the test in test_scores_storage compares the two)."""
        if self._json is not json.dumps or any(type(f.points) is not int for f in factors):
            return self._json(
                [{"name": f.name, "points": f.points, "reason": f.reason} for f in factors]
            )
        text = _json_text
        return (
            "["
            + ", ".join(
                f'{{"name": {text(f.name)}, "points": {f.points}, "reason": {text(f.reason)}}}'
                for f in factors
            )
            + "]"
        )

    def _flags_json(self, flags: Sequence[Any]) -> str:
        """``json.dumps`` of the flags' ``to_json``, written out directly when it can be."""
        if self._json is not json.dumps or not all(map(_plain_flag, flags)):
            return self._json([f.to_json() for f in flags])
        text = _json_text
        return (
            "["
            + ", ".join(
                f'{{"rule": {text(f.rule)}, "severity": {text(f.severity._value_)}, '
                f'"title": {text(f.title)}, "evidence": {text(f.evidence)}, '
                f'"field": {text(f.field)}, "start": {_json_int(f.start)}, '
                f'"end": {_json_int(f.end)}, "points": {round(f.points, 1)!r}, '
                f'"words": {text(f.shown)}}}'
                for f in flags
            )
            + "]"
        )

    def _names_json(self, names: Sequence[str]) -> str:
        if self._json is not json.dumps or not all(type(n) is str for n in names):
            return self._json(list(names))
        return "[" + ", ".join(map(_json_text, names)) + "]"

    def store(self, session: Session, cards: Sequence[Any]) -> None:
        """Insert or replace ``cards`` (made by :meth:`card`) in one statement."""
        if not cards:
            return
        if not self.raw:
            store_cards(session, cards)
            return
        session.connection().exec_driver_sql(_UPSERT_SQL, list(cards))


#: a string as ``json.dumps`` writes it (ASCII, escaped)
_json_text = json.encoder.encode_basestring_ascii


def _plain_flag(flag: Any) -> bool:
    """A flag whose JSON :meth:`BulkCards._flags_json` can write out itself."""
    return (
        type(flag.points) is float
        and math.isfinite(flag.points)
        and all(
            type(v) is str for v in (flag.rule, flag.title, flag.evidence, flag.field, flag.shown)
        )
        and (flag.start is None or type(flag.start) is int)
        and (flag.end is None or type(flag.end) is int)
    )


def _json_int(value: int | None) -> str:
    return "null" if value is None else str(value)


def _json_serializer(dialect: Any) -> Callable[[Any], str]:
    """What the dialect turns a JSON column's value into text with."""
    return getattr(dialect, "_json_serializer", None) or json.dumps


def _bind_processor(kind: Any, dialect: Any) -> Callable[[Any], Any] | None:
    """What SQLAlchemy applies to a value of this column type before it goes to the driver."""
    return kind.dialect_impl(dialect).bind_processor(dialect)


#: the ``score_card`` columns of a card tuple, in order
CARD_COLUMNS = (
    "job_id",
    "profile_id",
    "total",
    "verdict",
    "factors",
    "flags",
    "matched_skills",
    "missing_skills",
    "win_chance",
    "value_per_connect",
    "critical_flags",
    "rules_version",
    "computed_at",
)
_UPSERT_SQL = (
    f"INSERT INTO score_card ({', '.join(CARD_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in CARD_COLUMNS)}) "
    "ON CONFLICT (job_id, profile_id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in CARD_COLUMNS[2:])
)
