"""SQLite index hints: ``select(...).with_hint(Table, "INDEXED BY ix_name", "sqlite")``.

SQLAlchemy's SQLite compiler drops table hints; this makes it write the hint
after the table name, which is where SQLite expects ``INDEXED BY``. Other
dialects ignore hints given for ``"sqlite"``. Use it only where SQLite's
planner, without statistics, would pick a worse plan (a wide row instead of a
covering index): a named index that does not exist is an error.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects.sqlite.base import SQLiteCompiler


def _from_hint_text(self: SQLiteCompiler, table: Any, text: str | None) -> str | None:
    return text


SQLiteCompiler.get_from_hint_text = _from_hint_text  # type: ignore[method-assign, assignment]
