"""Accessibility helpers: names a screen reader reads, label buddies, tab order.

Qt gives a screen reader a widget's name from, in order: ``accessibleName()``, the
text of a button, the text of the :class:`QLabel` whose buddy the widget is. Tables,
editors, date edits and combos without a label have none of these: :func:`name`
gives them one (and a description, read after it, when a tooltip says more).

:func:`interactive_widgets` and :func:`accessible_name` are what the accessibility
test (tests/gui/test_accessibility.py) walks every page and dialog with.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

W = TypeVar("W", bound=QWidget)

#: the widgets a person operates (types a screen reader must be able to name)
INTERACTIVE: tuple[type[QWidget], ...] = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QTabBar,
)


def name(widget: W, text: str, description: str = "", *, label: QLabel | None = None) -> W:
    """Give ``widget`` the accessible name ``text`` (and ``description``), and make it the
    buddy of ``label`` (a click on the label or its mnemonic focuses the widget)."""
    widget.setAccessibleName(text)
    if description:
        widget.setAccessibleDescription(description)
    if label is not None:
        label.setBuddy(widget)
    return widget


def tab_chain(widgets: Iterable[QWidget | None]) -> list[QWidget]:
    """Make Tab visit ``widgets`` in this order (``None`` entries are left out)."""
    chain = [w for w in widgets if w is not None]
    for first, second in zip(chain, chain[1:], strict=False):
        QWidget.setTabOrder(first, second)
    return chain


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader gets for ``widget`` (from Qt's accessibility interface)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return ""
    return interface.text(QAccessible.Text.Name).strip()


def _is_part_of_another(widget: QWidget) -> bool:
    """Widgets that are pieces of a composite one (a combo's line edit, a spin box's
    editor, a view's scroll bars, a tab bar's scroll arrows, a line edit's clear button):
    the composite is named, not them."""
    if isinstance(widget, QScrollBar):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QTabBar | QLineEdit):
            return True
        if isinstance(parent, QAbstractItemView) and widget is not parent.viewport():
            # a view's corner button, an open cell editor
            return True
        parent = parent.parentWidget()
    return False


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """Every widget under ``root`` (and ``root``) a person can operate, hidden ones too
    (a filter's date fields show only for a custom range)."""
    found = [root] if isinstance(root, INTERACTIVE) else []
    found += [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, INTERACTIVE) and not _is_part_of_another(w)
    ]
    return found


def unnamed(root: QWidget) -> list[QWidget]:
    """The interactive widgets under ``root`` a screen reader has no name for."""
    return [w for w in interactive_widgets(root) if not accessible_name(w)]


def describe(widget: QWidget) -> str:
    """``QTableView 'jobsTable' in JobsPage`` (for a test's failure message)."""
    owner = widget.parentWidget()
    while owner is not None and owner.parentWidget() is not None and not owner.objectName():
        owner = owner.parentWidget()
    where = f" in {type(owner).__name__} {owner.objectName()!r}" if owner is not None else ""
    return f"{type(widget).__name__} {widget.objectName()!r}{where}"
