"""The Jobs page shows the score card of the selected posting and drafts from it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.capture import capture_text
from app.profiles import first_run_profile, save_profile
from ui.dialogs.draft_dialog import DraftDialog
from ui.main_window import MainWindow
from ui.models.jobs_model import VERDICT
from ui.pages.jobs import JobsPage
from ui.widgets.verdict_delegate import VerdictDelegate

SCAM = (
    "Quick data entry job\n"
    "Fixed-price - Entry level - Est. Budget: $900 - "
    "Simple copy paste work. Text me on Telegram @fastcash to start today.\n"
    "Data Entry\n"
    "Payment unverified Rating is 0 out of 5. $0 spent Nigeria Proposals: 50+\n"
)


def test_selected_posting_shows_its_score_card_and_drafts(qtbot, window: MainWindow, db) -> None:
    with db.transaction() as session:
        save_profile(session, first_run_profile("Python developer", "Python, Django", 60.0))
        capture_text(session, SCAM)
    window.nav.setCurrentRow(0)
    page = window.current_page()
    assert isinstance(page, JobsPage)
    page.refresh()
    assert isinstance(page.table.itemDelegateForColumn(VERDICT), VerdictDelegate)
    assert page.model.rowCount() == 1
    verdict = page.model.index(0, VERDICT).data()
    assert verdict.lower() == "skip"

    page.table.selectRow(0)
    view = page.score_view
    card = view.card
    assert card is not None
    assert page.detail_tabs.tabText(0) == "Score"
    assert view.total_label.text() == str(card.total)
    rules = {flag["rule"] for flag in card.flags}
    assert "off-platform-contact" in rules
    assert view.highlighted_spans(), "the Telegram evidence is highlighted in the description"
    start, end = view.highlighted_spans()[0]
    assert "Telegram" in view.description.toPlainText()[start - 20 : end + 20]

    assert page.draft_button.isEnabled()
    qtbot.mouseClick(page.draft_button, Qt.MouseButton.LeftButton)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, DraftDialog)]
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    assert dialogs[0].job_id == page.selected_ids()[0]
    dialogs[0].reject()


def test_pasted_text_evidence_is_highlighted_in_the_detail(qtbot, window: MainWindow, db) -> None:
    from tests.test_rest_backfill import FORWARDED, SCAM_LINE

    with db.transaction() as session:
        save_profile(session, first_run_profile("Web developer", "Shopify, CSS", 30.0))
        capture_text(session, FORWARDED)  # scored at once: the flag has offsets into it
    window.nav.setCurrentRow(0)
    page = window.current_page()
    assert isinstance(page, JobsPage)
    page.refresh()
    page.table.selectRow(0)
    view = page.score_view
    assert view.card is not None
    flag = {f["rule"]: f for f in view.card.flags}["off-platform-contact"]
    start = FORWARDED.index(SCAM_LINE)
    assert (flag["field"], flag["start"]) == ("pasted", start)
    assert view.texts.currentWidget() is view.pasted
    spans = view.highlighted_spans(view.pasted)
    assert spans[0][0] == start and spans[-1][1] == start + len(SCAM_LINE)
    assert view.highlighted_spans(page.raw_text) == spans  # the Raw text tab too
