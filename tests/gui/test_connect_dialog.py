"""File → Connect to team server…: the form, the keyring, and no password in the settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import QSettings, Qt
from sqlalchemy import func, select

from app.connection import KEYRING_SERVICE
from app.storage.models import JobPosting
from tests.test_connection import MemoryKeyring
from ui.dialogs.connect_dialog import SERVER_KEY, ConnectDialog, saved_server
from ui.main import database_target


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


def _fill(qtbot, dialog: ConnectDialog, password: str) -> None:
    qtbot.keyClicks(dialog.host_edit, "db.agency.example")
    dialog.port_spin.setValue(5433)
    qtbot.keyClicks(dialog.database_edit, "workbench")
    qtbot.keyClicks(dialog.user_edit, "ann")
    qtbot.keyClicks(dialog.password_edit, password)


def test_connect_keeps_the_server_and_puts_the_password_in_the_keyring(
    qtbot, window, ring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PWB_DB", raising=False)
    window.connect_action.trigger()
    dialog = window.connect_dialog
    qtbot.waitExposed(dialog)
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
    _fill(qtbot, dialog, "s3cret")
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    stored = str(QSettings().value(SERVER_KEY))
    assert stored == "postgresql+psycopg://ann@db.agency.example:5433/workbench"
    assert "s3cret" not in stored
    assert ring.kept == {(KEYRING_SERVICE, "ann@db.agency.example:5433/workbench"): "s3cret"}
    assert "db.agency.example:5433/workbench" in window.statusBar().currentMessage()
    # the open window tries it at once; no such server here: it keeps its database
    old = window.ctx.db
    qtbot.waitUntil(lambda: not window.reconnect_task.running, timeout=30_000)
    assert window.ctx.db is old
    assert window.statusBar().currentMessage().startswith(f"Still on {old.location}: ")
    # the next start opens it; the password joins the URL only when it is opened
    assert database_target(None) == stored
    again = ConnectDialog(saved_server())
    qtbot.add_widget(again)
    assert again.host_edit.text() == "db.agency.example"
    assert again.password_edit.placeholderText() == "kept in the keyring"
    QSettings().remove(SERVER_KEY)


def test_bad_fields_and_no_keyring_are_told_in_the_dialog(qtbot) -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        dialog = ConnectDialog()
        qtbot.add_widget(dialog)
        dialog.show()
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert dialog.problem_label.text().startswith("host '' is not a host name")
        _fill(qtbot, dialog, "s3cret")
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()  # nothing kept, the user is told what to do instead
        assert "no system keyring is available" in dialog.problem_label.text()
        assert "~/.pgpass" in dialog.problem_label.text()
        assert not dialog.remember_box.isChecked()
        assert QSettings().value(SERVER_KEY) is None
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)  # without keeping it
        assert not dialog.isVisible()
        assert "s3cret" not in str(QSettings().value(SERVER_KEY))
    finally:
        keyring.set_keyring(before)
        QSettings().remove(SERVER_KEY)


def _fill_server(qtbot, dialog: ConnectDialog, host: str, port: int, database: str, user: str):
    dialog.host_edit.clear()
    qtbot.keyClicks(dialog.host_edit, host)
    dialog.port_spin.setValue(port)
    dialog.database_edit.clear()
    qtbot.keyClicks(dialog.database_edit, database)
    dialog.user_edit.clear()
    qtbot.keyClicks(dialog.user_edit, user)


def _tested(qtbot, dialog: ConnectDialog) -> str:
    """Click Test connection; the one-line result once the worker reports back."""
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_task is None, timeout=15_000)
    assert dialog.test_button.isEnabled()
    text = dialog.test_label.text()
    assert "\n" not in text and dialog.test_label.isVisible()
    return text


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_test_connection_says_what_is_wrong_without_a_server(
    qtbot, ring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = ConnectDialog()
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)  # fields first
    assert dialog.test_label.text().startswith("host '' is not a host name")
    assert dialog.test_task is None
    _fill_server(qtbot, dialog, "127.0.0.1", _free_port(), "workbench", "ann")
    assert _tested(qtbot, dialog).startswith("host unreachable: 127.0.0.1:")
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "psycopg" else real(name, *a)
    )
    assert _tested(qtbot, dialog).startswith("the PostgreSQL driver is not installed: pip install")
    assert dialog.isVisible() and QSettings().value(SERVER_KEY) is None  # a test keeps nothing


def test_test_connection_against_the_server(qtbot, ring: MemoryKeyring, pg_url: str) -> None:
    """With ``$PWB_TEST_DB``: a migrated database is ok; a missing one, an empty one and
    an unknown user are told apart."""
    from sqlalchemy.engine import make_url

    from tests.conftest import _pg_admin

    url = make_url(pg_url)
    host, port = url.host or "127.0.0.1", url.port or 5432
    dialog = ConnectDialog()
    qtbot.add_widget(dialog)
    dialog.show()
    _fill_server(qtbot, dialog, host, port, str(url.database), str(url.username))
    if url.password:
        qtbot.keyClicks(dialog.password_edit, url.password)
    assert _tested(qtbot, dialog) == "Connection ok"
    _fill_server(qtbot, dialog, host, port, "pwb_no_such_database", str(url.username))
    assert (
        _tested(qtbot, dialog) == f"database 'pwb_no_such_database' does not exist on {host}:{port}"
    )
    empty = f"{url.database}_empty"
    with _pg_admin(pg_url) as admin:
        admin.execute(f'CREATE DATABASE "{empty}"')
    try:
        _fill_server(qtbot, dialog, host, port, empty, str(url.username))
        assert _tested(qtbot, dialog).startswith(
            f"database '{empty}' on {host}:{port} is not migrated"
        )
    finally:
        with _pg_admin(pg_url) as admin:
            admin.execute(f'DROP DATABASE "{empty}" WITH (FORCE)')
    _fill_server(qtbot, dialog, host, port, str(url.database), "pwb_nobody")
    assert _tested(qtbot, dialog).startswith("authentication failed for user 'pwb_nobody'")


def _reconnected(qtbot, window, target: str) -> str:
    task = window.reconnect(target)
    qtbot.waitUntil(lambda: not task.running, timeout=30_000)
    return window.statusBar().currentMessage()


def test_a_new_database_is_attached_to_the_open_window_without_a_restart(
    qtbot, window, migrated_copy, tmp_path: Path
) -> None:
    from app.storage import open_database

    old = window.ctx.db
    other = migrated_copy(tmp_path / "other.sqlite3")
    seeded = open_database(str(other))
    with seeded.transaction() as session:
        session.add(JobPosting(dedup_key="x", title="Only in the other database", description="d"))
    seeded.close()
    refreshed: list[str] = []
    window.ctx.jobs_changed.connect(lambda: refreshed.append("jobs"))
    message = _reconnected(qtbot, window, str(other))
    assert message == f"Connected to {other}"
    assert window.ctx.db is not old and window.ctx.db.path == other
    assert refreshed == ["jobs"]  # the pages reload from the new database
    with window.ctx.db.read() as session:
        titles = session.scalars(select(JobPosting.title)).all()
    assert titles == ["Only in the other database"]
    window.nav.setCurrentRow(0)  # the Jobs page shows the new database's posting
    page = window.current_page()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)


def test_a_server_that_cannot_be_opened_keeps_the_old_database(qtbot, window) -> None:
    old = window.ctx.db
    target = f"postgresql+psycopg://ann@127.0.0.1:{_free_port()}/workbench"
    message = _reconnected(qtbot, window, target)
    assert window.ctx.db is old
    assert message.startswith(f"Still on {old.location}: ") and "\n" not in message
    with old.read() as session:  # still open and working
        assert session.scalar(select(func.count()).select_from(JobPosting)) is not None


def test_reconnecting_to_the_server(qtbot, window, pg_url: str) -> None:
    """With ``$PWB_TEST_DB``: the window moves to a PostgreSQL database and works there."""
    message = _reconnected(qtbot, window, pg_url)
    assert window.ctx.db.dialect == "postgresql"
    assert message == f"Connected to {window.ctx.db.location}"
    with window.ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(JobPosting)) == 0
