"""The score card of one posting: total and verdict, factors, red flags with their evidence
highlighted in the description or in the text as pasted, matched and missing skills.

Postings are written by strangers: every text here is shown as plain text
(``Qt.PlainText`` labels, ``QPlainTextEdit``s, table cells) and highlights
are character formats set with a ``QTextCursor``, so nothing in a posting is
ever read as HTML. A highlight is a background in the flag's colour *and* bold
underlined text (not colour only); the tab names say how many passages are
highlighted, and selecting a flag moves to its passage.
"""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFont, QResizeEvent, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import plaintext
from app.storage.models import ScoreCard
from ui import a11y, app_words, localized, plain
from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.rows import RowsTableModel
from ui.theme import SEVERITY_COLORS, VERDICT_COLORS
from ui.widgets.verdict_delegate import badge_text

ModelIndex = QModelIndex | QPersistentModelIndex
SEVERITY_ORDER = {"critical": 0, "warning": 1, "info": 2}
#: flags whose evidence is found in the text as pasted ("title": the title is in it too)
PASTED_FIELDS = ("pasted", "title")
#: the character-format property that marks a highlighted passage (its rule id)
EVIDENCE_PROPERTY = QTextFormat.Property.UserProperty + 1


class FactorsModel(RowsTableModel):
    """The factors of a card: points, name, reason."""

    headers = (
        QT_TRANSLATE_NOOP("FactorsModel", "Points"),
        QT_TRANSLATE_NOOP("FactorsModel", "Factor"),
        QT_TRANSLATE_NOOP("FactorsModel", "Why"),
    )

    def cell(self, row: dict[str, Any], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return localized.signed(int(row.get("points", 0)))
            return str(row.get("name" if column == 1 else "reason", ""))
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return _tooltip(str(row.get("reason", "")))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            points = int(row.get("points", 0))
            if points < 0:
                return QColor(SEVERITY_COLORS["critical"])
        return None


class FlagsModel(RowsTableModel):
    """The red flags of a card: severity (word and colour), what it is, the evidence."""

    headers = ("Severity", "Flag", "Evidence")

    def cell(self, row: dict[str, Any], column: int, role: int) -> Any:
        severity = str(row.get("severity", ""))
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return app_words.severity(severity)
            if column == 1:
                return str(row.get("title") or row.get("rule", ""))
            return _shown(row)
        if role == Qt.ItemDataRole.ForegroundRole and column == 0 and severity in SEVERITY_COLORS:
            return QColor(SEVERITY_COLORS[severity])
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return _tooltip(_shown(row))
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and column == 2:
            field = str(row.get("field", ""))
            if field == "description":
                return self.tr("Highlighted in the description: select the flag to go to it")
            if field in PASTED_FIELDS:
                return self.tr("Highlighted in the pasted text: select the flag to go to it")
        if role == Qt.ItemDataRole.UserRole:
            return str(row.get("rule", ""))
        return None


def _shown(flag: dict[str, Any]) -> str:
    """A flag's evidence in words ("posted 14 days ago"); cards stored before words were
    kept show the raw evidence."""
    return str(flag.get("words") or flag.get("evidence", ""))


def _tooltip(text: str) -> str | None:
    """A wrapped tooltip for a long cell; escaped, since evidence is a stranger's text."""
    return plain.wrapped_tooltip(text)


class _WrappingTable(QTableView):
    """A table whose rows are as tall as their wrapped text at the width it has now;
    ``capped``: a column that takes at most a third of a narrow table (the rest wraps)."""

    def __init__(self, capped: int | None = None) -> None:
        super().__init__()
        self.capped = capped
        self.horizontalHeader().sectionResized.connect(lambda *_: self.resizeRowsToContents())

    def fit(self) -> None:
        if self.capped is not None and self.model() is not None:
            self.resizeColumnToContents(self.capped)
            cap = max(90, self.viewport().width() // 3)
            self.setColumnWidth(self.capped, min(self.columnWidth(self.capped), cap))
        self.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()


def _table(model: QAbstractTableModel, capped: int | None = None) -> _WrappingTable:
    view = _WrappingTable(capped)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab goes on to the next part (arrows move in it)
    view.verticalHeader().hide()
    # reasons wrap at whatever width the pane has: rows grow, nothing is cut or scrolls sideways
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


def _plain_label(text: str = "", name: str | None = None) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(text)
    if name:
        label.setObjectName(name)
    return label


class ScoreCardView(QWidget):
    """Shows one stored :class:`ScoreCard` next to the posting's description."""

    #: the user picked a flag (its rule id); the description scrolls to its evidence
    flag_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card: ScoreCard | None = None
        self.total_label = _plain_label(name="scoreTotal")
        self.total_label.setStyleSheet("font-size: 20pt; font-weight: 600;")
        self.verdict_label = _plain_label(name="verdictBadge")
        self.verdict_label.setWordWrap(False)
        self.value_label = _plain_label(name="muted")
        self.matched_label = _plain_label()
        self.missing_label = _plain_label()
        self.factors = FactorsModel(self)
        self.flags = FlagsModel(self)
        # the factor's name at most a third of a narrow pane: the reasons get the room
        self.factors_view = _table(self.factors, capped=1)
        self.factors_view.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Interactive
        )
        self.flags_view = _table(self.flags)
        # a flag's name and its evidence share the width (both wrap)
        self.flags_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.flags_view.selectionModel().currentRowChanged.connect(self._flag_row_changed)
        a11y.name(
            self.factors_view,
            self.tr("Score factors"),
            self.tr("Each factor's points and its reason"),
        )
        a11y.name(
            self.flags_view, self.tr("Red flags"), self.tr("Severity, what it is, and the evidence")
        )
        self.description = _text_view("postingDescription")
        a11y.name(
            self.description,
            self.tr("Posting description"),
            self.tr("Red flags' evidence is highlighted"),
        )
        #: the text as the user pasted it, where flags found in unplaced lines point
        self.pasted = _text_view("pastedText")
        a11y.name(
            self.pasted,
            self.tr("Pasted text of the posting"),
            self.tr("Red flags' evidence is highlighted"),
        )
        self.texts = QTabWidget()
        self.texts.setDocumentMode(True)
        self.texts.setUsesScrollButtons(False)  # a narrow pane elides the names instead
        self.texts.setElideMode(Qt.TextElideMode.ElideRight)
        self.texts.addTab(self.description, self.tr("Description"))
        self.texts.addTab(self.pasted, self.tr("Pasted text"))
        a11y.name(self.texts.tabBar(), self.tr("Posting text"))
        #: the description and the pasted text as stored (the views show them with long
        #: lines broken at spaces, same offsets)
        self.description_text = ""
        self.pasted_text = ""
        self.description_note = _plain_label(name="muted")
        self.description_note.hide()
        self._build()
        self.show_card(None, "")

    def _build(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.total_label)
        head.addWidget(self.verdict_label)
        head.addSpacing(12)
        head.addWidget(self.value_label, 1)
        top = QWidget()
        col = QVBoxLayout(top)
        col.setContentsMargins(0, 0, 0, 0)
        col.addLayout(head)
        col.addWidget(self.matched_label)
        col.addWidget(self.missing_label)
        col.addWidget(self.factors_view, 3)
        self.flags_title = _plain_label(self.tr("Red flags"), "sectionTitle")
        col.addWidget(self.flags_title)
        col.addWidget(self.flags_view, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        bottom = QWidget()
        text_col = QVBoxLayout(bottom)
        text_col.setContentsMargins(0, 0, 0, 0)
        text_col.addWidget(self.texts, 1)
        text_col.addWidget(self.description_note)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    # -- showing -----------------------------------------------------------------

    def show_card(self, card: ScoreCard | None, description: str, pasted: str = "") -> None:
        """Show ``card`` (None: not scored yet), the posting's ``description`` and the text
        as it was ``pasted`` (empty: typed in or imported), evidence highlighted in both."""
        self.card = card
        self.description_text = description
        self.pasted_text = pasted
        shown, left_out = long_text(description)
        self.description.setPlainText(shown)
        self.pasted.setPlainText(long_text(pasted)[0])
        self.description_note.setText(
            self.tr(
                "Showing the first {shown} of {total} characters: the rest has no spaces to "
                "break its lines at."
            ).format(shown=localized.number(len(shown)), total=localized.number(len(description)))
            if left_out
            else ""
        )
        self.description_note.setVisible(bool(left_out))
        self.texts.setTabEnabled(1, bool(pasted))
        if card is None:
            self.total_label.setText("–")
            self._set_verdict(None)
            self.value_label.setText(self.tr("Not scored yet: set up a profile to score postings."))
            self.matched_label.setText("")
            self.missing_label.setText("")
            self.factors.set_rows([])
            self.flags.set_rows([])
            self.flags_title.setText(self.tr("Red flags"))
            self.flags_view.setVisible(False)
            self._name_tabs(0, 0)
            self.texts.setCurrentIndex(0)
            return
        self.total_label.setText(localized.number(card.total))
        self._set_verdict(card.verdict)
        n = card.critical_flags or 0
        # both English forms: the source text is shown as it is where no translation is loaded
        critical = (
            self.tr("%n critical flag", "", n) if n == 1 else self.tr("%n critical flags", "", n)
        )
        self.value_label.setText(_value_text(card, critical))
        self.matched_label.setText(
            self.tr("Matched skills: {skills}").format(
                skills=", ".join(card.matched_skills) or self.tr("none")
            )
        )
        self.missing_label.setText(
            self.tr("Missing skills: {skills}").format(
                skills=", ".join(card.missing_skills) or self.tr("none")
            )
        )
        self.factors.set_rows(card.factors or [])
        flags = sorted(card.flags or [], key=lambda f: SEVERITY_ORDER.get(f.get("severity", ""), 3))
        self.flags.set_rows(flags)
        self.flags_title.setText(
            self.tr("Red flags ({count})").format(count=localized.number(len(flags)))
            if flags
            else self.tr("Red flags: none found")
        )
        self.flags_view.setVisible(bool(flags))
        self.factors_view.fit()
        self.flags_view.fit()
        in_description = highlight_evidence(
            self.description, description, [(f, self.evidence_span(f, description)) for f in flags]
        )
        in_pasted = highlight_evidence(
            self.pasted, pasted, [(f, self.pasted_span(f, pasted)) for f in flags]
        )
        self._name_tabs(in_description, in_pasted)
        # open where the evidence is: the pasted text when only it holds some
        self.texts.setCurrentIndex(1 if in_pasted and not in_description else 0)
        for view, count in ((self.description, in_description), (self.pasted, in_pasted)):
            if count:  # once the tab is laid out (it may have been hidden until now)
                QTimer.singleShot(0, view, functools.partial(_show_first_passage, view))

    def _name_tabs(self, in_description: int, in_pasted: int) -> None:
        """Tab names that say how many passages are highlighted (a cue that is no colour):
        "Pasted text (2)", and in the tooltip what the number counts."""
        for at, count, name in (
            (0, in_description, self.tr("Description")),
            (1, in_pasted, self.tr("Pasted text")),
        ):
            self.texts.setTabText(at, f"{name} ({count})" if count else name)
            tip = ""
            if count:
                tip = self.tr("Passages highlighted as red-flag evidence: {count}")
                tip = tip.format(count=count)
            elif at == 1 and not self.pasted_text:
                tip = self.tr("Typed in or imported: there is no pasted text")
            self.texts.setTabToolTip(at, tip)

    def _set_verdict(self, verdict: str | None) -> None:
        if verdict not in VERDICT_COLORS:
            self.verdict_label.setText("")
            self.verdict_label.setStyleSheet("")
            return
        self.verdict_label.setText(badge_text(verdict))
        self.verdict_label.setStyleSheet(
            f"background: {VERDICT_COLORS[verdict]}; color: #ffffff; border-radius: 9px;"
            "padding: 2px 10px; font-weight: 600;"
        )

    def evidence_span(self, flag: dict[str, Any], description: str) -> tuple[int, int] | None:
        """Where a flag's evidence is in ``description`` (stored offsets, else the text)."""
        if flag.get("field") != "description":
            return None
        return _span_in(flag, description)

    def pasted_span(self, flag: dict[str, Any], pasted: str) -> tuple[int, int] | None:
        """Where a flag found in the pasted text (or the title) is in it: the stored
        offsets into the raw text, else where its evidence first is (a bulk rescore does
        not read the raw text, so its flags carry no offsets)."""
        if flag.get("field") not in PASTED_FIELDS or not pasted:
            return None
        return _span_in(flag, pasted, offsets=flag.get("field") == "pasted")

    def highlighted_spans(self, view: QPlainTextEdit | None = None) -> list[tuple[int, int]]:
        """The character ranges highlighted in the description (or ``view``), in the
        document's positions (for tests and tools)."""
        return [(lo, hi) for lo, hi, _rule in evidence_formats(view or self.description)]

    @Slot(QModelIndex, QModelIndex)
    def _flag_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        flag = self.flags.rows[current.row()]
        for view, text, span in (
            (self.description, self.description_text, self.evidence_span),
            (self.pasted, self.pasted_text, self.pasted_span),
        ):
            found = span(flag, text)
            if found is not None and _position(text, found[1]) < view.document().characterCount():
                self.texts.setCurrentWidget(view)
                start, end = (_position(text, at) for at in found)
                cursor = view.textCursor()
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                view.setTextCursor(cursor)
                view.centerCursor()
                break
        self.flag_selected.emit(str(flag.get("rule", "")))


def _text_view(name: str) -> QPlainTextEdit:
    view = QPlainTextEdit()
    view.setReadOnly(True)
    view.setObjectName(name)
    view.setUndoRedoEnabled(False)  # formats set on a read-only text are no edits
    return view


def _span_in(flag: dict[str, Any], text: str, *, offsets: bool = True) -> tuple[int, int] | None:
    """Where ``flag``'s evidence is in ``text``: its stored offsets when they hold the
    evidence (and ``offsets``), else the evidence's first place, else None."""
    evidence = str(flag.get("evidence", ""))
    start, end = flag.get("start"), flag.get("end")
    if offsets and isinstance(start, int) and isinstance(end, int) and text[start:end] == evidence:
        return start, end
    found = text.find(evidence) if evidence else -1
    return (found, found + len(evidence)) if found >= 0 else None


def _position(text: str, at: int) -> int:
    """The Qt document position of ``text[at]``: Qt counts UTF-16 units, so a character
    outside the BMP (an emoji) takes two."""
    if text.isascii():
        return at
    head = text[:at]
    return at + sum(1 for c in head if ord(c) > 0xFFFF)


def evidence_format(severity: str, rule: str) -> QTextCharFormat:
    """How a passage of evidence looks: the flag's colour behind bold underlined text."""
    color = QColor(SEVERITY_COLORS.get(severity, SEVERITY_COLORS["warning"]))
    color.setAlpha(90)
    fmt = QTextCharFormat()
    fmt.setBackground(color)
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontUnderline(True)
    fmt.setProperty(EVIDENCE_PROPERTY, rule)
    return fmt


def highlight_evidence(
    view: QPlainTextEdit,
    text: str,
    spans: list[tuple[dict[str, Any], tuple[int, int] | None]],
) -> int:
    """Give the passages of ``text`` (shown in ``view``, set just before: unformatted)
    the evidence format of their flag; returns how many were highlighted. Spans past
    what the view shows (a text cut short) are left out."""
    document = view.document()
    shown = document.characterCount() - 1
    count = 0
    for flag, span in spans:
        if span is None or span[0] >= span[1]:
            continue
        start, end = _position(text, span[0]), _position(text, span[1])
        if end > shown:
            continue
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(
            evidence_format(str(flag.get("severity", "")), str(flag.get("rule", "")))
        )
        count += 1
    return count


def _show_first_passage(view: QPlainTextEdit) -> None:
    """Scroll ``view`` to its first highlighted passage (the cursor goes there, nothing is
    selected: the highlight stays in sight as it is)."""
    if view.textCursor().hasSelection():
        return  # a flag was picked meanwhile: its passage is shown
    passages = evidence_formats(view)
    if not passages:
        return
    cursor = QTextCursor(view.document())
    cursor.setPosition(passages[0][0])
    view.setTextCursor(cursor)
    view.centerCursor()


def evidence_formats(view: QPlainTextEdit) -> list[tuple[int, int, str]]:
    """The highlighted passages of ``view``: (start, end, rule id), adjoining fragments of
    one rule joined."""
    found: list[tuple[int, int, str]] = []
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            rule = fragment.charFormat().property(EVIDENCE_PROPERTY)
            if rule:
                lo, hi = fragment.position(), fragment.position() + fragment.length()
                if found and found[-1][2] == rule and found[-1][1] in (lo, lo - 1):
                    found[-1] = (found[-1][0], hi, rule)
                else:
                    found.append((lo, hi, str(rule)))
            it += 1
        block = block.next()
    return found


#: what a text view shows of a text whose lines cannot be broken (no spaces): Qt lays out
#: a line as a whole, and a line of half a million characters takes it seconds
UNBROKEN_LIMIT = 20_000


def long_text(text: str) -> tuple[str, int]:
    """What a plain text view shows of ``text`` so that it lays it out lazily: long lines
    broken at spaces (same offsets); a text that still has a line over
    :data:`UNBROKEN_LIMIT` shows only that much. The count is what was left out."""
    shown = plaintext.breakable(text)
    if plaintext.longest_line(shown) <= UNBROKEN_LIMIT:
        return shown, 0
    return shown[:UNBROKEN_LIMIT], len(text) - UNBROKEN_LIMIT


def _value_text(card: ScoreCard, critical: str) -> str:
    """The line under the score; ``critical`` is "N critical flags" in the user's language."""
    """What a Connect is worth, the win chance and the critical flags, in the user's locale."""
    parts = []
    if card.value_per_connect is not None:
        value = localized.money(card.value_per_connect, decimals=2)
        parts.append(
            QCoreApplication.translate("ScoreCardView", "{value} per Connect").format(value=value)
        )
    if card.win_chance is not None:
        chance = localized.percent(card.win_chance, 1)
        parts.append(
            QCoreApplication.translate("ScoreCardView", "win chance {chance}").format(chance=chance)
        )
    if card.critical_flags:
        parts.append(critical)
    return " · ".join(parts)
