"""Every small list model passes Qt's model tester, empty and filled."""

from __future__ import annotations

from app.profiles import RuleOverride, Skill
from app.scoring.rules import load_rules
from ui.pages.profile_models import RulesModel, SkillsModel
from ui.widgets.score_card_view import FactorsModel, FlagsModel


def test_skills_model(qtmodeltester) -> None:
    model = SkillsModel()
    qtmodeltester.check(model)
    model.set_skills([Skill("React", 1.0, ["ReactJS"]), Skill("Django", 0.5, [])])
    qtmodeltester.check(model)
    assert model.index(0, 2).data() == "ReactJS"
    assert model.setData(model.index(1, 1), "2")
    assert model.skills[1].weight == 2.0
    assert not model.setData(model.index(1, 1), "heavy")
    assert model.add_skill("Go") == 2 and model.rowCount() == 3


def test_rules_model(qtmodeltester) -> None:
    rules = list(load_rules().rules)
    model = RulesModel()
    model.set_rules(rules, {rules[0].id: RuleOverride(False, 0.5)})
    qtmodeltester.check(model)
    assert model.rowCount() == len(rules)
    assert model.index(0, RulesModel.WEIGHT).data() == "0.5"
    assert rules[0].id in model.changed_overrides()


def test_score_card_models(qtmodeltester) -> None:
    factors, flags = FactorsModel(), FlagsModel()
    factors.set_rows([{"name": "Skills", "points": 20, "reason": "2 of 3 skills"}])
    flags.set_rows([{"rule": "off-platform-contact", "severity": "critical", "evidence": "x"}])
    qtmodeltester.check(factors)
    qtmodeltester.check(flags)
    assert factors.rowCount() == 1 and flags.rowCount() == 1


def test_long_reasons_and_evidence_have_escaped_tooltips(qapp) -> None:
    from PySide6.QtCore import Qt

    flags = FlagsModel()
    flags.set_rows([{"rule": "r", "severity": "warning", "evidence": "<b>add me</b> on Telegram"}])
    tip = flags.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "<p>&lt;b&gt;add me&lt;/b&gt; on Telegram</p>"
    factors = FactorsModel()
    factors.set_rows([{"name": "Skills", "points": 3, "reason": "Matches 1 of 3 skills"}])
    assert "Matches 1 of 3" in factors.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
