"""ui.charts and ui.chart_export: every kind draws, hostile names stay text."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtGui import QImage
from sqlalchemy import update

from app import insights
from app.demo import generate_demo
from app.storage.models import JobPosting
from ui import chart_export
from ui.charts import build_chart, hover_text, render_png

pytestmark = pytest.mark.clock  # reads the time: .ci/run repeats it at awkward dates

NOW = datetime(2024, 7, 1, tzinfo=UTC)


@pytest.fixture
def ins(ctx) -> insights.Insights:
    with ctx.db.transaction() as session:
        generate_demo(session, jobs=80, proposals=60, seed=2, now=NOW)
        session.execute(  # a stranger's category name, on the most used category
            update(JobPosting)
            .where(JobPosting.category == "Web Development")
            .values(category="<b>=cmd|' /C calc'!A0</b>")
        )
    with ctx.db.read() as session:
        return insights.compute_insights(session)


@pytest.mark.parametrize("kind", insights.CHART_KINDS)
@pytest.mark.parametrize("dark", [False, True])
def test_every_chart_renders(ins, kind: str, dark: bool, tmp_path: Path) -> None:
    chart = build_chart(kind, ins, dark=dark)
    assert chart.title() and chart.series()
    background = chart.backgroundBrush().color().name()
    assert background == ("#1e1f22" if dark else "#ffffff")
    out = tmp_path / f"{kind}.png"
    assert render_png(chart, out, (640, 400))
    image = QImage(str(out))
    assert (image.width(), image.height()) == (640, 400)


def test_category_names_are_escaped_in_axis_labels(ins) -> None:
    chart = build_chart("categories", ins)
    axis = next(a for a in chart.axes() if isinstance(a, QBarCategoryAxis))
    labels = axis.categories()
    assert any(label.startswith("&lt;b&gt;=cmd") for label in labels)
    assert not any("<b>" in label for label in labels)
    index = next(i for i, label in enumerate(labels) if label.startswith("&lt;b&gt;"))
    assert hover_text("categories", ins, "Win rate", index).startswith("<b>=cmd")


def test_chart_export_module(ctx, tmp_path: Path, capsys) -> None:
    with ctx.db.transaction() as session:
        generate_demo(session, jobs=40, proposals=30, seed=4, now=NOW)
    db = str(ctx.db.path)
    out = tmp_path / "boost.png"
    assert chart_export.main(["boost", "--out", str(out), "--db", db]) == 0
    assert QImage(str(out)).width() == 960
    code = chart_export.main(["spend", "--out", str(out), "--db", db, "--profile", "Nobody"])
    assert code == 2 and "no profile named 'Nobody'" in capsys.readouterr().err


def test_small_counts_get_whole_number_ticks(qapp) -> None:
    from ui.charts import _value_axis

    axis = _value_axis("Proposals", 1)
    assert (axis.min(), axis.max(), axis.tickCount()) == (0, 2, 3)
    big = _value_axis("Connects", 340)
    assert big.max() >= 340 and big.tickCount() != 381


@pytest.mark.parametrize("kind", ["spend", "balance"])
def test_count_axes_draw_their_numbers(ins, kind: str, tmp_path: Path) -> None:
    """The Connects axes show their numbers: with numbers localized, Qt Charts drew no
    label at all for a "%d" format (seen on 2026-12-03), so counts use "%.0f"."""
    from PySide6.QtCharts import QCategoryAxis, QValueAxis

    chart = build_chart(kind, ins)
    axes = [
        a for a in chart.axes() if isinstance(a, QValueAxis) and not isinstance(a, QCategoryAxis)
    ]
    assert axes and all(a.labelFormat().endswith("f") for a in axes)

    def ink(labels: bool) -> int:
        """Dark pixels left of the plot (the axis title, and the numbers if drawn)."""
        for axis in axes:
            axis.setLabelsVisible(labels)
        out = tmp_path / f"{kind}-{labels}.png"
        assert render_png(chart, out, (640, 400))
        image = QImage(str(out))
        area = chart.plotArea()
        return sum(
            1
            for x in range(int(area.left()))
            for y in range(int(area.top()), int(area.bottom()))
            if image.pixelColor(x, y).lightness() < 140
        )

    assert ink(True) > ink(False) + 40
