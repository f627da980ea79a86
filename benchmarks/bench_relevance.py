"""Scoring speed before and after a change, in the same run (run by hand, not part of pytest).

    git worktree add /tmp/pwb-base main      # or: git archive main | tar -x -C /tmp/pwb-base
    python benchmarks/bench_relevance.py --baseline /tmp/pwb-base [--count 20000] [--rounds 3]

Times pure ``Scorer.score`` over the real postings of ../shared/data (repeated
up to ``--count``) with the three calibration profiles of tests/profiles, once
in this checkout and once in the baseline checkout, alternating for
``--rounds`` rounds in fresh processes so both see the same machine load.
CPU time of the process is measured (other engineers share the machine). Prints
postings per second for each and the ratio after/before (the best
round of each, and the median of each round's ratio). Without ``--baseline`` it times this checkout only.

``--interleaved BATCHES`` loads both checkouts into one process and scores batches of
the real postings (101 postings x 3 profiles) with each in turn, BATCHES times: the machine's
load then falls on both alike, and the ratio varies by a few percent between runs instead
of the fresh-process rounds' 15 % and more (the figure docs/scoring.md gives). With
``--batch`` the postings are scored as rescoring scores them (``score_batch``): each posting
for every profile in turn, read once for all of them by a checkout that can. ``--profiles N``
keeps the first N calibration profiles (1: a freelancer with one profile). ``--stored``
scores as ``--batch`` with each posting's rule findings given as a rescore reads them from
``job_posting.rule_findings`` (their JSON decoded in the timed loop; app.scoring.findings).

``--instructions`` counts instead of timing (needs valgrind): each checkout runs once under
callgrind with ``--count`` postings and once with none, and the difference divided by the
scores made is the instructions per score, the same in every run whatever the machine's
load (time also depends on caches and branch prediction: a cross-check, not a replacement).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PROFILES = ROOT / "tests" / "profiles"

#: the calibration profiles as the checkout's own ProfileSpec ("not_doing" only where it
#: has one), their scorers warmed on the postings: what both children below begin with
SCORERS = r"""
def scorers_for(docs, tiles, now):
    import dataclasses
    from app.profiles import ClientCriteria, ProfileSpec, Skill
    from app.scoring.score import Scorer
    fields = {f.name for f in dataclasses.fields(ProfileSpec)}
    scorers = []
    for doc in docs:
        kwargs = dict(
            name=doc["name"],
            skills=[Skill(s["name"], float(s.get("weight", 1.0))) for s in doc["skills"]],
            min_hourly_rate=doc.get("min_hourly_rate"),
            min_fixed_budget=doc.get("min_fixed_budget"),
            experience_levels=doc.get("experience_levels", []),
            include_keywords=doc.get("include_keywords", []),
            exclude_keywords=doc.get("exclude_keywords", []),
            client=ClientCriteria(min_rating=doc.get("client", {}).get("min_rating")),
        )
        if "not_doing" in fields:
            kwargs["not_doing"] = doc.get("not_doing", [])
        scorers.append(Scorer.for_profile(ProfileSpec(**kwargs)))
    for scorer in scorers:  # warm caches (rules, synonyms, tag owners)
        for facts in tiles:
            scorer.score(facts, now)
    return scorers
"""

#: run in a fresh interpreter with the checkout to time first on sys.path
CHILD = (
    SCORERS
    + r"""
import json, sys, time
from datetime import UTC, datetime
from pathlib import Path
tree, data, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, tree)
import app
assert app.__file__.startswith(tree), app.__file__
from tests.tile_facts import load_tiles
tiles = load_tiles(Path(data))
postings = [tiles[i % len(tiles)] for i in range(count)]
now = datetime(2024, 8, 20, tzinfo=UTC)
scorers = scorers_for(json.loads(sys.argv[4]), tiles, now)
start = time.process_time()
for scorer in scorers:
    for facts in postings:
        scorer.score(facts, now)
