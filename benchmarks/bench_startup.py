"""Start-up: the app to its first paint against a bare PySide6 window (run by hand).

    python benchmarks/bench_startup.py [--jobs 200000] [--runs 7] [--bundle DIR] [--cache DIR]

Each run is a fresh process, offscreen, timed from start to exit:

* **bare**: a Python that imports PySide6, shows an empty 1280x800 ``QMainWindow``
  and quits after its first paint: the floor any PySide6 app stands on;
* **app, empty**: ``python -m ui --quit-after-first-paint`` on a new, migrated
  database without postings (the first-run dialog opens, as for a new user);
* **app, N postings**: the same on ``pwb demo --jobs N`` (default 200,000);
* with ``--bundle DIR``, the bundle's ``proposal-workbench`` on both databases, and
  a bare window frozen the same way is not available, so its ratio is to the bare Python.

Runs are interleaved (bare, empty, big, bare, ...) so load changes hit all alike;
the median of each is reported with its ratio to the bare window's median. The
first start of a day also writes the daily backup copy of the database: one
start of each database before the timed runs takes that out of the figures, and
is reported on its own. Goal (issue 16): the app at most 1.5x the bare window.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = """
import sys
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class QuitAfterPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QCoreApplication.quit)
        return False

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1280, 800)
watcher = QuitAfterPaint(window)
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
"""


def timed(command: Sequence[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr}")
    return elapsed


def make_databases(cache: Path, jobs: int, env: dict[str, str]) -> tuple[Path, Path]:
    cache.mkdir(parents=True, exist_ok=True)
    empty = cache / "empty.sqlite3"
    big = cache / f"demo-{jobs}.sqlite3"
    if not empty.exists():
        subprocess.run(
            [sys.executable, "-m", "app.cli", "--db", str(empty), "init"], env=env, check=True
        )
    if not big.exists():
        print(f"making {big} (pwb demo --jobs {jobs:,}; takes a few minutes) ...", flush=True)
        partial = big.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        subprocess.run(
            [sys.executable, "-m", "app.cli", "--db", str(partial), "demo", "--jobs", str(jobs),
             "--proposals", "2000"],
            env=env,
            check=True,
        )  # fmt: skip
        for suffix in ("-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        partial.rename(big)
    return empty, big


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python benchmarks/bench_startup.py")
    parser.add_argument("--jobs", type=int, default=200_000, help="postings in the big database")
    parser.add_argument("--runs", type=int, default=7, help="timed starts of each (median)")
    parser.add_argument("--bundle", type=Path, help="a built bundle folder to time as well")
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "pwb-bench-startup",
        help="where the databases are kept between runs",
    )  # fmt: skip
    args = parser.parse_args(argv)

    scratch = Path(tempfile.mkdtemp(prefix="pwb-startup-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(scratch / var.lower())  # settings and logs of the runs stay apart
    env.pop("PWB_DB", None)
    # an installed app has its bytecode compiled (pip does it); without .pyc files every
    # start would compile the sources again, which no user waits for
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    empty, big = make_databases(args.cache, args.jobs, env)
    # the runs open copies: a start writes its daily backup and settings beside them
    work = scratch / "db"
    work.mkdir()
    targets = {"empty": work / "empty.sqlite3", f"{args.jobs:,} postings": work / "big.sqlite3"}
    shutil.copyfile(empty, targets["empty"])
    shutil.copyfile(big, targets[f"{args.jobs:,} postings"])

    commands: dict[str, list[str]] = {
        "bare PySide6 window": [sys.executable, "-c", BARE],
        # the floor of any window over SQLAlchemy's ORM, before a line of ours runs
        "bare + import sqlalchemy.orm": [sys.executable, "-c", "import sqlalchemy.orm\n" + BARE],
    }
    for label, path in targets.items():
        commands[f"app, {label}"] = [
            sys.executable, "-m", "ui", "--db", str(path), "--quit-after-first-paint",
        ]  # fmt: skip
        if args.bundle:
            exe = args.bundle / (
                "proposal-workbench.exe" if os.name == "nt" else "proposal-workbench"
            )
            commands[f"bundle, {label}"] = [str(exe), "--db", str(path), "--quit-after-first-paint"]

    first: dict[str, float] = {}
    for label, command in commands.items():  # warm the disk cache; the daily backup
        first[label] = timed(command, env)
    times: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(args.runs):
        for label, command in commands.items():
            times[label].append(timed(command, env))
    shutil.rmtree(scratch, ignore_errors=True)

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\n{args.runs} runs each, interleaved, median; load average {load:.2f}")
    bare = statistics.median(times["bare PySide6 window"])
    print(f"{'':<28} {'median':>8} {'min':>8} {'max':>8} {'ratio':>6}  first start")
    for label, values in times.items():
        median = statistics.median(values)
        print(
            f"{label:<28} {median:7.3f}s {min(values):7.3f}s {max(values):7.3f}s "
            f"{median / bare:5.2f}x  {first[label]:6.3f}s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
