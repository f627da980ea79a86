"""Issue 16: the start opens the database with the cheap checks (header, schema, revision),
shows the window, and only then runs ``PRAGMA quick_check`` in the background; damage it
finds gets the restore offer with the window up."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import ledger
from app.backup import backup_now, list_backups
from app.domain import BudgetType, PostingFacts
from app.storage import files, open_database
from app.storage.jobs import add_posting
from tests.test_safe_open import overwrite_page
from ui import localized, startup
from ui.dialogs.restore_dialog import DamagedDatabaseBox
from ui.main import Startup, parse_args
from ui.main_window import MainWindow
from ui.pages.jobs import JobsPage

#: an index the start never reads (the Jobs page sorts newest first) nor writes
UNREAD_INDEX = "ix_job_posting_budget"


def _database(path: Path, *, postings: int = 30) -> Path:
    """A database with postings and a ledger, its one good backup made at 09:00."""
    db = open_database(str(path))
    with db.transaction() as session:
        for n in range(postings):
            add_posting(
                session,
                PostingFacts(
                    title=f"Job {n}",
                    description="Django fix " * 40,
                    budget_type=BudgetType.FIXED,
                    fixed_budget=float(n),
                ),
            )
        ledger.post_entry(session, "bonus", 40)
    backup_now(db, now=datetime(2026, 11, 30, 9, tzinfo=UTC))
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def _start(qtbot, path: Path) -> tuple[MainWindow, Startup]:
    """What ``main`` does after taking the lock: the window paints, then the start begins."""
    args, _ = parse_args(["--db", str(path)])
    QSettings().clear()
    window = MainWindow(None)
    qtbot.add_widget(window)
    start = Startup(window, str(path), args)
    startup.after_next_paint(window, start.begin)
    window.show()
    return window, start


class _Boxes:
    """Watches for message boxes while the start goes on; answers a DamagedDatabaseBox."""

    def __init__(self, window: MainWindow, *, answer: str = "") -> None:
        self.window = window
        self.answer = answer
        #: (box text, the window was attached and its Jobs page had rows, when it came)
        self.seen: list[tuple[str, bool]] = []
        self.timer = QTimer(interval=20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            return
        window = self.window
        up = (
            window.isVisible()
            and window.attached
            and window.is_built(JobsPage)
            and window.page(JobsPage).model.rowCount() > 0
        )
        self.seen.append((box.text(), up))
        if isinstance(box, DamagedDatabaseBox) and self.answer == "restore":
            assert box.restore_button is not None
            box.restore_button.click()
        elif isinstance(box, DamagedDatabaseBox) and self.answer == "quit":
            box.quit_button.click()
        else:
            box.close()


def _checked(start: Startup) -> bool:
    task = getattr(start, "check_task", None)
    return task is not None and not task.running


@pytest.fixture
def damaged(tmp_path: Path, set_clock) -> Path:
    """A page of an index overwritten: opening cannot tell, quick_check can."""
    set_clock(datetime(2026, 11, 30, 10, tzinfo=UTC))
    path = _database(tmp_path / "w.sqlite3")
    overwrite_page(path, UNREAD_INDEX)
    assert files.examine(path, check=None).state == "ours"  # the cheap checks pass
    assert files.sound(path)  # the full one does not
    return path


def test_damage_found_after_the_window_is_up_offers_the_backup(
    qtbot, damaged: Path, monkeypatch
) -> None:
    path = damaged
    good = [b.path for b in list_backups(path)]
    window, start = _start(qtbot, path)
    boxes = _Boxes(window, answer="restore")
    try:
        qtbot.waitUntil(lambda: _checked(start), timeout=20_000)
        qtbot.waitUntil(lambda: bool(boxes.seen), timeout=5000)
        (text, window_was_up), *more = boxes.seen
        assert not more, boxes.seen
        assert window_was_up  # the window and its page came first, then the offer
        assert "check of its pages, run after it was opened, found a problem" in text
        assert (
            len(good) == 1
            and good[0].name in text
            and localized.moment(datetime(2026, 11, 30, 9, tzinfo=UTC)) in text
        )
        # the daily backup the start tried (at 10:00) did not pass its check: not kept
        assert not any(b.path.name.startswith("auto-") for b in list_backups(path))
        # restored in place: the window goes on with the backup's data
        qtbot.waitUntil(lambda: window.page(JobsPage).model.rowCount() == 30, timeout=5000)
        assert window.isVisible() and window.attached
        assert files.sound(path) == []
        assert any(b.path.name.startswith("before-restore-") for b in list_backups(path))
        assert start.db is not None
        with start.db.read() as session:
            assert ledger.balance(session) == 40
    finally:
        boxes.timer.stop()
        window.close()
        start.close()


def test_damage_found_after_the_window_is_up_and_quit_ends_with_2(
    qtbot, damaged: Path, monkeypatch
) -> None:
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(exits.append))
    before = files.sound(damaged)
    window, start = _start(qtbot, damaged)
    boxes = _Boxes(window, answer="quit")
    try:
        qtbot.waitUntil(lambda: bool(exits), timeout=20_000)
        assert exits == [2] and [up for _text, up in boxes.seen] == [True]
        assert not window.isVisible()
        assert files.sound(damaged) == before  # left as it was, for the user to deal with
    finally:
        boxes.timer.stop()
        start.close()


def test_a_sound_database_gets_no_offer_and_is_checked_only_after_the_window(
    qtbot, tmp_path: Path, set_clock, monkeypatch
) -> None:
    set_clock(datetime(2026, 11, 30, 10, tzinfo=UTC))
    path = _database(tmp_path / "w.sqlite3")
    checks: list[bool] = []  # each check of the database file: was the window up then?
    real_sound = files.sound
    window: MainWindow | None = None

    def spy(checked: Path, *args, **kwargs):
        if checked == path:
            checks.append(window is not None and window.attached)
        return real_sound(checked, *args, **kwargs)

    monkeypatch.setattr(files, "sound", spy)
    window, start = _start(qtbot, path)
    boxes = _Boxes(window)
    try:
        qtbot.waitUntil(lambda: _checked(start), timeout=20_000)
        qtbot.wait(100)
        assert boxes.seen == []
        assert checks == [True]  # once, in the background, with the window attached
        assert window.isVisible() and window.page(JobsPage).model.rowCount() == 30
    finally:
        boxes.timer.stop()
        window.close()
        start.close()


def test_the_check_stops_when_asked(tmp_path: Path, set_clock) -> None:
    """Quitting right after the start stops the check instead of waiting for it."""
    set_clock(datetime(2026, 11, 30, 10, tzinfo=UTC))
    path = _database(tmp_path / "w.sqlite3", postings=400)
    asked = threading.Event()

    def stop() -> bool:
        asked.set()
        return True

    with pytest.raises(files.CheckStopped):
        files.verify(path, stop=stop)
    assert asked.is_set()
    files.verify(path, stop=lambda: False)  # sound, and not stopped: no error


def test_quitting_while_the_pages_are_checked_stops_the_check(
    qtbot, tmp_path: Path, set_clock, monkeypatch
) -> None:
    """A check that would run for long (a large file) ends when the app closes, rather than
    keeping the closing waiting for it; it then neither passes nor fails the file."""
    set_clock(datetime(2026, 11, 30, 10, tzinfo=UTC))
    path = _database(tmp_path / "w.sqlite3")
    started = threading.Event()
    real_sound = files.sound

    def endless(checked: Path, *args, stop=None, **kwargs):
        if checked != path:
            return real_sound(checked, *args, stop=stop, **kwargs)
        started.set()
        for _ in range(1000):  # 10 s at most, asking as SQLite's progress handler does
            if stop is not None and stop():
                raise files.CheckStopped(str(checked))
            threading.Event().wait(0.01)
        return []

    monkeypatch.setattr(files, "sound", endless)
    window, start = _start(qtbot, path)
    boxes = _Boxes(window)
    try:
        qtbot.waitUntil(started.is_set, timeout=20_000)
        assert start.check_task.running
        window.close()
    finally:
        boxes.timer.stop()
        began = time.monotonic()
        start.close()  # waits for the thread pool: returns at once as the check is stopped
        assert time.monotonic() - began < 5
    qtbot.waitUntil(lambda: not start.check_task.running, timeout=5000)  # reported: cancelled
    assert boxes.seen == []