elapsed = time.process_time() - start
print(json.dumps({"per_second": len(scorers) * count / elapsed if elapsed else 0.0}))
"""
)

#: both checkouts in one interpreter (each imported in turn under the name ``app``), scoring
#: batches of the real postings in turn: the machine's load, which drifts over seconds on a
#: shared box, falls on both alike (the fresh-process rounds above vary by 15 % and more)
INTERLEAVED = (
    SCORERS
    + r"""
import json, statistics, sys, time
from datetime import UTC, datetime
from pathlib import Path
trees, data, rounds, docs = json.loads(sys.argv[1]), sys.argv[2], int(sys.argv[3]), json.loads(sys.argv[4])
batch = sys.argv[5] in ("batch", "stored")
stored = sys.argv[5] == "stored"
now = datetime(2024, 8, 20, tzinfo=UTC)
sides = []
for tree in trees:
    for name in [m for m in sys.modules if m.split(".")[0] in ("app", "tests")]:
        del sys.modules[name]
    sys.path.insert(0, tree)
    import app
    assert app.__file__.startswith(tree), app.__file__
    from tests.tile_facts import load_tiles
    tiles = load_tiles(Path(data))
    import inspect
    from app.scoring.score import Scorer
    reader = None  # a checkout whose rescoring reads a posting once for every profile
    if "text" in inspect.signature(Scorer.score).parameters:  # and keep_findings
        from app.scoring.rules import posting_text as reader
    scorers = scorers_for(docs, tiles, now)
    kept = None  # with "stored": each posting's rule findings, as a rescore reads them
    if stored and reader is not None:
        try:
            from app.scoring.findings import kept_findings
        except ImportError:
            kept_findings = None
        if kept_findings is not None:
            rules = scorers[0].rules
            kept = (kept_findings, rules, [kept_findings(rules, reader(f), None) for f in tiles])
    sides.append((scorers, tiles, reader, kept))
    sys.path.pop(0)
spent, ratios = [0.0] * len(sides), []
for n in range(rounds):
    took = [0.0] * len(sides)
    for i in (range(len(sides)) if n % 2 == 0 else reversed(range(len(sides)))):
        scorers, tiles, reader, kept = sides[i]
        start = time.process_time()
        if kept is not None:  # the findings read with the posting (json included)
            fill, rules, found = kept
            for facts, stored_json in zip(tiles, found):
                text = reader(facts)
                fill(rules, text, stored_json)
                for scorer in scorers:
                    scorer.score(facts, now, text=text)
        elif not batch:
            for scorer in scorers:
                for facts in tiles:
                    scorer.score(facts, now)
        elif reader is None:  # as score_batch goes: each posting for every profile in turn
            for facts in tiles:
                for scorer in scorers:
                    scorer.score(facts, now)
        else:
            for facts in tiles:
                text = reader(facts).keep_findings()
                for scorer in scorers:
                    scorer.score(facts, now, text=text)
        took[i] = time.process_time() - start
        spent[i] += took[i]
    if len(sides) == 2 and took[1]:
        ratios.append(took[0] / took[1])
scores = rounds * sum(len(s) * len(t) for s, t, _, _ in sides) / len(sides)
print(json.dumps({"per_second": [scores / t if t else 0.0 for t in spent],
                  "median_ratio": statistics.median(ratios) if ratios else None}))
