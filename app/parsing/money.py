"""Amounts as Upwork writes them: ``$200.00``, ``$10K+``, ``$1.2M``, ``$5.9K``."""

from __future__ import annotations

import re

MONEY = r"\$\s?\d[\d,]*(?:\.\d+)?\s?[KkMm]?\+?"
_MONEY = re.compile(r"\$?\s?(\d[\d,]*(?:\.\d+)?)\s?([KkMm]?)\+?")
_SCALE = {"": 1, "k": 1_000, "m": 1_000_000}


def parse_money(text: str | None) -> float | None:
    """``$10K+`` → 10000.0, ``$1.2M`` → 1200000.0, ``$1,250.50`` → 1250.5; else None."""
    if not text:
        return None
    match = _MONEY.search(text)
    if match is None:
        return None
    try:
        value = float(match.group(1).replace(",", ""))
    except ValueError:
        return None
    return round(value * _SCALE[match.group(2).lower()], 2)


def parse_int(text: str | None) -> int | None:
    """The first whole number in ``text`` (commas allowed), else None."""
    if not text:
        return None
    match = re.search(r"\d[\d,]*", text)
    if match is None:
        return None
    return int(match.group(0).replace(",", ""))
