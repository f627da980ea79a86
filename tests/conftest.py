"""Test set-up: headless Qt, and no test touches the real user's folders."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Everything platformdirs / QSettings would write under $HOME goes to a scratch folder.
_SANDBOX = Path(tempfile.mkdtemp(prefix="pwb-tests-"))
for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[var] = str(_SANDBOX / var.lower())
os.environ.pop("PWB_DB", None)

from app.storage import Database, open_database  # noqa: E402

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "workbench.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(str(db_path))
    yield database
    database.close()


@pytest.fixture
def shared_postings() -> Path:
    """The real postings in ../shared/data (skipped where a clone has no shared/)."""
    path = SHARED_DATA / "upwork_search_jobs_2024-08.json"
    if not path.is_file():
        pytest.skip("../shared/data is not beside this checkout")
    return path
