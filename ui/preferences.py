"""Preferences: theme (this computer) and the platform settings (this database)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.errors import WorkbenchError
from ui import plain
from ui.context import AppContext
from ui.theme import THEMES, apply_theme


class PreferencesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Preferences")
        with ctx.db.read() as session:
            values = settings.all_values(session)
        form = QFormLayout()
        self.theme = QComboBox()
        self.theme.addItems([t.capitalize() for t in THEMES])
        current = str(QSettings().value("ui/theme", "system"))
        self.theme.setCurrentIndex(THEMES.index(current) if current in THEMES else 0)
        form.addRow("Theme:", self.theme)
        db_label = QLabel(ctx.db.location)
        db_label.setWordWrap(True)
        form.addRow("Database:", db_label)
        self.price = QDoubleSpinBox(decimals=2, minimum=0.01, maximum=10.0, singleStep=0.01)
        self.price.setPrefix("$ ")
        self.price.setValue(values["connects.price_usd"])
        form.addRow(settings.spec("connects.price_usd").title + ":", self.price)
        self.apply_threshold = QSpinBox(minimum=1, maximum=100)
        self.apply_threshold.setValue(values["score.apply_threshold"])
        form.addRow(settings.spec("score.apply_threshold").title + ":", self.apply_threshold)
        self.maybe_threshold = QSpinBox(minimum=0, maximum=99)
        self.maybe_threshold.setValue(values["score.maybe_threshold"])
        form.addRow(settings.spec("score.maybe_threshold").title + ":", self.maybe_threshold)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.maybe_threshold.value() >= self.apply_threshold.value():
            QMessageBox.warning(
                self, "Preferences", "The Maybe score must be below the Apply score."
            )
            return
        try:
            with self.ctx.db.transaction() as session:
                settings.set_value(session, "connects.price_usd", self.price.value())
                settings.set_value(session, "score.apply_threshold", self.apply_threshold.value())
                settings.set_value(session, "score.maybe_threshold", self.maybe_threshold.value())
        except WorkbenchError as exc:
            QMessageBox.warning(self, "Preferences", plain.message(str(exc)))
            return
        # verdicts follow the thresholds: stored cards are rescored in the background
        self.ctx.profiles_changed.emit()
        theme = THEMES[self.theme.currentIndex()]
        QSettings().setValue("ui/theme", theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)
        super().accept()
