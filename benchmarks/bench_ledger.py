"""Time the Connects ledger on a large history (run by hand, not by pytest).

    python benchmarks/bench_ledger.py [ENTRIES]

Builds a temporary SQLite database with ENTRIES entries (default 10,000:
years of daily bidding) and times the replay, the forecast, what the Connects
page reads, and posting expiries / allocations.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from app import clock, ledger
from app.storage import open_database
from app.storage.models import LedgerEntry


def build(path: Path, entries: int) -> None:
    db = open_database(str(path))
    rng = random.Random(6)
    start = clock.now() - timedelta(days=3 * 365)
    step = (3 * 365 * 86400) / entries
    rows = []
    for i in range(entries):
        at = start + timedelta(seconds=i * step)
        if i % 4 == 0:
            amount, kind = rng.choice([10, 20, 40, 60, 80]), "purchase"
        elif i % 11 == 0:
            amount, kind = rng.randint(2, 8), "refund"
        else:
            amount, kind = -rng.randint(2, 16), rng.choice(["spend", "spend", "boost"])
        rows.append(
            LedgerEntry(
                at=at,
                kind=kind,
                amount=amount,
                expires_at=at + timedelta(days=365) if amount > 0 else None,
            )
        )
    with db.transaction() as session:
        session.add_all(rows)
    db.close()


def timed(label: str, fn, repeat: int = 5) -> None:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    print(f"{label:<44} {best * 1000:8.1f} ms")


def main() -> None:
    entries = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        build(path, entries)
        db = open_database(str(path))
        print(f"{entries:,} entries")
        with db.transaction() as session:
            posted: list[LedgerEntry] = []
            timed(
                "post due expiries (first time)",
                lambda: posted.extend(ledger.catch_up(session)),
                repeat=1,
            )
            kinds = sorted({e.kind for e in posted})
            print(f"  ({len(posted)} entries posted: {', '.join(kinds)})")
        with db.read() as session:
            timed("replay lots (ledger_state)", lambda: ledger.ledger_state(session))
            timed("forecast", lambda: ledger.forecast(session))
            timed("Connects page read (overview, all entries)", lambda: ledger.overview(session))
            timed("pwb ledger --json object", lambda: ledger.ledger_json(session))
        with db.transaction() as session:
            timed("catch up again (nothing due)", lambda: ledger.catch_up(session))
        db.close()


if __name__ == "__main__":
    main()
