"""Random and mutated input through every entry point that reads what a user hands it.

    python benchmarks/fuzz_entry_points.py [--n 2000] [--seed 14]

Each input ends one of three ways: accepted, refused with a one-line
:class:`~app.errors.WorkbenchError` (what the CLI prints, exit 2), or a crash
(any other exception: a bug). The entry points: the paste parser, the file
importer (CSV, JSON, JSONL), the profile loader (TOML), the saved-reply
renderer (Jinja2 in the sandbox), opening a database file (bit flips,
truncations and junk in a real database; a refused file must keep its bytes)
and ``pwb import-all`` archives (mutated ZIP members). Prints one line per
entry point and the first crash of each, if any; exit 1 when anything crashed.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import random
import shutil
import string
import sys
import tempfile
import traceback
import zipfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.archive import export_all, import_all
from app.drafting.draft import SAMPLE_POSTING
from app.drafting.render import render_template
from app.errors import WorkbenchError
from app.importing import read_records, record_to_facts
from app.parsing.upwork import parse_postings
from app.profiles import default_profile, profile_from_toml, profile_to_toml
from app.storage import open_database
from app.storage.models import JobPosting

PASTE = """Senior Django developer needed
Posted 3 hours ago
Hourly: $30.00-$60.00
Intermediate
Est. time: 1 to 3 months, Less than 30 hrs/week
We need help with our Django REST API and a React dashboard.
Skills: Python, Django, React, PostgreSQL
Proposals: 10 to 15
Payment verified  Rating 4.9 of 5  $20K+ spent  United States
"""
TEMPLATE = (
    "Hi {{ client.name or 'there' }},\n{% for s in job.skills %}{{ s|upper }} {% endfor %}\n"
    "{{ job.title|truncate(40) }} [Link to a similar project] {{ profile.name }}"
)
PIECES = [
    "{{",
    "}}",
    "{%",
    "%}",
    "[",
    "]",
    "|",
    "'",
    '"',
    "(",
    ")",
    "*",
    "~",
    "for",
    "if",
    "range(10**9)",
    "__class__",
    "{:>999999999}",
    "%s",
    "\n",
    "\x00",
    "\u202e",
]


def mutate(rnd: random.Random, text: str, alphabet: str | list[str]) -> str:
    """Insert, delete, repeat or replace a few spans of ``text``."""
    chars = list(text)
    for _ in range(rnd.randint(1, 8)):
        where = rnd.randint(0, len(chars))
        kind = rnd.random()
        if kind < 0.35:
            chars[where:where] = list(rnd.choice(alphabet))
        elif kind < 0.6 and chars:
            del chars[where : where + rnd.randint(1, 20)]
        elif kind < 0.8 and chars:
            span = chars[where : where + rnd.randint(1, 30)]
            chars[where:where] = span * rnd.randint(2, 50)
        elif chars:
            chars[min(where, len(chars) - 1)] = rnd.choice(alphabet)[0]
    return "".join(chars)


def flip_bytes(rnd: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    kind = rnd.random()
    if kind < 0.2:
        return bytes(out[: rnd.randint(0, len(out))])
    if kind < 0.3:
        return rnd.randbytes(rnd.randint(0, 8192))
    for _ in range(rnd.randint(1, 40)):
        if not out:
            break
        at = rnd.randrange(len(out))
        if rnd.random() < 0.5:
            out[at] ^= 1 << rnd.randrange(8)
        else:
            size = rnd.choice((16, 512, 4096))
            out[at : at + size] = rnd.randbytes(min(size, len(out) - at))
    return bytes(out)


class Tally:
    def __init__(self, name: str) -> None:
        self.name, self.ok, self.refused, self.crashes = name, 0, 0, 0
        self.first: str | None = None

    def run(self, fn: Callable[[], object], what: str) -> None:
        try:
            fn()
        except WorkbenchError as exc:
            if "\n" in str(exc):
                self._crash(f"a message of several lines: {exc!r} for {what}")
            self.refused += 1
        except Exception:
            self._crash(f"{traceback.format_exc(limit=3)}for {what}")
        else:
            self.ok += 1

    def _crash(self, text: str) -> None:
        self.crashes += 1
        self.first = self.first or text

    def line(self) -> str:
        total = self.ok + self.refused + self.crashes
        return (
            f"{self.name:<22} {total:>7,} inputs  {self.ok:>7,} accepted  "
            f"{self.refused:>7,} refused  {self.crashes:>3} crashes"
        )


def fuzz_parser(rnd: random.Random, n: int) -> Tally:
    tally = Tally("paste parser")
    alphabet = [*string.printable, "$", "K+", "hrs/week", "Proposals:", "\u00a0", "★", "🙂"]
    for _ in range(n):
        text = mutate(rnd, PASTE, alphabet)
        tally.run(partial(parse_postings, text), repr(text[:80]))
    return tally


def fuzz_importer(rnd: random.Random, n: int, folder: Path) -> Tally:
    tally = Tally("file importer")
    rows = [
        {
            "title": f"Job {i}",
            "url": f"https://x/{i}",
            "budget": "$500",
            "skills": "a, b",
            "published": "2024-06-06T04:58:00Z",
            "proposals": "5 to 10",
        }
        for i in range(3)
    ]
    seeds = {
        "json": json.dumps(rows),
        "jsonl": "\n".join(json.dumps(r) for r in rows),
        "csv": "title,url,budget,skills,published\n"
        + "\n".join(f'"{r["title"]}",{r["url"]},"$500","a, b",2024-06-06' for r in rows),
    }
    alphabet = [*string.printable, '"', "[", "{", "]", "}", ",", ";", "\t", "1e999", "\x00"]
    for i in range(n):
        suffix = rnd.choice(list(seeds))
        text = mutate(rnd, seeds[suffix], alphabet)
        path = folder / f"in-{i % 50}.{suffix}"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")

        def run(p: Path = path) -> None:
            for _row, record in read_records(p):
                if not isinstance(record, Exception):
                    with contextlib.suppress(WorkbenchError):
                        record_to_facts(record)

        tally.run(run, f"{suffix}: {text[:80]!r}")
    return tally


def fuzz_profiles(rnd: random.Random, n: int) -> Tally:
    tally = Tally("profile loader")
    seed = profile_to_toml(default_profile())
    alphabet = [*string.printable, "[", "]", "=", '"', "'''", "\n[rules.x]\n", "1e999", "."]
    for _ in range(n):
        text = mutate(rnd, seed, alphabet)
        tally.run(partial(profile_from_toml, text, "fuzz.toml"), repr(text[:80]))
    return tally


def fuzz_templates(rnd: random.Random, n: int) -> Tally:
    tally = Tally("reply renderer")
    context = {"job": SAMPLE_POSTING, "client": {"name": "Ana"}, "profile": {"name": "Me"}}
    for _ in range(n):
        text = mutate(rnd, TEMPLATE, PIECES)
        tally.run(partial(render_template, text, context), repr(text[:80]))
    return tally


def fuzz_database_files(rnd: random.Random, n: int, folder: Path) -> Tally:
    tally = Tally("database file open")
    good = folder / "good.sqlite3"
    db = open_database(str(good))
    with db.transaction() as session:
        for i in range(200):
            session.add(JobPosting(dedup_key=f"k{i}", title=f"Job {i}", description="x" * 300))
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = good.read_bytes()
    for i in range(n):
        path = folder / f"db-{i % 20}" / "w.sqlite3"
        shutil.rmtree(path.parent, ignore_errors=True)
        path.parent.mkdir()
        path.write_bytes(flip_bytes(rnd, data))
        before = hashlib.sha256(path.read_bytes()).hexdigest()

        def run(p: Path = path, digest: str = before) -> None:
            try:
                opened = open_database(str(p))
            except WorkbenchError:
                if hashlib.sha256(p.read_bytes()).hexdigest() != digest:
                    raise AssertionError("a refused file was changed") from None
                raise
            try:
                with opened.read() as session:
                    session.query(JobPosting).count()
            finally:
                opened.close()

        tally.run(run, f"file {i}")
    return tally


def fuzz_archives(rnd: random.Random, n: int, folder: Path) -> Tally:
    tally = Tally("import-all archive")
    source = open_database(str(folder / "source.sqlite3"))
    with source.transaction() as session:
        session.add(JobPosting(dedup_key="k", title="Job", description="x", skills=["a"]))
    archive = folder / "good.zip"
    export_all(source, archive)
    source.close()
    with zipfile.ZipFile(archive) as zf:
        members = {name: zf.read(name).decode() for name in zf.namelist()}
    alphabet = [*string.printable, '"', "[", "]", "{", "}", "null", "true", "1e999", "-1"]
    for i in range(n):
        name = rnd.choice([m for m in members if m.endswith(".json")])
        changed = dict(members, **{name: mutate(rnd, members[name], alphabet)})
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as zf:
            for member, body in changed.items():
                zf.writestr(member, body)
        bad = folder / "bad.zip"
        bad.write_bytes(out.getvalue() if rnd.random() > 0.05 else flip_bytes(rnd, out.getvalue()))
        target = folder / f"target-{i % 10}.sqlite3"
        target.unlink(missing_ok=True)
        db = open_database(str(target))
        try:
            tally.run(partial(import_all, db, bad), f"{name}: {changed[name][:80]!r}")
        finally:
            db.close()
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="inputs per text entry point")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        tallies = [
            fuzz_parser(rnd, args.n),
            fuzz_importer(rnd, args.n, folder),
            fuzz_profiles(rnd, args.n),
            fuzz_templates(rnd, args.n),
            fuzz_database_files(rnd, max(1, args.n // 5), folder),
            fuzz_archives(rnd, max(1, args.n // 5), folder),
        ]
    for tally in tallies:
        print(tally.line())
    for tally in tallies:
        if tally.first:
            print(f"\nfirst crash in {tally.name}:\n{tally.first}")
    return 1 if any(t.crashes for t in tallies) else 0


if __name__ == "__main__":
    sys.exit(main())
