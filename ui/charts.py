"""Qt Charts for the Insights page and ``pwb chart``, built from :mod:`app.insights` numbers.

:func:`build_chart` makes one ``QChart`` for a chart kind. The page shows it in
a ``QChartView``; :func:`render_png` draws the same chart offscreen. Hover text
comes from :func:`hover_text`, so what the tooltip says is testable.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from datetime import UTC, datetime, time
from pathlib import Path

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QPen
from PySide6.QtWidgets import QFrame, QToolTip

from app import plaintext
from app.insights import (
    DELAY_BUCKETS,
    SCORE_BANDS,
    STAGES,
    GroupStats,
    Insights,
    top_categories,
)
from ui import localized
from ui.theme import ACCENT

#: chart titles, shared by the page and ``pwb chart``
TITLES: dict[str, str] = {
    "spend": "Connects spent",
    "balance": "Connects balance",
    "funnel": "Proposal funnel",
    "score-bands": "Win rate by score band",
    "categories": "Win rate by category",
    "boost": "Boosted vs not boosted",
    "speed": "View rate by time since posting",
}
BASE_COLOR = ACCENT
BOOST_COLOR = "#c98a04"
INVITED_COLOR = "#1f9d55"
MUTED_COLOR = "#8a8f98"
EXPORT_SIZE = (960, 560)
#: a group with fewer proposals than this is drawn pale
SMALL_SAMPLE = 10


def _pct(value: float | None) -> str:
    return localized.percent(value)


#: a count as the user's locale writes it (``1,250`` / ``1.250``)
_n = localized.number


def _rate(value: float | None) -> float:
    return 0.0 if value is None else round(value * 100, 1)


def _style(chart: QChart, title: str, dark: bool) -> QChart:
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    chart.setBackgroundBrush(QColor("#1e1f22" if dark else "#ffffff"))
    chart.setBackgroundRoundness(6)
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setPointSizeF(11)
    font.setBold(True)
    chart.setTitleFont(font)
    # room on the right: an axis label under the last bar is centred on it, half outside
    chart.setMargins(QMargins(6, 6, 22, 6))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    # the axes' and bars' numbers (and the balance axis's dates) as the user's locale writes them
    chart.setLocale(localized.locale())
    chart.setLocalizeNumbers(True)
    return chart


def _value_axis(title: str, top: float, *, percent: bool = False) -> QValueAxis:
    axis = QValueAxis()
    axis.setTitleText(title)
    axis.setRange(0, max(top, 1) * 1.12 if not percent else min(100.0, max(top, 5) * 1.15))
    axis.setLabelFormat("%.0f%%" if percent else "%d")
    axis.applyNiceNumbers()
    if not percent and axis.max() <= 8:
        # small counts: one tick per whole number, so labels never repeat ("0, 0, 1, 1")
        whole = max(1, math.ceil(top * 1.12))
        axis.setRange(0, whole)
        axis.setTickCount(whole + 1)
    return axis


def _category_axis(labels: list[str], title: str) -> QBarCategoryAxis:
    """Axis of bar categories; labels are Qt rich text, so callers escape user text."""
    axis = QBarCategoryAxis()
    axis.append(_unique(labels))
    axis.setTitleText(title)
    return axis


def _unique(labels: list[str]) -> list[str]:
    """The axis drops repeated labels (shortened names can repeat): number the repeats."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def _sparse_axis(labels: list[str], title: str, most: int = 6) -> QCategoryAxis:
    """A bar axis labelling every k-th bar only, so many periods stay readable."""
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setStartValue(-0.5)
    axis.setRange(-0.5, len(labels) - 0.5)
    step = max(1, math.ceil(len(labels) / most))
    for i in range(0, len(labels), step):
        axis.append(labels[i], i)
    axis.setGridLineVisible(False)
    axis.setTitleText(title)
    return axis


def _bar_set(label: str, values: list[float], color: str) -> QBarSet:
    bars = QBarSet(label)
    bars.append(values)
    bars.setColor(QColor(color))
    bars.setBorderColor(QColor(color))
    return bars


