"""Memory of reading a wrapped JSON document (issue 11, i11c). Run by hand, not by pytest:

    python benchmarks/bench_import_wrapped.py [--rows 100000] [--import]

Writes the rows of ``bench_import.make_rows`` as a GraphQL-shaped document
(``{"data": {"search": {"total": N, "edges": [{"node": {...}}, ...]}}, "extensions": ...}``)
and, each in a fresh child process, reads it whole the way the importer did before i11c
(``json.loads`` + ``_find_list``) and streamed as it does now (``ImportFile.records``), and
with ``--import`` imports it into a fresh database. Prints CPU time and peak memory
(``VmHWM`` on Linux, the child's own peak) for each, in the same run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_import

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import resource, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from app.importing.reading import open_import
mode, path = sys.argv[2], Path(sys.argv[3])
source = open_import(path, "json")
cpu = time.process_time()
if mode == "whole":
    count = len(source._load_json())
elif mode == "stream":
    count = sum(1 for _ in source.records())
else:
    from app.importing import import_into
    from app.storage import open_database
    count = import_into(open_database(sys.argv[4]), path, date_order="MDY").added
cpu = time.process_time() - cpu
try:
    with open("/proc/self/status") as status:
        peak = int(next(l for l in status if l.startswith("VmHWM")).split()[1])
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"| {mode} | {count:,} | {cpu:.1f} s | {peak / 1024:.0f} MB |")
"""


def write_wrapped(folder: Path, n: int) -> Path:
    path = folder / f"wrapped-{n}.json"
    with path.open("w", encoding="utf-8") as f:
        f.write('{"data": {"search": {"total": ' + str(n) + ', "edges": [\n')
        for i, row in enumerate(bench_import.make_rows(n)):
            node = dict(zip(bench_import.HEADER[1:], row[1:], strict=True))
            f.write(("," if i else "") + json.dumps({"node": node}, indent=1))
        f.write(']}}, "extensions": {"cost": 1}}\n')
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--import", dest="full", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="pwb-bench-wrapped-"))
    path = write_wrapped(folder, args.rows)
    print(f"{path.name}: {path.stat().st_size / 1e6:.0f} MB\n")
    print("| read | postings | CPU | peak memory (VmHWM) |\n|---|---|---|---|")
    for mode in ["whole", "stream", *(["import"] if args.full else [])]:
        db = folder / f"{mode}.sqlite3"
        subprocess.run(
            [sys.executable, "-c", CHILD, str(ROOT), mode, str(path), str(db)], check=True
        )


if __name__ == "__main__":
    main()
