"""The core knows no screen: importing every module of app/ never loads Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import importlib, pkgutil, sys
import app
for mod in pkgutil.walk_packages(app.__path__, "app."):
    if ".migrations.versions" in mod.name or mod.name.endswith((".env", "__main__")):
        continue
    importlib.import_module(mod.name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in {"PySide6", "shiboken6", "ui"})
print(len([m for m in sys.modules if m.startswith("app")]))
assert not loaded, loaded
"""


def test_importing_all_of_app_never_loads_qt_or_ui() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) > 10, "the probe imported the app modules"


def loaded_after(statement: str) -> set[str]:
    """Top-level and ``app.*`` modules loaded by running ``statement`` in a fresh interpreter."""
    probe = f"{statement}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_the_fifo_replay_needs_no_database() -> None:
    loaded = loaded_after(
        "from app.ledger.lots import replay, EntryRow\n"
        "from datetime import datetime, UTC\n"
        "at = datetime(2026, 1, 1, tzinfo=UTC)\n"
        "assert replay([EntryRow(1, at, 'bonus', 5, None, None)], at).balance == 5"
    )
    assert "app.ledger.lots" in loaded
    assert not {m for m in loaded if m.split(".")[0] == "sqlalchemy"}
    assert not {m for m in loaded if m.startswith(("app.storage", "app.ledger.entries"))}


def test_storage_never_imports_scoring_or_insights() -> None:
    loaded = loaded_after("import app.storage, app.storage.models, app.storage.db")
    assert "app.storage.db" in loaded
    assert not {m for m in loaded if m.startswith(("app.scoring", "app.insights"))}


def test_every_name_of_the_ledger_package_loads() -> None:
    """The database half of ``app.ledger`` loads on first use: each name is the real thing."""
    from app import ledger
    from app.ledger import forecasting, views

    for name in ledger.__all__:
        assert getattr(ledger, name) is not None, name
    assert ledger.forecast is forecasting.forecast  # the function, not the module
    assert ledger.EntryView is views.EntryView
    missing = "no_such_name"
    with pytest.raises(AttributeError):
        getattr(ledger, missing)