def _pale_small_samples(bars: QBarSet, counts: list[int]) -> None:
    """Draw bars resting on fewer than SMALL_SAMPLE proposals pale: they may be noise."""
    pale = QColor(BASE_COLOR)
    pale.setAlpha(90)
    bars.setSelectedColor(pale)
    bars.selectBars([i for i, n in enumerate(counts) if 0 < n < SMALL_SAMPLE])


def _attach(chart: QChart, series: QAbstractBarSeries | QLineSeries, x, y) -> None:
    chart.addSeries(series)
    chart.addAxis(
        x, Qt.AlignmentFlag.AlignLeft if _is_horizontal(series) else Qt.AlignmentFlag.AlignBottom
    )
    chart.addAxis(
        y, Qt.AlignmentFlag.AlignBottom if _is_horizontal(series) else Qt.AlignmentFlag.AlignLeft
    )
    series.attachAxis(x)
    series.attachAxis(y)
    for axis in (x, y):
        axis.setTruncateLabels(False)  # a label is read whole, or the chart makes room


def _is_horizontal(series: object) -> bool:
    return isinstance(series, QHorizontalBarSeries | QHorizontalStackedBarSeries)


def _show_tip(text: str) -> None:
    # as rich text with the (possibly hostile) names escaped: never interpreted by accident
    QToolTip.showText(QCursor.pos(), f"<qt>{html.escape(plaintext.block(text))}</qt>")


def _hover_bars(series: QAbstractBarSeries, kind: str, ins: Insights) -> None:
    for bars in series.barSets():
        label = bars.label()
        bars.hovered.connect(
            lambda status, index, label=label: (
                _show_tip(hover_text(kind, ins, label, index)) if status else QToolTip.hideText()
            )
        )


# -- the charts ---------------------------------------------------------------


def _spend_chart(ins: Insights, chart: QChart) -> None:
    unit, periods = ins.spend_periods()
    series = QStackedBarSeries()
    series.append(_bar_set("Base", [float(p.base) for p in periods], BASE_COLOR))
    series.append(_bar_set("Boost", [float(p.boost) for p in periods], BOOST_COLOR))
    top = max((p.base + p.boost for p in periods), default=0)
    label = "Week starting (UTC)" if unit == "week" else "Month (UTC)"
    names = [p.period for p in periods]
    x = _category_axis(names, label) if len(names) <= 8 else _sparse_axis(names, label)
    chart.setTitle(f"{TITLES['spend']} per {unit}")
    _attach(chart, series, x, _value_axis("Connects (net of refunds)", top))


def balance_line(ins: Insights) -> list[tuple[datetime, int]]:
    """The points the balance line goes through: where the range opens, each day's
    lowest when it dips below the day's start and end, and each day's close; so the line
    goes as low as the ledger did, and a single day is a line, not a lone dot."""
    if not ins.balance:
        return []
    first = ins.balance[0].day
    points = [(datetime.combine(first, time(0), tzinfo=UTC), ins.opening_balance)]
    before = ins.opening_balance
    for point in ins.balance:
        if point.lowest < min(before, point.balance):
            points.append((datetime.combine(point.day, time(8), tzinfo=UTC), point.lowest))
        points.append((datetime.combine(point.day, time(20), tzinfo=UTC), point.balance))
        before = point.balance
    return points


def _qmoment(moment: datetime) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))


def _balance_chart(ins: Insights, chart: QChart) -> None:
    series = QLineSeries()
    series.setName("Balance")
    line = balance_line(ins)
    for moment, balance in line:
        series.append(moment.timestamp() * 1000, balance)
    series.setPen(QPen(QColor(BASE_COLOR), 2))
    series.setPointsVisible(len(line) <= 60)
    x = QDateTimeAxis()
    days = (ins.balance[-1].day - ins.balance[0].day).days if ins.balance else 0
    x.setFormat("yyyy-MM" if days > 120 else "MMM d")
    x.setTitleText("Day (UTC)")
    x.setTickCount(5 if days >= 4 else 2)
    if line:  # the whole of the first and last day, so one day still spans the axis
        start = datetime.combine(ins.balance[0].day, time(0), tzinfo=UTC)
        end = datetime.combine(ins.balance[-1].day, time(23, 59), tzinfo=UTC)
        x.setRange(_qmoment(start), _qmoment(end))
    low = min((b for _m, b in line), default=0)
    high = max((b for _m, b in line), default=0)
    y = _value_axis("Connects", high)
    y.setMin(min(0, low * 1.1))
    y.applyNiceNumbers()
    chart.legend().hide()
    _attach(chart, series, x, y)
    series.hovered.connect(
        lambda point, state: _show_tip(_balance_tip(point)) if state else QToolTip.hideText()
    )


