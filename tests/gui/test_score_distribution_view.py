"""Preferences shows how the stored scores spread beside the Apply/Maybe thresholds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSpinBox

from tests.test_score_distribution import store_scores
from ui.preferences import PreferencesDialog
from ui.theme import VERDICT_COLORS


def _spin(dialog: PreferencesDialog, key: str) -> QSpinBox:
    widget = dialog.editors[key].widget
    assert isinstance(widget, QSpinBox)
    return widget


def test_the_scoring_tab_shows_the_distribution_and_follows_the_thresholds(qtbot, ctx, db) -> None:
    store_scores(db, [12, 30, 30, 50, 60, 72, 88])
    dialog = PreferencesDialog(ctx)
    qtbot.add_widget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(dialog.group_tabs["Scoring"])
    summary = dialog.findChild(QLabel, "distributionSummary")
    assert summary is not None
    qtbot.waitUntil(lambda: summary.text().startswith("Apply at 70"), timeout=5_000)
    assert summary.text() == "Apply at 70: 2 of 7 postings (29 %); Maybe at 45: 2; Skip: 3."
    assert summary.isVisible() and dialog.histogram.isVisible()
    assert dialog.histogram.distribution.total == 7

    apply_spin = _spin(dialog, "score.apply_threshold")
    apply_spin.setFocus()
    apply_spin.selectAll()
    qtbot.keyClicks(apply_spin, "55")
    assert apply_spin.value() == 55
    assert summary.text() == "Apply at 55: 3 of 7 postings (43 %); Maybe at 45: 1; Skip: 3."
    colors = dialog.histogram.bar_colors()
    assert colors[60 // 5] == VERDICT_COLORS["apply"]
    assert colors[50 // 5] == VERDICT_COLORS["maybe"]
    assert colors[30 // 5] == VERDICT_COLORS["skip"]
    # nothing is stored until OK
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_with_no_scores_the_tab_says_there_are_none(qtbot, ctx) -> None:
    dialog = PreferencesDialog(ctx)
    qtbot.add_widget(dialog)
    summary = dialog.findChild(QLabel, "distributionSummary")
    assert summary is not None
    qtbot.waitUntil(lambda: summary.text().startswith("No scored postings yet"), timeout=5_000)
