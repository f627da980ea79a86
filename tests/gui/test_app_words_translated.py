"""The texts app/ builds and ui/ shows reach the user translated (issue 16): fixed names
(statuses, verdicts, severities, ledger kinds, setting choices), the Insights takeaways and
hints, the overdraft warning; what is stored and what the command line prints stays English."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from app import clock
from app.domain import ProposalStatus as S
from app.proposals import save_draft, submit_proposal
from app.storage.models import JobPosting, Profile, ScoreCard
from ui import i18n

pytestmark = pytest.mark.clock

T0 = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def test_proposal_statuses_are_translated_on_the_proposals_page(qtbot, ctx, esperanto) -> None:
    from ui.pages.proposals import ProposalsPage

    with ctx.db.transaction() as s:
        a = JobPosting(dedup_key="a", title="Fix my Django app")
        b = JobPosting(dedup_key="b", title="Shopify sync")
        s.add_all([a, b])
        s.flush()
        submitted = submit_proposal(s, job_id=a.id, connects=8, text="Hi", at=T0).id
        save_draft(s, job_id=b.id, text="Hi B", at=T0)
    with clock.frozen(T0 + timedelta(hours=1)):
        page = ProposalsPage(ctx)
        qtbot.add_widget(page)
        page.show()
        qtbot.waitExposed(page)
        filters = [page.status_filter.itemText(i) for i in range(page.status_filter.count())]
        assert "⟦Not hired⟧" in filters and "⟦Submitted⟧" in filters
        # the filter still asks for the stored value
        assert page.status_filter.itemData(filters.index("⟦Not hired⟧")) == S.NOT_HIRED.value
        column = next(
            c
            for c in range(page.model.columnCount())
            if page.model.headerData(c, Qt.Orientation.Horizontal) == "⟦Status⟧"
        )
        shown = {page.model.index(r, column).data() for r in range(page.model.rowCount())}
        assert shown == {"⟦Submitted⟧", "⟦Draft⟧"}
        page.select_row(page.model.row_of(submitted))
        assert page.status_text.text() == "⟦Submitted⟧"
        assert page.next_button.text() == "⟦Move to {status}⟧".replace("{status}", "⟦Viewed⟧")


def test_verdicts_and_posting_statuses_in_the_jobs_table(qapp, db, esperanto) -> None:
    from ui.models.jobs_model import STATUS, VERDICT, JobsModel
    from ui.widgets.verdict_delegate import VERDICT_ROLE

    with db.transaction() as s:
        profile = Profile(name="Main", is_active=True)
        job = JobPosting(dedup_key="a", title="Shop", status="shortlisted")
        s.add_all([profile, job])
        s.flush()
        s.add(ScoreCard(job_id=job.id, profile_id=profile.id, total=77, verdict="maybe"))
    model = JobsModel(db)
    model.reload()
    assert model.index(0, VERDICT).data() == "⟦Maybe⟧"
    assert model.index(0, VERDICT).data(VERDICT_ROLE) == "maybe"  # what the badge's colour reads
    assert model.index(0, STATUS).data() == "⟦Shortlisted⟧"


def test_the_verdict_badge_is_drawn_from_the_stored_verdict(qtbot, db, esperanto) -> None:
    """The delegate finds the colour through VERDICT_ROLE, whatever the cell's words are."""
    from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

    from ui.models.jobs_model import VERDICT, JobsModel
    from ui.widgets.verdict_delegate import VerdictDelegate, _verdict, badge_text

    with db.transaction() as s:
        profile = Profile(name="Main", is_active=True)
        job = JobPosting(dedup_key="a", title="Shop")
        s.add_all([profile, job])
        s.flush()
        s.add(ScoreCard(job_id=job.id, profile_id=profile.id, total=12, verdict="skip"))
    model = JobsModel(db)
    model.reload()
    view = QTableView()
    qtbot.add_widget(view)
    view.setModel(model)
    index = model.index(0, VERDICT)
    assert _verdict(index) == "skip"
    option = QStyleOptionViewItem()
    option.fontMetrics = view.fontMetrics()
    # sized as the badge of the translated word (not as plain text: "⟦Skip⟧" is no verdict)
    width = view.fontMetrics().horizontalAdvance(badge_text("skip")) + 24
    assert badge_text("skip") == "⟦Skip⟧"
    assert VerdictDelegate(view).sizeHint(option, index).width() == width


