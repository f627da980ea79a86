"""First run: who you are (to sign with), what you do, your rate and your Connects balance.

The rest of the profile gets defaults; everything can be changed later on the Profile page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import WorkbenchError
from app.onboarding import FirstRunAnswers, FirstRunResult, complete_first_run
from app.profiles import MAX_NAME_CHARS, list_profiles
from ui.context import AppContext
from ui.ops import Change, CollectionOp
from ui.theme import SEVERITY_COLORS


def needs_first_run(ctx: AppContext) -> bool:
    """True while the database has no profile at all."""
    with ctx.db.read() as session:
        return not list_profiles(session)


class FirstRunDialog(QDialog):
    """Asks for the essentials, stores the first profile (active) and reconciles Connects."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.op: CollectionOp[FirstRunResult] | None = None
        self.setWindowTitle(self.tr("Welcome to Proposal Workbench"))
        intro = QLabel(
            self.tr(
                "Postings are scored against your profile, and proposals are signed with your "
                "name. These answers are enough to start; everything can be changed later on "
                "the Profile page."
            )
        )
        intro.setWordWrap(True)
        self.your_name = QLineEdit(
            placeholderText=self.tr("how you sign proposals, e.g. Ana Pereira")
        )
        self.your_name.setMaxLength(MAX_NAME_CHARS)
        self.title_edit = QLineEdit(placeholderText=self.tr("e.g. Shopify developer"))
        self.skills = QLineEdit(
            placeholderText=self.tr("comma-separated, e.g. Shopify, Liquid, CSS")
        )
        self.rate = QDoubleSpinBox(decimals=2, minimum=1.0, maximum=10_000.0, value=25.0)
        self.rate.setPrefix("$ ")
        self.rate.setSuffix(self.tr(" /h"))
        self.connects = QSpinBox(minimum=0, maximum=1_000_000)
        self.connects.setToolTip(
            self.tr("The Available Connects your Upwork account shows now: the ledger starts there")
        )
        connects_hint = QLabel(
            self.tr("As Upwork shows it now (Find Work, Connects). 0 if you have none.")
        )
        connects_hint.setObjectName("muted")
        connects_hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Your name:"), self.your_name)
        form.addRow(self.tr("What do you do?"), self.title_edit)
        form.addRow(self.tr("Your skills:"), self.skills)
        form.addRow(self.tr("Lowest hourly rate you take:"), self.rate)
        form.addRow(self.tr("Connects you have:"), self.connects)
        form.addRow("", connects_hint)
        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {SEVERITY_COLORS['critical']}")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create profile"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def answers(self) -> FirstRunAnswers:
        return FirstRunAnswers(
            your_name=self.your_name.text(),
            title=self.title_edit.text(),
            skills=self.skills.text(),
            hourly_rate=self.rate.value(),
            connects_balance=self.connects.value(),
        )

    def accept(self) -> None:
        if self.op is not None and not self.op.done:
            return  # already saving
        answers = self.answers()
        self.buttons.setEnabled(False)
        self.op = (
            CollectionOp(
                self,
                lambda session: complete_first_run(session, answers),
                Change.PROFILES | Change.LEDGER,
            )
            .success(self._saved)
            .failure(self._refused)
            .run()
        )

    def _saved(self, result: FirstRunResult) -> None:
        if result.reconciled is not None:
            self.ctx.message.emit(
                self.tr("Connects balance set to {balance}").format(
                    balance=f"{self.connects.value():,}"
                )
            )
        super().accept()

    def _refused(self, exc: WorkbenchError) -> None:
        self.buttons.setEnabled(True)
        self.error_label.setText(str(exc))
        self.error_label.show()
