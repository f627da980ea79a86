"""Text from a posting, a reply or the user is shown as plain text in every view.

Every field a person can fill holds markup Qt would read as rich text (an
``<img>`` of a local file, ``<b>``), a right-to-left override, a zero-width
space and control characters. Every page, the detail pane, the score card,
the draft dialog, the ledger and a chart are opened; then the test walks
every item model's display and tooltip roles (and headers), every label,
every window title and message box text, and fails where Qt would interpret
the text as rich text or where a title keeps an invisible control.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCharts import QAbstractBarSeries, QBarCategoryAxis, QCategoryAxis, QChartView
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from app import ledger, settings
from app.bootstrap import seed_defaults
from app.domain import PostingFacts
from app.proposals import change_status, submit_proposal
from app.scoring.service import score_job
from app.storage.jobs import add_posting
from app.storage.models import Profile, SavedReply
from ui.dialogs.draft_dialog import DraftDialog
from ui.main_window import PAGE_CLASSES, MainWindow
from ui.pages.connects import ConnectsPage
from ui.pages.insights import InsightsPage
from ui.pages.jobs import JobsPage
from ui.pages.proposals import ProposalsPage

pytestmark = pytest.mark.clock

IMG = '<img src="file:///tmp/pwb-hostile.png">'
HOSTILE = f"{IMG}<b>bold</b> \u202eevil\u202c zero\u200bwidth bell\x07 tab\tend"
#: what a person must never be shown in a title: overrides, isolates, zero-width, controls
INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\x00-\x08\x0b-\x1f\x7f]")
RAW_MARKUP = ("<img", "<b>")


def interpreted(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> bool:
    """Whether Qt shows ``text`` as rich text in a widget of format ``fmt``."""
    if fmt == Qt.TextFormat.PlainText:
        return False
    return fmt == Qt.TextFormat.RichText or QtGui.mightBeRichText(text)


#: what the walk found wrong: where (without row numbers) -> an example
PROBLEMS: dict[str, str] = {}


def problem(where: str, what: str) -> None:
    PROBLEMS.setdefault(re.sub(r"\[\d+,(\d+)\]", r"[*,\1]", where), what)


def assert_inert(text: object, where: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> None:
    """Shown as rich text, ``text`` must carry none of the hostile markup unescaped."""
    if not isinstance(text, str) or not interpreted(text, fmt):
        return
    for tag in RAW_MARKUP:
        if tag in text:
            problem(where, f"{tag} would be interpreted in {text[:100]!r}")


def assert_no_invisible(text: object, where: str) -> None:
    if isinstance(text, str) and (found := INVISIBLE.search(text)):
        problem(where, f"{found.group()!r} left in {text[:80]!r}")


def assert_no_problems() -> None:
    found = dict(PROBLEMS)
    PROBLEMS.clear()
    assert not found, "\n".join(f"{where}: {what}" for where, what in found.items())


def columns(model: QAbstractItemModel, parent: QModelIndex | None = None) -> int:
    try:
        return model.columnCount(parent or QModelIndex())
    except TypeError:  # a list model: its columnCount is private in PySide6
        return 1


def indexes(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[QModelIndex]:
    parent = parent or QModelIndex()
    for row in range(min(model.rowCount(parent), 60)):
        for column in range(columns(model, parent)):
            index = model.index(row, column, parent)
            yield index
            if column == 0 and model.rowCount(index) > 0:
                yield from indexes(model, index)


def walk_models(root: QWidget) -> int:
    seen = 0
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        name = f"{type(root).__name__}/{view.objectName() or type(view).__name__}"
        for index in indexes(model):
            seen += 1
            where = f"{name}[{index.row()},{index.column()}]"
            assert_inert(model.data(index, Qt.ItemDataRole.ToolTipRole), where + " tooltip")
            assert_inert(model.data(index, Qt.ItemDataRole.StatusTipRole), where + " status tip")
            display = model.data(index, Qt.ItemDataRole.DisplayRole)
            assert_no_invisible(display, where + " text")
        for section in range(columns(model)):
            tip = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            assert_inert(tip, f"{name} header {section}")
    return seen


def walk_widgets(root: QWidget) -> int:
    seen = 0
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(root).__name__}/{type(widget).__name__}:{widget.objectName()}"
        assert_inert(widget.toolTip(), where + " tooltip")
        assert_inert(widget.statusTip(), where + " status tip")
        assert_inert(widget.whatsThis(), where + " what's this")
        if isinstance(widget, QLabel):
            seen += 1
            assert_inert(widget.text(), where, widget.textFormat())
        if isinstance(widget, QAbstractButton | QGroupBox):
            text = widget.text() if isinstance(widget, QAbstractButton) else widget.title()
            assert_no_invisible(text, where)
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                assert_no_invisible(widget.itemText(i), f"{where} item {i}")
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                assert_inert(widget.tabToolTip(i), f"{where} tab {i}")
        if widget.isWindow():
            assert_no_invisible(widget.windowTitle(), where + " window title")
    return seen


def walk_charts(root: QWidget) -> int:
    """Chart titles, axis labels, series and bar set names: Qt Charts draws them as HTML."""
    rich, seen = Qt.TextFormat.RichText, 0
    for view in root.findChildren(QChartView):
        chart = view.chart()
        where = f"chart {chart.title()[:30]!r}"
        texts = [chart.title()]
        for axis in chart.axes():
            texts.append(axis.titleText())
            if isinstance(axis, QBarCategoryAxis):
                texts += axis.categories()
            elif isinstance(axis, QCategoryAxis):
                texts += axis.categoriesLabels()
        for series in chart.series():
            texts.append(series.name())
            if isinstance(series, QAbstractBarSeries):
                texts += [bars.label() for bars in series.barSets()]
        for text in texts:
            seen += 1
            assert_inert(text, where, rich)
            assert_no_invisible(text, where)
    return seen


@pytest.fixture
def hostile(ctx, set_clock) -> dict[str, int]:
    """Everything a person or a posting can name, named with hostile text."""
    set_clock(datetime(2026, 11, 20, 12, tzinfo=UTC))
    db = ctx.db
    seed_defaults(db)
    with db.transaction() as session:
        settings.set_value(session, "connects.credit_name", f"Credits {HOSTILE}")
        session.add(
            Profile(
                name=f"Me {HOSTILE}",
                title=HOSTILE,
                is_active=True,
                skills=[{"name": f"Django {HOSTILE}", "weight": 1.0}],
                include_keywords=[HOSTILE],
            )
        )
        session.add(
            SavedReply(
                name="mine/hostile",
                kind="proposal",
                description=HOSTILE,
                body="Hello {{ job.title }}, about {{ job.category }}",
                categories=[HOSTILE],
            )
        )
        ledger.post_entry(session, "purchase", 40, usd=6.0, note=HOSTILE)
        ids = []
        for n in range(2):
            job, _ = add_posting(
                session,
                PostingFacts(
                    title=f"Title {n} {HOSTILE}",
                    description=f"Description {HOSTILE}\nsecond line {HOSTILE}",
                    category=f"Cat\u202e\u200b {HOSTILE}",
                    skills=[f"Skill {HOSTILE}", "Django"],
                    duration=HOSTILE,
                    screening_questions=[f"Question {HOSTILE}"],
                    url=f"https://www.upwork.com/jobs/~0{n}",
                ),
            )
            job.client_country = HOSTILE
            job.client_city = HOSTILE
            job.raw_text = HOSTILE
            ids.append(job.id)
        session.flush()
        for job_id in ids:
            score_job(session, job_id)
        proposal = submit_proposal(session, job_id=ids[0], connects=8, text=f"Dear {HOSTILE}")
        change_status(session, proposal.id, "viewed", reason=HOSTILE)
    return {"job": ids[0], "proposal": proposal.id}


def test_hostile_text_is_plain_everywhere(qtbot, window: MainWindow, hostile, ctx) -> None:
    labels = items = 0
    for cls in PAGE_CLASSES:
        page = window.go_to(cls)
        page.refresh()
        QApplication.processEvents()
    jobs = window.go_to(JobsPage)
    jobs.reload()
    jobs.table.selectRow(0)
    qtbot.waitUntil(lambda: jobs.detail_stack.currentIndex() == 1)
    for tab in range(jobs.detail_tabs.count()):
        jobs.detail_tabs.setCurrentIndex(tab)
        QApplication.processEvents()
    window.go_to(ProposalsPage).show_proposal(hostile["proposal"])
    connects = window.go_to(ConnectsPage)
    connects.refresh()
    insights = window.go_to(InsightsPage)
    insights.refresh()
    assert insights.wait_until_ready()
    charted = walk_charts(window)
    categories = [
        label
        for view in window.findChildren(QChartView)
        for axis in view.chart().axes()
        if isinstance(axis, QBarCategoryAxis)
        for label in axis.categories()
    ]
    assert any(label.startswith("Cat ") for label in categories), categories
    items += walk_models(window)
    labels += walk_widgets(window)
    assert_no_invisible(window.windowTitle(), "main window title")

    dialog = DraftDialog(ctx, hostile["job"], window)
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    index = dialog.reply_combo.findText("mine/hostile", Qt.MatchFlag.MatchStartsWith)
    if index >= 0:
        dialog.reply_combo.setCurrentIndex(index)
    dialog.run_checks()
    QApplication.processEvents()
    items += walk_models(dialog)
    labels += walk_widgets(dialog)
    assert "evil" in dialog.windowTitle()
    assert_no_problems()
    assert items > 100 and labels > 40 and charted > 20, (items, labels, charted)


def test_messages_quoting_user_text_are_plain(qapp, monkeypatch) -> None:
    from app.errors import InputError
    from ui import crash

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    crash.show_error(None, "Import", InputError(f"row 3: title {HOSTILE} is too long"))
    assert shown
    assert_inert(shown[0], "error message")
    assert_no_problems()
    doc = QTextDocument()
    doc.setHtml(shown[0]) if QtGui.mightBeRichText(shown[0]) else doc.setPlainText(shown[0])
    assert IMG in doc.toPlainText(), "the text is shown as it is, markup and all"


def test_hostile_text_is_plain_in_every_dialog(qtbot, ctx, hostile, tmp_path) -> None:
    from ui.dialogs.import_dialog import ImportDialog
    from ui.dialogs.ledger_dialogs import BonusDialog, BuyDialog, ReconcileDialog
    from ui.dialogs.restore_dialog import RestoreDialog
    from ui.dialogs.review_dialog import ReviewDialog
    from ui.preferences import PreferencesDialog

    named = tmp_path / "<img src=x.png><b>x\u202e\u200bvsc.json"  # a file name is text too
    named.write_text(json.dumps([{"title": HOSTILE, "url": "https://x/9", "budget": "lots"}]))
    facts = PostingFacts(
        title=HOSTILE, description=HOSTILE, skills=[HOSTILE], category=HOSTILE, duration=HOSTILE
    )
    assert ctx.db.path is not None
    dialogs = [
        ReviewDialog([facts, facts]),
        ImportDialog(ctx, named),
        BuyDialog(ctx),
        BonusDialog(ctx),
        ReconcileDialog(ctx),
        PreferencesDialog(ctx),
        RestoreDialog(ctx.db.path),
    ]
    for dialog in dialogs:
        qtbot.add_widget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        QApplication.processEvents()
        walk_models(dialog)
        walk_widgets(dialog)
    importer = dialogs[1]
    assert isinstance(importer, ImportDialog)
    importer.start()
    qtbot.waitUntil(lambda: importer.report is not None, timeout=10_000)
    walk_widgets(importer)
    assert_no_problems()
