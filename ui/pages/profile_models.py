"""Editable tables of the Profile page: the skills and the red-flag rules."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from app.profiles import RuleOverride, Skill, split_list
from app.scoring.rules import Rule
from ui import app_words, localized
from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.rows import ModelIndex, RowsTableModel
from ui.theme import SEVERITY_COLORS

_EDIT = Qt.ItemFlag.ItemIsEditable
_BASE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class SkillsModel(RowsTableModel):
    """The profile's skills: name, weight, synonyms (comma-separated), all editable."""

    #: the user changed a skill
    edited = Signal()

    headers = (
        QT_TRANSLATE_NOOP("SkillsModel", "Skill"),
        QT_TRANSLATE_NOOP("SkillsModel", "Weight"),
        QT_TRANSLATE_NOOP("SkillsModel", "Synonyms"),
    )

    @property
    def skills(self) -> list[Skill]:
        return self.rows

    def set_skills(self, skills: list[Skill]) -> None:
        self.set_rows(Skill(s.name, s.weight, list(s.synonyms)) for s in skills)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _BASE | _EDIT

    def cell(self, skill: Skill, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                return skill.name
            if column == 1:
                if role == Qt.ItemDataRole.DisplayRole:
                    return localized.measure(skill.weight)  # the locale's decimal comma or point
                return skill.weight
            return ", ".join(skill.synonyms)
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        skill = self.skills[index.row()]
        if index.column() == 0:
            name = str(value).strip()
            if not name:
                return False
            skill.name = name
        elif index.column() == 1:
            try:
                weight = float(value)
            except (TypeError, ValueError):
                return False
            if not 0 <= weight <= 10:
                return False
            skill.weight = weight
        else:
            skill.synonyms = split_list(str(value))
        self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
        self.edited.emit()
        return True

    def add_skill(self, name: str) -> int:
        """Append a skill; returns its row."""
        row = len(self.skills)
        self.beginInsertRows(QModelIndex(), row, row)
        self.skills.append(Skill(name))
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove_skill(self, row: int) -> None:
        if not 0 <= row < len(self.skills):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.skills[row]
        self.endRemoveRows()
        self.edited.emit()


class RulesModel(RowsTableModel):
    """The red-flag rules with this profile's switch (checkbox) and weight (editable)."""

    #: the user switched or re-weighted a rule
    edited = Signal()

    headers = (
        QT_TRANSLATE_NOOP("RulesModel", "On"),
        QT_TRANSLATE_NOOP("RulesModel", "Severity"),
        QT_TRANSLATE_NOOP("RulesModel", "Flag"),
        QT_TRANSLATE_NOOP("RulesModel", "Weight"),
        QT_TRANSLATE_NOOP("RulesModel", "Points"),
    )
    ON, SEVERITY, TITLE, WEIGHT, POINTS = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.overrides: dict[str, RuleOverride] = {}

    @property
    def rules(self) -> list[Rule]:
        return self.rows

    def set_rules(self, rules: list[Rule], overrides: dict[str, RuleOverride]) -> None:
        self.overrides = {k: RuleOverride(v.enabled, v.weight) for k, v in overrides.items()}
        self.set_rows(rules)

    def override(self, rule: Rule) -> RuleOverride:
        return self.overrides.get(rule.id, RuleOverride())

    def changed_overrides(self) -> dict[str, RuleOverride]:
        """Only the rules the user changed from the default (on, weight 1)."""
        return {k: v for k, v in self.overrides.items() if v != RuleOverride()}

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == self.ON:
            return _BASE | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == self.WEIGHT:
            return _BASE | _EDIT
        return _BASE

    def cell(self, rule: Rule, col: int, role: int) -> Any:
        o = self.override(rule)
        if role == Qt.ItemDataRole.CheckStateRole and col == self.ON:
            return Qt.CheckState.Checked if o.enabled else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.SEVERITY: app_words.severity(rule.severity.value),
                self.TITLE: rule.title,
                self.WEIGHT: localized.measure(o.weight),
                self.POINTS: f"−{localized.measure(rule.points * o.weight)}",
            }.get(col)
        if role == Qt.ItemDataRole.EditRole and col == self.WEIGHT:
            return o.weight
        if role == Qt.ItemDataRole.ForegroundRole and col == self.SEVERITY:
            return QColor(SEVERITY_COLORS[rule.severity.value])
        if role == Qt.ItemDataRole.ToolTipRole and col == self.TITLE:
            return f"{rule.id}: {rule.explain}"  # our own rule file, not posting text
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        rule = self.rules[index.row()]
        o = self.override(rule)
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == self.ON:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            self.overrides[rule.id] = RuleOverride(checked, o.weight)
        elif role == Qt.ItemDataRole.EditRole and index.column() == self.WEIGHT:
            try:
                weight = float(value)
            except (TypeError, ValueError):
                return False
            if not 0 <= weight <= 10:
                return False
            self.overrides[rule.id] = RuleOverride(o.enabled, weight)
        else:
            return False
        left, right = self.index(index.row(), 0), self.index(index.row(), self.POINTS)
        self.dataChanged.emit(left, right)
        self.edited.emit()
        return True
