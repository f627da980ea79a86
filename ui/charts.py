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
from PySide6.QtCore import QCoreApplication, QDateTime, QMargins, QPointF, Qt
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
from ui.i18n import QT_TRANSLATE_NOOP
from ui.theme import ACCENT

#: chart titles, shared by the page and ``pwb chart`` (in English: :func:`chart_title`
#: translates them)
TITLES: dict[str, str] = {
    "spend": QT_TRANSLATE_NOOP("Charts", "Connects spent"),
    "balance": QT_TRANSLATE_NOOP("Charts", "Connects balance"),
    "funnel": QT_TRANSLATE_NOOP("Charts", "Proposal funnel"),
    "score-bands": QT_TRANSLATE_NOOP("Charts", "Win rate by score band"),
    "categories": QT_TRANSLATE_NOOP("Charts", "Win rate by category"),
    "boost": QT_TRANSLATE_NOOP("Charts", "Boosted vs not boosted"),
    "speed": QT_TRANSLATE_NOOP("Charts", "View rate by time since posting"),
}
#: the funnel's stages (app.insights.STAGES) as shown
STAGE_NAMES: dict[str, str] = {
    "submitted": QT_TRANSLATE_NOOP("Charts", "Submitted"),
    "viewed": QT_TRANSLATE_NOOP("Charts", "Viewed"),
    "replied": QT_TRANSLATE_NOOP("Charts", "Replied"),
    "interviewing": QT_TRANSLATE_NOOP("Charts", "Interviewing"),
    "hired": QT_TRANSLATE_NOOP("Charts", "Hired"),
}
#: the speed chart's delay buckets (app.insights.DELAY_BUCKETS) as shown
DELAY_NAMES: dict[str, str] = {
    "< 1 h": QT_TRANSLATE_NOOP("Charts", "< 1 h"),
    "1-6 h": QT_TRANSLATE_NOOP("Charts", "1-6 h"),
    "6-24 h": QT_TRANSLATE_NOOP("Charts", "6-24 h"),
    "1-3 days": QT_TRANSLATE_NOOP("Charts", "1-3 days"),
    "> 3 days": QT_TRANSLATE_NOOP("Charts", "> 3 days"),
}
BASE_COLOR = ACCENT
BOOST_COLOR = "#c98a04"
INVITED_COLOR = "#1f9d55"
MUTED_COLOR = "#8a8f98"
EXPORT_SIZE = (960, 560)
#: a group with fewer proposals than this is drawn pale
SMALL_SAMPLE = 10


def chart_title(kind: str) -> str:
    """The title of the chart ``kind`` in the user's language."""
    return QCoreApplication.translate("Charts", TITLES[kind])


def _stage(stage: str) -> str:
    name = STAGE_NAMES.get(stage)
    return QCoreApplication.translate("Charts", name) if name else stage.capitalize()


def _delay(key: str) -> str:
    name = DELAY_NAMES.get(key)
    return QCoreApplication.translate("Charts", name) if name else key


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
    axis.setLabelFormat("%.0f%%" if percent else "%.0f")
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
    series.append(
        _bar_set(
            QCoreApplication.translate("Charts", "Base"),
            [float(p.base) for p in periods],
            BASE_COLOR,
        )
    )
    series.append(
        _bar_set(
            QCoreApplication.translate("Charts", "Boost"),
            [float(p.boost) for p in periods],
            BOOST_COLOR,
        )
    )
    top = max((p.base + p.boost for p in periods), default=0)
    label = (
        QCoreApplication.translate("Charts", "Week starting (UTC)")
        if unit == "week"
        else QCoreApplication.translate("Charts", "Month (UTC)")
    )
    names = [p.period for p in periods]
    x = _category_axis(names, label) if len(names) <= 8 else _sparse_axis(names, label)
    per = (
        QCoreApplication.translate("Charts", "{title} per week")
        if unit == "week"
        else QCoreApplication.translate("Charts", "{title} per month")
    )
    chart.setTitle(per.format(title=chart_title("spend")))
    _attach(
        chart,
        series,
        x,
        _value_axis(QCoreApplication.translate("Charts", "Connects (net of refunds)"), top),
    )


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
    series.setName(QCoreApplication.translate("Charts", "Balance"))
    line = balance_line(ins)
    for moment, balance in line:
        series.append(moment.timestamp() * 1000, balance)
    series.setPen(QPen(QColor(BASE_COLOR), 2))
    series.setPointsVisible(len(line) <= 60)
    x = QDateTimeAxis()
    days = (ins.balance[-1].day - ins.balance[0].day).days if ins.balance else 0
    x.setFormat("yyyy-MM" if days > 120 else "MMM d")
    x.setTitleText(QCoreApplication.translate("Charts", "Day (UTC)"))
    x.setTickCount(5 if days >= 4 else 2)
    if line:  # the whole of the first and last day, so one day still spans the axis
        start = datetime.combine(ins.balance[0].day, time(0), tzinfo=UTC)
        end = datetime.combine(ins.balance[-1].day, time(23, 59), tzinfo=UTC)
        x.setRange(_qmoment(start), _qmoment(end))
    low = min((b for _m, b in line), default=0)
    high = max((b for _m, b in line), default=0)
    y = _value_axis(QCoreApplication.translate("Charts", "Connects"), high)
    y.setMin(min(0, low * 1.1))
    y.applyNiceNumbers()
    chart.legend().hide()
    _attach(chart, series, x, y)
    series.hovered.connect(
        lambda point, state: _show_tip(_balance_tip(point)) if state else QToolTip.hideText()
    )


