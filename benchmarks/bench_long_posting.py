"""How long a 5 MB posting holds the GUI thread in the Jobs page's detail pane.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_long_posting.py [--mb 5]

A posting whose description and pasted text are ``--mb`` megabytes each (words
with spaces, one paragraph; and a second one without a single space), scored
for a profile, is selected in the Jobs list; then its Details and Raw text
tabs are opened, the window is resized and the Score tab shown again. Each
step is timed from the call until the event queue is empty (layout and paint
included), next to the same steps for an ordinary posting of 2 KB.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from app.scoring.service import score_job
from app.storage import open_database
from app.storage.models import JobPosting, Profile
from ui.context import AppContext
from ui.main import create_application
from ui.main_window import MainWindow
from ui.pages.jobs import JobsPage

WORDS = [
    "we",
    "need",
    "a",
    "python",
    "developer",
    "to",
    "build",
    "scrapers",
    "and",
    "dashboards",
    "for",
    "our",
    "small",
    "team",
]


def text_of(size: int, spaces: bool = True) -> str:
    if not spaces:
        return ("x" * size)[:size]
    rnd = random.Random(14)
    return " ".join(rnd.choice(WORDS) for _ in range(size // 4))[:size]


def build(path: Path, mb: float) -> dict[str, int]:
    db = open_database(str(path))
    size = int(mb * 1024 * 1024)
    ids = {}
    with db.transaction() as session:
        session.add(Profile(name="Bench", is_active=True, skills=[{"name": "Python"}]))
        for name, description in (
            ("ordinary (2 KB)", text_of(2048)),
            (f"{mb:g} MB, spaces", text_of(size)),
            (f"{mb:g} MB, no spaces", text_of(size, spaces=False)),
        ):
            job = JobPosting(
                dedup_key=name,
                title=f"Python scraper — {name}",
                description=description,
                raw_text=description,
                skills=["Python"],
            )
            session.add(job)
            session.flush()
            score_job(session, job.id)
            ids[name] = job.id
    db.close()
    return ids


def settled(app: QApplication, step: Callable[[], object]) -> float:
    start = time.perf_counter()
    step()
    app.processEvents()
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    args = parser.parse_args()
    app = create_application()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        ids = build(path, args.mb)
        db = open_database(str(path))
        window = MainWindow(AppContext(db))
        window.resize(1280, 800)
        window.show()
        page = window.go_to(JobsPage)
        page.reload()
        app.processEvents()
        rows = {page.model.job_id(r): r for r in range(page.model.rowCount())}
        print(
            f"{'posting':<22} {'select':>9} {'Details':>9} {'Raw text':>9} {'resize':>9} {'Score':>9}"
        )
        for name, job_id in ids.items():
            row = rows[job_id]
            times = [
                settled(app, partial(page.table.selectRow, row)),
                settled(app, lambda: page.detail_tabs.setCurrentIndex(1)),
                settled(app, lambda: page.detail_tabs.setCurrentIndex(2)),
                settled(app, lambda: window.resize(1100, 760)),
                settled(app, lambda: page.detail_tabs.setCurrentIndex(0)),
            ]
            window.resize(1280, 800)
            app.processEvents()
            print(f"{name:<22} " + " ".join(f"{ms:>6.0f} ms" for ms in times))
        window.close()
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
