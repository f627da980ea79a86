"""Where things live: the user's data folder, logs, shipped resources."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

from app import APP_ID

DB_ENV_VAR = "PWB_DB"
DB_FILENAME = "workbench.sqlite3"

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def is_frozen() -> bool:
    """Whether this runs from a PyInstaller bundle rather than a Python installation."""
    return bool(getattr(sys, "frozen", False))


def data_dir() -> Path:
    """The per-user data folder (created on demand by the caller)."""
    import platformdirs  # 10 ms: loaded when a default path is asked for, not at import

    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_ID, appauthor=False))


def default_database_path() -> Path:
    return data_dir() / DB_FILENAME


def database_target(explicit: str | None = None) -> str:
    """The database the user asked for: ``--db``, then ``$PWB_DB``, then the default."""
    if explicit:
        return explicit
    env = os.environ.get(DB_ENV_VAR, "").strip()
    if env:
        return env
    return str(default_database_path())


def _data_package_dir(folder: str, package: str) -> Path:
    """A shipped data folder: the source tree's copy, the bundle's, else the installed package."""
    if is_frozen():  # a PyInstaller bundle keeps it under the data package's name
        bundled = Path(getattr(sys, "_MEIPASS", "")) / package
        if not bundled.is_dir():
            raise FileNotFoundError(f"the bundle has no {folder}/ (expected {bundled})")
        return bundled
    in_tree = _SOURCE_ROOT / folder
    if (_SOURCE_ROOT / "pyproject.toml").is_file() and in_tree.is_dir():
        return in_tree
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"the installed app has no {folder}/ (package {package})")
    # a data-only package has no __init__.py: a namespace package, so ask its location
    return Path(next(iter(spec.submodule_search_locations)))


def resources_dir() -> Path:
    """``resources/``: rule sets, stylesheet, icons, skill synonyms."""
    return _data_package_dir("resources", "pwb_resources")


def templates_dir() -> Path:
    """``templates/``: the starter saved replies."""
    return _data_package_dir("templates", "pwb_templates")


def lock_file(path: Path) -> Path:
    """The file the desktop app holds while it has the database at ``path`` open (a QLockFile)."""
    return path.with_name(path.name + ".lock")
