"""Team mode on a PostgreSQL server next to SQLite (issue 15). Run by hand, not by pytest:

    python benchmarks/bench_postgresql.py --server postgresql://pwb@127.0.0.1:5432/postgres \
        [--postings 100000] [--clients 1,5,10] [--submits 40] [--runs 9]

``.ci/pg-server start DIR`` starts a throw-away server and prints its URL. Two parts:

1. The Jobs list's queries (a page of 200 newest first, by budget, by score,
   a search, the count) at ``--postings`` demo postings, each the median of
   ``--runs``, on SQLite and on the server in the same run.
2. N client processes submitting at once against one pool of Connects, each
   ``--submits`` proposals (catch-up, submit and spend in one transaction, as
   ``pwb submit`` does): submits a second over all clients, then the balance is
   checked exact (the sum of the entries equals what was bought less what was
   spent, and ``ledger.balance`` says the same). Done on the server and on
   SQLite for the same N.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from app import clock, ledger  # noqa: E402
from app.demo import generate_demo  # noqa: E402
from app.ledger import post_entry  # noqa: E402
from app.proposals import submit_proposal  # noqa: E402
from app.storage import open_database  # noqa: E402
from app.storage.jobs import JobQuery, count_jobs, fetch_jobs  # noqa: E402
from app.storage.models import JobPosting, LedgerEntry  # noqa: E402

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def fresh_server_db(server: str, name: str) -> str:
    import psycopg

    admin_url = make_url(server).set(drivername="postgresql")
    with psycopg.connect(admin_url.render_as_string(hide_password=False), autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{name}"')
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def timed(fn, runs: int) -> float:
    fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def jobs_list(target: str, postings: int, runs: int) -> dict[str, float]:
    db = open_database(target)
    with db.transaction() as s:
        generate_demo(s, jobs=postings, proposals=min(2000, postings // 10), seed=5, now=NOW)
    if db.dialect == "postgresql":
        with db.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    queries = {
        "newest 200": JobQuery(),
        "by budget": JobQuery(sort="budget"),
        "by score": JobQuery(sort="score"),
        "search 'react'": JobQuery(search="react"),
        "search 'data entry'": JobQuery(search="data entry"),
    }
    out = {}
    for name, query in queries.items():

        def page(query: JobQuery = query) -> None:
            with db.read() as s:
                fetch_jobs(s, query, limit=200)

        out[name] = timed(page, runs)

    def count() -> None:
        with db.read() as s:
            count_jobs(s, JobQuery())

    out["count"] = timed(count, runs)
    db.close()
    return out


def client(target: str, first_job: int, submits: int, go, done) -> None:
    clock.set_now(NOW, tick=True)
    db = open_database(target, migrate=False, verify=False)
    go.wait()
    for n in range(submits):
        ledger.catch_up_database(db)
        with db.transaction() as s:
            ledger.catch_up(s)
            submit_proposal(s, job_id=first_job + n, connects=2)
    db.close()
    done.put(submits)


def submitting(target: str, clients: int, submits: int) -> tuple[float, bool]:
    clock.set_now(NOW, tick=True)
    db = open_database(target)
    jobs = clients * submits
    with db.transaction() as s:
        s.add_all(
            JobPosting(dedup_key=f"bench-{n}", title=f"Job {n}", description="x")
            for n in range(jobs)
        )
        post_entry(s, kind="purchase", amount=jobs * 2 + 100, usd=0.0)
    with db.read() as s:
        first = int(
            s.scalar(select(func.min(JobPosting.id)).where(JobPosting.title == "Job 0")) or 0
        )
    ctx = multiprocessing.get_context("spawn")
    go, done = ctx.Event(), ctx.Queue()
    workers = [
        ctx.Process(target=client, args=(target, first + c * submits, submits, go, done))
        for c in range(clients)
    ]
    for w in workers:
        w.start()
    time.sleep(3)  # every child imported and connected
    start = time.perf_counter()
    go.set()
    finished = sum(done.get(timeout=600) for _ in workers)
    elapsed = time.perf_counter() - start
    for w in workers:
        w.join()
    with db.read() as s:
        total = s.scalar(select(func.sum(LedgerEntry.amount)))
        spends = s.execute(
            select(func.count(), func.sum(LedgerEntry.amount)).where(LedgerEntry.kind == "spend")
        ).one()
        periods = s.execute(
            select(func.count(), func.count(LedgerEntry.period.distinct())).where(
                LedgerEntry.kind == "allocation"
            )
        ).one()
        exact = (
            finished == jobs
            and tuple(spends) == (jobs, -2 * jobs)  # every submit spent once, exactly
            and periods[0] == periods[1]  # each allocation once
            and ledger.balance(s) == total
        )
    db.close()
    return jobs / elapsed, exact


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True, help="a PostgreSQL server URL")
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument("--clients", default="1,5,10")
    parser.add_argument("--submits", type=int, default=40)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--skip-list", action="store_true", help="only the submitting part")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    if not args.skip_list:
        lite = jobs_list(str(folder / "list.sqlite3"), args.postings, args.runs)
        server = jobs_list(fresh_server_db(args.server, "bench_list"), args.postings, args.runs)
        print(f"Jobs list at {args.postings:,} postings (median of {args.runs}, ms)")
        print(f"{'query':<22}{'SQLite':>9}{'PostgreSQL':>12}{'ratio':>8}")
        for name in lite:
            ratio = server[name] / lite[name]
            print(f"{name:<22}{lite[name]:>9.1f}{server[name]:>12.1f}{ratio:>8.2f}")
    print(f"\nclients submitting at once, {args.submits} submits each")
    print(f"{'clients':<9}{'SQLite/s':>10}{'exact':>7}{'PostgreSQL/s':>14}{'exact':>7}")
    for clients in (int(c) for c in args.clients.split(",")):
        path = folder / f"submit-{clients}.sqlite3"
        lite_rate, lite_ok = submitting(str(path), clients, args.submits)
        url = fresh_server_db(args.server, f"bench_submit_{clients}")
        pg_rate, pg_ok = submitting(url, clients, args.submits)
        print(f"{clients:<9}{lite_rate:>10.1f}{lite_ok!s:>7}{pg_rate:>14.1f}{pg_ok!s:>7}")


if __name__ == "__main__":
    main()
