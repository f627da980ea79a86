"""Speed and memory of importing a big file (issue 11). Run by hand, not by pytest:

    python benchmarks/bench_import.py [--rows 100000] [--keep DIR]

Generates a CSV of ``--rows`` postings in the shape of an Upwork RSS export
(descriptions over several lines with ``""``-escaped quotes, ``6/6/2024 4:58am``
dates, HTML entities, `` - Upwork`` titles) plus scraper columns (list literals,
``$2.5K``, ISO alpha-3 countries, an unnamed index column), and the same rows as
JSONL and as one JSON array (streamed). Each import runs in a fresh child
process on a fresh database, so its peak memory (``VmHWM`` on Linux, else ``ru_maxrss``; the whole process:
Python, SQLAlchemy and all) is its own (``ru_maxrss`` survives exec, so a child would inherit the parent's peak).
The baseline, timed in the same run: the same CSV read by the csv module and
stored with plain ``sqlite3`` ``executemany`` into a table of the file's columns,
in one transaction. Prints a Markdown table for docs/performance.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HEADER = [
    "", "title", "url", "published", "description", "skills", "category", "country",
    "budget", "hourly_range_min", "hourly_range_max", "client_total_spent", "hires",
    "proposals", "duration", "client_industry",
]  # fmt: skip
WORDS = ["python", "django", "react", "api", "scraper", "wordpress", "shopify", "logo", "design", "video", "seo", "data", "excel", "dashboard", "automation", "mobile", "flutter", "figma", "stripe", "postgres", "aws", "docker"]  # fmt: skip
COUNTRIES = ("USA", "GBR", "SAU", "DEU", "IND", "CAN", "AUS", "Worldwide")


def make_rows(n: int, seed: int = 11) -> list[list[str]]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        words = " ".join(rng.choice(WORDS) for _ in range(3))
        hourly = i % 2 == 0
        lines = [f'Need a "{rng.choice(WORDS)}" expert for {words}.'] + [
            " ".join(rng.choice(WORDS) for _ in range(12)) for _ in range(rng.randint(2, 8))
        ]
        rows.append([
            str(i),
            f"{words.title()} &amp; more {i} - Upwork",
            f"https://www.upwork.com/jobs/~01{i:016x}",
            f"{rng.randint(1, 12)}/{rng.randint(1, 28)}/2024 {rng.randint(1, 12)}:{rng.randint(0, 59):02d}am",
            "\n".join(lines) + "<br>Thanks &amp; regards",
            repr(rng.sample(WORDS, 3)),
            "Web Development",
            rng.choice(COUNTRIES),
            "" if hourly else f"${rng.randint(50, 5000)}",
            f"${rng.randint(10, 40)}.00" if hourly else "",
            f"${rng.randint(40, 90)}.00" if hourly else "",
            rng.choice(["$2.5K", "$10K+", "$1M+", "['']", "$0"]),
            f"{rng.randint(0, 50)}.0",
            rng.choice(["Less than 5", "5 to 10", "10 to 15", "20 to 50", "50+"]),
            rng.choice(["< 1 month", "1 to 3 months", "More than 6 months"]),
            "Tech",
        ])  # fmt: skip
    return rows


def write_files(folder: Path, n: int) -> tuple[Path, Path, Path]:
    rows = make_rows(n)
    csv_path = folder / "postings.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(rows)
    jsonl_path = folder / "postings.jsonl"
    with jsonl_path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(dict(zip(HEADER[1:], row[1:], strict=True))) + "\n")
    json_path = folder / "postings.json"
    with json_path.open("w", encoding="utf-8") as f:  # one array, written item by item
        f.write("[\n")
        for n_row, row in enumerate(rows):
            f.write(
                ("" if n_row == 0 else ",\n")
                + json.dumps(dict(zip(HEADER[1:], row[1:], strict=True)), indent=1)
            )
        f.write("\n]\n")
    return csv_path, jsonl_path, json_path


# -- the child: one import, its time and peak memory --------------------------------------------

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from app.importing import import_into
from app.storage import open_database
from app.storage.imports import undo_import
from app import clock

db = open_database(sys.argv[2])
path = Path(sys.argv[3])
calls = []
start = time.perf_counter(); cpu = time.process_time()
report = import_into(db, path, date_order="MDY", progress=lambda d, t: calls.append(d))
first = (time.perf_counter() - start, time.process_time() - cpu)
def peak_kb():
    # VmHWM: this process's own peak. ru_maxrss is kept across exec on Linux, so it would
    # report the parent's peak (the 100,000 generated rows) when that is higher.
    try:
        with open("/proc/self/status") as status:
            return int(next(l for l in status if l.startswith("VmHWM")).split()[1])
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
peak_first = peak_kb()
start = time.perf_counter()
again = import_into(db, path, date_order="MDY")
second = time.perf_counter() - start
start = time.perf_counter()
with db.transaction() as session:
    undone = undo_import(session, again.import_id, now=clock.now())
    undone_first = undo_import(session, report.import_id, now=clock.now())
undo = time.perf_counter() - start
print(json.dumps({
    "added": report.added, "errors": len(report.errors), "empty": report.empty,
    "unmapped": report.unmapped_columns, "updated": again.updated,
    "removed": undone_first.removed, "seconds": first[0], "cpu": first[1],
    "again": second, "undo": undo, "peak_mb": peak_first / 1024,
    "peak_all_mb": peak_kb() / 1024,
    "progress_calls": len(calls), "progress_monotonic": calls == sorted(calls),
}))
"""


