"""Help → Keyboard shortcuts (F1): every shortcut of the menus and the pages, in one sheet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)


class ShortcutsDialog(QDialog):
    """Sections (File, Edit, …, Jobs page) with their keys and what each does."""

    def __init__(
        self, sections: list[tuple[str, list[tuple[str, str]]]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What it does")])
        for title, rows in sections:
            if not rows:
                continue
            section = QStandardItem(title)
            section.setEditable(False)
            font = section.font()
            font.setBold(True)
            section.setFont(font)
            for keys, text in rows:
                key_item = QStandardItem(keys)
                text_item = QStandardItem(text)
                for item in (key_item, text_item):
                    item.setEditable(False)
                section.appendRow([key_item, text_item])
            self.model.appendRow([section, QStandardItem("")])
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.expandAll()
        self.view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.view.header().setStretchLastSection(True)
        for row in range(self.model.rowCount()):
            self.view.setFirstColumnSpanned(row, self.view.rootIndex(), True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(520, 600)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def listed(self) -> list[tuple[str, str, str]]:
        """(section, keys, text) of every row, as the sheet shows them."""
        out = []
        for row in range(self.model.rowCount()):
            section = self.model.item(row, 0)
            for child in range(section.rowCount()):
                keys, text = section.child(child, 0), section.child(child, 1)
                out.append((section.text(), keys.text(), text.text()))
        return out
