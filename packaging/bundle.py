"""What goes into the PyInstaller bundle, and what stays out.

The spec (``proposal-workbench.spec``) builds from these facts, the build script
(``build.py``) reports with them, and ``tests/test_packaging.py`` checks them
without running PyInstaller. Everything here is plain Python: no PyInstaller,
no Qt.

What is left out was measured on the Linux bundle (docs/performance.md,
"Bundle"): Qt Quick/QML and the virtual keyboard (pulled in by one input-method
plugin), Qt PDF (by one image-format plugin), the embedded-Linux platforms,
pycountry's 21 MB of translations (the app uses the ISO names only) and the
spelling dictionaries of eleven languages nobody drafts in yet.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the spec and build.py run from anywhere
    sys.path.insert(0, str(ROOT))

from app import APP_NAME, DESKTOP_ID  # noqa: E402
from app.cli import COMMAND_MODULES  # noqa: E402  (one source of truth: the CLI's own list)
from app.cli.insights import CHART_MODULE  # noqa: E402

BUNDLE_NAME = "proposal-workbench"  # dist/proposal-workbench/
GUI_EXE = "proposal-workbench"
CLI_EXE = "pwb"
MAC_APP = f"{APP_NAME}.app"
BUNDLE_IDENTIFIER = DESKTOP_ID
ICON_SOURCE = ROOT / "resources" / "icons" / "app.svg"

#: modules loaded with importlib, which PyInstaller's import scan cannot see
HIDDEN_IMPORTS = (
    *COMMAND_MODULES,  # app.cli.build_parser() imports each by name
    CHART_MODULE,  # `pwb chart` calls it in-process when frozen
)
#: packages whose every submodule is collected: they load parts of themselves lazily
#: (app.ledger's PEP 562 __getattr__, for one); migrations are data, see DATA_TREES
COLLECT_SUBMODULES = ("app", "ui")
SUBMODULES_SKIPPED = ("app.storage.migrations.versions", "app.storage.migrations.env")

#: (source, folder inside the bundle); app/paths.py looks for them there when frozen
DATA_TREES = (
    (ROOT / "resources", "pwb_resources"),
    (ROOT / "templates", "pwb_templates"),
    # Alembic reads env.py, the .mako template and the revisions as files
    (ROOT / "app" / "storage" / "migrations", "app/storage/migrations"),
)
#: installed packages whose data files are collected (no PyInstaller hook does it); then
#: :func:`keep` leaves out what the app does not use
DATA_PACKAGES = ("spellchecker",)
#: installed distributions whose metadata the bundle needs (app.__version__ reads ours)
METADATA = ("proposal-workbench",)

#: Python packages never bundled: build- or test-time only, or unused optional imports
#: (mako's pygments plugin would bring Pillow and numpy)
EXCLUDED_MODULES = (
    "tkinter",
    "PIL",
    "numpy",
    "pygments",
    "IPython",
    "pytest",
    "PyInstaller",
    *(
        f"PySide6.{name}"
        for name in (
            "QtQml",
            "QtQuick",
            "QtQuick3D",
            "QtQuickControls2",
            "QtQuickWidgets",
            "QtWebEngineCore",
            "QtWebEngineWidgets",
            "QtWebEngineQuick",
            "QtWebChannel",
            "QtWebSockets",
            "Qt3DCore",
            "Qt3DRender",
            "Qt3DInput",
            "Qt3DLogic",
            "Qt3DAnimation",
            "Qt3DExtras",
            "QtMultimedia",
            "QtMultimediaWidgets",
            "QtSpatialAudio",
            "QtTextToSpeech",
            "QtPdf",
            "QtPdfWidgets",
            "QtDataVisualization",
            "QtGraphs",
            "QtGraphsWidgets",
            "QtLocation",
            "QtPositioning",
            "QtBluetooth",
            "QtNfc",
            "QtSensors",
            "QtSerialPort",
            "QtSerialBus",
            "QtDesigner",
            "QtUiTools",
            "QtHelp",
            "QtSql",
            "QtTest",
            "QtRemoteObjects",
            "QtScxml",
            "QtStateMachine",
            "QtHttpServer",
            # Python bindings only (10 MB): libQt6Charts links the OpenGL libraries, which
            # stay; the app never imports these modules (Qt's D-Bus library stays too)
            "QtOpenGL",
            "QtOpenGLWidgets",
            "QtDBus",
        )
    ),
)

#: Qt libraries dropped with the plugins that pulled them in (Linux/Windows names:
#: libQt6Quick.so.6, Qt6Quick.dll; macOS frameworks: QtQuick.framework)
_QT_LIBRARIES = re.compile(
    r"(^|/)(lib)?Qt6?(Quick|Qml|VirtualKeyboard|Pdf|EglFS|EglFs)[A-Za-z]*"
    r"(\.framework/|\.so|\.dll|\.dylib|$)"
)
#: plugin folders nothing in the app uses: embedded-Linux input, network state, TLS
_PLUGIN_FOLDERS = {"egldeviceintegrations", "generic", "networkinformation", "tls"}
#: single plugins, by name without "lib" and suffix
_PLUGINS = {
    # input method: the virtual keyboard needs Qt Quick (the others stay)
    "qtvirtualkeyboardplugin",
    # image formats the app never reads (PDF pulls in Qt PDF)
    "qpdf",
    "qtiff",
    "qwebp",
    "qtga",
    "qwbmp",
    # embedded-Linux and remote platforms (desktop ones: xcb, wayland, windows, cocoa; and
    # offscreen for headless runs)
    "qeglfs",
    "qlinuxfb",
    "qminimal",
    "qminimalegl",
    "qvnc",
    "qvkkhrdisplay",
    # GTK 3 platform theme: the app draws with Fusion and its own palettes, and the plugin
    # would bring the GTK stack (GTK, GDK, Pango, Cairo, ATK) into the bundle
    "qgtk3",
}
#: Windows' software OpenGL (20 MB): the widgets and charts draw with the raster engine
_QT_FILES = {"opengl32sw.dll"}

#: pyspellchecker's dictionaries: English only, the language of the lints
SPELLING_LANGUAGES = ("en",)


def _plugin_name(filename: str) -> str:
    stem = filename.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep(dest: str) -> bool:
    """Whether a file at ``dest`` (its path inside the bundle) is shipped."""
    path = PurePosixPath(dest.replace("\\", "/"))
    parts = path.parts
    if path.name in _QT_FILES or _QT_LIBRARIES.search(path.as_posix()):
        return False  # also the links to them at the top of the bundle
    if parts and parts[0] == "PySide6":
        if "translations" in parts:
            return False  # Qt's own .qm files: no translator is installed yet
        if "plugins" in parts:
            below = parts[parts.index("plugins") + 1 :]
            if below and below[0] in _PLUGIN_FOLDERS:
                return False
            if len(below) > 1 and _plugin_name(path.name) in _PLUGINS:
                return False
    if parts[:2] == ("pycountry", "locales"):
        return False  # gettext translations of the names; the ISO data stays
    if parts[:2] == ("spellchecker", "resources") and path.name.endswith(".json.gz"):
        return path.name.split(".")[0] in SPELLING_LANGUAGES
    return not (parts and parts[0] in {"pillow.libs", "PIL", "numpy", "numpy.libs"})


def keep_entries(entries: list) -> list:
    """A PyInstaller TOC (``(dest, source, kind)`` tuples) without the files left out."""
    return [entry for entry in entries if keep(entry[0])]


def prune_binaries(entries: list, imports_of: Callable[[str], Iterable[str]]) -> list:
    """The binaries :func:`keep` ships, less the libraries only left-out files linked to.

    PyInstaller collects each plugin's libraries along with it, so leaving out the
    GTK theme plugin leaves GTK, Pango and Cairo behind unless they go too. A
    library stays while something that stays links to it; one nothing links to is
    a root (a Python extension, a Qt plugin, the Python library) and stays.
    ``imports_of(source)`` gives the resolved paths a binary links to (PyInstaller's
    ``bindepend.get_imports`` in the spec; a dictionary in the tests).
    """
    real = {entry[0]: os.path.realpath(entry[1]) for entry in entries if entry[2] != "SYMLINK"}
    by_source = {source: dest for dest, source in real.items()}
    importers: dict[str, set[str]] = {dest: set() for dest in real}
    for dest, source in real.items():
        for imported in imports_of(source):
            target = by_source.get(os.path.realpath(imported))
            if target is not None and target != dest:
                importers[target].add(dest)
    dropped = {dest for dest in real if not keep(dest)}
    changed = True
    while changed:
        changed = False
        for dest, users in importers.items():
            if dest not in dropped and users and users <= dropped:
                dropped.add(dest)
                changed = True
    kept = []
    for entry in entries:
        dest, source, kind = entry[0], entry[1], entry[2]
        if kind == "SYMLINK":
            target = PurePosixPath(dest).parent / source  # a link's source is its target
            if not keep(dest) or os.path.normpath(target) in dropped:
                continue
        elif dest in dropped:
            continue
        kept.append(entry)
    return kept


#: extras the bundle carries when they are installed where it is built; the app works
#: without them (ui.global_keys says in one line that the system-wide keys are unavailable)
OPTIONAL_PACKAGES = ("pynput",)
#: backends of an optional package that belong to other platforms (pynput picks its
#: backend by platform with importlib, so PyInstaller's import scan cannot see it)
_OTHER_PLATFORMS = {
    "linux": ("win32", "darwin"),
    "win32": ("xorg", "uinput", "darwin"),
    "darwin": ("xorg", "uinput", "win32"),
}


def optional_imports(platform: str = sys.platform) -> list[str]:
    """Every module of the installed :data:`OPTIONAL_PACKAGES` for ``platform``, found by
    their files: importing pynput needs a display (PyInstaller's own hook imports it, so
    on a build machine without one it would collect nothing). Empty when none is installed."""
    import importlib.util

    key = "linux" if platform.startswith("linux") else platform
    skipped = _OTHER_PLATFORMS.get(key, ())
    found: list[str] = []
    for package in OPTIONAL_PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in spec.submodule_search_locations:
            base = Path(folder)
            for file in sorted(base.rglob("*.py")):
                parts = [package, *file.relative_to(base).with_suffix("").parts]
                if parts[-1] == "__init__":
                    parts.pop()
                # pynput._util.win32_vks, pynput.keyboard._darwin, ...
                if any(part.lstrip("_").split("_")[0] in skipped for part in parts):
                    continue
                found.append(".".join(parts))
    return found


def hidden_imports() -> list[str]:
    return [*HIDDEN_IMPORTS, *optional_imports()]


def version() -> str:
    from app import __version__

    return __version__


def version_tuple() -> tuple[int, int, int, int]:
    """``0.1.0`` -> (0, 1, 0, 0), for the Windows version resource."""
    numbers = [*(int(n) for n in re.findall(r"\d+", version())[:4]), 0, 0, 0, 0]
    return numbers[0], numbers[1], numbers[2], numbers[3]
