"""Scoring speed on 100,000 postings (run by hand, not part of pytest).

    python benchmarks/bench_scoring.py [--count 100000] [--keep DB]

1. pure scoring: ``Scorer.score`` over N postings in memory;
2. ``rescore_all``: read N stored postings, score and upsert N score cards, end to end
   (first time: cards inserted; again: cards replaced; again with worker processes);
3. the same rescore through the generic path that ``rescore_all`` took before
   (ORM rows, ``facts_of``, ``card_values``, ``store_cards``, garbage collector on),
   timed in the same run so the ratio holds on a shared, noisy machine.

The postings are the real search tiles in ../shared/data, repeated with
varied client facts, proposals and posting times.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import Table  # noqa: E402

from app.domain import ClientFacts, PostingFacts  # noqa: E402
from app.parsing.rest import rest_of  # noqa: E402
from app.profiles import default_profile, save_profile  # noqa: E402
from app.scoring.score import Scorer  # noqa: E402
from app.scoring.service import MAX_WORKERS, rescore_all, scorer_for  # noqa: E402
from app.storage import open_database  # noqa: E402
from app.storage.models import JobPosting  # noqa: E402
from app.storage.postings import apply_facts, dedup_key, facts_of  # noqa: E402
from app.storage.scores import _job_batch, card_values, store_cards  # noqa: E402
from tests.tile_facts import load_tiles, shared_data_file  # noqa: E402

NOW = datetime(2024, 8, 20, tzinfo=UTC)


def postings(count: int) -> list[PostingFacts]:
    data = shared_data_file()
    if data is None:
        raise SystemExit("bench_scoring: ../shared/data/upwork_search_jobs_2024-08.json not found")
    tiles = load_tiles(data)
    rng = random.Random(4)
    out = []
    for i in range(count):
        base = tiles[i % len(tiles)]
        client = ClientFacts(
            payment_verified=rng.random() > 0.2,
            rating=round(rng.uniform(3.0, 5.0), 1) if rng.random() > 0.3 else None,
            reviews=rng.randint(0, 80),
            jobs_posted=rng.randint(1, 60),
            hire_rate=float(rng.randint(0, 100)),
            hires=rng.randint(0, 40),
            total_spent=float(rng.randint(0, 50_000)),
            member_since=date(2015, 1, 1) + timedelta(days=rng.randint(0, 3400)),
        )
        out.append(
            dataclasses.replace(
                base,
                raw_text=pasted_page(base, i),
                url=f"https://www.upwork.com/jobs/bench_~01{i:016x}",
                posted_at=NOW - timedelta(hours=rng.randint(0, 800)),
                proposals_min=rng.choice([0, 5, 10, 15, 20, 50]),
                interviewing=rng.randint(0, 5),
                connects_required=rng.randint(2, 16),
                client=client,
            )
        )
    for facts in out:  # as the parser leaves it: the lines it placed nowhere
        facts.unplaced = rest_of(facts)
    return out


def pasted_page(base: PostingFacts, i: int) -> str:
    """What a user pastes from a job page: the posting with the page's own lines around it
    (the red-flag rules read the lines the parser did not place)."""
    return "\n".join(
        [
            base.title or "",
            f"Posted {i % 23 + 1} hours ago",
            "Worldwide",
            "Summary",
            base.description or "",
            "Skills and Expertise",
            *base.skills,
            "Activity on this job",
            "Proposals: 10 to 15",
            "About the client",
            "Payment method verified",
            "4.8 of 12 reviews",
            f"{i % 40 + 2} jobs posted",
            "Member since Mar 12, 2019",
        ]
    )


def profile():
    spec = default_profile(
        "Bench", "Python developer", ["Python", "API Integration", "Web Scraping", "Django"], 40.0
    )
    spec.include_keywords = ["automation", "dashboard"]
    spec.exclude_keywords = ["wordpress"]
    return spec


def critical_rate() -> str:
    """The share of the real postings (as they are, no client facts) with a critical flag."""
    data = shared_data_file()
    assert data is not None
    tiles = load_tiles(data)
    scorer = Scorer.for_profile(profile())
    critical = sum(1 for f in tiles if scorer.score(f, NOW).critical_flags)
    return f"real postings with a critical flag: {critical} of {len(tiles)} ({critical / len(tiles):.1%})"


def store_postings(session, facts: list[PostingFacts]) -> None:
    """The postings as stored rows, in one insert (also used by bench_backfill)."""
    table = cast(Table, JobPosting.__table__)
    rows = []
    for f in facts:
        job = apply_facts(JobPosting(), f)
        rows.append({c.name: getattr(job, c.name) for c in table.columns if c.name != "id"})
        rows[-1].update(status="new", source="bench", captured_at=NOW, created_at=NOW)
        rows[-1].update(updated_at=NOW, dedup_key=dedup_key(f))
    session.execute(table.insert(), rows)


def bench_pure(facts: list[PostingFacts]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (the CPU figure is steadier on a shared machine)."""
    scorer = Scorer.for_profile(profile())
    start, cpu = time.perf_counter(), time.process_time()
    for f in facts:
        scorer.score(f, NOW)
    return time.perf_counter() - start, time.process_time() - cpu


