"""First run: the profile with your name, the Connects balance reconciled once, the signature."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from app import ledger
from app.domain import PostingFacts
from app.drafting.draft import make_draft
from app.errors import InputError
from app.onboarding import FirstRunAnswers, complete_first_run
from app.profiles import active_profile, profile_from_toml, profile_to_toml, spec_of
from app.replies import get_reply, parse_reply_file, seed_starter_replies
from app.storage import migrations, open_database
from app.storage.models import JobPosting, LedgerEntry

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"

POSTING = PostingFacts(
    title="Sync Shopify orders to a Google Sheet",
    description="We need orders from our Shopify store copied into a Google Sheet every hour.",
    skills=["Python", "Shopify", "Google Sheets"],
    category="Scripts & Utilities",
)


def answers(name: str = "Ana Pereira", balance: int | None = 42) -> FirstRunAnswers:
    return FirstRunAnswers(
        your_name=name,
        title="Python automation developer",
        skills="Python, Shopify",
        hourly_rate=45.0,
        connects_balance=balance,
    )


def test_first_run_stores_the_profile_with_your_name_and_reconciles_once(db) -> None:
    with db.transaction() as session:
        result = complete_first_run(session, answers())
        assert result.reconciled is not None and result.reconciled.amount == 42
    with db.read() as session:
        profile = active_profile(session)
        assert profile is not None and profile.is_active
        assert profile.your_name == "Ana Pereira"
        assert profile.name == "Default"  # the profile's label, not who signs
        assert [s["name"] for s in profile.skills] == ["Python", "Shopify"]
        assert profile.min_hourly_rate == 45.0
        assert ledger.balance(session) == 42
        entries = list(session.scalars(select(LedgerEntry)))
        assert [(e.kind, e.amount) for e in entries] == [("correction", 42)]


def test_first_run_without_a_balance_posts_nothing(db) -> None:
    with db.transaction() as session:
        assert complete_first_run(session, answers(balance=None)).reconciled is None
    with db.read() as session:
        assert session.scalars(select(LedgerEntry)).first() is None


def test_first_run_needs_a_skill_and_stores_nothing_without_one(db) -> None:
    bad = FirstRunAnswers("Ana", "Dev", " , ", 40.0, 10)
    with pytest.raises(InputError, match="at least one skill"), db.transaction() as session:
        complete_first_run(session, bad)
    with db.read() as session:
        assert active_profile(session) is None
        assert ledger.balance(session) == 0


def test_your_name_round_trips_through_toml() -> None:
    spec = profile_from_toml('name = "Web"\nyour_name = "Ana Pereira"\n')
    assert spec.your_name == "Ana Pereira"
    assert profile_from_toml(profile_to_toml(spec)) == spec


def _closing_text(db) -> str:
    with db.transaction() as session:
        seed_starter_replies(session)
        draft = make_draft(session, POSTING, reply_name="proposal/data-automation")
    assert draft.problem is None
    return draft.text


def test_the_starter_closing_signs_with_your_name(db) -> None:
    with db.transaction() as session:
        complete_first_run(session, answers())
    text = _closing_text(db)
    assert text.rstrip().endswith("Ana Pereira")
    assert "Default" not in text


def test_without_your_name_the_closing_leaves_a_fill_in_never_the_profile_name(db) -> None:
    with db.transaction() as session:
        complete_first_run(session, answers(name="  "))
        assert spec_of(active_profile(session)).your_name == ""  # type: ignore[arg-type]
    text = _closing_text(db)
    assert text.rstrip().endswith("[Your name]")
    assert "Default" not in text


def test_upgrading_fixes_the_unedited_starter_closing_and_marks_sent_postings_applied(
    tmp_path: Path,
) -> None:
    """A database made before 0010 signed with ``profile.name``; the upgrade fixes the
    shipped closing, and leaves one the user rewrote alone."""
    path = tmp_path / "old.sqlite3"
    shipped = parse_reply_file((TEMPLATES / "closing" / "call.j2").read_text("utf-8")).body
    old = shipped.replace('{{ profile.your_name | default("[Your name]") }}', "{{ profile.name }}")
    assert old != shipped
    engine = create_engine(f"sqlite:///{path}")
    insert = text(
        "INSERT INTO saved_reply (name, kind, description, body, categories, skills, "
        "is_starter, created_at, updated_at) "
        "VALUES (:name, 'snippet', '', :body, '[]', '[]', 1, :t, :t)"
    )
    with engine.begin() as conn:
        migrations.upgrade(conn, "0006")
        conn.execute(insert, {"name": "closing/call", "body": old, "t": "2026-01-01 00:00:00"})
        conn.execute(
            insert,
            {
                "name": "closing/mine",
                "body": "Cheers,\n{{ profile.name }}\n",
                "t": "2026-01-01 00:00:00",
            },
        )
        conn.execute(
            text(
                "INSERT INTO profile (name, title, is_active, skills, preferred_categories, "
                "experience_levels, require_payment_verified, excluded_countries, "
                "include_keywords, exclude_keywords, connect_price_usd, plan, rule_overrides, "
                "created_at, updated_at) VALUES ('Default', 'Dev', 1, '[]', '[]', '[]', 0, '[]', "
                "'[]', '[]', 0.15, 'basic', '{}', :t, :t)"
            ),
            {"t": "2026-01-01 00:00:00"},
        )
        for key, status in (("sent", "submitted"), ("drafted", "draft")):
            conn.execute(
                text(
                    "INSERT INTO job_posting (platform, dedup_key, title, description, skills, "
                    "screening_questions, missing_fields, status, source, captured_at, "
                    "created_at, updated_at) VALUES ('upwork', :k, :k, '', '[]', '[]', '[]', "
                    "'new', 'paste', :t, :t, :t)"
                ),
                {"k": key, "t": "2026-01-01 00:00:00"},
            )
            conn.execute(
                text(
                    "INSERT INTO proposal (job_id, text, connects_spent, boost_connects, invited, "
                    "status, created_at, updated_at) SELECT id, '', 8, 0, 0, :s, :t, :t "
                    "FROM job_posting WHERE dedup_key = :k"
                ),
                {"k": key, "s": status, "t": "2026-01-01 00:00:00"},
            )
    engine.dispose()
    db = open_database(str(path))
    try:
        with db.read() as session:
            assert get_reply(session, "closing/call").body == shipped
            assert get_reply(session, "closing/mine").body == "Cheers,\n{{ profile.name }}\n"
            profile = active_profile(session)
            assert profile is not None and profile.your_name == ""
            rows = session.execute(select(JobPosting.dedup_key, JobPosting.status))
            statuses = {key: status for key, status in rows}
            assert statuses == {"sent": "applied", "drafted": "new"}
    finally:
        db.close()
