"""Helpers every subcommand shares: opening the database, printing JSON, reading input."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from app import clock, paths
from app.connection import with_stored_password
from app.errors import InputError
from app.storage import Database, open_database

MAX_INPUT_BYTES = 20 * 1024 * 1024


def open_db(args: argparse.Namespace, *, create_folder: bool = False) -> Database:
    """The database named by ``--db`` / ``$PWB_DB`` / the default, migrated to head.

    Only the default location gets its folder created: a folder the user named
    that does not exist is an error, not something to invent.
    """
    explicit = getattr(args, "db", None)
    target = paths.database_target(explicit)
    if explicit is None and target == str(paths.default_database_path()):
        paths.data_dir().mkdir(parents=True, exist_ok=True)
    elif create_folder and "://" not in target:
        Path(target).expanduser().parent.mkdir(parents=True, exist_ok=True)
    db = open_database(with_stored_password(target))
    db.member = acting_member_name(args)
    if db.member is not None:
        from app.storage.members import get_member

        try:
            with db.read() as session:
                get_member(session, db.member)
        except BaseException:
            db.close()
            raise
    return db


def acting_member_name(args: argparse.Namespace) -> str | None:
    """Who the command acts as: ``pwb --member NAME``, else ``$PWB_MEMBER``, else the owner."""
    name = getattr(args, "acting_member", None) or os.environ.get("PWB_MEMBER", "").strip()
    return name or None


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False, default=_default)
    sys.stdout.write("\n")


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def read_text_input(source: str | None) -> str:
    """Text from a file path, or from stdin for ``-`` / no argument; one-line errors."""
    if source in (None, "-"):
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        where = "standard input"
    else:
        path = Path(source)
        if not path.is_file():
            raise InputError(f"no such file: {source}")
        try:
            data = path.read_bytes()[: MAX_INPUT_BYTES + 1]
        except OSError as exc:
            raise InputError(f"cannot read {source}: {exc.strerror}") from None
        where = source
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{where} is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")
    if b"\x00" in data:
        raise InputError(f"{where} is binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def parse_at(value: str | None) -> datetime:
    """``--at ISO``: a moment in history; naive times are taken as UTC. Default: now."""
    if value is None:
        return clock.now()
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise InputError(f"--at {value!r} is not an ISO 8601 date or time") from None
    return clock.as_utc(moment)
