"""CLI manners: --json on every command that prints a result, examples in every --help,
progress on a terminal, shell completion."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from app import clock
from app.cli import build_parser, main, progress
from app.cli.examples import EXAMPLES, subcommands

pytestmark = pytest.mark.clock  # demo data and ledger entries are dated from now

POSTING = """Python developer to connect our shop to a REST API
Hourly: $30.00 - $50.00
Expert
We need a Python developer to integrate our order system with a REST API.
Skills: Python, REST API, Automation
Payment method verified
United States
"""


@pytest.fixture
def demo_db(migrated_copy, tmp_path: Path, capsys) -> Path:
    path = migrated_copy(tmp_path / "demo.sqlite3")
    assert main(["--db", str(path), "demo", "--jobs", "60", "--proposals", "20"]) == 0
    capsys.readouterr()
    return path


def run_json(capsys, *argv: str) -> object:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)


# -- --json ------------------------------------------------------------------------


def test_add_json(demo_db: Path, tmp_path: Path, capsys) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text(POSTING, encoding="utf-8")
    first = run_json(capsys, "--db", str(demo_db), "add", str(posting), "--json")
    assert isinstance(first, dict) and set(first) == {"ids", "added", "updated"}
    assert first["added"] == 1 and first["updated"] == 0 and len(first["ids"]) == 1
    again = run_json(capsys, "--db", str(demo_db), "add", str(posting), "--json")
    assert again == {"ids": first["ids"], "added": 0, "updated": 1}
    assert main(["--db", str(demo_db), "add", str(posting)]) == 0  # the text stays the ids
    assert capsys.readouterr().out == f"{first['ids'][0]}\n"


def test_rescore_profile_list_and_backup_json(demo_db: Path, tmp_path: Path, capsys) -> None:
    db = ["--db", str(demo_db)]
    assert run_json(capsys, *db, "rescore", "--json") == {
        "score_cards": 120,
        "profile": None,
        "backfilled": 0,
    }
    profiles = run_json(capsys, *db, "profile", "list", "--json")
    assert isinstance(profiles, list) and len(profiles) == 2
    assert [p["active"] for p in profiles].count(True) == 1
    assert all(set(p) == {"name", "title", "active"} for p in profiles)
    out = tmp_path / "copy.sqlite3"
    made = run_json(capsys, *db, "backup", "--out", str(out), "--json")
    assert made == {"path": str(out), "bytes": out.stat().st_size}


def test_demo_json(migrated_copy, tmp_path: Path, capsys) -> None:
    path = migrated_copy(tmp_path / "d.sqlite3")
    made = run_json(
        capsys, "--db", str(path), "demo", "--jobs", "30", "--proposals", "10", "--json"
    )
    assert isinstance(made, dict) and made["jobs"] == 30 and made["proposals"] <= 10
    assert set(made) >= {"database", "score_cards", "ledger_entries", "first_day", "last_day"}


def test_submit_status_and_ledger_actions_json(demo_db: Path, capsys) -> None:
    db = ["--db", str(demo_db)]
    # explicit moments: under --clock each main() starts the clock at the same instant again
    now = clock.now()

    def at(hours_ago: int) -> list[str]:
        return ["--at", (now - timedelta(hours=hours_ago)).isoformat()]

    bought = run_json(capsys, *db, "ledger", "buy", "80", "--usd", "12", *at(6), "--json")
    assert isinstance(bought, dict) and set(bought) == {"entry", "balance"}
    assert bought["entry"]["kind"] == "purchase" and bought["entry"]["amount"] == 80
    balance = bought["balance"]
    bonus = run_json(capsys, *db, "ledger", "add", "bonus", "5", "--note", "gift", *at(5), "--json")
    assert isinstance(bonus, dict) and bonus["balance"] == balance + 5
    assert bonus["entry"]["note"] == "gift"
    submitted = run_json(
        capsys, *db, "submit", "60", "--connects", "12", "--boost", "4", *at(4), "--json"
    )
    assert submitted == {
        "proposal_id": submitted["proposal_id"],  # type: ignore[index]
        "spent": 16,
        "balance": balance + 5 - 16,
        "warning": None,
    }
    proposal = str(submitted["proposal_id"])
    refunded = run_json(capsys, *db, "ledger", "refund-boost", proposal, *at(3), "--json")
    assert isinstance(refunded, dict) and refunded["entry"]["kind"] == "boost_refund"
    assert refunded["entry"]["amount"] == 4 and refunded["balance"] == balance + 5 - 12
    moved = run_json(capsys, *db, "status", proposal, "viewed", *at(2), "--json")
    assert isinstance(moved, dict) and moved["status"] == "viewed"
    assert moved["proposal_id"] == int(proposal) and "at" in moved
    target = refunded["balance"] - 2
    fixed = run_json(capsys, *db, "ledger", "reconcile", str(target), *at(1), "--json")
    assert isinstance(fixed, dict) and fixed["entry"]["amount"] == -2
    same = run_json(capsys, *db, "ledger", "reconcile", str(target), *at(1), "--json")
    assert same == {"entry": None, "balance": target}
    # the parent's flag reaches an action too
    assert isinstance(run_json(capsys, *db, "ledger", "--json", "buy", "10"), dict)


# -- examples in every --help --------------------------------------------------------


def _argv(example: str) -> list[str]:
    command = example.split(" | ")[-1].split(" > ")[0]
    words = shlex.split(command)
    assert words[0] == "pwb", example
    return words[1:]


def test_every_command_has_examples_and_they_parse() -> None:
    parser = build_parser()
    commands = subcommands(parser)
    assert set(commands) - set(EXAMPLES) == set(), "commands without examples"
    assert set(EXAMPLES) - set(commands) == set(), "examples of commands that do not exist"
    for words, examples in EXAMPLES.items():
        for example in examples:
            argv = _argv(example)
            if words:
                assert f" {words} " in f" {' '.join(argv)} ", f"{example} is not `pwb {words}`"
            try:
                parser.parse_args(argv)
            except SystemExit as exc:  # pragma: no cover - the message says which
                pytest.fail(f"example does not parse ({exc.code}): {example}")


@pytest.mark.parametrize("words", ["", "ledger", "ledger buy", "profile list", "draft"])
def test_help_ends_with_examples(words: str, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main([*words.split(), "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "examples:\n" in out and f"  {EXAMPLES[words][0]}\n" in out


# -- progress ------------------------------------------------------------------------


def test_progress_is_drawn_on_a_terminal_only(demo_db: Path, monkeypatch, capsys) -> None:
    db = ["--db", str(demo_db)]
    assert main([*db, "rescore"]) == 0
    quiet = capsys.readouterr()
    assert quiet.err == "" and quiet.out == "rescored 120 score cards\n"
    monkeypatch.setattr(progress, "FORCE", True)
    assert main([*db, "rescore"]) == 0
    drawn = capsys.readouterr()
    assert "rescoring" in drawn.err and "cards" in drawn.err
    assert drawn.out == "rescored 120 score cards\n"  # standard output is unchanged
    assert main([*db, "backup"]) == 0
    assert "backing up" in capsys.readouterr().err


def test_demo_reports_progress_through_to_the_end(migrated_copy, tmp_path: Path) -> None:
    from app.demo import generate_demo
    from app.storage import open_database

    db = open_database(str(migrated_copy(tmp_path / "p.sqlite3")))
    seen: list[tuple[int, int]] = []
    with db.transaction() as session:
        made = generate_demo(
            session, jobs=12_000, proposals=50, progress=lambda d, t: seen.append((d, t))
        )
    db.close()
    assert len(seen) > 3
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    rows = made.jobs + made.score_cards + made.proposals + made.status_changes
    assert seen[-1] == (
        made.jobs + rows + made.ledger_entries,
        made.jobs + rows + made.ledger_entries,
    )


# -- completion ----------------------------------------------------------------------


def test_completion_scripts_name_every_command(capsys) -> None:
    for shell in ("bash", "zsh", "tcsh", "fish"):
        assert main(["completion", shell]) == 0
        script = capsys.readouterr().out
        for command in ("ledger", "refund-boost", "completion", "score-bands"):
            assert command in script, (shell, command)


def test_bash_completes_commands_and_choices(tmp_path: Path, capsys) -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    assert main(["completion", "bash"]) == 0
    script = tmp_path / "pwb.bash"
    script.write_text(capsys.readouterr().out, encoding="utf-8")

    def complete(*words: str) -> set[str]:
        probe = (
            f"source {shlex.quote(str(script))}\n"
            f"COMP_WORDS=({' '.join(shlex.quote(w) for w in words)})\n"
            f"COMP_CWORD={len(words) - 1}\n"
            'COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}\n'
            "_shtab_pwb\n"
            'printf "%s\\n" "${COMPREPLY[@]}"\n'
        )
        done = subprocess.run([bash, "-c", probe], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return set(done.stdout.split())

    assert "ledger" in complete("pwb", "led")
    assert complete("pwb", "ledger", "re") == {"reconcile", "refund-boost"}
    assert "funnel" in complete("pwb", "chart", "fu")


def test_fish_completes_commands_after_options(tmp_path: Path, capsys) -> None:
    fish = shutil.which("fish")
    if fish is None:
        pytest.skip("no fish (apt-get install fish)")
    assert main(["completion", "fish"]) == 0
    script = tmp_path / "pwb.fish"
    script.write_text(capsys.readouterr().out, encoding="utf-8")

    def complete(line: str) -> set[str]:
        probe = f"source {shlex.quote(str(script))}; complete -C {shlex.quote(line)}"
        done = subprocess.run([fish, "-c", probe], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return {row.split("\t")[0] for row in done.stdout.splitlines()}

    assert "ledger" in complete("pwb led")
    assert complete("pwb --db x.sqlite3 ledger re") == {"reconcile", "refund-boost"}
    assert "--json" in complete("pwb ledger buy 10 --")
    assert "funnel" in complete("pwb chart ")


def test_completion_runs_without_a_database(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "app.cli",
            "--db",
            str(tmp_path / "nope" / "x"),
            "completion",
            "zsh",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and "#compdef pwb" in done.stdout
