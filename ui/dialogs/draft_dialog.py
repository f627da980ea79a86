"""Draft a proposal for one posting: suggested reply, fill-ins, checks, export, submit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import plaintext
from app.drafting.draft import Drafter, posting_facts
from app.drafting.export import export_proposal
from app.drafting.lints import Lint, add_to_dictionary, check_proposal
from app.drafting.render import fill_placeholders, find_fill_ins
from app.errors import WorkbenchError
from app.profiles import active_profile
from app.proposals import get_proposal, save_draft, submit_proposal
from app.replies import suggest_replies
from ui import plain
from ui.context import AppContext
from ui.models.lints import LintsModel
from ui.theme import SEVERITY_COLORS
from ui.widgets.reply_editor import select_span

RENDER_DELAY_MS = 150
CHECK_DELAY_MS = 250


@dataclass(frozen=True)
class ReplyChoice:
    id: int
    name: str
    body: str


@dataclass(frozen=True)
class Submission:
    bid: float | None
    connects: int
    boost: int
    invited: bool


class SubmitDialog(QDialog):
    """Bid, Connects spent, boost and invited: what "Mark as submitted" records."""

    def __init__(
        self, connects: int | None, unfilled: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mark as submitted")
        self.bid = QDoubleSpinBox(prefix="$", maximum=1_000_000, decimals=2)
        self.bid.setSpecialValueText("no bid")
        self.connects = QSpinBox(maximum=500, value=connects or 0)
        self.boost = QSpinBox(maximum=500)
        self.invited = QCheckBox("I was invited (no Connects are spent)")
        self.invited.toggled.connect(lambda on: self.connects.setEnabled(not on))
        form = QFormLayout(self)
        form.addRow("Bid (rate or amount)", self.bid)
        form.addRow("Connects spent", self.connects)
        form.addRow("Boost Connects", self.boost)
        form.addRow("", self.invited)
        if unfilled:
            warning = QLabel(
                f"{unfilled} fill-in(s) are still empty: the text is recorded as it is now."
            )
            warning.setWordWrap(True)
            warning.setStyleSheet(f"color: {SEVERITY_COLORS['warning']};")
            form.addRow(warning)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def submission(self) -> Submission:
        bid = self.bid.value()
        return Submission(
            bid=bid if bid > 0 else None,
            connects=self.connects.value(),
            boost=self.boost.value(),
            invited=self.invited.isChecked(),
        )


class DraftDialog(QDialog):
    """The suggested reply rendered for a posting, with fill-in fields and checks beside it."""

    def __init__(self, ctx: AppContext, job_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job_id = job_id
        self.values: dict[str, str] = {}
        self.fields: dict[str, QLineEdit] = {}
        self.manual_edit = False
        self._setting_text = False
        self.proposal_id: int | None = None
        with ctx.db.read() as session:
            self.facts = posting_facts(session, job_id)
            profile = active_profile(session)
            self.profile_id = profile.id if profile else None
            self.drafter = Drafter.load(session, self.facts, job_id=job_id, profile=profile)
            self.choices = [
                ReplyChoice(r.id, r.name, r.body) for r in suggest_replies(session, self.facts)
            ]
        self.setWindowTitle(
            f"Draft proposal — {plaintext.inline(self.facts.title, 90) or 'posting'}"
        )
        self.resize(1100, 720)
        self.render_timer = QTimer(self, singleShot=True, interval=RENDER_DELAY_MS)
        self.render_timer.timeout.connect(self.render_draft)
        self.check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.run_checks)
        self._build()
        if self.choices:
            self.render_draft()
        else:
            self.status.setText("No saved proposal replies yet: add one on the Saved replies page.")

    # -- construction ---------------------------------------------------------

    def _build(self) -> None:
        self.reply_combo = QComboBox()
        for i, choice in enumerate(self.choices):
            label = f"{choice.name} (suggested)" if i == 0 else choice.name
            self.reply_combo.addItem(label, choice.name)
        self.reply_combo.currentIndexChanged.connect(self._reply_chosen)
        top = QHBoxLayout()
        top.addWidget(QLabel("Saved reply"))
        top.addWidget(self.reply_combo, 1)

        self.text = QPlainTextEdit()
        self.text.textChanged.connect(self._text_edited)
        self.fill_ins_box = QWidget()
        self.fill_ins_form = QFormLayout(self.fill_ins_box)
        self.fill_ins_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.fill_ins_box)
        self.lints_model = LintsModel(self)
        self.checks = QListView()
        self.checks.setModel(self.lints_model)
        self.checks.setWordWrap(True)
        self.checks.setSpacing(3)
        self.checks.clicked.connect(self.jump_to_check)
        self.checks.activated.connect(self.jump_to_check)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel("Fill-ins"))
        side_layout.addWidget(scroll, 2)
        side_layout.addWidget(QLabel("Checks (click one to go to it)"))
        side_layout.addWidget(self.checks, 3)
        self.learn_button = QPushButton("Add word to my dictionary")
        self.learn_button.setEnabled(False)
        self.learn_button.clicked.connect(self.learn_word)
        self.checks.selectionModel().currentChanged.connect(self._check_selected)
        side_layout.addWidget(self.learn_button, 0, Qt.AlignmentFlag.AlignLeft)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.text)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.copy_button = QPushButton("Copy to clipboard")
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.save_button = QPushButton("Save as…")
        self.save_button.clicked.connect(self.save_as)
        self.draft_button = QPushButton("Save draft")
        self.draft_button.setToolTip("Keep it in the Proposals pipeline as a draft")
        self.draft_button.clicked.connect(self.save_draft)
        self.submit_button = QPushButton("Mark as submitted…")
        self.submit_button.clicked.connect(self.mark_submitted)
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (
            self.copy_button,
            self.save_button,
            self.draft_button,
            self.submit_button,
            close,
        ):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    # -- rendering ------------------------------------------------------------

    def current_choice(self) -> ReplyChoice | None:
        index = self.reply_combo.currentIndex()
        return self.choices[index] if 0 <= index < len(self.choices) else None

    @Slot()
    def _reply_chosen(self) -> None:
        if self.manual_edit and not self._confirm_discard():
            return
        self.manual_edit = False
        self.render_draft()

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self, "Discard your edits?", "Rendering another reply replaces the text you edited."
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def render_draft(self) -> None:
        """Render the chosen reply with the fill-ins typed so far (unless the text was edited)."""
        self.render_timer.stop()
        choice = self.current_choice()
        if choice is None or self.manual_edit:
            return
        draft = self.drafter.draft(choice.name, choice.body, self.values)
        if draft.problem is not None:
            self._set_text("")
            self.status.setText(f"The reply {choice.name} has a problem: {draft.problem}")
            self.lints_model.set_lints([])
            return
        self._set_text(draft.text)
        self._sync_fields(draft.fill_ins)
        self._show_lints(draft.lints)

    def _set_text(self, text: str) -> None:
        self._setting_text = True
        try:
            self.text.setPlainText(text)
        finally:
            self._setting_text = False

    def _sync_fields(self, fill_ins: list[str]) -> None:
        """One field per fill-in ever seen for this draft; filled ones stay."""
        for label in fill_ins:
            if label in self.fields:
                continue
            edit = QLineEdit(self.values.get(label, ""))
            edit.setPlaceholderText(label)
            edit.textEdited.connect(lambda text, key=label: self._fill_in_typed(key, text))
            edit.editingFinished.connect(lambda key=label: self._fill_in_finished(key))
            self.fields[label] = edit
            caption = QLabel(_short(label))
            caption.setTextFormat(Qt.TextFormat.PlainText)
            caption.setToolTip(label)
            self.fill_ins_form.addRow(caption, edit)

    def _fill_in_typed(self, label: str, text: str) -> None:
        self.values[label] = text
        if not self.manual_edit:
            self.render_timer.start()

    def _fill_in_finished(self, label: str) -> None:
        value = self.values.get(label, "")
        if self.manual_edit and value:
            self._set_text(fill_placeholders(self.text.toPlainText(), {label: value}))
            self.run_checks()

    @Slot()
    def _text_edited(self) -> None:
        if self._setting_text:
            return
        self.manual_edit = True
        self.check_timer.start()

    @Slot()
    def run_checks(self) -> None:
        self.check_timer.stop()
        self._show_lints(check_proposal(self.text.toPlainText(), self.drafter.checks))

    def _show_lints(self, lints: list[Lint]) -> None:
        self.lints_model.set_lints(lints)
        self.learn_button.setEnabled(False)
        left = find_fill_ins(self.text.toPlainText())
        if not lints:
            self.status.setText("All checks pass.")
        elif left:
            self.status.setText(f"{len(left)} fill-in(s) still empty; {len(lints)} check(s).")
        else:
            self.status.setText(f"{len(lints)} check(s) to look at.")

    @Slot(QModelIndex)
    def jump_to_check(self, index: QModelIndex) -> None:
        lint = self.lints_model.data(index, Qt.ItemDataRole.UserRole)
        if isinstance(lint, Lint) and lint.start is not None:
            select_span(self.text, lint.start, lint.end if lint.end is not None else lint.start)

    def _selected_lint(self) -> Lint | None:
        lint = self.lints_model.data(self.checks.currentIndex(), Qt.ItemDataRole.UserRole)
        return lint if isinstance(lint, Lint) else None

    @Slot()
    def _check_selected(self) -> None:
        lint = self._selected_lint()
        self.learn_button.setEnabled(lint is not None and lint.word is not None)

    @Slot()
    def learn_word(self) -> None:
        """Accept the selected check's word from now on (the user dictionary setting)."""
        lint = self._selected_lint()
        if lint is None or lint.word is None:
            return
        with self.ctx.db.transaction() as session:
            add_to_dictionary(session, lint.word)
        self.drafter.checks.known_words = self.drafter.checks.known_words | {lint.word}
        self.run_checks()
        self.learn_button.setEnabled(False)
        self.status.setText(f"Added {lint.word!r} to your dictionary.")

    # -- export and submit ----------------------------------------------------

    def final_text(self) -> str:
        return self.text.toPlainText()

    @Slot()
    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.final_text())
        left = find_fill_ins(self.final_text())
        note = f" ({len(left)} fill-in(s) still empty)" if left else ""
        self.status.setText(f"Copied to the clipboard{note}.")

    @Slot()
    def save_as(self) -> None:
        name = re.sub(r"[^A-Za-z0-9]+", "-", self.facts.title or "proposal").strip("-")[:60]
        path, _ = QFileDialog.getSaveFileName(
            self, "Save proposal", f"{name or 'proposal'}.txt", "Text (*.txt);;Markdown (*.md)"
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> Path | None:
        try:
            written = export_proposal(path, self.final_text())
        except WorkbenchError as exc:
            QMessageBox.warning(self, "Save proposal", plain.message(str(exc)))
            return None
        self.status.setText(f"Saved {written}.")
        return written

    @Slot()
    def save_draft(self) -> int | None:
        """Store (or update) this text as a draft proposal for the posting."""
        choice = self.current_choice()
        try:
            with self.ctx.db.transaction() as session:
                if self.proposal_id is None:
                    proposal = save_draft(
                        session,
                        job_id=self.job_id,
                        text=self.final_text(),
                        profile_id=self.profile_id,
                        reply_id=choice.id if choice else None,
                    )
                    self.proposal_id = proposal.id
                else:
                    get_proposal(session, self.proposal_id).text = self.final_text()
        except WorkbenchError as exc:
            QMessageBox.warning(self, "Save draft", plain.message(str(exc)))
            return None
        self.ctx.proposals_changed.emit()
        self.status.setText(f"Saved as draft proposal {self.proposal_id}.")
        return self.proposal_id

    @Slot()
    def mark_submitted(self) -> None:
        unfilled = len(find_fill_ins(self.final_text()))
        dialog = SubmitDialog(self.facts.connects_required, unfilled, self)
        if dialog.exec():
            self.submit(dialog.submission())

    def submit(self, submission: Submission) -> int | None:
        """Record the proposal as submitted; returns its id (None when refused)."""
        choice = self.current_choice()
        try:
            with self.ctx.db.transaction() as session:
                proposal = submit_proposal(
                    session,
                    job_id=self.job_id,
                    connects=submission.connects,
                    boost=submission.boost,
                    bid=submission.bid,
                    text=self.final_text(),
                    invited=submission.invited,
                    profile_id=self.profile_id,
                    reply_id=choice.id if choice else None,
                    proposal_id=self.proposal_id,
                )
                self.proposal_id = proposal.id
        except WorkbenchError as exc:
            QMessageBox.warning(self, "Mark as submitted", plain.message(str(exc)))
            return None
        self.ctx.proposals_changed.emit()
        self.ctx.ledger_changed.emit()
        self.ctx.message.emit(f"Proposal {self.proposal_id} recorded as submitted")
        self.submit_button.setEnabled(False)
        self.draft_button.setEnabled(False)
        self.status.setText(f"Recorded as submitted (proposal {self.proposal_id}).")
        return self.proposal_id


def _short(label: str) -> str:
    return label if len(label) <= 70 else label[:67] + "…"