def _balance_tip(point: QPointF) -> str:
    day = localized.day(datetime.fromtimestamp(point.x() / 1000, UTC).date())  # a UTC day
    return QCoreApplication.translate("Charts", "{day}: {connects} Connects").format(
        day=day, connects=_n(round(point.y()))
    )


def _funnel_chart(ins: Insights, chart: QChart) -> None:
    # horizontal, first stage on top: the axis draws its first category at the bottom
    steps = ins.funnel()[::-1]
    cold, invited = ins.funnel(ins.cold)[::-1], ins.funnel(ins.invited)[::-1]
    series = QHorizontalStackedBarSeries()
    series.append(
        _bar_set(
            QCoreApplication.translate("Charts", "Cold proposals"),
            [float(s.count) for s in cold],
            BASE_COLOR,
        )
    )
    series.append(
        _bar_set(
            QCoreApplication.translate("Charts", "Invitations"),
            [float(s.count) for s in invited],
            INVITED_COLOR,
        )
    )
    labels = [f"{_stage(s.stage)} {_n(s.count)} · {_pct(s.rate)}" for s in steps]
    y = _category_axis(labels, QCoreApplication.translate("Charts", "Stage"))
    _attach(
        chart,
        series,
        y,
        _value_axis(QCoreApplication.translate("Charts", "Proposals"), float(steps[-1].count)),
    )


def _band_chart(ins: Insights, chart: QChart) -> None:
    groups = {g.key: g for g in ins.by_score_band}
    ordered = [groups.get(label, GroupStats(label)) for label, _l, _h in SCORE_BANDS]
    series = QBarSeries()
    bars = _bar_set(
        QCoreApplication.translate("Charts", "Win rate"),
        [_rate(g.win_rate) for g in ordered],
        BASE_COLOR,
    )
    _pale_small_samples(bars, [g.proposals for g in ordered])
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value%")
    x = _category_axis(
        [f"{g.key}<br>n={_n(g.proposals)}" for g in ordered],
        QCoreApplication.translate("Charts", "Score band (n = proposals)"),
    )
    top = max((_rate(g.win_rate) for g in ordered), default=0)
    chart.legend().hide()
    _attach(
        chart,
        series,
        x,
        _value_axis(QCoreApplication.translate("Charts", "Win rate (%)"), top, percent=True),
    )


def _category_chart(ins: Insights, chart: QChart) -> None:
    groups = top_categories(ins)
    series = QHorizontalBarSeries()
    bars = _bar_set(
        QCoreApplication.translate("Charts", "Win rate"),
        [_rate(g.win_rate) for g in groups],
        BASE_COLOR,
    )
    _pale_small_samples(bars, [g.proposals for g in groups])
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value%")
    names = [html.escape(plaintext.inline(g.key, 22)) for g in groups]
    labels = [f"{n} (n={_n(g.proposals)})" for n, g in zip(names, groups, strict=True)]
    y = _category_axis(labels, QCoreApplication.translate("Charts", "Category"))
    top = max((_rate(g.win_rate) for g in groups), default=0)
    chart.legend().hide()
    _attach(
        chart,
        series,
        y,
        _value_axis(QCoreApplication.translate("Charts", "Win rate (%)"), top, percent=True),
    )


def _boost_label(group: GroupStats, boosted: bool) -> str:
    """The bar set's label of the boosted (or not boosted) proposals."""
    text = (
        QCoreApplication.translate("Charts", "Boosted (n={n})")
        if boosted
        else QCoreApplication.translate("Charts", "Not boosted (n={n})")
    )
    return text.format(n=_n(group.proposals))


