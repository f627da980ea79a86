"""The one clock: set, frozen, running on, read from the environment; the only wall-clock reader."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app import clock
from app.errors import InputError

ROOT = Path(__file__).resolve().parents[1]


def test_a_frozen_clock_stands_still_and_comes_back() -> None:
    moment = datetime(2028, 2, 29, 23, 59, 30, tzinfo=UTC)
    with clock.frozen(moment):
        time.sleep(0.01)
        assert clock.now() == moment
        assert clock.today().isoformat() == "2028-02-29"
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(seconds=5)


def test_a_ticking_clock_starts_at_the_moment_and_runs_on() -> None:
    moment = datetime(2026, 12, 31, 23, 59, 59, 990000, tzinfo=UTC)
    with clock.frozen(moment, tick=True):
        first = clock.now()
        time.sleep(0.05)
        later = clock.now()
    assert moment <= first < later
    assert later.year == 2027  # ran past midnight


def test_a_running_clock_never_answers_the_same_moment_twice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stuck = datetime(2027, 1, 1, tzinfo=UTC)
    monkeypatch.setattr(clock, "_real_now", lambda: stuck)  # a coarse system clock
    times = [clock.now() for _ in range(5)]
    assert times == sorted(set(times)) and times[0] == stuck
    assert times[-1] - times[0] == timedelta(microseconds=4)
    with clock.frozen(stuck - timedelta(days=1)):  # a clock set back goes back
        assert clock.now() == stuck - timedelta(days=1)


def test_naive_times_are_utc_and_others_are_converted() -> None:
    assert clock.as_utc(datetime(2027, 3, 1)) == datetime(2027, 3, 1, tzinfo=UTC)
    ny = timezone(timedelta(hours=-5))
    assert clock.as_utc(datetime(2027, 2, 28, 19, 30, tzinfo=ny)) == datetime(
        2027, 3, 1, 0, 30, tzinfo=UTC
    )
    assert clock.as_utc(None) is None
    assert clock.parse_iso("2027-03-01T00:00:30Z") == datetime(2027, 3, 1, 0, 0, 30, tzinfo=UTC)


def test_the_future_allows_a_little_skew() -> None:
    with clock.frozen(datetime(2027, 1, 1, tzinfo=UTC)):
        assert not clock.is_future(datetime(2027, 1, 1, 0, 4))
        assert clock.is_future(datetime(2027, 1, 1, 0, 6))


def test_the_environment_sets_the_clock_of_a_child_process() -> None:
    code = "from app import clock; clock.set_from_environment(); print(clock.now().isoformat())"
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={"PWB_CLOCK": "2027-03-14T07:30:00Z", "PATH": "", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.startswith("2027-03-14T07:30:")


def test_a_bad_clock_variable_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PWB_CLOCK", "soon")
    with pytest.raises(InputError, match=r"PWB_CLOCK='soon' is not an ISO 8601"):
        clock.set_from_environment()


def test_the_cli_runs_as_of_the_clock_variable(tmp_path: Path) -> None:
    env = {"PWB_CLOCK": "2027-03-01T00:00:30Z", "PATH": "", "PYTHONPATH": str(ROOT)}
    db = str(tmp_path / "w.sqlite3")
    run = [sys.executable, "-m", "app.cli", "--db", db, "ledger"]
    subprocess.run([*run, "reconcile", "5"], env=env, capture_output=True, check=True)
    out = subprocess.run([*run, "--json"], env=env, capture_output=True, text=True, check=True)
    assert '"at": "2027-03-01T00:00:' in out.stdout


def test_only_the_clock_reads_the_wall_clock() -> None:
    """The ruff rule is the guard; this says which file may and that no other does."""
    pattern = re.compile(r"datetime\.(now|utcnow|today)\(|\btime\.time\(|currentDate(Time)?\(")
    readers = [
        str(path.relative_to(ROOT))
        for folder in ("app", "ui")
        for path in (ROOT / folder).rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert readers == ["app/clock.py"]
