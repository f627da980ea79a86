"""Applied is a state of the job; submitting is safe (fill-ins, duplicates, defaults, overdraw)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import ledger
from app.cli import main
from app.domain import OPEN_JOB_STATUSES, BudgetType, JobStatus
from app.drafting.lints import describe_unfinished, unfinished
from app.profiles import default_profile, save_profile
from app.proposals import (
    earlier_proposals,
    overdraw_warning,
    save_draft,
    submit_defaults,
    submit_proposal,
)
from app.storage import open_database
from app.storage.jobs import JobQuery, fetch_jobs, get_job
from app.storage.models import JobPosting, Profile, Proposal

pytestmark = pytest.mark.clock  # submissions are checked against the time

SENT = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def add_job(session, key: str, **fields) -> int:
    job = JobPosting(dedup_key=key, title=fields.pop("title", f"Job {key}"), **fields)
    session.add(job)
    session.flush()
    return job.id


def profile(session) -> Profile:
    return save_profile(
        session, default_profile("Default", skills=["Python"], hourly_rate=48.0, your_name="Ana")
    )


def test_submitting_marks_the_posting_applied_and_it_leaves_the_open_queue(db) -> None:
    with db.transaction() as session:
        sent, drafted, untouched = (add_job(session, k) for k in "abc")
        submit_proposal(session, job_id=sent, connects=8, at=SENT)
        save_draft(session, job_id=drafted, text="Hello", at=SENT)
    with db.read() as session:
        assert get_job(session, sent).status == JobStatus.APPLIED == "applied"
        assert get_job(session, drafted).status == "new"  # a draft is not an application
        open_rows = fetch_jobs(session, JobQuery(statuses=OPEN_JOB_STATUSES))
        assert sorted(r.id for r in open_rows) == [drafted, untouched]
        badges = {r.id: r.proposal_status for r in fetch_jobs(session, JobQuery())}
        assert badges == {sent: "submitted", drafted: "draft", untouched: None}
        by_score = fetch_jobs(session, JobQuery(sort="score"))
        assert {r.id: r.proposal_status for r in by_score} == badges
        applied = fetch_jobs(session, JobQuery(statuses=("applied",)))
        assert [r.id for r in applied] == [sent]


def test_earlier_proposals_are_described_for_the_question(db, set_clock) -> None:
    set_clock(SENT + timedelta(days=2))
    with db.transaction() as session:
        job = add_job(session, "a")
        first = submit_proposal(session, job_id=job, connects=8, at=SENT)
        draft = save_draft(session, job_id=job, text="Again?")
        assert earlier_proposals(session, job, sent_only=True) == [
            f"proposal {first.id} (submitted 2026-11-20)"
        ]
        assert earlier_proposals(session, job, besides=first.id) == [
            f"proposal {draft.id} (a draft)"
        ]
        from app.proposals import change_status

        change_status(session, first.id, "viewed", at=SENT + timedelta(days=1))
        assert earlier_proposals(session, job, sent_only=True) == [
            f"proposal {first.id} (submitted 2026-11-20, now viewed)"
        ]


def test_defaults_take_connects_from_the_posting_else_the_median(db) -> None:
    with db.transaction() as session:
        me = profile(session)
        named = add_job(session, "a", connects_required=12, budget_type="hourly")
        unnamed = add_job(session, "b", budget_type="fixed", fixed_budget=400.0)
        vague = add_job(session, "c")
        first = submit_defaults(session, unnamed, me)
        assert (first.connects, first.connects_source) == (
            8,
            "a typical proposal (the posting does not say)",
        )
        for n, cost in enumerate((4, 10, 16)):
            other = add_job(session, f"sent{n}")
            submit_proposal(session, job_id=other, connects=cost, at=SENT + timedelta(hours=n))
        invited = add_job(session, "inv")
        submit_proposal(session, job_id=invited, connects=99, invited=True, at=SENT)

        hourly = submit_defaults(session, named, me)
        assert (hourly.connects, hourly.connects_source) == (12, "as the posting says")
        assert (hourly.bid, hourly.bid_kind, hourly.bid_source) == (
            48.0,
            "hourly",
            "your hourly rate",
        )
        fixed = submit_defaults(session, unnamed, me)
        assert (fixed.connects, fixed.connects_source) == (
            10,
            "the median of your last 3 proposals",
        )
        assert (fixed.bid, fixed.bid_kind) == (400.0, "fixed")
        unknown = submit_defaults(session, vague, me)
        assert (unknown.bid, unknown.bid_kind) == (48.0, None)
        assert unknown.balance == ledger.balance(session) == -30


def test_a_fixed_posting_without_a_budget_bids_your_minimum(db) -> None:
    with db.transaction() as session:
        me = profile(session)
        job = add_job(session, "a", budget_type=BudgetType.FIXED.value)
        got = submit_defaults(session, job, me)
        assert (got.bid, got.bid_kind, got.bid_source) == (
            me.min_fixed_budget,
            "fixed",
            "your minimum fixed budget",
        )
        assert submit_defaults(session, job, None).bid is None


def test_overdraw_warning_says_where_the_balance_would_go() -> None:
    assert overdraw_warning(10, 8) is None
    assert overdraw_warning(10, 10) is None
    assert overdraw_warning(-5, 0) is None  # an invitation costs nothing
    warning = overdraw_warning(10, 16)
    assert warning is not None and "costs 16 Connects" in warning and "go to -6" in warning


def test_unfinished_text_names_fill_ins_and_placeholders() -> None:
    text = "Hi,\nSee [Link to a similar project]. TODO: rates.\n[Your name]"
    lints = unfinished(text)
    assert [lint.rule for lint in lints] == ["fill-in", "placeholder", "fill-in"]
    assert describe_unfinished(lints) == (
        "3 fill-ins or placeholders are left: [Link to a similar project], 'TODO', [Your name]"
    )
    assert unfinished("Hi, see https://example.com/work [docs](https://x.y).") == []


# -- pwb submit ------------------------------------------------------------------------------


@pytest.fixture
def dbfile(tmp_path: Path, migrated_copy) -> str:
    path = migrated_copy(tmp_path / "w.sqlite3")
    db = open_database(str(path))
    with db.transaction() as session:
        session.add(
            JobPosting(dedup_key="k", title="Django fix", description="500s", connects_required=6)
        )
    db.close()
    return str(path)


def run(capsys, dbfile: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", dbfile, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def proposals(dbfile: str) -> list[tuple[int, str, int]]:
    db = open_database(dbfile)
    try:
        with db.read() as session:
            rows = session.execute(
                select(Proposal.job_id, Proposal.status, Proposal.connects_spent)
            )
            return [tuple(r) for r in rows]  # type: ignore[misc]
    finally:
        db.close()


def test_pwb_submit_refuses_unfinished_text_with_exit_3_unless_forced(
    capsys, dbfile: str, tmp_path: Path
) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text("Hello,\nMy work: [Link to a similar project].\nAna", encoding="utf-8")
    code, out, err = run(capsys, dbfile, "submit", "1", "--text", str(letter))
    assert code == 3 and out == ""
    assert "1 fill-in or placeholder is left: [Link to a similar project]" in err
    assert "--force" in err and len(err.strip().splitlines()) == 1
    assert proposals(dbfile) == []
    code, out, err = run(capsys, dbfile, "submit", "1", "--text", str(letter), "--force")
    assert code == 0 and out.strip() == "1"
    assert "6 Connects (as the posting says)" in err
    assert proposals(dbfile) == [(1, "submitted", 6)]


def test_pwb_submit_asks_for_again_on_a_job_already_applied_to(capsys, dbfile: str) -> None:
    assert run(capsys, dbfile, "submit", "1", "--connects", "6")[0] == 0
    code, _, err = run(capsys, dbfile, "submit", "1", "--connects", "6")
    assert code == 2 and "job 1 was already applied to: proposal 1 (submitted" in err
    assert "--again" in err
    assert len(proposals(dbfile)) == 1
    assert run(capsys, dbfile, "submit", "1", "--connects", "6", "--again")[0] == 0
    db = open_database(dbfile)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Proposal)) == 2
        assert get_job(session, 1).status == "applied"
    db.close()


def test_a_draft_text_can_be_updated_until_it_is_sent(db) -> None:
    from app.drafting.pipeline import count_proposals
    from app.errors import InputError
    from app.proposals import update_draft

    with db.transaction() as session:
        job = add_job(session, "a")
        draft = save_draft(session, job_id=job, text="v1", at=SENT)
        assert update_draft(session, draft.id, "v2") == draft.id
        assert draft.text == "v2" and count_proposals(session) == 1
        submit_proposal(session, job_id=job, connects=4, proposal_id=draft.id, at=SENT)
        with pytest.raises(InputError, match="is submitted: its text is what was sent"):
            update_draft(session, draft.id, "v3")


def test_pwb_draft_save_says_the_job_already_has_a_proposal(capsys, dbfile: str) -> None:
    assert run(capsys, dbfile, "submit", "1", "--connects", "6")[0] == 0
    code, _out, err = run(capsys, dbfile, "draft", "1", "--save")
    assert code in (0, 3)  # 3: fill-ins left for the user
    assert "note: job 1 already has proposal 1 (submitted" in err
    assert "saved draft proposal 2" in err
