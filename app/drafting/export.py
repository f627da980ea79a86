"""Saving a finished proposal as a .txt or .md file."""

from __future__ import annotations

from pathlib import Path

from app.errors import InputError

EXPORT_SUFFIXES = (".txt", ".md")


def export_proposal(path: Path, text: str) -> Path:
    """Write ``text`` (UTF-8, one final newline); a path without a known suffix gets .txt."""
    if path.suffix.lower() not in EXPORT_SUFFIXES:
        path = path.with_name(path.name + ".txt")
    body = text.rstrip("\n") + "\n"
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_text(body, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path
