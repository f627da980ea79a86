"""``pwb report``, ``pwb chart`` and ``pwb demo``: the contracts in issue 7."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from app.cli import main
from app.demo import generate_demo
from app.storage import open_database

pytestmark = pytest.mark.clock  # reads the time: .ci/run repeats it at awkward dates

NOW = datetime(2024, 7, 1, tzinfo=UTC)

REPORT_KEYS = [
    "connects_spent",
    "connects_boost",
    "usd_spent",
    "proposals",
    "viewed",
    "replied",
    "interviewing",
    "hired",
    "view_rate",
    "reply_rate",
    "hire_rate",
    "connects_per_hire",
    "usd_per_hire",
    "revenue",
    "revenue_per_usd",
    "by_category",
    "by_score_band",
    "by_month",
]


@pytest.fixture
def demo_db(tmp_path: Path, migrated_copy) -> Path:
    path = migrated_copy(tmp_path / "demo.sqlite3")
    db = open_database(str(path))
    with db.transaction() as session:
        generate_demo(session, jobs=120, proposals=80, seed=3, now=NOW)
    db.close()
    return path


def report(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["report", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_report_json_contract_and_range(demo_db: Path, capsys) -> None:
    everything = report(capsys, "--db", str(demo_db))
    assert list(everything) == REPORT_KEYS
    assert everything["proposals"] == 80
    assert everything["hired"] <= everything["interviewing"] <= everything["viewed"]
    months = everything["by_month"]
    assert sum(m["connects_spent"] for m in months) == everything["connects_spent"]
    assert sum(m["proposals"] for m in months) == everything["proposals"]
    first = months[0]["month"]
    one = report(capsys, "--db", str(demo_db), "--from", f"{first}-01", "--to", f"{first}-28")
    assert 0 < one["proposals"] < everything["proposals"]
    assert [m["month"] for m in one["by_month"]] == [first]
    bands = {b["band"] for b in everything["by_score_band"]}
    assert bands <= {"0-20", "20-40", "40-60", "60-80", "80-100", "unscored"}


def test_report_by_profile_and_text(demo_db: Path, capsys) -> None:
    whole = report(capsys, "--db", str(demo_db))
    web = report(capsys, "--db", str(demo_db), "--profile", "Demo: full-stack web")
    data = report(capsys, "--db", str(demo_db), "--profile", "Demo: data analysis")
    assert web["proposals"] + data["proposals"] == whole["proposals"]
    assert web["connects_spent"] + data["connects_spent"] == whole["connects_spent"]
    assert main(["report", "--db", str(demo_db)]) == 0
    text = capsys.readouterr().out
    assert "Funnel" in text and "Score band" in text and f"{whole['proposals']:>6,}" in text


def test_report_bad_input_is_one_line(demo_db: Path, capsys) -> None:
    assert main(["report", "--db", str(demo_db), "--profile", "Nobody"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("pwb: no profile named 'Nobody'") and err.count("\n") == 1
    assert main(["report", "--db", str(demo_db), "--from", "2024-13-01"]) == 2
    assert "not an ISO 8601" in capsys.readouterr().err
    assert main(["report", "--db", str(demo_db), "--from", "2024-03-01", "--to", "2024-02-01"]) == 2


@pytest.mark.slow
def test_chart_renders_a_png_offscreen(demo_db: Path, tmp_path: Path, capfd) -> None:
    out = tmp_path / "funnel.png"
    assert main(["chart", "funnel", "--out", str(out), "--db", str(demo_db)]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (960, 560)
    # not a blank picture: the bars have the accent colour somewhere
    colours = {image.pixelColor(x, y).name() for x in range(0, 960, 8) for y in range(0, 560, 8)}
    assert "#2f6fdb" in colours
    assert capfd.readouterr().out.strip() == str(out)


@pytest.mark.slow
def test_chart_errors_are_one_line(demo_db: Path, tmp_path: Path, capfd) -> None:
    out = tmp_path / "spend.png"
    code = main(["chart", "spend", "--out", str(out), "--db", str(demo_db), "--from", "2030-01-01"])
    err = capfd.readouterr().err
    assert code == 1 and err.startswith("pwb: nothing to chart: No Connects were spent")
    assert err.count("\n") == 1 and not out.exists()
    assert main(["chart", "spend", "--out", str(tmp_path / "x.jpg"), "--db", str(demo_db)]) == 2
    assert "must end in .png" in capfd.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["chart", "pie", "--out", str(out)])
    assert exc.value.code == 2


def test_demo_is_deterministic(tmp_path: Path, capsys) -> None:
    def counts(path: Path) -> tuple[int, ...]:
        db = open_database(str(path))
        with db.transaction() as session:
            made = generate_demo(session, jobs=60, proposals=40, seed=11, now=NOW)
        rows = db.row_counts()
        db.close()
        return (made.proposals, made.ledger_entries, rows["proposal_status_change"])

    assert counts(tmp_path / "a.db") == counts(tmp_path / "b.db")
    a = report(capsys, "--db", str(tmp_path / "a.db"))
    b = report(capsys, "--db", str(tmp_path / "b.db"))
    assert a == b


def test_demo_command_and_ledger_is_consistent(tmp_path: Path, capsys) -> None:
    path = tmp_path / "d.db"
    assert main(["demo", "--db", str(path), "--jobs", "50", "--proposals", "30"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("demo history") and "50 postings" in out and "ledger entries" in out
    assert main(["demo", "--db", str(path), "--seed", "7"]) == 2
    assert "already in this database" in capsys.readouterr().err
    db = open_database(str(path))
    with db.read() as s:
        from sqlalchemy import func, select

        from app.storage.models import LedgerEntry, Proposal

        # the demo buys Connects before it runs short: the balance never goes negative
        amounts = s.execute(select(LedgerEntry.amount).order_by(LedgerEntry.at, LedgerEntry.id))
        running, lowest = 0, 0
        for (amount,) in amounts:
            running += amount
            lowest = min(lowest, running)
        spent = s.scalar(select(func.sum(Proposal.connects_spent)))
        spends = s.scalar(select(func.sum(LedgerEntry.amount)).where(LedgerEntry.kind == "spend"))
        assert spends is not None
        ledger_spent = -spends
    db.close()
    assert lowest >= 0
    assert spent == ledger_spent