def _balance_tip(point: QPointF) -> str:
    day = localized.day(datetime.fromtimestamp(point.x() / 1000, UTC).date())  # a UTC day
    return f"{day}: {_n(round(point.y()))} Connects"


def _funnel_chart(ins: Insights, chart: QChart) -> None:
    # horizontal, first stage on top: the axis draws its first category at the bottom
    steps = ins.funnel()[::-1]
    cold, invited = ins.funnel(ins.cold)[::-1], ins.funnel(ins.invited)[::-1]
    series = QHorizontalStackedBarSeries()
    series.append(_bar_set("Cold proposals", [float(s.count) for s in cold], BASE_COLOR))
    series.append(_bar_set("Invitations", [float(s.count) for s in invited], INVITED_COLOR))
    labels = [f"{s.stage.capitalize()} {_n(s.count)} · {_pct(s.rate)}" for s in steps]
    y = _category_axis(labels, "Stage")
    _attach(chart, series, y, _value_axis("Proposals", float(steps[-1].count)))


def _band_chart(ins: Insights, chart: QChart) -> None:
    groups = {g.key: g for g in ins.by_score_band}
    ordered = [groups.get(label, GroupStats(label)) for label, _l, _h in SCORE_BANDS]
    series = QBarSeries()
    bars = _bar_set("Win rate", [_rate(g.win_rate) for g in ordered], BASE_COLOR)
    _pale_small_samples(bars, [g.proposals for g in ordered])
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value%")
    x = _category_axis(
        [f"{g.key}<br>n={_n(g.proposals)}" for g in ordered], "Score band (n = proposals)"
    )
    top = max((_rate(g.win_rate) for g in ordered), default=0)
    chart.legend().hide()
    _attach(chart, series, x, _value_axis("Win rate (%)", top, percent=True))


def _category_chart(ins: Insights, chart: QChart) -> None:
    groups = top_categories(ins)
    series = QHorizontalBarSeries()
    bars = _bar_set("Win rate", [_rate(g.win_rate) for g in groups], BASE_COLOR)
    _pale_small_samples(bars, [g.proposals for g in groups])
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value%")
    names = [html.escape(plaintext.inline(g.key, 22)) for g in groups]
    labels = [f"{n} (n={_n(g.proposals)})" for n, g in zip(names, groups, strict=True)]
    y = _category_axis(labels, "Category")
    top = max((_rate(g.win_rate) for g in groups), default=0)
    chart.legend().hide()
    _attach(chart, series, y, _value_axis("Win rate (%)", top, percent=True))


def _boost_chart(ins: Insights, chart: QChart) -> None:
    b, n = ins.boosted, ins.not_boosted
    series = QBarSeries()
    series.append(
        _bar_set(
            f"Boosted (n={_n(b.proposals)})", [_rate(b.view_rate), _rate(b.win_rate)], BOOST_COLOR
        )
    )
    series.append(
        _bar_set(
            f"Not boosted (n={_n(n.proposals)})",
            [_rate(n.view_rate), _rate(n.win_rate)],
            MUTED_COLOR,
        )
    )
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value%")
    top = max(_rate(b.view_rate), _rate(n.view_rate), _rate(b.win_rate), _rate(n.win_rate))
    x = _category_axis(["View rate", "Hire rate"], "Outcome")
    _attach(chart, series, x, _value_axis("Share of proposals (%)", top, percent=True))


def speed_groups(ins: Insights) -> list[GroupStats]:
    """The delay buckets the speed chart shows, in order (unknown posting times left out)."""
    groups = {g.key: g for g in ins.by_delay}
    return [groups.get(label, GroupStats(label)) for label, _bound in DELAY_BUCKETS]


