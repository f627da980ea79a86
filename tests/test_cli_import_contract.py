"""The script contract of issue 11: ``pwb jobs --json`` with url and skills, ``pwb job ID
--json``, ``pwb import --json`` with import_id, unmapped_columns and date_order, and the
progress line on a terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main, progress
from app.domain import PostingFacts

CSV = (
    "title,url,skills,published,budget,Notes,client_industry,client_type\n"
    "Build an API,https://www.upwork.com/jobs/~01aaaaaaaaaaaaaaaa,\"['Python', 'SQL']\","
    "13.06.2024,$500,x,Tech &amp; IT,Mid-sized company (10-99 people)\n"
)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def imported(tmp_path: Path, capsys) -> tuple[str, dict[str, object]]:
    db = str(tmp_path / "w.db")
    path = tmp_path / "alerts.csv"
    path.write_text(CSV, encoding="utf-8")
    code, out, _ = run(capsys, "--db", db, "import", str(path), "--json")
    assert code == 0
    return db, json.loads(out)


def test_import_json_names_the_import_its_unmapped_columns_and_date_order(imported) -> None:
    _db, summary = imported
    for key in ("added", "updated", "skipped", "errors"):  # the keys scripts rely on
        assert key in summary
    assert summary["added"] == 1 and isinstance(summary["import_id"], int)
    assert summary["unmapped_columns"] == ["Notes"]
    assert (summary["date_order"], summary["date_order_source"]) == ("DMY", "file")


def test_jobs_json_rows_carry_url_and_skills(imported, capsys) -> None:
    db, _ = imported
    code, out, _ = run(capsys, "--db", db, "jobs", "--json")
    (row,) = json.loads(out)
    assert code == 0
    assert row["url"] == "https://www.upwork.com/jobs/~01aaaaaaaaaaaaaaaa"
    assert row["skills"] == ["Python", "SQL"]
    assert {"id", "title", "status", "score", "verdict"} <= set(row)


def test_job_json_is_the_parse_contract_plus_the_stored_facts(imported, capsys) -> None:
    db, _ = imported
    code, out, _ = run(capsys, "--db", db, "jobs", "--json")
    job_id = json.loads(out)[0]["id"]
    code, out, _ = run(capsys, "--db", db, "job", str(job_id), "--json")
    assert code == 0
    obj = json.loads(out)
    assert list(obj) == [*PostingFacts.CONTRACT_KEYS, "id", "status", "captured_at", "score",
                         "verdict"]  # fmt: skip
    assert (obj["id"], obj["status"], obj["score"], obj["verdict"]) == (job_id, "new", None, None)
    assert obj["posted_at"] == "2024-06-13T00:00:00+00:00" and obj["fixed_budget"] == 500
    assert obj["captured_at"].endswith("+00:00")
    assert obj["client"]["industry"] == "Tech & IT"
    assert obj["client"]["company_size"] == "Mid-sized company (10-99 people)"
    code, out, _ = run(capsys, "--db", db, "job", str(job_id))
    assert code == 0 and "Build an API" in out
    code, _, err = run(capsys, "--db", db, "job", "999")
    assert code == 2 and "no job posting with id 999" in err


def test_a_progress_line_on_a_terminal_only(tmp_path: Path, capsys, monkeypatch) -> None:
    rows = "\n".join(json.dumps({"title": f"T{i}", "url": f"https://x.example/{i}"})
                     for i in range(3000))  # fmt: skip
    path = tmp_path / "many.jsonl"
    path.write_text(rows + "\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(tmp_path / "a.db"), "import", str(path))
    assert code == 0 and err == ""  # not a terminal: nothing on stderr
    monkeypatch.setattr(progress, "FORCE", True)
    code, out, err = run(capsys, "--db", str(tmp_path / "b.db"), "import", str(path))
    assert code == 0 and "3000 added" in out
    assert "many.jsonl" in err and "%|" in err  # a progress bar (tqdm redraws at its own pace)


def test_date_order_option(tmp_path: Path, capsys) -> None:
    path = tmp_path / "d.csv"
    path.write_text("title,published\nA,06/07/2024\n", encoding="utf-8")
    db = str(tmp_path / "w.db")
    code, out, _ = run(capsys, "--db", db, "import", str(path), "--date-order", "dmy", "--json")
    assert code == 0 and json.loads(out)["date_order"] == "DMY"
    code, out, _ = run(capsys, "--db", db, "jobs", "--json")
    assert json.loads(out)[0]["posted_at"] == "2024-07-06T00:00:00+00:00"
