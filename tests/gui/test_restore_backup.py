"""File → Restore backup…: the list of backups with dates and sizes, and a restore that the
open window shows at once."""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox

from app import ledger
from app.archive import export_all
from app.backup import backup_now, list_backups
from app.domain import PostingFacts
from app.storage import open_database
from app.storage.jobs import add_posting
from ui import localized
from ui.dialogs.restore_dialog import RestoreDialog
from ui.main_window import MainWindow
from ui.pages.jobs import JobsPage


def test_restoring_a_backup_from_the_file_menu_shows_its_data(
    qtbot, window: MainWindow, db, monkeypatch
) -> None:
    with db.transaction() as session:
        add_posting(session, PostingFacts(title="Kept in the backup", description="Django"))
        ledger.post_entry(session, "bonus", 12)
    backup = backup_now(db)
    assert db.path is not None
    with db.transaction() as session:
        add_posting(session, PostingFacts(title="Added after it", description="Flask"))
        ledger.post_entry(session, "bonus", 30)
    page = window.go_to(JobsPage)
    page.reload()
    assert page.model.rowCount() == 2
    window.refresh_balance()
    assert window.balance_label.text() == "Connects: 42"
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    assert "&Restore backup…" in [a.text() for a in file_menu.actions()]

    seen: dict[str, list[str]] = {}
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        item = dialog.list.topLevelItem(0)
        assert item is not None
        seen["row"] = [item.text(c) for c in range(3)]
        dialog.restore_button.click()

    QTimer.singleShot(0, choose)
    window.restore_action.trigger()
    made, size, name = seen["row"]
    listed = next(b for b in list_backups(db.path) if b.path == backup)
    assert name == backup.name and made == localized.moment(listed.made_at) and "KB" in size
    page = window.go_to(JobsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert window.balance_label.text() == "Connects: 12"
    assert "Restored" in window.statusBar().currentMessage()
    with db.read() as session:
        assert ledger.balance(session) == 12
    assert any(b.path.name.startswith("before-restore-") for b in list_backups(db.path))


def test_export_and_import_everything_from_the_file_menu(
    qtbot, window: MainWindow, db, tmp_path: Path, monkeypatch
) -> None:
    source = open_database(str(tmp_path / "other.sqlite3"))
    with source.transaction() as session:
        add_posting(session, PostingFacts(title="From the other computer", description="Vue"))
        ledger.post_entry(session, "bonus", 25)
    archive = tmp_path / "everything.zip"
    export_all(source, archive)
    source.close()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(archive), "ZIP archives (*.zip)")
    )
    window.import_all_action.trigger()
    page = window.go_to(JobsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert window.balance_label.text() == "Connects: 25"
    assert "Imported" in window.statusBar().currentMessage()

    again = tmp_path / "again.zip"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(again), "ZIP archives (*.zip)")
    )
    window.export_action.trigger()
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=10_000)
    with zipfile.ZipFile(archive) as a, zipfile.ZipFile(again) as b:
        assert a.read("data/job_posting.json") == b.read("data/job_posting.json")

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    window.import_all_action.trigger()  # the database holds data now: refused, unchanged
    assert shown and "not empty" in shown[0]
    with db.read() as session:
        assert ledger.balance(session) == 25
