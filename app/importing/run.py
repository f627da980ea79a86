"""Importing a file: check it, decide the date order, then stream its rows into the
database in batches, in one transaction, on record so that it can be undone."""

from __future__ import annotations

import hashlib
import types
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy.orm import Session

from app import clock, settings
from app.domain import PostingFacts
from app.errors import InputError
from app.importing.dates import DAY_FIRST, MONTH_FIRST, ORDERS, evidence, system_date_order
from app.importing.mapping import COLUMNS, ColumnMapping, column_key, header_key
from app.importing.reading import ImportFile, open_import
from app.importing.records import EmptyRecord, RecordReader, is_graphql
from app.limits import cut_description
from app.storage.bulk import gc_paused
from app.storage.db import Database
from app.storage.imports import Journal, finish_import, start_import, store_batch
from app.storage.models import JobPosting
from app.storage.postings import apply_facts

BATCH = 1000
#: rows the import dialog previews
PREVIEW_ROWS = 5
#: rows the preview reads to tell the date order (the import itself reads them all)
PREVIEW_SCAN = 5000

ProgressFn = Callable[[int, int], None]


@dataclass
class RowError:
    """What was wrong with one row (1-based, as a person counts rows in the file)."""

    row: int
    message: str


@dataclass
class ImportReport:
    """The outcome of importing one file."""

    added: int = 0
    updated: int = 0
    skipped: int = 0
    #: rows with no title, description or URL (a scraper's dead links): not errors
    empty: int = 0
    errors: list[RowError] = field(default_factory=list)
    #: what was changed to fit (a description cut to the limit): stored, but not as written
    notes: list[RowError] = field(default_factory=list)
    #: the ``import_batch`` id (None when nothing was imported)
    import_id: int | None = None
    unmapped_columns: list[str] = field(default_factory=list)
    #: how dates like 06/07/2024 were read (DMY or MDY) and what decided it
    date_order: str = MONTH_FIRST
    date_order_source: str = "locale"

    @property
    def imported(self) -> int:
        return self.added + self.updated

    def to_json(self) -> dict[str, Any]:
        """The ``pwb import --json`` summary."""
        return {
            "added": self.added,
            "updated": self.updated,
            "skipped": self.skipped,
            "errors": [{"row": e.row, "message": e.message} for e in self.errors],
            "notes": [{"row": n.row, "message": n.message} for n in self.notes],
            "empty": self.empty,
            "import_id": self.import_id,
            "unmapped_columns": self.unmapped_columns,
            "date_order": self.date_order,
            "date_order_source": self.date_order_source,
        }


def posting_values(facts: PostingFacts) -> dict[str, Any]:
    """Column values of a ``job_posting`` row for ``facts`` (for bulk inserts and updates)."""
    row = types.SimpleNamespace()
    apply_facts(cast(JobPosting, row), facts)
    return vars(row)


# -- what the user chose before (settings) ----------------------------------------------------


def remembered_mapping(session: Session, header: list[str]) -> dict[str, str | None]:
    """The column changes the user made for files with this header, if any."""
    stored = settings.get(session, "import.column_mappings")
    found = stored.get(header_key(header)) if isinstance(stored, dict) else None
    return dict(found) if isinstance(found, dict) else {}


def remember_mapping(session: Session, mapping: ColumnMapping) -> None:
    """Keep the user's column changes for the next file with the same header."""
    stored = dict(settings.get(session, "import.column_mappings") or {})
    if mapping.overrides:
        stored[mapping.key] = dict(mapping.overrides)
    else:
        stored.pop(mapping.key, None)
    settings.set_value(session, "import.column_mappings", stored)


# -- deciding the date order ------------------------------------------------------------------


