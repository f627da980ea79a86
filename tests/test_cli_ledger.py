"""``pwb ledger`` and ``pwb submit``: the CLI contract of the Connects ledger."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.storage import open_database
from app.storage.models import JobPosting, LedgerEntry

pytestmark = pytest.mark.clock  # reads the time: .ci/run repeats it at awkward dates


@pytest.fixture
def dbfile(tmp_path: Path, migrated_copy) -> str:
    path = migrated_copy(tmp_path / "w.sqlite3")
    db = open_database(str(path))
    with db.transaction() as session:
        session.add(JobPosting(dedup_key="k", title="Django fix", description="500 errors"))
    db.close()
    return str(path)


def run(capsys, dbfile: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", dbfile, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def ledger_json(capsys, dbfile: str, at: str) -> dict:
    code, out, _ = run(capsys, dbfile, "ledger", "--json", "--at", at)
    assert code == 0
    return json.loads(out)


def test_buy_add_reconcile_then_json(capsys, dbfile: str) -> None:
    assert run(capsys, dbfile, "ledger", "buy", "40", "--at", "2025-01-10")[0] == 0
    code, out, _ = run(
        capsys, dbfile, "ledger", "add", "bonus", "5", "--note", "profile", "--at", "2025-01-11"
    )
    assert code == 0 and "posted bonus +5" in out and "balance 45" in out
    code, out, _ = run(capsys, dbfile, "ledger", "reconcile", "46", "--at", "2025-01-12")
    assert code == 0 and "correction +1" in out
    data = ledger_json(capsys, dbfile, "2025-01-20")
    assert list(data) == ["balance", "entries", "lots", "forecast"]
    assert data["balance"] == 46
    assert [(e["kind"], e["amount"], e["usd"]) for e in reversed(data["entries"])] == [
        ("purchase", 40, 6.0),
        ("bonus", 5, None),
        ("correction", 1, None),
    ]
    assert set(data["entries"][0]) == {"id", "at", "kind", "amount", "usd", "proposal_id", "note"}
    assert data["lots"][0] == {
        "credited_at": "2025-01-10T00:00:00+00:00",
        "amount": 40,
        "remaining": 40,
        "expires_at": "2026-01-10T00:00:00+00:00",
    }
    assert data["forecast"]["next_expiries"][0] == {"on": "2026-01-10", "amount": 40}


def test_submit_spends_and_status_refunds(capsys, dbfile: str, tmp_path: Path) -> None:
    run(capsys, dbfile, "ledger", "buy", "20", "--at", "2025-01-10")
    letter = tmp_path / "letter.txt"
    letter.write_text("Hello, I fix Django apps.", encoding="utf-8")
    code, out, _ = run(
        capsys, dbfile, "submit", "1", "--connects", "8", "--boost", "4", "--bid", "300",
        "--text", str(letter), "--at", "2025-01-11T09:00",
    )  # fmt: skip
    assert code == 0 and out.strip() == "1"
    code, out, _ = run(capsys, dbfile, "ledger", "refund-boost", "1", "--at", "2025-01-11T12:00")
    assert code == 0 and "boost_refund +4" in out
    code, _, err = run(capsys, dbfile, "ledger", "refund-boost", "1", "--at", "2025-01-11T13:00")
    assert code == 2 and "already refunded" in err
    data = ledger_json(capsys, dbfile, "2025-01-12")
    assert [(e["kind"], e["amount"], e["proposal_id"]) for e in reversed(data["entries"])] == [
        ("purchase", 20, None),
        ("spend", -8, 1),
        ("boost", -4, 1),
        ("boost_refund", 4, 1),
    ]


def test_overdraft_warns_and_invitation_is_free(capsys, dbfile: str) -> None:
    code, out, err = run(capsys, dbfile, "submit", "1", "--connects", "6", "--at", "2025-02-01")
    assert code == 0 and "overdraft" in err
    code, out, err = run(
        capsys,
        dbfile,
        "submit",
        "1",
        "--connects",
        "6",
        "--invited",
        "--again",
        "--at",
        "2025-02-02",
    )
    assert code == 0 and out.strip() == "2"
    assert ledger_json(capsys, dbfile, "2025-02-03")["balance"] == -6


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["ledger", "buy", "-10"], "positive number"),
        (["ledger", "buy", "15"], "not a bundle"),
        (["ledger", "add", "spend", "3", "--at", "2099-01-01"], "in the future"),
        (["ledger", "add", "expiry", "3"], "posted by the ledger"),
        (["ledger", "add", "gift", "3"], "unknown entry kind"),
        (["ledger", "reconcile", "-1"], "negative"),
        (["ledger", "buy", "10", "--at", "yesterday"], "not an ISO 8601"),
        (["submit", "9", "--connects", "4"], "no job posting"),
        (["submit", "1", "--connects", "-4"], "negative"),
    ],
)
def test_bad_input_is_one_line_and_posts_nothing(capsys, dbfile: str, argv, message) -> None:
    code, out, err = run(capsys, dbfile, *argv)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    db = open_database(dbfile)
    with db.read() as session:
        assert session.query(LedgerEntry).count() == 0
    db.close()


def test_text_listing_shows_balance_expiries_and_entries(capsys, dbfile: str) -> None:
    run(capsys, dbfile, "ledger", "buy", "10", "--at", "2025-01-10")
    code, out, _ = run(capsys, dbfile, "ledger", "--at", "2025-01-15")
    assert code == 0
    assert "Balance: 10 Connects" in out
    assert "10 Connects expire on 10 January 2026" in out
    assert "purchase" in out and "bundle of 10" in out
