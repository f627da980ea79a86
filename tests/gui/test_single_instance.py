"""A second start raises the open window and hands it the file to import."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui import single_instance
from ui.main import bring_forward, lock_database, open_for_gui
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]

CSV = "title,url,description\nPython API integration,https://www.upwork.com/jobs/~01aa,Connect our shop to a REST API\n"


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / var.lower())
    return env


def _wait_for(qtbot, process: subprocess.Popen[str]) -> tuple[int, str]:
    """Run this process's event loop (the server answers in it) until ``process`` ends."""
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=60_000)
    _out, err = process.communicate()
    return process.returncode, err


def test_names_differ_by_database_and_are_short() -> None:
    a, b = single_instance.server_name("/a/w.sqlite3"), single_instance.server_name("/b/w.sqlite3")
    assert a != b and a == single_instance.server_name("/a/w.sqlite3")
    assert len(a) < 40  # Unix socket paths are limited to about 100 bytes


def test_nobody_listening_is_no_hand_over(qapp) -> None:
    assert not single_instance.hand_over(single_instance.server_name("/nowhere/x.sqlite3"))


def test_a_message_from_another_process_reaches_the_server(qtbot, tmp_path: Path) -> None:
    name = single_instance.server_name(str(tmp_path / "w.sqlite3"))
    server = single_instance.InstanceServer(name)
    assert server.listen()
    target = tmp_path / "postings.csv"
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from ui.single_instance import hand_over\n"
        "app = QCoreApplication([])\n"
        "sys.exit(0 if hand_over(sys.argv[1], Path(sys.argv[2])) else 1)\n"
    )
    with qtbot.waitSignal(server.activated, timeout=30_000) as signal:
        process = subprocess.Popen(
            [sys.executable, "-c", probe, name, str(target)],
            cwd=ROOT,
            env=_env(tmp_path),
            stderr=subprocess.PIPE,
            text=True,
        )
    assert signal.args == [str(target.resolve())]
    code, err = _wait_for(qtbot, process)
    assert code == 0, err
    server.close()


def test_garbage_on_the_socket_is_ignored(qtbot, tmp_path: Path) -> None:
    name = single_instance.server_name(str(tmp_path / "g.sqlite3"))
    server = single_instance.InstanceServer(name)
    assert server.listen()
    probe = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from PySide6.QtNetwork import QLocalSocket\n"
        "app = QCoreApplication([])\n"
        "s = QLocalSocket(); s.connectToServer(sys.argv[1]); assert s.waitForConnected(3000)\n"
        "s.write(b'not json\\n'); s.flush(); s.waitForDisconnected(3000)\n"
    )
    emitted: list[str] = []
    server.activated.connect(emitted.append)
    process = subprocess.Popen(
        [sys.executable, "-c", probe, name], cwd=ROOT, env=_env(tmp_path), text=True
    )
    code, _err = _wait_for(qtbot, process)
    assert code == 0 and emitted == []
    server.close()


@pytest.mark.slow
@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking
def test_a_second_start_raises_the_window_and_opens_the_import(qtbot, ctx, tmp_path: Path) -> None:
    """The first app is this process (as ui.main sets it up); the second is a real start."""
    target = str(tmp_path / "w.sqlite3")
    lock = lock_database(target)  # as ui.main does: the lock before the database opens
    assert lock is not None
    db = open_for_gui(target)
    ctx.db = db
    window = MainWindow(ctx)
    qtbot.add_widget(window)
    server = single_instance.InstanceServer(
        single_instance.server_name(str(db.path.resolve()) if db.path else db.location), window
    )
    assert server.listen()
    server.activated.connect(lambda path: bring_forward(window, path))
    window.show()
    window.showMinimized()
    postings = tmp_path / "postings.csv"
    postings.write_text(CSV, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "ui", "--db", str(db.path), str(postings)],
        cwd=tmp_path,
        env=_env(tmp_path),
        stderr=subprocess.PIPE,
        text=True,
    )
    code, err = _wait_for(qtbot, process)
    try:
        assert code == 0, err  # handed over: no "already open" warning, no second window
        qtbot.waitUntil(lambda: hasattr(window, "import_dialog"), timeout=10_000)
        assert window.import_dialog.path == postings.resolve()
        assert not window.isMinimized()
        assert window.import_dialog.isVisible()  # the preview, for the user to confirm
    finally:
        server.close()
        lock.unlock()
        db.close()
