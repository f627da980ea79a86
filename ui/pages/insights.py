"""The Insights page: is my bidding paying off? A grid of charts over a range and a profile.

The numbers come from :func:`app.insights.compute_insights` (SQL aggregates),
run off the GUI thread by :func:`ui.tasks.run_task` in its own session, through
an :class:`app.insights.InsightsMemo` that answers a range and profile already
computed until anything is committed; the charts are built on the GUI thread
when the result arrives. A newer refresh wins over an older one still running.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QCoreApplication, QDate, QEvent, QEventLoop, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app import clock, insights, plaintext
from app.errors import WorkbenchError
from app.storage import Database
from app.storage.members import list_members
from ui import a11y, app_words, localized, qtime
from ui.charts import build_chart, chart_title, chart_view
from ui.context import AppContext
from ui.i18n import QT_TRANSLATE_NOOP
from ui.pages.base import Page
from ui.tasks import Progress, run_task
from ui.theme import is_dark
from ui.widgets.empty_state import EmptyState

CARD_MIN_HEIGHT = 420


@dataclass(frozen=True)
class InsightsResult:
    """What a refresh computed off the GUI thread."""

    insights: insights.Insights
    profiles: list[tuple[int, str]]
    has_activity: bool
    #: (id, name) of every member; the Member list shows only when there are two or more
    members: list[tuple[int, str]] = field(default_factory=list)


def load_insights(
    db: Database,
    memo: insights.InsightsMemo,
    start: datetime | None,
    end: datetime | None,
    profile_id: int | None,
    member_id: int | None = None,
) -> InsightsResult:
    """Compute everything the page shows in a session of its own (runs in a worker)."""
    with db.read() as session:
        return InsightsResult(
            memo.insights(
                session, start=start, end=end, profile_id=profile_id, member_id=member_id
            ),
            insights.profile_choices(session),
            insights.has_activity(session),
            [(m.id, m.name) for m in list_members(session)],
        )


class ChartCard(QFrame):
    """One chart with its one-line takeaway, an empty hint, and PNG / CSV export."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.insights: insights.Insights | None = None
        self.setObjectName("chartCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(CARD_MIN_HEIGHT)
        self.view: QChartView = chart_view(QChart())
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.empty_label = QLabel(wordWrap=True)
        self.empty_label.setObjectName("muted")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.takeaway_label = QLabel(wordWrap=True)
        self.takeaway_label.setObjectName("takeaway")
        self.takeaway_label.setTextFormat(Qt.TextFormat.PlainText)
        # the whole width of the card, as tall as its lines need (never clipped)
        self.takeaway_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.takeaway_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.png_button = QPushButton(self.tr("Save PNG…"))
        self.png_button.setToolTip(self.tr("Save this chart as a PNG picture"))
        self.csv_button = QPushButton(self.tr("Save CSV…"))
        self.csv_button.setToolTip(self.tr("Save the numbers behind this chart as CSV"))
        self.png_button.clicked.connect(self.ask_png)
        self.csv_button.clicked.connect(self.ask_csv)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.png_button)
        row.addWidget(self.csv_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.takeaway_label)
        layout.addLayout(row)
        self.empty_label.hide()

    @property
    def chart(self) -> QChart:
        return self.view.chart()

    def show_insights(self, ins: insights.Insights, dark: bool) -> None:
        """Rebuild the chart for ``ins`` (or show what data it needs)."""
        self.insights = ins
        has_data = insights.chart_has_data(ins, self.kind)
        old = self.view.chart()
        chart = build_chart(self.kind, ins, dark=dark) if has_data else QChart()
        chart.setBackgroundRoundness(0)
        chart.layout().setContentsMargins(0, 0, 0, 0)
        self.view.setChart(chart)
        old.deleteLater()  # setChart hands the old chart back to us
        self.view.setVisible(has_data)
        self.empty_label.setVisible(not has_data)
        # app/'s English hint and takeaway, translated (ui/app_texts.py marks them)
        hint = QCoreApplication.translate("Messages", insights.EMPTY_HINTS[self.kind])
        self.empty_label.setText("\n\n".join((self.title(), hint)))
        takeaway = app_words.message(insights.takeaway_message(ins, self.kind)) if has_data else ""
        self.takeaway_label.setText(takeaway)
        self._fit_takeaway()
        self.png_button.setEnabled(has_data)
        self.csv_button.setEnabled(has_data)

    def title(self) -> str:
        return chart_title(self.kind)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_takeaway()

    def _fit_takeaway(self) -> None:
        """As tall as the takeaway's lines need at the card's width: never clipped (a
        box layout does not ask a wrapping label for its height at a width by itself)."""
        layout = self.layout()
        if layout is None:  # still being built
            return
        margins = layout.contentsMargins()
        width = self.contentsRect().width() - margins.left() - margins.right()
        if width > 0:
            needed = self.takeaway_label.heightForWidth(width)  # -1 while it has no text
            self.takeaway_label.setMinimumHeight(max(0, needed))

    def export_png(self, path: str | Path) -> None:
        if not self.view.grab().save(str(path), "PNG"):
            raise WorkbenchError(f"cannot write {path}")

    def export_csv(self, path: str | Path) -> None:
        assert self.insights is not None
        insights.write_chart_csv(self.insights, self.kind, path)

    def _ask_path(self, what: str, suffix: str) -> str | None:
        name = f"{self.kind}.{suffix}"
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save {chart} as {format}").format(chart=self.title(), format=what),
            name,
            self.tr("{format} (*.{suffix})").format(format=what, suffix=suffix),
        )
        if not path:
            return None
        return path if path.lower().endswith(f".{suffix}") else f"{path}.{suffix}"

    @Slot()
    def ask_png(self) -> None:
        path = self._ask_path("PNG", "png")
        if path:
            self._export(self.export_png, path)

    @Slot()
    def ask_csv(self) -> None:
        path = self._ask_path("CSV", "csv")
        if path:
            self._export(self.export_csv, path)

    def _export(self, export, path: str) -> None:
        try:
            export(path)
        except WorkbenchError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), str(exc))


