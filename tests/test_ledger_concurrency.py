"""Processes catching up the ledger at the same moment post each allocation and expiry once.

The slow test runs real ``pwb`` commands in child processes that wait for a
common start signal after importing, so that they reach the catch-up together
(a window open beside ``pwb ledger``, or a cron job). The quick tests hold one
catch-up's transaction open while another runs, in threads of one process.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app import ledger, settings
from app.cli import main
from app.ledger import entries
from app.storage import Database, open_database

pytestmark = pytest.mark.clock

START = datetime(2025, 1, 10, 12, tzinfo=UTC)
LATER = datetime(2025, 12, 20, 12, tzinfo=UTC)  # 11 billing dates later
MONTHS = [f"2025-{m:02d}" for m in range(2, 13)]

#: a child: import everything, say so, wait for the go file, run one pwb command
CHILD = """
import os, sys, time
from app.cli import main
ready, go = sys.argv[1], sys.argv[2]
open(ready, "w").close()
while not os.path.exists(go):
    time.sleep(0.0002)
sys.exit(main(sys.argv[3:]))
"""
ROOT = Path(__file__).resolve().parents[1]


def run_at_once(folder: Path, commands: list[list[str]]) -> list[subprocess.CompletedProcess]:
    """Start every command in its own process; let them all go at the same moment."""
    go = folder / "go"
    children = []
    for n, argv in enumerate(commands):
        ready = folder / f"ready-{n}"
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(ready), str(go), *argv],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        children.append((child, ready))
    deadline = time.monotonic() + 120
    while not all(ready.exists() for _, ready in children):
        assert time.monotonic() < deadline, "the children did not start"
        time.sleep(0.01)
    go.touch()
    done = []
    for child, _ in children:
        out, err = child.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(child.args, child.returncode, out, err))
    return done


def rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def allocations_per_month(path: Path) -> list[tuple[str, int]]:
    return rows(
        path,
        "SELECT substr(at, 1, 7), count(*) FROM ledger_entry WHERE kind = 'allocation' "
        "GROUP BY 1 ORDER BY 1",
    )


def expiries_per_lot(path: Path) -> list[tuple[int, int]]:
    return rows(path, "SELECT lot_id, count(*) FROM ledger_entry WHERE kind = 'expiry' GROUP BY 1")


def a_ledger_months_behind(path: Path, set_clock) -> None:
    """A ledger begun in January with 60-day expiry, seen in December: 11 allocations and
    about as many expiries are due."""
    set_clock(START)
    assert main(["--db", str(path), "ledger", "add", "bonus", "30"]) == 0
    db = open_database(str(path))
    with db.transaction() as session:
        settings.set_value(session, "connects.expiry_days", 60)
    db.close()
    set_clock(LATER)


def assert_each_posted_once(path: Path) -> None:
    per_month = allocations_per_month(path)
    assert [month for month, _ in per_month] == MONTHS
    assert {count for _, count in per_month} == {1}, per_month
    expiries = expiries_per_lot(path)
    assert len(expiries) >= 9 and {count for _, count in expiries} == {1}, expiries


@pytest.mark.slow
@pytest.mark.parametrize("processes", [6])
def test_processes_catching_up_at_once_post_each_allocation_and_expiry_once(
    tmp_path: Path, set_clock, processes: int
) -> None:
    for round_ in range(2):
        folder = tmp_path / f"round-{round_}"
        folder.mkdir()
        path = folder / "w.sqlite3"
        a_ledger_months_behind(path, set_clock)
        results = run_at_once(folder, [["--db", str(path), "ledger", "--json"]] * processes)
        for result in results:
            assert result.returncode == 0, result.stderr
            assert "internal error" not in result.stderr
        assert_each_posted_once(path)
        total = rows(path, "SELECT sum(amount) FROM ledger_entry")[0][0]
        assert main(["--db", str(path), "ledger", "--json"]) == 0
        assert rows(path, "SELECT sum(amount) FROM ledger_entry")[0][0] == total  # none left


def hold_open(
    db: Database, after: Callable[[], object]
) -> tuple[threading.Thread, threading.Event]:
    """Catch up ``db`` in a thread and keep the transaction open (not committed) until the
    returned event is set; ``after`` runs when its entries are posted."""
    posted, release = threading.Event(), threading.Event()

    def work() -> None:
        with db.transaction() as session:
            ledger.catch_up(session)
            after()
            posted.set()
            release.wait(10)

    thread = threading.Thread(target=work)
    thread.start()
    assert posted.wait(10)
    return thread, release


def test_a_catch_up_waits_for_the_one_in_progress_and_posts_nothing_twice(
    tmp_path: Path, set_clock
) -> None:
    path = tmp_path / "w.sqlite3"
    a_ledger_months_behind(path, set_clock)
    first, second = open_database(str(path)), open_database(str(path))
    try:
        thread, release = hold_open(first, lambda: None)
        result: dict[str, object] = {}
        other = threading.Thread(
            target=lambda: result.update(posted=ledger.catch_up_database(second))
        )
        other.start()
        time.sleep(0.3)  # the second is waiting for the first's transaction now
        release.set()
        thread.join(10)
        other.join(10)
        assert result["posted"] == []
    finally:
        first.close()
        second.close()
    assert_each_posted_once(path)


def test_a_process_that_lost_the_race_tries_again_instead_of_failing(
    tmp_path: Path, set_clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older release catching up without the write lock: the unique keys refuse its
    duplicates, and the catch-up that hit them is tried again (no IntegrityError, exit 70)."""
    path = tmp_path / "w.sqlite3"
    a_ledger_months_behind(path, set_clock)
    monkeypatch.setattr(entries, "serialize_writes", lambda session: None)
    first, second = open_database(str(path)), open_database(str(path))
    tries: list[int] = []
    original = entries.catch_up

    def counted(session, now=None):
        tries.append(1)
        return original(session, now)

    try:
        thread, release = hold_open(first, lambda: None)
        monkeypatch.setattr(entries, "catch_up", counted)
        result: dict[str, object] = {}

        def race() -> None:
            try:
                result["posted"] = entries.catch_up_database(second)
            except Exception as exc:
                result["error"] = exc

        other = threading.Thread(target=race)
        other.start()
        time.sleep(0.3)
        release.set()
        thread.join(10)
        other.join(20)
        assert "error" not in result, result
        assert result["posted"] == []
        assert len(tries) >= 2, "the lost race was not tried again"
    finally:
        first.close()
        second.close()
    assert_each_posted_once(path)
