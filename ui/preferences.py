"""Preferences: the theme (this computer) and every setting of the database, grouped.

The groups, titles, meanings, editors and limits all come from the one
declaration in :mod:`app.settings`; OK stores every change in one transaction
through :func:`app.settings.set_values` (the validation ``pwb config`` uses), so
nothing is stored when one value is refused.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.errors import InputError, WorkbenchError
from app.score_distribution import ScoreDistribution, score_distribution
from app.settings import SettingSpec
from ui import app_words
from ui.context import AppContext
from ui.ops import Change, CollectionOp
from ui.tasks import Progress, run_task
from ui.theme import SEVERITY_COLORS, THEMES, apply_theme
from ui.widgets.score_histogram import ScoreHistogram

#: settings whose change rescores the postings (verdicts follow the thresholds)
RESCORING = ("score.apply_threshold", "score.maybe_threshold")
#: settings that name a folder (a Choose… button beside the text)
FOLDER_SETTINGS = ("capture.watch_folder",)


def _label(name: str) -> str:
    """``freelancer_plus`` -> "Freelancer plus", translated (a table setting's part)."""
    return app_words.setting_word(name)


class SettingEditor:
    """The widget for one setting, chosen by its declared type; reads back a value."""

    def __init__(self, declared: SettingSpec) -> None:
        self.spec = declared
        #: a table setting's editor per entry
        self.parts: dict[str, QSpinBox | QComboBox] = {}
        self.widget: QWidget = self._build()

    def _build(self) -> QWidget:
        s = self.spec
        if s.kind == "int":
            box = QSpinBox()
            box.setRange(int(s.minimum or 0), int(s.maximum if s.maximum is not None else 10**9))
            return box
        if s.kind == "float":
            dbox = QDoubleSpinBox(decimals=2, singleStep=0.01)
            dbox.setRange(float(s.minimum or 0), float(s.maximum or 1e9))
            if s.key.endswith("_usd"):
                dbox.setPrefix("$ ")
            return dbox
        if s.kind == "bool":
            return QCheckBox(QCoreApplication.translate("SettingEditor", "On"))
        if s.kind == "str" and s.choices:
            combo = QComboBox()
            for choice in s.choices:
                combo.addItem(app_words.setting_word(choice), choice)
            return combo
        if s.kind == "table" and not s.keys:  # free-form: shown and edited as JSON
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setPlaceholderText("{}")
            text.setMaximumHeight(90)
            return text
        if s.kind == "table":
            inner = QWidget()
            form = QFormLayout(inner)
            form.setContentsMargins(0, 0, 0, 0)
            for name in s.keys:
                part: QSpinBox | QComboBox
                if s.choices:
                    part = QComboBox()
                    for choice in s.choices:
                        part.addItem(app_words.setting_word(choice), choice)
                else:
                    part = QSpinBox()
                    part.setRange(int(s.minimum or 0), int(s.maximum or 10**9))
                self.parts[name] = part
                form.addRow(f"{_label(name)}:", part)
            return inner
        edit = QLineEdit()
        if s.kind == "list":
            edit.setPlaceholderText(
                QCoreApplication.translate("SettingEditor", "numbers, separated by commas")
                if s.item in (int, float)
                else QCoreApplication.translate("SettingEditor", "words, separated by commas")
            )
        return edit

    def set_value(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, QSpinBox):
            w.setValue(int(value))
        elif isinstance(w, QDoubleSpinBox):
            w.setValue(float(value))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QLineEdit):
            w.setText(settings.format_value(self.spec.key, value))
            w.setCursorPosition(0)
        elif isinstance(w, QComboBox):
            w.setCurrentIndex(max(0, w.findData(value)))
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(json.dumps(value, ensure_ascii=False, indent=1) if value else "{}")
        else:
            for name, part in self.parts.items():
                entry = value.get(name)
                if isinstance(part, QComboBox):
                    part.setCurrentIndex(max(0, part.findData(entry)))
                else:
                    part.setValue(int(entry or 0))

    def value(self) -> Any:
        """The value as edited (InputError names the setting when the text is not one)."""
        w = self.widget
        if isinstance(w, QSpinBox):
            return w.value()
        if isinstance(w, QDoubleSpinBox):
            return round(w.value(), 2)
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QLineEdit):
            return settings.parse_text(self.spec.key, w.text())
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QPlainTextEdit):
            return settings.parse_text(self.spec.key, w.toPlainText() or "{}")
        return {
            name: part.currentData() if isinstance(part, QComboBox) else part.value()
            for name, part in self.parts.items()
        }


