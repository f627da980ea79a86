"""A database failure a user can fix reaches them as a message, never as the crash dialog."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.domain import PostingFacts
from app.storage import db as storage_db
from app.storage.jobs import add_posting, get_job
from ui.crash import install_excepthook
from ui.main_window import MainWindow
from ui.pages.jobs import JobsPage


@pytest.mark.qt_no_exception_capture
def test_a_locked_database_is_a_message_and_changes_nothing(
    qtbot, window: MainWindow, db, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str, str]] = []
    for name in ("warning", "critical"):
        monkeypatch.setattr(
            QMessageBox,
            name,
            staticmethod(lambda parent, title, text, *a, _n=name: shown.append((_n, title, text))),
        )
    monkeypatch.setattr("sys.excepthook", None)  # restored after the test
    install_excepthook()
    monkeypatch.setattr(storage_db, "BUSY_TIMEOUT_MS", 100)
    db.engine.dispose()  # new connections take the short wait
    with db.transaction() as session:
        for n in range(2):
            add_posting(session, PostingFacts(title=f"Job {n}", description="Django fix"))
    page = window.go_to(JobsPage)
    page.reload()
    page.table.setFocus()
    page.table.selectRow(0)
    job_id = page.selected_ids()[0]
    assert db.path is not None
    other = sqlite3.connect(db.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        qtbot.keyClick(page.table, Qt.Key.Key_S)
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)  # the write runs off the GUI thread
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert [(kind, title) for kind, title, _ in shown] == [("warning", "Shortlist")]
    assert "locked by another program" in shown[0][2] and str(db.path) in shown[0][2]
    with db.read() as session:
        assert get_job(session, job_id).status == "new"
