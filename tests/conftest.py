"""Test set-up: headless Qt, and no test touches the real user's folders."""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

#: a real X display for the tests marked ``xvfb`` (.ci/run sets it to an Xvfb with a tray host);
#: every other run is offscreen
XVFB_ENV = "PWB_TEST_XDISPLAY"
if os.environ.get(XVFB_ENV):
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ["DISPLAY"] = os.environ[XVFB_ENV]
else:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Everything platformdirs / QSettings would write under $HOME goes to a scratch folder.
_SANDBOX = Path(tempfile.mkdtemp(prefix="pwb-tests-"))
for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[var] = str(_SANDBOX / var.lower())
os.environ.pop("PWB_DB", None)
#: a PostgreSQL server URL (``postgresql+psycopg://user@127.0.0.1:PORT/postgres``): the ``db``,
#: ``pg_url`` and ``any_db`` fixtures make a fresh database on it for each test (.ci/run sets it)
PG_ENV = "PWB_TEST_DB"

from app import clock  # noqa: E402
from app.storage import Database, open_database  # noqa: E402


def _shared_data() -> Path:
    """``shared/data`` beside the checkout (or beside a worktree's parent folder)."""
    for folder in Path(__file__).resolve().parents[1:4]:
        if (folder / "shared" / "data").is_dir():
            return folder / "shared" / "data"
    return Path(__file__).resolve().parents[2] / "shared" / "data"


SHARED_DATA = _shared_data()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--clock",
        metavar="ISO",
        default=os.environ.get(clock.ENV_VAR) or None,
        help="run every test as if it started at this UTC moment (the app's clock runs on "
        f"from there; child processes get it through ${clock.ENV_VAR}). Default: ${clock.ENV_VAR}",
    )


def pytest_configure(config: pytest.Config) -> None:
    text = config.getoption("--clock")
    if text:
        try:
            clock.parse_iso(text)
        except ValueError:
            raise pytest.UsageError(f"--clock {text!r} is not an ISO 8601 moment") from None


def pytest_report_header(config: pytest.Config) -> str | None:
    text = config.getoption("--clock")
    return f"clock: every test starts at {clock.parse_iso(text).isoformat()}" if text else None


@pytest.fixture(autouse=True)
def _clock_from_option(request: pytest.FixtureRequest) -> Iterator[None]:
    """With ``--clock``, each test starts at that moment; without it, at the real time."""
    text = request.config.getoption("--clock")
    if not text:
        yield
        clock.set_now(None)
        return
    moment = clock.parse_iso(text)
    mp = pytest.MonkeyPatch()
    mp.setenv(clock.ENV_VAR, moment.isoformat())
    clock.set_now(moment, tick=True)
    yield
    clock.set_now(None)
    mp.undo()


@pytest.fixture
def set_clock() -> Iterator[object]:
    """``set_clock(moment, tick=False)`` sets the app's clock for this test (and its children)."""
    mp = pytest.MonkeyPatch()

    def set_(moment: datetime, *, tick: bool = False) -> None:
        moment = clock.as_utc(moment)
        clock.set_now(moment, tick=tick)
        mp.setenv(clock.ENV_VAR, moment.isoformat())

    yield set_
    mp.undo()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SQLite file opened (so migrated to head) by ``open_database``, once a session.

    Running every Alembic migration for every test was most of the suite's set-up
    time; tests get byte copies of this file instead (:func:`migrated_copy`).
    """
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    database = open_database(str(path))
    with database.engine.connect() as conn:
        # everything into the main file, so that a copy of it is the whole database
        busy, _log, _done = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
    database.close()
    wal = path.with_name(path.name + "-wal")
    assert busy == 0 and (not wal.exists() or wal.stat().st_size == 0), "template not checkpointed"
    return path


@pytest.fixture
def migrated_copy(migrated_template: Path, tmp_path: Path) -> Callable[..., Path]:
    """``migrated_copy(dest=None)``: a fresh database at head, as a file at ``dest`` (or a new
    file in ``tmp_path``). Tests of creating or upgrading a database make their own."""
    names = itertools.count()

    def copy(dest: Path | None = None) -> Path:
        target = dest if dest is not None else tmp_path / f"db-{next(names)}.sqlite3"
        shutil.copyfile(migrated_template, target)
        return target

    return copy


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "workbench.sqlite3"


def _pg_admin(server: str) -> Any:
    """An autocommit psycopg connection to the server's maintenance database."""
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(server).set(drivername="postgresql")
    return psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The PostgreSQL server of ``$PWB_TEST_DB``; tests that need one skip without it."""
    server = os.environ.get(PG_ENV)
    if not server:
        pytest.skip(f"no PostgreSQL server configured (set ${PG_ENV}; .ci/run does)")
    try:
        import psycopg  # noqa: F401
    except ModuleNotFoundError:
        pytest.skip('${PG_ENV} is set but psycopg is missing: pip install ".[postgresql]"')
    return server


@pytest.fixture(scope="session")
def pg_template(pg_server: str) -> Iterator[str]:
    """A database on the server migrated to head once a session, copied for each test."""
    name = f"pwb_template_{os.getpid()}"
    with _pg_admin(pg_server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    from sqlalchemy.engine import make_url

    database = open_database(make_url(pg_server).set(database=name).render_as_string(False))
    database.close()
    yield name
    with _pg_admin(pg_server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


_PG_NAMES = itertools.count()


@pytest.fixture
def pg_url(pg_server: str, pg_template: str) -> Iterator[str]:
    """The URL of a fresh PostgreSQL database at head (a copy of the template), dropped after."""
    from sqlalchemy.engine import make_url

    name = f"pwb_test_{os.getpid()}_{next(_PG_NAMES)}"
    with _pg_admin(pg_server) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
    yield make_url(pg_server).set(database=name).render_as_string(hide_password=False)
    with _pg_admin(pg_server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def any_target(request: pytest.FixtureRequest, migrated_copy: Callable[..., Path]) -> str:
    """What ``--db`` takes for a fresh database at head: an SQLite file, then a PostgreSQL URL
    (skipped without ``$PWB_TEST_DB``). Tests using it run once on each dialect."""
    if request.param == "sqlite":
        return str(migrated_copy())
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def any_db(any_target: str) -> Iterator[Database]:
    """:func:`any_target`, opened: the same test on SQLite and on PostgreSQL."""
    database = open_database(any_target)
    yield database
    database.close()


@pytest.fixture
def db(
    request: pytest.FixtureRequest, db_path: Path, migrated_copy: Callable[..., Path]
) -> Iterator[Database]:
    """An empty database at head: an SQLite file at ``db_path`` (opened with migrations on,
    which find nothing to do), or with ``$PWB_TEST_DB`` a fresh PostgreSQL database, unless
    the test is marked ``sqlite_only``."""
    if os.environ.get(PG_ENV) and request.node.get_closest_marker("sqlite_only") is None:
        database = open_database(request.getfixturevalue("pg_url"))
    else:
        database = open_database(str(migrated_copy(db_path)))
    yield database
    database.close()


@pytest.fixture
def shared_postings() -> Path:
    """The real postings in ../shared/data (skipped where a clone has no shared/)."""
    path = SHARED_DATA / "upwork_search_jobs_2024-08.json"
    if not path.is_file():
        pytest.skip("../shared/data is not beside this checkout")
    return path
