"""``pwb`` writes UTF-8 whatever the console's encoding (a Windows pipe is cp1252)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

ROOT = Path(__file__).resolve().parents[1]
TITLE = "Telegram bot 🤖 for a 日本語 shop — “smart” quotes"
DESCRIPTION = "Build a bot 😀 that answers ‘FAQ’ in 中文 and 日本語; ≈ 3 weeks, budget €500."

#: what a console that is not UTF-8 looks like to Python ("" unsets the variable)
CONSOLES = {
    "windows pipe (cp1252)": {"PYTHONIOENCODING": "cp1252", "PYTHONUTF8": ""},
    "C locale (ASCII)": {"PYTHONUTF8": "0", "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": ""},
}


@pytest.fixture
def dbfile(tmp_path: Path) -> str:
    db = str(tmp_path / "w.db")
    posting = tmp_path / "p.json"
    posting.write_text(
        json.dumps(
            [
                {
                    "title": TITLE,
                    "description": DESCRIPTION,
                    "link": "https://www.upwork.com/jobs/~01f00d",
                    "category": "Bots & 自動化",
                }
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    assert main(["--db", db, "import", str(posting)]) == 0
    return db


def pwb(console: dict[str, str], *argv: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ)
    for name, value in console.items():
        if value:
            env[name] = value
        else:
            env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *argv],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.parametrize("console", CONSOLES.values(), ids=CONSOLES.keys())
def test_json_and_text_output_are_utf8_on_any_console(console, dbfile: str) -> None:
    listed = pwb(console, "--db", dbfile, "jobs", "--json")
    assert listed.returncode == 0, listed.stderr.decode("utf-8", "replace")
    assert json.loads(listed.stdout.decode("utf-8"))[0]["title"] == TITLE

    shown = pwb(console, "--db", dbfile, "jobs")
    assert shown.returncode == 0 and TITLE in shown.stdout.decode("utf-8")

    report = pwb(console, "--db", dbfile, "report")
    assert report.returncode == 0, report.stderr.decode("utf-8", "replace")
    assert "Funnel" in report.stdout.decode("utf-8")


@pytest.mark.parametrize("console", CONSOLES.values(), ids=CONSOLES.keys())
def test_parsed_text_and_errors_are_utf8_too(console, tmp_path: Path) -> None:
    paste = tmp_path / "paste.txt"
    paste.write_text(f"{TITLE}\nFixed-price - Expert - Est. Budget: $200 {DESCRIPTION}\n")
    parsed = pwb(console, "parse", str(paste), "--json")
    assert parsed.returncode == 0, parsed.stderr.decode("utf-8", "replace")
    assert json.loads(parsed.stdout.decode("utf-8"))["title"] == TITLE

    missing = tmp_path / "offre-été-😀.json"
    failed = pwb(console, "--db", str(tmp_path / "w.db"), "score", str(missing))
    assert failed.returncode == 2
    message = failed.stderr.decode("utf-8")
    assert message.count("\n") == 1 and "no such file" in message
    if "LC_ALL" not in console:  # (under the C locale the name itself arrives undecoded)
        assert "offre-été-😀.json" in message