def test_severities_kinds_and_setting_choices_are_translated(qtbot, ctx, esperanto) -> None:
    from PySide6.QtWidgets import QComboBox

    from app import ledger, settings
    from ui.models.ledger_model import LedgerTableModel
    from ui.pages.connects import ConnectsPage
    from ui.preferences import SettingEditor
    from ui.widgets.score_card_view import FlagsModel

    flags = FlagsModel()
    flags.set_rows([{"severity": "critical", "rule": "off_platform", "title": "Off platform"}])
    assert flags.index(0, 0).data() == "⟦Critical⟧"

    with clock.frozen(T0), ctx.db.transaction() as session:
        ledger.buy(session, 80, usd=12.0, at=T0)
    with clock.frozen(T0 + timedelta(hours=1)):
        page = ConnectsPage(ctx)
        qtbot.add_widget(page)
    kinds = [page.kind_filter.itemText(i) for i in range(page.kind_filter.count())]
    assert "⟦Boost refund⟧" in kinds
    assert page.kind_filter.itemData(kinds.index("⟦Boost refund⟧")) == "boost_refund"
    assert page.model.index(0, 1).data() == "⟦Purchase⟧"
    assert isinstance(page.model, LedgerTableModel)

    editor = SettingEditor(settings.spec("connects.refund_rules"))
    qtbot.add_widget(editor.widget)
    part = editor.parts["client_cancelled"]
    assert isinstance(part, QComboBox)
    assert [part.itemText(i) for i in range(part.count())] == [
        "⟦Spend and boost⟧",
        "⟦Spend⟧",
        "⟦None⟧",
    ]
    editor.set_value({"client_cancelled": "spend", "withdrawn": "none"})
    assert editor.value()["client_cancelled"] == "spend"  # stored English, as the CLI reads it
    from PySide6.QtWidgets import QFormLayout, QLabel

    form = editor.widget.layout()
    assert isinstance(form, QFormLayout)
    label = form.labelForField(part)
    assert isinstance(label, QLabel) and label.text() == "⟦Client cancelled⟧:"

    plan = SettingEditor(settings.spec("connects.monthly_allocation"))
    qtbot.add_widget(plan.widget)
    plan_form = plan.widget.layout()
    assert isinstance(plan_form, QFormLayout)
    plan_label = plan_form.labelForField(plan.parts["freelancer_plus"])
    assert isinstance(plan_label, QLabel) and plan_label.text() == "⟦Freelancer plus⟧:"

    order = SettingEditor(settings.spec("import.date_order"))
    qtbot.add_widget(order.widget)
    assert isinstance(order.widget, QComboBox)
    assert order.widget.itemText(1) == "⟦DMY⟧" and order.widget.itemData(1) == "DMY"


def test_a_name_app_does_not_define_is_shown_in_english(qapp, esperanto) -> None:
    from ui import app_words

    assert app_words.ledger_kind("mystery_kind") == "Mystery kind"
    assert app_words.severity("warning") == "⟦Warning⟧"
    assert QCoreApplication.translate("ProposalStatus", "Job closed") == "⟦Job closed⟧"


# -- messages app/ builds: takeaways, empty hints, the Connects warnings ---------------------

DEMO_NOW = datetime(2024, 7, 1, tzinfo=UTC)


def templates(built) -> set[str]:
    """The templates of a message and of the messages inside it."""
    from app.messages import Message

    found = {built.template}
    for value in built.params.values():
        if isinstance(value, Message):
            found |= templates(value)
    return found


@pytest.fixture
def demo_ctx(ctx):
    from app.demo import generate_demo

    with ctx.db.transaction() as session:
        generate_demo(session, jobs=150, proposals=90, seed=5, now=DEMO_NOW)
    return ctx


