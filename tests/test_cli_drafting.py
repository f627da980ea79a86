"""``pwb replies`` / ``pwb draft`` / ``pwb proposals`` / ``pwb status``: the CLI contract."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.cli import main
from app.proposals import submit_proposal
from app.storage import open_database
from app.storage.models import JobPosting, Proposal, SavedReply

pytestmark = pytest.mark.clock  # reads the time: .ci/run repeats it at awkward dates

POSTING = {
    "title": "Shopify to Airtable order sync",
    "description": "We need our Shopify orders pushed into Airtable every hour.",
    "skills": ["API Integration", "Python"],
    "budget_type": "fixed",
    "fixed_budget": 400,
    "client": {"country": "Canada", "member_since": "2020-01-02"},
    "missing": [],
}


@pytest.fixture
def dbfile(tmp_path: Path, migrated_copy) -> str:
    path = migrated_copy(tmp_path / "w.sqlite3")
    assert main(["--db", str(path), "init"]) == 0
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_replies_list_show_add_check(dbfile: str, tmp_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "replies", "list", "--db", dbfile, "--json")
    names = [r["name"] for r in json.loads(out)]
    assert code == 0 and "intro/short" in names and "proposal/general" in names

    code, shown, _ = run(capsys, "replies", "show", "intro/short", "--db", dbfile)
    assert code == 0 and shown.startswith('{#---\nkind = "snippet"')
    copy = tmp_path / "copy.j2"
    copy.write_text(shown.replace("Hi", "Hello"), encoding="utf-8")
    code, out, _ = run(capsys, "replies", "add", "intro/mine", str(copy), "--db", dbfile)
    assert (code, out.strip()) == (0, "added snippet intro/mine")

    code, out, _ = run(capsys, "replies", "check", "proposal/general", "--db", dbfile)
    assert code == 0 and "ok" in out and "Answer 1" in out


def test_replies_add_refuses_a_broken_template(dbfile: str, tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.j2"
    bad.write_text("fine\n{% for x in %}\n", encoding="utf-8")
    code, _, err = run(capsys, "replies", "add", "x/bad", str(bad), "--db", dbfile)
    assert code == 2
    assert err.strip() == (
        "pwb: x/bad not saved: line 2: syntax error: Expected an expression, "
        "got 'end of statement block'"
    )
    db = open_database(dbfile)
    with db.read() as s:
        assert s.query(SavedReply).filter_by(name="x/bad").count() == 0
    db.close()


def test_replies_check_reports_the_line(dbfile: str, tmp_path: Path, capsys) -> None:
    f = tmp_path / "r.j2"
    f.write_text("one\n{{ ''.__class__.__mro__ }}\n", encoding="utf-8")
    assert run(capsys, "replies", "add", "evil", str(f), "--db", dbfile)[0] == 0
    code, _, err = run(capsys, "replies", "check", "evil", "--db", dbfile)
    assert code == 2 and "evil: line 2: not allowed in a saved reply" in err


def test_draft_json_contract_and_exit_3(dbfile: str, tmp_path: Path, capsys) -> None:
    posting = tmp_path / "p.json"
    posting.write_text(json.dumps(POSTING), encoding="utf-8")
    code, out, _ = run(
        capsys,
        "draft",
        str(posting),
        "--reply",
        "proposal/api-integration",
        "--db",
        dbfile,
        "--json",
    )
    data = json.loads(out)
    assert code == 3
    assert list(data) == ["text", "fill_ins", "lints"]
    assert "Shopify to Airtable order sync" in data["text"]
    assert "Link to a similar project" in data["fill_ins"]
    assert {"rule": "fill-in", "message": "fill in [Link to a similar project]"} in data["lints"]
    assert all(list(lint) == ["rule", "message"] for lint in data["lints"])


def test_draft_with_values_exits_0_and_writes_out(dbfile: str, tmp_path: Path, capsys) -> None:
    db = open_database(dbfile)
    with db.transaction() as s:
        s.add(JobPosting(dedup_key="k1", title="Airtable sync", skills=["Python"]))
    db.close()
    body = tmp_path / "r.j2"
    body.write_text("Hi {{ client.name }}, about {{ job.title }}: [Rate].\n", encoding="utf-8")
    run(capsys, "replies", "add", "mine", str(body), "--db", dbfile)
    out_file = tmp_path / "out.txt"
    code, out, err = run(
        capsys,
        *("draft", "1", "--reply", "mine", "--db", dbfile, "--out", str(out_file)),
        *("--set", "client.name=Ann", "--set", "Rate=$60/hr", "--save"),
    )
    assert code == 0, err
    assert out_file.read_text(encoding="utf-8") == "Hi Ann, about Airtable sync: $60/hr.\n"
    assert "saved draft proposal 1" in err
    code, out, _ = run(capsys, "draft", "1", "--reply", "mine", "--db", dbfile)
    assert code == 3 and "[client.name]" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("draft", "42", "--reply", "proposal/general"), "no job posting with id 42"),
        (("draft", "nofile.json"), "no such file: nofile.json"),
        (("draft", "1", "--set", "novalue"), "--set 'novalue' is not KEY=VALUE"),
        (("replies", "show", "nope"), "no saved reply named 'nope'"),
        (("status", "5", "viewed"), "no proposal with id 5"),
        (("proposals", "--status", "lost"), "unknown status 'lost'"),
    ],
)
def test_bad_input_is_one_line(dbfile: str, capsys, argv, message: str) -> None:
    code, _, err = run(capsys, *argv, "--db", dbfile)
    assert code == 2
    assert message in err and err.count("\n") == 1


def test_proposals_and_status(dbfile: str, capsys) -> None:
    db = open_database(dbfile)
    with db.transaction() as s:
        job = JobPosting(dedup_key="k", title="Fix my Django app")
        s.add(job)
        s.flush()
        at = datetime(2026, 1, 5, tzinfo=UTC)
        submit_proposal(s, job_id=job.id, connects=8, bid=300.0, text="hi", at=at)
    code, out, _ = run(capsys, "proposals", "--db", dbfile, "--json")
    [row] = json.loads(out)
    assert code == 0 and row["status"] == "submitted" and row["job_title"] == "Fix my Django app"
    code, out, _ = run(capsys, "status", "1", "Viewed", "--at", "2026-01-06T10:00", "--db", dbfile)
    assert (code, out.strip()) == (0, "proposal 1 is now viewed")
    code, out, _ = run(capsys, "status", "1", "not hired", "--reason", "went local", "--db", dbfile)
    assert code == 0
    code, out, _ = run(capsys, "proposals", "--status", "not_hired", "--db", dbfile)
    assert "not_hired" in out and "Fix my Django app" in out
    code, _, err = run(capsys, "status", "1", "hired", "--db", dbfile)
    assert code == 2 and "it can move to: none" in err
    with db.read() as s:
        p = s.get(Proposal, 1)
        assert p is not None
        assert p.status == "not_hired" and p.outcome_reason == "went local"
        assert [h.to_status for h in p.history] == ["submitted", "viewed", "not_hired"]
    db.close()
