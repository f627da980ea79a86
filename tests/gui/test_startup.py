"""Starting the app: bad databases are a message, one window per database, crash path."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.errors import InputError
from ui import crash
from ui.main import lock_database, main, open_for_gui


def test_missing_folder_is_a_message_not_a_crash(qapp, monkeypatch, tmp_path: Path) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    assert main(["--db", str(tmp_path / "nope" / "x.db")]) == 2
    assert len(shown) == 1 and "does not exist" in shown[0]


def test_one_window_per_database(qapp, tmp_path: Path) -> None:
    db = open_for_gui(str(tmp_path / "w.sqlite3"))
    first = lock_database(db)
    assert first is not None
    try:
        assert lock_database(db) is None
    finally:
        first.unlock()
    again = lock_database(db)
    assert again is not None
    again.unlock()
    db.close()


def test_open_for_gui_makes_the_daily_backup(qapp, tmp_path: Path) -> None:
    db = open_for_gui(str(tmp_path / "w.sqlite3"))
    db.close()
    assert len(list((tmp_path / "backups").glob("auto-*.sqlite3"))) == 1


@pytest.mark.parametrize(
    ("exc", "kind", "needle"),
    [
        (InputError("row 3: no title"), "warning", "row 3: no title"),
        (KeyError("x"), "critical", "log"),
    ],
)
def test_errors_and_bugs_are_shown_differently(qapp, monkeypatch, exc, kind, needle) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(("warning", a[2])))
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(("critical", a[2])))
    crash.show_error(None, "Import", exc)
    assert shown[0][0] == kind and needle in shown[0][1]


def test_quit_after_first_paint_waits_for_the_paint(qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QMainWindow

    from ui import startup

    quits: list[bool] = []
    monkeypatch.setattr(startup.QCoreApplication, "quit", lambda: quits.append(True))
    window = QMainWindow()
    qtbot.add_widget(window)
    watcher = startup.quit_after_first_paint(window)
    qtbot.wait(50)
    assert not quits, "quit before the window was shown"
    window.show()
    qtbot.waitUntil(lambda: bool(quits), timeout=5000)
    assert watcher.painted  # type: ignore[attr-defined]
    window.update()  # later paints do not quit again
    qtbot.wait(50)
    assert quits == [True]


def test_the_app_exits_0_after_its_first_paint(tmp_path: Path) -> None:
    """``proposal-workbench --quit-after-first-paint``, as a benchmark or CI starts it."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / var.lower())
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ui",
            "--db",
            str(tmp_path / "w.sqlite3"),
            "--quit-after-first-paint",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,  # without the option the app would run until this
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "w.sqlite3").is_file()
