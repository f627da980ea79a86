from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from app.bootstrap import seed_defaults
from app.storage.models import JobPosting, Profile, Proposal
from ui.dialogs.draft_dialog import DraftDialog, SubmitDialog
from ui.models.lints import LintsModel


@pytest.fixture
def job_id(ctx) -> int:
    seed_defaults(ctx.db)
    with ctx.db.transaction() as s:
        s.add(
            Profile(
                name="Default", your_name="Dana Kovac", is_active=True, skills=[{"name": "Python"}]
            )
        )
        job = JobPosting(
            dedup_key="k",
            title="Guesty Open API Integration",
            description="Push calendars from our Guesty booking engine into web pages.",
            skills=["API Integration", "Python"],
            screening_questions=["Have you used the Guesty API?"],
            connects_required=12,
        )
        s.add(job)
        s.flush()
        return job.id


def open_dialog(qtbot, ctx, job_id: int) -> DraftDialog:
    dialog = DraftDialog(ctx, job_id)
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_suggested_reply_is_rendered_with_fill_ins_and_checks(qtbot, ctx, job_id) -> None:
    dialog = open_dialog(qtbot, ctx, job_id)
    assert dialog.reply_combo.currentText() == "proposal/api-integration (suggested)"
    text = dialog.text.toPlainText()
    assert 'I read your post about "Guesty Open API Integration"' in text
    assert text.rstrip().endswith("Dana Kovac")
    assert set(dialog.fields) == {
        "Link to a similar project",
        "One sentence on what it did and what changed for that client.",
        "Answer 1",
    }
    rules = [lint.rule for lint in dialog.lints_model.lints()]
    assert rules.count("fill-in") == 3


