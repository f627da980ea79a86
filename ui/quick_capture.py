"""Capture without switching windows: the clipboard watch, the watch folder and the tray,
wired to one main window and to the ``capture.*`` settings.

The window builds one :class:`QuickCapture`, puts its clipboard toggle in the toolbar, calls
:meth:`QuickCapture.load_settings` after Preferences and asks
:meth:`QuickCapture.keep_in_tray` when it is closed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from app import settings
from app.errors import InputError
from app.watch_folder import WatchedImport, check_folder
from ui.clipboard_watch import ClipboardWatch
from ui.context import AppContext
from ui.global_keys import GlobalKeys, connect_to
from ui.ops import Change, CollectionOp
from ui.tray import Tray, tray_available
from ui.watch_folder import FolderWatch

CAPTURE_KEYS = (
    "capture.clipboard_watch",
    "capture.save_copied",
    "capture.global_keys",
    "capture.keep_in_tray",
    "capture.watch_folder",
)


class QuickCapture(QObject):
    """The clipboard watch, the watch folder and the tray icon of one window."""

    def __init__(
        self,
        ctx: AppContext,
        window: QWidget,
        *,
        paste: Callable[[], object],
        quit_app: Callable[[], object],
        draft: Callable[[int], object],
        reveal: Callable[[list[int]], object],
        show_jobs: Callable[[], object],
    ) -> None:
        """``window`` is the main window; the callables are its Paste posting, Quit, draft
        for a posting, show postings and show the Jobs page (no import of ui.main_window)."""
        super().__init__(window)
        self._paste_posting, self._draft_posting = paste, draft
        self._reveal, self._show_jobs = reveal, show_jobs
        self.ctx = ctx
        self.window = window
        self.tray_exists = tray_available()
        self.clipboard = ClipboardWatch(ctx, window, tray=self.tray_exists, near=self._near)
        self.notice = self.clipboard.notice
        self.folder = FolderWatch(ctx, self, notify=self._imported)
        self.tray = Tray(
            ctx,
            window,
            watch_action=self.clipboard.toggle_action,
            paste=self._paste,
            open_window=self.show_window,
            quit_app=quit_app,
        )
        self.keep_in_tray_setting = False
        self.global_keys = GlobalKeys(self)
        connect_to(self.global_keys, self.notice)
        self.op: CollectionOp[Any] | None = None
        self.clipboard.toggle_action.toggled.connect(self.toggle_clipboard)
        self.clipboard.draft_requested.connect(self._draft)
        self.notice.open_requested.connect(self._open)
        self.load_settings()

    def _near(self) -> Any:
        return self.tray.geometry()

    def load_settings(self) -> None:
        """Follow the ``capture.*`` settings (at start, and after Preferences)."""
        with self.ctx.db.read() as session:
            values = {key: settings.get(session, key) for key in CAPTURE_KEYS}
        self.clipboard.set_enabled(bool(values["capture.clipboard_watch"]))
        self.clipboard.save_all = bool(values["capture.save_copied"])
        self.keep_in_tray_setting = bool(values["capture.keep_in_tray"])
        if values["capture.global_keys"]:
            if not self.global_keys.start():
                self.ctx.message.emit(
                    self.tr("The notice's keys work only in the app here ({why})").format(
                        why=self.global_keys.error
                    )
                )
        else:
            self.global_keys.stop()
        folder_text = str(values["capture.watch_folder"] or "")
        folder: Path | None = None
        if folder_text:
            try:
                folder = check_folder(folder_text)
            except InputError as exc:
                self.ctx.message.emit(exc.message)
        self.folder.set_folder(folder)

    def toggle_clipboard(self, on: bool) -> None:
        """The toolbar / tray toggle: watch or not, and remember it."""
        self.clipboard.set_enabled(on)
        self.op = CollectionOp(
            self.window,
            lambda session: settings.set_value(session, "capture.clipboard_watch", on),
            Change.NONE,
            ctx=self.ctx,
            title=self.tr("Setting not saved"),
        ).run()
        self.ctx.message.emit(
            self.tr("Watching the clipboard for job postings")
            if on
            else self.tr("Clipboard watch off")
        )

    def keep_in_tray(self) -> bool:
        """Whether closing the window should hide it into the tray instead of quitting."""
        return self.keep_in_tray_setting and self.tray_exists and self.tray.icon.isVisible()

    def close_all(self) -> None:
        """The app is quitting: the notice goes with it, the tray icon too."""
        self.notice.close()
        self.global_keys.stop()
        self.tray.icon.hide()
        self.folder.set_folder(None)

    def show_window(self) -> None:
        window = self.window
        window.showNormal() if window.isMinimized() else window.show()
        window.raise_()
        window.activateWindow()

    def _paste(self) -> None:
        self.show_window()
        self._paste_posting()

    def _draft(self, job_id: int) -> None:
        self.show_window()
        self._draft_posting(job_id)

    def _open(self) -> None:
        self.show_window()
        ids = self.notice.open_ids
        if ids:
            self._reveal(ids)
        else:
            self._show_jobs()

    def _imported(self, results: list[WatchedImport]) -> None:
        self.notice.show_import(results, near=self._near())
