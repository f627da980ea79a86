"""Light and dark themes: Fusion with a palette, plus a small stylesheet.

"system" follows the platform's colour scheme (Qt 6.5+); "light" and "dark"
force one, which the screenshot tool uses to render both.
"""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from app.paths import resources_dir

THEMES = ("system", "light", "dark")
#: the Qt style every theme is drawn with, and the application property saying it is set
FUSION = "Fusion"
STYLE_PROPERTY = "pwb_style"

# Colours shared by custom widgets (badges, highlights); readable on both themes.
ACCENT = "#2f6fdb"
VERDICT_COLORS = {"apply": "#1f9d55", "maybe": "#c98a04", "skip": "#c0392b"}
SEVERITY_COLORS = {"info": "#2f6fdb", "warning": "#c98a04", "critical": "#c0392b"}


def is_dark(app: QApplication | None = None) -> bool:
    current = app or QApplication.instance()
    assert current is not None
    return bool(current.property("pwb_dark"))


#: whether the platform's colour scheme was dark when it was last asked (for the next start)
SCHEME_KEY = "ui/system_dark"


def system_prefers_dark(*, remembered: bool = False) -> bool:
    """Whether the platform's colour scheme is dark (remembered for the next start).

    ``remembered``: what it was last time, without asking, when it is known. Asking gives a
    ``Qt.ColorScheme``, and PySide6 builds its whole Qt namespace (20-50 ms) the first time
    one is used; the start paints its window with the remembered scheme and checks the
    real one right after (:func:`follow_system_scheme`), issue 16."""
    if remembered:
        known = QSettings().value(SCHEME_KEY)
        if known is not None:
            return known in (True, "true")
    dark = QGuiApplication.styleHints().colorScheme() == QtCore.Qt.ColorScheme.Dark
    QSettings().setValue(SCHEME_KEY, dark)
    return dark


def follow_system_scheme(app: QApplication, theme: str) -> bool:
    """After a start themed by the remembered scheme: with ``theme`` "system", apply the
    real one if it changed since (True then)."""
    if theme != "system":
        return False
    dark = system_prefers_dark()
    if dark == bool(app.property("pwb_dark")):
        return False
    apply_theme(app, theme)
    return True


def _dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d31"), QColor("#e6e6e6")
    disabled = QColor("#7a7d85")
    for role, color in {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#26282c"),
        QPalette.ColorRole.ToolTipBase: QColor("#3a3d43"),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: disabled,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor("#33363b"),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#ff6b6b"),
        QPalette.ColorRole.Highlight: QColor(ACCENT),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor("#6ea8ff"),
        QPalette.ColorRole.Mid: QColor("#44474d"),
        QPalette.ColorRole.Midlight: QColor("#3a3d43"),
        QPalette.ColorRole.Dark: QColor("#151618"),
        QPalette.ColorRole.Shadow: QColor("#000000"),
    }.items():
        p.setColor(role, color)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def _light_palette() -> QPalette:
    p = QPalette()
    for role, color in {
        QPalette.ColorRole.Window: QColor("#f4f5f7"),
        QPalette.ColorRole.WindowText: QColor("#1d1f23"),
        QPalette.ColorRole.Base: QColor("#ffffff"),
        QPalette.ColorRole.AlternateBase: QColor("#f7f8fa"),
        QPalette.ColorRole.Text: QColor("#1d1f23"),
        QPalette.ColorRole.Button: QColor("#ffffff"),
        QPalette.ColorRole.ButtonText: QColor("#1d1f23"),
        QPalette.ColorRole.Highlight: QColor(ACCENT),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.PlaceholderText: QColor("#8a8f98"),
        QPalette.ColorRole.Link: QColor("#1f5bc4"),
        QPalette.ColorRole.Mid: QColor("#d0d3d9"),
        QPalette.ColorRole.Midlight: QColor("#e3e5e9"),
    }.items():
        p.setColor(role, color)
    return p


def apply_theme(app: QApplication, theme: str = "system", *, remembered: bool = False) -> bool:
    """Apply ``theme``; returns True when the result is dark. ``remembered``: for "system",
    the scheme seen last time when known (see :func:`system_prefers_dark`)."""
    if theme not in THEMES:
        theme = "system"
    dark = theme == "dark" or (theme == "system" and system_prefers_dark(remembered=remembered))
    if app.property(STYLE_PROPERTY) != FUSION:  # (ui.main.create_application chose it)
        app.setStyle(FUSION)
        app.setProperty(STYLE_PROPERTY, FUSION)
    app.setPalette(_dark_palette() if dark else _light_palette())
    app.setProperty("pwb_dark", dark)
    qss = (resources_dir() / "style.qss").read_text(encoding="utf-8")
    app.setStyleSheet(qss)
    return dark
