"""Issue 16 (i16i): icons are drawn from their SVGs once and kept as PNGs in the cache
folder; later starts load them (no QtSvg before the window's first paint)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from ui import icons


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "icons"
    monkeypatch.setattr(icons, "cache_dir", lambda: folder)
    return folder


def _pixels(image: QImage) -> list[tuple[int, int, int, int]]:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    return [
        (c.red(), c.green(), c.blue(), c.alpha())
        for c in (
            image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width())
        )
    ]


def test_an_icon_is_drawn_once_then_loaded_from_the_cache(
    qapp, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = icons.pixmap("jobs", "#1d1f23", 48)
    kept = list(cache.glob("jobs-48-*.png"))
    assert len(kept) == 1 and not list(cache.glob(".*partial"))

    def no_drawing(_svg: bytes, _size: int) -> None:
        raise AssertionError("drawn again")

    monkeypatch.setattr(icons, "draw", no_drawing)
    loaded = icons.pixmap("jobs", QColor("#1d1f23"), 48)  # the same colour, as a QColor
    assert (loaded.width(), loaded.height()) == (48, 48)
    # what the window shows from the cache is what the SVG drew (PNG keeps it whole, up
    # to the rounding of semi-transparent edge pixels)
    before, after = _pixels(drawn.toImage()), _pixels(loaded.toImage())
    pairs = zip(before, after, strict=True)
    assert max(abs(a - b) for p, q in pairs for a, b in zip(p, q, strict=True)) <= 2
    assert any(alpha for *_, alpha in after)  # not an empty square


def test_another_colour_or_size_is_drawn_anew(qapp, cache: Path) -> None:
    icons.pixmap("jobs", "#1d1f23", 48)
    white = icons.pixmap("jobs", "#ffffff", 48)
    small = icons.pixmap("jobs", "#ffffff", 20)
    assert len(list(cache.glob("jobs-48-*.png"))) == 2
    assert (small.width(), white.width()) == (20, 48)
    assert max(c.lightness() for c in _colors(white.toImage()) if c.alpha() == 255) == 255


def _colors(image: QImage) -> list[QColor]:
    return [image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width())]


def test_a_damaged_cache_file_is_drawn_again_and_replaced(qapp, cache: Path) -> None:
    icons.pixmap("paste", "#1d1f23", 48)
    (kept,) = cache.glob("paste-48-*.png")
    kept.write_bytes(b"\x89PNG\r\n\x1a\n cut short")
    again = icons.pixmap("paste", "#1d1f23", 48)
    assert again.width() == 48 and any(c.alpha() for c in _colors(again.toImage()))
    assert QImage(str(kept)).width() == 48  # written whole again


def test_a_cache_that_cannot_be_written_still_gives_the_icon(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setattr(icons, "cache_dir", lambda: blocked / "icons")
    shown = icons.icon("paste", "#1d1f23")
    assert not shown.isNull() and shown.pixmap(48, 48).width() == 48
    assert not icons.keep(shown.pixmap(48, 48), blocked / "icons" / "x.png")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_without_a_cache_folder_icons_are_drawn(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(icons, "cache_dir", lambda: None)
    assert icons.pixmap("app", size=64).width() == 64
