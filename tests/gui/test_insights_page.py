"""The Insights page: charts appear with the expected series, follow the filters, export."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCharts import (
    QAbstractBarSeries,
    QAbstractSeries,
    QChart,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from app import insights
from app.demo import generate_demo
from ui import app_words, charts, localized
from ui import charts as charts_module
from ui.pages.insights import InsightsPage
from ui.theme import apply_theme

pytestmark = pytest.mark.clock  # reads the time: .ci/run repeats it at awkward dates

NOW = datetime(2024, 7, 1, tzinfo=UTC)
S = TypeVar("S", bound=QAbstractSeries)


@pytest.fixture
def demo_ctx(ctx):
    with ctx.db.transaction() as session:
        generate_demo(session, jobs=150, proposals=90, seed=5, now=NOW)
    return ctx


def refreshed(qtbot, page: InsightsPage, action=None) -> None:
    with qtbot.waitSignal(page.refreshed, timeout=20000):
        (action or page.refresh)()


@pytest.fixture
def page(qtbot, demo_ctx) -> InsightsPage:
    page = InsightsPage(demo_ctx)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    refreshed(qtbot, page)
    return page


def expected(ctx, profile_id=None) -> insights.Insights:
    with ctx.db.read() as session:
        return insights.compute_insights(session, profile_id=profile_id)


def first_series(chart: QChart, kind: type[S]) -> S:
    """The first series of ``chart``, which must be a ``kind``."""
    series = chart.series()[0]
    assert isinstance(series, kind), series
    return series


def bar_values(series: QAbstractBarSeries) -> list[list[float]]:
    return [[s.at(i) for i in range(s.count())] for s in series.barSets()]


def test_each_chart_shows_its_series(page: InsightsPage, demo_ctx) -> None:
    ins = expected(demo_ctx)
    assert page.stack.currentWidget() is page.content
    charts = {kind: card.chart for kind, card in page.cards.items()}
    assert all(len(chart.series()) == 1 for chart in charts.values())
    spend = charts["spend"].series()[0]
    _unit, periods = ins.spend_periods()
    assert isinstance(spend, QStackedBarSeries)
    assert bar_values(spend) == [[p.base for p in periods], [p.boost for p in periods]]
    balance = charts["balance"].series()[0]
    line = charts_module.balance_line(ins)  # the opening, dips within a day, each close
    assert isinstance(balance, QLineSeries) and balance.count() == len(line)
    assert [balance.at(i).y() for i in range(balance.count())] == [b for _m, b in line]
    assert balance.at(balance.count() - 1).y() == ins.balance[-1].balance
    funnel = charts["funnel"].series()[0]
    assert isinstance(funnel, QHorizontalStackedBarSeries)
    cold, invited = bar_values(funnel)
    assert [c + i for c, i in zip(cold, invited, strict=True)][::-1] == [
        s.count for s in ins.funnel()
    ]
    bands = first_series(charts["score-bands"], QAbstractBarSeries)
    assert len(bands.barSets()) == 1 and bands.barSets()[0].count() == 5
    cats = charts["categories"].series()[0]
    assert isinstance(cats, QHorizontalBarSeries)
    assert cats.barSets()[0].count() == min(8, len(ins.by_category))
    assert len(first_series(charts["boost"], QAbstractBarSeries).barSets()) == 2
    speed = first_series(charts["speed"], QAbstractBarSeries).barSets()[0]
    assert speed.count() == 5  # the five delay buckets; unknown posting times left out
    assert len(charts) == 7
    for kind, card in page.cards.items():
        assert card.view.isVisible() and not card.empty_label.isVisible()
        shown = card.takeaway_label.text()
        assert shown == app_words.message(insights.takeaway_message(ins, kind))
        if kind != "balance":  # US English: the report's words and numbers
            assert shown == insights.takeaway(ins, kind)
        else:  # the lowest day as the locale writes dates (the report says 2023-07-31)
            low_day = ins.lowest_balance()[1]
            assert low_day is not None and localized.day(low_day) in shown
        assert card.chart.title()
        assert all(axis.titleText() for axis in card.chart.axes())
    assert f"{ins.total.proposals:,} proposals" in page.summary_label.text()


def test_profile_picker_filters_every_chart(qtbot, page: InsightsPage, demo_ctx) -> None:
    combo = page.profile_combo
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names == ["All profiles", "Demo: data analysis", "Demo: full-stack web"]
    refreshed(qtbot, page, lambda: qtbot.keyClick(combo, Qt.Key.Key_Down))
    assert combo.currentText() == "Demo: data analysis"
    ins = expected(demo_ctx, combo.currentData())
    assert 0 < ins.total.proposals < expected(demo_ctx).total.proposals
    assert f"{ins.total.proposals:,} proposals" in page.summary_label.text()
    assert page.cards["funnel"].takeaway_label.text() == insights.takeaway(ins, "funnel")


def test_range_with_no_data_explains_what_is_needed(qtbot, page: InsightsPage) -> None:
    assert not page.from_edit.isVisible()  # "All time" has no dates to show
    index = page.range_combo.findData("custom")
    refreshed(qtbot, page, lambda: page.range_combo.setCurrentIndex(index))
    assert page.from_edit.isEnabled() and page.from_edit.isVisible()
    page.to_edit.setDate(page.to_edit.date().addYears(5))
    refreshed(qtbot, page, lambda: page.from_edit.setDate(page.to_edit.date().addDays(-3)))
    assert page.stack.currentWidget() is page.content  # there is data, just not here
    card = page.cards["funnel"]
    assert card.empty_label.isVisible() and not card.view.isVisible()
    assert "No proposals were submitted in this range" in card.empty_label.text()
    assert not card.png_button.isEnabled()


def test_empty_database_shows_the_empty_state(qtbot, ctx) -> None:
    page = InsightsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.refreshed, timeout=20000):
        page.refresh()
        # until the first numbers arrive the page says it is working, not "nothing to chart"
        assert page.stack.currentWidget() is page.content
        assert page.summary_label.text() == "Computing insights…"
    assert page.stack.currentWidget() is page.empty_state


def test_hover_shows_the_values(page: InsightsPage, demo_ctx, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(charts, "_show_tip", shown.append)  # offscreen has no tooltips
    ins = expected(demo_ctx)
    top = ins.funnel()[0]
    bars = first_series(page.cards["funnel"].chart, QAbstractBarSeries).barSets()[0]
    bars.hovered.emit(True, 4)  # the top bar: submitted
    assert shown and shown[-1].startswith(f"Submitted: {top.count:,} (")
    spend = first_series(page.cards["spend"].chart, QAbstractBarSeries).barSets()[1]
    spend.hovered.emit(True, 0)
    _unit, periods = ins.spend_periods()
    assert shown[-1].startswith(f"{periods[0].period}: {periods[0].base:,} base")
    first_series(page.cards["balance"].chart, QLineSeries).hovered.emit(QPointF(0, 42), True)
    # the day (a UTC day, as the chart's axis says) as the user's locale writes it
    assert shown[-1] == f"{localized.day(date(1970, 1, 1))}: 42 Connects"


def test_export_png_and_csv(qtbot, page: InsightsPage, monkeypatch, tmp_path: Path) -> None:
    card = page.cards["score-bands"]
    target = tmp_path / "bands"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    qtbot.mouseClick(card.png_button, Qt.MouseButton.LeftButton)
    image = QImage(str(target) + ".png")
    assert not image.isNull() and image.width() > 300
    qtbot.mouseClick(card.csv_button, Qt.MouseButton.LeftButton)
    with open(str(target) + ".csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [
        "band",
        "proposals",
        "hired",
        "win_rate",
        "connects_per_hire",
        "usd_per_hire",
    ]
    assert page.result is not None
    assert len(rows) == 1 + len(page.result.insights.by_score_band)


def test_dark_theme_redraws_the_charts(qtbot, qapp, page: InsightsPage) -> None:
    light = page.cards["spend"].chart.backgroundBrush().color().name()
    apply_theme(qapp, "dark")
    try:
        qtbot.waitUntil(lambda: page.cards["spend"].chart.backgroundBrush().color().name() != light)
        assert page.cards["spend"].chart.backgroundBrush().color().name() == "#1e1f22"
    finally:
        apply_theme(qapp, "light")


def test_changes_elsewhere_refresh_the_page(qtbot, page: InsightsPage, demo_ctx) -> None:
    from app.storage.models import LedgerEntry

    with demo_ctx.db.transaction() as session:
        session.add(LedgerEntry(kind="bonus", amount=500, at=NOW))
    refreshed(qtbot, page, demo_ctx.ledger_changed.emit)
    assert page.result is not None
    assert page.result.insights.balance[-1].balance == expected(demo_ctx).balance[-1].balance


def test_takeaways_and_labels_are_never_cut_at_laptop_size(qtbot, demo_ctx) -> None:
    page = InsightsPage(demo_ctx)
    qtbot.addWidget(page)
    page.resize(1024 - 190, 700 - 90)  # the page's share of a 1024x700 window
    page.show()
    refreshed(qtbot, page)
    for card in page.cards.values():
        if not card.takeaway_label.isVisible():
            continue
        label = card.takeaway_label
        assert label.text(), card.kind
        assert label.height() >= label.heightForWidth(label.width()), card.kind
        for axis in card.chart.axes():
            assert not axis.truncateLabels(), (card.kind, axis.titleText())


def test_a_one_day_ledger_draws_a_line_that_goes_as_low_as_the_ledger(qtbot, ctx) -> None:
    from app.storage.models import LedgerEntry

    with ctx.db.transaction() as s:
        s.add(LedgerEntry(kind="spend", amount=-60, at=datetime(2026, 12, 1, 8, tzinfo=UTC)))
        s.add(LedgerEntry(kind="allocation", amount=122, at=datetime(2026, 12, 1, 10, tzinfo=UTC)))
    with ctx.db.read() as session:
        ins = insights.compute_insights(session)
    chart = charts.build_chart("balance", ins)
    line = first_series(chart, QLineSeries)
    assert [line.at(i).y() for i in range(line.count())] == [0, -60, 62]
    assert line.at(0).x() < line.at(line.count() - 1).x()  # a line through the day
    [y] = chart.axes(Qt.Orientation.Vertical)
    assert isinstance(y, QValueAxis) and y.min() <= -60
    assert "lowest -60 on 2026-12-01" in insights.takeaway(ins, "balance")


def test_the_member_list_shows_for_a_team_and_filters_the_figures(qtbot, demo_ctx) -> None:
    from app.proposals import submit_proposal
    from app.storage import Database
    from app.storage.members import add_member

    page = InsightsPage(demo_ctx)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    refreshed(qtbot, page)
    assert not page.member_combo.isVisible()  # a solo freelancer has nothing to choose
    db = demo_ctx.db
    with db.transaction() as session:
        add_member(session, "Ann")
    ann = Database(url=db.url, engine=db.engine, session_factory=db.session_factory, member="Ann")
    with ann.transaction() as session:
        submit_proposal(session, job_id=1, connects=12, at=NOW)
    page.range_combo.setCurrentIndex(page.range_combo.findData("all"))
    refreshed(qtbot, page)
    assert page.member_combo.isVisible()
    assert [page.member_combo.itemText(i) for i in range(page.member_combo.count())] == [
        "All members",
        "owner",
        "Ann",
    ]
    everyone = shown(page).total.proposals
    refreshed(qtbot, page, lambda: page.member_combo.setCurrentIndex(2))
    assert shown(page).total.proposals == 1
    assert shown(page).connects_spent == 12
    assert shown(page).member == "Ann"
    refreshed(qtbot, page, lambda: page.member_combo.setCurrentIndex(1))
    assert shown(page).total.proposals == everyone - 1


def shown(page: InsightsPage) -> insights.Insights:
    assert page.result is not None
    return page.result.insights
