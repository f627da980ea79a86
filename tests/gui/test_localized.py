"""Numbers, money, dates and times in the user's locale and time zone."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QLocale

from ui import localized


@pytest.fixture
def german() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def new_york() -> Iterator[None]:
    old = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_no_locale_is_written_as_us_english() -> None:
    before = QLocale()
    QLocale.setDefault(QLocale.c())
    try:
        assert localized.number(12345) == "12,345"
        assert localized.money(1250.5) == "$1,250.50"
        assert localized.money(40) == "$40"
    finally:
        QLocale.setDefault(before)


def test_a_german_user_reads_german_numbers_and_dates(german) -> None:
    assert localized.number(12345) == "12.345"
    assert localized.number(0.25, 2) == "0,25"
    assert localized.money(1250.5) == "1.250,50\xa0$"
    assert localized.day(date(2026, 12, 2)) == "02.12.26"


def test_times_are_shown_in_the_users_time_zone(new_york) -> None:
    stored = datetime(2026, 12, 2, 14, 30, tzinfo=UTC)  # 9:30 in New York (EST)
    shown = localized.local_time(stored)
    assert (shown.time().hour(), shown.time().minute()) == (9, 30)
    assert localized.moment(stored.replace(tzinfo=None)) == localized.moment(stored)
    assert "9:30" in localized.moment(stored)
    summer = localized.local_time(datetime(2026, 7, 1, 14, 30, tzinfo=UTC))  # EDT
    assert summer.time().hour() == 10


def test_the_ledger_shows_a_stored_utc_time_in_the_users_zone(qapp, new_york) -> None:
    from PySide6.QtCore import Qt

    from app.ledger.views import EntryView
    from ui.models.ledger_model import USD_COLUMN, LedgerTableModel

    model = LedgerTableModel()
    stored = datetime(2026, 12, 2, 3, 15)  # naive UTC, as the database gives it back
    model.set_rows([EntryView(1, stored, "purchase", 80, 12.0, None, None, "")])
    shown = model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole)
    # the table shows it as plain text: Qt's narrow no-break space before "PM" is a space
    assert shown == localized.moment(stored).replace("\u202f", " ")
    assert "10:15" in shown  # 22:15 the evening before, in New York
    assert localized.local_time(stored).date().day() == 1
    assert model.data(model.index(0, USD_COLUMN), Qt.ItemDataRole.DisplayRole) == "$12.00"


# -- what the user sees, page by page, in Germany and in the US ----------------------------

US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
GERMANY = QLocale(QLocale.Language.German, QLocale.Country.Germany)


@pytest.fixture
def in_locale() -> Iterator[Callable[[QLocale], None]]:
    """``in_locale(QLocale)``: widgets and ui.localized write that locale's way; US English
    again after the test (what create_application sets on a system without a locale)."""
    yield QLocale.setDefault
    QLocale.setDefault(US)


@pytest.fixture
def zone() -> Iterator[Callable[[str], None]]:
    """``zone("Europe/Berlin")``: the user's time zone (TZ) for the test; restored after."""
    old = os.environ.get("TZ")

    def set_zone(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield set_zone
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


def flat(text: str) -> str:
    """Qt's no-break spaces (before "$", before "PM") as the plain spaces a table cell shows."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


NOW = datetime(2026, 12, 2, 18, 0, tzinfo=UTC)


def jobs_cells(db, locale: QLocale) -> list[list[str]]:
    from PySide6.QtCore import Qt

    from app import clock
    from app.storage.models import JobPosting
    from ui.models.jobs_model import JobsModel

    with db.transaction() as session:
        session.add_all(
            [
                JobPosting(
                    dedup_key="a",
                    title="Shop",
                    budget_type="fixed",
                    fixed_budget=1250.0,
                    client_total_spent=12500.0,
                    client_rating=4.85,
                    proposals_min=20,
                    proposals_max=50,
                    connects_required=16,
                    posted_at=datetime(2026, 12, 2, 15, 0, tzinfo=UTC),
                ),
                JobPosting(
                    dedup_key="b",
                    title="Rates",
                    budget_type="hourly",
                    hourly_min=15.0,
                    hourly_max=1250.5,
                    client_total_spent=1_250_000.0,
                    # three weeks ago: a date; 02:00 UTC is the evening before in New York
                    posted_at=datetime(2026, 11, 11, 2, 0, tzinfo=UTC),
                ),
            ]
        )
    QLocale.setDefault(locale)
    with clock.frozen(NOW):
        model = JobsModel(db)
        model.reload()
    rows = []
    for r in range(model.rowCount()):
        rows.append(
            [
                model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole)
                for c in range(model.columnCount())
            ]
        )
    return sorted(rows, key=lambda cells: cells[2])  # by title: Rates, Shop


def test_the_jobs_table_in_germany(qapp, db, in_locale, zone) -> None:
    from ui.models.jobs_model import BUDGET, CLIENT, CONNECTS, POSTED, PROPOSALS

    zone("Europe/Berlin")
    rates, shop = jobs_cells(db, GERMANY)
    assert shop[BUDGET] == "1.250 $ fixed"
    assert shop[CLIENT] == "13K $ · 4,8★"  # 4.85 to one decimal, the German comma
    assert shop[PROPOSALS] == "20 to 50"
    assert shop[CONNECTS] == "16"
    assert shop[POSTED] == "3 h ago"
    assert rates[BUDGET] == "15 $–1.250,50 $/hr"
    assert rates[CLIENT] == "1,3M $"
    assert rates[POSTED] == "11.11.26"  # dd.MM.yy


def test_the_jobs_table_in_the_us(qapp, db, in_locale, zone) -> None:
    from ui.models.jobs_model import BUDGET, CLIENT, POSTED

    zone("America/New_York")
    rates, shop = jobs_cells(db, US)
    assert shop[BUDGET] == "$1,250 fixed"
    assert shop[CLIENT] == "$13K · 4.8★"
    assert rates[BUDGET] == "$15–$1,250.50/hr"
    assert rates[CLIENT] == "$1.3M"
    assert rates[POSTED] == "11/10/26"  # M/d/yy, the day it was in New York


def test_the_jobs_table_sorts_by_the_stored_values_whatever_the_locale(qapp, db, in_locale) -> None:
    """Sorting is the database's, on numbers: "1,3M $" after "13K $" (as text it would not)."""
    from app.storage.jobs import JobQuery
    from ui.models.jobs_model import CLIENT, JobsModel

    rates_first = jobs_cells(db, GERMANY)
    assert [cells[CLIENT] for cells in rates_first] == ["1,3M $", "13K $ · 4,8★"]
    model = JobsModel(db)
    model.set_query(JobQuery(sort="client_total_spent", descending=False))
    assert [model.data(model.index(r, 2)) for r in range(2)] == ["Shop", "Rates"]
    model.set_query(JobQuery(sort="budget", descending=True))  # 1,250.50 an hour, 1,250 fixed
    assert [model.data(model.index(r, 2)) for r in range(2)] == ["Rates", "Shop"]


def test_the_ledger_in_germany(qapp, in_locale, zone) -> None:
    from PySide6.QtCore import Qt

    from app.ledger.views import EntryView
    from ui.models.ledger_model import AMOUNT_COLUMN, USD_COLUMN, LedgerTableModel

    zone("Europe/Berlin")
    in_locale(GERMANY)
    model = LedgerTableModel()
    model.set_rows(
        [
            EntryView(1, datetime(2026, 12, 2, 14, 30), "purchase", 1250, 1250.5, None, None, ""),
            EntryView(2, datetime(2026, 12, 1, 9, 0), "spend", -16, None, None, None, ""),
        ]
    )
    model.sort(0, Qt.SortOrder.DescendingOrder)
    shown = [
        [model.data(model.index(r, c)) for c in (0, AMOUNT_COLUMN, USD_COLUMN)] for r in range(2)
    ]
    assert shown == [["02.12.26 15:30", "+1.250", "1.250,50 $"], ["01.12.26 10:00", "-16", ""]]
    model.sort(USD_COLUMN, Qt.SortOrder.AscendingOrder)  # by the amount, not its text
    assert model.entry(0).id == 2


def test_a_proposal_in_germany_and_in_the_us(qtbot, ctx, in_locale, zone) -> None:
    from app.domain import ProposalStatus
    from app.drafting.pipeline import ProposalDetail, ProposalRow, StatusStep
    from ui.pages.proposals import ProposalsPage

    submitted = datetime(2026, 12, 2, 14, 30)  # naive UTC, as stored
    detail = ProposalDetail(
        row=ProposalRow(
            1, 1, "Shop", ProposalStatus.HIRED, 1250.5, 1250, 4, False, submitted, submitted
        ),
        text="Hi",
        outcome_reason="great fit",
        revenue_usd=12500.0,
        history=[StatusStep(None, "submitted", submitted, None)],
    )
    for locale, tz, money, connects, revenue, history in (
        (
            GERMANY,
            "Europe/Berlin",
            "1.250,50 $",
            "1.250 Connects, boost 4",
            "12.500,00 $",
            "02.12.26 15:30  Submitted",
        ),
        (
            US,
            "America/New_York",
            "$1,250.50",
            "1,250 Connects, boost 4",
            "$12,500.00",
            "12/2/26 9:30 AM  Submitted",
        ),
    ):
        zone(tz)
        in_locale(locale)
        page = ProposalsPage(ctx)
        qtbot.add_widget(page)
        page._show_detail(detail)
        assert flat(page.money_text.text()) == f"{money} · {connects}", locale.name()
        assert flat(page.outcome_text.text()) == f"great fit · revenue {revenue}"
        assert flat(page.history_text.text()) == history


def test_the_insights_figures_in_germany(qtbot, ctx, in_locale, monkeypatch) -> None:
    from app import insights
    from ui.pages.insights import InsightsPage

    report = {
        "connects_spent": 1250,
        "connects_boost": 40,
        "usd_spent": 1250.5,
        "proposals": 1250,
        "hired": 3,
        "revenue": 12500.0,
        "revenue_per_usd": 9.99,
    }
    monkeypatch.setattr(insights, "report_json", lambda _ins: report)
    in_locale(GERMANY)
    page = InsightsPage(ctx)
    qtbot.add_widget(page)
    with qtbot.waitSignal(page.refreshed, timeout=20000):
        page.refresh()
    assert flat(page.summary_label.text()) == (
        "1.250 + 40 boost Connects spent  ·  1.250,50 $ of Connects bought  ·  "
        "1.250 proposals, 3 hired  ·  12.500 $ revenue (9,99 $ per USD)"
    )
    from PySide6.QtCharts import QChart

    from ui import charts

    chart = charts._style(QChart(), "Connects spent", dark=False)  # as every chart is styled
    assert chart.localizeNumbers() and chart.locale().name() == "de_DE"  # its axes' numbers


def test_chart_hover_numbers_and_days_in_germany(qapp, in_locale) -> None:
    from PySide6.QtCore import QPointF

    from ui import charts

    in_locale(GERMANY)
    assert charts._balance_tip(QPointF(0, 1250)) == "01.01.70: 1.250 Connects"
    assert charts._pct(0.25) == "25%"
    in_locale(US)
    assert charts._balance_tip(QPointF(0, 1250)) == "1/1/70: 1,250 Connects"


def test_the_import_preview_in_germany_and_in_the_us(qapp, in_locale, zone) -> None:
    from app.domain import PostingFacts
    from ui.dialogs.import_dialog import _facts_cells

    fixed = PostingFacts(
        title="Shop",
        fixed_budget=1250.0,
        posted_at=datetime(2026, 12, 2, 14, 30, tzinfo=UTC),
        proposals_min=50,
    )
    hourly = PostingFacts(title="Rates", hourly_min=15.0, hourly_max=1250.5)
    zone("Europe/Berlin")
    in_locale(GERMANY)
    assert [flat(c) for c in _facts_cells(fixed)[:3]] == [
        "Shop",
        "1.250 $ fixed",
        "02.12.26 15:30",
    ]
    assert _facts_cells(fixed)[5] == "50+"
    assert flat(_facts_cells(hourly)[1]) == "15 $–1.250,50 $/hr"
    zone("America/New_York")
    in_locale(US)
    assert [flat(c) for c in _facts_cells(fixed)[1:3]] == ["$1,250 fixed", "12/2/26 9:30 AM"]


def test_date_edits_follow_the_locale(qtbot, ctx, in_locale) -> None:
    from PySide6.QtCore import QDate

    from ui.pages.connects import ConnectsPage

    for locale, shown in ((GERMANY, "02.12.2026"), (US, "12/2/2026")):
        in_locale(locale)
        page = ConnectsPage(ctx)
        qtbot.add_widget(page)
        page.from_date.setDate(QDate(2026, 12, 2))
        assert page.from_date.text() == shown


def test_create_application_sets_the_default_locale(qapp) -> None:
    """Widgets follow QLocale's default: the app sets it from the system (C is US English)."""
    from ui import main

    before = QLocale()
    try:
        QLocale.setDefault(QLocale.c())
        qapp._pwb_translated = False
        main.create_application()
        assert QLocale().name() == "en_US"
    finally:
        QLocale.setDefault(before)


def test_amounts_typed_the_locales_way(in_locale) -> None:
    in_locale(GERMANY)
    assert localized.parse_amount("1.250,50") == 1250.5
    assert localized.parse_amount("1250.50") == 1250.5  # the plain way still reads
    assert localized.parse_amount("12 $") == 12.0
    assert localized.parse_amount("zwölf") is None
    in_locale(US)
    assert localized.parse_amount("$1,250.50") == 1250.5


def test_the_posting_details_in_germany(qtbot, ctx, in_locale, zone) -> None:
    from app import clock
    from app.storage.models import JobPosting
    from ui.pages.jobs import JobsPage

    with ctx.db.transaction() as session:
        job = JobPosting(
            dedup_key="a",
            title="Shop",
            budget_type="fixed",
            fixed_budget=1250.0,
            client_total_spent=12500.0,
            client_avg_hourly_rate=22.5,
            client_rating=4.85,
            client_hire_rate=87.5,
            client_jobs_posted=1250,
            posted_at=datetime(2026, 12, 2, 15, 0, tzinfo=UTC),
            client_member_since=date(2019, 3, 7),
        )
        session.add(job)
        session.flush()
        job_id = job.id
    zone("Europe/Berlin")
    in_locale(GERMANY)
    page = JobsPage(ctx)
    qtbot.add_widget(page)
    with clock.frozen(NOW):
        page._show_detail(job_id)
    shown = {label: flat(value.text()) for label, value in page.detail_labels.items()}
    assert shown["Budget"] == "1.250 $ fixed"
    assert shown["Posted"] == "02.12.26 16:00 (3 h ago)"  # 15:00 UTC is 16:00 in Berlin
    assert shown["Total spent"] == "12.500 $"
    assert shown["Avg hourly rate paid"] == "22,50 $"
    assert shown["Client rating"] == "4,85 of 5"
    assert shown["Hire rate"] == "87,5%"
    assert shown["Jobs posted"] == "1.250"
    assert shown["Member since"] == "07.03.19"


def test_the_connects_page_in_germany(qtbot, ctx, in_locale) -> None:
    from datetime import timedelta

    from app import clock, ledger
    from app.ledger import Forecast
    from ui.pages.connects import ConnectsPage

    bought = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
    with clock.frozen(bought), ctx.db.transaction() as session:
        for _ in range(16):  # 1,280 Connects (bundles hold at most 80)
            ledger.buy(session, 80, usd=1250.5, at=bought)
    in_locale(GERMANY)
    with clock.frozen(bought + timedelta(hours=1)):
        page = ConnectsPage(ctx)
        qtbot.add_widget(page)
    assert page.balance_label.text() == "1.280 Connects"
    expiry = page.expiry_label.text()
    assert expiry.startswith("1.280 Connects expire on ") and expiry.endswith(".27"), expiry
    assert [page.model.data(page.model.index(0, c)) for c in (2, 3)] == ["+80", "1.250,50 $"]
    outlook = Forecast(1250, 12.5, 30, date(2027, 3, 4), 16, None, [])
    assert page._forecast_text(outlook, "Connects") == (
        "At 12,5 a day (last 30 days) the balance runs out on 04.03.27"
    )


def test_column_titles_badges_and_budget_words_are_translated(
    qtbot, ctx, tmp_path, monkeypatch, in_locale
) -> None:
    """Through a catalogue translating every message into "⟦text⟧" (test_translation's)."""
    from PySide6.QtCore import QCoreApplication, Qt, QTranslator

    from tests.gui.test_translation import pseudo_qm
    from ui import i18n
    from ui.main_window import MainWindow
    from ui.models.jobs_model import BUDGET, JobsModel
    from ui.models.ledger_model import LedgerTableModel
    from ui.models.proposals import ProposalsModel
    from ui.widgets.verdict_delegate import badge_text

    qm = pseudo_qm(tmp_path, "eo")
    monkeypatch.setattr(i18n, "i18n_dir", lambda: qm.parent)
    app = QCoreApplication.instance()
    assert app is not None
    before = set(app.findChildren(QTranslator))
    i18n.install_translators(app, QLocale("eo"))
    in_locale(US)
    horizontal = Qt.Orientation.Horizontal
    try:
        assert JobsModel(ctx.db).headerData(BUDGET, horizontal) == "⟦Budget⟧"
        assert ProposalsModel().headerData(2, horizontal) == "⟦Bid⟧"
        assert LedgerTableModel().headerData(0, horizontal) == "⟦Date⟧"
        assert badge_text("apply") == "⟦Apply⟧"
        assert localized.budget("fixed", 1250.0, None, None) == "⟦$1,250 fixed⟧"
        assert localized.proposals(0, 4) == "⟦Less than 5⟧"
        window = MainWindow(ctx)
        qtbot.add_widget(window)
        sections = dict(window.shortcut_sections())
        jobs = next(keys for title, keys in sections.items() if "Jobs" in title)
        assert ("S", "⟦Shortlist the selected postings, then go to the next⟧") in jobs
    finally:
        for translator in set(app.findChildren(QTranslator)) - before:
            app.removeTranslator(translator)
            translator.deleteLater()
