"""First run: three questions (title, skills, rate); the rest of the profile gets defaults."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import WorkbenchError
from app.profiles import first_run_profile, list_profiles, save_profile, use_profile
from ui import plain
from ui.context import AppContext


def needs_first_run(ctx: AppContext) -> bool:
    """True while the database has no profile at all."""
    with ctx.db.read() as session:
        return not list_profiles(session)


class FirstRunDialog(QDialog):
    """Asks for the essentials and stores the first profile (which becomes active)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Welcome to Proposal Workbench")
        intro = QLabel(
            "Postings are scored against your profile. Three answers are enough to start; "
            "everything else can be changed later on the Profile page."
        )
        intro.setWordWrap(True)
        self.title_edit = QLineEdit(placeholderText="e.g. Shopify developer")
        self.skills = QLineEdit(placeholderText="comma-separated, e.g. Shopify, Liquid, CSS")
        self.rate = QDoubleSpinBox(decimals=2, minimum=1.0, maximum=10_000.0, value=25.0)
        self.rate.setPrefix("$ ")
        self.rate.setSuffix(" /h")
        form = QFormLayout()
        form.addRow("What do you do?", self.title_edit)
        form.addRow("Your skills:", self.skills)
        form.addRow("Lowest hourly rate you take:", self.rate)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create profile")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        spec = first_run_profile(self.title_edit.text(), self.skills.text(), self.rate.value())
        if not spec.skills:
            QMessageBox.warning(self, self.windowTitle(), "Name at least one skill.")
            return
        try:
            with self.ctx.db.transaction() as session:
                save_profile(session, spec)
                use_profile(session, spec.name)
        except WorkbenchError as exc:
            QMessageBox.warning(self, self.windowTitle(), plain.message(str(exc)))
            return
        self.ctx.profiles_changed.emit()
        super().accept()
