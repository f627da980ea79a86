"""The texts app/ builds and ui/ shows reach the user translated (issue 16): fixed names
(statuses, verdicts, severities, ledger kinds, setting choices), the Insights takeaways and
hints, the overdraft warning; what is stored and what the command line prints stays English."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator

from app import clock
from app.domain import ProposalStatus as S
from app.proposals import save_draft, submit_proposal
from app.storage.models import JobPosting, Profile, ScoreCard
from tests.gui.test_translation import pseudo_qm
from ui import i18n

pytestmark = pytest.mark.clock

T0 = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


@pytest.fixture
def pseudo(qapp, tmp_path, monkeypatch):
    """Every message translated to "⟦text⟧" (plurals in Esperanto's forms one and other)."""
    qm = pseudo_qm(tmp_path, "eo", ("one", "other"))
    monkeypatch.setattr(i18n, "i18n_dir", lambda: qm.parent)
    before = set(qapp.findChildren(QTranslator))
    assert f"{i18n.CATALOGUE}_eo.qm" in i18n.install_translators(qapp, QLocale("eo"))
    yield
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.deleteLater()


def test_proposal_statuses_are_translated_on_the_proposals_page(qtbot, ctx, pseudo) -> None:
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


def test_verdicts_and_posting_statuses_in_the_jobs_table(qapp, db, pseudo) -> None:
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


def test_the_verdict_badge_is_drawn_from_the_stored_verdict(qtbot, db, pseudo) -> None:
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


def test_severities_kinds_and_setting_choices_are_translated(qtbot, ctx, pseudo) -> None:
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


def test_a_name_app_does_not_define_is_shown_in_english(qapp, pseudo) -> None:
    from ui import app_words

    assert app_words.ledger_kind("mystery_kind") == "Mystery kind"
    assert app_words.severity("warning") == "⟦Warning⟧"
    assert QCoreApplication.translate("ProposalStatus", "Job closed") == "⟦Job closed⟧"