@dataclass
class DateOrder:
    order: str
    source: str  # file | option | setting | locale

    def describe(self) -> str:
        shown = "day/month/year" if self.order == DAY_FIRST else "month/day/year"
        why = {
            "file": "as the file's dates show",
            "option": "as chosen",
            "setting": "the order in Preferences; the file's dates fit either",
            "locale": "your locale's order; the file's dates fit either",
        }[self.source]
        return f"{shown} ({why})"


class _Evidence:
    def __init__(self) -> None:
        self.first: dict[str, tuple[int, str]] = {}

    def see(self, row: int, value: Any) -> None:
        if isinstance(value, str) and len(self.first) < 2:
            found = evidence(value)
            if found is not None and found not in self.first:
                self.first[found] = (row, value.strip())

    def decide(self, name: str, chosen: str | None, default: DateOrder) -> DateOrder:
        if chosen is not None:
            return DateOrder(chosen, "option")
        if len(self.first) == 2:
            (dmy_row, dmy), (mdy_row, mdy) = self.first[DAY_FIRST], self.first[MONTH_FIRST]
            raise InputError(
                f"{name}: dates disagree on the order of day and month (row {dmy_row} "
                f"{dmy!r} is day first, row {mdy_row} {mdy!r} month first): choose the "
                "order (--date-order DMY or MDY) and import again"
            )
        if self.first:
            return DateOrder(next(iter(self.first)), "file")
        return default


_POSTED_KEYS = frozenset(COLUMNS["posted_at"])


def _date_values(reader: RecordReader, record: Any) -> Any:
    """The posted date of a JSON record, found without reading its other fields."""
    if isinstance(record, dict) and not is_graphql(record):
        for key, value in record.items():
            if isinstance(value, str) and column_key(str(key)) in _POSTED_KEYS and value.strip():
                return value
        return None
    try:
        return reader.fields(record).get("posted_at")
    except InputError:
        return None


# -- the import --------------------------------------------------------------------------------


@dataclass
class Plan:
    """How a file will be read: decided before a row is stored."""

    source: ImportFile
    mapping: ColumnMapping | None
    order: DateOrder
    sha256: str
    records: int


def plan_import(
    source: ImportFile,
    *,
    mapping: ColumnMapping | None,
    date_order: str | None,
    default_order: DateOrder,
    now: datetime,
    check: Callable[[], None] | None = None,
    limit: int | None = None,
) -> Plan:
    """The first pass: the whole file read once (a CSV's structure checked, so that a
    file that is not clean is refused before anything is stored), its date order decided
    and its SHA-256 taken."""
    reader = RecordReader(now, mapping=mapping)
    seen = _Evidence()
    count = 0
    for count, (row, record) in enumerate(_limited(source.records(), limit), 1):
        if mapping is not None and isinstance(record, list):
            seen.see(row, _csv_date(mapping, record))
        else:
            seen.see(row, _date_values(reader, record))
        if check is not None and count % 1024 == 0:
            check()
    order = seen.decide(source.name, date_order, default_order)
    digest = _sha256(source.path) if limit is None else ""
    return Plan(source, mapping, order, digest, count)


def _limited(records: Iterator[tuple[int, Any]], limit: int | None) -> Iterator[tuple[int, Any]]:
    for n, (row, record) in enumerate(records, 1):
        if limit is not None and n > limit:
            return
        yield row, record


def _csv_date(mapping: ColumnMapping, record: list[str]) -> str | None:
    for index, name in mapping.used():
        if name == "posted_at" and record[index].strip():
            return record[index]
    return None


