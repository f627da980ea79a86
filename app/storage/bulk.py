"""Helpers for bulk work (imports, rescoring) that creates many short-lived objects."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection passes during bulk work: its objects live to the end,
    so collecting midway is wasted time (the collector runs again afterwards)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def follow_explicit_ids(session: Session, tables: Iterable[Any]) -> None:
    """After rows inserted with their own ids, new rows get ids past the highest.

    SQLite picks ``max(rowid) + 1`` by itself; PostgreSQL draws ids from a
    sequence that explicit ids do not advance, so it is moved past them here.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in tables:
        if "id" not in table.columns:
            continue
        name = table.name
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"coalesce((SELECT max(id) FROM {name}), 0) + 1, false)"
            )
        )
