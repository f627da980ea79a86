"""Line icons from resources/icons, tinted to the palette so they read in both themes."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from app.paths import resources_dir

#: fully transparent (not ``Qt.GlobalColor.transparent``: PySide6 builds its Qt namespace,
#: 20-50 ms, on first use, and icons are drawn before the window's first paint)
_TRANSPARENT = QColor(0, 0, 0, 0)


@cache
def _svg(name: str) -> str:
    return (resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")


def icon(name: str, color: QColor | str | None = None, size: int = 48) -> QIcon:
    """The named icon, its strokes drawn in ``color`` (the original colours when None)."""
    svg = _svg(name)
    if color is not None:
        # not QColor(a QColor): choosing that overload builds PySide6's Qt namespace
        # (20-50 ms), and the window's icons are drawn before its first paint (issue 16)
        name = color.name() if isinstance(color, QColor) else QColor.fromString(color).name()
        svg = svg.replace('stroke="#000000"', f'stroke="{name}"')
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    pixmap = QPixmap(size, size)
    pixmap.fill(_TRANSPARENT)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return QIcon(pixmap)


def app_icon_png(size: int) -> bytes:
    """The application icon drawn at ``size`` x ``size`` pixels, as PNG bytes.

    One source image (``resources/icons/app.svg``) for every platform's icon files:
    the bundle's ``.ico`` / ``.icns`` (packaging/icons.py) and the hicolor PNGs of the
    Linux desktop entry (ui/desktop_entry.py). Drawn from the vector at each size,
    so the small sizes stay sharp.
    """
    # not needed before the window's first paint: PySide6 makes a class on first use
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QImage

    renderer = QSvgRenderer(QByteArray(_svg("app").encode("utf-8")))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(_TRANSPARENT)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stubs say bytes
        raise OSError(f"cannot encode the {size}px application icon as PNG")
    return bytes(buffer.data().data())
