"""Revision 0008's keys: a month's allocation once per plan, duplicates from before reversed;
a submission judged against the balance after what fell due was posted."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import IntegrityError

from app import ledger
from app.domain import PostingFacts
from app.proposals import submit_proposal
from app.storage import migrations, open_database
from app.storage.files import APPLICATION_ID
from app.storage.jobs import add_posting
from app.storage.models import LedgerEntry

pytestmark = pytest.mark.clock

NOV = "2026-11-01 00:00:00.000000"
DEC = "2026-12-01 00:00:00.000000"


def _entry(conn, at: str, kind: str, amount: int, note: str) -> None:
    conn.execute(
        text(
            "INSERT INTO ledger_entry (at, kind, amount, note, expires_at, created_at) "
            "VALUES (:at, :kind, :amount, :note, :expires, :at)"
        ),
        {"at": at, "kind": kind, "amount": amount, "note": note, "expires": "2027-11-01 00:00:00"},
    )


def test_upgrade_keys_the_allocations_and_reverses_the_ones_posted_twice(
    tmp_path: Path, set_clock
) -> None:
    set_clock(datetime(2026, 12, 2, 9, tzinfo=UTC))
    path = tmp_path / "w.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrations.upgrade(conn, "0006")
        _entry(conn, "2026-10-15 00:00:00.000000", "bonus", 5, "welcome")
        for _ in range(3):  # three processes caught up at once in November
            _entry(conn, NOV, "allocation", 10, "Basic plan, November 2026")
        _entry(conn, DEC, "allocation", 10, "Basic plan, December 2026")
        _entry(conn, DEC, "allocation", 10, "from the platform's email")  # by hand: no key
    engine.dispose()
    db = open_database(str(path))
    try:
        with db.read() as session:
            entries = session.scalars(select(LedgerEntry).order_by(LedgerEntry.id)).all()
            keyed = [(e.id, e.period, e.plan) for e in entries if e.period]
            assert keyed == [(2, "2026-11", "basic"), (5, "2026-12", "basic")]
            reversals = [e for e in entries if e.kind == "correction"]
            assert [(e.amount, clock_at(e)) for e in reversals] == [(-10, NOV[:19])] * 2
            assert all("#2 is the one kept" in e.note for e in reversals)
            assert ledger.balance(session) == 5 + 10 + 10 + 10
        with pytest.raises(IntegrityError), db.transaction() as session:
            session.add(LedgerEntry(kind="allocation", amount=10, period="2026-11", plan="basic"))
    finally:
        db.close()
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def clock_at(entry: LedgerEntry) -> str:
    return entry.at.strftime("%Y-%m-%d %H:%M:%S")


def test_catch_up_keys_each_allocation_it_posts(db, set_clock) -> None:
    set_clock(datetime(2026, 9, 5, tzinfo=UTC))
    with db.transaction() as session:
        ledger.post_entry(session, "bonus", 5)
    set_clock(datetime(2026, 12, 2, tzinfo=UTC))
    posted = ledger.catch_up_database(db)
    assert [(e.period, e.plan) for e in posted if e.kind == "allocation"] == [
        ("2026-10", "basic"),
        ("2026-11", "basic"),
        ("2026-12", "basic"),
    ]
    assert ledger.catch_up_database(db) == []


def test_a_submission_is_judged_against_the_balance_after_due_expiries(db, set_clock) -> None:
    """10 Connects credited a year ago expired yesterday, unposted: spending 8 today is an
    overdraft, and the note says so (it used to see 10 and say nothing)."""
    set_clock(datetime(2025, 12, 1, 12, tzinfo=UTC))
    with db.transaction() as session:
        ledger.post_entry(session, "purchase", 10, usd=1.5)
        job, _ = add_posting(session, PostingFacts(title="Fix Django", description="x"))
    set_clock(datetime(2026, 12, 2, 12, tzinfo=UTC))
    with db.transaction() as session:
        # the monthly allocations are a plan's; none on this profile-less ledger's Basic
        # plan would hide the expiry, so allocations are switched off for the test
        ledger_settings_no_allocation(session)
        proposal = submit_proposal(session, job_id=job.id, connects=8)
    with db.read() as session:
        spend = session.scalar(
            select(LedgerEntry).where(
                LedgerEntry.kind == "spend", LedgerEntry.proposal_id == proposal.id
            )
        )
        assert spend is not None and "overdraft: balance -8" in spend.note
        assert session.scalar(select(LedgerEntry).where(LedgerEntry.kind == "expiry")) is not None


def ledger_settings_no_allocation(session) -> None:
    from app import settings

    settings.set_value(
        session, "connects.monthly_allocation", {"basic": 0, "freelancer_plus": 0, "agency": 0}
    )
