"""Line icons from resources/icons, tinted to the palette so they read in both themes."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from app.paths import resources_dir


@cache
def _svg(name: str) -> str:
    return (resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")


def icon(name: str, color: QColor | str | None = None, size: int = 48) -> QIcon:
    """The named icon, its strokes drawn in ``color`` (the original colours when None)."""
    svg = _svg(name)
    if color is not None:
        svg = svg.replace('stroke="#000000"', f'stroke="{QColor(color).name()}"')
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return QIcon(pixmap)
