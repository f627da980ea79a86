"""A small painted histogram of stored scores with the Apply and Maybe thresholds on it.

Bars are coloured by the verdict their scores would get with the thresholds
shown, so moving a threshold shows at once how many postings change side.
The counts come from :func:`app.score_distribution.score_distribution`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from app.score_distribution import ScoreDistribution
from ui import localized
from ui.theme import VERDICT_COLORS

BIN = 5


class ScoreHistogram(QWidget):
    """Postings per 5 points, 0 to 100, with threshold lines; a tooltip per bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.distribution = ScoreDistribution(None)
        self.apply_at = 70
        self.maybe_at = 45
        self.setMinimumSize(320, 150)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Score distribution"))

    def sizeHint(self) -> QSize:
        return QSize(460, 170)

    def set_distribution(self, distribution: ScoreDistribution) -> None:
        self.distribution = distribution
        self.update()

    def set_thresholds(self, apply_at: int, maybe_at: int) -> None:
        self.apply_at, self.maybe_at = apply_at, maybe_at
        self.update()

    def bar_colors(self) -> list[str]:
        """The verdict colour of each bin (the verdict of its lowest score)."""
        out = []
        for i in range(len(self.distribution.bins(BIN))):
            low = i * BIN
            verdict = (
                "apply" if low >= self.apply_at else "maybe" if low >= self.maybe_at else "skip"
            )
            out.append(VERDICT_COLORS[verdict])
        return out

    def _plot(self) -> QRectF:
        return QRectF(self.rect()).adjusted(14, 20, -16, -22)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_color = self.palette().windowText().color()
        plot = self._plot()
        bins = self.distribution.bins(BIN)
        peak = max(bins) or 1
        width = plot.width() / len(bins)
        for i, (count, color) in enumerate(zip(bins, self.bar_colors(), strict=True)):
            if not count:
                continue
            height = max(2.0, plot.height() * count / peak)
            bar = QRectF(plot.left() + i * width + 1, plot.bottom() - height, width - 2, height)
            painter.fillRect(bar, QColor(color))
        axis = QPen(text_color)
        axis.setWidthF(1.0)
        painter.setPen(axis)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        for score in (0, 25, 50, 75, 100):
            x = plot.left() + plot.width() * score / 100
            painter.drawText(
                QRectF(x - 20, plot.bottom() + 3, 40, 16),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                str(score),
            )
        for score, verdict, label in (
            (self.maybe_at, "maybe", self.tr("Maybe {score}")),
            (self.apply_at, "apply", self.tr("Apply {score}")),
        ):
            x = plot.left() + plot.width() * score / 100
            pen = QPen(QColor(VERDICT_COLORS[verdict]))
            pen.setWidthF(2.0)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(int(x), int(plot.top()), int(x), int(plot.bottom()))
            painter.drawText(
                QRectF(x - 60, plot.top() - 19, 120, 16),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                label.format(score=score),
            )
        if not self.distribution.total:
            painter.setPen(text_color)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No scored postings yet"))
        painter.end()

    def bin_at(self, x: float) -> int | None:
        plot = self._plot()
        if not plot.left() <= x < plot.right():
            return None
        return int((x - plot.left()) / (plot.width() / (100 // BIN)))

    def event(self, ev: QEvent) -> bool:
        if ev.type() == QEvent.Type.ToolTip and isinstance(ev, QHelpEvent):
            i = self.bin_at(ev.pos().x())
            if i is not None:
                count = self.distribution.bins(BIN)[i]
                high = 100 if i == 100 // BIN - 1 else i * BIN + BIN - 1
                tip = self.tr("{count} postings scored {low}–{high}").format(
                    count=localized.number(count), low=i * BIN, high=high
                )
                QToolTip.showText(ev.globalPos(), tip)
                return True
        return super().event(ev)
