"""Everything a user owns in one file, and back: ``pwb export`` / ``pwb import-all``.

The archive is a ZIP holding ``manifest.json`` (format, version, schema
revision, row counts), ``data/TABLE.json`` per table (every column of every
row, lossless: times as ISO 8601 UTC, lists and objects as JSON) and
``csv/TABLE.csv`` (the same rows for a spreadsheet; formula-safe, lists as
JSON text). Import reads the JSON only, into an empty database, in one
transaction: a file with one bad value stores nothing and names the table,
row and column. Ids are kept, so the records refer to each other as before.

The import history goes along (so an import can still be undone); what is
derived does not: the Insights summary (rebuilt on first use) and the search
index (the triggers fill it as the postings go in).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    String,
    Table,
    func,
    null,
    select,
)
from sqlalchemy.orm import Session

from app import __version__, clock
from app.errors import InputError
from app.insights.csv_export import csv_safe
from app.limits import load_json
from app.storage import migrations
from app.storage.bulk import follow_explicit_ids
from app.storage.db import Database
from app.storage.locks import snapshot
from app.storage.models import Base

FORMAT = "proposal-workbench-export"
VERSION = 1
#: what the user owns, in the order that keeps every reference pointing backwards
TABLES = (
    "profile",
    "saved_reply",
    "job_posting",
    "import_batch",
    "import_change",
    "score_card",
    "proposal",
    "proposal_status_change",
    "ledger_entry",
    "setting",
)
#: a member of an archive (one table's JSON) larger than this is refused unread
MAX_MEMBER_BYTES = 2 * 1024**3
_BATCH = 2000


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


# -- export ----------------------------------------------------------------------------------


def export_all(
    db: Database, path: Path, *, now: datetime | None = None, replace: bool = False
) -> dict[str, int]:
    """Write every table the user owns to the archive ``path``; rows per table.

    Read in one snapshot (SQLite), so the archive is consistent even while the
    window writes. The archive is written beside ``path`` and renamed into
    place when complete; an existing file is replaced only when ``replace``
    (a save dialog asked already).
    """
    if path.exists() and not replace:
        raise InputError(f"{path} exists already; choose a new file name")
    if not path.parent.is_dir():
        raise InputError(f"cannot write {path}: folder {path.parent} does not exist")
    tmp = path.with_name(path.name + ".part")
    counts: dict[str, int] = {}
    try:
        with db.read() as session, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            snapshot(session)
            for name in TABLES:
                rows = [_to_json(_table(name), row) for row in _rows(session, name)]
                counts[name] = len(rows)
                archive.writestr(f"data/{name}.json", _dump(rows))
                archive.writestr(f"csv/{name}.csv", _csv(_table(name), rows))
            manifest = {
                "format": FORMAT,
                "version": VERSION,
                "app_version": __version__,
                "schema_revision": migrations.head_revision(),
                "exported_at": (now or clock.now()).isoformat(),
                "tables": {
                    name: {"rows": counts[name], "columns": list(_table(name).columns.keys())}
                    for name in TABLES
                },
            }
            archive.writestr("manifest.json", json.dumps(manifest, indent=2))
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return counts


def _rows(session: Session, name: str) -> Iterator[Any]:
    table = _table(name)
    query = select(table).order_by(*table.primary_key.columns)
    yield from session.connection().execute(query.execution_options(yield_per=_BATCH))


def _to_json(table: Table, row: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for column, value in zip(table.columns, row, strict=True):
        if isinstance(value, datetime):
            value = clock.as_utc(value).isoformat()
        elif isinstance(value, date):
            value = value.isoformat()
        out[column.name] = value
    return out


def _dump(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=0, allow_nan=False)


def _csv(table: Table, rows: list[dict[str, Any]]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    names = list(table.columns.keys())
    writer.writerow(names)
    for row in rows:
        cells = []
        for name in names:
            value = row[name]
            if isinstance(value, list | dict):
                value = json.dumps(value, ensure_ascii=False)
            cells.append(csv_safe(value))
        writer.writerow(cells)
    return out.getvalue()


# -- import ----------------------------------------------------------------------------------


def import_all(db: Database, path: Path) -> dict[str, int]:
    """Load the archive ``path`` into the empty database ``db``; rows per table.

    Empty means no postings, profiles, proposals, ledger entries or saved
    replies of the user's own: the starter replies and settings a new
    database has are replaced by the archive's. One transaction: any problem
    stores nothing.
    """
    tables = _read_archive(path)
    counts: dict[str, int] = {}
    with db.transaction() as session:
        _make_room(session, db.location)
        if db.dialect == "sqlite":
            session.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        for name in TABLES:
            rows = [_from_json(_table(name), row, name, n) for n, row in enumerate(tables[name], 1)]
            for start in range(0, len(rows), _BATCH):
                session.execute(_table(name).insert(), rows[start : start + _BATCH])
            counts[name] = len(rows)
        if db.dialect == "postgresql":
            _advance_sequences(session)
    return counts


def _read_archive(path: Path) -> dict[str, list[Any]]:
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = _member(archive, "manifest.json", path)
            _check_manifest(manifest, path)
            tables = {}
            for name in TABLES:
                rows = _member(archive, f"data/{name}.json", path)
                if not isinstance(rows, list):
                    raise InputError(f"{path}: data/{name}.json is not a list of rows")
                tables[name] = rows
            return tables
    except zipfile.BadZipFile:
        raise InputError(f"{path} is not a Proposal Workbench export (not a ZIP file)") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None


def _member(archive: zipfile.ZipFile, name: str, path: Path) -> Any:
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise InputError(f"{path} is not a Proposal Workbench export (no {name})") from None
    if info.file_size > MAX_MEMBER_BYTES:
        raise InputError(f"{path}: {name} is larger than {MAX_MEMBER_BYTES // 1024**3} GB")
    with archive.open(info) as member:
        data = member.read(MAX_MEMBER_BYTES + 1)
    try:
        return load_json(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"{path}: {name} is not JSON ({exc})") from None
    except InputError as exc:
        raise InputError(f"{path}: {name}: {exc.message}") from None


def _check_manifest(manifest: Any, path: Path) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise InputError(f"{path} is not a Proposal Workbench export (its manifest says so)")
    if manifest.get("version") != VERSION:
        raise InputError(
            f"{path} is export version {manifest.get('version')!r}; this release reads "
            f"version {VERSION}"
        )
    revision = str(manifest.get("schema_revision"))
    if not migrations.is_known(revision):
        raise InputError(
            f"{path} was exported by a newer Proposal Workbench (schema {revision}); update the "
            "app to import it"
        )


def _make_room(session: Session, where: str) -> None:
    """Refuse a database with data of the user's own; clear the starters and settings."""
    from app.storage.models import SavedReply

    held = {}
    for name in TABLES:
        table = _table(name)
        query = select(func.count()).select_from(table)
        if name == "saved_reply":
            query = query.where(SavedReply.is_starter.is_(False))
        if name != "setting":
            held[name] = int(session.scalar(query) or 0)
    owned = {name: count for name, count in held.items() if count}
    if owned:
        shown = ", ".join(f"{count} {name.replace('_', ' ')} rows" for name, count in owned.items())
        raise InputError(
            f"the database {where} is not empty ({shown}); import-all fills an empty database: "
            "give a new file with --db"
        )
    session.execute(_table("saved_reply").delete())
    session.execute(_table("setting").delete())


