"""Line icons from resources/icons, tinted to the palette so they read in both themes.

Each drawn icon is kept as a PNG in the user's cache folder (``icons/`` in
``QStandardPaths.CacheLocation``), named by the icon, its size and a checksum of the
tinted SVG, so a changed SVG or colour draws anew. A start loads the window's 15 icons
from there instead of importing QtSvg and drawing them before its first paint (issue 16:
about 8 ms of a 60 ms margin); a missing or unreadable file is drawn from the SVG.
"""

from __future__ import annotations

import os
import zlib
from contextlib import suppress
from functools import cache
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QColor, QIcon, QPixmap

from app.paths import resources_dir

#: fully transparent (not ``Qt.GlobalColor.transparent``: PySide6 builds its Qt namespace,
#: 20-50 ms, on first use, and icons are drawn before the window's first paint)
_TRANSPARENT = QColor(0, 0, 0, 0)


@cache
def _svg(name: str) -> str:
    return (resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")


@cache
def cache_dir() -> Path | None:
    """Where drawn icons are kept; None when the platform names no cache folder."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(location) / "icons" if location else None


def icon(name: str, color: QColor | str | None = None, size: int = 48) -> QIcon:
    """The named icon, its strokes drawn in ``color`` (the original colours when None)."""
    return QIcon(pixmap(name, color, size))


def pixmap(name: str, color: QColor | str | None = None, size: int = 48) -> QPixmap:
    """The named icon as a ``size`` px pixmap: from the cache, else drawn (and kept)."""
    svg = _svg(name)
    if color is not None:
        # not QColor(a QColor): choosing that overload builds PySide6's Qt namespace
        # (20-50 ms), and the window's icons are drawn before its first paint (issue 16)
        hex_color = color.name() if isinstance(color, QColor) else QColor.fromString(color).name()
        svg = svg.replace('stroke="#000000"', f'stroke="{hex_color}"')
    data = svg.encode("utf-8")
    folder = cache_dir()
    cached = folder / f"{name}-{size}-{zlib.crc32(data):08x}.png" if folder else None
    if cached is not None:
        kept = QPixmap()
        if kept.load(str(cached)) and kept.width() == size and kept.height() == size:
            return kept
    drawn = draw(data, size)
    if cached is not None:
        keep(drawn, cached)
    return drawn


def draw(svg: bytes, size: int) -> QPixmap:
    """``svg`` drawn on a transparent ``size`` px square."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer  # only when an icon is not in the cache

    renderer = QSvgRenderer(QByteArray(svg))
    drawn = QPixmap(size, size)
    drawn.fill(_TRANSPARENT)
    painter = QPainter(drawn)
    renderer.render(painter)
    painter.end()
    return drawn


def keep(drawn: QPixmap, path: Path) -> bool:
    """Write ``drawn`` to ``path`` whole or not at all (a temporary file renamed into
    place); False when it cannot be written (the icon is drawn again next time)."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not drawn.save(str(partial), "PNG"):
            raise OSError(f"cannot write {partial}")
        os.replace(partial, path)
    except OSError:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        return False
    return True


def app_icon_png(size: int) -> bytes:
    """The application icon drawn at ``size`` x ``size`` pixels, as PNG bytes.

    One source image (``resources/icons/app.svg``) for every platform's icon files:
    the bundle's ``.ico`` / ``.icns`` (packaging/icons.py) and the hicolor PNGs of the
    Linux desktop entry (ui/desktop_entry.py). Drawn from the vector at each size,
    so the small sizes stay sharp.
    """
    # not needed before the window's first paint: PySide6 makes a class on first use
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

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
