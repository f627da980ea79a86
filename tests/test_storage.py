"""Storage: create, migrate, write and read back every model; upgrades keep rows."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import ColumnElement, create_engine, select, text
from sqlalchemy.orm import Session

from app.errors import DatabaseError
from app.storage import migrations, open_database
from app.storage.ledger import connects_balance
from app.storage.models import (
    Base,
    JobPosting,
    LedgerEntry,
    Profile,
    Proposal,
    ProposalStatusChange,
    SavedReply,
    ScoreCard,
    Setting,
)
from app.storage.search import fts5_query, job_search_filter

WHEN = datetime(2026, 3, 1, 12, 30, tzinfo=UTC)


def matching(session: Session, query: str) -> ColumnElement[bool]:
    """The search clause for ``query``, which must have searchable words."""
    clause = job_search_filter(session, query)
    assert clause is not None, query
    return clause


def make_everything(session) -> dict[str, int]:
    profile = Profile(
        name="Web dev",
        title="Python & React developer",
        is_active=True,
        skills=[{"name": "React", "weight": 1.0, "synonyms": ["ReactJS"]}],
        min_hourly_rate=40,
        excluded_countries=["XX"],
    )
    job = JobPosting(
        dedup_key="upwork:~01abc",
        external_id="~01abc",
        url="https://www.upwork.com/jobs/~01abc",
        title="Build a React dashboard",
        description="Charts from our API. Deliverables: 3 pages.",
        skills=["React", "TypeScript"],
        budget_type="fixed",
        fixed_budget=500.0,
        posted_at=WHEN,
        client_payment_verified=True,
        client_rating=4.9,
        client_member_since=date(2020, 5, 1),
        missing_fields=["category"],
        raw_text="Build a React dashboard\nFixed-price",
    )
    session.add_all([profile, job])
    session.flush()
    card = ScoreCard(
        job_id=job.id,
        profile_id=profile.id,
        total=81,
        verdict="apply",
        factors=[{"name": "skills", "points": 30, "reason": "2 of 2 skills match"}],
        flags=[],
        matched_skills=["React"],
        rules_version="1",
    )
    reply = SavedReply(name="intro/short", kind="snippet", body="Hi {{ client.name }}")
    session.add_all([card, reply])
    session.flush()
    proposal = Proposal(job_id=job.id, profile_id=profile.id, reply_id=reply.id, text="Hi")
    proposal.history.append(ProposalStatusChange(from_status=None, to_status="draft", at=WHEN))
    session.add(proposal)
    session.flush()
    lot = LedgerEntry(at=WHEN, kind="purchase", amount=40, usd=6.0, note="bundle")
    session.add(lot)
    session.flush()
    session.add_all(
        [
            LedgerEntry(at=WHEN, kind="spend", amount=-8, proposal_id=proposal.id),
            LedgerEntry(at=WHEN, kind="expiry", amount=-2, lot_id=lot.id),
            Setting(key="score.apply_threshold", value=75),
        ]
    )
    return {"job": job.id, "profile": profile.id, "proposal": proposal.id}


def test_fresh_database_is_created_at_head(db) -> None:
    assert db.revision() == migrations.head_revision()
    assert set(db.row_counts()) == {t.name for t in Base.metadata.sorted_tables}


@pytest.mark.sqlite_only
def test_sqlite_pragmas_are_set(db) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_every_model_round_trips(db) -> None:
    with db.transaction() as session:
        ids = make_everything(session)
    with db.read() as session:
        job = session.get(JobPosting, ids["job"])
        assert job is not None
        assert job.skills == ["React", "TypeScript"]
        assert job.posted_at == WHEN and job.posted_at.tzinfo is not None
        assert job.client_member_since == date(2020, 5, 1)
        assert job.score_cards[0].factors[0]["points"] == 30
        profile = session.get(Profile, ids["profile"])
        assert profile is not None and profile.skills[0]["synonyms"] == ["ReactJS"]
        proposal = session.get(Proposal, ids["proposal"])
        assert proposal is not None and proposal.job.title == "Build a React dashboard"
        assert [h.to_status for h in proposal.history] == ["draft"]
        assert session.scalar(select(SavedReply.body)) == "Hi {{ client.name }}"
        assert connects_balance(session) == 30
        assert session.get(Setting, "score.apply_threshold").value == 75
    counts = db.row_counts()
    assert counts["ledger_entry"] == 3 and counts["proposal_status_change"] == 1


def test_foreign_keys_are_enforced(db) -> None:
    with pytest.raises(Exception, match=r"(?i)foreign key"), db.transaction() as session:
        session.add(Proposal(job_id=999, text="orphan"))
    with db.read() as session:
        assert session.scalars(select(Proposal)).all() == []


def test_a_lot_expires_only_once(db) -> None:
    with db.transaction() as session:
        lot = LedgerEntry(kind="bonus", amount=5)
        session.add(lot)
        session.flush()
        session.add(LedgerEntry(kind="expiry", amount=-5, lot_id=lot.id))
    with pytest.raises(Exception, match=r"(?i)unique"), db.transaction() as session:
        session.add(LedgerEntry(kind="expiry", amount=-5, lot_id=lot.id))


@pytest.mark.sqlite_only  # reads the FTS5 table itself (search parity: test_search_parity.py)
def test_full_text_search_follows_inserts_updates_and_deletes(db) -> None:
    with db.transaction() as session:
        ids = make_everything(session)
    with db.transaction() as session:
        found = session.scalars(select(JobPosting.id).where(matching(session, "dash")))
        assert list(found) == [ids["job"]]
        assert list(
            session.scalars(select(JobPosting.id).where(matching(session, "typescript")))
        ) == [ids["job"]]
        job = session.get(JobPosting, ids["job"])
        job.title = "Vue storefront"
    with db.transaction() as session:
        assert not list(
            session.scalars(select(JobPosting.id).where(matching(session, "dashboard")))
        )
        session.add(JobPosting(dedup_key="k2", title="Temporary", description="x"))
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM job_fts").scalar() == 2
    with db.transaction() as session:
        temp = session.scalar(select(JobPosting).where(JobPosting.dedup_key == "k2"))
        session.delete(temp)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM job_fts").scalar() == 1


def test_a_posting_with_proposals_cannot_be_deleted(db) -> None:
    with db.transaction() as session:
        ids = make_everything(session)
    with pytest.raises(Exception, match=r"(?i)foreign key"), db.transaction() as session:
        session.delete(session.get(JobPosting, ids["job"]))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("react", '"react"*'),
        ('c++ "AND" NEAR(', '"c" "AND" "NEAR"*'),
        ("full-stack dev*", '"full stack" "dev"*'),
        ("client's react", '"client s" "react"*'),
        ("  ", None),
        ("***", None),
    ],
)
def test_fts5_query_never_passes_operators_through(query: str, expected: str | None) -> None:
    assert fts5_query(query) == expected


def test_upgrade_from_first_revision_keeps_rows(db_path: Path) -> None:
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        migrations.upgrade(conn, "0001")
        conn.execute(
            text(
                "INSERT INTO job_posting (platform, dedup_key, title, description, skills, "
                "screening_questions, missing_fields, status, source, captured_at, created_at, "
                "updated_at) VALUES ('upwork', 'k1', 'Scrape listings with Python', 'old row', "
                "'[\"Python\"]', '[]', '[]', 'new', 'paste', :t, :t, :t)"
            ),
            {"t": "2025-01-01 00:00:00"},
        )
    engine.dispose()

    db = open_database(str(db_path))
    try:
        assert db.revision() == migrations.head_revision() != "0001"
        with db.read() as session:
            assert session.scalar(select(JobPosting.title)) == "Scrape listings with Python"
            hits = session.scalars(select(JobPosting.id).where(matching(session, "scrape")))
            assert len(list(hits)) == 1, "rows from before the search index are searchable"
    finally:
        db.close()
    backups = list(db_path.parent.glob("*.before-0001-*.bak"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT title FROM job_posting").fetchone()[0].startswith("Scrape")


def test_open_refuses_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="does not exist"):
        open_database(str(tmp_path / "nope" / "x.db"))


def test_open_refuses_a_foreign_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(DatabaseError, match="not a Proposal Workbench database"):
        open_database(str(path))


def test_open_refuses_a_file_that_is_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(DatabaseError, match="junk.db is damaged or not a database"):
        open_database(str(path))


def test_open_refuses_a_newer_schema(db_path: Path) -> None:
    open_database(str(db_path)).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(DatabaseError, match="newer"):
        open_database(str(db_path))


def test_the_tests_template_database_is_what_opening_a_new_file_makes(
    migrated_copy, tmp_path: Path
) -> None:
    """The ``db`` fixture copies one migrated file: the copy must be the same database as a
    new file opened here (schema, triggers, revision) and empty."""

    def schema(path: Path) -> list[tuple[str, str, str]]:
        with sqlite3.connect(path) as conn:
            rows = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
            return [tuple(row) for row in rows]

    fresh = tmp_path / "fresh.sqlite3"
    open_database(str(fresh)).close()
    copy = migrated_copy()
    db = open_database(str(copy))
    try:
        assert db.revision() == migrations.head_revision()
        assert set(db.row_counts().values()) == {0}
    finally:
        db.close()
    assert schema(copy) == schema(fresh)
    assert any(kind == "trigger" and name == "job_fts_update" for kind, name, _ in schema(copy))


def test_read_never_commits_and_transaction_does(db) -> None:
    from app.storage.models import JobPosting

    with db.read() as session:
        session.add(JobPosting(dedup_key="read", title="t"))
        session.flush()  # written inside the read's transaction, then dropped
        loaded = session.get(JobPosting, 1)
    assert loaded is not None and loaded.title == "t"  # objects stay readable after the block
    with db.read() as session:
        assert session.query(JobPosting).count() == 0
    with db.transaction() as session:
        session.add(JobPosting(dedup_key="tx", title="t"))
    with db.read() as session:
        assert session.query(JobPosting).count() == 1
