"""What the one write path costs (issue 13). Run by hand, not by pytest:

    python benchmarks/bench_ops.py [--writes 300]

The same small write (one ledger entry) ``--writes`` times: in a transaction on
the GUI thread (what the UI did before), and as a ``ui.ops.CollectionOp`` (off
the GUI thread on the write worker, then back through a queued signal), each
waited for before the next; same run, so the ratio is the hop's price. Also the
time the GUI thread is busy per op (what the user could notice).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.storage import open_database  # noqa: E402
from app.storage.models import LedgerEntry  # noqa: E402
from ui import ops  # noqa: E402
from ui.context import AppContext  # noqa: E402


def write(session) -> int:
    session.add(LedgerEntry(kind="bonus", amount=1))
    session.flush()
    return 1


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--writes", type=int, default=300)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(str(Path(tmp) / "bench.sqlite3"), backup=False)
        ctx = AppContext(db)
        host = QWidget()
        host.ctx = ctx  # type: ignore[attr-defined]

        direct = []
        for _ in range(args.writes):
            start = time.perf_counter()
            with db.transaction() as session:
                write(session)
            direct.append(time.perf_counter() - start)

        through, gui_busy = [], []
        for _ in range(args.writes):
            start = time.perf_counter()
            op = ops.CollectionOp(host, write, ops.Change.LEDGER)
            op.run()
            gui_busy.append(time.perf_counter() - start)  # run() returns at once
            while not op.done:
                app.processEvents()
            through.append(time.perf_counter() - start)
        # another program holds the write lock for 300 ms: how long is the window frozen?
        locked_direct, locked_gui = _while_locked(db, app, host)
        db.close()
    d, t, g = (statistics.median(x) * 1000 for x in (direct, through, gui_busy))
    print(f"{args.writes} writes of one ledger entry (medians)")
    print("| write | time | ratio |")
    print("|---|---|---|")
    print(f"| transaction on the GUI thread | {d:.2f} ms | 1.00 |")
    print(f"| CollectionOp, start to announced | {t:.2f} ms | {t / d:.2f} |")
    print(f"| CollectionOp, GUI thread busy in run() | {g:.3f} ms | {g / d:.2f} |")
    print()
    print("another program holds the write lock for 300 ms; the GUI thread is busy for:")
    print(f"| transaction on the GUI thread | {locked_direct * 1000:.0f} ms |")
    print(f"| CollectionOp | {locked_gui * 1000:.1f} ms (longest event-loop turn) |")
    return 0


def _hold_lock(path: Path, seconds: float, ready: threading.Event) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    ready.set()
    time.sleep(seconds)
    conn.execute("ROLLBACK")
    conn.close()


def _while_locked(db, app, host) -> tuple[float, float]:
    assert db.path is not None
    results = []
    for through_op in (False, True):
        ready = threading.Event()
        holder = threading.Thread(target=_hold_lock, args=(db.path, 0.3, ready))
        holder.start()
        ready.wait()
        if not through_op:
            start = time.perf_counter()
            with db.transaction() as session:
                write(session)
            results.append(time.perf_counter() - start)
        else:
            op = ops.CollectionOp(host, write, ops.Change.LEDGER)
            longest, start = 0.0, time.perf_counter()
            op.run()
            longest = time.perf_counter() - start
            while not op.done:
                turn = time.perf_counter()
                app.processEvents()
                longest = max(longest, time.perf_counter() - turn)
            results.append(longest)
        holder.join()
    return results[0], results[1]


if __name__ == "__main__":
    sys.exit(main())
