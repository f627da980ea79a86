"""The app bundle: what goes in (packaging/bundle.py), and how the code runs frozen.

Building the bundle takes minutes and is not part of the suite (``python
packaging/build.py --smoke`` builds and starts it; CI's bundles workflow runs it
on each platform). These tests check the decisions it is built from, and the
frozen code paths, in a plain interpreter.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from app.cli import COMMAND_MODULES
from app.cli.insights import CHART_MODULE

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bundle = _load("bundle")


def test_every_cli_command_module_and_the_chart_renderer_are_hidden_imports() -> None:
    hidden = bundle.hidden_imports()
    assert set(COMMAND_MODULES) <= set(hidden) and CHART_MODULE in hidden
    # each one exists (a renamed module would fail the build late); the optional packages'
    # modules are listed from their files (finding pynput's imports pynput: a display)
    for name in bundle.HIDDEN_IMPORTS:
        assert importlib.util.find_spec(name) is not None, name


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6QmlModels.so.6",
        "libQt6VirtualKeyboard.so.6",  # PyInstaller's link at the top of the bundle
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt6Quick.dll",
        "PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/opengl32sw.dll",
        "PySide6/Qt/translations/qtbase_de.qm",
        "pycountry/locales/de/LC_MESSAGES/iso3166-1.mo",
        "spellchecker/resources/de.json.gz",
        "spellchecker\\resources\\fr.json.gz",  # Windows separators
    ],
)
def test_unused_qt_and_data_stay_out(dest: str) -> None:
    assert not bundle.keep(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Charts.so.6",
        "PySide6/Qt/lib/libQt6OpenGLWidgets.so.6",  # Qt Charts links to it
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "pycountry/databases/iso3166-1.json",
        "spellchecker/resources/en.json.gz",
        "pwb_resources/icons/app.svg",
        "app/storage/migrations/versions/0001_initial_schema.py",
    ],
)
def test_what_the_app_uses_stays_in(dest: str) -> None:
    assert bundle.keep(dest)


def test_libraries_only_left_out_plugins_needed_go_with_them(tmp_path: Path) -> None:
    """GTK's theme plugin goes, and GTK with it; GLib stays, Qt's xcb plugin needs it too."""
    files = {
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so": ["libgtk-3.so.0", "libglib-2.0.so.0"],
        "libgtk-3.so.0": ["libpango-1.0.so.0", "libglib-2.0.so.0"],
        "libpango-1.0.so.0": ["libglib-2.0.so.0"],
        "PySide6/Qt/plugins/platforms/libqxcb.so": ["libglib-2.0.so.0", "libxcb-cursor.so.0"],
        "libglib-2.0.so.0": [],
        "libxcb-cursor.so.0": [],
        "libsqlite3.so.0": [],  # linked by nothing collected: a root, dlopen'd or an extension's
    }
    sources = {dest: tmp_path / dest.replace("/", "_") for dest in files}
    for source in sources.values():
        source.write_bytes(b"\x7fELF")
    links = {str(sources[dest]): [str(sources[d]) for d in deps] for dest, deps in files.items()}
    entries = [(dest, str(source), "BINARY") for dest, source in sources.items()]
    kept = {entry[0] for entry in bundle.prune_binaries(entries, lambda s: links[s])}
    assert kept == {
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "libglib-2.0.so.0",
        "libxcb-cursor.so.0",
        "libsqlite3.so.0",
    }


def test_version_resource_numbers() -> None:
    assert bundle.version_tuple()[:3] == tuple(int(n) for n in bundle.version().split(".")[:3])
    assert len(bundle.version_tuple()) == 4


def test_icon_files_from_the_one_svg(qapp, tmp_path: Path) -> None:
    image = pytest.importorskip("PIL.Image", reason="Pillow comes with the bundle extra")
    icons = _load("icons")
    written = icons.write_icons(tmp_path)
    with image.open(written["ico"]) as ico:
        assert set(ico.info["sizes"]) == {(s, s) for s in icons.ICO_SIZES}
    with image.open(written["icns"]) as icns:
        assert icns.size[0] >= 512  # Pillow opens the largest
    with image.open(written["png"]) as png:
        assert png.size == (icons.PNG_SIZE, icons.PNG_SIZE)
        assert png.getpixel((icons.PNG_SIZE // 2, icons.PNG_SIZE // 8))[3] == 255  # drawn


def test_frozen_data_folders_are_looked_up_in_the_bundle(monkeypatch, tmp_path: Path) -> None:
    from app import paths

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    with pytest.raises(FileNotFoundError, match="the bundle has no resources/"):
        paths.resources_dir()
    (tmp_path / "pwb_resources").mkdir()
    (tmp_path / "pwb_templates").mkdir()
    assert paths.resources_dir() == tmp_path / "pwb_resources"
    assert paths.templates_dir() == tmp_path / "pwb_templates"


#: ``pwb chart`` as the bundle runs it: frozen, with the data beside it, and no child process
FROZEN_CHART = """
import subprocess, sys
sys.frozen = True
sys._MEIPASS = sys.argv.pop(1)

def no_child(*args, **kwargs):
    raise AssertionError(f"a child process was started: {args[0]!r}")

subprocess.run = subprocess.Popen = no_child
from app.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.slow
def test_frozen_pwb_chart_draws_in_process(tmp_path: Path, migrated_copy) -> None:
    meipass = tmp_path / "bundle"
    meipass.mkdir()
    (meipass / "pwb_resources").symlink_to(ROOT / "resources", target_is_directory=True)
    (meipass / "pwb_templates").symlink_to(ROOT / "templates", target_is_directory=True)
    db = migrated_copy(tmp_path / "demo.sqlite3")
    out = tmp_path / "funnel.png"
    common = [sys.executable, "-c", FROZEN_CHART, str(meipass), "--db", str(db)]
    demo = subprocess.run([*common, "demo", "--jobs", "80", "--proposals", "60"], cwd=tmp_path)
    assert demo.returncode == 0
    done = subprocess.run(
        [*common, "chart", "funnel", "--out", str(out)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_pynput_goes_in_with_its_backend_when_installed(monkeypatch) -> None:
    """The ``hotkeys`` extra: pynput chooses its backend with importlib (PyInstaller cannot
    see it), and importing pynput to list its modules needs a display, so they are listed
    from its files, for the platform built on; without pynput, nothing is added."""
    import importlib.machinery

    found = importlib.util.find_spec("pynput")
    if found is not None:
        linux = bundle.optional_imports("linux")
        assert {"pynput.keyboard._xorg", "pynput.mouse._xorg", "pynput._util.xorg"} <= set(linux)
        assert not [name for name in linux if "win32" in name or "darwin" in name]
        windows = bundle.optional_imports("win32")
        assert "pynput.keyboard._win32" in windows and "pynput._util.win32_vks" in windows
        assert not [name for name in windows if "xorg" in name or "uinput" in name]
        assert set(linux) <= set(bundle.hidden_imports()) or sys.platform != "linux"
    real = importlib.util.find_spec

    def without_pynput(name: str, *args: object) -> importlib.machinery.ModuleSpec | None:
        return None if name == "pynput" else real(name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib.util, "find_spec", without_pynput)
    assert bundle.optional_imports() == []
    assert bundle.hidden_imports() == list(bundle.HIDDEN_IMPORTS)
