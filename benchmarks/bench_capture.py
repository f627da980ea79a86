"""Speed of capturing postings (issue 3). Run by hand, not by pytest:

    python benchmarks/bench_capture.py [--rows 1000000] [--import-rows 100000] [--keep DIR]

Measures: parsing one pasted page; importing 100,000 rows; and, with a million
postings stored, the jobs page's first screen, full-text search and memory.
The million rows are generated in SQL (INSERT ... SELECT over a recursive CTE),
not through the ORM. Prints a Markdown table for docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.importing import import_into  # noqa: E402
from app.parsing.upwork import parse_postings  # noqa: E402
from app.storage import open_database  # noqa: E402
from app.storage.jobs import JobQuery, count_jobs, fetch_jobs  # noqa: E402
from app.storage.models import Profile  # noqa: E402

sys.path.insert(0, str(ROOT / "tests"))
from parsing.test_upwork_parser import JOB_PAGE, TILE  # noqa: E402

WORDS = tuple(
    [
        "python",
        "django",
        "react",
        "node",
        "api",
        "scraper",
        "wordpress",
        "shopify",
        "logo",
        "design",
        "video",
        "editing",
        "seo",
        "writer",
        "translation",
        "data",
        "entry",
        "excel",
        "dashboard",
        "automation",
        "zapier",
        "mobile",
        "flutter",
        "ios",
        "android",
        "figma",
        "landing",
        "page",
        "ecommerce",
        "stripe",
        "postgres",
        "aws",
        "docker",
        "kubernetes",
        "chatbot",
        "openai",
        "llm",
        "marketing",
        "email",
        "copywriting",
        "illustration",
        "animation",
        "unity",
        "game",
        "blockchain",
        "solidity",
    ]
)


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(median ms, max ms) of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def bench_parse() -> list[tuple[str, str, str]]:
    page_ms, page_max = timed(lambda: parse_postings(JOB_PAGE), 300)
    tiles = "\n".join([TILE] * 10)
    tiles_ms, _ = timed(lambda: parse_postings(tiles), 100)
    return [
        ("Parse one pasted job page", f"{page_ms:.2f} ms (max {page_max:.2f})", "< 5 ms"),
        ("Parse 10 search tiles in one paste", f"{tiles_ms:.2f} ms", "—"),
    ]


def import_file(rows: int, folder: Path) -> Path:
    rng = random.Random(3)
    path = folder / "import.json"
    records = []
    for i in range(rows):
        words = rng.sample(WORDS, 6)
        hourly = i % 2 == 0
        records.append(
            {
                "title": f"{words[0].title()} {words[1]} {words[2]} needed",
                "description": " ".join(rng.choices(WORDS, k=60)),
                "tags": words[:4],
                "rate": f"Hourly: ${10 + i % 40}.00 - ${30 + i % 60}.00"
                if hourly
                else "Fixed price",
                "est_time": "1 to 3 months, Less than 30 hrs/week"
                if hourly
                else f"${50 + i % 900}.00",
                "exp_lvl": ("Entry Level", "Intermediate", "Expert")[i % 3],
                "link": f"https://www.upwork.com/jobs/Job_~01{i:016x}/",
            }
        )
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def bench_import(rows: int, folder: Path) -> list[tuple[str, str, str]]:
    path = import_file(rows, folder)
    for old in folder.glob("import.sqlite3*"):
        old.unlink()
    db = open_database(str(folder / "import.sqlite3"))
    start, cpu = time.perf_counter(), time.process_time()
    first = import_into(db, path)
    first_s, first_cpu = time.perf_counter() - start, time.process_time() - cpu
    start = time.perf_counter()
    second = import_into(db, path)
    second_s = time.perf_counter() - start
    db.close()
    assert first.added == rows and second.updated == rows, (first, second)
    return [
        (f"Import {rows:,} rows (JSON, new)", f"{first_s:.1f} s (CPU {first_cpu:.1f} s)", "< 10 s"),
        (f"Import the same {rows:,} rows again (all updates)", f"{second_s:.1f} s", "—"),
    ]


def fill_million(path: Path, rows: int) -> float:
    """Generate ``rows`` postings (+ score cards for half) with bulk SQL; returns seconds."""
    db = open_database(str(path))
    with db.transaction() as session:
        session.add(Profile(name="Bench", is_active=True))
    vocab = ", ".join(f"('{w}')" for w in WORDS)
    start = time.perf_counter()
    with db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TEMP TABLE words(i INTEGER PRIMARY KEY, w TEXT)")
        conn.exec_driver_sql(f"INSERT INTO words(w) VALUES {vocab}")
        # correlated with x, so SQLite draws a new word for every row
        word = f"(SELECT w FROM words WHERE i = 1 + (abs(random()) + x * 0) % {len(WORDS)})"
        conn.exec_driver_sql(
            "WITH RECURSIVE seq(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM seq WHERE x < ?) "
            "INSERT INTO job_posting (platform, dedup_key, url, title, description, skills, "
            "budget_type, fixed_budget, hourly_min, hourly_max, experience_level, posted_at, "
            "proposals_min, proposals_max, connects_required, client_total_spent, client_rating, "
            "client_payment_verified, client_country, missing_fields, screening_questions, status, "
            "source, captured_at, created_at, updated_at) "
            "SELECT 'upwork', 'upwork:bench:' || x, 'https://www.upwork.com/jobs/~01' || x, "
            f"{word} || ' ' || {word} || ' job ' || x, "
            f"{word} || ' ' || {word} || ' ' || {word} || ' ' || {word} || ' ' || {word} || "
            f"' we need help with ' || {word} || ' and ' || {word} || ' for our team', "
            f"json_array({word}, {word}), "
            "CASE x % 2 WHEN 0 THEN 'hourly' ELSE 'fixed' END, "
            "CASE x % 2 WHEN 1 THEN 50 + x % 2000 END, "
            "CASE x % 2 WHEN 0 THEN 10 + x % 40 END, CASE x % 2 WHEN 0 THEN 30 + x % 80 END, "
            "CASE x % 3 WHEN 0 THEN 'entry' WHEN 1 THEN 'intermediate' ELSE 'expert' END, "
            "datetime('2026-01-01', '+' || (x * 37 % 5000000) || ' seconds'), "
            "x % 5 * 5, x % 5 * 5 + 5, 2 + x % 15, x % 97 * 1000.0, 3.5 + (x % 15) / 10.0, "
            "x % 3 > 0, 'United States', '[]', '[]', "
            "CASE x % 10 WHEN 0 THEN 'skipped' WHEN 1 THEN 'shortlisted' ELSE 'new' END, "
            "'bench', datetime('now'), datetime('now'), datetime('now') FROM seq",
            (rows,),
        )
        conn.exec_driver_sql(
            "INSERT INTO score_card (job_id, profile_id, total, verdict, factors, flags, "
            "matched_skills, missing_skills, critical_flags, rules_version, computed_at) "
            "SELECT id, (SELECT id FROM profile), id * 7 % 101, "
            "CASE WHEN id * 7 % 101 > 70 THEN 'apply' WHEN id * 7 % 101 > 40 THEN 'maybe' "
            "ELSE 'skip' END, '[]', '[]', '[]', '[]', 0, 'bench', datetime('now') "
            "FROM job_posting WHERE id % 2 = 0"
        )
    seconds = time.perf_counter() - start
    db.close()  # no ANALYZE: a user's database has no statistics either
    return seconds


def bench_million(path: Path) -> list[tuple[str, str, str]]:
    db = open_database(str(path))
    from ui.models.jobs_model import JobsModel

    model = JobsModel(db)
    first_ms, first_max = timed(model.reload, 20)
    with db.read() as session:
        total = count_jobs(session)
        open_q = JobQuery(statuses=("new", "shortlisted"))
        count_ms, _ = timed(lambda: count_jobs(session, open_q), 5)
        score_ms, _ = timed(lambda: fetch_jobs(session, JobQuery(sort="score"), limit=200), 10)
        deep_ms, _ = timed(lambda: fetch_jobs(session, JobQuery(), offset=50_000, limit=200), 5)
        common = JobQuery(search="python", statuses=("new", "shortlisted"))
        common_ms, common_max = timed(lambda: fetch_jobs(session, common, limit=200), 10)
        rare = JobQuery(search="job 123456")
        rare_ms, _ = timed(lambda: fetch_jobs(session, rare, limit=200), 10)
        prefix = JobQuery(search="kuber")
        prefix_ms, _ = timed(lambda: fetch_jobs(session, prefix, limit=200), 10)
        typing = JobQuery(search="pyth")
        typing_ms, _ = timed(lambda: fetch_jobs(session, typing, limit=200), 10)
        two = JobQuery(search="python django")
        two_ms, _ = timed(lambda: fetch_jobs(session, two, limit=200), 10)
        budget_ms, _ = timed(lambda: fetch_jobs(session, JobQuery(sort="budget"), limit=200), 10)
        verdict = JobQuery(verdict="apply", statuses=("new", "shortlisted"))
        verdict_ms, _ = timed(lambda: fetch_jobs(session, verdict, limit=200), 10)
        search_count_ms, _ = timed(lambda: count_jobs(session, common), 3)
    db.close()
    return [
        (f"Jobs model first screen ({total:,} postings, 200 rows with their scores)",
         f"{first_ms:.1f} ms (max {first_max:.1f})", "< 100 ms"),
        ("Sort by score (score index, unscored last), first 200", f"{score_ms:.1f} ms", "—"),
        ("Scroll: rows 50,000–50,200", f"{deep_ms:.1f} ms", "—"),
        ("Count for the page header (open statuses)", f"{count_ms:.1f} ms", "—"),
        ("Full-text search, common word ('python', 1 row in 5), first 200",
         f"{common_ms:.1f} ms (max {common_max:.1f})", "< 50 ms"),
        ("Full-text search, rare phrase ('job 123456')", f"{rare_ms:.1f} ms", "< 50 ms"),
        ("Full-text search, prefix ('kuber*')", f"{prefix_ms:.1f} ms", "< 50 ms"),
        ("Full-text search while typing ('pyth*')", f"{typing_ms:.1f} ms", "< 50 ms"),
        ("Full-text search, two words ('python django*')", f"{two_ms:.1f} ms", "< 50 ms"),
        ("Sort by budget (expression index), first 200", f"{budget_ms:.1f} ms", "—"),
        ("Verdict filter 'apply' (150,000 postings), newest 200", f"{verdict_ms:.1f} ms", "—"),
        ("Count of a common search", f"{search_count_ms:.1f} ms", "—"),
    ]  # fmt: skip


MEMORY_PROBE = r"""
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, sys.argv[2])
from ui.main import create_application
from ui.context import AppContext
from ui.main_window import MainWindow
from app.storage import open_database
app = create_application()
db = open_database(sys.argv[1])
start = time.perf_counter()
window = MainWindow(AppContext(db))
window.resize(1280, 800)
window.show()
from ui.pages.jobs import JobsPage
page = window.go_to(JobsPage)
app.processEvents()
shown = (time.perf_counter() - start) * 1000
start = time.perf_counter()
page.search_edit.setText("python")
page.apply_filters()
app.processEvents()
searched = (time.perf_counter() - start) * 1000
for _ in range(20):
    page.model.fetchMore()
