"""The bundle's icon files, all drawn from ``resources/icons/app.svg``.

Qt draws the vector at each size (ui.icons.app_icon_png); Pillow packs the
sizes into Windows' ``.ico`` and macOS' ``.icns`` (it writes both on any
platform, so every build checks all three).
"""

from __future__ import annotations

import io
import os
from pathlib import Path

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)
PNG_SIZE = 512


def _qt_app() -> object:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([])


def write_icons(outdir: Path) -> dict[str, Path]:
    """Write ``app.png``, ``app.ico`` and ``app.icns`` into ``outdir``; returns them by suffix."""
    from PIL import Image

    from ui.icons import app_icon_png

    _qt_app()
    outdir.mkdir(parents=True, exist_ok=True)
    drawn = {size: Image.open(io.BytesIO(app_icon_png(size))) for size in {*ICO_SIZES, *ICNS_SIZES}}
    written = {"png": outdir / "app.png", "ico": outdir / "app.ico", "icns": outdir / "app.icns"}
    drawn[PNG_SIZE].save(written["png"])
    largest_ico = drawn[max(ICO_SIZES)]
    largest_ico.save(
        written["ico"],
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[drawn[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    drawn[max(ICNS_SIZES)].save(
        written["icns"],
        format="ICNS",
        append_images=[drawn[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)],
    )
    return written
