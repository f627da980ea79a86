"""Connecting to a team's PostgreSQL server: host, port, database, user; the password in
the system keyring, never in a file or a URL on disk.

:func:`server_url` builds the SQLAlchemy URL. Without a password none goes in
the URL, so libpq falls back to ``~/.pgpass`` (or ``PGPASSWORD``) by itself.
:func:`store_password` / :func:`stored_password` use the ``keyring`` library
(Secret Service / KWallet on Linux, Keychain on macOS, Credential Locker on
Windows). A machine without a keyring backend gets a clear
:class:`KeyringUnavailableError`, and the password is not stored anywhere.
"""

from __future__ import annotations

import contextlib
import logging
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import URL, make_url

from app.errors import InputError, WorkbenchError

log = logging.getLogger("pwb.connection")

DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
#: the keyring's service name; the account is ``user@host:port/database``
KEYRING_SERVICE = "Proposal Workbench"
_HOST_RE = re.compile(r"^[A-Za-z0-9_.:\-\[\]%]+$")
_NAME_RE = re.compile(r"^[^\s/@:?#]+$")


class KeyringUnavailableError(WorkbenchError):
    """No usable system keyring: the password was not saved (use ~/.pgpass)."""


@dataclass(frozen=True)
class ServerSettings:
    """Where a team's database is (no password: that lives in the keyring)."""

    host: str
    database: str
    user: str
    port: int = DEFAULT_PORT

    @property
    def account(self) -> str:
        """The keyring account this server's password is stored under."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def to_dict(self) -> dict[str, Any]:
        return {"host": self.host, "port": self.port, "database": self.database, "user": self.user}


def check_settings(host: str, port: str | int, database: str, user: str) -> ServerSettings:
    """The settings a form gave, or a one-line error naming the field that is wrong."""
    host, database, user = host.strip(), database.strip(), user.strip()
    if not host or not _HOST_RE.match(host):
        raise InputError(f"host {host!r} is not a host name or address (e.g. db.example.com)")
    try:
        number = int(str(port).strip())
    except ValueError:
        raise InputError(f"port {port!r} is not a number (PostgreSQL uses 5432)") from None
    if not 1 <= number <= 65535:
        raise InputError(f"port {number} is not between 1 and 65535")
    if not database or not _NAME_RE.match(database):
        raise InputError(f"database {database!r} is not a database name (e.g. workbench)")
    if not user or not _NAME_RE.match(user):
        raise InputError(f"user {user!r} is not a user name")
    return ServerSettings(host=host, port=number, database=database, user=user)


def server_url(settings: ServerSettings, password: str | None = None) -> URL:
    """The URL to open; without ``password`` none is put in it (libpq reads ~/.pgpass)."""
    return URL.create(
        DRIVER,
        username=settings.user,
        password=password or None,
        host=settings.host,
        port=settings.port,
        database=settings.database,
    )


def settings_of(url: URL | str) -> ServerSettings | None:
    """The server settings of a PostgreSQL URL; None for SQLite or an incomplete URL."""
    url = make_url(url) if isinstance(url, str) else url
    if url.get_backend_name() != "postgresql" or not (url.host and url.database and url.username):
        return None
    return ServerSettings(
        host=url.host, port=url.port or DEFAULT_PORT, database=url.database, user=url.username
    )


def _keyring() -> Any:
    import keyring
    import keyring.errors

    return keyring


def _unavailable(exc: BaseException) -> KeyringUnavailableError:
    return KeyringUnavailableError(
        f"no system keyring is available ({exc}); the password was not saved: put it in "
        "~/.pgpass (host:port:database:user:password, mode 600) instead"
    )


def store_password(settings: ServerSettings, password: str) -> None:
    """Keep ``password`` in the system keyring (an empty one removes what was kept)."""
    keyring = _keyring()
    try:
        if password:
            keyring.set_password(KEYRING_SERVICE, settings.account, password)
        else:
            with contextlib.suppress(keyring.errors.PasswordDeleteError):  # nothing was kept
                keyring.delete_password(KEYRING_SERVICE, settings.account)
    except keyring.errors.KeyringError as exc:  # NoKeyringError and backend failures
        raise _unavailable(exc) from None


def stored_password(settings: ServerSettings) -> str | None:
    """The password kept for this server; None when none is (or there is no keyring)."""
    keyring = _keyring()
    try:
        found = keyring.get_password(KEYRING_SERVICE, settings.account)
    except keyring.errors.KeyringError as exc:
        log.info("no password from the keyring for %s: %s", settings.account, exc)
        return None
    return str(found) if found else None


def without_password(target: str) -> str:
    """``target`` as it may be shown: a server URL with its password masked."""
    if "://" not in target:
        return target
    try:
        return make_url(target).render_as_string(hide_password=True)
    except Exception:
        return "the server"  # unreadable: say nothing of what was typed


def with_stored_password(target: str) -> str:
    """``target`` with the keyring's password for it, when it is a server URL that has none.

    A URL that names a password, a plain path, and a server with nothing kept
    come back unchanged (libpq then reads ~/.pgpass).
    """
    if "://" not in target:
        return target
    try:
        url = make_url(target)
    except Exception:
        return target  # open_database says what is wrong with it
    settings = settings_of(url)
    if settings is None or url.password:
        return target
    password = stored_password(settings)
    if password is None:
        return target
    return url.set(password=password).render_as_string(hide_password=False)


#: seconds a connection test waits for the server before calling it unreachable
TEST_TIMEOUT_S = 5


def check_connection(url: URL | str) -> str:
    """Try a server: ``"ok"``, or one line saying what is wrong (for the dialog's
    *Test connection*): the driver missing, authentication, the host unreachable, the
    database missing, or a database that is not migrated to this version's schema.

    Runs a few round trips with a short timeout; call it off the GUI thread.
    """
    import importlib.util

    from sqlalchemy import create_engine
    from sqlalchemy.exc import DBAPIError

    from app.storage import migrations

    url = make_url(url) if isinstance(url, str) else url
    where = f"{url.host or 'localhost'}:{url.port or DEFAULT_PORT}"
    if importlib.util.find_spec("psycopg") is None:
        return (
            "the PostgreSQL driver is not installed: "
            'pip install "proposal-workbench[postgresql]" (psycopg[binary])'
        )
    engine = create_engine(url, connect_args={"connect_timeout": TEST_TIMEOUT_S}, poolclass=None)
    try:
        with engine.connect() as conn:
            revision = migrations.current_revision(conn)
    except DBAPIError as exc:
        return _connection_problem(exc, where, url)
    finally:
        engine.dispose()
    head = migrations.head_revision()
    if revision is None:
        return (
            f"database {url.database!r} on {where} is not migrated (no Proposal Workbench "
            f"schema): pwb --db URL init"
        )
    if revision != head:
        if not migrations.is_known(revision):
            return f"database {url.database!r} is at schema {revision}, newer than this version"
        return (
            f"database {url.database!r} is not migrated: schema {revision}, this version needs "
            f"{head} (connecting upgrades it)"
        )
    return "ok"


def _connection_problem(exc: Any, where: str, url: URL) -> str:
    code = getattr(exc.orig, "sqlstate", None)
    text = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else type(exc).__name__
    lowered = str(exc.orig).lower()
    auth_words = ("password", "authentication", 'role "')
    if code in ("28P01", "28000") or any(word in lowered for word in auth_words):
        return f"authentication failed for user {url.username!r} on {where}: {text}"
    if code == "3D000" or ("database" in lowered and "does not exist" in lowered):
        return f"database {url.database!r} does not exist on {where}"
    reachability = (
        "refused",
        "resolve host",
        "could not translate",
        "timeout",
        "timed out",
        "route",
    )
    if any(word in lowered for word in reachability):
        return f"host unreachable: {where} ({text})"
    return f"cannot connect to {where}: {text}"
