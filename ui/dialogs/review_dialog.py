"""Review pasted postings before saving: parsed fields, missing ones highlighted, all editable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import plaintext
from app.capture import EDITABLE_FIELDS, FieldSpec, apply_edits, field_text
from app.domain import PostingFacts
from app.errors import InputError
from ui.theme import SEVERITY_COLORS, is_dark

MISSING_LIGHT = "#fff3cd"
MISSING_DARK = "#4a3d12"


class ReviewDialog(QDialog):
    """Shows each parsed posting as a form; ``postings()`` returns them with the user's edits."""

    def __init__(
        self, postings: list[PostingFacts], parent: QWidget | None = None, *, doubtful: int = 0
    ) -> None:
        super().__init__(parent)
        if not postings:
            raise ValueError("nothing to review")
        self.setWindowTitle(
            self.tr("Review pasted posting") if len(postings) == 1 else self.tr("Review postings")
        )
        self._originals = postings
        self._edits: list[dict[str, str]] = [{} for _ in postings]
        self._current = 0
        self.editors: dict[str, QLineEdit | QPlainTextEdit | QComboBox] = {}

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.picker = QComboBox()
        self.picker.setVisible(len(postings) > 1)
        for n, facts in enumerate(postings, 1):
            title = plaintext.inline(facts.title, 120) or self.tr("(untitled)")
            self.picker.addItem(
                self.tr("{number} of {total}: {title}").format(
                    number=n, total=len(postings), title=title
                )
            )
        self.picker.currentIndexChanged.connect(self._show_posting)
        top.addWidget(self.picker, 1)
        layout.addLayout(top)
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        #: shown when the text fails the test ``pwb add`` refuses by: saving is still allowed
        self.doubt = QLabel()
        self.doubt.setObjectName("reviewDoubt")
        self.doubt.setTextFormat(Qt.TextFormat.PlainText)
        self.doubt.setWordWrap(True)
        self.doubt.setStyleSheet(f"color: {SEVERITY_COLORS['warning']}; font-weight: 600;")
        # app.capture.NOT_A_POSTING in a whole sentence, as a translator needs it
        self.doubt.setText(
            self.tr(
                "The text does not look like a job posting (no description, budget, skills or "
                "client details found); copy the whole job page or search tile. Save it anyway "
                "if it is a posting the parser could not read."
            )
            if len(postings) == 1
            else self.tr(
                "%n of these {total} do not look like job postings (no description, budget, "
                "skills or client details found); copy the whole job page or search tile. Save "
                "them anyway if they are postings the parser could not read.",
                "",
                doubtful,
            ).format(total=len(postings))
        )
        self.doubt.setVisible(doubtful > 0)
        layout.addWidget(self.doubt)

        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in EDITABLE_FIELDS:
            editor = self._editor(spec)
            self.editors[spec.key] = editor
            form.addRow(QCoreApplication.translate("Fields", spec.label), editor)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        layout.addWidget(scroll, 1)

        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(720, 760)
        self._load(0)

    def _editor(self, spec: FieldSpec) -> QLineEdit | QPlainTextEdit | QComboBox:
        if spec.kind == "multiline":
            text = QPlainTextEdit()
            text.setMinimumHeight(140)
            return text
        if spec.kind == "choice":
            combo = QComboBox()
            for choice in spec.choices:
                shown = (
                    QCoreApplication.translate("Fields", choice.capitalize())  # ui/app_texts.py
                    if choice
                    else self.tr("Unknown")
                )
                combo.addItem(shown, choice)
            return combo
        line = QLineEdit()
        line.setClearButtonEnabled(True)
        return line

    # -- moving between postings -----------------------------------------------------------

    def _load(self, index: int) -> None:
        self._current = index
        facts = self._originals[index]
        missing = set(facts.missing)
        edits = self._edits[index]
        for spec in EDITABLE_FIELDS:
            editor = self.editors[spec.key]
            text = edits.get(spec.key, field_text(facts, spec))
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(text)))
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(text)
            else:
                editor.setText(text)
                editor.setCursorPosition(0)
            self._mark(editor, spec.key in missing and spec.key not in edits)
            if isinstance(editor, QLineEdit):
                editor.setPlaceholderText(
                    self.tr("not found in the text") if spec.key in missing else ""
                )
        found = len(EDITABLE_FIELDS) - len(missing & {s.key for s in EDITABLE_FIELDS})
        self.summary.setText(
            self.tr(
                "Read {found} of {total} fields. {missing} not found in the text are "
                "highlighted: fill in what you know, leave the rest empty."
            ).format(found=found, total=len(EDITABLE_FIELDS), missing=len(missing))
            if missing
            else self.tr("Every field was read from the text. Check them, then save.")
        )

    def _mark(self, editor: QWidget, missing: bool) -> None:
        editor.setProperty("missing", missing)
        color = MISSING_DARK if is_dark() else MISSING_LIGHT
        name = type(editor).__name__
        editor.setStyleSheet(f"{name} {{ background: {color}; }}" if missing else "")

    def _collect(self) -> None:
        facts = self._originals[self._current]
        edits: dict[str, str] = {}
        for spec in EDITABLE_FIELDS:
            editor = self.editors[spec.key]
            if isinstance(editor, QComboBox):
                text = str(editor.currentData() or "")
            elif isinstance(editor, QPlainTextEdit):
                text = editor.toPlainText()
            else:
                text = editor.text()
            if text.strip() != field_text(facts, spec).strip():
                edits[spec.key] = text
        self._edits[self._current] = edits

    @Slot(int)
    def _show_posting(self, index: int) -> None:
        if index < 0 or index == self._current:
            return
        self._collect()
        self._load(index)

    # -- result ----------------------------------------------------------------------------

    def postings(self) -> list[PostingFacts]:
        """The postings with the user's corrections (InputError names a bad field)."""
        self._collect()
        out = []
        for n, (facts, edits) in enumerate(zip(self._originals, self._edits, strict=True), 1):
            try:
                out.append(apply_edits(facts, edits) if edits else facts)
            except InputError as exc:
                if len(self._originals) == 1:
                    raise
                raise InputError(
                    self.tr("posting {number}: {error}").format(number=n, error=exc.message)
                ) from None
        return out

    def accept(self) -> None:
        try:
            self.result_postings = self.postings()
        except InputError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        super().accept()
