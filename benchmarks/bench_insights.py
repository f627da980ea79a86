"""Insights refresh with 100,000 proposals and 500,000 ledger entries (run by hand).

    python benchmarks/bench_insights.py [--db /tmp/pwb-bench-insights.sqlite3] [--runs 5]

Makes the database once with the demo generator (seeded; reused on later
runs), then times ``compute_insights`` (what ``pwb report`` runs) for a few
ranges and profiles, and the whole Insights page refresh (the same SQL in a
background task plus building the seven charts), offscreen. ``--explain``
prints SQLite's plan of each Insights query instead.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import select

from app import insights
from app.demo import generate_demo
from app.storage import open_database

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def build(path: Path, proposals: int, entries: int) -> None:
    db = open_database(str(path))
    started = time.perf_counter()
    with db.transaction() as session:
        made = generate_demo(
            session, jobs=proposals, proposals=proposals, seed=1, now=NOW, ledger_entries=entries
        )
    print(f"generated in {time.perf_counter() - started:.1f} s: {made}")
    db.close()


def explain(db) -> None:
    """EXPLAIN QUERY PLAN of every statement ``compute_insights`` runs (all time, all profiles)."""
    from sqlalchemy import event

    statements: list[tuple[str, object]] = []

    def remember(conn, cursor, statement, parameters, context, executemany) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", remember)
    with db.read() as s:
        insights.compute_insights(s)
    event.remove(db.engine, "before_cursor_execute", remember)
    raw = db.engine.raw_connection()
    try:
        for statement, parameters in statements:
            if "FROM setting" in statement:
                continue
            print(" ".join(statement.split())[:160], "…")
            for row in raw.cursor().execute("EXPLAIN QUERY PLAN " + statement, parameters):
                print("   ", row[-1])
    finally:
        raw.close()


def timed(fn, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=Path("/tmp/pwb-bench-insights.sqlite3"))
    parser.add_argument("--proposals", type=int, default=100_000)
    parser.add_argument("--entries", type=int, default=500_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--explain", action="store_true", help="print query plans and stop")
    args = parser.parse_args()
    if not args.db.exists():
        build(args.db, args.proposals, args.entries)
    db = open_database(str(args.db))
    print(db.row_counts())
    if args.explain:
        explain(db)
        return 0
    with db.read() as s:
        web = insights.profile_id_by_name(s, "Demo: full-stack web")
    year = (NOW - timedelta(days=365), NOW)
    for name, kwargs in (
        ("all time", {}),
        ("last 12 months", {"start": year[0], "end": year[1]}),
        ("all time, one profile", {"profile_id": web}),
    ):

        def compute(kwargs=kwargs) -> None:
            with db.read() as s:
                insights.compute_insights(s, **kwargs)

        median, worst = timed(compute, args.runs)
        print(f"compute_insights {name:<24} median {median:6.0f} ms  max {worst:6.0f} ms")
    page_refresh(db, args.runs)
    return 0


def page_refresh(db, runs: int) -> None:
    """The page: first load, a filter change, and a refresh after a status change."""
    from PySide6.QtCore import QDate, QEventLoop

    from app.proposals import change_status
    from app.storage.models import Proposal
    from ui.context import AppContext
    from ui.main import create_application
    from ui.pages.insights import InsightsPage
    from ui.theme import apply_theme

    app = create_application()
    apply_theme(app, "light")
    page = InsightsPage(AppContext(db))
    page.resize(1280, 900)
    page.show()

    def refresh(action=page.refresh) -> None:
        loop = QEventLoop()
        page.refreshed.connect(loop.quit)
        action()
        loop.exec()
        page.refreshed.disconnect(loop.quit)

    def fresh(action) -> None:
        """A refresh that must compute: forget what the page's memo holds first."""
        page.memo.close()
        page.memo = insights.InsightsMemo(db)
        refresh(action)

    def line(label: str, median: float, worst: float | None = None) -> None:
        tail = f"  max {worst:6.0f} ms" if worst is not None else ""
        print(f"page {label:<52} median {median:6.0f} ms{tail}")

    first, _ = timed(refresh, 1)
    line("first load (computed)", first)
    line("refresh, nothing changed (from memory)", *timed(refresh, runs))
    combo = page.profile_combo

    def next_profile() -> None:
        combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())

    line("refresh, nothing changed, computed again", *timed(lambda: fresh(page.refresh), runs))
    line("another profile (computed)", *timed(lambda: fresh(next_profile), runs))
    line("another profile already shown (from memory)", *timed(lambda: refresh(next_profile), runs))
    combo.setCurrentIndex(0)
    refresh()

    def year_2025() -> None:
        for edit, day in ((page.from_edit, QDate(2025, 1, 1)), (page.to_edit, QDate(2025, 12, 31))):
            edit.blockSignals(True)
            edit.setDate(day)
            edit.blockSignals(False)
        page.range_combo.setCurrentIndex(page.range_combo.findData("custom"))

    line("range 2025-01-01..2025-12-31 (computed)", *timed(lambda: fresh(year_2025), 1))
    page.range_combo.setCurrentIndex(page.range_combo.findData("all"))
    refresh()

    def one_status_change() -> None:
        with db.transaction() as s:
            pid = s.scalar(select(Proposal.id).where(Proposal.status == "submitted").limit(1))
            change_status(s, pid, "withdrawn")
        refresh()

    line("status change committed + refresh (computed)", *timed(one_status_change, runs))
    print(f"computed in SQL {page.memo.computed} times since the last forget")


if __name__ == "__main__":
    sys.exit(main())
