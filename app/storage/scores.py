"""Score cards in the database: score one posting, or rescore everything in batches.

A card is stored per posting and profile (upsert), with the rules version it
was computed with, so lists sort and filter by score in SQL and stale cards
can be found after the rules or the scorer change.
"""

from __future__ import annotations

import json
import logging
import math
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime
from itertools import islice
from typing import Any

from sqlalchemy import Select, and_, func, literal_column, null, or_, select
from sqlalchemy.orm import Session

from app import clock, settings
from app.errors import InputError, NotFoundError
from app.insights import band_outcomes, calibrated_win_rates
from app.insights import score_band as insights_band
from app.profiles import ProfileSpec, active_profile, find_profile, list_profiles, spec_of
from app.scoring.score import Scorer, ScoreResult, current_rules_version
from app.scoring.win_chance import SCORE_BANDS, CalibratedRate
from app.storage.bulk import gc_paused
from app.storage.db import Database
from app.storage.models import JobPosting, Profile, ScoreCard
from app.storage.postings import FACT_COLUMNS, facts_of, stored_facts_reader
from app.storage.search import insert_for

log = logging.getLogger("pwb.scoring")

BATCH_SIZE = 2000

Progress = Callable[[int, int], None]
ShouldStop = Callable[[], bool]


def own_win_rates(session: Session, profile_id: int | None) -> dict[str, CalibratedRate] | None:
    """The user's own win rates for each scoring band, once their history is large enough.

    Insights measures outcomes in 20-point bands (enough proposals per band to
    mean something); each 10-point scoring band takes the rate of the 20-point
    band it lies in. None before :func:`app.insights.calibrated_win_rates` has
    enough outcomes, and the defaults apply.
    """
    rates = calibrated_win_rates(session, profile_id)
    if rates is None:
        return None
    counts = band_outcomes(session, profile_id)
    own: dict[str, CalibratedRate] = {}
    for low, high in SCORE_BANDS:
        wide = insights_band(low)
        if wide is None:
            continue
        own[f"{low}-{high}"] = CalibratedRate(
            rate=rates[wide], proposals=counts.get(wide, (0, 0))[1], source_band=wide
        )
    return own


def scorer_for(
    session: Session,
    profile: Profile | ProfileSpec,
    win_rates: Mapping[str, CalibratedRate] | None = None,
) -> Scorer:
    """A scorer for ``profile`` with the shipped rules and the thresholds from the settings.

    ``win_rates`` are the user's own win rates per score band; by default they
    are read from the user's proposal history (see :func:`own_win_rates`).
    """
    apply_at = int(settings.get(session, "score.apply_threshold"))
    maybe_at = int(settings.get(session, "score.maybe_threshold"))
    if win_rates is None and isinstance(profile, Profile) and profile.id is not None:
        win_rates = own_win_rates(session, profile.id)
    spec = spec_of(profile) if isinstance(profile, Profile) else profile
    scorer = Scorer.for_profile(
        spec, apply_threshold=apply_at, maybe_threshold=maybe_at, win_rates=win_rates
    )
    scorer.version = stored_version(session)
    return scorer


def stored_version(session: Session) -> str:
    """What a card computed now is stamped with: rules, scorer and verdict thresholds.

    A card with another stamp is out of date (see :func:`cards_to_rescore`).
    """
    apply_at = int(settings.get(session, "score.apply_threshold"))
    maybe_at = int(settings.get(session, "score.maybe_threshold"))
    return f"{current_rules_version()}-t{apply_at}.{maybe_at}"


def card_values(job_id: int, profile_id: int, result: ScoreResult, now: datetime) -> dict[str, Any]:
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


def _profile_or_active(session: Session, profile: Profile | str | None) -> Profile:
    if isinstance(profile, Profile):
        return profile
    if isinstance(profile, str):
        return find_profile(session, profile)
    row = active_profile(session)
    if row is None:
        raise InputError("no profile yet: create one in the Profile page or `pwb profile import`")
    return row


def score_job(
    session: Session,
    job_id: int,
    profile: Profile | str | None = None,
    *,
    now: datetime | None = None,
    win_rates: Mapping[str, CalibratedRate] | None = None,
) -> ScoreResult:
    """Score a stored posting against a profile (default: the active one) and store the card."""
    job = session.get(JobPosting, job_id)
    if job is None or job.deleted_at is not None:
        raise NotFoundError(f"no posting with id {job_id}")
    row = _profile_or_active(session, profile)
    now = now or clock.now()
    result = scorer_for(session, row, win_rates).score(facts_of(job), now)
    store_cards(session, [card_values(job.id, row.id, result, now)])
    return result