class PreferencesDialog(QDialog):
    """General (theme, database), then one tab per settings group."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.op: CollectionOp[dict[str, Any]] | None = None
        self.setWindowTitle(self.tr("Preferences"))
        with ctx.db.read() as session:
            self.loaded = settings.all_values(session)
        self.editors: dict[str, SettingEditor] = {}
        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_tab(), self.tr("General"))
        self.group_tabs: dict[str, int] = {}
        for group, specs in settings.grouped():
            extra = self._distribution_box() if group == "Scoring" else None
            tab = self._group_tab(specs, extra)
            shown = QCoreApplication.translate("Settings", group)
            self.group_tabs[group] = self.tabs.addTab(tab, shown)
        self._watch_thresholds()
        self.error_label = QLabel()
        self.error_label.setObjectName("preferencesError")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {SEVERITY_COLORS['critical']};")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(720, 560)

    # -- construction ---------------------------------------------------------

    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.theme = QComboBox()
        names = {
            "system": self.tr("System"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        self.theme.addItems([names.get(t, t.capitalize()) for t in THEMES])
        current = str(QSettings().value("ui/theme", "system"))
        self.theme.setCurrentIndex(THEMES.index(current) if current in THEMES else 0)
        form.addRow(self.tr("Theme:"), self.theme)
        form.addRow(
            "", _muted(self.tr("System follows your computer's light or dark mode as it changes."))
        )
        db_label = QLabel(self.ctx.db.location)
        db_label.setTextFormat(Qt.TextFormat.PlainText)
        db_label.setWordWrap(True)
        db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Database:"), db_label)
        form.addRow(
            "", _muted(self.tr("The settings on the other tabs are stored in this database."))
        )
        return page

    def _distribution_box(self) -> QWidget:
        """The stored scores of the active profile, beside the thresholds (loaded off-thread)."""
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 8)
        title = QLabel(self.tr("Your postings by score (active profile):"))
        col.addWidget(title)
        self.histogram = ScoreHistogram()
        col.addWidget(self.histogram)
        self.distribution_label = _muted(self.tr("Counting the stored scores…"))
        self.distribution_label.setObjectName("distributionSummary")
        col.addWidget(self.distribution_label)
        db = self.ctx.db

        def work(_progress: Progress) -> ScoreDistribution:
            with db.read() as session:
                return score_distribution(session)

        self.distribution_task = run_task(work, on_done=self._show_distribution, parent=self)
        return box

    def _watch_thresholds(self) -> None:
        for key in RESCORING:
            widget = self.editors[key].widget
            if isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self._thresholds_changed)
        self._thresholds_changed()

    def _thresholds(self) -> tuple[int, int]:
        apply_at, maybe_at = (self.editors[k].widget for k in RESCORING)
        assert isinstance(apply_at, QSpinBox) and isinstance(maybe_at, QSpinBox)
        return apply_at.value(), maybe_at.value()

    def _thresholds_changed(self) -> None:
        if not hasattr(self, "histogram"):
            return
        apply_at, maybe_at = self._thresholds()
        self.histogram.set_thresholds(apply_at, maybe_at)
        if self.histogram.distribution.profile is not None or self.histogram.distribution.total:
            self.distribution_label.setText(
                self._summary(self.histogram.distribution, apply_at, maybe_at)
            )

    def _show_distribution(self, distribution: ScoreDistribution) -> None:
        self.histogram.set_distribution(distribution)
        apply_at, maybe_at = self._thresholds()
        self.distribution_label.setText(self._summary(distribution, apply_at, maybe_at))

    def _summary(self, distribution: ScoreDistribution, apply_at: int, maybe_at: int) -> str:
        """One line: "Apply at 70: 12 of 830 postings (1 %); Maybe at 45: 92; Skip: 726."."""
        if not distribution.total:
            return self.tr("No scored postings yet: capture or import some to see how they spread.")
        v = distribution.verdicts(apply_at, maybe_at)
        return self.tr(
            "Apply at {apply_at}: {apply} of {total} postings ({share} %); "
            "Maybe at {maybe_at}: {maybe}; Skip: {skip}."
        ).format(
            apply_at=apply_at,
            apply=f"{v['apply']:,}",
            total=f"{distribution.total:,}",
            share=round(100 * v["apply"] / distribution.total),
            maybe_at=maybe_at,
            maybe=f"{v['maybe']:,}",
            skip=f"{v['skip']:,}",
        )

    def _group_tab(self, specs: list[SettingSpec], extra: QWidget | None = None) -> QWidget:
        inner = QWidget()
        form = QFormLayout(inner)
        if extra is not None:
            form.addRow(extra)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for declared in specs:
            editor = SettingEditor(declared)
            editor.set_value(self.loaded[declared.key])
            # app.settings' texts, marked in ui/app_texts.py
            setting_title = QCoreApplication.translate("Settings", declared.title)
            setting_help = QCoreApplication.translate("Settings", declared.help)
            editor.widget.setToolTip(f"{declared.key}: {setting_help}")
            self.editors[declared.key] = editor
            title = QLabel(self.tr("{setting}:").format(setting=setting_title))
            title.setTextFormat(Qt.TextFormat.PlainText)
            title.setWordWrap(True)
            title.setMaximumWidth(260)
            title.setBuddy(editor.widget)  # a screen reader names the editor by it
            field = editor.widget
            if declared.key in FOLDER_SETTINGS and isinstance(field, QLineEdit):
                field = _with_folder_button(field, setting_title)
            form.addRow(title, field)
            form.addRow("", _muted(f"{setting_help} ({declared.key})"))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        return scroll

    # -- saving ---------------------------------------------------------------

    def edited_values(self) -> dict[str, Any]:
        """Every setting as the dialog shows it (InputError names one that is not valid)."""
        return {key: editor.value() for key, editor in self.editors.items()}

    def accept(self) -> None:
        try:
            values = self.edited_values()
        except InputError as exc:
            self._refused(exc)
            return
        changed = {k: v for k, v in values.items() if v != self.loaded[k]}
        changes = Change.NONE
        if any(k in RESCORING for k in changed):
            changes |= Change.PROFILES  # stored cards are rescored in the background
        if any(k.startswith("connects.") for k in changed):
            changes |= Change.LEDGER  # names, allocations and forecasts follow
        self.buttons.setEnabled(False)
        self.op = (
            CollectionOp(self, lambda session: settings.set_values(session, changed), changes)
            .success(lambda _stored: self._saved())
            .failure(self._refused)
            .run()
        )

    def _refused(self, exc: WorkbenchError) -> None:
        self.buttons.setEnabled(True)
        self.error_label.setText(str(exc))
        self.error_label.show()
        for key, editor in self.editors.items():  # show the tab of the setting named
            if key in str(exc):
                self.tabs.setCurrentIndex(self.group_tabs[editor.spec.group])
                editor.widget.setFocus()
                break

    def _saved(self) -> None:
        theme = THEMES[self.theme.currentIndex()]
        QSettings().setValue("ui/theme", theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)
        super().accept()


def _with_folder_button(edit: QLineEdit, title: str) -> QWidget:
    """A folder setting: its text and a Choose… button that fills it in."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    edit.setPlaceholderText(QCoreApplication.translate("PreferencesDialog", "empty: off"))
    edit.setAccessibleName(title)  # the title label's buddy is not found inside the box
    row.addWidget(edit, 1)
    choose = QPushButton(QCoreApplication.translate("PreferencesDialog", "Choose…"))
    choose.setObjectName("chooseFolder")

    def pick() -> None:
        chosen = QFileDialog.getExistingDirectory(box, title, edit.text())
        if chosen:
            edit.setText(chosen)

    choose.clicked.connect(pick)
    row.addWidget(choose)
    return box


def _muted(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("muted")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label
