from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

from app.profiles import default_profile, save_profile
from app.scoring.service import score_job
from app.storage.models import JobPosting
from app.storage.postings import apply_facts
from app.storage.scores import load_card
from tests.test_rules import NOW, posting
from ui.theme import VERDICT_COLORS
from ui.widgets.score_card_view import ScoreCardView
from ui.widgets.verdict_delegate import VerdictDelegate

HOSTILE = "<b>bold</b> <img src=x> Add me on Telegram @hr_desk for details."


def stored_card(db, extra: str = HOSTILE):
    facts = posting(extra)
    with db.transaction() as session:
        save_profile(session, default_profile("Shop", skills=["Shopify", "CSS", "Go"]))
        job = apply_facts(JobPosting(), facts)
        session.add(job)
        session.flush()
        score_job(session, job.id, now=NOW)
        return load_card(session, job.id), job.description


def test_shows_total_verdict_factors_flags_and_skills(qtbot, db, qtmodeltester) -> None:
    card, description = stored_card(db)
    view = ScoreCardView()
    qtbot.add_widget(view)
    view.show_card(card, description)
    assert view.total_label.text() == str(card.total)
    assert view.verdict_label.text() == "Skip"  # the word, not only the colour
    assert VERDICT_COLORS["skip"] in view.verdict_label.styleSheet()
    assert view.matched_label.text() == "Matched skills: Shopify, CSS"
    assert view.missing_label.text() == "Missing skills: Liquid"
    factors = [view.factors.index(r, 1).data() for r in range(view.factors.rowCount())]
    assert factors[:2] == ["Skills", "Budget"] and "Red flags" in factors
    assert view.flags.index(0, 0).data() == "Critical"
    assert view.flags.index(0, 2).data() == "Add me on Telegram @hr_desk"
    qtmodeltester.check(view.factors)
    qtmodeltester.check(view.flags)
    assert "per Connect" in view.value_label.text()


def test_evidence_is_highlighted_and_html_is_text(qtbot, db) -> None:
    card, description = stored_card(db)
    view = ScoreCardView()
    qtbot.add_widget(view)
    view.show_card(card, description)
    start = description.index("Add me on Telegram")
    assert view.highlighted_spans() == [(start, start + len("Add me on Telegram @hr_desk"))]
    shown = view.description.toPlainText()
    assert "<b>bold</b> <img src=x>" in shown  # shown literally, never rendered
    with qtbot.wait_signal(view.flag_selected) as blocker:
        view.flags_view.selectRow(0)
    assert blocker.args == ["off-platform-contact"]
    assert view.description.textCursor().selectedText() == "Add me on Telegram @hr_desk"


def test_no_card_says_not_scored(qtbot) -> None:
    view = ScoreCardView()
    qtbot.add_widget(view)
    view.show_card(None, "Some posting")
    assert view.total_label.text() == "–" and view.verdict_label.text() == ""
    assert "Not scored yet" in view.value_label.text()
    assert view.factors.rowCount() == 0 and view.highlighted_spans() == []


class _Verdicts(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.values = ["apply", "maybe", "skip", "other"]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.values)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self.values[index.row()]
        return None


def test_verdict_delegate_paints_badge_colour_and_sizes_for_text(qtbot) -> None:
    model = _Verdicts()
    view = QTableView()
    qtbot.add_widget(view)
    view.setModel(model)
    delegate = VerdictDelegate(view)
    view.setItemDelegateForColumn(0, delegate)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    for row, verdict in enumerate(["apply", "maybe", "skip"]):
        index = model.index(row, 0)
        image = QImage(120, 30, QImage.Format.Format_ARGB32)
        image.fill(QColor("#ffffff"))
        option.rect = image.rect()
        painter = QPainter(image)
        delegate.paint(painter, option, index)
        painter.end()
        # the badge's colour is in the cell (left of centre, where the pill is)
        colours = {image.pixelColor(x, 15).name() for x in range(4, 40)}
        assert VERDICT_COLORS[verdict] in colours
        assert delegate.sizeHint(option, index).width() > option.fontMetrics.horizontalAdvance(
            verdict.capitalize()
        )
    assert delegate.sizeHint(option, model.index(3, 0)).isValid()


def test_fact_evidence_reads_in_words(qtbot, db) -> None:
    """A fact flag shows "payment method not verified", not ``client.payment_verified=false``."""
    facts = posting("", client_payment_verified=False, client_jobs_posted=1, client_hire_rate=0.0)
    with db.transaction() as session:
        save_profile(session, default_profile("Shop", skills=["Shopify"]))
        job = apply_facts(JobPosting(), facts)
        session.add(job)
        session.flush()
        score_job(session, job.id, now=NOW)
        card = load_card(session, job.id)
    assert card is not None
    view = ScoreCardView()
    qtbot.add_widget(view)
    view.show_card(card, job.description)
    shown = {
        view.flags.index(r, 1).data(): view.flags.index(r, 2).data()
        for r in range(view.flags.rowCount())
    }
    assert shown["Payment method not verified"] == "payment method not verified"
    assert "client.payment_verified=false" in [f["evidence"] for f in card.flags]


