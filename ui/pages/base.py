"""A page of the main window: a title row and a body, with an empty state."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.widgets.empty_state import EmptyState


class Remembered(Protocol):
    """A part whose layout is kept between runs (a QSplitter, a QHeaderView, a fitter)."""

    def saveState(self) -> QByteArray: ...

    def restoreState(self, state: QByteArray | bytes) -> bool: ...


class Page(QWidget):
    """Base for the six areas. Subclasses set ``title`` / ``icon_name`` and fill ``body``."""

    #: what Edit → Undo would undo on this page changed (see :meth:`undo_text`)
    undo_changed = Signal()

    title = ""
    icon_name = ""
    #: the page's own keys for the shortcuts sheet: (key sequence, what it does)
    shortcuts: tuple[tuple[str, str], ...] = ()
    #: the page reads its data when it is built, so showing it right after needs no
    #: :meth:`refresh` (issue 16: the Jobs page's first screen is read once at start)
    loads_when_built = False

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"page-{self.icon_name}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 14, 18, 10)
        self.header = QHBoxLayout()
        self.title_label = QLabel(QCoreApplication.translate("Page", self.title))
        self.title_label.setObjectName("pageTitle")
        self.header.addWidget(self.title_label)
        self.header.addStretch(1)
        outer.addLayout(self.header)
        #: index 0: the empty state; index 1: the content
        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)

    def set_empty_state(self, empty: EmptyState) -> None:
        self.empty_state = empty
        self.stack.insertWidget(0, empty)
        self.stack.setCurrentIndex(0)

    def set_content(self, content: QWidget) -> None:
        self.content = content
        self.stack.addWidget(content)

    def show_empty(self, empty: bool) -> None:
        self.stack.setCurrentWidget(self.empty_state if empty else self.content)

    def refresh(self) -> None:
        """Reload what the page shows from the database (cheap; called on show)."""

    # -- undo (Edit → Undo) ----------------------------------------------------------------

    def undo_text(self) -> str | None:
        """What Edit → Undo would undo here ("Skip: 3 postings"), or None."""
        return None

    def undo(self) -> None:
        """Undo the page's last change (Edit → Undo)."""

    # -- layout remembered between runs ------------------------------------------------------

    def layout_parts(self) -> dict[str, Remembered]:
        """The splitters and table headers whose layout is remembered, by a stable name."""
        return {}

    def save_layout(self, settings: QSettings) -> None:
        for name, part in self.layout_parts().items():
            settings.setValue(f"layout/{self.icon_name}/{name}", part.saveState())

    def restore_layout(self, settings: QSettings) -> None:
        for name, part in self.layout_parts().items():
            state = settings.value(f"layout/{self.icon_name}/{name}")
            if isinstance(state, QByteArray | bytes) and state:
                part.restoreState(QByteArray(state))
