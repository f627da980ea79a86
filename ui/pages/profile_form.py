"""The form of the Profile page: every field of a :class:`ProfileSpec`, in four tabs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import ExperienceLevel, Plan
from app.profiles import ClientCriteria, ProfileSpec, split_list
from app.scoring.rules import Rule
from ui import a11y
from ui.pages.profile_models import RulesModel, SkillsModel

PLAN_LABELS = {"basic": "Basic", "freelancer_plus": "Freelancer Plus", "agency": "Agency"}


def _money(maximum: float = 1_000_000.0) -> QDoubleSpinBox:
    box = QDoubleSpinBox(decimals=2, minimum=0.0, maximum=maximum)
    box.setPrefix("$ ")
    box.setSpecialValueText(QCoreApplication.translate("ui.pages.profile_form", "no minimum"))
    return box


def _form_page(form: QFormLayout) -> QWidget:
    """A tab holding ``form`` at a readable width, left-aligned."""
    inner = QWidget()
    inner.setMaximumWidth(760)
    inner.setLayout(form)
    page = QWidget()
    row = QHBoxLayout(page)
    row.addWidget(inner, 1, Qt.AlignmentFlag.AlignTop)
    row.addStretch(0)
    return page


def _optional(value: float) -> float | None:
    return value if value > 0 else None


class ProfileForm(QTabWidget):
    """Edits one profile; :meth:`spec` reads it back. Emits ``edited`` on any change."""

    #: the user changed something in the form
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addTab(self._about_tab(), self.tr("About you"))
        self.addTab(self._skills_tab(), self.tr("Skills"))
        self.addTab(self._clients_tab(), self.tr("Clients"))
        self.addTab(self._rules_tab(), self.tr("Red-flag rules"))
        a11y.name(self.tabBar(), self.tr("Profile sections"))

    # -- tabs ------------------------------------------------------------------------

    def _about_tab(self) -> QWidget:
        self.name = QLineEdit()
        self.name.setToolTip(self.tr("A label for this profile (you can keep several)"))
        self.your_name = QLineEdit(
            placeholderText=self.tr("how you sign proposals, e.g. Ana Pereira")
        )
        self.title_edit = QLineEdit(placeholderText=self.tr("e.g. Shopify developer"))
        self.hourly = _money(10_000.0)
        self.hourly.setSuffix(self.tr(" /h"))
        self.fixed = _money()
        self.plan = QComboBox()
        for plan in Plan:
            self.plan.addItem(PLAN_LABELS.get(plan.value, plan.value), plan.value)
        self.price = QDoubleSpinBox(decimals=2, minimum=0.01, maximum=10.0, singleStep=0.01)
        self.price.setPrefix("$ ")
        self.levels = {lvl.value: QCheckBox(lvl.value.capitalize()) for lvl in ExperienceLevel}
        levels = QHBoxLayout()
        for box in self.levels.values():
            levels.addWidget(box)
        levels.addStretch(1)
        self.categories = QLineEdit(
            placeholderText=self.tr("comma-separated, e.g. Web Development")
        )
        self.include = QLineEdit(placeholderText=self.tr("words that make a job more interesting"))
        self.exclude = QLineEdit(placeholderText=self.tr("words that rule a job out"))
        form = QFormLayout()
        form.addRow(self.tr("Your name:"), self.your_name)
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Minimum hourly rate:"), self.hourly)
        form.addRow(self.tr("Minimum fixed budget:"), self.fixed)
        form.addRow(self.tr("Experience levels:"), levels)
        form.addRow(self.tr("Preferred categories:"), self.categories)
        form.addRow(self.tr("Include keywords:"), self.include)
        form.addRow(self.tr("Exclude keywords:"), self.exclude)
        form.addRow(self.tr("Plan:"), self.plan)
        form.addRow(self.tr("Price of a Connect:"), self.price)
        form.addRow(self.tr("Profile name:"), self.name)
        for widget in (
            self.name,
            self.your_name,
            self.title_edit,
            self.categories,
            self.include,
            self.exclude,
        ):
            widget.textEdited.connect(self.edited)
        for spin in (self.hourly, self.fixed, self.price):
            spin.valueChanged.connect(self.edited)
        for box in self.levels.values():
            box.toggled.connect(self.edited)
        self.plan.currentIndexChanged.connect(self.edited)
        return _form_page(form)

    def _skills_tab(self) -> QWidget:
        self.skills = SkillsModel(self)
        self.skills.edited.connect(self.edited)
        self.skills_view = QTableView()
        a11y.name(
            self.skills_view, self.tr("Skills"), self.tr("Each skill, its level and its aliases")
        )
        self.skills_view.setModel(self.skills)
        self.skills_view.verticalHeader().hide()
        self.skills_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.skills_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.new_skill = QLineEdit(placeholderText=self.tr("Add a skill, e.g. React"))
        self.new_skill.returnPressed.connect(self.add_skill)
        a11y.name(self.new_skill, self.tr("New skill"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add_skill)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_skill)
        row = QHBoxLayout()
        row.addWidget(self.new_skill, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        self.not_doing = QLineEdit(
            placeholderText=self.tr(
                "comma-separated skills or kinds of work, e.g. WordPress, logo design"
            )
        )
        self.not_doing.setToolTip(
            self.tr(
                "A job whose title or skills name these loses relevance, even when one of "
                "your skills is listed too"
            )
        )
        self.not_doing.textEdited.connect(self.edited)
        avoid = QFormLayout()
        avoid.addRow(self.tr("Not doing:"), self.not_doing)
        page = QWidget()
        col = QVBoxLayout(page)
        col.addWidget(self.skills_view, 1)
        col.addLayout(row)
        col.addLayout(avoid)
        return page

    def _clients_tab(self) -> QWidget:
        self.verified = QCheckBox(self.tr("Only clients with a verified payment method"))
        self.min_rating = QDoubleSpinBox(decimals=1, minimum=0.0, maximum=5.0, singleStep=0.1)
        self.min_rating.setSpecialValueText(self.tr("no minimum"))
        self.min_spent = _money(10_000_000.0)
        self.min_hire_rate = QSpinBox(minimum=0, maximum=100)
        self.min_hire_rate.setSuffix(" %")
        self.min_hire_rate.setSpecialValueText(self.tr("no minimum"))
        self.countries = QLineEdit(placeholderText=self.tr("comma-separated country names"))
        form = QFormLayout()
        form.addRow(self.tr("Payment:"), self.verified)
        form.addRow(self.tr("Minimum rating:"), self.min_rating)
        form.addRow(self.tr("Minimum total spent:"), self.min_spent)
        form.addRow(self.tr("Minimum hire rate:"), self.min_hire_rate)
        form.addRow(self.tr("Excluded countries:"), self.countries)
        self.verified.toggled.connect(self.edited)
        for spin in (self.min_rating, self.min_spent, self.min_hire_rate):
            spin.valueChanged.connect(self.edited)
        self.countries.textEdited.connect(self.edited)
        return _form_page(form)

    def _rules_tab(self) -> QWidget:
        self.rules = RulesModel(self)
        self.rules.edited.connect(self.edited)
        self.rules_view = QTableView()
        a11y.name(
            self.rules_view,
            self.tr("Red-flag rules"),
            self.tr("On, severity, weight and points of each"),
        )
        self.rules_view.setModel(self.rules)
        self.rules_view.verticalHeader().hide()
        header = self.rules_view.horizontalHeader()
        for col in (RulesModel.ON, RulesModel.SEVERITY, RulesModel.WEIGHT, RulesModel.POINTS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RulesModel.TITLE, QHeaderView.ResizeMode.Stretch)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.rules_view)
        return page

    # -- values ----------------------------------------------------------------------

    def load(self, spec: ProfileSpec, rules: list[Rule]) -> None:
        """Show ``spec`` (without emitting ``edited``)."""
        self.blockSignals(True)
        try:
            self.name.setText(spec.name)
            self.your_name.setText(spec.your_name)
            self.title_edit.setText(spec.title)
            self.hourly.setValue(spec.min_hourly_rate or 0.0)
            self.fixed.setValue(spec.min_fixed_budget or 0.0)
            for level, box in self.levels.items():
                box.setChecked(level in spec.experience_levels)
            self.categories.setText(", ".join(spec.preferred_categories))
            self.include.setText(", ".join(spec.include_keywords))
            self.exclude.setText(", ".join(spec.exclude_keywords))
            self.plan.setCurrentIndex(max(0, self.plan.findData(spec.plan)))
            self.price.setValue(spec.connect_price_usd)
            self.verified.setChecked(spec.client.payment_verified_required)
            self.min_rating.setValue(spec.client.min_rating or 0.0)
            self.min_spent.setValue(spec.client.min_total_spent or 0.0)
            self.min_hire_rate.setValue(round(spec.client.min_hire_rate or 0))
            self.countries.setText(", ".join(spec.client.excluded_countries))
            self.skills.set_skills(spec.skills)
            self.not_doing.setText(", ".join(spec.not_doing))
            self.rules.set_rules(rules, spec.rules)
        finally:
            self.blockSignals(False)

    def spec(self) -> ProfileSpec:
        """The profile as the form shows it now."""
        return ProfileSpec(
            name=self.name.text().strip(),
            your_name=self.your_name.text().strip(),
            title=self.title_edit.text().strip(),
            skills=list(self.skills.skills),
            min_hourly_rate=_optional(self.hourly.value()),
            min_fixed_budget=_optional(self.fixed.value()),
            preferred_categories=split_list(self.categories.text()),
            experience_levels=[lvl for lvl, box in self.levels.items() if box.isChecked()],
            client=ClientCriteria(
                payment_verified_required=self.verified.isChecked(),
                min_rating=_optional(self.min_rating.value()),
                min_total_spent=_optional(self.min_spent.value()),
                min_hire_rate=_optional(float(self.min_hire_rate.value())),
                excluded_countries=split_list(self.countries.text()),
            ),
            include_keywords=split_list(self.include.text()),
            exclude_keywords=split_list(self.exclude.text()),
            not_doing=split_list(self.not_doing.text()),
            connect_price_usd=self.price.value(),
            plan=str(self.plan.currentData()),
            rules=self.rules.changed_overrides(),
        )

    def add_skill(self) -> None:
        name = self.new_skill.text().strip()
        if not name:
            return
        if any(s.name.lower() == name.lower() for s in self.skills.skills):
            self.new_skill.selectAll()
            return
        row = self.skills.add_skill(name)
        self.skills_view.selectRow(row)
        self.new_skill.clear()

    def remove_skill(self) -> None:
        index = self.skills_view.currentIndex()
        if index.isValid():
            self.skills.remove_skill(index.row())