def _sha256(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def prepare(
    session: Session,
    path: Path,
    *,
    fmt: str = "auto",
    columns: dict[str, str | None] | None = None,
) -> tuple[ImportFile, ColumnMapping | None, DateOrder]:
    """Open ``path`` and choose its mapping (``columns``, else the remembered one) and
    the default date order (Preferences, else the locale)."""
    source = open_import(path, fmt)
    mapping = None
    if source.header is not None:
        chosen = remembered_mapping(session, source.header) if columns is None else columns
        mapping = ColumnMapping.for_header(source.header, chosen)
    chosen_order = str(settings.get(session, "import.date_order")).upper()
    if chosen_order in ORDERS:
        default = DateOrder(chosen_order, "setting")
    else:
        default = DateOrder(system_date_order(), "locale")
    return source, mapping, default


def import_into(
    db: Database,
    path: Path,
    *,
    fmt: str = "auto",
    skip_invalid: bool = False,
    progress: ProgressFn | None = None,
    date_order: str | None = None,
    columns: dict[str, str | None] | None = None,
    now: datetime | None = None,
) -> ImportReport:
    """Import one file in its own transaction: committed only when the report allows it.

    ``date_order`` (DMY / MDY) overrides the file's and the user's; ``columns`` maps
    column names to fields (None: skip) for a CSV, and is remembered for its header.
    An exception from ``progress`` (the user cancelled) rolls everything back.
    """
    if date_order is not None and date_order.upper() not in ORDERS:
        raise InputError(f"date order {date_order!r} is not DMY or MDY")
    moment = clock.now() if now is None else clock.as_utc(now)
    with db.read() as session:
        source, mapping, default = prepare(session, path, fmt=fmt, columns=columns)

    def check() -> None:
        if progress is not None:
            progress(0, max(source.size, 1))

    plan = plan_import(
        source,
        mapping=mapping,
        date_order=date_order.upper() if date_order else None,
        default_order=default,
        now=moment,
        check=check,
    )
    if plan.records == 0:
        raise InputError(f"{source.name} holds no postings")
    try:
        with db.transaction() as session:
            report = import_plan(session, plan, skip_invalid=skip_invalid, now=moment,
                                 progress=progress)  # fmt: skip
            if report.errors and not skip_invalid:
                raise _NothingImported(report)  # rolls the whole file back
            if columns is not None and mapping is not None:
                remember_mapping(session, mapping)
    except _NothingImported as refused:
        return refused.report
    return report


def import_plan(
    session: Session,
    plan: Plan,
    *,
    skip_invalid: bool = False,
    now: datetime,
    progress: ProgressFn | None = None,
) -> ImportReport:
    """Store the planned file's rows in ``session`` (no commit), on record."""
    source = plan.source
    mapping_json: dict[str, Any] = plan.mapping.to_json() if plan.mapping is not None else {}
    journal = start_import(
        session,
        file_name=source.name,
        file_size=source.size,
        sha256=plan.sha256,
        fmt=source.fmt,
        date_order=plan.order.order,
        mapping=mapping_json,
        now=now,
    )
    reader = RecordReader(now, mapping=plan.mapping, date_order=plan.order.order)
    total = max(source.size, 1)

    def on_bytes(done: int) -> None:
        if progress is not None:
            progress(min(done, total), total)

    report = _store_records(session, source.records(on_bytes), reader, journal, skip_invalid)
    source.release()
    report.date_order, report.date_order_source = plan.order.order, plan.order.source
    unmapped = plan.mapping.unmapped() if plan.mapping is not None else list(reader.unmapped)
    report.unmapped_columns = unmapped
    finish_import(
        session,
        journal,
        skipped=report.skipped,
        empty=report.empty,
        errors=len(report.errors),
        sha256=plan.sha256,
        unmapped=unmapped,
        date_order=plan.order.order,
    )
    if progress is not None:
        progress(total, total)
    return report


def import_records(
    session: Session,
    records: Iterable[tuple[int, Any]],
    *,
    source: str,
    skip_invalid: bool = False,
    now: datetime | None = None,
    date_order: str = MONTH_FIRST,
) -> ImportReport:
    """Store records that did not come from a file (no commit); on record as ``source``."""
    moment = clock.now() if now is None else clock.as_utc(now)
    journal = start_import(
        session,
        file_name=source,
        file_size=0,
        sha256="",
        fmt="records",
        date_order=date_order,
        mapping={},
        now=moment,
    )
    journal.source = source
    reader = RecordReader(moment, date_order=date_order)
    report = _store_records(session, iter(records), reader, journal, skip_invalid)
    report.date_order, report.date_order_source = date_order, "option"
    report.unmapped_columns = list(reader.unmapped)
    finish_import(
        session,
        journal,
        skipped=report.skipped,
        empty=report.empty,
        errors=len(report.errors),
        sha256="",
        unmapped=report.unmapped_columns,
        date_order=date_order,
    )
    return report


def _store_records(
    session: Session,
    records: Iterator[tuple[int, Any]],
    reader: RecordReader,
    journal: Journal,
    skip_invalid: bool,
) -> ImportReport:
    report = ImportReport(import_id=journal.batch_id)
    pending: dict[str, dict[str, Any]] = {}
    duplicates = 0
    total = 0
    limit = max(1, int(settings.get(session, "import.max_description_chars")))
    with gc_paused():
        for row, record in records:
            total += 1
            try:
                facts = reader.facts(record)
                facts.description, note = cut_description(facts.description, limit)
                if note is not None:
                    report.notes.append(RowError(row, note))
                values = posting_values(facts)
            except EmptyRecord:
                report.empty += 1
                continue
            except InputError as exc:
                report.errors.append(RowError(row, exc.message))
                continue
            if report.errors and not skip_invalid:
                continue  # nothing will be stored: only look for more errors
            key = values["dedup_key"]
            if key in pending:
                duplicates += 1
            pending[key] = values
            if len(pending) >= BATCH:
                store_batch(session, list(pending.values()), journal)
                pending.clear()
        if pending and not (report.errors and not skip_invalid):
            store_batch(session, list(pending.values()), journal)
    if report.errors and not skip_invalid:
        report.skipped = total - report.empty
        report.import_id = None
        return report
    report.added = journal.added
    report.updated = journal.matched + duplicates
    report.skipped = len(report.errors)
    return report


class _NothingImported(Exception):
    """Raised inside the import's transaction to roll it back; carries the report."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__("nothing imported")
        self.report = report


# -- preview ----------------------------------------------------------------------------------


@dataclass
class PreviewRow:
    row: int
    facts: PostingFacts | None
    error: str | None = None


@dataclass
class Preview:
    """What the import dialog shows before anything is stored."""

    file_name: str
    fmt: str
    mapping: ColumnMapping | None
    order: DateOrder
    rows: list[PreviewRow]
    unmapped_columns: list[str]
    records_seen: int


def preview_import(
    session: Session,
    path: Path,
    *,
    fmt: str = "auto",
    columns: dict[str, str | None] | None = None,
    date_order: str | None = None,
    now: datetime | None = None,
    rows: int = PREVIEW_ROWS,
) -> Preview:
    """The mapping, the date order and the first rows as they would be stored (nothing is).

    The date order is read from the first :data:`PREVIEW_SCAN` rows; the import reads all.
    """
    moment = clock.now() if now is None else clock.as_utc(now)
    source, mapping, default = prepare(session, path, fmt=fmt, columns=columns)
    plan = plan_import(
        source,
        mapping=mapping,
        date_order=date_order.upper() if date_order else None,
        default_order=default,
        now=moment,
        limit=PREVIEW_SCAN,
    )
    reader = RecordReader(moment, mapping=mapping, date_order=plan.order.order)
    shown: list[PreviewRow] = []
    for row, record in _limited(source.records(), None):
        try:
            shown.append(PreviewRow(row, reader.facts(record)))
        except EmptyRecord:
            continue
        except InputError as exc:
            shown.append(PreviewRow(row, None, exc.message))
        if len(shown) >= rows:
            break
    unmapped = mapping.unmapped() if mapping is not None else list(reader.unmapped)
    return Preview(source.name, source.fmt, mapping, plan.order, shown, unmapped, plan.records)
