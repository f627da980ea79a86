"""A bidding day in the real window: first run, paste, draft signed with your name, submit
safely (fill-ins, defaults, overdraw), applied postings leave the Open queue."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app import ledger
from app.bootstrap import seed_defaults
from app.profiles import default_profile, save_profile
from app.storage.jobs import get_job
from app.storage.models import JobPosting, Proposal
from ui.dialogs.draft_dialog import DraftDialog, SubmitDialog
from ui.dialogs.first_run import FirstRunDialog, needs_first_run
from ui.main_window import MainWindow
from ui.models.jobs_model import PROPOSAL_ROLE, TITLE
from ui.pages.jobs import JobsPage

pytestmark = pytest.mark.clock  # submitting is checked against the time

TILE = (
    "Python scraper for real estate listings\n"
    "Hourly: $15-$35 - Intermediate - Est. Time: Less than 1 month, Less than 30 hrs/week "
    "We need a scraper that collects listings from three agency sites every morning.\n"
    "Data ScrapingPython\n"
    "Payment verified Rating is 4.9 out of 5. $10K+ spent Canada Proposals: 10 to 15 "
    "Connects to apply: 8 Connects Posted yesterday\n"
)


def click_ok(qtbot, buttons: QDialogButtonBox | None) -> None:
    assert buttons is not None
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def paste_tile(qtbot, window: MainWindow, settle) -> JobsPage:
    page = window.go_to(JobsPage)
    QApplication.clipboard().setText(TILE)
    window.paste_action.trigger()
    dialog = window.review_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    settle()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    return page


def open_draft(qtbot, page: JobsPage) -> DraftDialog:
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.mouseClick(page.draft_button, Qt.MouseButton.LeftButton)
    dialog = page.draft_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_first_run_to_a_signed_draft(qtbot, ctx, window: MainWindow, db, settle) -> None:
    seed_defaults(db)
    assert needs_first_run(ctx)
    first = FirstRunDialog(ctx, window)
    qtbot.add_widget(first)
    first.show()
    qtbot.keyClicks(first.your_name, "Ana Pereira")
    qtbot.keyClicks(first.title_edit, "Python scraping developer")
    qtbot.keyClicks(first.skills, "Python, Data Scraping")
    first.rate.setValue(40)
    first.connects.setValue(60)
    click_ok(qtbot, first.buttons)
    settle()
    assert not first.isVisible() and not needs_first_run(ctx)
    assert window.balance_label.text() == "Connects: 60"  # one reconcile
    with db.read() as session:
        assert ledger.balance(session) == 60

    page = paste_tile(qtbot, window, settle)
    dialog = open_draft(qtbot, page)
    text = dialog.text.toPlainText()
    assert text.rstrip().endswith("Ana Pereira")
    assert "Default" not in text and "[Your name]" not in text
    assert "Your name" not in dialog.fields


def test_submit_marks_applied_the_job_leaves_open_and_shows_a_badge(
    qtbot, window: MainWindow, db, settle, answer, modal
) -> None:
    seed_defaults(db)
    with db.transaction() as session:
        save_profile(session, default_profile(skills=["Python"], hourly_rate=40.0))
        ledger.reconcile(session, 50)
    page = paste_tile(qtbot, window, settle)
    assert page.status_combo.currentText() == "Open (new, shortlisted)"
    job_id = page.model.job_id(0)
    assert job_id is not None
    dialog = open_draft(qtbot, page)
    qtbot.mouseClick(dialog.draft_button, Qt.MouseButton.LeftButton)
    settle()
    assert page.model.index(0, TITLE).data(PROPOSAL_ROLE) == "draft"

    modal(SubmitDialog, lambda d: click_ok(qtbot, d.findChild(QDialogButtonBox)))
    answer("Submit anyway")
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    settle()
    with db.read() as session:
        assert get_job(session, job_id).status == "applied"
        [proposal] = session.query(Proposal).all()
        assert proposal.status == "submitted" and proposal.connects_spent == 8
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)  # it left the Open queue
    page.status_combo.setCurrentIndex(page.status_combo.findText("Applied"))
    assert page.model.rowCount() == 1
    assert page.model.index(0, TITLE).data(PROPOSAL_ROLE) == "submitted"
    assert "Your proposal: Submitted" in page.model.index(0, TITLE).data(
        Qt.ItemDataRole.ToolTipRole
    )

    # drafting again says so, and Cancel opens nothing
    dialog.close()
    page.draft_dialog = None
    page.table.selectRow(0)
    answer("Cancel")
    qtbot.mouseClick(page.draft_button, Qt.MouseButton.LeftButton)
    assert page.draft_dialog is None
    title, said = answer.asked[-1]
    assert title == "Draft proposal" and f"proposal {proposal.id} (submitted" in said


def test_submit_with_empty_fill_ins_asks_first(qtbot, window, db, settle, answer, modal) -> None:
    seed_defaults(db)
    with db.transaction() as session:
        save_profile(session, default_profile(skills=["Python"], hourly_rate=40.0, your_name="Ana"))
        ledger.reconcile(session, 50)
    page = paste_tile(qtbot, window, settle)
    dialog = open_draft(qtbot, page)
    assert dialog.fields, "the starter reply leaves fill-ins"
    answer("Go back and fill in")
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    _, said = answer.asked[-1]
    assert "fill-ins or placeholders are left" in said and "[" in said
    assert modal.seen == [] and dialog.submit_dialog is None  # never got to the bid
    with db.read() as session:
        assert session.query(Proposal).count() == 0

    for label, field in dialog.fields.items():
        field.setFocus()
        qtbot.keyClicks(field, f"filled {len(label)}")
    qtbot.waitUntil(lambda: not dialog.fields_left(), timeout=3000)
    asked = len(answer.asked)
    modal(SubmitDialog, lambda d: click_ok(qtbot, d.findChild(QDialogButtonBox)))
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    settle()
    assert len(answer.asked) == asked  # nothing left to ask about
    with db.read() as session:
        [proposal] = session.query(Proposal).all()
        assert "[" not in proposal.text and "filled" in proposal.text


def test_submit_dialog_prefills_says_hourly_or_fixed_and_warns_before_overdraw(
    qtbot, ctx, db, answer
) -> None:
    from app.proposals import submit_defaults
    from app.storage.models import Profile

    with db.transaction() as session:
        profile = save_profile(session, default_profile(skills=["Python"], hourly_rate=55.0))
        ledger.reconcile(session, 5)
        job = JobPosting(dedup_key="h", title="Hourly", budget_type="hourly", connects_required=12)
        session.add(job)
        session.flush()
        defaults = submit_defaults(session, job.id, session.get(Profile, profile.id))
    dialog = SubmitDialog(defaults)
    qtbot.add_widget(dialog)
    dialog.show()
    form_labels = [w.text() for w in dialog.findChildren(type(dialog.balance_label))]
    assert "Hourly rate:" in form_labels and "from your hourly rate" in form_labels
    assert dialog.bid.value() == 55.0 and dialog.bid.suffix() == " /hr"
    assert dialog.connects.value() == 12 and "as the posting says" in form_labels
    assert dialog.balance_label.text() == "5 Connects now, -7 after this proposal"
    answer("Cancel")
    click_ok(qtbot, dialog.findChild(QDialogButtonBox))
    assert dialog.isVisible() and dialog.result() == 0  # warned, stayed open
    assert "would go to -7" in answer.asked[-1][1]
    dialog.invited.setChecked(True)  # an invitation is free: nothing to warn about
    assert dialog.balance_label.text() == "5 Connects now, 5 after this proposal"
    click_ok(qtbot, dialog.findChild(QDialogButtonBox))
    assert not dialog.isVisible() and dialog.result() == 1
    assert len(answer.asked) == 1


LUNCH = "Lunch at 12:30 today?\nBring the salad please.\n"


def test_review_form_warns_when_the_text_is_no_posting_and_still_saves(
    qtbot, window: MainWindow, db, settle, capsys, tmp_path
) -> None:
    from app.cli import main

    lunch = tmp_path / "lunch.txt"
    lunch.write_text(LUNCH, encoding="utf-8")
    assert main(["--db", db.location, "add", str(lunch)]) == 2  # the CLI refuses it
    refused = capsys.readouterr().err
    assert "does not look like a job posting" in refused

    QApplication.clipboard().setText(LUNCH)
    window.paste_action.trigger()
    dialog = window.review_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.doubt.isVisible()
    assert "does not look like a job posting" in dialog.doubt.text()
    assert "Save it anyway" in dialog.doubt.text()
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    settle()
    with db.read() as session:
        assert [j.title for j in session.query(JobPosting).all()] == ["Lunch at 12:30 today?"]

    QApplication.clipboard().setText(TILE)
    window.paste_action.trigger()
    real = window.review_dialog
    qtbot.waitUntil(real.isVisible)
    assert not real.doubt.isVisible()
    real.reject()
