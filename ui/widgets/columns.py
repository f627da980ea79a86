"""Tables that keep their key columns on screen at laptop sizes.

:class:`ColumnFitter` gives a table's stretching column (the title) what the
other columns leave, never less than ``min_stretch`` pixels: when the table is
too narrow for that, the columns named in ``drop`` (least important first) are
hidden, and they come back when there is room again. A column the user hid
(from the header's menu) stays hidden either way. The header's state, as
saved between runs, is the user's: the columns hidden only for room are saved
as shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QEvent, QObject, QTimer
from PySide6.QtWidgets import QTableView


class ColumnFitter(QObject):
    """Hides and shows ``drop`` columns of ``table`` so ``stretch`` keeps ``min_stretch``."""

    def __init__(
        self,
        table: QTableView,
        stretch: int,
        drop: Sequence[int],
        min_stretch: int = 150,
    ) -> None:
        super().__init__(table)
        self.table = table
        self.stretch = stretch
        self.drop = tuple(drop)
        self.min_stretch = min_stretch
        #: columns hidden for room (not by the user), with the width they had
        self.auto_hidden: dict[int, int] = {}
        self._viewport = table.viewport()
        self._viewport.installEventFilter(self)
        model = table.model()
        model.modelReset.connect(self.fit_soon)
        model.layoutChanged.connect(self.fit_soon)
        table.horizontalHeader().sectionResized.connect(self._section_resized)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # the type first: while the table is torn down its parts must not be touched
        if event.type() == QEvent.Type.Resize and watched is self._viewport:
            self.fit()
        return False

    def fit_soon(self) -> None:
        QTimer.singleShot(0, self, self.fit)  # dropped with the table if it goes first

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if column != self.stretch:
            self.fit_soon()

    def _others(self) -> int:
        """The width of the shown columns besides the stretching one."""
        header = self.table.horizontalHeader()
        return sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c != self.stretch and not self.table.isColumnHidden(c)
        )

    def fit(self) -> None:
        available = self.table.viewport().width()
        if available <= 0:
            return
        for column in self.drop:  # too narrow: hide, least important first
            if available - self._others() >= self.min_stretch:
                break
            if column not in self.auto_hidden and not self.table.isColumnHidden(column):
                self.auto_hidden[column] = self.table.columnWidth(column)
                self.table.setColumnHidden(column, True)
        for column in reversed(self.drop):  # room again: bring back, most important first
            width = self.auto_hidden.get(column)
            if width is None:
                continue
            if available - self._others() - width < self.min_stretch:
                break
            del self.auto_hidden[column]
            self.table.setColumnHidden(column, False)
            self.table.setColumnWidth(column, width)

    def set_user_hidden(self, column: int, hidden: bool) -> None:
        """The user's choice from the header menu: it wins over fitting."""
        self.auto_hidden.pop(column, None)
        self.table.setColumnHidden(column, hidden)
        self.fit()

    def user_hidden(self, column: int) -> bool:
        return self.table.isColumnHidden(column) and column not in self.auto_hidden

    def saveState(self) -> QByteArray:
        """The header's state with the columns hidden only for room shown."""
        header = self.table.horizontalHeader()
        hidden = dict(self.auto_hidden)
        for column, width in hidden.items():
            header.setSectionHidden(column, False)
            header.resizeSection(column, width)
        state = header.saveState()
        for column in hidden:
            header.setSectionHidden(column, True)
        return state

    def restoreState(self, state: QByteArray | bytes) -> bool:
        self.auto_hidden.clear()
        done = self.table.horizontalHeader().restoreState(QByteArray(state))
        self.fit()
        return done
