"""Draft a proposal for one posting: suggested reply, fill-ins, checks, export, submit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication, QTextCursor
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
from sqlalchemy.orm import Session

from app import plaintext
from app.drafting.draft import Drafter, posting_facts
from app.drafting.export import export_proposal
from app.drafting.lints import (
    Lint,
    add_to_dictionary,
    check_proposal,
    describe_unfinished,
    unfinished,
)
from app.drafting.render import FILL_IN_RE, find_fill_ins, moved_span
from app.errors import ConflictError, WorkbenchError
from app.profiles import active_profile
from app.proposals import (
    SubmitDefaults,
    earlier_proposals,
    get_proposal,
    overdraw_warning,
    save_draft,
    submit_defaults,
    submit_proposal,
    update_draft,
)
from app.replies import suggest_replies
from ui import a11y, plain
from ui.context import AppContext
from ui.dialogs.ask import confirm
from ui.dialogs.conflict import ask_reload_or_overwrite
from ui.models.lints import LintsModel
from ui.ops import Change, CollectionOp
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
    """Bid, Connects spent, boost and invited: what "Mark as submitted" records.

    Starts from :func:`app.proposals.submit_defaults` (Connects from the posting, the bid
    from your rate), says hourly or fixed, and shows the balance after this proposal; a
    submit that would overdraw asks first.
    """

    def __init__(self, defaults: SubmitDefaults, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.defaults = defaults
        self.setWindowTitle(self.tr("Mark as submitted"))
        kind = defaults.bid_kind
        self.bid = QDoubleSpinBox(prefix="$", maximum=1_000_000, decimals=2)
        self.bid.setSpecialValueText(self.tr("no bid"))
        self.bid.setSuffix(self.tr(" /hr") if kind == "hourly" else "")
        self.bid.setValue(defaults.bid or 0.0)
        self.connects = QSpinBox(maximum=500, value=defaults.connects)
        self.boost = QSpinBox(maximum=500)
        self.invited = QCheckBox(self.tr("I was invited (no Connects are spent)"))
        self.invited.toggled.connect(lambda on: self.connects.setEnabled(not on))
        self.balance_label = _plain_label()
        for box in (self.connects, self.boost):
            box.valueChanged.connect(self._show_balance)
        self.invited.toggled.connect(self._show_balance)
        bid_title = {"hourly": self.tr("Hourly rate:"), "fixed": self.tr("Fixed price:")}.get(
            kind or "", self.tr("Bid:")
        )
        form = QFormLayout(self)
        form.addRow(bid_title, self.bid)
        if defaults.bid_source:
            form.addRow("", _muted(self.tr("from {source}").format(source=defaults.bid_source)))
        if kind is None:
            form.addRow(
                "", _muted(self.tr("The posting does not say hourly or fixed: a rate or amount."))
            )
        form.addRow(self.tr("{credits} spent:").format(credits=defaults.credit_name), self.connects)
        form.addRow("", _muted(defaults.connects_source))
        form.addRow(self.tr("Boost {credits}:").format(credits=defaults.credit_name), self.boost)
        form.addRow("", self.invited)
        form.addRow(self.tr("Balance:"), self.balance_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record as submitted"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._show_balance()

    def cost(self) -> int:
        """What this proposal takes from the balance (an invitation: only the boost)."""
        return (0 if self.invited.isChecked() else self.connects.value()) + self.boost.value()

    @Slot()
    def _show_balance(self) -> None:
        before, after = self.defaults.balance, self.defaults.balance - self.cost()
        name = self.defaults.credit_name
        self.balance_label.setText(
            self.tr("{before} {credits} now, {after} after this proposal").format(
                before=f"{before:,}", credits=name, after=f"{after:,}"
            )
        )
        color = SEVERITY_COLORS["critical"] if after < 0 else ""
        self.balance_label.setStyleSheet(f"color: {color};" if color else "")

    def accept(self) -> None:
        warning = overdraw_warning(self.defaults.balance, self.cost(), self.defaults.credit_name)
        if warning and not confirm(self, self.windowTitle(), warning, yes=self.tr("Record anyway")):
            return
        super().accept()

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
        #: each fill-in's spans in the text, moved along as the text is edited
        self.links: dict[str, list[tuple[int, int]]] = {}
        #: the end of the spot the last edit was in (typing on there goes on inside it)
        self._growing: int | None = None
        #: the reply the text was rendered from (the combo goes back to it on "keep edits")
        self._shown_reply = 0
        self.proposal_id: int | None = None
        #: the version of that draft as this dialog saved it (a save over a newer one asks)
        self.proposal_version: int | None = None
        #: the last "changed by NAME at TIME" box (tests answer it)
        self.conflict_box: QMessageBox | None = None
        #: the last write this dialog started, and the submit dialog it opened last
        self.op: CollectionOp[Any] | None = None
        self.submit_dialog: SubmitDialog | None = None
        with ctx.db.read() as session:
            self.facts = posting_facts(session, job_id)
            profile = active_profile(session)
            self.profile_id = profile.id if profile else None
            self.drafter = Drafter.load(session, self.facts, job_id=job_id, profile=profile)
            self.choices = [
                ReplyChoice(r.id, r.name, r.body) for r in suggest_replies(session, self.facts)
            ]
        self.setWindowTitle(
            self.tr("Draft proposal — {title}").format(
                title=plaintext.inline(self.facts.title, 90) or self.tr("posting")
            )
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
            self.status.setText(
                self.tr("No saved proposal replies yet: add one on the Saved replies page.")
            )

    # -- construction ---------------------------------------------------------

    def _build(self) -> None:
        self.reply_combo = QComboBox()
        for i, choice in enumerate(self.choices):
            label = (
                self.tr("{reply} (suggested)").format(reply=choice.name) if i == 0 else choice.name
            )
            self.reply_combo.addItem(label, choice.name)
        self.reply_combo.currentIndexChanged.connect(self._reply_chosen)
        top = QHBoxLayout()
        reply_label = QLabel(self.tr("Saved reply"))
        a11y.name(self.reply_combo, self.tr("Saved reply"), label=reply_label)
        top.addWidget(reply_label)
        top.addWidget(self.reply_combo, 1)

        self.text = QPlainTextEdit()
        a11y.name(
            self.text,
            self.tr("Proposal text"),
            self.tr("Fill-ins in square brackets are listed beside it"),
        )
        self.text.document().contentsChange.connect(self._text_changed_at)
        self.text.cursorPositionChanged.connect(self._caret_moved)
        self.text.textChanged.connect(self._text_edited)
        self.fill_ins_box = QWidget()
        self.fill_ins_form = QFormLayout(self.fill_ins_box)
        self.fill_ins_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.fill_ins_box)
        self.lints_model = LintsModel(self)
        self.checks = QListView()
        a11y.name(
            self.checks,
            self.tr("Checks"),
            self.tr("Each problem found in the text; activate one to go there"),
        )
        self.checks.setModel(self.lints_model)
        self.checks.setWordWrap(True)
        self.checks.setSpacing(3)
        self.checks.clicked.connect(self.jump_to_check)
        self.checks.activated.connect(self.jump_to_check)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Fill-ins")))
        side_layout.addWidget(scroll, 2)
        side_layout.addWidget(QLabel(self.tr("Checks (click one to go to it)")))
        side_layout.addWidget(self.checks, 3)
        self.learn_button = QPushButton(self.tr("Add word to my dictionary"))
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
        self.copy_button = QPushButton(self.tr("Copy to clipboard"))
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.save_button = QPushButton(self.tr("Save as…"))
        self.save_button.clicked.connect(self.save_as)
        self.draft_button = QPushButton(self.tr("Save draft"))
        self.draft_button.setToolTip(self.tr("Keep it in the Proposals pipeline as a draft"))
        self.draft_button.clicked.connect(self.save_draft)
        self.submit_button = QPushButton(self.tr("Mark as submitted…"))
        self.submit_button.clicked.connect(self.mark_submitted)
        close = QPushButton(self.tr("Close"))
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
            self.reply_combo.blockSignals(True)  # stay on the reply the text came from
            self.reply_combo.setCurrentIndex(self._shown_reply)
            self.reply_combo.blockSignals(False)
            return
        self.manual_edit = False
        self.render_draft()

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Discard your edits?"),
            self.tr("Rendering another reply replaces the text you edited."),
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def render_draft(self) -> None:
        """Render the chosen reply with the fill-ins typed so far (unless the text was edited)."""
        self.render_timer.stop()
        choice = self.current_choice()
        if choice is None or self.manual_edit:
            return
        self._shown_reply = self.reply_combo.currentIndex()
        draft = self.drafter.draft(choice.name, choice.body, self.values)
        if draft.problem is not None:
            self._set_text("")
            self.links = {}
            self._sync_fields([])
            self.status.setText(
                self.tr("The reply {reply} has a problem: {problem}").format(
                    reply=choice.name, problem=draft.problem
                )
            )
            self.lints_model.set_lints([])
            return
        self._set_text(draft.text)
        self._link(draft.spans)
        self._sync_fields(list(draft.spans) or draft.fill_ins)
        self._show_lints(draft.lints)

    def _set_text(self, text: str) -> None:
        self._setting_text = True
        try:
            self.text.setPlainText(text)
        finally:
            self._setting_text = False

    # -- fill-ins linked to their spot in the text ------------------------------

    def _link(self, spans: dict[str, list[tuple[int, int]]]) -> None:
        """Where each fill-in is: the spans follow every edit of the text (see
        :meth:`_text_changed_at`), so a field keeps writing to its spot after hand edits."""
        self.links = {label: list(places) for label, places in spans.items()}
        self._growing = None

    @Slot(int, int, int)
    def _text_changed_at(self, at: int, removed: int, added: int) -> None:
        """Move every fill-in's spans along with an edit of the text. A value being typed
        into its spot keeps growing while the caret stays at its end."""
        growing, self._growing = self._growing, None
        for label, spans in self.links.items():
            moved = []
            for span in spans:
                new = moved_span(span, at, removed, added, growing=span[1] == growing)
                if new[1] - new[0] != span[1] - span[0] and new[0] < new[1]:
                    self._growing = new[1]  # this edit was in the spot
                moved.append(new)
            self.links[label] = moved

    @Slot()
    def _caret_moved(self) -> None:
        if self._growing is not None and self.text.textCursor().position() != self._growing:
            self._growing = None  # the user went elsewhere: a value is no longer typed

    def _sync_fields(self, labels: list[str]) -> None:
        """Exactly one field per fill-in of the text shown, in the order they appear (a
        field being typed in is kept, not rebuilt)."""
        for label in [k for k in self.fields if k not in labels]:
            self.fill_ins_form.removeRow(self.fields.pop(label))
        for label in labels:
            if label in self.fields:
                continue
            edit = QLineEdit(self.values.get(label, ""))
            edit.setPlaceholderText(label)
            edit.textEdited.connect(lambda text, key=label: self._fill_in_typed(key, text))
            self.fields[label] = edit
            caption = QLabel(_short(label))
            caption.setTextFormat(Qt.TextFormat.PlainText)
            caption.setToolTip(label)
            a11y.name(edit, self.tr("Fill-in: {label}").format(label=label), label=caption)
            self.fill_ins_form.addRow(caption, edit)

    def _fill_in_typed(self, label: str, text: str) -> None:
        self.values[label] = text
        if not self.manual_edit:
            self.render_timer.start()
            return
        # the text was edited by hand: write the value into the fill-in's spots
        # (an emptied field puts the marker back, so the two stay linked)
        piece = text if text else f"[{label}]"
        self._setting_text = True
        try:
            for index in range(len(self.links.get(label, []))):
                start, end = self.links[label][index]  # the earlier writes moved it
                cursor = QTextCursor(self.text.document())
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(piece)
        finally:
            self._setting_text = False
        self.check_timer.start()

    @Slot()
    def _text_edited(self) -> None:
        if self._setting_text:
            return
        self.manual_edit = True
        self._follow_text()
        self.check_timer.start()

    def _follow_text(self) -> None:
        """After a hand edit: a fill-in whose spot was deleted loses its field; a value
        corrected in the text shows in its field; a marker typed in gets a field."""
        for label in list(self.links):
            alive = [(a, b) for a, b in self.links[label] if a < b]
            if alive:
                self.links[label] = alive
            else:
                del self.links[label]
        text = self.text.toPlainText()
        for label, spans in self.links.items():
            written = text[spans[0][0] : spans[0][1]]
            field = self.fields.get(label)
            if field is not None and written != f"[{label}]" and field.text() != written:
                field.setText(written)
                self.values[label] = written
        for match in FILL_IN_RE.finditer(text):
            label = match.group(1).strip()
            if label not in self.links:
                self.links[label] = [(match.start(), match.end())]
        self._sync_fields(list(self.links))

    @Slot()
    def run_checks(self) -> None:
        self.check_timer.stop()
        self._show_lints(check_proposal(self.text.toPlainText(), self.drafter.checks))

    def _show_lints(self, lints: list[Lint]) -> None:
        self.lints_model.set_lints(lints)
        self.learn_button.setEnabled(False)
        left = find_fill_ins(self.text.toPlainText())
        if not lints:
            self.status.setText(self.tr("All checks pass."))
        elif left:
            self.status.setText(
                self.tr("{fill_ins}; {checks}.").format(
                    fill_ins=self.tr("%n fill-in(s) still empty", "", len(left)),
                    checks=self.tr("%n check(s)", "", len(lints)),
                )
            )
        else:
            self.status.setText(self.tr("%n check(s) to look at.", "", len(lints)))

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
        word = lint.word
        self.learn_button.setEnabled(False)
        self.op = (
            CollectionOp(
                self, lambda session: add_to_dictionary(session, word), title=self.tr("Dictionary")
            )
            .success(lambda _words: self._learned(word))
            .run()
        )

    def _learned(self, word: str) -> None:
        self.drafter.checks.known_words = self.drafter.checks.known_words | {word}
        self.run_checks()
        self.learn_button.setEnabled(False)
        self.status.setText(self.tr("Added {word} to your dictionary.").format(word=repr(word)))

    # -- export and submit ----------------------------------------------------

    def final_text(self) -> str:
        return self.text.toPlainText()

    def fields_left(self) -> list[str]:
        """The fill-ins still in the text (what "Mark as submitted" asks about)."""
        return find_fill_ins(self.final_text())

    @Slot()
    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.final_text())
        left = find_fill_ins(self.final_text())
        self.status.setText(
            self.tr("Copied to the clipboard (%n fill-in(s) still empty).", "", len(left))
            if left
            else self.tr("Copied to the clipboard.")
        )

    @Slot()
    def save_as(self) -> None:
        name = re.sub(r"[^A-Za-z0-9]+", "-", self.facts.title or "proposal").strip("-")[:60]
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save proposal"),
            f"{name or 'proposal'}.txt",
            self.tr("Text (*.txt);;Markdown (*.md)"),
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> Path | None:
        try:
            written = export_proposal(path, self.final_text())
        except WorkbenchError as exc:
            QMessageBox.warning(self, self.tr("Save proposal"), plain.message(str(exc)))
            return None
        self.status.setText(self.tr("Saved {file}.").format(file=written))
        return written

    @Slot()
    def save_draft(self, *, over: int | None = None) -> None:
        """Store (or update) this text as a draft proposal for the posting."""
        choice = self.current_choice()
        text, job_id, profile_id = self.final_text(), self.job_id, self.profile_id
        proposal_id = self.proposal_id
        expected = over if over is not None else self.proposal_version
        reply_id = choice.id if choice else None

        def write(session: Session) -> int:
            if proposal_id is not None:
                return update_draft(session, proposal_id, text, expected_version=expected)
            draft = save_draft(
                session, job_id=job_id, text=text, profile_id=profile_id, reply_id=reply_id
            )
            return draft.id

        self.op = (
            CollectionOp(self, write, Change.PROPOSALS | Change.JOBS, title=self.tr("Save draft"))
            .success(self._draft_saved)
            .failure(self._draft_not_saved)
            .run()
        )

    def _draft_saved(self, proposal_id: int) -> None:
        self.proposal_id = proposal_id
        with self.ctx.db.read() as session:
            self.proposal_version = get_proposal(session, proposal_id).version
        self.status.setText(self.tr("Saved as draft proposal {id}.").format(id=proposal_id))

    def _draft_not_saved(self, exc: WorkbenchError) -> None:
        if not isinstance(exc, ConflictError):
            from ui.crash import show_error

            show_error(self, self.tr("Save draft"), exc)  # as every other refused write is shown
            return
        self.conflict_box = ask_reload_or_overwrite(
            self,
            self.tr("Draft changed"),
            str(exc),
            exc,
            reload=self._reload_draft,
            overwrite=lambda version: self.save_draft(over=version),
        )

    def _reload_draft(self) -> None:
        if self.proposal_id is None:
            return
        with self.ctx.db.read() as session:
            stored = get_proposal(session, self.proposal_id)
            self.proposal_version = stored.version
            text = stored.text
        self.text.setPlainText(text)

    @Slot()
    def mark_submitted(self) -> None:
        """Ask about what is unfinished or already sent, then the bid and Connects; record."""
        title = self.tr("Mark as submitted")
        left = unfinished(self.final_text())
        if left and not confirm(
            self,
            title,
            self.tr(
                "{unfinished}.\n\nRecorded now, they are part of the text you sent. "
                "Fill them in first?"
            ).format(unfinished=describe_unfinished(left)),
            yes=self.tr("Submit anyway"),
            no=self.tr("Go back and fill in"),
        ):
            return
        with self.ctx.db.read() as session:
            earlier = earlier_proposals(
                session, self.job_id, besides=self.proposal_id, sent_only=True
            )
            defaults = submit_defaults(session, self.job_id, active_profile(session))
        if earlier and not confirm(
            self,
            title,
            self.tr(
                "You already applied to this posting: {earlier}. Record another proposal for it?"
            ).format(earlier="; ".join(earlier)),
            yes=self.tr("Record another"),
        ):
            return
        self.submit_dialog = SubmitDialog(defaults, self)
        if self.submit_dialog.exec():
            self.submit(self.submit_dialog.submission())

    def submit(self, submission: Submission) -> None:
        """Record the proposal as submitted (the posting becomes applied)."""
        choice = self.current_choice()
        text, job_id, profile_id = self.final_text(), self.job_id, self.profile_id
        proposal_id = self.proposal_id
        reply_id = choice.id if choice else None

        def write(session: Session) -> int:
            proposal = submit_proposal(
                session,
                job_id=job_id,
                connects=submission.connects,
                boost=submission.boost,
                bid=submission.bid,
                text=text,
                invited=submission.invited,
                profile_id=profile_id,
                reply_id=reply_id,
                proposal_id=proposal_id,
            )
            return proposal.id

        changes = Change.PROPOSALS | Change.LEDGER | Change.JOBS
        self.submit_button.setEnabled(False)
        self.op = (
            CollectionOp(self, write, changes, title=self.tr("Mark as submitted"))
            .success(self._submitted)
            .failure(self._submit_refused)
            .run()
        )

    def _submitted(self, proposal_id: int) -> None:
        self.proposal_id = proposal_id
        self.ctx.message.emit(self.tr("Proposal {id} recorded as submitted").format(id=proposal_id))
        self.draft_button.setEnabled(False)
        self.status.setText(
            self.tr("Recorded as submitted (proposal {id}).").format(id=proposal_id)
        )

    def _submit_refused(self, exc: WorkbenchError) -> None:
        self.submit_button.setEnabled(True)
        QMessageBox.warning(self, self.tr("Mark as submitted"), plain.message(str(exc)))


def confirm_another_draft(parent: QWidget, ctx: AppContext, job_id: int) -> bool:
    """Before drafting: says what the user already has for the posting, and asks."""
    with ctx.db.read() as session:
        earlier = earlier_proposals(session, job_id)
    if not earlier:
        return True
    return confirm(
        parent,
        QCoreApplication.translate("DraftDialog", "Draft proposal"),
        QCoreApplication.translate(
            "DraftDialog", "You already have {earlier} for this posting. Draft another one?"
        ).format(earlier="; ".join(earlier)),
        yes=QCoreApplication.translate("DraftDialog", "Draft another"),
    )


def _short(label: str) -> str:
    return label if len(label) <= 70 else label[:67] + "…"


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _muted(text: str) -> QLabel:
    label = _plain_label(text)
    label.setObjectName("muted")
    return label
