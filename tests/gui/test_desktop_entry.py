"""The Linux desktop entry: valid files, installed with icons and the right command."""

from __future__ import annotations

import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from app import APP_NAME, DESKTOP_ID, __version__
from ui import desktop_entry
from ui.main import create_application, main

ROOT = Path(__file__).resolve().parents[2]


def _validator(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (apt-get install desktop-file-utils appstream)")
    return found


def test_the_shipped_desktop_file_validates() -> None:
    tool = _validator("desktop-file-validate")
    done = subprocess.run(
        [tool, str(desktop_entry.desktop_source())], capture_output=True, text=True
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_the_appstream_metainfo_validates() -> None:
    tool = _validator("appstreamcli")
    done = subprocess.run(
        [tool, "validate", "--no-net", str(desktop_entry.metainfo_source())],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_metainfo_agrees_with_the_app() -> None:
    root = ET.parse(desktop_entry.metainfo_source()).getroot()
    assert root.findtext("id") == DESKTOP_ID
    assert root.findtext("name") == APP_NAME
    assert root.findtext("launchable") == f"{DESKTOP_ID}.desktop"
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == __version__
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert root.findtext("project_license") == project["license"]
    assert (
        (ROOT / project["license-files"][0])
        .read_text(encoding="utf-8")
        .startswith(f"{project['license']} License")
    )
    entry = desktop_entry.desktop_source().read_text(encoding="utf-8")
    assert f"Icon={DESKTOP_ID}\n" in entry and f"Name={APP_NAME}\n" in entry


@pytest.mark.parametrize(
    ("argument", "written"),
    [
        ("/opt/pwb/proposal-workbench", "/opt/pwb/proposal-workbench"),
        ("/home/ann/My Apps/proposal-workbench", '"/home/ann/My Apps/proposal-workbench"'),
        ("/opt/100%/pw", "/opt/100%%/pw"),
        ('/opt/a"b$c/pw', '"/opt/a\\\\"b\\\\$c/pw"'),
    ],
)
def test_exec_arguments_are_quoted_as_the_specification_says(argument: str, written: str) -> None:
    assert desktop_entry.exec_argument(argument) == written


def test_install_writes_entry_metainfo_and_icons_then_uninstall_removes_them(
    qapp, tmp_path: Path
) -> None:
    command = str(tmp_path / "My Apps" / "proposal-workbench")
    installed = desktop_entry.install(tmp_path, command=command)
    share = tmp_path / "share"
    assert installed.desktop_file == share / "applications" / f"{DESKTOP_ID}.desktop"
    entry = installed.desktop_file.read_text(encoding="utf-8")
    assert f'Exec="{command}" %f\n' in entry and f"TryExec={command}\n" in entry
    assert installed.metainfo_file.read_bytes() == desktop_entry.metainfo_source().read_bytes()
    for size in desktop_entry.HICOLOR_SIZES:
        png = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{DESKTOP_ID}.png"
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 8).alpha() == 255  # the icon, not blank
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg").is_file()
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(
            ["desktop-file-validate", str(installed.desktop_file)], capture_output=True, text=True
        )
        assert done.returncode == 0 and not done.stdout.strip(), done.stdout
    removed = desktop_entry.uninstall(tmp_path)
    assert set(removed) == set(installed.files())
    assert not any(path.exists() for path in installed.files())


def test_the_command_line_installs_for_this_program(qapp, tmp_path: Path, capsys) -> None:
    assert main(["--install-desktop-entry", "--prefix", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    desktop_file = tmp_path / "share" / "applications" / f"{DESKTOP_ID}.desktop"
    assert str(desktop_file) in out
    exec_line = next(
        line for line in desktop_file.read_text().splitlines() if line.startswith("Exec=")
    )
    assert desktop_entry.program() in exec_line.replace("\\\\", "\\")
    assert main(["--uninstall-desktop-entry", "--prefix", str(tmp_path)]) == 0
    assert "removed" in capsys.readouterr().out and not desktop_file.exists()


def test_the_window_names_its_desktop_entry(qapp) -> None:
    app = create_application()
    assert app.desktopFileName() == DESKTOP_ID