def test_every_takeaway_template_is_marked_for_translation(demo_ctx) -> None:
    """What the takeaways build (the demo data and the too-few and empty cases) is in
    ui/app_texts.py's Messages, so lupdate collects it: a new template written some other way
    than message("…") fails here."""
    from app import insights

    marked = set(i18n.app_texts()["Messages"]) | {""}
    with demo_ctx.db.read() as session:
        cases = [
            insights.compute_insights(session),
            insights.compute_insights(session, start=DEMO_NOW - timedelta(days=20)),
            insights.compute_insights(session, start=DEMO_NOW + timedelta(days=400)),
        ]
    seen: set[str] = set()
    for ins in cases:
        for kind in insights.CHART_KINDS:
            seen |= templates(insights.takeaway_message(ins, kind))
    assert len(seen) > 8
    assert not seen - marked
    assert set(insights.EMPTY_HINTS.values()) <= marked


def test_takeaways_and_empty_hints_come_out_translated_on_the_insights_page(
    qtbot, demo_ctx, esperanto
) -> None:
    from app import insights
    from ui.pages.insights import InsightsPage

    page = InsightsPage(demo_ctx)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    with qtbot.waitSignal(page.refreshed, timeout=20000):
        page.refresh()
    with demo_ctx.db.read() as session:
        ins = insights.compute_insights(session)
    english = insights.takeaway(ins, "spend")
    shown = page.cards["spend"].takeaway_label.text()
    assert shown.startswith("⟦You spent ") and ("⟦week⟧" in shown or "⟦month⟧" in shown), shown
    assert shown != english and english.startswith("You spent ")
    funnel = page.cards["funnel"].takeaway_label.text()
    assert funnel.startswith("⟦") and funnel.endswith("⟧"), funnel
    # the card's own title, no longer the English table
    assert page.cards["funnel"].title() == "⟦Proposal funnel⟧"


def test_an_empty_chart_says_what_it_needs_translated(qtbot, ctx, esperanto) -> None:
    from app import insights
    from ui.pages.insights import ChartCard

    with ctx.db.read() as session:
        nothing = insights.compute_insights(session)
    card = ChartCard("spend")
    qtbot.add_widget(card)
    card.show_insights(nothing, dark=False)
    assert card.empty_label.text() == "⟦Connects spent⟧\n\n⟦" + insights.EMPTY_HINTS["spend"] + "⟧"
    assert card.takeaway_label.text() == ""


def test_the_overdraft_warning_comes_out_translated(qtbot, ctx, esperanto) -> None:
    from app import ledger
    from app.domain import LedgerKind as K
    from ui.pages.connects import ConnectsPage

    now = clock.now()
    with ctx.db.transaction() as session:
        job = JobPosting(dedup_key="a", title="Shop")
        session.add(job)
        session.flush()
        ledger.post_entry(session, K.BONUS, 5, at=now - timedelta(days=1))
        submit_proposal(session, job_id=job.id, connects=1250, at=now - timedelta(hours=1))
        english = ledger.forecast(session).warning
    page = ConnectsPage(ctx)
    qtbot.add_widget(page)
    # the command line's words stay English, the page's are translated
    assert english == (
        "The balance is -1245 Connects: recorded as an overdraft; reconcile with the "
        "platform's balance"
    )
    assert page.warning_label.text() == (
        "⟦The balance is -1,245 Connects: recorded as an overdraft; reconcile with the "
        "platform's balance⟧"
    )


def test_a_translation_with_a_wrong_placeholder_falls_back_to_english(qapp) -> None:
    from app.messages import Count, message
    from ui import app_words

    class Broken(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return "{nope}" if context == "Messages" else ""

    broken = Broken()
    qapp.installTranslator(broken)
    try:
        assert app_words.message(message("{n} later", n=Count(1234))) == "1,234 later"
    finally:
        qapp.removeTranslator(broken)


def test_preferences_shows_choices_translated_and_saves_the_stored_values(
    qtbot, ctx, esperanto
) -> None:
    from PySide6.QtWidgets import QComboBox

    from ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(ctx)
    qtbot.add_widget(dialog)
    assert [dialog.theme.itemText(i) for i in range(3)] == ["⟦System⟧", "⟦Light⟧", "⟦Dark⟧"]
    refunds = dialog.editors["connects.refund_rules"]
    part = refunds.parts["withdrawn"]
    assert isinstance(part, QComboBox)
    assert part.currentText() == "⟦None⟧"
    part.setCurrentIndex(part.findData("spend"))
    assert refunds.value()["withdrawn"] == "spend"
