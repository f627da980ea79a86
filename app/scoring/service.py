"""The scoring service: score stored postings and keep their cards up to date.

A scorer for a profile (:func:`scorer_for`, with the thresholds of the settings
and the user's own win rates), scoring one posting or a few after a paste or an
import, and rescoring everything in batches, in worker processes for large
rescores. Storage only reads and writes the cards (:mod:`app.storage.scores`).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime
from itertools import islice
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock, settings
from app.errors import InputError, NotFoundError
from app.insights import band_outcomes, calibrated_win_rates
from app.insights import score_band as insights_band
from app.parsing.rest import unplaced_lines
from app.profiles import ProfileSpec, active_profile, find_profile, list_profiles, spec_of
from app.scoring.findings import kept_findings
from app.scoring.reposts import Earlier, find_reposts
from app.scoring.rules import posting_text
from app.scoring.score import Scorer, ScoreResult, current_rules_version
from app.scoring.win_chance import SCORE_BANDS, CalibratedRate
from app.storage.bulk import gc_paused
from app.storage.db import Database
from app.storage.models import JobPosting, Profile
from app.storage.postings import (
    count_without_rest,
    facts_of,
    postings_without_rest,
    store_findings,
    store_rests,
    stored_findings,
)
from app.storage.reposts import repeat_client_postings
from app.storage.scores import (
    BulkCards,
    card_values,
    cards_to_rescore,
    live_job_count,
    live_job_ids,
    store_cards,
)

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
    earlier = reposts_of(session, [job.id]).get(job.id)
    result = scorer_for(session, row, win_rates).score(facts_of(job), now, earlier)
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
    jobs = list(
        session.scalars(
            select(JobPosting).where(JobPosting.id.in_(job_ids), JobPosting.deleted_at.is_(None))
        )
    )
    reposts = reposts_of(session, [job.id for job in jobs])
    cards = [
        card_values(job.id, row.id, scorer.score(facts_of(job), now, reposts.get(job.id)), now)
        for job in jobs
    ]
    store_cards(session, cards)
    return len(cards)


def profile_cards_to_rescore(db: Database, profile: str | None = None) -> int:
    """:func:`cards_to_rescore` for the profile named ``profile`` (default: the active one),
    in a session of its own (for a background task); 0 when there is no such profile.

    A posting whose pasted rest was never computed (stored before migration 0011: see
    :func:`backfill_rests`) counts too: its card was scored without those lines."""
    with db.read() as session:
        row = find_profile(session, profile) if profile else active_profile(session)
        if row is None:
            return 0
        return cards_to_rescore(session, row, stored_version(session)) + count_without_rest(session)


def rests_to_backfill(db: Database) -> int:
    """Postings with a pasted text but no stored rest (``unplaced_text`` NULL)."""
    with db.read() as session:
        return count_without_rest(session)


def backfill_rests(
    db: Database,
    *,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
    batch_size: int = BATCH_SIZE,
) -> int:
    """Compute and store the rest of the pasted text (:mod:`app.parsing.rest`) of every
    posting stored before it was kept; returns how many were filled in.

    Postings stored before migration 0011 have ``unplaced_text`` NULL, and the bulk
    rescore does not read the whole raw text (it is the largest column), so without
    this the rules never see the lines the parser could not place in them. The rest is
    taken against the stored title, description, skills and screening questions, as
    :func:`app.parsing.rest.rest_of` does at parse time: what the user edited out of the
    description is still read as pasted. One transaction per batch: a cancel keeps what
    was done, and what is left is found again by the next rescore.
    """
    with db.read() as session:
        total = count_without_rest(session)
    done, last = 0, 0
    while total and not (should_stop and should_stop()):
        with db.transaction() as session:
            rows = postings_without_rest(session, last, batch_size)
            if not rows:
                break
            last = rows[-1][0]
            store_rests(session, [(row[0], _rest_of_row(row)) for row in rows])
        done += len(rows)
        if progress:
            progress(done, total)
    if done:
        log.info("computed the pasted rest of %d postings stored before it was kept", done)
    return done


def _rest_of_row(row: Sequence[Any]) -> str:
    """:func:`app.parsing.rest.rest_of` of a row of (id, raw, description, title, skills,
    screening questions)."""
    _, raw, description, title, skills, questions = row
    return unplaced_lines(
        raw,
        description,
        title,
        "\n".join(skills) if skills else None,
        "\n".join(questions) if questions else None,
    )


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
        reposts = reposts_of(session)
    done, last = 0, 0
    bulk = BulkCards(db.engine.dialect, now)
    with gc_paused(), db.read() as reader:
        while batch := bulk.postings(reader, last, batch_size, stale_for=(profile, version)):
            stored = stored_findings(reader, last, batch[-1][0])
            found: list[tuple[int, str]] = []
            last = batch[-1][0]
            if should_stop and should_stop():
                break
            cards = score_batch(bulk, batch, [(profile.id, scorer)], reposts, stored, found)
            with db.transaction() as writer:
                bulk.store(writer, cards)
                store_findings(writer, found)
            done += len(batch)
            if progress:
                progress(done, total)
    return done


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
    backfill: bool = True,
) -> int:
    """Rescore every posting for ``profile`` (default: every profile); returns cards written.

    Each batch commits on its own, so the work done survives a cancel
    (``should_stop`` returning True) and readers see progress. Large rescores
    read and score in ``workers`` processes (default: :func:`default_workers`)
    while this process writes. With ``backfill`` (the default) the rest of the
    pasted text of postings stored before it was kept is computed first
    (:func:`backfill_rests`; the progress stays at 0 cards meanwhile).
    """
    now = now or clock.now()
    with db.read() as session:
        rows = [find_profile(session, profile)] if profile else list_profiles(session)
        scorers = [(row.id, scorer_for(session, row, win_rates)) for row in rows]
        total = live_job_count(session) * len(scorers)
    if workers is None:
        workers = default_workers(total)
    if progress:
        progress(0, total)
    # a cancel during the backfill stops here (asked again only when it had work to do)
    filled = backfill_rests(db, should_stop=should_stop, batch_size=batch_size) if backfill else 0
    if filled and should_stop and should_stop():
        return 0
    with db.read() as session:
        reposts = reposts_of(session)
    if workers > 1 and scorers:
        done = _rescore_in_workers(
            db, scorers, now, batch_size, workers, progress, should_stop, reposts
        )
    else:
        done = _rescore_here(db, scorers, now, batch_size, total, progress, should_stop, reposts)
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
    reposts: Mapping[int, Earlier] | None = None,
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
                stored = stored_findings(session, last, batch[-1][0])
                found: list[tuple[int, str]] = []
                last = batch[-1][0]
                cards = score_batch(bulk, batch, scorers, reposts, stored, found)
                bulk.store(session, cards)
                store_findings(session, found)
                done += len(cards)
            if progress:
                progress(done, total)
    return done


def _rescore_in_workers(
    db: Database,
    scorers: list[tuple[int, Scorer]],
    now: datetime,
    batch_size: int,
    workers: int,
    progress: Progress | None,
    should_stop: ShouldStop | None,
    reposts: Mapping[int, Earlier] | None = None,
) -> int:
    """Worker processes read and score id ranges; this process writes what they return."""
    with db.read() as session:
        ids = live_job_ids(session)
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
        workers,
        mp_context=context,
        initializer=_worker_start,
        initargs=(target, scorers, now, dict(reposts or {})),
    ) as pool:
        pending = iter(ranges)
        running = deque(pool.submit(_worker_cards, *r) for r in islice(pending, 2 * workers))
        while running:
            if should_stop and should_stop():
                pool.shutdown(wait=True, cancel_futures=True)
                break
            cards, found = running.popleft().result()
            following = next(pending, None)
            if following is not None:
                running.append(pool.submit(_worker_cards, *following))
            with db.transaction() as session:
                bulk.store(session, cards)
                store_findings(session, found)
            done += len(cards)
            if progress:
                progress(done, total)
    return done


#: a worker process's open database and scorers (set once by :func:`_worker_start`)
_WORKER: dict[str, Any] = {}


def _worker_start(
    target: str, scorers: list[tuple[int, Scorer]], now: datetime, reposts: dict[int, Earlier]
) -> None:
    from app.storage.db import open_database

    db = open_database(target, migrate=False, verify=False)  # the app checked it on open
    _WORKER.update(db=db, scorers=scorers, bulk=BulkCards(db.engine.dialect, now), reposts=reposts)


def _worker_cards(after: int, upto: int) -> tuple[list, list[tuple[int, str]]]:
    """In a worker: the cards of the live postings with ids in (after, upto], and the
    rule findings to store of those whose kept ones no longer held."""
    db: Database = _WORKER["db"]
    bulk: BulkCards = _WORKER["bulk"]
    with gc_paused(), db.read() as session:
        batch = [r for r in bulk.postings(session, after, upto - after) if r[0] <= upto]
        stored = stored_findings(session, after, upto)
        found: list[tuple[int, str]] = []
        cards = score_batch(bulk, batch, _WORKER["scorers"], _WORKER["reposts"], stored, found)
        return cards, found


def reposts_of(session: Session, job_ids: Sequence[int] | None = None) -> dict[int, Earlier]:
    """The postings (of ``job_ids``, default: all) that repeat an earlier one of the same
    client: one query for the clients seen more than once, then titles compared here."""
    return find_reposts(repeat_client_postings(session, job_ids))


def score_batch(
    bulk: BulkCards,
    batch: Sequence[tuple[int, Any]],
    scorers: list[tuple[int, Scorer]],
    reposts: Mapping[int, Earlier] | None = None,
    findings: Mapping[int, str] | None = None,
    found: list[tuple[int, str]] | None = None,
) -> list:
    """Score a batch of (id, facts) for every scorer: the card rows to store.

    With several scorers, a posting's text is read once and scored by each in turn:
    what the rules' patterns find in it is kept with it (:func:`find_flags`). With
    ``findings`` (the postings' kept rule findings, :func:`stored_findings`) the text is
    filled from them when they still hold, else searched and its findings added to
    ``found`` as (id, findings) for the caller to store (:mod:`app.scoring.findings`)."""
    now, card = bulk.now, bulk.card
    get, kept = (reposts or {}).get, (findings or {}).get
    rows: list = []
    for job_id, facts in batch:
        text = posting_text(facts)
        if findings is not None and scorers:
            new = kept_findings(scorers[0][1].rules, text, kept(job_id))
            if new is not None and found is not None:
                found.append((job_id, new))
        elif len(scorers) > 1:
            text.keep_findings()
        earlier = get(job_id)
        rows += [
            card(job_id, profile_id, scorer.score(facts, now, earlier, text=text))
            for profile_id, scorer in scorers
        ]
    return rows