def _speed_chart(ins: Insights, chart: QChart) -> None:
    groups = speed_groups(ins)
    series = QBarSeries()
    bars = _bar_set("View rate", [_rate(g.view_rate) for g in groups], BASE_COLOR)
    _pale_small_samples(bars, [g.proposals for g in groups])
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value%")
    labels = [f"{html.escape(plaintext.inline(g.key))}<br>n={_n(g.proposals)}" for g in groups]
    x = _category_axis(labels, "Time from posting to proposal (n = proposals)")
    top = max((_rate(g.view_rate) for g in groups), default=0)
    chart.legend().hide()
    _attach(chart, series, x, _value_axis("View rate (%)", top, percent=True))


_BUILDERS: dict[str, Callable[[Insights, QChart], None]] = {
    "spend": _spend_chart,
    "balance": _balance_chart,
    "funnel": _funnel_chart,
    "score-bands": _band_chart,
    "categories": _category_chart,
    "boost": _boost_chart,
    "speed": _speed_chart,
}


def build_chart(kind: str, ins: Insights, *, dark: bool = False, hover: bool = True) -> QChart:
    """The chart ``kind`` for these insights, styled for the light or dark theme."""
    chart = _style(QChart(), TITLES[kind], dark)
    _BUILDERS[kind](ins, chart)
    if hover:
        for series in chart.series():
            if isinstance(series, QAbstractBarSeries):
                _hover_bars(series, kind, ins)
    return chart


def hover_text(kind: str, ins: Insights, set_label: str, index: int) -> str:
    """What the tooltip says over bar ``index`` of the bar set ``set_label``."""
    if kind == "spend":
        _unit, periods = ins.spend_periods()
        p = periods[index]
        return f"{p.period}: {_n(p.base)} base + {_n(p.boost)} boost = {_n(p.total)} Connects"
    if kind == "funnel":
        index = len(STAGES) - 1 - index  # the funnel is drawn first stage on top
        step = ins.funnel()[index]
        cold, invited = ins.funnel(ins.cold)[index], ins.funnel(ins.invited)[index]
        after = "" if step.step_rate is None else f", {_pct(step.step_rate)} of the step before"
        return (
            f"{step.stage.capitalize()}: {_n(step.count)} ({_n(cold.count)} cold, {_n(invited.count)} "
            f"invited); {_pct(step.rate)} of submitted{after}"
        )
    if kind in ("score-bands", "categories"):
        if kind == "categories":
            g = top_categories(ins)[index]
        else:
            groups = {g.key: g for g in ins.by_score_band}
            g = groups.get(SCORE_BANDS[index][0], GroupStats(SCORE_BANDS[index][0]))
        cph = "–" if g.connects_per_hire is None else f"{_n(g.connects_per_hire, 1)}"
        return (
            f"{g.key}: {_n(g.hired)} hired of {_n(g.proposals)} ({_pct(g.win_rate)}); "
            f"{cph} Connects per hire"
        )
    if kind == "speed":
        g = speed_groups(ins)[index]
        return (
            f"Sent {g.key} after posting: {_n(g.viewed)} of {_n(g.proposals)} viewed "
            f"({_pct(g.view_rate)}), {_n(g.hired)} hired"
        )
    g = ins.boosted if set_label.startswith("Boosted") else ins.not_boosted
    what = ("viewed", g.viewed, g.view_rate) if index == 0 else ("hired", g.hired, g.win_rate)
    return f"{g.key.capitalize()}: {_n(what[1])} of {_n(g.proposals)} {what[0]} ({_pct(what[2])})"


def chart_view(chart: QChart) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setFrameShape(QFrame.Shape.NoFrame)
    return view


def render_png(chart: QChart, path: Path | str, size: tuple[int, int] = EXPORT_SIZE) -> bool:
    """Draw ``chart`` (which this takes over) into a PNG of ``size`` pixels; False on failure."""
    view = chart_view(chart)
    view.resize(*size)
    ok = view.grab().save(str(path), "PNG")
    view.deleteLater()
    return ok