def pasted_card(db):
    """A posting pasted in a layout the parser does not know: its scam line is evidence in
    the pasted text only, and its card comes from the bulk rescore (no stored offsets)."""
    from app.scoring.service import rescore_all
    from tests.test_rest_backfill import store_old_posting

    job_id = store_old_posting(db)
    rescore_all(db)
    with db.read() as session:
        job = session.get(JobPosting, job_id)
        return load_card(session, job_id), job.description or "", job.raw_text or ""


def test_pasted_text_evidence_is_formatted_and_nothing_else(qtbot, db) -> None:
    from PySide6.QtGui import QFont, QTextCursor

    from tests.test_rest_backfill import SCAM_LINE

    card, description, raw = pasted_card(db)
    assert card is not None and {f["field"] for f in card.flags if f["rule"] == "phone-in-post"}
    view = ScoreCardView()
    qtbot.add_widget(view)
    view.show_card(card, description, raw)
    assert view.texts.currentWidget() is view.pasted  # the evidence is only there
    assert view.texts.tabText(1) == "Pasted text (2)"  # a cue that is no colour
    assert view.texts.tabToolTip(1) == "Passages highlighted as red-flag evidence: 2"
    assert view.texts.tabText(0) == "Description" and view.texts.tabToolTip(0) == ""
    assert view.pasted.toPlainText() == raw  # plain text, as pasted
    start = raw.index(SCAM_LINE)
    phone = raw.index("+1 555")
    end = start + len(SCAM_LINE)
    assert view.highlighted_spans(view.pasted) == [(start, phone), (phone, end)]
    document = view.pasted.document()

    def fmt_at(position: int):  # the format of the character at ``position``
        cursor = QTextCursor(document)
        cursor.setPosition(position + 1)
        return cursor.charFormat()

    for at in (start, phone - 1, phone, end - 1):
        fmt = fmt_at(at)
        assert fmt.fontUnderline() and fmt.fontWeight() == QFont.Weight.Bold
        assert fmt.background().color().name() == "#c0392b"  # critical
    for at in [*range(0, start), *range(end, len(raw))]:
        fmt = fmt_at(at)
        assert not fmt.fontUnderline() and fmt.fontWeight() != QFont.Weight.Bold, at
        assert fmt.background().style() == Qt.BrushStyle.NoBrush, at
    assert view.highlighted_spans() == []  # nothing of it is in the description
    qtbot.waitUntil(lambda: view.pasted.textCursor().position() == start)  # scrolled to it

    view.texts.setCurrentIndex(0)
    rows = [view.flags.rows[r]["rule"] for r in range(view.flags.rowCount())]
    with qtbot.wait_signal(view.flag_selected) as blocker:
        view.flags_view.selectRow(rows.index("phone-in-post"))
    assert blocker.args == ["phone-in-post"]
    assert view.texts.currentWidget() is view.pasted  # it went to the evidence
    assert view.pasted.textCursor().selectedText() == "+1 555 123 4567"
    evidence = view.flags.index(rows.index("phone-in-post"), 2)
    assert "pasted text" in evidence.data(Qt.ItemDataRole.AccessibleDescriptionRole)


def test_evidence_after_an_emoji_lands_on_its_characters(qtbot) -> None:
    """Qt counts UTF-16 units: an emoji before the evidence takes two positions."""
    from types import SimpleNamespace

    raw = "🚀 Big launch 🚀\nText me on WhatsApp +1 555 123 4567\nthanks"
    flag = {"rule": "phone-in-post", "severity": "critical", "field": "pasted",
            "evidence": "+1 555 123 4567", "start": None, "end": None}  # fmt: skip
    card = SimpleNamespace(
        total=10, verdict="skip", factors=[], flags=[flag], matched_skills=[],
        missing_skills=[], value_per_connect=None, win_chance=None, critical_flags=1,
    )  # fmt: skip
    view = ScoreCardView()
    qtbot.add_widget(view)
    view.show_card(card, "", raw)  # type: ignore[arg-type]  # the fields it reads
    [(lo, hi)] = view.highlighted_spans(view.pasted)
    cursor = view.pasted.textCursor()
    cursor.setPosition(lo)
    cursor.setPosition(hi, cursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "+1 555 123 4567"
