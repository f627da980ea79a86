"""Cost of the proposal badge in the jobs list (issue 13). Run by hand, not by pytest:

    python benchmarks/bench_jobs_badges.py [--rows 200000] [--proposals 20000] [--runs 15]

One page of the jobs list (200 rows, the default sort and by score) is fetched
with its proposal-status lookup (``fetch_jobs``) and without it (the same query
with the lookup skipped), in the same run; the ratio is what the badge costs.
Postings and proposals are generated in SQL (a recursive CTE), not the ORM.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.storage import jobs as jobs_module  # noqa: E402
from app.storage import open_database  # noqa: E402
from app.storage.jobs import JobQuery, fetch_jobs  # noqa: E402


def fill(db, rows: int, proposals: int) -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            f"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows})
            INSERT INTO job_posting (platform, dedup_key, title, description, skills,
                screening_questions, missing_fields, status, source, captured_at, posted_at,
                created_at, updated_at)
            SELECT 'upwork', 'k' || i, 'Job ' || i, 'Posting ' || i, '[]', '[]', '[]', 'new',
                'bench', datetime('2026-01-01', '+' || (i % 5000) || ' minutes'),
                datetime('2026-01-01', '+' || (i % 5000) || ' minutes'),
                '2026-01-01', '2026-01-01'
            FROM n
            """
        )
        # proposals on every (rows / proposals)-th posting, the newest ones among them
        step = max(1, rows // proposals)
        conn.exec_driver_sql(
            f"""
            INSERT INTO proposal (job_id, text, connects_spent, boost_connects, invited, status,
                created_at, updated_at)
            SELECT id, '', 8, 0, 0, CASE id % 3 WHEN 0 THEN 'draft' ELSE 'submitted' END,
                '2026-01-02', '2026-01-02'
            FROM job_posting WHERE id % {step} = 0
            """
        )


def timed(fn, runs: int) -> float:
    fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--proposals", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(str(Path(tmp) / "bench.sqlite3"), backup=False)
        fill(db, args.rows, args.proposals)
        real = jobs_module._with_proposals
        print(f"{args.rows:,} postings, about {args.proposals:,} proposals; medians of {args.runs}")
        print("| page of 200 | with badges | without | ratio |")
        print("|---|---|---|---|")
        for label, query in (
            ("newest first", JobQuery()),
            ("by score", JobQuery(sort="score")),
            ("status filter", JobQuery(statuses=("new", "shortlisted"))),
        ):

            def page(q: JobQuery = query) -> None:
                with db.read() as session:
                    fetch_jobs(session, q, limit=200)

            with_badges = timed(page, args.runs)
            jobs_module._with_proposals = lambda _session, rows: rows  # type: ignore[assignment]
            try:
                without = timed(page, args.runs)
            finally:
                jobs_module._with_proposals = real
            print(
                f"| {label} | {with_badges * 1000:.2f} ms | {without * 1000:.2f} ms | "
                f"{with_badges / without:.2f} |"
            )
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
