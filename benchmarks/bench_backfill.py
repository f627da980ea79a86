"""A rescore of postings stored before the pasted rest was kept, against one of postings
that have it (run by hand, not part of pytest).

    python benchmarks/bench_backfill.py [--count 20000] [--rounds 2]

The postings of ``bench_scoring.py`` (real search tiles inside a pasted job page) are
stored once; each round then times, alternately in the same run:

1. ``rescore_all`` with every ``unplaced_text`` NULL (as after migration 0011): the
   backfill reads the raw text, computes the rest and stores it, then scores;
2. the backfill alone, on the same NULL rests (what the first figure spends on it);
3. ``rescore_all`` with the rests filled in (the backfill only counts: nothing to do).

Wall-clock and CPU seconds of this process (one process: no worker processes).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_scoring import NOW, postings, profile, store_postings  # noqa: E402
from sqlalchemy import update  # noqa: E402

from app.profiles import save_profile  # noqa: E402
from app.scoring.service import backfill_rests, rescore_all, rests_to_backfill  # noqa: E402
from app.storage import open_database  # noqa: E402
from app.storage.models import JobPosting  # noqa: E402


def timed(fn) -> tuple[float, float, object]:
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - start, time.process_time() - cpu, result


def forget_rests(db) -> None:
    with db.transaction() as session:
        session.execute(update(JobPosting).values(unplaced_text=None))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    facts = postings(args.count)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(str(Path(tmp) / "bench.sqlite3"))
        with db.transaction() as session:
            store_postings(session, facts)
            save_profile(session, profile())
        rescore_all(db, now=NOW, workers=1)  # the cards exist: every pass below replaces them
        for n in range(1, args.rounds + 1):
            forget_rests(db)
            assert rests_to_backfill(db) == args.count
            wall, cpu, cards = timed(lambda: rescore_all(db, now=NOW, workers=1))
            assert cards == args.count and rests_to_backfill(db) == 0
            print(f"round {n}: rescore, rests NULL:   {wall:5.2f} s (CPU {cpu:5.2f} s)", flush=True)
            forget_rests(db)
            wall, cpu, filled = timed(lambda: backfill_rests(db))
            assert filled == args.count
            print(f"round {n}: backfill alone:        {wall:5.2f} s (CPU {cpu:5.2f} s)", flush=True)
            wall, cpu, cards = timed(lambda: rescore_all(db, now=NOW, workers=1))
            print(f"round {n}: rescore, rests filled: {wall:5.2f} s (CPU {cpu:5.2f} s)", flush=True)
            wall, cpu, _ = timed(lambda: rests_to_backfill(db))
            print(f"round {n}: counting, none to do:  {wall * 1000:5.1f} ms", flush=True)
            print(f"  load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs", flush=True)
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
