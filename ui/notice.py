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

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, QTimer, Signal, SignalInstance
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
from ui.theme import SEVERITY_COLORS

NOTICE_WIDTH = 380
#: the keys of the notice's buttons: they work while any window of the app is active
#: (the notice itself never takes the keyboard from the browser)
SAVE_KEY = "Ctrl+Alt+S"
DRAFT_KEY = "Ctrl+Alt+D"
DISMISS_KEY = "Ctrl+Alt+X"
VERDICT_NAMES = {"apply": "Apply", "maybe": "Maybe", "skip": "Skip"}
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
        self.setWindowTitle(f"{APP_NAME}: copied posting")
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
        self.save_button = self._button("Save", SAVE_KEY, self.save_requested)
        self.draft_button = self._button("Save + Draft", DRAFT_KEY, self.draft_requested)
        self.open_button = self._button("Open", "", self.open_requested)
        self.dismiss_button = self._button("Dismiss", DISMISS_KEY, self.dismissed)
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

    def _button(self, text: str, key: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"notice{text.replace(' ', '').replace('+', 'And')}")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if key:
            shown = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{text} ({shown})")
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
        more = f"  (+{len(postings) - 1} more in the copied text)" if len(postings) > 1 else ""
        self.heading.setText(first.title + more)
        if first.verdict is None:
            self.verdict.setText("Not scored: create a profile to see a verdict")
            self.verdict.setStyleSheet("")
        else:
            name = VERDICT_NAMES.get(first.verdict, first.verdict)
            self.verdict.setText(f"{name} · score {first.total} / 100")
            self.verdict.setStyleSheet(f"color: {VERDICT_COLORS.get(first.verdict, '')};")
        self.state.setText("Saved" if saved else first.state())
        self._lines(self.reasons, [f"• {r}" for r in first.reasons])
        self._lines(self.flags, [f"⚑ {f}" for f in first.flags])
        parts = []
        if first.connects:
            parts.append(f"{first.connects} Connects")
        if first.value_per_connect is not None:
            parts.append(f"${first.value_per_connect:,.2f} per Connect")
        self.connects.setText(" · ".join(parts))
        self.connects.setVisible(bool(parts))
        self.save_button.setText("Save again" if first.saved else "Save")
        self.save_button.setVisible(not saved)
        self.draft_button.setVisible(True)
        self.draft_button.setText("Draft" if saved else "Save + Draft")
        self.open_button.setVisible(saved or first.saved)
        self.dismiss_button.setText("Dismiss")
        self.setWindowTitle(f"{APP_NAME}: copied posting")
        self.pop(near)

    def show_import(self, results: Sequence[WatchedImport], *, near: QRect | None = None) -> None:
        """What the watch folder imported: counts per file and the postings to apply to."""
        self.mode = "import"
        imported = [r for r in results if not r.error and not r.duplicate]
        added = sum(r.added for r in imported)
        updated = sum(r.updated for r in imported)
        self.heading.setText(
            f"Watch folder: {added} new posting{'s' * (added != 1)}"
            + (f", {updated} updated" if updated else "")
        )
        apply = [title for r in imported for _id, title in r.apply]
        apply_count = sum(r.apply_count for r in imported)
        self.verdict.setText(f"Apply: {apply_count}" if apply_count else "Nothing to apply to")
        self.verdict.setStyleSheet(f"color: {VERDICT_COLORS['apply']};" if apply_count else "")
        self.state.setText("\n".join(r.summary() for r in results))
        shown = [f"• {title}" for title in apply]
        if apply_count > len(apply):
            shown.append(f"… and {apply_count - len(apply)} more")
        self._lines(self.reasons, shown)
        self._lines(self.flags, [])
        self.connects.hide()
        self.save_button.hide()
        self.draft_button.hide()
        self.open_ids = [job_id for r in imported for job_id, _title in r.apply]
        self.open_button.setVisible(bool(imported))
        self.setWindowTitle(f"{APP_NAME}: watch folder")
        self.pop(near)

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
