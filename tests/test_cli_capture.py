"""``pwb parse / add / import / jobs``: the contract later checks depend on."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from app.cli import main
from app.domain import PostingFacts

TILES = (
    "Python scraper\n"
    "Hourly: $15-$35 - Intermediate - Est. Time: Less than 1 month, Less than 30 hrs/week "
    "Scrape three sites.\nData ScrapingPython\n"
    "Payment verified Rating is 4.9 out of 5. $10K+ spent Canada Proposals: Less than 5 "
    "Connects to apply: 8 Connects Posted 19 hours ago\n\n"
    "Logo design\nFixed-price - Expert - Est. Budget: $200 A logo for a bakery.\n"
)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_json_contract(tmp_path: Path, capsys) -> None:
    path = tmp_path / "paste.txt"
    path.write_text(TILES, encoding="utf-8")
    code, out, _ = run(capsys, "parse", str(path), "--now", "2026-03-10T12:00:00Z", "--json")
    assert code == 0
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == 2
    assert list(data[0]) == PostingFacts.CONTRACT_KEYS
    assert data[0]["posted_at"] == "2026-03-09T17:00:00+00:00"
    assert (data[0]["proposals_min"], data[0]["proposals_max"]) == (0, 4)
    assert data[0]["client"]["total_spent"] == 10000
    assert data[1]["budget_type"] == "fixed" and data[1]["fixed_budget"] == 200


def test_parse_single_posting_is_an_object(monkeypatch, capsys) -> None:
    one = TILES.split("\n\n")[0]
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(one.encode())))
    code, out, _ = run(capsys, "parse", "-", "--json")
    assert code == 0
    assert json.loads(out)["title"] == "Python scraper"


def test_parse_stores_nothing(tmp_path: Path, capsys) -> None:
    db = tmp_path / "w.db"
    path = tmp_path / "p.txt"
    path.write_text(TILES, encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(db), "parse", str(path))
    assert code == 0
    assert "# posting 2" in out and "Python scraper" in out
    code, out, _ = run(capsys, "--db", str(db), "jobs", "--json")
    assert json.loads(out) == []


def test_add_prints_ids_then_jobs_lists_them(tmp_path: Path, capsys) -> None:
    db = tmp_path / "w.db"
    path = tmp_path / "p.txt"
    path.write_text(TILES, encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(db), "add", str(path))
    assert code == 0
    ids = [int(line) for line in out.split()]
    assert len(ids) == 2
    code, out, _ = run(capsys, "--db", str(db), "jobs", "--search", "bakery", "--json")
    rows = json.loads(out)
    assert [r["id"] for r in rows] == [ids[1]]
    assert rows[0]["score"] is None and rows[0]["verdict"] is None
    code, out, _ = run(capsys, "--db", str(db), "jobs", "--limit", "1")
    assert code == 0 and len(out.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"<html><body><div>x</div></body></html>", "HTML"), (b"\x00\x01", "binary")],
)
def test_add_bad_input_one_line(tmp_path: Path, capsys, content: bytes, message: str) -> None:
    db = tmp_path / "w.db"
    path = tmp_path / "p.txt"
    path.write_bytes(content)
    code, out, err = run(capsys, "--db", str(db), "add", str(path))
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
    code, out, _ = run(capsys, "--db", str(db), "jobs", "--json")
    assert json.loads(out) == []


def test_import_summary_and_exit_codes(tmp_path: Path, capsys) -> None:
    db = tmp_path / "w.db"
    good = tmp_path / "good.csv"
    good.write_text("title,link\nA,https://x.example/1\nB,https://x.example/2\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(db), "import", str(good), "--json")
    assert code == 0
    summary = json.loads(out)
    assert {k: summary[k] for k in ("added", "updated", "skipped", "errors", "notes")} == {
        "added": 2,
        "updated": 0,
        "skipped": 0,
        "errors": [],
        "notes": [],
    }
    # what issue 11 added: the import's record, what was not imported, how dates were read
    assert isinstance(summary["import_id"], int) and summary["unmapped_columns"] == []
    assert summary["date_order"] in ("DMY", "MDY")
    code, out, _ = run(capsys, "--db", str(db), "import", str(good), "--format", "csv", "--json")
    assert json.loads(out)["updated"] == 2

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "C"}\n{"title": "D", "budget": "lots"}\n', encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(db), "import", str(bad), "--json")
    assert code == 1
    summary = json.loads(out)
    assert summary["added"] == 0 and summary["errors"][0]["row"] == 2
    code, out, _ = run(capsys, "--db", str(db), "import", str(bad), "--skip-invalid", "--json")
    assert code == 0 and json.loads(out)["added"] == 1
    code, out, _ = run(capsys, "--db", str(db), "jobs", "--json", "--limit", "100")
    assert len(json.loads(out)) == 3


def test_import_unusable_file_exit_1(tmp_path: Path, capsys) -> None:
    path = tmp_path / "obj.json"
    path.write_text('{"title": "x"}', encoding="utf-8")
    code, _, err = run(capsys, "--db", str(tmp_path / "w.db"), "import", str(path))
    assert code == 1 and "not a list" in err


def test_jobs_bad_limit(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "w.db"), "jobs", "--limit", "0")
    assert code == 2 and "--limit" in err
