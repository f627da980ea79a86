"""What checking a database before opening it costs: ``open_database`` with and without
``PRAGMA quick_check``, and a verified backup.

    python benchmarks/bench_open.py [--rows 100000] [--keep DIR]

Builds (or reuses, with ``--keep``) a database of ``--rows`` generated postings
(half scored, as in bench_capture), then times, in the same run: opening it
with the check (what every command and the window do), opening it without
(``verify=False``, what rescoring workers do), ``pwb check``'s
``integrity_check``, and ``pwb backup`` (copy, switch to a rollback journal,
``quick_check`` of the copy). Medians of 5, the file warm in the page cache.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_capture import fill_million

from app.backup import backup_now
from app.storage import files, open_database


def median_ms(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the database in")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="pwb-open-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"open-{args.rows}.sqlite3"
    if not path.exists():
        fill_million(path, args.rows)
    size = path.stat().st_size / 1024**2

    def open_and_close(verify: bool) -> None:
        open_database(str(path), verify=verify).close()

    checked = median_ms(lambda: open_and_close(True))
    unchecked = median_ms(lambda: open_and_close(False))
    integrity = median_ms(lambda: files.sound(path, pragma="integrity_check"), repeat=3)
    db = open_database(str(path))
    out = folder / "backups"
    out.mkdir(exist_ok=True)
    counter = iter(range(100))

    def one_backup() -> None:
        dest = out / f"bench-{next(counter)}.sqlite3"
        backup_now(db, dest)
        dest.unlink()

    backup = median_ms(one_backup, repeat=3)
    db.close()
    print(f"database: {args.rows:,} postings, {size:.0f} MB")
    print(f"open with quick_check      {checked:8.0f} ms")
    print(f"open without (verify=False){unchecked:8.0f} ms")
    print(f"the check costs            {checked - unchecked:8.0f} ms")
    print(f"integrity_check (pwb check){integrity:8.0f} ms")
    print(f"verified backup            {backup:8.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
