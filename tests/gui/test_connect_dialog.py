"""File → Connect to team server…: the form, the keyring, and no password in the settings."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import QSettings, Qt

from app.connection import KEYRING_SERVICE
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
