"""Connecting to a team server: the URL (no password unless one was given), the keyring,
and a machine without a keyring told so."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from app.cli.common import open_db
from app.connection import (
    KEYRING_SERVICE,
    KeyringUnavailableError,
    check_settings,
    server_url,
    settings_of,
    store_password,
    stored_password,
    with_stored_password,
)
from app.errors import InputError


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps passwords in a dict (keyring ships none; tests need no desktop)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.kept:
            from keyring.errors import PasswordDeleteError

            raise PasswordDeleteError(username)
        del self.kept[(service, username)]


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


SERVER = check_settings("db.agency.example", "5433", "workbench", "ann")


def test_a_url_without_a_password_has_none_so_libpq_reads_pgpass() -> None:
    url = server_url(SERVER)
    assert url.password is None
    assert url.render_as_string(hide_password=False) == (
        "postgresql+psycopg://ann@db.agency.example:5433/workbench"
    )
    assert server_url(SERVER, "s3cret").password == "s3cret"
    assert settings_of(url) == SERVER
    assert settings_of("sqlite:////tmp/x.sqlite3") is None


@pytest.mark.parametrize(
    ("host", "port", "database", "user", "problem"),
    [
        ("", "5432", "w", "ann", "host '' is not a host name"),
        ("db", "fifty", "w", "ann", "port 'fifty' is not a number"),
        ("db", "70000", "w", "ann", "port 70000 is not between 1 and 65535"),
        ("db", "5432", "my db", "ann", "database 'my db' is not a database name"),
        ("db", "5432", "w", "a@b", "user 'a@b' is not a user name"),
    ],
)
def test_bad_settings_name_the_field(host, port, database, user, problem) -> None:
    with pytest.raises(InputError, match=problem):
        check_settings(host, port, database, user)


def test_the_password_lives_in_the_keyring(memory_keyring: MemoryKeyring) -> None:
    assert stored_password(SERVER) is None
    store_password(SERVER, "s3cret")
    assert memory_keyring.kept == {
        (KEYRING_SERVICE, "ann@db.agency.example:5433/workbench"): "s3cret"
    }
    assert stored_password(SERVER) == "s3cret"
    plain = server_url(SERVER).render_as_string(hide_password=False)
    assert with_stored_password(plain) == (
        "postgresql+psycopg://ann:s3cret@db.agency.example:5433/workbench"
    )
    given = "postgresql+psycopg://ann:other@db.agency.example:5433/workbench"
    assert with_stored_password(given) == given  # a password the user gave wins
    assert with_stored_password("/tmp/w.sqlite3") == "/tmp/w.sqlite3"
    store_password(SERVER, "")
    assert memory_keyring.kept == {}
    store_password(SERVER, "")  # nothing to forget is fine


def test_no_keyring_backend_is_a_clear_message_and_nothing_is_stored(no_keyring) -> None:
    with pytest.raises(KeyringUnavailableError, match="no system keyring is available") as told:
        store_password(SERVER, "s3cret")
    assert "~/.pgpass" in str(told.value)
    assert stored_password(SERVER) is None  # reading just finds none
    plain = server_url(SERVER).render_as_string(hide_password=False)
    assert with_stored_password(plain) == plain


def test_the_cli_opens_a_server_url_with_the_keyrings_password(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argparse

    import app.cli.common as common

    opened: list[str] = []

    def fake_open(target: str):  # the server is not there: record what would be opened
        opened.append(target)
        raise InputError("stop")

    monkeypatch.setattr(common, "open_database", fake_open)
    store_password(SERVER, "s3cret")
    args = argparse.Namespace(db="postgresql+psycopg://ann@db.agency.example:5433/workbench")
    with pytest.raises(InputError, match="stop"):
        open_db(args)
    assert opened == ["postgresql+psycopg://ann:s3cret@db.agency.example:5433/workbench"]
