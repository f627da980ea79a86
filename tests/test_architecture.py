"""The core knows no screen: importing every module of app/ never loads Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