def bench_rescore(
    facts: list[PostingFacts], db_file: Path, quick: bool = False
) -> tuple[float, dict[str, float], int]:
    db = open_database(str(db_file))
    start = time.perf_counter()
    with db.transaction() as session:
        store_postings(session, facts)
        save_profile(session, profile())
    load = time.perf_counter() - start
    took: dict[str, float] = {}
    # the first pass inserts cards; the others replace them, as a real rescore does
    many = max(2, min(MAX_WORKERS, (os.cpu_count() or 2) - 1))
    passes = [("insert, one process", 1), ("one process", 1), ("workers", many)]
    for label, workers in passes[:2] if quick else passes:
        start, cpu = time.perf_counter(), time.process_time()
        written = rescore_all(db, now=NOW, workers=workers)
        took[label] = time.perf_counter() - start
        took[label + " cpu"] = time.process_time() - cpu
        print(f"  {label}: {took[label]:.2f} s (load {os.getloadavg()[0]:.2f})", flush=True)
    if quick:
        db.close()
        return load, took, written
    start = time.perf_counter()
    assert generic_rescore(db) == written
    took["generic"] = time.perf_counter() - start
    start = time.perf_counter()
    rescore_all(db, now=NOW, workers=1)
    took["one process, after"] = time.perf_counter() - start
    db.close()
    return load, took, written


def generic_rescore(db) -> int:
    """The rescore as ``rescore_all`` did it before the bulk path (for the ratio)."""
    with db.read() as session:
        from app.profiles import list_profiles

        scorers = [(row.id, scorer_for(session, row)) for row in list_profiles(session)]
    done, last = 0, 0
    while True:
        with db.transaction() as session:
            batch = _job_batch(session, last, 2000)
            if not batch:
                return done
            last = batch[-1].id
            cards = [
                card_values(job.id, pid, scorer.score(facts_of(job), NOW), NOW)
                for job in batch
                for pid, scorer in scorers
            ]
            store_cards(session, cards)
            done += len(cards)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="write the database here instead of a temp file")
    parser.add_argument("--quick", action="store_true", help="pure scoring and one rescore only")
    parser.add_argument("--no-raw", action="store_true", help="postings without pasted raw text")
    args = parser.parse_args()
    facts = postings(args.count)
    if args.no_raw:
        facts = [dataclasses.replace(f, raw_text=None, unplaced=None) for f in facts]
    print(critical_rate())
    pure, cpu = bench_pure(facts)
    print(f"pure scoring: {args.count:,} postings in {pure:.2f} s "
          f"({pure / args.count * 1e6:.0f} µs each; CPU time {cpu:.2f} s)")  # fmt: skip
    print(f"load average now: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as tmp:
        db_file = args.keep or Path(tmp) / "bench.sqlite3"
        load, took, written = bench_rescore(facts, db_file, args.quick)
    print(f"(inserting {args.count:,} postings took {load:.2f} s, not part of the figure)")
    workers = max(2, min(MAX_WORKERS, (os.cpu_count() or 2) - 1))
    if args.quick:
        print(
            f"rescore_all, again (cards replaced), one process: {took['one process']:.2f} s "
            f"(CPU time of this process {took['one process cpu']:.2f} s)"
        )
        return 0
    print(
        f"rescore_all, first time (cards inserted), one process: {took['insert, one process']:.2f} s"
    )
    print(f"rescore_all, again (cards replaced), one process: {took['one process']:.2f} s")
    print(f"rescore_all, again, {workers} worker processes: {took['workers']:.2f} s")
    print(
        f"CPU time of this process: first {took['insert, one process cpu']:.2f} s, "
        f"again {took['one process cpu']:.2f} s"
    )
    generic, after = took["generic"], took["one process, after"]
    print(
        f"the generic (previous) storage path, same scorer: {generic:.2f} s; "
        f"rescore_all right after it: {after:.2f} s (ratio {generic / after:.2f}x)"
    )
    print(f"load average at the end: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
