"""``pwb init`` / ``pwb info`` / errors: the contract other tools rely on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_init_then_info_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "sub" / "w.db"
    assert main(["--db", str(db), "init"]) == 0
    assert "database ready" in capsys.readouterr().out
    assert main(["info", "--db", str(db), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["database"] == str(db)
    assert info["schema_revision"] == "0002" or info["schema_revision"] > "0002"
    assert info["row_counts"]["job_posting"] == 0
    assert "ledger_entry" in info["row_counts"]


def test_pwb_db_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "env.db"
    monkeypatch.setenv("PWB_DB", str(db))
    assert main(["info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["database"] == str(db)
    assert db.exists()


def test_missing_folder_is_one_line_and_exit_2() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "--db", "/nonexistent/dir/x.db", "info"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "/nonexistent/dir" in lines[0] and "Traceback" not in result.stderr


def test_usage_errors_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("pwb ")