"""
)


def _profiles(count: int | None = None) -> str:
    import tomllib

    docs = [tomllib.loads(p.read_text(encoding="utf-8")) for p in sorted(PROFILES.glob("*.toml"))]
    return json.dumps(docs[:count] if count else docs)


def _child(
    script: str, args: list[str], cwd: Path, wrap: tuple[str, ...] = (), **options: Any
) -> subprocess.CompletedProcess[str]:
    """Run one of the scripts above in a fresh interpreter (``wrap``: valgrind and its flags)."""
    return subprocess.run(
        [*wrap, sys.executable, "-c", script, *args],
        check=True,
        capture_output=True,
        text=True,
        cwd=cwd,
        **options,
    )


def _run(tree: Path, data: Path, count: int, profiles: str) -> float:
    out = _child(CHILD, [str(tree), str(data), str(count), profiles], tree)
    return float(json.loads(out.stdout.strip().splitlines()[-1])["per_second"])


def _instructions(tree: Path, data: Path, count: int, profiles: str) -> int:
    """Instructions one run of the child executes (callgrind's total)."""
    out = _child(
        CHILD,
        [str(tree), str(data), str(count), profiles],
        tree,
        ("valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"),
        env={"PYTHONHASHSEED": "0", "PATH": "/usr/bin:/bin"},
    )
    found = re.search(r"Collected : (\d+)", out.stderr)
    if found is None:
        raise SystemExit("bench_relevance: callgrind printed no instruction count")
    return int(found.group(1))


def _per_score(tree: Path, data: Path, count: int, profiles: str) -> float:
    scores = count * len(json.loads(profiles))
    idle = _instructions(tree, data, 0, profiles)
    return (_instructions(tree, data, count, profiles) - idle) / scores


def _interleaved(
    trees: dict[str, Path], data: Path, rounds: int, profiles: str, mode: str = "each"
) -> int:
    labels = list(trees)
    out = _child(
        INTERLEAVED,
        [
            json.dumps([str(t) for t in trees.values()]),
            str(data),
            str(rounds),
            profiles,
            mode,
        ],
        ROOT,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    for label, rate in zip(labels, result["per_second"], strict=True):
        print(f"{label:6s} {rate:10,.0f} postings/s")
    if len(labels) == 2:
        before, after = result["per_second"]
        print(
            f"after/before = {after / before:.3f} (all batches), "
            f"{result['median_ratio']:.3f} (median of the batches' ratios)"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="a checkout of the code before the change")
    parser.add_argument("--count", type=int, default=20_000, help="postings per profile")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--instructions", action="store_true", help="count instructions (valgrind) instead"
    )
    parser.add_argument(
        "--interleaved",
        type=int,
        metavar="BATCHES",
        help="both checkouts in one process, BATCHES batches of the real postings each, in turn",
    )
    parser.add_argument(
        "--batch",
        action="store_true",
        help="with --interleaved: score as rescoring does, each posting for every profile in "
        "turn (a checkout that can reads the posting once for all of them)",
    )
    parser.add_argument(
        "--stored",
        action="store_true",
        help="with --interleaved: as --batch, the postings' rule findings read with them "
        "(as a rescore reads job_posting.rule_findings; a checkout without them searches)",
    )
    parser.add_argument(
        "--profiles", type=int, metavar="N", help="only the first N calibration profiles"
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from tests.tile_facts import shared_data_file

    data = shared_data_file()
    if data is None:
        raise SystemExit(
            "bench_relevance: ../shared/data/upwork_search_jobs_2024-08.json not found"
        )
    profiles = _profiles(args.profiles)
    trees = {"after": ROOT}
    if args.baseline is not None:
        trees = {"before": args.baseline.resolve(), "after": ROOT}
    if args.interleaved:
        mode = "stored" if args.stored else "batch" if args.batch else "each"
        return _interleaved(trees, data, args.interleaved, profiles, mode)
    if args.instructions:
        if shutil.which("valgrind") is None:
            raise SystemExit("bench_relevance: --instructions needs valgrind")
        counts = {
            label: _per_score(tree, data, args.count, profiles) for label, tree in trees.items()
        }
        for label, n in counts.items():
            print(f"{label:6s} {n:10,.0f} instructions per score")
        if "before" in counts:
            print(
                f"before/after = {counts['before'] / counts['after']:.3f} (speed ratio by instructions)"
            )
        return 0
    best: dict[str, float] = {}
    ratios: list[float] = []
    for round_no in range(1, args.rounds + 1):
        rates = {}
        for label, tree in trees.items():
            rates[label] = rate = _run(tree, data, args.count, profiles)
            best[label] = max(best.get(label, 0.0), rate)
            print(f"round {round_no} {label:6s} {rate:10,.0f} postings/s")
        if "before" in rates:
            ratios.append(rates["after"] / rates["before"])
    for label, rate in best.items():
        print(f"best   {label:6s} {rate:10,.0f} postings/s")
    if ratios:
        print(
            f"after/before = {best['after'] / best['before']:.2f} (best of each), "
            f"{statistics.median(ratios):.2f} (median of the rounds' ratios)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
