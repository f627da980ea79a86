from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app import paths


def test_source_tree_resources_are_found() -> None:
    assert (paths.resources_dir() / "style.qss").is_file()
    assert (paths.resources_dir() / "icons" / "app.svg").is_file()
    assert paths.templates_dir().is_dir()


def test_installed_data_package_without_init_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An installed wheel ships resources/ as the namespace package pwb_resources.
    (tmp_path / "pwb_fake_data" / "icons").mkdir(parents=True)
    (tmp_path / "pwb_fake_data" / "icons" / "x.svg").write_text("<svg/>")
    monkeypatch.syspath_prepend(str(tmp_path))
    found = paths._data_package_dir("no-such-folder-in-tree", "pwb_fake_data")
    assert (found / "icons" / "x.svg").read_text() == "<svg/>"
    sys.modules.pop("pwb_fake_data", None)


def test_database_target_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PWB_DB", "/tmp/env.db")
    assert paths.database_target("/tmp/arg.db") == "/tmp/arg.db"
    assert paths.database_target(None) == "/tmp/env.db"
    monkeypatch.delenv("PWB_DB")
    assert paths.database_target(None) == str(paths.default_database_path())
