"""The same commands give the same results on SQLite and on PostgreSQL.

Each test runs once on a fresh SQLite file and once on a fresh PostgreSQL
database (``any_target``; the PostgreSQL run is skipped without ``$PWB_TEST_DB``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app import settings
from app.cli import main
from app.insights import CHART_KINDS
from app.storage import open_database
from app.storage.jobs import JobQuery, fetch_jobs
from app.storage.models import JobPosting, LedgerEntry, Proposal
from tests.test_ledger_concurrency import run_at_once  # the same start-at-once children
from tests.tile_facts import shared_data_file

pytestmark = pytest.mark.clock  # sets the clock; .ci/run repeats it at awkward dates

START = datetime(2025, 1, 10, 12, tzinfo=UTC)
LATER = datetime(2025, 12, 20, 12, tzinfo=UTC)  # 11 billing dates later
MONTHS = [f"2025-{m:02d}" for m in range(2, 13)]
ROOT = Path(__file__).resolve().parents[1]

#: a child: import everything, say so, wait for the go file, run one pwb command


def pwb(capsys: pytest.CaptureFixture[str], target: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", target, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def pwb_json(capsys: pytest.CaptureFixture[str], target: str, *argv: str) -> object:
    code, out, err = pwb(capsys, target, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def test_init_demo_report_and_chart(
    any_target: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert pwb(capsys, any_target, "init")[0] == 0
    code, _out, err = pwb(capsys, any_target, "demo", "--jobs", "60", "--proposals", "30")
    assert code == 0, err
    report = pwb_json(capsys, any_target, "report")
    assert isinstance(report, dict) and report["proposals"] == 30
    code, _out, err = pwb(
        capsys, any_target, "chart", CHART_KINDS[0], "--out", str(tmp_path / "c.png")
    )
    assert code == 0, err
    # ids go on past the demo's own: a new proposal does not collide
    code, _out, err = pwb(capsys, any_target, "submit", "1", "--connects", "4", "--again")
    assert code == 0, err


def test_import_twice_rewrites_nothing_then_scores_and_sorts(
    any_target: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = [
        {
            "title": "Budget 500",
            "description": "React",
            "rate": "Fixed price",
            "budget": 500,
            "link": "https://www.upwork.com/jobs/a_~0111111111111111",
        },
        {"title": "No budget", "description": "Django", "link": "https://x.test/" + "p" * 400},
        {
            "title": "Budget 90",
            "description": "Vue",
            "rate": "Fixed price",
            "budget": 90,
            "link": "https://www.upwork.com/jobs/b_~0122222222222222",
        },
    ]
    source = tmp_path / "jobs.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    code, _out, err = pwb(capsys, any_target, "import", str(source))
    assert code == 0, err  # the 400-character URL too
    db = open_database(any_target)
    try:
        with db.read() as s:
            before = dict(s.execute(select(JobPosting.id, JobPosting.updated_at)).all())
            versions = _row_versions(s)
        code, _out, err = pwb(capsys, any_target, "import", str(source))
        assert code == 0, err
        imports = pwb_json(capsys, any_target, "imports")
        assert isinstance(imports, list) and imports[0]["changed"] == 0
        with db.read() as s:
            assert _row_versions(s) == versions  # not one row written again
            assert len(before) == 3
    finally:
        db.close()
    profile = tmp_path / "me.toml"
    profile.write_text(
        'name = "Me"\n'
        'skills = [{name = "React", weight = 1.0, synonyms = []},'
        ' {name = "Django", weight = 1.0, synonyms = []}]\n',
        encoding="utf-8",
    )
    code, _out, err = pwb(capsys, any_target, "profile", "import", str(profile))
    assert code == 0, err
    assert pwb(capsys, any_target, "rescore")[0] == 0
    rows = pwb_json(capsys, any_target, "jobs", "--sort", "budget")
    assert isinstance(rows, list)
    assert [r["title"] for r in rows] == ["Budget 500", "Budget 90", "No budget"]  # NULLs last
    db = open_database(any_target)
    try:
        with db.read() as s:
            ascending = fetch_jobs(s, JobQuery(sort="budget", descending=False))
    finally:
        db.close()
    assert [r.title for r in ascending] == ["Budget 90", "Budget 500", "No budget"]


def _row_versions(session) -> object:
    """What changes when a row is written: PostgreSQL's ``xmin``, SQLite's FTS rows' data
    (a rewrite deletes and inserts them) and the rows themselves."""
    if session.get_bind().dialect.name == "postgresql":
        return sorted(session.execute(text("SELECT id, xmin::text FROM job_posting")).all())
    return sorted(session.execute(text("SELECT id, updated_at FROM job_posting")).all())


def test_backup(any_target: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "copy.bak"
    code, printed, err = pwb(capsys, any_target, "backup", "--out", str(out))
    assert code == 0, err
    assert out.is_file() and out.stat().st_size > 0 and str(out) in printed
    if "://" in any_target:
        assert out.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format


def test_backup_without_pg_dump_says_so(
    pg_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    code, _out, err = pwb(capsys, pg_url, "backup", "--out", str(tmp_path / "x.dump"))
    assert code == 2 and err.count("\n") == 1 and "pg_dump is not on PATH" in err


@pytest.mark.slow
def test_five_processes_submitting_and_catching_up_at_once(
    any_target: str, tmp_path: Path, set_clock
) -> None:
    """One pool of Connects, five processes submitting at the same moment, each catching up
    eleven months first: the balance is the sum of the entries, and every allocation and
    expiry is posted once."""
    set_clock(START)
    db = open_database(any_target)
    try:
        with db.transaction() as s:
            settings.set_value(s, "connects.expiry_days", 60)
            for n in range(5):
                s.add(JobPosting(dedup_key=f"k{n}", title=f"Job {n}", description="x"))
    finally:
        db.close()
    assert main(["--db", any_target, "ledger", "buy", "80"]) == 0
    set_clock(LATER)
    results = run_at_once(
        tmp_path,
        [["--db", any_target, "submit", str(n + 1), "--connects", "6"] for n in range(5)],
    )
    for result in results:
        assert result.returncode == 0, result.stderr
    db = open_database(any_target)
    try:
        with db.read() as s:
            entries = s.execute(select(LedgerEntry.kind, LedgerEntry.at, LedgerEntry.lot_id)).all()
            total = s.scalar(select(func.sum(LedgerEntry.amount)))
            assert s.scalar(select(func.count()).select_from(Proposal)) == 5
    finally:
        db.close()
    months = sorted(at.strftime("%Y-%m") for kind, at, _ in entries if kind == "allocation")
    assert months == MONTHS  # each once
    lots = [lot for kind, _, lot in entries if kind == "expiry"]
    assert len(lots) >= 9 and len(lots) == len(set(lots))
    assert sum(1 for kind, _, _ in entries if kind == "spend") == 5
    ledger = json.loads(_run_json(any_target, "ledger"))
    assert ledger["balance"] == total


def _run_json(target: str, *argv: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "--db", target, *argv, "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_shared_postings_import_alike(any_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = shared_data_file()
    if path is None:
        pytest.skip("../shared/data is not beside this checkout")
    code, _out, err = pwb(capsys, any_target, "import", str(path))
    assert code == 0, err
    rows = pwb_json(capsys, any_target, "jobs", "--search", "full-stack", "--limit", "200")
    assert isinstance(rows, list) and len(rows) == 7


def test_a_server_url_without_its_driver_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if not installed: import fails
    code, out, err = pwb(capsys, "postgresql://me@127.0.0.1:1/workbench", "jobs")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert 'pip install "proposal-workbench[postgresql]"' in err
    assert "postgresql+psycopg://me@127.0.0.1:1/workbench" in err
