"""Issue 16: what the window's first paint waits for. PySide6 builds its whole ``Qt``
namespace (every enum in it, 20-50 ms) the first time anything touches it; a bare window
never does, so the app does not either before its first paint."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QSettings

from ui.theme import SCHEME_KEY, apply_theme, follow_system_scheme, is_dark

PROBE = textwrap.dedent(
    """
    import sys
    from PySide6 import QtCore
    import ui.startup

    def mark(stage):
        if stage == "first-paint":
            print("qt-namespace-built", "Qt" in QtCore.__dict__, flush=True)

    ui.startup.mark = mark
    import ui.main
    sys.exit(ui.main.main(["--db", sys.argv[1], "--quit-after-first-paint"]))
    """
)


def _first_paint(tmp_path: Path) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / var.lower())
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "w.sqlite3")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_first_paint_does_not_build_the_qt_namespace(tmp_path: Path) -> None:
    # the very first start asks the platform for its colour scheme (a Qt.ColorScheme), and
    # remembers the answer; every later start paints with the remembered one
    assert _first_paint(tmp_path) in ("qt-namespace-built True", "qt-namespace-built False")
    assert _first_paint(tmp_path) == "qt-namespace-built False"


def test_a_changed_system_scheme_is_followed_after_the_paint(qapp) -> None:
    """The window paints with the scheme seen last time; right after, the real one wins."""
    settings = QSettings()
    try:
        settings.setValue(SCHEME_KEY, True)  # dark last time; offscreen Qt says it is not
        assert apply_theme(qapp, "system", remembered=True) is True and is_dark(qapp)
        assert follow_system_scheme(qapp, "system") is True
        assert not is_dark(qapp) and settings.value(SCHEME_KEY) in (False, "false")
        assert follow_system_scheme(qapp, "system") is False  # nothing changed now
        settings.setValue(SCHEME_KEY, True)
        apply_theme(qapp, "light", remembered=True)
        assert follow_system_scheme(qapp, "light") is False and not is_dark(qapp)
    finally:
        settings.remove(SCHEME_KEY)
        apply_theme(qapp, "light")


LATE_PROBE = textwrap.dedent(
    """
    import sys
    from PySide6 import QtCore, QtGui, QtWidgets
    import ui.startup

    def mark(stage):
        if stage == "first-paint":
            made = [name for module in (QtCore, QtGui, QtWidgets) for name in (
                "QStyle", "QMessageBox", "QFileDialog", "QDialog", "QUrl", "QDesktopServices",
                "QBuffer", "QImage", "QSvgRenderer") if name in module.__dict__]
            print("made", *made, flush=True)
            print("svg", "PySide6.QtSvg" in sys.modules, flush=True)
            print("plain", "ui.plain" in sys.modules, "app.plaintext" in sys.modules, flush=True)
            app = QtWidgets.QApplication.instance()
            app.setStyleSheet("")  # the style under the sheet's
            print("style", app.style().name(), flush=True)

    ui.startup.mark = mark
    import ui.main
    sys.exit(ui.main.main(["--db", sys.argv[1], "--quit-after-first-paint"]))
    """
)


def test_what_only_runs_after_the_paint_is_not_made_before_it(tmp_path: Path) -> None:
    """Issue 16 (i16i): PySide6 makes each Qt class the first time it is used (0.3-3 ms
    with its enums); the start does not make the dialogs' and the style's before its
    first paint, nor import QtSvg once its icons are in the cache (the second start), nor
    the plain-text escaping that only error messages need."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / var.lower())

    def start() -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", LATE_PROBE, str(tmp_path / "w.sqlite3")],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.splitlines()

    first = start()  # draws the icons from their SVGs, and keeps them
    assert "svg True" in first
    assert list((tmp_path / "xdg_cache_home").rglob("icons/paste-*.png"))
    again = start()
    assert again == ["made", "svg False", "plain False False", "style fusion"], again


def test_a_style_given_on_the_command_line_is_not_doubled_and_fusion_still_wins(
    tmp_path: Path,
) -> None:
    """``-style`` from the user: create_application adds no ``-style`` of its own (nor
    marks the style as set), so apply_theme sets Fusion as it always did."""
    probe = textwrap.dedent(
        """
        import sys
        from ui.main import create_application
        from ui.theme import STYLE_PROPERTY, apply_theme
        app = create_application(sys.argv[1:])
        print("marked", app.property(STYLE_PROPERTY), flush=True)
        apply_theme(app, "light")
        app.setStyleSheet("")
        print("style", app.style().name(), flush=True)
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / var.lower())
    for given, marked in ((["-style", "Windows"], "None"), ([], "Fusion")):
        done = subprocess.run(
            [sys.executable, "-c", probe, *given],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines() == [f"marked {marked}", "style fusion"], given
