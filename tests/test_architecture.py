"""The core knows no screen: importing every module of app/ never loads Qt."""

from __future__ import annotations

import ast
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


STORAGE_PROBE = """
import importlib, pkgutil, sys
import app.storage
for mod in pkgutil.walk_packages(app.storage.__path__, "app.storage."):
    if ".migrations.versions" in mod.name or mod.name.endswith((".env", "__main__")):
        continue
    importlib.import_module(mod.name)
print(" ".join(sorted(sys.modules)))
"""


def test_storage_never_imports_scoring_or_insights() -> None:
    """Every module of app/storage loads without scoring or insights (ruff bans the import
    in app/storage/ruff.toml; this also catches one through another package)."""
    result = subprocess.run(
        [sys.executable, "-c", STORAGE_PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    loaded = set(result.stdout.split())
    assert {"app.storage.db", "app.storage.scores", "app.storage.postings"} <= loaded
    assert not {m for m in loaded if m.startswith(("app.scoring", "app.insights"))}


def test_ruff_bans_scoring_and_insights_in_storage() -> None:
    """The per-directory ruff config of app/storage keeps the bans of app/ and adds its own."""
    import tomllib

    storage = tomllib.loads((ROOT / "app/storage/ruff.toml").read_text(encoding="utf-8"))
    ours = storage["lint"]["flake8-tidy-imports"]["banned-api"]
    root = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    theirs = root["tool"]["ruff"]["lint"]["flake8-tidy-imports"]["banned-api"]
    assert {"app.scoring", "app.insights"} <= set(ours)
    assert set(theirs) <= set(ours), "a ruff.toml's banned-api replaces the one of pyproject"


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


UI = ROOT / "ui"
CHANGE_SIGNALS = {"jobs_changed", "proposals_changed", "ledger_changed", "replies_changed"}
CHANGE_SIGNALS |= {"profiles_changed"}


def _ui_modules() -> dict[str, ast.Module]:
    modules = {}
    for path in sorted(UI.rglob("*.py")):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        modules[name] = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return modules


def _imported(tree: ast.Module, known: set[str]) -> set[str]:
    """The ui modules ``tree`` imports anywhere (inside functions too)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if candidate in known else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found & known


def test_ui_modules_import_no_cycle() -> None:
    """The old ``ui.capture`` <-> ``ui.pages.jobs`` cycle (and any other) stays broken."""
    modules = _ui_modules()
    graph = {name: _imported(tree, set(modules)) - {name} for name, tree in modules.items()}
    assert "ui.capture" not in graph["ui.pages.jobs"]
    assert not {m for m in graph["ui.capture"] if m.startswith("ui.pages")}
    state: dict[str, int] = {}

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for nxt in sorted(graph[name]):
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*path, name, nxt]))
            if nxt not in state:
                visit(nxt, [*path, name])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [])


def test_ui_writes_only_through_the_op_and_writes_no_sql() -> None:
    """One write path: ``ui.ops`` opens every transaction and announces every change;
    no widget names SQL (only the Session type an op hands to app/)."""
    problems = []
    for name, tree in _ui_modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
                names = {alias.name for alias in node.names}
                if node.module != "sqlalchemy.orm" or names != {"Session"}:
                    problems.append(f"{name}: imports {names} from {node.module}")
            if isinstance(node, ast.Import) and any(
                a.name.startswith("sqlalchemy") for a in node.names
            ):
                problems.append(f"{name}: imports sqlalchemy")
            if name == "ui.ops" or not isinstance(node, ast.Attribute):
                continue
            if node.attr == "transaction":
                problems.append(f"{name}:{node.lineno}: opens a transaction (use ui.ops)")
            signal = node.value.attr if isinstance(node.value, ast.Attribute) else None
            if node.attr == "emit" and signal in CHANGE_SIGNALS:
                problems.append(f"{name}:{node.lineno}: emits {signal} by hand")
    assert problems == []
