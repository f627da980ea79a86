"""The Linux desktop entry: menu item, icons and AppStream data for this installation.

    proposal-workbench --install-desktop-entry [--prefix ~/.local]
    proposal-workbench --uninstall-desktop-entry [--prefix ~/.local]

Writes, under ``PREFIX/share`` (default ``~/.local/share``, where the desktop
looks for a user's own apps):

* ``applications/ID.desktop``: the menu entry; ``Exec`` names the program that ran
  the command (the bundle's executable, or the ``proposal-workbench`` of the
  virtual environment), so the menu starts this installation whatever ``PATH`` says;
* ``metainfo/ID.metainfo.xml``: what software centres show;
* ``icons/hicolor/NxN/apps/ID.png`` for the usual sizes, drawn from
  ``resources/icons/app.svg``, and ``icons/hicolor/scalable/apps/ID.svg``.

``ID`` is :data:`app.DESKTOP_ID`, which the app also gives Qt
(``QGuiApplication.setDesktopFileName``), so the window is matched with its entry
and icon. The source files in ``resources/desktop/`` pass ``desktop-file-validate``
and ``appstreamcli validate`` (tests/test_desktop_entry.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from app import DESKTOP_ID
from app.paths import is_frozen, resources_dir

HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
GUI_COMMAND = "proposal-workbench"


def desktop_source() -> Path:
    return resources_dir() / "desktop" / f"{DESKTOP_ID}.desktop"


def metainfo_source() -> Path:
    return resources_dir() / "desktop" / f"{DESKTOP_ID}.metainfo.xml"


def default_prefix() -> Path:
    data_home = os.environ.get("XDG_DATA_HOME", "").strip()
    return Path(data_home).parent if data_home else Path.home() / ".local"


def program() -> str:
    """The command that starts this installation of the app, as absolute as can be found."""
    if is_frozen():
        return str(Path(sys.executable).resolve())
    beside = Path(sys.executable).with_name(GUI_COMMAND)  # a virtual environment's script
    if beside.is_file():
        return str(beside)
    return shutil.which(GUI_COMMAND) or GUI_COMMAND


@dataclass(frozen=True)
class Installed:
    desktop_file: Path
    metainfo_file: Path
    icons: tuple[Path, ...]

    def files(self) -> tuple[Path, ...]:
        return (self.desktop_file, self.metainfo_file, *self.icons)


def _paths(prefix: Path) -> Installed:
    share = prefix / "share"
    hicolor = share / "icons" / "hicolor"
    icons = tuple(hicolor / f"{s}x{s}" / "apps" / f"{DESKTOP_ID}.png" for s in HICOLOR_SIZES)
    return Installed(
        desktop_file=share / "applications" / f"{DESKTOP_ID}.desktop",
        metainfo_file=share / "metainfo" / f"{DESKTOP_ID}.metainfo.xml",
        icons=(*icons, hicolor / "scalable" / "apps" / f"{DESKTOP_ID}.svg"),
    )


#: characters that make an Exec argument need quotes (Desktop Entry Specification, "Exec")
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def exec_argument(argument: str) -> str:
    """``argument`` as the Exec key wants it: double-quoted when needed, then string-escaped."""
    argument = argument.replace("%", "%%")
    if _RESERVED & set(argument):
        escaped = "".join(f"\\{c}" if c in '"`$\\' else c for c in argument)
        argument = f'"{escaped}"'
    return argument.replace("\\", "\\\\")  # a desktop file's string values escape backslashes


def desktop_entry_text(command: str) -> str:
    """The shipped entry with ``Exec``/``TryExec`` naming ``command``."""
    quoted = exec_argument(command)
    plain = command.replace("\\", "\\\\")  # TryExec is a plain string value
    lines = []
    for line in desktop_source().read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={quoted} %f"
        elif line.startswith("TryExec="):
            line = f"TryExec={plain}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def install(prefix: Path | None = None, command: str | None = None) -> Installed:
    """Write the entry, the AppStream file and the icons under ``prefix``; returns them."""
    from ui.icons import app_icon_png

    target = _paths(prefix or default_prefix())
    target.desktop_file.parent.mkdir(parents=True, exist_ok=True)
    target.desktop_file.write_text(desktop_entry_text(command or program()), encoding="utf-8")
    target.metainfo_file.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(metainfo_source(), target.metainfo_file)
    for size, path in zip(HICOLOR_SIZES, target.icons, strict=False):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(app_icon_png(size))
    scalable = target.icons[-1]
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(resources_dir() / "icons" / "app.svg", scalable)
    _refresh_caches(target)
    return target


def uninstall(prefix: Path | None = None) -> list[Path]:
    """Remove what :func:`install` wrote under ``prefix``; returns the files removed."""
    target = _paths(prefix or default_prefix())
    removed = [path for path in target.files() if path.is_file()]
    for path in removed:
        path.unlink()
    _refresh_caches(target)
    return removed


def _refresh_caches(target: Installed) -> None:
    """Tell the desktop (where its tools are installed; the entry works without them)."""
    hicolor = target.icons[0].parents[2]
    for command in (
        ["update-desktop-database", "-q", str(target.desktop_file.parent)],
        ["gtk-update-icon-cache", "-q", "-t", "-f", str(hicolor)],
    ):
        if shutil.which(command[0]):
            subprocess.run(command, check=False, capture_output=True, timeout=60)