class InsightsPage(Page):
    """Date range and profile on top; a grid of charts, each with a takeaway."""

    title = QT_TRANSLATE_NOOP("Page", "Insights")
    icon_name = "insights"

    #: a refresh finished and the charts show its numbers
    refreshed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.set_empty_state(
            EmptyState(
                "insights",
                self.tr("Nothing to chart yet"),
                self.tr(
                    "Charts of Connects spent, your proposal funnel and your win rate by score appear here once you have submitted a few proposals and recorded what happened to them."
                ),
            )
        )
        self._generation = 0
        self._pending = False
        self.result: InsightsResult | None = None
        #: figures already computed, kept until anything is committed to the database
        self.memo = insights.InsightsMemo(ctx.db)
        self.destroyed.connect(self.memo.close)
        ctx.database_replaced.connect(self._database_replaced)
        self._build_filters()
        self._build_content()
        for signal in (
            ctx.proposals_changed,
            ctx.ledger_changed,
            ctx.profiles_changed,
            ctx.jobs_changed,  # rescoring moves proposals between bands and verdicts
        ):
            signal.connect(self._data_changed)

    # -- construction ---------------------------------------------------------

    def _build_filters(self) -> None:
        self.range_combo = QComboBox()
        for key, label in insights.RANGE_PRESETS:
            self.range_combo.addItem(label, key)
        self.from_edit = QDateEdit()
        self.to_edit = QDateEdit()
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(localized.date_format())  # the locale's way
        today = qtime.today()
        self.from_edit.setDate(today.addMonths(-3))
        self.to_edit.setDate(today)
        self.profile_combo = QComboBox()
        self.profile_combo.addItem(self.tr("All profiles"), None)
        self.profile_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.range_combo.currentIndexChanged.connect(self._preset_changed)
        self.from_edit.dateChanged.connect(self._dates_edited)
        self.to_edit.dateChanged.connect(self._dates_edited)
        self.profile_combo.currentIndexChanged.connect(self._filters_changed)
        self.member_combo = QComboBox()
        self.member_combo.setObjectName("memberFilter")
        self.member_combo.addItem(self.tr("All members"), None)
        self.member_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.member_combo.currentIndexChanged.connect(self._filters_changed)
        self._preset_changed()
        self.date_labels = {}
        for label, widget, spoken in (
            ("Range", self.range_combo, "Date range"),
            ("From", self.from_edit, "From date"),
            ("To", self.to_edit, "To date"),
            ("Profile", self.profile_combo, "Profile"),
            ("Member", self.member_combo, "Team member"),
        ):
            self.date_labels[widget] = QLabel(label)
            a11y.name(widget, spoken, label=self.date_labels[widget])
            self.header.addWidget(self.date_labels[widget])
            self.header.addWidget(widget)
        # a solo freelancer is the only member: no list to choose from
        self.member_combo.hide()
        self.date_labels[self.member_combo].hide()
        self._show_dates()

    def _build_content(self) -> None:
        self.summary_label = QLabel()
        self.summary_label.setObjectName("muted")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.cards = {kind: ChartCard(kind) for kind in insights.CHART_KINDS}
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, i // 2, i % 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_host)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.summary_label)
        layout.addWidget(scroll, 1)
        self.set_content(content)

    # -- filters --------------------------------------------------------------

    def selected_range(self) -> tuple[datetime | None, datetime | None]:
        """The chosen range as ``[start, end)`` in UTC (whole days)."""
        if self.range_combo.currentData() == "all":
            return None, None
        first = qtime.to_date(self.from_edit.date())
        last = qtime.to_date(self.to_edit.date())
        return insights.day_bounds(first, last)

    def selected_profile_id(self) -> int | None:
        return self.profile_combo.currentData()

    def selected_member_id(self) -> int | None:
        return self.member_combo.currentData()

    @Slot()
    def _preset_changed(self) -> None:
        key = self.range_combo.currentData()
        custom = key == "custom"
        self.from_edit.setEnabled(custom)
        self.to_edit.setEnabled(custom)
        self._show_dates()
        if key not in ("all", "custom"):
            first, last = insights.preset_range(key, clock.now().date())
            self._set_dates(first, last)
        self._filters_changed()

    def _show_dates(self) -> None:
        """The dates mean nothing for "All time": hide them then."""
        if not hasattr(self, "date_labels"):
            return
        shown = self.range_combo.currentData() != "all"
        for edit in (self.from_edit, self.to_edit):
            edit.setVisible(shown)
            self.date_labels[edit].setVisible(shown)

    def _set_dates(self, first: date | None, last: date | None) -> None:
        for edit, day in ((self.from_edit, first), (self.to_edit, last)):
            if day is not None:
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)

    @Slot()
    def _dates_edited(self) -> None:
        if self.from_edit.date() > self.to_edit.date():
            self.to_edit.setDate(self.from_edit.date())
        self._filters_changed()

    @Slot()
    def _filters_changed(self) -> None:
        if hasattr(self, "cards"):
            self.refresh()

    # -- refresh --------------------------------------------------------------

    @Slot()
    def _database_replaced(self) -> None:
        """Another database: a memo of its own (the old one's figures are not its)."""
        old, self.memo = self.memo, insights.InsightsMemo(self.ctx.db)
        self.destroyed.connect(self.memo.close)
        old.close()

    @Slot()
    def _data_changed(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Recompute in the background; the newest request wins."""
        self._generation += 1
        self._pending = True
        generation = self._generation
        if self.result is None:  # first load: say so rather than "nothing to chart"
            self.show_empty(False)
            self.summary_label.setText(self.tr("Computing insights…"))
        start, end = self.selected_range()
        profile_id = self.selected_profile_id()
        member_id = self.selected_member_id()
        db, memo = self.ctx.db, self.memo

        def work(_progress: Progress) -> InsightsResult:
            return load_insights(db, memo, start, end, profile_id, member_id)

        run_task(
            work,
            on_done=lambda result: self._show_result(generation, result),
            on_error=lambda exc: self._show_error(generation, exc),
            parent=self,
        )

    def _show_result(self, generation: int, result: InsightsResult) -> None:
        if generation != self._generation:
            return  # a newer refresh is on its way
        self._pending = False
        self.result = result
        self._update_profiles(result.profiles)
        self._update_members(result.members)
        self.show_empty(not result.has_activity)
        self._draw()
        self.refreshed.emit()

    def _show_error(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._pending = False
        if isinstance(exc, WorkbenchError):
            self.ctx.message.emit(self.tr("Insights: {error}").format(error=exc))
        else:
            raise exc

    def wait_until_ready(self, timeout_ms: int = 10000) -> bool:
        """Block (processing events) until the running refresh has drawn; for screenshots."""
        if not self._pending:
            return True
        loop = QEventLoop()
        self.refreshed.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        self.refreshed.disconnect(loop.quit)
        return not self._pending

    def _draw(self) -> None:
        if self.result is None:
            return
        ins = self.result.insights
        dark = is_dark()
        for card in self.cards.values():
            card.show_insights(ins, dark)
        self.summary_label.setText(self._summary(ins))
        self.summary_label.setToolTip(insights.describe_range(ins))

    def _summary(self, ins: insights.Insights) -> str:
        """The range's figures, as the user's locale writes numbers and money."""
        report = insights.report_json(ins)
        per_usd = report["revenue_per_usd"]
        revenue = self.tr("{amount} revenue").format(
            amount=localized.money(report["revenue"], decimals=0)
        )
        if per_usd is not None:
            revenue = self.tr("{revenue} ({amount} per USD)").format(
                revenue=revenue, amount=localized.money(per_usd, decimals=2)
            )
        spent = self.tr("{base} + {boost} boost Connects spent").format(
            base=localized.number(report["connects_spent"]),
            boost=localized.number(report["connects_boost"]),
        )
        bought = self.tr("{amount} of Connects bought").format(
            amount=localized.money(report["usd_spent"], decimals=2)
        )
        outcome = self.tr("{proposals} proposals, {hired} hired").format(
            proposals=localized.number(report["proposals"]),
            hired=localized.number(report["hired"]),
        )
        return "  ·  ".join((spent, bought, outcome, revenue))

    def _update_profiles(self, profiles: list[tuple[int, str]]) -> None:
        current = self.profile_combo.currentData()
        known = [self.profile_combo.itemData(i) for i in range(1, self.profile_combo.count())]
        if known == [pid for pid, _name in profiles]:
            return
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        self.profile_combo.addItem(self.tr("All profiles"), None)
        for pid, name in profiles:
            self.profile_combo.addItem(plaintext.inline(name), pid)
        index = self.profile_combo.findData(current)
        self.profile_combo.setCurrentIndex(max(index, 0))
        self.profile_combo.blockSignals(False)

    def _update_members(self, members: list[tuple[int, str]]) -> None:
        team = len(members) > 1
        self.member_combo.setVisible(team)
        self.date_labels[self.member_combo].setVisible(team)
        known = [self.member_combo.itemData(i) for i in range(1, self.member_combo.count())]
        if known == [mid for mid, _name in members]:
            return
        current = self.member_combo.currentData()
        self.member_combo.blockSignals(True)
        self.member_combo.clear()
        self.member_combo.addItem(self.tr("All members"), None)
        for mid, name in members:
            self.member_combo.addItem(plaintext.inline(name), mid)
        self.member_combo.setCurrentIndex(max(self.member_combo.findData(current), 0))
        self.member_combo.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self.result is not None:
            self._draw()  # charts carry their own colours: redraw for the new theme
        super().changeEvent(event)
