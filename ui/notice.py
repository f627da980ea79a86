"""The small always-on-top notice: a copied posting's verdict, or what the watch folder
brought, shown without taking the focus from the window the user is in.

It is a top-level window that asks the window system for no focus
(``WindowDoesNotAcceptFocus``) and is shown without activating (``WA_ShowWithoutActivating``);
none of its widgets takes focus. Where a system tray exists it is a frameless tool window
near the tray; where none exists (as offscreen) it is a normal small window with a title
bar. A platform that ignores the no-focus hint (Qt's offscreen platform activates every window
it shows) still activates it: the notice then hands the activation straight back to the window
of the app that had it. Every text is plain (:mod:`ui.plain`): a posting's words are never markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.preview import CopiedPosting
from app.watch_folder import WatchedImport
from ui import localized
from ui.i18n import QT_TRANSLATE_NOOP
from ui.theme import SEVERITY_COLORS

NOTICE_WIDTH = 380
#: the keys of the notice's buttons: they work while any window of the app is active
#: (the notice itself never takes the keyboard from the browser)
SAVE_KEY = "Ctrl+Alt+S"
DRAFT_KEY = "Ctrl+Alt+D"
DISMISS_KEY = "Ctrl+Alt+X"
#: the verdicts' names, translated where they are shown (context "Notice")
VERDICT_NAMES = {
    "apply": QT_TRANSLATE_NOOP("Notice", "Apply"),
    "maybe": QT_TRANSLATE_NOOP("Notice", "Maybe"),
    "skip": QT_TRANSLATE_NOOP("Notice", "Skip"),
}
VERDICT_COLORS = {"apply": "#2e7d32", "maybe": "#b26a00", "skip": SEVERITY_COLORS["critical"]}


def _label(name: str, *, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return label


class Notice(QFrame):
    """One notice window, reused: :meth:`show_posting` or :meth:`show_import`."""

    save_requested = Signal()
    draft_requested = Signal()
    open_requested = Signal()
    dismissed = Signal()

    def __init__(self, *, tray: bool) -> None:
        flags = Qt.WindowType.WindowStaysOnTopHint | Qt.WindowType.WindowDoesNotAcceptFocus
        if tray:
            flags |= Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
        else:
            flags |= Qt.WindowType.Window | Qt.WindowType.WindowTitleHint
        super().__init__(None, flags)
        self.tray = tray
        self.setObjectName("captureNotice")
        self.setWindowTitle(self.tr("{app}: copied posting").format(app=APP_NAME))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_X11DoNotAcceptFocus)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(NOTICE_WIDTH)
        #: what the notice shows: "posting", "import" or "" (nothing yet)
        self.mode = ""
        #: the postings Open shows (the first one is selected)
        self.open_ids: list[int] = []
        #: the window that was active when the notice showed (see the module's note)
        self._give_back: QWidget | None = None
        self.heading = _label("noticeHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.heading.setFont(font)
        self.verdict = _label("noticeVerdict", wrap=False)
        bold = self.verdict.font()
        bold.setBold(True)
        self.verdict.setFont(bold)
        self.state = _label("noticeState")
        self.reasons = _label("noticeReasons")
        self.flags = _label("noticeFlags")
        self.flags.setStyleSheet(f"color: {SEVERITY_COLORS['critical']};")
        self.connects = _label("noticeConnects")
        self.save_button = self._button(
            "noticeSave", self.tr("Save"), SAVE_KEY, self.save_requested
        )
        self.draft_button = self._button(
            "noticeSaveAndDraft", self.tr("Save + Draft"), DRAFT_KEY, self.draft_requested
        )
        self.open_button = self._button("noticeOpen", self.tr("Open"), "", self.open_requested)
        self.dismiss_button = self._button(
            "noticeDismiss", self.tr("Dismiss"), DISMISS_KEY, self.dismissed
        )
        self.save_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.open_button, self.save_button, self.draft_button, self.dismiss_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)
        for widget in (
            self.heading,
            self.verdict,
            self.state,
            self.reasons,
            self.flags,
            self.connects,
        ):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.dismissed.connect(self.hide)
        self.open_requested.connect(self.hide)
        #: app-wide keys for the buttons (the notice has no focus to take keys itself)
        self.key_actions = [
            self._key(SAVE_KEY, self.save_button),
            self._key(DRAFT_KEY, self.draft_button),
            self._key(DISMISS_KEY, self.dismiss_button),
        ]

    def _button(self, name: str, text: str, key: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if key:
            shown = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(self.tr("{action} ({key})").format(action=text, key=shown))
        button.clicked.connect(lambda _=False: signal.emit())
        return button

    def _key(self, key: str, button: QPushButton) -> QAction:
        action = QAction(button.text(), self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(
            lambda _=False: button.click() if self.isVisible() and button.isVisible() else None
        )
        self.addAction(action)
        return action

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate and self._give_back is not None:
            target, self._give_back = self._give_back, None
            if target is not self and target.isVisible():
                QTimer.singleShot(0, target.activateWindow)
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Where the window system does give the notice keys: S, D, Esc."""
        if event.key() == Qt.Key.Key_Escape:
            self.dismiss_button.click()
        elif event.key() == Qt.Key.Key_S and self.save_button.isVisible():
            self.save_button.click()
        elif event.key() == Qt.Key.Key_D and self.draft_button.isVisible():
            self.draft_button.click()
        else:
            super().keyPressEvent(event)

    # -- what it shows --------------------------------------------------------

    def show_posting(
        self, postings: Sequence[CopiedPosting], *, saved: bool = False, near: QRect | None = None
    ) -> None:
        """The first posting copied (and how many more), its verdict and where it stands."""
        self.mode = "posting"
        first = postings[0]
        others = len(postings) - 1
        more = "  " + self.tr("(+%n more in the copied text)", "", others) if others else ""
        self.heading.setText(first.title + more)
        if first.verdict is None:
            self.verdict.setText(self.tr("Not scored: create a profile to see a verdict"))
            self.verdict.setStyleSheet("")
        else:
            name = self._verdict_name(first.verdict)
            self.verdict.setText(
                self.tr("{verdict} · score {total} / 100").format(verdict=name, total=first.total)
            )
            self.verdict.setStyleSheet(f"color: {VERDICT_COLORS.get(first.verdict, '')};")
        self.state.setText(self.tr("Saved") if saved else self._state(first))
        self._lines(self.reasons, [f"• {r}" for r in first.reasons])
        self._lines(self.flags, [f"⚑ {f}" for f in first.flags])
        parts = []
        if first.connects:
            parts.append(self.tr("%n Connects", "", first.connects))
        if first.value_per_connect is not None:
            value = localized.money(first.value_per_connect, decimals=2)
            parts.append(self.tr("{value} per Connect").format(value=value))
        self.connects.setText(" · ".join(parts))
        self.connects.setVisible(bool(parts))
        self.save_button.setText(self.tr("Save again") if first.saved else self.tr("Save"))
        self.save_button.setVisible(not saved)
        self.draft_button.setVisible(True)
        self.draft_button.setText(self.tr("Draft") if saved else self.tr("Save + Draft"))
        self.open_button.setVisible(saved or first.saved)
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.setWindowTitle(self.tr("{app}: copied posting").format(app=APP_NAME))
        self.pop(near)

    def show_import(self, results: Sequence[WatchedImport], *, near: QRect | None = None) -> None:
        """What the watch folder imported: counts per file and the postings to apply to."""
        self.mode = "import"
        imported = [r for r in results if not r.error and not r.duplicate]
        added = sum(r.added for r in imported)
        updated = sum(r.updated for r in imported)
        # the English text reads right for one and many without a .qm: one message per form
        # (each a numerus message, so every language's forms can be given)
        heading = (
            self.tr("Watch folder: %n new posting", "", added)
            if added == 1
            else self.tr("Watch folder: %n new postings", "", added)
        )
        if updated:
            heading += self.tr(", %n updated", "", updated)
        self.heading.setText(heading)
        apply = [title for r in imported for _id, title in r.apply]
        apply_count = sum(r.apply_count for r in imported)
        self.verdict.setText(
            self.tr("Apply: %n", "", apply_count) if apply_count else self.tr("Nothing to apply to")
        )
        self.verdict.setStyleSheet(f"color: {VERDICT_COLORS['apply']};" if apply_count else "")
        self.state.setText("\n".join(r.summary() for r in results))
        shown = [f"• {title}" for title in apply]
        if apply_count > len(apply):
            shown.append(self.tr("… and %n more", "", apply_count - len(apply)))
        self._lines(self.reasons, shown)
        self._lines(self.flags, [])
        self.connects.hide()
        self.save_button.hide()
        self.draft_button.hide()
        self.open_ids = [job_id for r in imported for job_id, _title in r.apply]
        self.open_button.setVisible(bool(imported))
        self.setWindowTitle(self.tr("{app}: watch folder").format(app=APP_NAME))
        self.pop(near)

    def _state(self, posting: CopiedPosting) -> str:
        """Where the posting stands (as :meth:`CopiedPosting.state`, in the user's language)."""
        if posting.applied:
            return self.tr("You applied: {proposals}").format(proposals="; ".join(posting.applied))
        if posting.saved:
            return self.tr("Already saved")
        return self.tr("New posting")

    def _verdict_name(self, verdict: str) -> str:
        name = VERDICT_NAMES.get(verdict)
        return QCoreApplication.translate("Notice", name) if name else verdict

    @staticmethod
    def _lines(label: QLabel, lines: Sequence[str]) -> None:
        label.setText("\n".join(lines))
        label.setVisible(bool(lines))

    def pop(self, near: QRect | None = None) -> None:
        """Show (or refresh) without activating, near the tray or the screen's corner."""
        layout = self.layout()
        assert layout is not None
        layout.activate()  # wrapped labels: the height follows the fixed width
        self.resize(NOTICE_WIDTH, self.heightForWidth(NOTICE_WIDTH))
        self.move(self.place(near))
        active = QApplication.activeWindow()
        self._give_back = active if active is not None and active is not self else None
        self.show()  # on top by its flags; raise_() could activate it

    def place(self, near: QRect | None) -> QPoint:
        """Beside the tray icon when it is known, else the bottom-right of the screen."""
        screen = QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)
        # the fixed width and the height pop() gave it (sizeHint() is wider than the fixed width)
        size = QSize(NOTICE_WIDTH, max(self.height(), self.minimumSizeHint().height()))
        margin = 12
        if near is not None and near.isValid() and not near.isEmpty():
            x = min(
                max(area.left() + margin, near.center().x() - size.width() // 2),
                area.right() + 1 - size.width() - margin,
            )
            above = near.top() - size.height() - margin
            y = above if above >= area.top() else near.bottom() + margin
            return QPoint(x, y)
        return QPoint(
            area.right() + 1 - size.width() - margin, area.bottom() + 1 - size.height() - margin
        )