page.search_edit.clear()
page.apply_filters()
for _ in range(20):
    page.model.fetchMore()
app.processEvents()
page.table.selectRow(5)
app.processEvents()
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking parent
with open("/proc/self/status") as status:
    rss = next(int(l.split()[1]) for l in status if l.startswith("VmHWM")) / 1024
print(f"{shown:.0f} {searched:.0f} {rss:.0f} {page.model.rowCount()}")
"""


def bench_memory(path: Path) -> list[tuple[str, str, str]]:
    out = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE, str(path), str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    shown, searched, rss, loaded = out[-4:]
    return [
        ("Main window open on Jobs (1M postings)", f"{shown} ms", "—"),
        ("Type 'python' in the search box → table updated", f"{searched} ms", "< 50 ms"),
        (f"Peak memory of the app after scrolling {int(loaded):,} rows + search",
         f"{rss} MB", "< 300 MB"),
    ]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--import-rows", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="folder for the databases (kept afterwards)")
    parser.add_argument(
        "--setup-only", action="store_true", help="only generate the big database (with --keep)"
    )
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="pwb-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    if args.setup_only:
        seconds = fill_million(folder / "million.sqlite3", args.rows)
        print(f"generated {args.rows:,} postings in {seconds:.0f} s")
        return 0
    results = bench_parse()
    print(results, flush=True)
    results += bench_import(args.import_rows, folder)
    print(results[-2:], flush=True)
    big = folder / "million.sqlite3"
    if not big.exists():
        seconds = fill_million(big, args.rows)
        results.append((f"(setup) generate {args.rows:,} postings in SQL", f"{seconds:.0f} s", "—"))
    results += bench_million(big)
    results += bench_memory(big)
    print("\n| Measure | Result | Target |\n|---|---|---|")
    for name, value, target in results:
        print(f"| {name} | {value} | {target} |")
    if args.keep is None:
        for file in folder.iterdir():
            file.unlink()
        folder.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
