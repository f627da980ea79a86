"""Kill trials: ``pwb`` killed with SIGKILL at a random moment leaves the database whole and
each operation done completely or not at all.

Each trial copies a prepared database, starts one real command in a child
process (an import of 3,000 postings, a rescore, a submission with its spend
and boost, a close that refunds them, an upgrade from revision 0006), kills
it after a random delay within the command's own duration (measured once,
unkilled) and then checks: ``PRAGMA integrity_check``, ``pwb check`` (the
search index, references, the ledger balance = the sum of the entries), and
the operation's own all-or-nothing rule. ``PWB_KILL_TRIALS`` sets the trials
per operation (default 6; docs/reliability.md has the figures of a long run).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app import ledger
from app.check import check_database
from app.storage import files, migrations, open_database
from app.storage.models import Profile

pytestmark = [pytest.mark.slow, pytest.mark.clock]

ROOT = Path(__file__).resolve().parents[1]
TRIALS = int(os.environ.get("PWB_KILL_TRIALS", "6"))
POSTINGS = 3000


def pwb(*argv: str, errors: bool = False) -> subprocess.Popen:
    """``pwb`` in a child process (a session of its own, so that a kill takes its rescoring
    workers with it, as a crash would); its standard error piped when ``errors``."""
    return subprocess.Popen(
        [sys.executable, "-m", "app.cli", *argv],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE if errors else subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )


def rows(path: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql).fetchall()


def one(path: Path, sql: str) -> object:
    return rows(path, sql)[0][0]


def postings_file(folder: Path, count: int, first: int = 0) -> Path:
    path = folder / f"postings-{first}.jsonl"
    with path.open("w") as out:
        for n in range(first, first + count):
            out.write(
                json.dumps(
                    {
                        "title": f"Python scraper {n}",
                        "url": f"https://www.upwork.com/jobs/~01{n:06d}",
                        "description": f"We need Django and scraping help, job {n}. " * 8,
                        "skills": ["Python", "Django", "Scrapy"],
                        "budget": 100 + n % 900,
                    }
                )
                + "\n"
            )
    return path


@dataclass
class Operation:
    name: str
    argv: Callable[[Path], list[str]]
    #: what holds before and after the command; None when the state is neither
    state: Callable[[Path], str | None]
    base: Path


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The databases each trial copies: one with postings, a profile and a ledger; one at
    revision 0006 for the upgrade."""
    folder = tmp_path_factory.mktemp("kill")
    base = folder / "base.sqlite3"
    db = open_database(str(base))
    with db.transaction() as session:
        session.add(Profile(name="Me", is_active=True, skills=[{"name": "Python"}]))
        ledger.post_entry(session, "purchase", 80, usd=12.0)
    db.close()
    assert (
        subprocess.run(
            [sys.executable, "-m", "app.cli", "--db", str(base), "import"]
            + [str(postings_file(folder, POSTINGS))],
            cwd=ROOT,
            capture_output=True,
            check=False,
        ).returncode
        == 0
    )
    submitted = folder / "submitted.sqlite3"
    shutil.copyfile(base, submitted)
    assert (
        subprocess.run(
            [sys.executable, "-m", "app.cli", "--db", str(submitted), "submit", "2"]
            + ["--connects", "8", "--boost", "4"],
            cwd=ROOT,
            capture_output=True,
            check=False,
        ).returncode
        == 0
    )
    old = folder / "old.sqlite3"
    engine = create_engine(f"sqlite:///{old}")
    with engine.begin() as conn:
        migrations.upgrade(conn, "0006")
        conn.execute(
            text(
                "INSERT INTO ledger_entry (at, kind, amount, note, created_at) VALUES "
                "('2026-10-01 00:00:00', 'allocation', 10, 'Basic plan, October 2026', "
                "'2026-10-01 00:00:00')"
            )
        )
    engine.dispose()
    for path in (base, submitted, old):
        with closing(sqlite3.connect(path)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {
        "base": base,
        "submitted": submitted,
        "old": old,
        "more": postings_file(folder, POSTINGS, first=POSTINGS),
    }


def _import_state(path: Path) -> str | None:
    count = one(path, "SELECT count(*) FROM job_posting")
    return {POSTINGS: "before", 2 * POSTINGS: "after"}.get(int(str(count)))


def _rescore_state(path: Path, imported: str) -> str | None:
    """Rescoring commits a batch at a time (so a cancel keeps the work done): each card is
    the old or the new one, whole, one per posting; "part" is some batches done."""
    cards = int(str(one(path, "SELECT count(*) FROM score_card")))
    broken = one(path, "SELECT count(*) FROM score_card WHERE verdict IS NULL OR total IS NULL")
    if broken or cards != POSTINGS:
        return None
    new = int(str(one(path, f"SELECT count(*) FROM score_card WHERE computed_at > '{imported}'")))
    return "before" if new == 0 else "after" if new == POSTINGS else "part"


def _submit_state(path: Path) -> str | None:
    proposals = rows(path, "SELECT id, status FROM proposal WHERE job_id = 1")
    entries = rows(path, "SELECT kind, amount FROM ledger_entry WHERE proposal_id IS NOT NULL")
    if not proposals and not entries:
        return "before"
    if proposals == [(proposals[0][0], "submitted")] and sorted(entries) == [
        ("boost", -4),
        ("spend", -8),
    ]:
        return "after"
    return None


def _refund_state(path: Path) -> str | None:
    status = one(path, "SELECT status FROM proposal")
    kinds = sorted(r[0] for r in rows(path, "SELECT kind FROM ledger_entry WHERE amount > 0"))
    history = int(str(one(path, "SELECT count(*) FROM proposal_status_change")))
    if status == "submitted" and kinds == ["purchase"] and history == 1:
        return "before"
    if status == "job_closed" and kinds == ["boost_refund", "purchase", "refund"] and history == 2:
        return "after"
    return None


def _purchase_state(path: Path) -> str | None:
    bought = sorted(rows(path, "SELECT amount, usd FROM ledger_entry WHERE kind = 'purchase'"))
    return {((80, 12.0),): "before", ((40, 6.0), (80, 12.0)): "after"}.get(tuple(bought))


def _upgrade_state(path: Path) -> str | None:
    revision = one(path, "SELECT version_num FROM alembic_version")
    entries = rows(path, "SELECT amount FROM ledger_entry")
    if entries != [(10,)]:
        return None
    if revision == "0006":
        return "before"
    if revision == migrations.head_revision():
        keyed = one(path, "SELECT count(*) FROM ledger_entry WHERE period = '2026-10'")
        return "after" if keyed == 1 else None
    return None


def operations(prepared: dict[str, Path]) -> list[Operation]:
    imported = str(one(prepared["base"], "SELECT max(computed_at) FROM score_card"))
    return [
        Operation(
            "import", lambda p: ["import", str(prepared["more"])], _import_state, prepared["base"]
        ),
        Operation(
            "rescore",
            lambda p: ["rescore"],
            lambda p: _rescore_state(p, imported),
            prepared["base"],
        ),
        Operation(
            "submit",
            lambda p: ["submit", "1", "--connects", "8", "--boost", "4"],
            _submit_state,
            prepared["base"],
        ),
        Operation(
            "refund",
            lambda p: ["status", "1", "job_closed", "--reason", "client cancelled"],
            _refund_state,
            prepared["submitted"],
        ),
        Operation("purchase", lambda p: ["ledger", "buy", "40"], _purchase_state, prepared["base"]),
        Operation("upgrade", lambda p: ["info"], _upgrade_state, prepared["old"]),
    ]


def duration(op: Operation, folder: Path) -> float:
    path = folder / f"calibrate-{op.name}.sqlite3"
    shutil.copyfile(op.base, path)
    start = time.monotonic()
    child = pwb("--db", str(path), *op.argv(path), errors=True)
    _, err = child.communicate(timeout=300)
    assert child.returncode == 0, err
    assert op.state(path) == "after", f"{op.name} unkilled did not finish its work"
    return time.monotonic() - start


def test_kill_trials_leave_the_database_whole_and_each_operation_all_or_nothing(
    prepared: dict[str, Path], tmp_path: Path
) -> None:
    rnd = random.Random(int(os.environ.get("PWB_KILL_SEED", "14")))
    outcomes: dict[str, dict[str, int]] = {}
    only = {name for name in os.environ.get("PWB_KILL_OPS", "").split(",") if name}
    for op in operations(prepared):
        if only and op.name not in only:
            continue
        seconds = duration(op, tmp_path)
        seen = outcomes.setdefault(op.name, {})
        for trial in range(TRIALS):
            path = tmp_path / f"{op.name}-{trial}.sqlite3"
            shutil.copyfile(op.base, path)
            child = pwb("--db", str(path), *op.argv(path))
            # half the kills anywhere, half in the last third, where the writing is
            time.sleep(seconds * rnd.choice((rnd.uniform(0.02, 1.0), rnd.uniform(0.66, 1.0))))
            os.killpg(child.pid, signal.SIGKILL)
            child.wait(timeout=60)
            killed = child.returncode == -signal.SIGKILL
            problems = files.sound(path, pragma="integrity_check")
            if problems:  # say whether it lasts, and what lay beside the file
                side = [(p.name, p.stat().st_size) for p in tmp_path.glob(path.name + "-*")]
                time.sleep(2)
                problems += [
                    "a second look:",
                    *files.sound(path, pragma="integrity_check"),
                    str(side),
                ]
            assert not problems, f"{op.name} trial {trial}: {problems}"
            state = op.state(path)
            assert state is not None, f"{op.name} trial {trial}: half done"
            findings = [f for f in check_database(str(path)) if not f.ok]
            if op.name == "upgrade" and state == "before":
                findings = [f for f in findings if f.topic != "schema"]
            assert not findings, f"{op.name} trial {trial}: {findings}"
            key = f"{state}{'' if killed else ' (finished first)'}"
            seen[key] = seen.get(key, 0) + 1
            leftovers = [p.name for p in tmp_path.glob(f"{path.name}.before-*.bak")]
            for name in leftovers:
                assert files.is_good(tmp_path / name), f"a damaged backup {name} was kept"
            path.unlink()
    print("kill trials:", json.dumps(outcomes))
