"""Team mode in the window: other members' changes appear on their own; a save over a newer
version asks Reload / Overwrite."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.bootstrap import seed_defaults
from app.errors import ConflictError
from app.replies import get_reply, save_reply
from app.storage import Database, open_database
from app.storage.changes import ChangeWatcher
from app.storage.members import add_member
from app.storage.models import JobPosting
from ui.pages.jobs import JobsPage
from ui.pages.replies import RepliesPage


def _other(ctx, member: str | None = None) -> Database:
    """Another program on the same file: its own engine and connections (another member's pwb)."""
    other = open_database(str(ctx.db.path), verify=False)
    other.member = member
    return other


def test_the_watcher_says_what_another_connection_changed(ctx) -> None:
    watcher = ChangeWatcher(ctx.db.engine, poll_seconds=0.02)
    other = _other(ctx)
    try:
        assert watcher.wait(0.05) == set()
        with other.transaction() as session:
            save_reply(session, "intro/team", "Hi")
        assert watcher.wait(2) == {"replies"}
        with other.transaction() as session:
            session.add(JobPosting(dedup_key="w", title="Watched posting"))
        assert watcher.wait(2) == {"jobs"}
        assert watcher.wait(0.05) == set()  # nothing since
    finally:
        watcher.close()
        other.close()


def test_the_window_shows_another_members_changes_without_a_click(qtbot, window) -> None:
    jobs = window.go_to(JobsPage)
    window.start_watching()
    other = _other(window.ctx)
    try:
        with other.transaction() as session:
            job = JobPosting(dedup_key="team-1", title="Shopify theme fix from Ann")
            session.add(job)
            session.flush()
            job_id = job.id
        assert jobs.model.row_of(job_id) is None
        qtbot.waitUntil(lambda: jobs.model.row_of(job_id) is not None, timeout=5000)
        replies = window.go_to(RepliesPage)
        with other.transaction() as session:
            save_reply(session, "proposal/from-ann", "Hello")
        qtbot.waitUntil(lambda: replies.model.row_of("proposal/from-ann") >= 0, timeout=5000)
    finally:
        window.stop_watching()
        other.close()
    assert window.watch is None


@pytest.mark.parametrize("answer", ["Reload", "Overwrite"])
def test_saving_over_another_members_newer_reply_asks_reload_or_overwrite(
    qtbot, ctx, settle, answer: str
) -> None:
    seed_defaults(ctx.db)
    with ctx.db.transaction() as session:
        add_member(session, "Ann")
    page = RepliesPage(ctx)
    qtbot.add_widget(page)
    page.resize(1200, 700)
    page.show()
    page.select_row(page.model.row_of("intro/short"))
    other = _other(ctx, "Ann")
    try:
        with other.transaction() as session:
            save_reply(session, "intro/short", "Ann's version")
    finally:
        other.close()
    page.editor.selectAll()
    qtbot.keyClicks(page.editor, "My version")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle()
    qtbot.waitUntil(lambda: page.conflict_box is not None and page.conflict_box.isVisible())
    box = page.conflict_box
    assert box is not None
    assert "intro/short: saved reply 'intro/short' was changed by Ann at" in box.text()
    assert box.text().endswith("reload or overwrite?")
    with ctx.db.read() as session:
        assert get_reply(session, "intro/short").body == "Ann's version"  # nothing lost yet
    button = next(b for b in box.buttons() if b.text() == answer)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle()
    with ctx.db.read() as session:
        stored = get_reply(session, "intro/short").body
    if answer == "Reload":
        assert stored == "Ann's version"
        assert page.editor.toPlainText() == "Ann's version"
    else:
        assert stored == "My version"
        assert not page.save_button.isEnabled()


def test_conflict_error_carries_who_and_the_version(db) -> None:
    with db.transaction() as session:
        loaded = save_reply(session, "x/y", "a").version
    with db.transaction() as session:
        save_reply(session, "x/y", "b")
    with pytest.raises(ConflictError) as told, db.transaction() as session:
        save_reply(session, "x/y", "c", expected_version=loaded)
    assert told.value.who == "owner" and told.value.version == loaded + 1


@pytest.mark.parametrize("answer", ["Reload", "Overwrite"])
def test_saving_a_profile_another_member_saved_since_asks_too(
    qtbot, window, settle, answer: str
) -> None:
    from app.profiles import ProfileSpec, active_profile, save_profile
    from ui.pages.profile import ProfilePage

    ctx = window.ctx
    with ctx.db.transaction() as session:
        save_profile(session, ProfileSpec(name="Web", title="Web developer"))
        add_member(session, "Ann", "admin")
    page = window.go_to(ProfilePage)
    page.refresh()
    assert page.form.title_edit.text() == "Web developer"
    other = _other(ctx, "Ann")
    try:
        with other.transaction() as session:
            save_profile(session, ProfileSpec(name="Web", title="Ann's title"))
    finally:
        other.close()
    page.form.title_edit.selectAll()
    qtbot.keyClicks(page.form.title_edit, "My title")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle()
    qtbot.waitUntil(lambda: page.conflict_box is not None and page.conflict_box.isVisible())
    box = page.conflict_box
    assert box is not None
    assert box.text().startswith("profile 'Web' was changed by Ann at")
    button = next(b for b in box.buttons() if b.text() == answer)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle()
    with ctx.db.read() as session:
        stored = active_profile(session)
        assert stored is not None
        title = stored.title
    wanted = "Ann's title" if answer == "Reload" else "My title"
    assert title == wanted
    qtbot.waitUntil(lambda: page.form.title_edit.text() == wanted)


def test_saving_a_draft_someone_saved_since_asks_reload_or_overwrite(qtbot, ctx, settle) -> None:
    from app.proposals import get_proposal, update_draft
    from ui.dialogs.draft_dialog import DraftDialog

    seed_defaults(ctx.db)
    with ctx.db.transaction() as session:
        add_member(session, "Ann")
        job = JobPosting(dedup_key="d", title="Django fix", description="500 errors")
        session.add(job)
        session.flush()
        job_id = job.id
    dialog = DraftDialog(ctx, job_id)
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.draft_button, Qt.MouseButton.LeftButton)
    settle()
    assert dialog.proposal_id is not None and dialog.proposal_version is not None
    other = _other(ctx, "Ann")
    try:
        with other.transaction() as session:
            update_draft(session, dialog.proposal_id, "Ann's draft")
    finally:
        other.close()
    dialog.text.setPlainText("My draft")
    qtbot.mouseClick(dialog.draft_button, Qt.MouseButton.LeftButton)
    settle()
    qtbot.waitUntil(lambda: dialog.conflict_box is not None and dialog.conflict_box.isVisible())
    box = dialog.conflict_box
    assert box is not None
    assert box.text().startswith(f"draft proposal {dialog.proposal_id} was changed by Ann at")
    with ctx.db.read() as session:
        assert get_proposal(session, dialog.proposal_id).text == "Ann's draft"
    overwrite = next(b for b in box.buttons() if b.text() == "Overwrite")
    qtbot.mouseClick(overwrite, Qt.MouseButton.LeftButton)
    settle()
    with ctx.db.read() as session:
        assert get_proposal(session, dialog.proposal_id).text == "My draft"
