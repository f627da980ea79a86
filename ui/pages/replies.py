"""The Saved replies page: the list, an editor with error marks, variables and a live preview."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import plaintext
from app.drafting.context import VARIABLES
from app.drafting.draft import Draft, Drafter, load_drafter, recent_postings
from app.drafting.render import check_syntax
from app.errors import ConflictError, WorkbenchError
from app.replies import KINDS, create_reply, delete_reply, get_reply, list_replies, update_reply
from ui import a11y, plain
from ui.context import AppContext
from ui.dialogs.conflict import ask_reload_or_overwrite
from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.replies import RepliesModel
from ui.ops import Change, CollectionOp
from ui.pages.base import Page, Remembered
from ui.tasks import run_task
from ui.widgets.empty_state import EmptyState
from ui.widgets.reply_editor import ReplyEditor

PREVIEW_DELAY_MS = 300
NEW_REPLY_BODY = "Hi{% if client.name %} {{ client.name }}{% endif %},\n\n"


def _split_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


class RepliesPage(Page):
    title = QT_TRANSLATE_NOOP("Page", "Saved replies")
    icon_name = "replies"
    loads_when_built = True  # reads its data in __init__

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        empty = EmptyState(
            "replies",
            self.tr("No saved replies yet"),
            self.tr(
                "Saved replies are Jinja2 templates for whole proposals and for snippets (intro, "
                "approach, portfolio, closing). They fill themselves from the posting, the client "
                "and your profile."
            ),
            action="New reply",
        )
        empty.action_triggered.connect(self.new_reply)
        self.set_empty_state(empty)
        self.model = RepliesModel(self)
        self.current_name: str | None = None
        #: the version of the reply in the editor, as loaded (a save over a newer one is refused)
        self.loaded_version: int | None = None
        #: the last "changed by NAME at TIME" box (tests answer it)
        self.conflict_box: QMessageBox | None = None
        #: the last write this page started
        self.op: CollectionOp[Any] | None = None
        self._loading = False
        self._dirty = False
        self._drafter: Drafter | None = None
        self._generation = 0
        self.last_draft: Draft | None = None
        self.preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.update_preview)
        self.set_content(self._build())
        ctx.replies_changed.connect(self.refresh)
        ctx.jobs_changed.connect(self._postings_changed)
        ctx.profiles_changed.connect(self._forget_drafter)
        self.refresh()

    # -- construction ---------------------------------------------------------

    def _build(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_editor())
        splitter.addWidget(self._build_side())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        return splitter

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized and self.splitter.width() > 300:
            # Qt shares out the first layout by size hints; give the editor the room
            width = self.splitter.width()
            self.splitter.setSizes([int(width * 0.2), int(width * 0.45), int(width * 0.35)])
            self._sized = True

    _sized = False

    def _build_list(self) -> QWidget:
        self.table = QTableView()
        self.table.setObjectName("repliesTable")
        a11y.name(self.table, self.tr("Saved replies"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the list
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setMinimumWidth(180)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.new_button = QPushButton(self.tr("New…"))
        self.new_button.clicked.connect(self.new_reply)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        return box

    def _build_editor(self) -> QWidget:
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. intro/short"))
        self.kind_combo = QComboBox()
        self.kind_combo.addItems(list(KINDS))
        self.description_edit = QLineEdit()
        self.categories_edit = QLineEdit()
        self.categories_edit.setPlaceholderText(self.tr("comma-separated, e.g. Web Development"))
        self.skills_edit = QLineEdit()
        self.skills_edit.setPlaceholderText(
            self.tr("comma-separated, e.g. Python, API Integration")
        )
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Description"), self.description_edit)
        form.addRow(self.tr("Categories"), self.categories_edit)
        form.addRow(self.tr("Skills"), self.skills_edit)
        self.editor = ReplyEditor()
        a11y.name(
            self.editor,
            self.tr("Reply text"),
            self.tr("Jinja template: variables in double braces"),
        )
        self.editor.textChanged.connect(self._body_changed)
        self.problem_label = QLabel()
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #c0392b;")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save_current)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.clicked.connect(self.revert)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.activated.connect(self.save_current)
        for edit in (self.name_edit, self.description_edit, self.categories_edit, self.skills_edit):
            edit.textEdited.connect(self._meta_changed)
        self.kind_combo.activated.connect(self._meta_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problem_label, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.editor, 1)
        layout.addLayout(buttons)
        return box

    def _build_side(self) -> QWidget:
        self.posting_combo = QComboBox()
        # long posting titles must not widen the panel
        self.posting_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.posting_combo.setMinimumContentsLength(16)
        self.posting_combo.currentIndexChanged.connect(self._posting_chosen)
        self.preview = QPlainTextEdit(readOnly=True)
        self.preview.setPlaceholderText(self.tr("The preview appears here as you type."))
        self.fill_ins_label = QLabel()
        self.fill_ins_label.setObjectName("muted")
        self.fill_ins_label.setWordWrap(True)
        self.fill_ins_label.setTextFormat(Qt.TextFormat.PlainText)
        preview_box = QWidget()
        layout = QVBoxLayout(preview_box)
        row = QHBoxLayout()
        preview_for = QLabel(self.tr("Preview for"))
        a11y.name(self.posting_combo, self.tr("Preview for posting"), label=preview_for)
        a11y.name(self.preview, self.tr("Preview"))
        row.addWidget(preview_for)
        row.addWidget(self.posting_combo, 1)
        layout.addLayout(row)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.fill_ins_label)

        self.variables = QListView()
        a11y.name(self.variables, self.tr("Variables"), self.tr("Double-click one to insert it"))
        self.variables.setModel(
            QStringListModel([f"{name} — {what}" for name, what in VARIABLES], self)
        )
        self.variables.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.variables.setWordWrap(True)
        self.variables.setSpacing(3)
        self.variables.doubleClicked.connect(self._insert_variable)
        hint = QLabel(
            self.tr(
                'Double-click to insert. Include a snippet with {% include "intro/short" %}. '
                "What the app cannot fill becomes a fill-in."
            )
        )
        hint.setWordWrap(True)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setObjectName("muted")
        variables_box = QWidget()
        vlayout = QVBoxLayout(variables_box)
        vlayout.addWidget(self.variables, 1)
        vlayout.addWidget(hint)

        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(preview_box, self.tr("Preview"))
        self.side_tabs.addTab(variables_box, self.tr("Variables"))
        return self.side_tabs

    # -- loading --------------------------------------------------------------

    def layout_parts(self) -> dict[str, Remembered]:
        return {"splitter": self.splitter}

    def refresh(self) -> None:
        """Reload the list; unsaved edits to the reply in the editor are kept."""
        with self.ctx.db.read() as session:
            replies = list_replies(session)
            postings = recent_postings(session)
        keep = self.current_name
        self.model.set_replies(replies)
        self._fill_postings(postings)
        self.show_empty(not replies)
        row = self.model.row_of(keep) if keep else -1
        self.select_row(row if row >= 0 else (0 if replies else -1), reload=not self._dirty)

    def _fill_postings(self, postings: list[tuple[int, str]]) -> None:
        current = self.posting_combo.currentData()
        self.posting_combo.blockSignals(True)
        self.posting_combo.clear()
        self.posting_combo.addItem(self.tr("Sample posting"), None)
        for job_id, title in postings:
            self.posting_combo.addItem(plaintext.inline(title, 80), job_id)
        index = self.posting_combo.findData(current) if current is not None else 0
        self.posting_combo.setCurrentIndex(max(index, 0))
        self.posting_combo.blockSignals(False)

    def select_row(self, row: int, *, reload: bool = True) -> None:
        """Select ``row`` and show its reply (``reload=False`` keeps the editor as it is)."""
        if row < 0:
            self._show_reply(None)
            return
        self._loading = True
        try:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.selectRow(row)
        finally:
            self._loading = False
        if reload or self.model.item(row).name != self.current_name:
            self._show_reply(self.model.item(row).name)

    def _show_reply(self, name: str | None) -> None:
        self._loading = True
        try:
            if name is None:
                self.current_name = None
                for edit in (self.name_edit, self.description_edit):
                    edit.clear()
                self.editor.setPlainText("")
            else:
                with self.ctx.db.read() as session:
                    reply = get_reply(session, name)
                self.current_name = reply.name
                self.loaded_version = reply.version
                self.name_edit.setText(reply.name)
                self.kind_combo.setCurrentText(reply.kind)
                self.description_edit.setText(reply.description)
                self.categories_edit.setText(", ".join(reply.categories or []))
                self.skills_edit.setText(", ".join(reply.skills or []))
                self.editor.setPlainText(reply.body)
                for edit in (self.description_edit, self.categories_edit, self.skills_edit):
                    edit.setCursorPosition(0)
        finally:
            self._loading = False
        self._set_dirty(False)
        self.update_preview()

    # -- editing --------------------------------------------------------------

    @Slot()
    def _row_changed(self) -> None:
        row = self.table.currentIndex().row()
        if row < 0 or self._loading:
            return
        name = self.model.item(row).name
        if name == self.current_name:
            return
        if self._dirty and not self._confirm_leave():
            self._loading = True
            try:
                row = self.model.row_of(self.current_name or "")
                self.table.setCurrentIndex(self.model.index(row, 0))
            finally:
                self._loading = False
            return
        self._show_reply(name)

    def _confirm_leave(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            plain.message(self.tr("Save the changes to {name}?").format(name=self.current_name)),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save_current()
        return answer == QMessageBox.StandardButton.Discard

    @Slot()
    def _body_changed(self) -> None:
        if self._loading:
            return
        self._set_dirty(True)
        self.preview_timer.start()

    @Slot()
    def _meta_changed(self) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_button.setEnabled(dirty and self.current_name is not None)
        self.revert_button.setEnabled(dirty)

    @Slot()
    def revert(self) -> None:
        self._show_reply(self.current_name)

    @Slot()
    def save_current(self, *, over: int | None = None) -> bool:
        """Store the editor's reply; a syntax error is shown and nothing is stored.

        Someone else's newer save is not overwritten: a box says who and when,
        with Reload and Overwrite (``over``: the version to save over).
        """
        if self.current_name is None:
            return False
        body = self.editor.toPlainText()
        problem = check_syntax(body)
        if problem is not None:
            self._show_problem(
                self.tr("Not saved: {problem}").format(problem=problem), problem.line
            )
            return False
        write = partial(
            update_reply,
            name=self.current_name,
            new_name=self.name_edit.text(),
            body=body,
            kind=self.kind_combo.currentText(),
            description=self.description_edit.text().strip(),
            categories=_split_list(self.categories_edit.text()),
            skills=_split_list(self.skills_edit.text()),
            expected_version=over if over is not None else self.loaded_version,
        )

        def saved(name: str) -> None:
            self.current_name = name
            with self.ctx.db.read() as session:
                self.loaded_version = get_reply(session, name).version
            self._set_dirty(False)
            self._forget_drafter()
            self.ctx.message.emit(self.tr("Saved reply {name}").format(name=name))

        # the dirty flag is cleared only once it has committed; a refusal says why here
        self.op = (
            CollectionOp(self, write, Change.REPLIES, title=self.tr("Save reply"))
            .success(saved)
            .failure(self._not_saved)
            .run()
        )
        return True

    def _not_saved(self, exc: WorkbenchError) -> None:
        if not isinstance(exc, ConflictError):
            self._show_problem(self.tr("Not saved: {problem}").format(problem=exc), None)
            return
        self.conflict_box = ask_reload_or_overwrite(
            self,
            self.tr("Saved reply changed"),
            f"{self.current_name}: {exc}",
            exc,
            reload=lambda: self._show_reply(self.current_name),
            overwrite=lambda version: self.save_current(over=version),
        )

    @Slot()
    def new_reply(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("New saved reply"), self.tr("Name (e.g. intro/short):")
        )
        if ok and name.strip():
            self.create_reply(name.strip())

    def create_reply(self, name: str) -> None:
        def created(made: str) -> None:
            self.current_name = made
            self._dirty = False

        # REPLIES is announced before ``created`` runs: the list reloads, then shows it
        self.current_name, before = name, self.current_name
        self.op = (
            CollectionOp(
                self,
                partial(create_reply, name=name, body=NEW_REPLY_BODY),
                Change.REPLIES,
                title=self.tr("New saved reply"),
            )
            .success(created)
            .failure(lambda exc: self._not_created(before, exc))
            .run()
        )

    def _not_created(self, before: str | None, exc: WorkbenchError) -> None:
        self.current_name = before
        QMessageBox.warning(self, self.tr("New saved reply"), plain.message(str(exc)))

    @Slot()
    def delete_current(self) -> None:
        if self.current_name is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete saved reply"),
            plain.message(
                self.tr(
                    "Delete {name}? Replies that include it will show an unknown-snippet error."
                ).format(name=self.current_name)
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            name, self.current_name = self.current_name, None
            self._dirty = False
            self.op = CollectionOp(
                self,
                partial(delete_reply, name=name),
                Change.REPLIES,
                title=self.tr("Delete saved reply"),
            ).run()

    @Slot()
    def _insert_variable(self, index: Any) -> None:
        name = VARIABLES[index.row()][0].split(" / ")[0]
        if " " in name:
            return
        self.editor.insertPlainText("{{ " + name + " }}")
        self.editor.setFocus()

    # -- preview --------------------------------------------------------------

    @Slot()
    def _postings_changed(self) -> None:
        self._forget_drafter()
        if self.isVisible():
            self.refresh()

    @Slot()
    def _forget_drafter(self) -> None:
        self._drafter = None

    @Slot()
    def _posting_chosen(self) -> None:
        self._forget_drafter()
        self.update_preview()

    @Slot()
    def update_preview(self) -> None:
        """Render the editor's text off the GUI thread; a newer edit wins over an older one."""
        self.preview_timer.stop()
        if self.current_name is None:
            self.preview.clear()
            self.fill_ins_label.clear()
            return
        self._generation += 1
        generation, name, body = self._generation, self.current_name, self.editor.toPlainText()
        drafter, db, job_id = self._drafter, self.ctx.db, self.posting_combo.currentData()

        def work(_progress: Any) -> tuple[Drafter, Draft]:
            nonlocal drafter
            if drafter is None:
                with db.read() as session:
                    drafter = load_drafter(session, job_id)
            return drafter, drafter.draft(name, body)

        run_task(
            work,
            on_done=lambda result: self._show_preview(generation, *result),
            on_error=lambda exc: self._show_problem(str(exc), None),
            parent=self,
        )

    def _show_preview(self, generation: int, drafter: Drafter, draft: Draft) -> None:
        if generation != self._generation:
            return  # the user typed on; a newer render is coming
        self._drafter = drafter
        self.last_draft = draft
        if draft.problem is not None:
            own = draft.problem.reply is None
            self._show_problem(str(draft.problem), draft.problem.line if own else None)
            return
        self._show_problem("", None)
        self.preview.setPlainText(draft.text)
        notes = []
        if draft.fill_ins:
            notes.append("Fill-ins: " + ", ".join(draft.fill_ins))
        others = [lint.message for lint in draft.lints if lint.rule != "fill-in"]
        notes += others[:4]
        self.fill_ins_label.setText("\n".join(notes))

    def _show_problem(self, message: str, line: int | None) -> None:
        self.problem_label.setText(message)
        self.editor.mark_error_line(line)