def _from_json(table: Table, row: Any, name: str, n: int) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise InputError(f"data/{name}.json row {n}: not an object")
    unknown = set(row) - set(table.columns.keys())
    if unknown:
        raise InputError(
            f"data/{name}.json row {n}: unknown column {sorted(unknown)[0]!r} "
            "(exported by a newer release?)"
        )
    out = {}
    for column in table.columns:
        if column.name not in row:
            continue
        try:
            out[column.name] = _value(column.type, row[column.name], column.nullable)
        except (TypeError, ValueError) as exc:
            raise InputError(f"data/{name}.json row {n}: column {column.name}: {exc}") from None
    return out


def _value(kind: Any, value: Any, nullable: bool | None) -> Any:
    if value is None:
        if not nullable:
            raise ValueError("empty, but it must have a value")
        # a JSON column would store None as the JSON text 'null': SQL NULL is what was there
        return null() if isinstance(kind, JSON) else None
    if isinstance(kind, JSON):
        return value
    if isinstance(kind, DateTime) or isinstance(getattr(kind, "impl", None), DateTime):
        if not isinstance(value, str):
            raise TypeError(f"{value!r} is not an ISO 8601 time")
        return clock.parse_iso(value)
    if isinstance(kind, Date):
        if not isinstance(value, str):
            raise TypeError(f"{value!r} is not an ISO 8601 date")
        return date.fromisoformat(value)
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise TypeError(f"{value!r} is not true or false")
        return value
    if isinstance(kind, Integer):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{value!r} is not a whole number")
        return value
    if isinstance(kind, Float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(f"{value!r} is not a number")
        return float(value)
    if isinstance(kind, String):
        if not isinstance(value, str):
            raise TypeError(f"{value!r} is not text")
        return value
    return value


def _advance_sequences(session: Session) -> None:
    """After rows with their ids, PostgreSQL's id sequences start past the highest."""
    follow_explicit_ids(session, [_table(name) for name in TABLES])