def run_child(folder: Path, path: Path, name: str) -> dict[str, float]:
    db = folder / f"{name}.sqlite3"
    db.unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(ROOT), str(db), str(path)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PWB_CLOCK": ""},
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def baseline(folder: Path, path: Path) -> float:
    """The same CSV through the csv module and plain sqlite3 executemany, one transaction."""
    db = folder / "baseline.sqlite3"
    db.unlink(missing_ok=True)
    start = time.perf_counter()
    con = sqlite3.connect(db)
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        columns = ", ".join(f"c{i} TEXT" for i in range(len(header)))
        con.execute(f"CREATE TABLE posting (id INTEGER PRIMARY KEY, {columns})")
        marks = ", ".join("?" * len(header))
        names = ", ".join(f"c{i}" for i in range(len(header)))
        with con:
            con.executemany(f"INSERT INTO posting ({names}) VALUES ({marks})", reader)
    con.close()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="write the files and databases here")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="pwb-bench-import-"))
    folder.mkdir(parents=True, exist_ok=True)
    csv_path, jsonl_path, json_path = write_files(folder, args.rows)
    size_mb = csv_path.stat().st_size / 1e6
    base = baseline(folder, csv_path)
    results = {
        "CSV": run_child(folder, csv_path, "csv"),
        "JSONL": run_child(folder, jsonl_path, "jsonl"),
        "JSON": run_child(folder, json_path, "json"),
    }
    base_again = baseline(folder, csv_path)
    print(f"rows: {args.rows:,}; CSV {size_mb:.0f} MB; load average {os.getloadavg()[0]:.1f}\n")
    print("| Measure | CSV | JSONL | JSON array |")
    print("|---|---|---|---|")
    c, j, a = results["CSV"], results["JSONL"], results["JSON"]
    print(f"| Import {args.rows:,} new rows | {c['seconds']:.1f} s (CPU {c['cpu']:.1f} s) | "
          f"{j['seconds']:.1f} s (CPU {j['cpu']:.1f} s) | {a['seconds']:.1f} s (CPU {a['cpu']:.1f} s) |")  # fmt: skip
    print(
        f"| Plain csv + sqlite3 executemany of the same rows | {base:.2f} s, {base_again:.2f} s | — | — |"
    )
    print(f"| Ratio to the baseline (first baseline run) | {c['seconds'] / base:.0f}× | "
          f"{j['seconds'] / base:.0f}× | {a['seconds'] / base:.0f}× |")  # fmt: skip
    print(
        f"| Peak memory of the import process (VmHWM) | {c['peak_mb']:.0f} MB | {j['peak_mb']:.0f} MB | {a['peak_mb']:.0f} MB |"
    )
    print(
        f"| Import the same file again (all matched, nothing changed) | {c['again']:.1f} s | {j['again']:.1f} s | {a['again']:.1f} s |"
    )
    print(
        f"| Undo both imports ({c['removed']:,} postings removed) | {c['undo']:.1f} s | {j['undo']:.1f} s | {a['undo']:.1f} s |"
    )
    print(
        f"| Peak memory over all three | {c['peak_all_mb']:.0f} MB | {j['peak_all_mb']:.0f} MB | {a['peak_all_mb']:.0f} MB |"
    )
    print(f"| Progress reports during the import (monotonic) | {c['progress_calls']:,} "
          f"({c['progress_monotonic']}) | {j['progress_calls']:,} ({j['progress_monotonic']}) | "
          f"{a['progress_calls']:,} ({a['progress_monotonic']}) |")  # fmt: skip
    print(f"\nadded {c['added']:,} / {j['added']:,} / {a['added']:,}, errors {c['errors']} / "
          f"{j['errors']} / {a['errors']}, unmapped {c['unmapped']} / {j['unmapped']} / {a['unmapped']}")  # fmt: skip


if __name__ == "__main__":
    main()
