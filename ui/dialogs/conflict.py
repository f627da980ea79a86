""" "Changed by NAME at TIME — reload or overwrite?": someone saved what you are editing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import ConflictError
from ui import plain


def ask_reload_or_overwrite(
    parent: QWidget,
    title: str,
    text: str,
    exc: ConflictError,
    *,
    reload: Callable[[], None],
    overwrite: Callable[[int | None], object],
) -> QMessageBox:
    """Open (window-modal, not blocking) a box with Reload (the default) and Overwrite.

    ``overwrite`` gets the version saved since, to save over; ``reload`` shows it.
    """
    box = QMessageBox(QMessageBox.Icon.Warning, title, plain.message(text), parent=parent)
    box.setObjectName("conflictBox")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(
        QCoreApplication.translate(
            "Conflict",
            "Reload shows {who}'s version (your edits are dropped); Overwrite saves yours over it.",
        ).format(who=exc.who)
    )
    reload_button = box.addButton(
        QCoreApplication.translate("Conflict", "Reload"), QMessageBox.ButtonRole.RejectRole
    )
    overwrite_button = box.addButton(
        QCoreApplication.translate("Conflict", "Overwrite"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(reload_button)
    box.setEscapeButton(reload_button)

    def answered() -> None:
        if box.clickedButton() is overwrite_button:
            overwrite(exc.version)
        else:
            reload()

    box.finished.connect(answered)
    box.open()
    return box
