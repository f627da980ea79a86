"""Every score card the same before and after a speed change? (run by hand, not part of pytest)

    git worktree add /tmp/pwb-before HEAD~1
    python benchmarks/cards_compare.py --baseline /tmp/pwb-before

Scores, with the three profiles of tests/profiles, the real postings of ../shared/data
as search tiles, as pasted job pages and in a quoted layout the parser does not know;
the scam and terms-of-service cases of tests/scam_postings.py in both their layouts; and
every red-flag rule's examples and near misses, alone and spliced into a real
description. Each card (``repr`` of the ScoreResult: factors with their reasons, flags
with their evidence and offsets) is written by this checkout and by the baseline in
fresh processes, and compared line by line. Exit 0 when every card is identical, 1 with
the first difference otherwise. The baseline must be recent enough to have the same test
helpers (tests/scam_postings.py, tests/test_rule_examples.py).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROFILES = ROOT / "tests" / "profiles"
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_relevance import SCORERS  # noqa: E402  (the profiles, built as the benchmark does)

#: run in a fresh interpreter: tree, shared data file, profiles (JSON), output file
CHILD = (
    SCORERS
    + r"""
import json, sys
from datetime import UTC, datetime
from pathlib import Path
tree, data, docs, out = sys.argv[1], Path(sys.argv[2]), json.loads(sys.argv[3]), sys.argv[4]
sys.path.insert(0, tree)
import app
assert app.__file__.startswith(tree), app.__file__
from app.parsing.upwork import parse_postings
from tests.scam_postings import SCAMS, TERMS, job_page, unknown_layout
from tests.test_rule_examples import PATTERN_RULES, clean_posting
from tests.tile_facts import load_tiles

now = datetime(2024, 8, 20, tzinfo=UTC)
raw = json.loads(data.read_text(encoding="utf-8"))
tiles = load_tiles(data)


def page(t):
    return "\n".join([
        t.get("title") or "", "Posted 3 hours ago", "Worldwide", t.get("description") or "",
        t.get("rate") or "", t.get("est_time") or "", t.get("exp_lvl") or "",
        "Skills and Expertise", *(t.get("tags") or []), "Activity on this job",
        "Proposals: 5 to 10", "About the client", "Payment method verified",
    ])


def quoted(t):
    lines = (t.get("description") or "").splitlines()
    return "\n".join([
        t.get("title") or "", t.get("rate") or "", "Lead forwarded", "Client message:",
        *(f"> {line}" for line in lines), "-- end --",
    ])


postings = list(tiles)
for tile in raw:
    for layout in (page, quoted):
        postings.extend(parse_postings(layout(tile), now))
for case in [*SCAMS, *TERMS]:
    for layout in (job_page, unknown_layout):
        postings.extend(parse_postings(layout(case), now))
descriptions = [t.description for t in tiles if t.description]
for rule in PATTERN_RULES:
    for kind in ("examples", "near_misses"):
        for n, (text, facts) in enumerate(getattr(rule, kind)):
            postings.append(clean_posting(text, facts))
            d = descriptions[n % len(descriptions)]
            half = len(d) // 2
            postings.append(clean_posting(d[:half] + " " + text + " " + d[half:], facts))
with open(out, "w", encoding="utf-8") as f:
    for scorer in scorers_for(docs, tiles, now):
        for facts in postings:
            f.write(repr(scorer.score(facts, now)) + "\n")
"""
)


def _cards(tree: Path, data: Path, docs: str, out: Path) -> list[str]:
    subprocess.run(
        [sys.executable, "-c", CHILD, str(tree), str(data), docs, str(out)],
        check=True,
        cwd=tree,
    )
    return out.read_text(encoding="utf-8").splitlines()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, required=True, help="a checkout to compare with")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    import tomllib

    from tests.tile_facts import shared_data_file

    data = shared_data_file()
    if data is None:
        raise SystemExit("cards_compare: ../shared/data/upwork_search_jobs_2024-08.json not found")
    docs = json.dumps(
        [tomllib.loads(p.read_text(encoding="utf-8")) for p in sorted(PROFILES.glob("*.toml"))]
    )
    with tempfile.TemporaryDirectory() as tmp:
        after = _cards(ROOT, data, docs, Path(tmp) / "after.txt")
        before = _cards(args.baseline.resolve(), data, docs, Path(tmp) / "before.txt")
    for n, (old, new) in enumerate(zip(before, after, strict=False), 1):
        if old != new:
            print(f"card {n} differs:\n  before: {old[:300]}\n  after:  {new[:300]}")
            return 1
    if len(before) != len(after):
        print(f"{len(before)} cards before, {len(after)} after")
        return 1
    print(f"{len(after)} cards, every one identical")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
