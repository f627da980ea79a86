"""Does this PySide6 drop references to ``None``? Prints one JSON line.

Some PySide6 releases return ``None`` from void-returning Qt calls without taking
the reference they give away, so every ``widget.update()`` lowers
``sys.getrefcount(None)`` by one. On Pythons where ``None`` is mortal (3.11) the
count reaches zero after enough repaints and the interpreter aborts with
``Fatal Python error: none_dealloc``. On 3.12+ ``None`` is immortal (PEP 683):
its count is pinned and cannot drop, so the same binding cannot crash there.

Run it with the interpreter of a venv that has the PySide6 to test (it needs no
project code)::

    QT_QPA_PLATFORM=offscreen python benchmarks/probe_none_refcount.py [N]

Per call kind it reports how far the count of ``None`` moved over N calls:
0 is clean, -N means one reference lost per call. ``bool_drift`` does the same for\n``True``/``False`` with calls that return a bool.
"""

from __future__ import annotations

import json
import os
import platform
import sys
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import PySide6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QApplication, QLabel, QTableView, QWidget

IMMORTAL_FROM = (3, 12)


class _Model(QAbstractTableModel):
    def rowCount(self, parent: object = None) -> int:
        return 20

    def columnCount(self, parent: object = None) -> int:
        return 4

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        return f"{index.row()},{index.column()}" if role == Qt.ItemDataRole.DisplayRole else None


class _Emitter(QObject):
    poked = Signal()


def none_is_immortal() -> bool:
    """True where ``None``'s reference count is pinned (PEP 683, CPython 3.12+)."""
    return sys.version_info >= IMMORTAL_FROM


def drift(call: Callable[[], object], n: int, singleton: object = None) -> int:
    """How far the reference count of ``singleton`` moved over ``n`` calls (0: clean)."""
    for _ in range(10):  # warm-up: caches, lazy signatures
        call()
    before = sys.getrefcount(singleton)
    for _ in range(n):
        call()
    return sys.getrefcount(singleton) - before


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    app = QApplication.instance() or QApplication([])
    widget = QWidget()
    widget.resize(200, 100)
    label = QLabel("x")
    view = QTableView()
    model = _Model()
    view.setModel(model)
    view.resize(400, 300)
    view.show()
    app.processEvents()
    emitter = _Emitter()
    top_left, bottom_right = model.index(0, 0), model.index(19, 3)
    calls: dict[str, Callable[[], object]] = {
        "QWidget.update": widget.update,
        "QWidget.repaint": widget.repaint,
        "QWidget.setToolTip": lambda: widget.setToolTip("tip"),
        "QLabel.setText": lambda: label.setText("y"),
        "QTableView.viewport().repaint": lambda: view.viewport().repaint(),
        "dataChanged.emit": lambda: model.dataChanged.emit(top_left, bottom_right),
        "Signal.emit": emitter.poked.emit,
    }
    predicates: dict[str, Callable[[], object]] = {
        "QWidget.isVisible": widget.isVisible,
        "QWidget.hasFocus": widget.hasFocus,
    }
    immortal = none_is_immortal()
    refcount_none = sys.getrefcount(None)
    call_drift = {name: drift(call, n) for name, call in calls.items()}
    bool_drift = {
        name: drift(call, n, True) + drift(call, n, False) for name, call in predicates.items()
    }
    result = {
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "none_immortal": immortal,
        "refcount_none": refcount_none,
        "calls": n,
        "drift": call_drift,
        "bool_drift": bool_drift,
        "affected": any(d < 0 for d in [*call_drift.values(), *bool_drift.values()]),
    }
    print(json.dumps(result))
    view.close()


if __name__ == "__main__":
    main()
