"""Members (revision 0012): who made what, roles, each member's profile, Insights per member,
and no lost updates when two members save the same saved reply."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text

from app import replies
from app.cli import main
from app.insights import compute_insights
from app.ledger import buy, reconcile
from app.profiles import ProfileSpec, active_profile, save_profile, use_profile
from app.proposals import change_status, submit_proposal
from app.replies import create_reply, get_reply, save_reply, save_reply_file, update_reply
from app.storage import Database, migrations, open_database
from app.storage.jobs import delete_jobs
from app.storage.members import (
    INFO_NAME,
    ConflictError,
    PermissionDeniedError,
    acting_member,
    add_member,
    get_member,
    list_members,
    set_role,
)
from app.storage.models import JobPosting, LedgerEntry, Member, ProposalStatusChange

pytestmark = pytest.mark.clock  # submits and posts entries "now"

NOON = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _as(db: Database, name: str | None) -> Database:
    """The same database, with sessions acting as ``name`` (what ``--member`` does)."""
    return Database(url=db.url, engine=db.engine, session_factory=db.session_factory, member=name)


def target_of(db: Database) -> str:
    """What ``pwb --db`` takes for this database: its file, or its server URL."""
    return str(db.path) if db.path is not None else db.url.render_as_string(hide_password=False)


@pytest.fixture
def team(db: Database) -> Database:
    with db.transaction() as session:
        add_member(session, "Ann", "admin")
        add_member(session, "Ben", "member")
        session.add(JobPosting(dedup_key="a", title="Django fix", description="500s"))
        session.add(JobPosting(dedup_key="b", title="React page", description="hooks"))
        buy(session, 80, at=NOON)
    return db


def test_a_new_database_has_one_implicit_owner_and_a_solo_freelancer_names_nobody(
    db: Database,
) -> None:
    with db.transaction() as session:
        owner = acting_member(session)
        entry = buy(session, 40, at=NOON)
        assert entry.member_id == owner.id
        assert [(m.name, m.role) for m in list_members(session)] == [("owner", "owner")]


def test_every_proposal_status_change_and_ledger_entry_records_who_made_it(team) -> None:
    with _as(team, "Ben").transaction() as session:
        job = session.scalars(select(JobPosting).where(JobPosting.dedup_key == "a")).one()
        proposal = submit_proposal(session, job_id=job.id, connects=8, at=NOON)
        pid = proposal.id
    with _as(team, "Ann").transaction() as session:
        change_status(session, pid, "viewed", at=NOON)
    with team.read() as session:
        names = {m.id: m.name for m in list_members(session)}
        changes = session.scalars(
            select(ProposalStatusChange).where(ProposalStatusChange.proposal_id == pid)
        ).all()
        assert [(c.to_status, names[c.member_id]) for c in changes] == [
            ("submitted", "Ben"),
            ("viewed", "Ann"),
        ]
        spend = session.scalars(select(LedgerEntry).where(LedgerEntry.proposal_id == pid)).one()
        assert names[spend.member_id] == "Ben"
        purchase = session.scalars(select(LedgerEntry).where(LedgerEntry.kind == "purchase")).one()
        assert names[purchase.member_id] == "owner"


def test_only_owners_and_admins_buy_reconcile_and_delete(team) -> None:
    for action in (
        lambda s: buy(s, 40, at=NOON),
        lambda s: reconcile(s, 10, at=NOON),
        lambda s: delete_jobs(s, [1]),
    ):
        who = _as(team, "Ben").transaction()
        with (
            pytest.raises(PermissionDeniedError, match="Ben is a member: only owners and admins"),
            who as session,
        ):
            action(session)
    with _as(team, "Ann").transaction() as session:
        buy(session, 40, at=NOON)
        assert delete_jobs(session, [1]) == [1]
    with team.read() as session:
        assert session.scalar(select(JobPosting.deleted_at).where(JobPosting.id == 2)) is None


def test_roles_change_but_the_last_owner_stays_and_admins_cannot_make_owners(team) -> None:
    who = _as(team, "Ann").transaction()
    with pytest.raises(PermissionDeniedError, match="only owners"), who as session:
        set_role(session, "Ben", "owner")
    with pytest.raises(Exception, match="the only owner"), team.transaction() as session:
        set_role(session, "owner", "admin")
    with team.transaction() as session:
        set_role(session, "Ann", "owner")
        set_role(session, "owner", "member")
    with team.read() as session:
        assert {m.name: m.role for m in list_members(session)} == {
            "owner": "member",
            "Ann": "owner",
            "Ben": "member",
        }


def test_each_member_has_an_active_profile_of_their_own(team) -> None:
    with team.transaction() as session:
        save_profile(session, ProfileSpec(name="Django"))
        save_profile(session, ProfileSpec(name="React"))
    with _as(team, "Ann").transaction() as session:
        use_profile(session, "React")
    with _as(team, "Ben").transaction() as session:
        use_profile(session, "Django")
    for name, expected in (("Ann", "React"), ("Ben", "Django")):
        with _as(team, name).read() as session:
            profile = active_profile(session)
            assert profile is not None and profile.name == expected


def test_insights_filter_by_member(team) -> None:
    with _as(team, "Ben").transaction() as session:
        submit_proposal(session, job_id=1, connects=8, at=NOON)
    with _as(team, "Ann").transaction() as session:
        pid = submit_proposal(session, job_id=2, connects=12, at=NOON).id
        change_status(session, pid, "hired", at=NOON, revenue_usd=500)
    with team.read() as session:
        ids = {m.name: m.id for m in list_members(session)}
        everyone = compute_insights(session)
        ann = compute_insights(session, member_id=ids["Ann"])
        ben = compute_insights(session, member_id=ids["Ben"])
    assert (everyone.total.proposals, everyone.connects_spent) == (2, 20)
    assert (ann.total.proposals, ann.total.hired, ann.connects_spent) == (1, 1, 12)
    assert (ben.total.proposals, ben.total.hired, ben.connects_spent) == (1, 0, 8)
    assert ann.member == "Ann"


def test_pwb_report_member_and_acting_as_a_member(capsys, team) -> None:
    db = target_of(team)
    assert main(["--db", db, "--member", "Ben", "submit", "1", "--connects", "8"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "report", "--member", "Ben", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["proposals"] == 1
    assert main(["--db", db, "report", "--member", "Ann", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["proposals"] == 0
    assert main(["--db", db, "report", "--member", "Zed"]) == 2
    assert "no member named 'Zed'" in capsys.readouterr().err


def test_pwb_members_commands(capsys, monkeypatch, team) -> None:
    db = target_of(team)
    assert main(["--db", db, "members", "add", "Cy", "--role", "admin", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["role"] == "admin"
    assert main(["--db", db, "members", "role", "Cy", "member"]) == 0
    assert "Cy is now member" in capsys.readouterr().out
    monkeypatch.setenv("PWB_MEMBER", "Ben")
    assert main(["--db", db, "members", "add", "Dee"]) == 2
    assert "only owners and admins may add members" in capsys.readouterr().err
    assert main(["--db", db, "ledger", "buy", "40"]) == 2
    assert "Ben is a member" in capsys.readouterr().err
    monkeypatch.setenv("PWB_MEMBER", "Nobody")
    assert main(["--db", db, "replies", "list"]) == 2
    assert "no member named 'Nobody'" in capsys.readouterr().err
    monkeypatch.delenv("PWB_MEMBER")
    assert main(["--db", db, "members", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["name"], r["role"]) for r in rows] == [
        ("owner", "owner"),
        ("Ann", "admin"),
        ("Ben", "member"),
        ("Cy", "member"),
    ]


# -- no lost updates --------------------------------------------------------------------


def test_two_members_editing_one_reply_the_second_is_told(team, set_clock) -> None:
    with team.transaction() as session:
        save_reply(session, "proposal/web", "Hello {{ client.name }}")
    with team.read() as session:
        loaded = get_reply(session, "proposal/web").version  # both editors open version N
    set_clock(datetime(2026, 11, 21, 9, 30, tzinfo=UTC))
    with _as(team, "Ann").transaction() as session:
        save_reply(session, "proposal/web", "Ann's text", expected_version=loaded)
    with pytest.raises(ConflictError) as told, _as(team, "Ben").transaction() as session:
        save_reply(session, "proposal/web", "Ben's text", expected_version=loaded)
    assert "changed by Ann at 2026-11-21 09:30 UTC" in str(told.value)
    assert "reload or overwrite?" in str(told.value)
    assert told.value.who == "Ann"
    with team.read() as session:
        reply = get_reply(session, "proposal/web")
        assert reply.body == "Ann's text" and reply.version == loaded + 1
    with _as(team, "Ben").transaction() as session:  # Overwrite: saved over what is there
        update_reply(
            session,
            "proposal/web",
            new_name="proposal/web",
            body="Ben's text",
            kind="proposal",
            description="",
            categories=[],
            skills=[],
            expected_version=loaded + 1,
        )
    with team.read() as session:
        assert get_reply(session, "proposal/web").body == "Ben's text"


def test_profiles_refuse_a_save_over_a_newer_version(team) -> None:
    with team.transaction() as session:
        loaded = save_profile(session, ProfileSpec(name="Django")).version
    with _as(team, "Ann").transaction() as session:
        save_profile(session, ProfileSpec(name="Django", title="Backend"), expected_version=loaded)
    who = _as(team, "Ben").transaction()
    with pytest.raises(ConflictError, match="profile 'Django' was changed by Ann"), who as session:
        save_profile(session, ProfileSpec(name="Django", title="B"), expected_version=loaded)


def test_two_saves_from_one_version_at_the_same_moment_one_is_told(team) -> None:
    """The check and the save are one UPDATE ... WHERE version = N: a save that lost the
    race between its check and its write is refused, not applied over the other."""
    with team.transaction() as session:
        save_reply(session, "intro/x", "v1")
    who = _as(team, "Ben").transaction()
    with pytest.raises(ConflictError, match="at the same moment"), who as session:
        reply = get_reply(session, "intro/x")
        with team.engine.begin() as other:  # Ann's save lands between check and write
            other.execute(
                text(
                    "UPDATE saved_reply SET body = 'Ann', version = version + 1 "
                    "WHERE name = 'intro/x'"
                )
            )
        reply.body = "Ben"
    with team.read() as session:
        assert get_reply(session, "intro/x").body == "Ann"


@pytest.mark.parametrize("second_check", ["sees it", "misses it too"])
def test_creating_the_same_reply_name_at_once_is_a_clear_message(
    team, monkeypatch: pytest.MonkeyPatch, second_check: str
) -> None:
    """Ben's check finds no ``proposal/new``; Ann creates it before Ben writes. Whether
    Ben's save then sees Ann's row or (on a server, both checks before either insert)
    runs into the unique constraint, Ben gets one clear line, not exit 70."""
    real = replies.find_reply
    calls: list[str] = []

    def racing(session, name):
        if session.info.get(INFO_NAME) == "Ann":
            return real(session, name)
        found = real(session, name)
        if not calls:
            calls.append(name)
            with _as(team, "Ann").transaction() as other:
                save_reply(other, name, "Ann's")
        return None if second_check == "misses it too" else found

    monkeypatch.setattr(replies, "find_reply", racing)
    who = _as(team, "Ben").transaction()
    with (
        pytest.raises(replies.InputError, match="was just created by someone else"),
        who as session,
    ):
        create_reply(session, "proposal/new", "Ben's")
    monkeypatch.setattr(replies, "find_reply", real)
    with team.read() as session:
        assert get_reply(session, "proposal/new").body == "Ann's"


def test_cli_replies_add_refuses_a_file_taken_from_an_older_version(
    capsys, team, tmp_path: Path
) -> None:
    db = target_of(team)
    assert main(["--db", db, "replies", "show", "intro/short"]) == 0
    shown = capsys.readouterr().out
    assert "\nversion = " in shown
    ann, ben = tmp_path / "ann.j2", tmp_path / "ben.j2"
    ann.write_text(shown + "Ann\n", encoding="utf-8")
    ben.write_text(shown + "Ben\n", encoding="utf-8")
    assert main(["--db", db, "--member", "Ann", "replies", "add", "intro/short", str(ann)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "--member", "Ben", "replies", "add", "intro/short", str(ben)]) == 2
    err = capsys.readouterr().err
    assert "changed by Ann at" in err and "reload or overwrite?" in err
    with team.read() as session:
        assert get_reply(session, "intro/short").body.endswith("Ann\n")
    argv = ["--db", db, "--member", "Ben", "replies", "add", "intro/short", str(ben), "--force"]
    assert main(argv) == 0
    with team.read() as session:
        assert get_reply(session, "intro/short").body.endswith("Ben\n")


def test_a_reply_file_version_must_be_a_whole_number(db) -> None:
    with (
        pytest.raises(replies.InputError, match="version must be a whole number"),
        db.transaction() as session,
    ):
        save_reply_file(session, "x", '{#---\nversion = "2"\n---#}\nbody')


# -- the upgrade -----------------------------------------------------------------------


def test_upgrading_makes_the_your_name_owner_and_gives_them_existing_rows(
    tmp_path: Path, migrated_copy: Callable[..., Path]
) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    t = "2026-01-01 00:00:00"
    with engine.begin() as conn:
        migrations.upgrade(conn, "0010")
        conn.execute(
            text(
                "INSERT INTO profile (name, your_name, title, is_active, skills, "
                "preferred_categories, experience_levels, require_payment_verified, "
                "excluded_countries, include_keywords, exclude_keywords, connect_price_usd, plan, "
                "rule_overrides, created_at, updated_at) VALUES ('Default', 'Maria Lopez', 'Dev', "
                "1, '[]', '[]', '[]', 0, '[]', '[]', '[]', 0.15, 'basic', '{}', :t, :t)"
            ),
            {"t": t},
        )
        conn.execute(
            text(
                "INSERT INTO ledger_entry (at, kind, amount, note, created_at) "
                "VALUES (:t, 'purchase', 40, '', :t)"
            ),
            {"t": t},
        )
    engine.dispose()
    db = open_database(str(path))
    try:
        with db.read() as session:
            owner = session.scalars(select(Member)).one()
            assert (owner.name, owner.role) == ("Maria Lopez", "owner")
            assert session.scalar(select(LedgerEntry.member_id)) == owner.id
            assert active_profile(session).name == "Default"  # type: ignore[union-attr]
            assert session.scalar(text("SELECT version FROM profile")) == 1
    finally:
        db.close()


def test_cli_profile_import_refuses_a_file_exported_from_an_older_version(
    capsys, team, tmp_path: Path
) -> None:
    """``profile export`` writes the version; ``import`` checks it, ``--force`` overwrites."""
    db = target_of(team)
    with team.transaction() as session:
        save_profile(session, ProfileSpec(name="Django", title="Backend"))
    ann, ben = tmp_path / "ann.toml", tmp_path / "ben.toml"
    for path in (ann, ben):
        assert main(["--db", db, "profile", "export", str(path), "--profile", "Django"]) == 0
    exported = ann.read_text(encoding="utf-8")
    assert "\nversion = 1\n" in exported
    ann.write_text(exported.replace('"Backend"', '"Ann\'s title"'), encoding="utf-8")
    ben.write_text(exported.replace('"Backend"', '"Ben\'s title"'), encoding="utf-8")
    argv = ["profile", "import", "--no-rescore"]
    assert main(["--db", db, "--member", "Ann", *argv, str(ann)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "--member", "Ben", *argv, str(ben)]) == 2
    err = capsys.readouterr().err
    assert "profile 'Django' was changed by Ann at" in err and "reload or overwrite?" in err
    assert err.count("\n") == 1
    with team.read() as session:
        assert session.scalar(text("SELECT title FROM profile WHERE name = 'Django'")) == (
            "Ann's title"
        )
    assert main(["--db", db, "--member", "Ben", *argv, str(ben), "--force"]) == 0
    with team.read() as session:
        assert session.scalar(text("SELECT title FROM profile WHERE name = 'Django'")) == (
            "Ben's title"
        )
    # a file without a version (written by hand, or by an older pwb) saves as before
    ann.write_text(exported.replace("version = 1\n", ""), encoding="utf-8")
    assert main(["--db", db, *argv, str(ann)]) == 0


def test_a_profile_file_version_must_be_a_whole_number(capsys, team, tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text('name = "Django"\nversion = "2"\n', encoding="utf-8")
    assert main(["--db", target_of(team), "profile", "import", str(path), "--no-rescore"]) == 2
    err = capsys.readouterr().err
    assert "line 2 key 'version' must be a whole number" in err
    with team.read() as session:
        assert session.scalar(text("SELECT count(*) FROM profile WHERE name = 'Django'")) == 0


def test_cli_status_refuses_a_proposal_changed_since_the_version_seen(capsys, team) -> None:
    db = target_of(team)
    with team.transaction() as session:
        job_id = session.scalar(select(JobPosting.id).where(JobPosting.dedup_key == "a"))
        proposal = submit_proposal(session, job_id=job_id, connects=8, at=NOON)
        proposal_id = proposal.id
    assert main(["--db", db, "proposals", "--json"]) == 0
    seen = json.loads(capsys.readouterr().out)[0]["version"]
    at = ["--at", "2026-11-20T13:00:00Z"]
    assert main(["--db", db, "--member", "Ann", "status", str(proposal_id), "viewed", *at]) == 0
    capsys.readouterr()
    argv = ["status", str(proposal_id), "replied", "--expect-version", str(seen)]
    assert main(["--db", db, "--member", "Ben", *argv, "--at", "2026-11-20T14:00:00Z"]) == 2
    err = capsys.readouterr().err
    assert f"proposal {proposal_id} was changed by Ann at" in err and "reload or overwrite?" in err
    with team.read() as session:
        statuses = session.scalars(
            select(ProposalStatusChange.to_status).where(
                ProposalStatusChange.proposal_id == proposal_id
            )
        ).all()
        assert statuses[-1] == "viewed"  # Ben's move was refused
    assert main(["--db", db, "proposals", "--json"]) == 0
    now = json.loads(capsys.readouterr().out)[0]["version"]
    argv[-1] = str(now)
    assert main(["--db", db, "--member", "Ben", *argv, "--at", "2026-11-20T14:00:00Z"]) == 0


def test_pwb_chart_member_draws_the_insights_member_figures(
    capfd, monkeypatch, team, tmp_path: Path
) -> None:
    """``pwb chart --member NAME`` draws what the Insights member filter computes."""
    import ui.charts
    from ui import chart_export

    with _as(team, "Ben").transaction() as session:
        submit_proposal(session, job_id=1, connects=8, at=NOON)
    with _as(team, "Ann").transaction() as session:
        pid = submit_proposal(session, job_id=2, connects=12, at=NOON).id
        change_status(session, pid, "hired", at=NOON, revenue_usd=500)
    with team.read() as session:
        ann = compute_insights(session, member_id=get_member(session, "Ann").id)
    drawn: list[object] = []
    real = ui.charts.build_chart

    def build_chart(*args: Any, **kwargs: Any) -> Any:
        drawn.append(args[1])  # the figures the chart is drawn from
        return real(*args, **kwargs)

    monkeypatch.setattr(ui.charts, "build_chart", build_chart)
    out = tmp_path / "ann.png"
    argv = ["funnel", "--out", str(out), "--member", "Ann", "--db", target_of(team), "--json"]
    assert chart_export.main(argv) == 0
    assert json.loads(capfd.readouterr().out) == {
        "kind": "funnel",
        "out": str(out),
        "member": "Ann",
    }
    assert out.stat().st_size > 0
    (figures,) = drawn
    assert figures == ann and (figures.total.proposals, figures.connects_spent) == (1, 12)
    # through pwb (the renderer in its own process): an unknown member is one line, exit 2
    args = ["--db", target_of(team), "chart", "funnel", "--out", str(out), "--member", "Zed"]
    assert main(args) == 2
    err = capfd.readouterr().err
    assert err.startswith("pwb: no member named 'Zed'") and err.count("\n") == 1
