"""``pwb score`` / ``pwb rescore`` / ``pwb profile``: the contract."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.profiles import active_profile, default_profile, profile_to_toml
from app.storage import open_database
from app.storage.models import JobPosting, Profile, ScoreCard
from app.storage.postings import apply_facts
from tests.test_rules import posting

CONTRACT = [
    "total",
    "verdict",
    "factors",
    "flags",
    "matched_skills",
    "missing_skills",
    "value_per_connect",
]


@pytest.fixture
def dbfile(tmp_path: Path, migrated_copy) -> str:
    path = migrated_copy(tmp_path / "w.sqlite3")
    db = open_database(str(path))
    with db.transaction() as session:
        session.add(apply_facts(JobPosting(), posting("Add me on Telegram @hr_desk today.")))
    db.close()
    return str(path)


def write_profile(tmp_path: Path, name: str = "Shop", **changes: object) -> Path:
    spec = default_profile(name, "Shopify developer", ["Shopify", "CSS"], 30.0)
    for key, value in changes.items():
        setattr(spec, key, value)
    path = tmp_path / f"{name}.toml"
    path.write_text(profile_to_toml(spec), encoding="utf-8")
    return path


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_score_stored_posting_json(dbfile: str, tmp_path: Path, capsys) -> None:
    assert main(["profile", "import", str(write_profile(tmp_path)), "--db", dbfile]) == 0
    assert "rescored 1 postings" in capsys.readouterr().out
    data = run_json(capsys, "score", "1", "--json", "--db", dbfile)
    assert list(data) == CONTRACT
    assert data["verdict"] == "skip"
    assert data["flags"][0] == {
        "rule": "off-platform-contact",
        "severity": "critical",
        "evidence": "Add me on Telegram @hr_desk",
    }
    assert all(set(f) == {"name", "points", "reason"} for f in data["factors"])
    assert data["matched_skills"] == ["Shopify", "CSS"]
    assert isinstance(data["value_per_connect"], float)
    db = open_database(dbfile)
    with db.read() as session:
        card = session.scalars(select(ScoreCard)).one()
        assert card.total == data["total"] and card.critical_flags == 1


def test_score_json_file_and_stdin_without_storing(
    dbfile: str, tmp_path: Path, capsys, monkeypatch
) -> None:
    facts = posting()
    facts.title = "Pasted posting"
    facts.posted_at = None  # "now" moves between the two runs
    file = tmp_path / "p.json"
    file.write_text(json.dumps(facts.to_json()), encoding="utf-8")
    from_file = run_json(capsys, "score", str(file), "--json", "--db", dbfile)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(file.read_bytes())))
    from_stdin = run_json(capsys, "score", "-", "--json", "--db", dbfile)
    assert from_file == from_stdin and from_file["flags"] == []
    db = open_database(dbfile)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(JobPosting)) == 1
        assert session.scalar(select(func.count()).select_from(ScoreCard)) == 0


def test_score_text_output(dbfile: str, capsys) -> None:
    assert main(["score", "1", "--db", dbfile]) == 0
    out = capsys.readouterr()
    assert "Score " in out.out and "[critical] off-platform-contact" in out.out
    assert "no profile yet" in out.err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["score", "42"], "no posting with id 42"),
        (["score", "nope.json"], "no such file: nope.json"),
        (["score", "1", "--profile", "Ghost"], "no profile named 'Ghost'"),
        (["profile", "use", "Ghost"], "no profile named 'Ghost'"),
        (["rescore"], "no profile yet"),
    ],
)
def test_bad_input_is_one_line(dbfile: str, capsys, argv: list[str], message: str) -> None:
    assert main([*argv, "--db", dbfile]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_plain_pasted_text_goes_through_the_paste_parser(
    dbfile: str, tmp_path: Path, capsys
) -> None:
    file = tmp_path / "p.txt"
    file.write_text(
        "Shopify theme fixes\n"
        "Posted 2 hours ago\n"
        "Fix our Shopify theme: contact me on WhatsApp +1 415 555 0100 for details.\n"
        "$150.00\nFixed-price\nIntermediate\n"
        "Payment method not verified\n",
        encoding="utf-8",
    )
    assert main(["score", str(file), "--db", dbfile, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {f["rule"] for f in out["flags"]} >= {"off-platform-contact", "payment-not-verified"}
    file.write_text('{"title": "x", "colour": "red"}', encoding="utf-8")
    assert main(["score", str(file), "--db", dbfile]) == 2
    assert "unknown key 'colour'" in capsys.readouterr().err
    file.write_text("\x00\x01binary", encoding="utf-8")
    assert main(["score", str(file), "--db", dbfile]) == 2
    assert "binary" in capsys.readouterr().err


def test_profile_import_export_use_show(dbfile: str, tmp_path: Path, capsys) -> None:
    assert main(["profile", "import", str(write_profile(tmp_path, "A")), "--db", dbfile]) == 0
    assert main(["profile", "import", str(write_profile(tmp_path, "B")), "--db", dbfile]) == 0
    capsys.readouterr()
    assert main(["profile", "list", "--db", dbfile]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("* A")
    assert main(["profile", "use", "B", "--db", dbfile]) == 0
    assert capsys.readouterr().out == "active profile: B\n"
    shown = run_json(capsys, "profile", "show", "--json", "--db", dbfile)
    assert shown["name"] == "B" and shown["skills"][0]["name"] == "Shopify"
    out = tmp_path / "out.toml"
    assert main(["profile", "export", str(out), "--db", dbfile]) == 0
    exported = out.read_text(encoding="utf-8")
    assert 'name = "B"\nversion = 1\n' in exported  # what import checks (no lost updates)
    expected = write_profile(tmp_path, "B").read_text("utf-8")
    assert exported.replace("version = 1\n", "", 1) == expected
    assert main(["rescore", "--db", dbfile]) == 0
    assert "rescored 2 score cards" in capsys.readouterr().out


def test_bad_profile_import_changes_nothing(dbfile: str, tmp_path: Path, capsys) -> None:
    good = write_profile(tmp_path, "A")
    assert main(["profile", "import", str(good), "--db", dbfile]) == 0
    bad = tmp_path / "bad.toml"
    bad.write_text(
        good.read_text("utf-8").replace("min_hourly_rate = 30.0", 'min_hourly_rate = "30"')
    )
    capsys.readouterr()
    assert main(["profile", "import", str(bad), "--db", dbfile]) == 2
    err = capsys.readouterr().err
    assert "key 'min_hourly_rate' must be a number, not a string" in err and "line " in err
    db = open_database(dbfile)
    with db.read() as session:
        profile = active_profile(session)
        assert profile is not None and profile.min_hourly_rate == 30.0
        assert session.scalar(select(func.count()).select_from(Profile)) == 1
