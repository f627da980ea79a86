"""The clipboard watch: a posting copied anywhere is scored and shown in a notice.

Off by default (``capture.clipboard_watch``). Copies made in the app itself are not looked
at (:meth:`ClipboardWatch.copied_in_app`). While on, each other clipboard change is handed,
as text, to :func:`app.preview.preview_text` on a worker thread; text that is no posting is
dropped there, never stored or logged. A posting comes back as a :class:`ui.notice.Notice`:
Save stores it (``app.preview.save_copied``, one write), Save + Draft stores it and opens the
draft dialog, Dismiss hides the notice. With ``capture.save_copied`` on, a copied posting is
stored at once and the notice says so (only one that shows posting facts, a budget, skills, a
URL or client facts: a paragraph of prose that passes the ``pwb add`` test on its words alone
still waits for Save).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QRect, Signal
from PySide6.QtGui import QAction, QClipboard
from PySide6.QtWidgets import QApplication, QWidget

from app.preview import (
    MIN_CHARS,
    CopiedPosting,
    failure_line,
    may_save_unasked,
    preview_text,
    save_copied,
)
from app.storage.db import Database
from ui.context import AppContext
from ui.notice import Notice
from ui.ops import Change, CollectionOp
from ui.tasks import Progress, run_task

log = logging.getLogger("pwb.ui.clipboard")


class PreviewFailed:
    """What a failed preview hands back instead of raising: one line, no copied text."""

    def __init__(self, line: str) -> None:
        self.line = line


def _preview(db: Database, text: str) -> list[CopiedPosting] | PreviewFailed | None:
    """The preview on a worker thread. A failure never leaves as an exception: the task runner
    would log its traceback (its message and arguments may quote the clipboard); it comes back
    as one line naming the exception's type and where, logged as that and nothing more."""
    try:
        with db.read() as session:
            return preview_text(session, text)
    except Exception as exc:  # any bug: the copied text must not reach the log
        return PreviewFailed(failure_line(exc))


class ClipboardWatch(QObject):
    """Watches the clipboard while enabled; owns the notice a copied posting shows in."""

    #: a notice was shown (its postings) and how long it took from the clipboard change (ms)
    shown = Signal(list, float)
    #: postings were stored from the notice (their ids)
    saved = Signal(list)
    #: Save + Draft: draft a proposal for this posting
    draft_requested = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        window: QWidget,
        *,
        tray: bool = False,
        near: Callable[[], QRect | None] = lambda: None,
    ) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.enabled = False
        #: store every posting copied without asking (capture.save_copied)
        self.save_all = False
        self._near = near
        self.notice = Notice(tray=tray)  # a top-level window of its own: no parent
        window.destroyed.connect(self.notice.deleteLater)
        self.notice.save_requested.connect(lambda: self.save())
        self.notice.draft_requested.connect(lambda: self.save(draft=True))
        #: what the notice shows (None: nothing copied yet)
        self.postings: list[CopiedPosting] | None = None
        self.saved_ids: list[int] = []
        self._generation = 0
        self._changed_at = 0.0
        #: the last write the notice started (tests wait for it)
        self.op: CollectionOp[list[int]] | None = None
        self.toggle_action = QAction(self.tr("Watch &clipboard"), window)
        self.toggle_action.setObjectName("watchClipboard")
        self.toggle_action.setCheckable(True)
        self.toggle_action.setToolTip(
            self.tr("Score each job posting you copy and show its verdict in a small notice")
        )
        self.clipboard: QClipboard = QApplication.clipboard()
        self.clipboard.dataChanged.connect(self.changed)

    def set_enabled(self, on: bool) -> None:
        """Start or stop watching (the toggle's state follows; nothing is stored here)."""
        self.enabled = on
        if self.toggle_action.isChecked() != on:
            self.toggle_action.blockSignals(True)
            self.toggle_action.setChecked(on)
            self.toggle_action.blockSignals(False)
        if not on:
            self._generation += 1  # a preview under way is dropped

    def changed(self) -> None:
        """The clipboard changed: preview its text off the GUI thread (if it may be a posting)."""
        if not self.enabled:
            return
        if self.copied_in_app():
            self._generation += 1  # a preview under way is dropped too
            return
        mime = self.clipboard.mimeData()
        if mime is None or not mime.hasText():
            return
        text = self.clipboard.text()
        self._generation += 1
        if len(text.strip()) < MIN_CHARS:
            return
        generation, db = self._generation, self.ctx.db
        self._changed_at = time.perf_counter()

        def work(_progress: Progress) -> list[CopiedPosting] | PreviewFailed | None:
            return _preview(db, text)

        self.task = run_task(
            work,
            on_done=lambda found: self._previewed(generation, found),
            on_error=lambda exc: log.warning("clipboard preview failed: %s", type(exc).__name__),
            parent=self,
        )

    def copied_in_app(self) -> bool:
        """Whether this copy was made in the app itself (its Jobs page, a detail, a draft…).

        Where the platform tells (X11, Windows, macOS), the app owns the clipboard after its own
        copies; everywhere (and offscreen, where it never tells) a copy made while a window of
        this main window (itself or one of its dialogs) is active is the user copying in the app.
        """
        if self.clipboard.ownsClipboard():
            return True
        active = QApplication.activeWindow()
        while active is not None and active is not self.notice:
            if active is self.window:
                return True
            active = active.parentWidget()
        return False

    def _previewed(
        self, generation: int, found: list[CopiedPosting] | PreviewFailed | None
    ) -> None:
        if isinstance(found, PreviewFailed):
            log.warning("clipboard preview failed: %s", found.line)
            return
        if generation != self._generation or not self.enabled or not found:
            return
        self.postings, self.saved_ids = found, []
        if self.save_all and may_save_unasked(found):
            self.save(show=True)
            return
        self._show()

    def _show(self, *, saved: bool = False) -> None:
        assert self.postings is not None
        stored = self.saved_ids or [p.job_id for p in self.postings if p.job_id is not None]
        self.notice.open_ids = list(stored)
        self.notice.show_posting(self.postings, saved=saved, near=self._near())
        self.shown.emit(self.postings, (time.perf_counter() - self._changed_at) * 1000)

    def save(self, *, draft: bool = False, show: bool = False) -> CollectionOp[list[int]] | None:
        """Store what the notice shows (then draft, or show the notice as saved)."""
        postings = self.postings
        if not postings:
            return None
        if self.saved_ids:  # saved already (Draft after an automatic save)
            self._after_save(self.saved_ids, draft=draft, show=show)
            return self.op
        self.op = (
            CollectionOp(
                self.window,
                lambda session: save_copied(session, postings),
                Change.JOBS,
                ctx=self.ctx,
                title=self.tr("Posting not saved"),
            )
            .success(lambda ids: self._after_save(ids, draft=draft, show=show))
            .run()
        )
        return self.op

    def _after_save(self, ids: list[int], *, draft: bool, show: bool) -> None:
        self.saved_ids = ids
        self.saved.emit(ids)
        count = len(ids)
        self.ctx.message.emit(
            self.tr("Saved %n copied posting", "", count)
            if count == 1
            else self.tr("Saved %n copied postings", "", count)
        )
        if show:
            self._show(saved=True)
        elif draft:
            self.notice.hide()
            self.draft_requested.emit(ids[0])
        else:
            self.notice.hide()
