"""The system tray icon: the Connects balance in its tooltip, and a menu with the clipboard
toggle, Paste posting, Open and Quit.

Shown only where the platform has a tray (``QSystemTrayIcon.isSystemTrayAvailable()``);
elsewhere it is built but stays hidden, the window never hides itself into it and the
notice is a normal small window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRect
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from app import APP_NAME
from app.storage.ledger import connects_balance
from ui import localized
from ui.context import AppContext
from ui.icons import icon


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class Tray(QObject):
    """The tray icon and its menu; ``open_window`` / ``quit_app`` come from the window."""

    def __init__(
        self,
        ctx: AppContext,
        window: QWidget,
        *,
        watch_action: QAction,
        paste: Callable[[], object],
        open_window: Callable[[], object],
        quit_app: Callable[[], object],
    ) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.available = tray_available()
        self.icon = QSystemTrayIcon(icon("app", size=64), window)
        self.menu = QMenu(window)
        self.menu.addAction(watch_action)
        self.paste_action = self.menu.addAction(self.tr("Paste posting"))
        self.paste_action.triggered.connect(lambda _=False: paste())
        self.open_action = self.menu.addAction(self.tr("Open {app}").format(app=APP_NAME))
        self.open_action.triggered.connect(lambda _=False: open_window())
        self.menu.addSeparator()
        self.quit_action = self.menu.addAction(self.tr("Quit"))
        self.quit_action.triggered.connect(lambda _=False: quit_app())
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(
            lambda reason: (
                open_window() if reason == QSystemTrayIcon.ActivationReason.Trigger else None
            )
        )
        ctx.ledger_changed.connect(self.refresh)
        ctx.proposals_changed.connect(self.refresh)
        self.refresh()
        if self.available:
            self.icon.show()

    def refresh(self) -> None:
        """The tooltip: the app's name and the Connects balance."""
        with self.ctx.db.read() as session:
            balance = connects_balance(session)
        connects = self.tr("Connects: {balance}").format(balance=localized.number(balance))
        self.icon.setToolTip(f"{APP_NAME}\n{connects}")

    def geometry(self) -> QRect | None:
        """Where the icon is on screen (None where no tray shows it)."""
        if not self.available or not self.icon.isVisible():
            return None
        rect = self.icon.geometry()
        return rect if rect.isValid() else None