def score_jobs(
    session: Session,
    job_ids: Sequence[int],
    profile: Profile | str | None = None,
    *,
    now: datetime | None = None,
    win_rates: Mapping[str, CalibratedRate] | None = None,
) -> int:
    """Score freshly added postings for a profile (default: the active one); returns cards.

    For a paste or an import: does nothing (returns 0) while there is no profile yet,
    as the first profile's rescore will score everything.
    """
    if profile is None and active_profile(session) is None:
        return 0
    row = _profile_or_active(session, profile)
    now = now or clock.now()
    scorer = scorer_for(session, row, win_rates)
    jobs = session.scalars(
        select(JobPosting).where(JobPosting.id.in_(job_ids), JobPosting.deleted_at.is_(None))
    )
    cards = [card_values(job.id, row.id, scorer.score(facts_of(job), now), now) for job in jobs]
    store_cards(session, cards)
    return len(cards)


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


def cards_to_rescore(session: Session, profile: Profile, version: str | None = None) -> int:
    """Live postings whose card for ``profile`` is missing or out of date.

    Out of date: computed with other rules, or before the profile last changed.
    """
    version = version or stored_version(session)
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


def profile_cards_to_rescore(db: Database, profile: str | None = None) -> int:
    """:func:`cards_to_rescore` for the profile named ``profile`` (default: the active one),
    in a session of its own (for a background task); 0 when there is no such profile."""
    with db.read() as session:
        row = find_profile(session, profile) if profile else active_profile(session)
        return cards_to_rescore(session, row) if row is not None else 0


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


def score_stale(
    db: Database,
    *,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
    now: datetime | None = None,
    batch_size: int = BATCH_SIZE,
) -> int:
    """Score the postings the active profile has no current card for (after an import)."""
    now = now or clock.now()
    with db.read() as session:
        profile = active_profile(session)
        if profile is None:
            return 0
        scorer = scorer_for(session, profile)
        version = stored_version(session)
        total = cards_to_rescore(session, profile, version)
    done, last = 0, 0
    bulk = BulkCards(db.engine.dialect, now)
    with gc_paused(), db.read() as reader:
        while batch := bulk.postings(reader, last, batch_size, stale_for=(profile, version)):
            last = batch[-1][0]
            if should_stop and should_stop():
                break
            with db.transaction() as writer:
                bulk.store(writer, bulk.cards(batch, [(profile.id, scorer)]))
            done += len(batch)
            if progress:
                progress(done, total)
    return done


def stale_cards(session: Session, version: str) -> int:
    """How many stored cards were computed with another rules version."""
    return (
        session.scalar(
            select(func.count()).select_from(ScoreCard).where(ScoreCard.rules_version != version)
        )
        or 0
    )


def _live_job_count(session: Session) -> int:
    query = select(func.count()).select_from(JobPosting).where(JobPosting.deleted_at.is_(None))
    return session.scalar(query) or 0


#: posting columns the scorer does not need (bookkeeping, and the raw pasted text)
_NOT_SCORED = frozenset(
    {"raw_text", "dedup_key", "status", "source", "captured_at", "created_at", "updated_at"}
)


def _job_batch(
    session: Session, after: int, size: int, stale_for: tuple[Profile, str] | None = None
) -> list[Any]:
    """Up to ``size`` live postings with ids above ``after``, as plain rows without raw text.

    With ``stale_for`` (profile, version): only those whose card is missing or out of date.
    """
    table = JobPosting.__table__
    columns = [c for c in table.c if c.name not in _NOT_SCORED]
    # the pasted raw text can be large and the scorer never reads it
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


#: below this many cards a rescore runs in this process (starting workers costs ~1 s)
PARALLEL_FROM = 20_000
#: with 2 or 3 CPUs the workers share them with the writer and the GUI: from this many
#: cards two workers still win on a quiet machine (docs/performance.md, issue 4)
PARALLEL_FROM_FEW_CPUS = 50_000
MAX_WORKERS = 4


def default_workers(cards: int) -> int:
    """Worker processes for a rescore of ``cards``: none on small jobs or one CPU.

    The writing process does little now (it stores ready-made card rows), so
    two workers pay off even on two CPUs for big rescores: 100,000 postings in
    8.7 s instead of 13.1 s when the machine is otherwise quiet (it loses ~10 %
    when other programs keep the CPUs busy). From four CPUs one is left for
    the writer and the GUI.
    """
    cpus = os.cpu_count() or 1
    if cards < PARALLEL_FROM or cpus < 2:
        return 1
    if cpus < 4:
        return 2 if cards >= PARALLEL_FROM_FEW_CPUS else 1
    return min(MAX_WORKERS, cpus - 1)


