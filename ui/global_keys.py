"""The notice's keys in every program (opt-in ``capture.global_keys``, off by default).

Ctrl+Alt+S / D / X are app-wide shortcuts of the notice; they work only while a window of the
app is active. With this setting on they are also listened for system-wide with pynput's
``GlobalHotKeys`` (X11 through the RECORD extension, Windows through a low-level keyboard hook,
macOS through a Quartz event tap, which needs the user to allow input monitoring). pynput
listens, it does not grab: the keys still reach the program in front. Its callbacks run on
pynput's thread and only emit a Qt signal; the notice's buttons are clicked on the GUI thread.
A platform where pynput cannot listen (Wayland without XWayland, a display it cannot open) is
told in one line and the setting does nothing more.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from ui import notice as notice_keys

log = logging.getLogger("pwb.ui.global_keys")


def pynput_combo(key: str) -> str:
    """``Ctrl+Alt+S`` as pynput writes it: ``<ctrl>+<alt>+s``."""
    parts = key.lower().split("+")
    return "+".join(f"<{p}>" if len(p) > 1 else p for p in parts)


class GlobalKeys(QObject):
    """Listens for the notice's keys system-wide while started; ``pressed`` names the button."""

    #: "save", "draft" or "dismiss" (emitted on pynput's thread, delivered queued)
    pressed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listener: Any = None
        #: why listening failed (None: not tried, or listening)
        self.error: str | None = None

    @property
    def running(self) -> bool:
        return self._listener is not None

    def start(self) -> bool:
        """Start listening (again a no-op while running); False with :attr:`error` set if not."""
        if self._listener is not None:
            return True
        try:
            from pynput import keyboard

            listener = keyboard.GlobalHotKeys(
                {
                    pynput_combo(notice_keys.SAVE_KEY): lambda: self.pressed.emit("save"),
                    pynput_combo(notice_keys.DRAFT_KEY): lambda: self.pressed.emit("draft"),
                    pynput_combo(notice_keys.DISMISS_KEY): lambda: self.pressed.emit("dismiss"),
                }
            )
            listener.daemon = True
            listener.start()
            listener.wait()  # until it listens (or has failed)
        except Exception as exc:  # no display, no permission, an unsupported platform
            self.error = type(exc).__name__
            log.warning("global keys unavailable: %s", self.error)
            return False
        self._listener, self.error = listener, None
        return True

    def stop(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.stop()


def connect_to(keys: GlobalKeys, shown: notice_keys.Notice) -> None:
    """Each key clicks the notice's button while the notice shows it."""

    def press(which: str) -> None:
        button = {
            "save": shown.save_button,
            "draft": shown.draft_button,
            "dismiss": shown.dismiss_button,
        }[which]
        if shown.isVisible() and button.isVisible():
            button.click()

    keys.pressed.connect(press, Qt.ConnectionType.QueuedConnection)
