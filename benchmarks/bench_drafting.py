"""Render + checks for a typical proposal (run by hand; target: under 50 ms).

    python benchmarks/bench_drafting.py [--sent 300] [--runs 200]

Seeds a scratch database with the starter replies, real postings from
../shared/data when present, and ``--sent`` earlier proposals to compare with,
then times what the live preview does on every pause in typing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.bootstrap import seed_defaults
from app.domain import PostingFacts
from app.drafting.draft import Drafter, posting_facts
from app.drafting.lints import _spell_checker
from app.proposals import submit_proposal
from app.replies import get_reply
from app.storage import open_database
from app.storage.models import JobPosting, Profile
from app.storage.postings import apply_facts

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "upwork_search_jobs_2024-08.json"


def postings(count: int) -> list[PostingFacts]:
    rows = json.loads(DATA.read_text(encoding="utf-8")) if DATA.is_file() else []
    facts = [
        PostingFacts(
            title=r["title"], description=r["description"], skills=r.get("tags", []), url=r["link"]
        )
        for r in rows[:count]
    ]
    while len(facts) < count:
        n = len(facts)
        facts.append(PostingFacts(title=f"API job {n}", description="Sync orders " * 30))
    return facts


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sent", type=int, default=300)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    start = time.perf_counter()
    _spell_checker()
    print(
        f"spelling dictionary, loaded once per process: {(time.perf_counter() - start) * 1000:.0f} ms"
    )
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(str(Path(tmp) / "bench.sqlite3"))
        seed_defaults(db)
        facts = postings(args.sent + 1)
        t0 = datetime(2025, 1, 1, tzinfo=UTC)
        with db.transaction() as s:
            s.add(
                Profile(
                    name="Bench",
                    is_active=True,
                    skills=[{"name": n} for n in ("Python", "API Integration", "Django")],
                )
            )
            jobs = [apply_facts(JobPosting(), f) for f in facts]
            s.add_all(jobs)
            s.flush()
            body = get_reply(s, "proposal/api-integration").body
            for i, job in enumerate(jobs[1:]):
                drafted = Drafter.load(s, facts[i + 1], job_id=job.id).draft("x", body)
                text = drafted.text.replace("[", "").replace("]", "")
                submit_proposal(s, job_id=job.id, connects=8, text=text, at=t0 + timedelta(hours=i))
            target_id = jobs[0].id
        with db.read() as s:
            start = time.perf_counter()
            drafter = Drafter.load(s, posting_facts(s, target_id), job_id=target_id)
            load_ms = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        first = drafter.draft("proposal/api-integration", body)
        first_ms = (time.perf_counter() - start) * 1000
        times = []
        for i in range(args.runs):
            edited = body + f"\nP.S. {i} more words as the user types."
            start = time.perf_counter()
            drafter.draft("proposal/api-integration", edited, {"Answer 1": "yes"})
            times.append((time.perf_counter() - start) * 1000)
        db.close()
    times.sort()
    print(f"postings compared: {args.sent} sent proposals; text {len(first.text):,} chars")
    print(f"load once per posting (context, snippets, sent proposals): {load_ms:.1f} ms")
    print(f"first draft of this reply (template compile): {first_ms:.1f} ms")
    print(
        f"render + checks, {args.runs} edits: median {statistics.median(times):.2f} ms, "
        f"p95 {times[int(0.95 * len(times)) - 1]:.2f} ms, max {times[-1]:.2f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