def test_fill_in_click_check_copy_and_save(qtbot, ctx, job_id, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, ctx, job_id)
    # clicking a check puts the cursor on the spot it is about
    row = next(
        i
        for i, lint in enumerate(dialog.lints_model.lints())
        if lint.message.endswith("[Answer 1]")
    )
    rect = dialog.checks.visualRect(dialog.lints_model.index(row))
    qtbot.mouseClick(dialog.checks.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.text.textCursor().selectedText() == "[Answer 1]"

    qtbot.keyClicks(dialog.fields["Answer 1"], "Yes, twice: availability sync for 40 homes.")
    qtbot.waitUntil(
        lambda: "Yes, twice: availability sync for 40 homes." in dialog.text.toPlainText(),
        timeout=2000,
    )
    assert "[Answer 1]" not in dialog.text.toPlainText()
    assert "fill in [Answer 1]" not in [lint.message for lint in dialog.lints_model.lints()]

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    clipboard = QGuiApplication.clipboard().text()
    assert clipboard == dialog.text.toPlainText()
    assert "Yes, twice: availability sync for 40 homes." in clipboard
    assert "2 fill-in(s) still empty" in dialog.status.text()

    written = dialog.save_to(tmp_path / "guesty.md")
    assert written is not None
    assert written.read_text(encoding="utf-8") == clipboard.rstrip("\n") + "\n"


def test_manual_edits_are_kept_and_rechecked(qtbot, ctx, job_id) -> None:
    dialog = open_dialog(qtbot, ctx, job_id)
    cursor = dialog.text.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    dialog.text.setTextCursor(cursor)
    qtbot.keyClicks(dialog.text, " the the end")
    qtbot.waitUntil(
        lambda: "repeated-word" in [lint.rule for lint in dialog.lints_model.lints()],
        timeout=2000,
    )
    dialog.fields["Answer 1"].setFocus()
    qtbot.keyClicks(dialog.fields["Answer 1"], "Yes")
    dialog.fields["Answer 1"].editingFinished.emit()
    text = dialog.text.toPlainText()
    assert text.endswith(" the the end") and "  Yes\n" in text


def test_mark_as_submitted_records_the_proposal(qtbot, ctx, job_id, monkeypatch, answer) -> None:
    dialog = open_dialog(qtbot, ctx, job_id)

    def fake_exec(self: SubmitDialog) -> int:
        assert self.connects.value() == 12  # the posting's Connects are the default
        self.bid.setValue(450)
        self.boost.setValue(3)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(SubmitDialog, "exec", fake_exec)
    answer("Submit anyway")  # the fill-ins are still empty
    with qtbot.waitSignals([ctx.proposals_changed, ctx.ledger_changed]):
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert not dialog.submit_button.isEnabled()
    with ctx.db.read() as s:
        proposal = s.get(Proposal, dialog.proposal_id)
        assert (proposal.status, proposal.connects_spent, proposal.boost_connects) == (
            "submitted",
            12,
            3,
        )
        assert proposal.bid_amount == 450
        assert proposal.text == dialog.text.toPlainText()
        assert proposal.reply_id is not None and proposal.profile_id is not None


def test_lints_model_passes_the_tester(qtmodeltester, ctx, job_id) -> None:
    from app.drafting.lints import CheckContext, check_proposal

    model = LintsModel()
    model.set_lints(check_proposal("Dear [Client], the the TODO", CheckContext()))
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_save_draft_then_submit_the_same_proposal(
    qtbot, ctx, job_id, monkeypatch, answer, settle
) -> None:
    dialog = open_dialog(qtbot, ctx, job_id)
    with qtbot.waitSignal(ctx.proposals_changed):
        qtbot.mouseClick(dialog.draft_button, Qt.MouseButton.LeftButton)
    first = dialog.proposal_id
    qtbot.keyClicks(dialog.fields["Answer 1"], "Yes")
    qtbot.waitUntil(lambda: "  Yes\n" in dialog.text.toPlainText(), timeout=2000)
    qtbot.mouseClick(dialog.draft_button, Qt.MouseButton.LeftButton)
    settle()
    assert dialog.proposal_id == first
    monkeypatch.setattr(SubmitDialog, "exec", lambda self: 1)
    answer("Submit anyway")
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    settle()
    with ctx.db.read() as s:
        [proposal] = s.query(Proposal).all()
        assert proposal.id == first and proposal.status == "submitted"
        assert "  Yes\n" in proposal.text
        assert [h.to_status for h in proposal.history] == ["draft", "submitted"]


def test_add_a_flagged_word_to_the_dictionary(qtbot, ctx, job_id, settle) -> None:
    from app import settings

    dialog = open_dialog(qtbot, ctx, job_id)
    cursor = dialog.text.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    dialog.text.setTextCursor(cursor)
    qtbot.keyClicks(dialog.text, " We use zorblax daily.")
    dialog.run_checks()
    row = next(i for i, lint in enumerate(dialog.lints_model.lints()) if lint.word == "zorblax")
    assert not dialog.learn_button.isEnabled()
    dialog.checks.setCurrentIndex(dialog.lints_model.index(row))
    assert dialog.learn_button.isEnabled()
    qtbot.mouseClick(dialog.learn_button, Qt.MouseButton.LeftButton)
    settle()
    assert "zorblax" not in [lint.word for lint in dialog.lints_model.lints()]
    with ctx.db.read() as s:
        assert settings.get(s, "proposal.user_dictionary") == ["zorblax"]


def type_at_end(qtbot, dialog: DraftDialog, text: str) -> None:
    cursor = dialog.text.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    dialog.text.setTextCursor(cursor)
    dialog.text.setFocus()
    for n, line in enumerate(text.split("\n")):
        if n:
            qtbot.keyClick(dialog.text, Qt.Key.Key_Return)  # QTest types no "\n"
        qtbot.keyClicks(dialog.text, line)


def test_fill_ins_stay_linked_to_their_spot_after_hand_edits(qtbot, ctx, job_id) -> None:
    dialog = open_dialog(qtbot, ctx, job_id)
    link = "Link to a similar project"
    type_at_end(qtbot, dialog, "\nP.S. I can start Monday.")
    assert dialog.manual_edit
    qtbot.keyClicks(dialog.fields[link], "https://ana.dev/sync")
    text = dialog.text.toPlainText()
    assert "recently: https://ana.dev/sync." in text and f"[{link}]" not in text
    assert text.endswith("P.S. I can start Monday.")  # the hand edit is kept
    dialog.fields[link].clear()
    dialog.fields[link].textEdited.emit("")  # as a person emptying the field
    assert f"recently: [{link}]." in dialog.text.toPlainText()  # the marker comes back
    qtbot.keyClicks(dialog.fields[link], "https://x.dev")
    assert "recently: https://x.dev." in dialog.text.toPlainText()

    # a value corrected in the text shows in its field
    text = dialog.text.toPlainText()
    cursor = dialog.text.textCursor()
    cursor.setPosition(text.index("https://x.dev") + len("https://x."))
    cursor.setPosition(
        text.index("https://x.dev") + len("https://x.dev"), cursor.MoveMode.KeepAnchor
    )
    dialog.text.setTextCursor(cursor)
    qtbot.keyClicks(dialog.text, "io")
    assert dialog.fields[link].text() == "https://x.io"

    # typing just after a filled spot stays outside it
    cursor = dialog.text.textCursor()
    cursor.setPosition(0)
    dialog.text.setTextCursor(cursor)  # the caret goes elsewhere, then comes back
    cursor.setPosition(dialog.text.toPlainText().index("https://x.io") + len("https://x.io"))
    dialog.text.setTextCursor(cursor)
    qtbot.keyClicks(dialog.text, " (live)")
    assert dialog.fields[link].text() == "https://x.io"
    assert "https://x.io (live)." in dialog.text.toPlainText()

    # deleting the marker by hand ends the link: its field goes
    answer = "[Answer 1]"
    text = dialog.text.toPlainText()
    cursor = dialog.text.textCursor()
    cursor.setPosition(text.index(answer))
    cursor.setPosition(text.index(answer) + len(answer), cursor.MoveMode.KeepAnchor)
    dialog.text.setTextCursor(cursor)
    qtbot.keyClick(dialog.text, Qt.Key.Key_Delete)
    assert "Answer 1" not in dialog.fields and dialog.fill_ins_form.rowCount() == len(dialog.fields)

    # a marker typed by hand gets a field that fills it
    type_at_end(qtbot, dialog, " Budget: [Your fixed price]")
    assert "Your fixed price" in dialog.fields
    qtbot.keyClicks(dialog.fields["Your fixed price"], "$900")
    assert dialog.text.toPlainText().endswith("Budget: $900")


def test_switching_replies_shows_only_the_new_replys_fill_ins(qtbot, ctx, job_id) -> None:
    dialog = open_dialog(qtbot, ctx, job_id)
    first = set(dialog.fields)
    assert "Answer 1" in first and "Link to a similar project" in first
    qtbot.keyClicks(dialog.fields["Answer 1"], "Yes, twice.")
    general = dialog.reply_combo.findData("proposal/general")
    dialog.reply_combo.setCurrentIndex(general)
    shown = set(dialog.fields)
    assert "Link to a similar project" not in shown  # general.j2 has no portfolio snippet
    assert "The client's problem in one sentence, in your words" in shown
    assert dialog.fill_ins_form.rowCount() == len(shown)
    assert "Yes, twice." in dialog.text.toPlainText()  # a value typed carries over
    assert dialog.fields["Answer 1"].text() == "Yes, twice."


def test_keeping_hand_edits_keeps_the_reply_they_came_from(qtbot, ctx, job_id, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialog = open_dialog(qtbot, ctx, job_id)
    type_at_end(qtbot, dialog, " Thanks!")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog.reply_combo.setCurrentIndex(dialog.reply_combo.findData("proposal/general"))
    assert dialog.reply_combo.currentText() == "proposal/api-integration (suggested)"
    assert dialog.text.toPlainText().endswith(" Thanks!")