def rescore_all(
    db: Database,
    profile: str | None = None,
    *,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
    now: datetime | None = None,
    batch_size: int = BATCH_SIZE,
    win_rates: Mapping[str, CalibratedRate] | None = None,
    workers: int | None = None,
) -> int:
    """Rescore every posting for ``profile`` (default: every profile); returns cards written.

    Each batch commits on its own, so the work done survives a cancel
    (``should_stop`` returning True) and readers see progress. Large rescores
    read and score in ``workers`` processes (default: :func:`default_workers`)
    while this process writes.
    """
    now = now or clock.now()
    with db.read() as session:
        rows = [find_profile(session, profile)] if profile else list_profiles(session)
        scorers = [(row.id, scorer_for(session, row, win_rates)) for row in rows]
        total = _live_job_count(session) * len(scorers)
    if workers is None:
        workers = default_workers(total)
    if progress:
        progress(0, total)
    if workers > 1 and scorers:
        done = _rescore_in_workers(db, scorers, now, batch_size, workers, progress, should_stop)
    else:
        done = _rescore_here(db, scorers, now, batch_size, total, progress, should_stop)
    if done < total:
        log.info("rescore stopped after %d of %d cards", done, total)
    return done


def _rescore_here(
    db: Database,
    scorers: list[tuple[int, Scorer]],
    now: datetime,
    batch_size: int,
    total: int,
    progress: Progress | None,
    should_stop: ShouldStop | None,
) -> int:
    done, last = 0, 0
    bulk = BulkCards(db.engine.dialect, now)
    with gc_paused():
        while not (should_stop and should_stop()):
            # one short transaction per batch: readers and the WAL checkpoint are never held up
            with db.transaction() as session:
                batch = bulk.postings(session, last, batch_size)
                if not batch:
                    break
                last = batch[-1][0]
                cards = bulk.cards(batch, scorers)
                bulk.store(session, cards)
                done += len(cards)
            if progress:
                progress(done, total)
    return done


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

    def cards(self, batch: Sequence[tuple[int, Any]], scorers: list[tuple[int, Scorer]]) -> list:
        """Score a batch of (id, facts) for every scorer: the rows to store."""
        now, card = self.now, self.card
        return [
            card(job_id, profile_id, scorer.score(facts, now))
            for job_id, facts in batch
            for profile_id, scorer in scorers
        ]

    def card(self, job_id: int, profile_id: int, result: ScoreResult) -> Any:
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
                f'"end": {_json_int(f.end)}, "points": {round(f.points, 1)!r}}}'
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
        and all(type(v) is str for v in (flag.rule, flag.title, flag.evidence, flag.field))
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


def _rescore_in_workers(
    db: Database,
    scorers: list[tuple[int, Scorer]],
    now: datetime,
    batch_size: int,
    workers: int,
    progress: Progress | None,
    should_stop: ShouldStop | None,
) -> int:
    """Worker processes read and score id ranges; this process writes what they return."""
    with db.read() as session:
        query = select(JobPosting.id).where(JobPosting.deleted_at.is_(None))
        ids = list(session.scalars(query.order_by(JobPosting.id)))
    ranges = [
        (ids[i - 1] if i else 0, ids[min(i + batch_size, len(ids)) - 1])
        for i in range(0, len(ids), batch_size)
    ]
    total = len(ids) * len(scorers)
    target = str(db.path) if db.path is not None else db.url.render_as_string(False)
    context = multiprocessing.get_context("spawn")
    bulk = BulkCards(db.engine.dialect, now)
    done = 0
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_worker_start, initargs=(target, scorers, now)
    ) as pool:
        pending = iter(ranges)
        running = deque(pool.submit(_worker_cards, *r) for r in islice(pending, 2 * workers))
        while running:
            if should_stop and should_stop():
                pool.shutdown(wait=True, cancel_futures=True)
                break
            cards = running.popleft().result()
            following = next(pending, None)
            if following is not None:
                running.append(pool.submit(_worker_cards, *following))
            with db.transaction() as session:
                bulk.store(session, cards)
            done += len(cards)
            if progress:
                progress(done, total)
    return done


#: a worker process's open database and scorers (set once by :func:`_worker_start`)
_WORKER: dict[str, Any] = {}


def _worker_start(target: str, scorers: list[tuple[int, Scorer]], now: datetime) -> None:
    from app.storage.db import open_database

    db = open_database(target, migrate=False, verify=False)  # the app checked it on open
    _WORKER.update(db=db, scorers=scorers, bulk=BulkCards(db.engine.dialect, now))


def _worker_cards(after: int, upto: int) -> list:
    """In a worker: the cards of the live postings with ids in (after, upto]."""
    db: Database = _WORKER["db"]
    bulk: BulkCards = _WORKER["bulk"]
    with gc_paused(), db.read() as session:
        batch = [r for r in bulk.postings(session, after, upto - after) if r[0] <= upto]
        return bulk.cards(batch, _WORKER["scorers"])
