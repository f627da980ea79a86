"""The empty state every page shows before it has data: what to do next."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.icons import icon

COLUMN_WIDTH = 520


class EmptyState(QWidget):
    """A centred icon, a title, a sentence of guidance and an optional action button."""

    #: the action button was clicked
    action_triggered = Signal()

    def __init__(
        self,
        icon_name: str,
        title: str,
        text: str,
        action: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.icon_name = icon_name
        self.icon_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self._tint_icon()
        self.title_label = QLabel(title)
        self.title_label.setObjectName("emptyTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text_label = QLabel(text)
        self.text_label.setObjectName("emptyText")
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)

        column = QWidget()
        column.setFixedWidth(COLUMN_WIDTH)
        col = QVBoxLayout(column)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.icon_label)
        col.addWidget(self.title_label)
        col.addWidget(self.text_label)
        self.button: QPushButton | None = None
        if action:
            self.button = QPushButton(action)
            self.button.clicked.connect(self.action_triggered)
            col.addSpacing(8)
            col.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addLayout(row)
        layout.addStretch(3)

    def _tint_icon(self) -> None:
        color = self.palette().placeholderText().color()
        self.icon_label.setPixmap(icon(self.icon_name, color, 64).pixmap(64, 64))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._tint_icon()
        super().changeEvent(event)