def _boost_chart(ins: Insights, chart: QChart) -> None:
    b, n = ins.boosted, ins.not_boosted
    series = QBarSeries()
    series.append(
        _bar_set(_boost_label(b, True), [_rate(b.view_rate), _rate(b.win_rate)], BOOST_COLOR)
    )
    series.append(
        _bar_set(_boost_label(n, False), [_rate(n.view_rate), _rate(n.win_rate)], MUTED_COLOR)
    )
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value%")
    top = max(_rate(b.view_rate), _rate(n.view_rate), _rate(b.win_rate), _rate(n.win_rate))
    x = _category_axis(
        [
            QCoreApplication.translate("Charts", "View rate"),
            QCoreApplication.translate("Charts", "Hire rate"),
        ],
        QCoreApplication.translate("Charts", "Outcome"),
    )
    _attach(
        chart,
        series,
        x,
        _value_axis(
            QCoreApplication.translate("Charts", "Share of proposals (%)"), top, percent=True
        ),
    )


def speed_groups(ins: Insights) -> list[GroupStats]:
    """The delay buckets the speed chart shows, in order (unknown posting times left out)."""
    groups = {g.key: g for g in ins.by_delay}
    return [groups.get(label, GroupStats(label)) for label, _bound in DELAY_BUCKETS]


def _speed_chart(ins: Insights, chart: QChart) -> None:
    groups = speed_groups(ins)
    series = QBarSeries()
    bars = _bar_set(
        QCoreApplication.translate("Charts", "View rate"),
        [_rate(g.view_rate) for g in groups],
        BASE_COLOR,
    )
    _pale_small_samples(bars, [g.proposals for g in groups])
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value%")
    labels = [
        f"{html.escape(plaintext.inline(_delay(g.key)))}<br>n={_n(g.proposals)}" for g in groups
    ]
    x = _category_axis(
        labels,
        QCoreApplication.translate("Charts", "Time from posting to proposal (n = proposals)"),
    )
    top = max((_rate(g.view_rate) for g in groups), default=0)
    chart.legend().hide()
    _attach(
        chart,
        series,
        x,
        _value_axis(QCoreApplication.translate("Charts", "View rate (%)"), top, percent=True),
    )


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
    chart = _style(QChart(), chart_title(kind), dark)
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
        return QCoreApplication.translate(
            "Charts", "{period}: {base} base + {boost} boost = {total} Connects"
        ).format(period=p.period, base=_n(p.base), boost=_n(p.boost), total=_n(p.total))
    if kind == "funnel":
        index = len(STAGES) - 1 - index  # the funnel is drawn first stage on top
        step = ins.funnel()[index]
        cold, invited = ins.funnel(ins.cold)[index], ins.funnel(ins.invited)[index]
        text = (
            QCoreApplication.translate(
                "Charts", "{stage}: {count} ({cold} cold, {invited} invited); {rate} of submitted"
            )
            if step.step_rate is None
            else QCoreApplication.translate(
                "Charts",
                "{stage}: {count} ({cold} cold, {invited} invited); {rate} of submitted, "
                "{step_rate} of the step before",
            )
        )
        return text.format(
            stage=_stage(step.stage),
            count=_n(step.count),
            cold=_n(cold.count),
            invited=_n(invited.count),
            rate=_pct(step.rate),
            step_rate=_pct(step.step_rate),
        )
    if kind in ("score-bands", "categories"):
        if kind == "categories":
            g = top_categories(ins)[index]
        else:
            groups = {g.key: g for g in ins.by_score_band}
            g = groups.get(SCORE_BANDS[index][0], GroupStats(SCORE_BANDS[index][0]))
        cph = "–" if g.connects_per_hire is None else _n(g.connects_per_hire, 1)
        return QCoreApplication.translate(
            "Charts", "{group}: {hired} hired of {proposals} ({rate}); {cph} Connects per hire"
        ).format(
            group=g.key,
            hired=_n(g.hired),
            proposals=_n(g.proposals),
            rate=_pct(g.win_rate),
            cph=cph,
        )
    if kind == "speed":
        g = speed_groups(ins)[index]
        return QCoreApplication.translate(
            "Charts",
            "Sent {delay} after posting: {viewed} of {proposals} viewed ({rate}), {hired} hired",
        ).format(
            delay=_delay(g.key),
            viewed=_n(g.viewed),
            proposals=_n(g.proposals),
            rate=_pct(g.view_rate),
            hired=_n(g.hired),
        )
    boosted = set_label == _boost_label(ins.boosted, True)
    g = ins.boosted if boosted else ins.not_boosted
    if index == 0:
        text = (
            QCoreApplication.translate("Charts", "Boosted: {count} of {proposals} viewed ({rate})")
            if boosted
            else QCoreApplication.translate(
                "Charts", "Not boosted: {count} of {proposals} viewed ({rate})"
            )
        )
        count, rate = g.viewed, g.view_rate
    else:
        text = (
            QCoreApplication.translate("Charts", "Boosted: {count} of {proposals} hired ({rate})")
            if boosted
            else QCoreApplication.translate(
                "Charts", "Not boosted: {count} of {proposals} hired ({rate})"
            )
        )
        count, rate = g.hired, g.win_rate
    return text.format(count=_n(count), proposals=_n(g.proposals), rate=_pct(rate))


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
