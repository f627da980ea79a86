"""Start-up: the app to its first paint against a bare PySide6 window (run by hand).

    python benchmarks/bench_startup.py [--jobs 200000] [--runs 7] [--bundle DIR] [--cache DIR]

Each run is a fresh process, offscreen, timed from outside at three moments: the
window's first paint and, for the app, its first page painted with its data
("ready"; the app writes a line to stderr at each, ``PWB_STARTUP_MARKS=1``), and the
exit (``PWB_STARTUP_QUIT=ready``: the app quits once ready):

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
is reported on its own. Goal (issue 16): the app's first paint at most 1.5x the bare
window's. A bundle built before the window painted first writes no marks: its
figures are then all the exit.
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
            QTimer.singleShot(0, painted)
        return False

def painted():
    print("pwb-startup first-paint", file=sys.stderr, flush=True)
    QCoreApplication.quit()

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1280, 800)
watcher = QuitAfterPaint(window)
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
"""


def timed(command: Sequence[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from the start to each ``pwb-startup <stage>`` line on stderr, and to the
    exit (``exit``), as seen from outside."""
    started = time.perf_counter()
    stages: dict[str, float] = {}
    lines: list[str] = []
    with subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True) as child:
        assert child.stderr is not None
        for line in child.stderr:
            if line.startswith("pwb-startup "):
                stages[line.split()[1]] = time.perf_counter() - started
            lines.append(line)
        returncode = child.wait(timeout=300)
    stages["exit"] = time.perf_counter() - started
    if returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {returncode}:\n{''.join(lines)}")
    return stages


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
    # the app says when it painted and when its first page is up, and quits at that
    env.update(PWB_STARTUP_MARKS="1", PWB_STARTUP_QUIT="ready")
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

    first: dict[str, dict[str, float]] = {}
    for label, command in commands.items():  # warm the disk cache; the daily backup
        first[label] = timed(command, env)
    runs: dict[str, list[dict[str, float]]] = {label: [] for label in commands}
    for _ in range(args.runs):
        for label, command in commands.items():
            runs[label].append(timed(command, env))
    shutil.rmtree(scratch, ignore_errors=True)

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\n{args.runs} runs each, interleaved, median; load average {load:.2f}")
    print("first paint: the window on screen; ready: its first page painted with its data")

    def median(label: str, stage: str) -> float:
        return statistics.median(run.get(stage, run["exit"]) for run in runs[label])

    bare = median("bare PySide6 window", "first-paint")
    print(f"{'':<28} {'first paint':>11} {'ratio':>6} {'ready':>7} {'ratio':>6} {'exit':>7}")
    for label in commands:
        paint, ready, done = (median(label, s) for s in ("first-paint", "ready", "exit"))
        print(
            f"{label:<28} {paint:10.3f}s {paint / bare:5.2f}x {ready:6.3f}s {ready / bare:5.2f}x "
            f"{done:6.3f}s  (first start: paint {first[label]['first-paint']:.3f}s)"
        )
    # each round's first paint against the bare window's of the same round (they ran
    # seconds apart): how often the goal holds, not only in the median
    print("\nfirst paint / the same round's bare window: min, median, max")
    bare_runs = [run["first-paint"] for run in runs["bare PySide6 window"]]
    for label in commands:
        ratios = sorted(
            run.get("first-paint", run["exit"]) / b
            for run, b in zip(runs[label], bare_runs, strict=True)
        )
        print(
            f"{label:<28} {ratios[0]:5.2f}x {statistics.median(ratios):5.2f}x {ratios[-1]:5.2f}x"
            f"   min {min(run.get('first-paint', run['exit']) for run in runs[label]):.3f}s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
