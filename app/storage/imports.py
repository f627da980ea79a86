"""Imports on record: store a file's postings in batches, journal what each batch did,
list the imports, and undo one.

Each import is an ``import_batch`` row; each posting it added or changed an
``import_change`` row. A changed posting keeps, per column, the value it had
before and the one the import wrote: undo puts back the earlier value of every
column that still holds the import's, and keeps (and names) the ones changed
since. An added posting is removed by undo unless it changed since the import
(triage, a new paste, a later import) or has proposals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Date, DateTime, Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from app.domain import JobStatus
from app.errors import InputError, NotFoundError
from app.storage.jobs import _executemany, rows_that_differ
from app.storage.models import (
    ImportBatch,
    ImportChange,
    JobPosting,
    Proposal,
    ScoreCard,
    UtcDateTime,
)

ADDED = "added"
UPDATED = "updated"
_TABLE = cast(Table, JobPosting.__table__)
_CHANGES = cast(Table, ImportChange.__table__)
_CHUNK = 900  # ids per IN (...): below SQLite's old 999-variable limit


# -- values in the journal (JSON) -------------------------------------------------------------


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _decoder(column: str) -> Any:
    kind = _TABLE.c[column].type
    if isinstance(kind, UtcDateTime | DateTime):
        return lambda v: None if v is None else datetime.fromisoformat(v)
    if isinstance(kind, Date):
        return lambda v: None if v is None else date.fromisoformat(v)
    return lambda v: v


_DECODERS: dict[str, Any] = {}


def _decode(column: str, value: Any) -> Any:
    decode = _DECODERS.get(column)
    if decode is None:
        decode = _DECODERS[column] = _decoder(column)
    return decode(value)


# -- storing a batch ---------------------------------------------------------------------------


@dataclass
class Journal:
    """What one import has done so far (kept while it runs)."""

    batch_id: int
    now: datetime
    source: str
    added: int = 0
    #: postings matched by an earlier row (stored before, or listed twice), changed or not
    matched: int = 0
    changed: int = 0
    #: postings this import added or changed: id → kind (a file may list one twice)
    touched: dict[int, str] = field(default_factory=dict)


def start_import(
    session: Session,
    *,
    file_name: str,
    file_size: int,
    sha256: str,
    fmt: str,
    date_order: str,
    mapping: dict[str, Any],
    now: datetime,
) -> Journal:
    """Record an import starting now (its counts are filled in by :func:`finish_import`)."""
    batch = ImportBatch(
        file_name=file_name[:300],
        file_size=file_size,
        sha256=sha256,
        format=fmt,
        imported_at=now,
        date_order=date_order,
        mapping=mapping,
        unmapped_columns=[],
    )
    session.add(batch)
    session.flush()
    return Journal(batch.id, now, f"import:{file_name}")


def finish_import(
    session: Session,
    journal: Journal,
    *,
    skipped: int,
    empty: int,
    errors: int,
    sha256: str,
    unmapped: list[str],
    date_order: str,
) -> None:
    batch = session.get(ImportBatch, journal.batch_id)
    assert batch is not None
    batch.added = journal.added
    batch.updated = journal.matched
    batch.changed = journal.changed
    batch.skipped = skipped
    batch.empty = empty
    batch.errors = errors
    batch.sha256 = sha256
    batch.unmapped_columns = unmapped
    batch.date_order = date_order


def store_batch(session: Session, rows: list[dict[str, Any]], journal: Journal) -> None:
    """Insert or update ``rows`` (``job_posting`` column dicts with ``dedup_key``, one per
    key) and journal what changed. Status and pasted text of stored postings are kept."""
    keys = [row["dedup_key"] for row in rows]
    existing = dict(
        session.execute(
            select(JobPosting.dedup_key, JobPosting.id).where(JobPosting.dedup_key.in_(keys))
        ).all()
    )
    now = journal.now
    new_rows: list[dict[str, Any]] = []
    old_rows: list[dict[str, Any]] = []
    for row in rows:
        row.update(source=journal.source[:300], deleted_at=None)
        job_id = existing.get(row["dedup_key"])
        if job_id is None:
            row.update(status=JobStatus.NEW.value, captured_at=now, created_at=now, updated_at=now)
            new_rows.append(row)
        else:
            if row.get("raw_text") is None:  # the pasted text and its rest stay
                row.pop("raw_text", None)
                if row.get("unplaced_text") is None:
                    row.pop("unplaced_text", None)
            row["id"] = job_id
            old_rows.append(row)
    if new_rows:
        _executemany(session, _TABLE, new_rows, update=False)
        new_keys = [row["dedup_key"] for row in new_rows]
        ids = session.execute(
            select(JobPosting.id).where(JobPosting.dedup_key.in_(new_keys))
        ).scalars()
        entries: list[dict[str, Any]] = [
            {"batch_id": journal.batch_id, "job_id": i, "kind": ADDED} for i in ids
        ]
        session.execute(insert(_CHANGES), entries)
        for entry in entries:
            journal.touched[entry["job_id"]] = ADDED
        journal.added += len(entries)
    if old_rows:
        _update_existing(session, old_rows, journal)


def _update_existing(session: Session, rows: list[dict[str, Any]], journal: Journal) -> None:
    journal.matched += len(rows)  # also a posting listed twice in the file: "updated", as before
    # first a cheap pass over the values as stored: a file imported again mostly changes nothing
    rows = [r for group in _same_keys(rows) for r in rows_that_differ(session, _TABLE, group)]
    if not rows:
        return
    columns = sorted({name for row in rows for name in row} - {"id", "dedup_key"})
    stored: dict[int, dict[str, Any]] = {}
    for start in range(0, len(rows), _CHUNK):
        ids = [row["id"] for row in rows[start : start + _CHUNK]]
        query = select(_TABLE.c.id, *(_TABLE.c[c] for c in columns)).where(_TABLE.c.id.in_(ids))
        for found in session.execute(query):
            stored[found[0]] = dict(zip(columns, found[1:], strict=True))
    changed_rows: list[dict[str, Any]] = []
    new_entries: list[dict[str, Any]] = []
    for row in rows:
        job_id = row["id"]
        old = stored[job_id]
        diff = {c: row[c] for c in columns if c in row and row[c] != old[c]}
        if not diff:
            continue
        row["updated_at"] = journal.now
        changed_rows.append(row)
        before = {c: _encode(old[c]) for c in diff}
        after = {c: _encode(v) for c, v in diff.items()}
        kind = journal.touched.get(job_id)
        if kind is None:
            new_entries.append(
                {"batch_id": journal.batch_id, "job_id": job_id, "kind": UPDATED,
                 "before": before, "after": after}
            )  # fmt: skip
            journal.touched[job_id] = UPDATED
            journal.changed += 1
        elif kind == UPDATED:
            _merge_entry(session, journal.batch_id, job_id, before, after)
    for group in _same_keys(changed_rows):
        _executemany(session, _TABLE, group, update=True, only_changed=False)
    if new_entries:
        session.execute(insert(_CHANGES), new_entries)
    if changed_rows:
        _forget_scores(session, [row["id"] for row in changed_rows])


def _merge_entry(
    session: Session, batch_id: int, job_id: int, before: dict[str, Any], after: dict[str, Any]
) -> None:
    """A posting listed twice in one file: its first values before, its last after."""
    entry = session.execute(
        select(ImportChange).where(ImportChange.batch_id == batch_id, ImportChange.job_id == job_id)
    ).scalar_one()
    merged_before = {**before, **(entry.before or {})}
    merged_after = {**(entry.after or {}), **after}
    entry.before = {c: v for c, v in merged_before.items() if merged_after.get(c) != v}
    entry.after = {c: merged_after[c] for c in entry.before}


def _same_keys(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    return list(groups.values())


def _forget_scores(session: Session, job_ids: Sequence[int]) -> None:
    """Drop the score cards of postings whose facts changed: the next scoring pass (after
    the import, or the Jobs page) scores them again from their new values."""
    for start in range(0, len(job_ids), _CHUNK):
        chunk = list(job_ids[start : start + _CHUNK])
        session.execute(delete(ScoreCard).where(ScoreCard.job_id.in_(chunk)))


# -- listing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportSummary:
    """One recorded import, as ``pwb imports`` lists it."""

    id: int
    file_name: str
    file_size: int
    sha256: str
    format: str
    imported_at: datetime
    added: int
    updated: int
    changed: int
    skipped: int
    empty: int
    errors: int
    date_order: str
    unmapped_columns: list[str]
    undone_at: datetime | None

    def to_json(self) -> dict[str, Any]:
        out = {k: _encode(v) for k, v in self.__dict__.items()}
        return out


def _summary(batch: ImportBatch) -> ImportSummary:
    return ImportSummary(
        batch.id,
        batch.file_name,
        batch.file_size,
        batch.sha256,
        batch.format,
        batch.imported_at,
        batch.added,
        batch.updated,
        batch.changed,
        batch.skipped,
        batch.empty,
        batch.errors,
        batch.date_order,
        list(batch.unmapped_columns or []),
        batch.undone_at,
    )


def list_imports(session: Session, *, limit: int = 100) -> list[ImportSummary]:
    """The recorded imports, newest first."""
    batches = session.scalars(
        select(ImportBatch)
        .order_by(ImportBatch.imported_at.desc(), ImportBatch.id.desc())
        .limit(limit)
    )
    return [_summary(b) for b in batches]


def last_undoable(session: Session) -> ImportSummary | None:
    """The newest import not undone yet (what *Edit ▸ Undo last import* takes back)."""
    batch = session.scalars(
        select(ImportBatch)
        .where(ImportBatch.undone_at.is_(None))
        .order_by(ImportBatch.imported_at.desc(), ImportBatch.id.desc())
        .limit(1)
    ).first()
    return _summary(batch) if batch is not None else None


# -- undo --------------------------------------------------------------------------------------


@dataclass
class KeptPosting:
    """A posting undo left (partly) as it is, and why."""

    job_id: int
    title: str
    reason: str
    #: the columns kept as the user (or a later import) changed them
    columns: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.job_id, "title": self.title, "reason": self.reason,
                "columns": self.columns}  # fmt: skip


@dataclass
class UndoReport:
    """What undoing one import did."""

    import_id: int
    file_name: str
    removed: int = 0
    restored: int = 0
    kept: list[KeptPosting] = field(default_factory=list)
    #: postings the import touched that no longer exist
    gone: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "import_id": self.import_id,
            "file_name": self.file_name,
            "removed": self.removed,
            "restored": self.restored,
            "kept": [k.to_json() for k in self.kept],
            "gone": self.gone,
        }


def undo_import(session: Session, import_id: int, *, now: datetime) -> UndoReport:
    """Take one import back: remove what it added and restore what it changed, except
    where the posting changed since (kept, and named in the report)."""
    batch = session.get(ImportBatch, import_id)
    if batch is None:
        raise NotFoundError(f"no import with id {import_id} (see 'pwb imports')")
    if batch.undone_at is not None:
        raise InputError(f"import {import_id} ({batch.file_name}) was already undone")
    report = UndoReport(batch.id, batch.file_name)
    added = list(
        session.scalars(
            select(ImportChange.job_id).where(
                ImportChange.batch_id == batch.id, ImportChange.kind == ADDED
            )
        )
    )
    _undo_added(session, batch, added, report)
    updated = session.scalars(
        select(ImportChange).where(ImportChange.batch_id == batch.id, ImportChange.kind == UPDATED)
    )
    _undo_updated(session, list(updated), report, now)
    batch.undone_at = now
    return report


def _undo_added(
    session: Session, batch: ImportBatch, job_ids: list[int], report: UndoReport
) -> None:
    imported_at = batch.imported_at
    removable: list[int] = []
    for start in range(0, len(job_ids), _CHUNK):
        chunk = job_ids[start : start + _CHUNK]
        with_proposals = set(
            session.scalars(select(Proposal.job_id).where(Proposal.job_id.in_(chunk)).distinct())
        )
        rows = session.execute(
            select(JobPosting.id, JobPosting.title, JobPosting.updated_at, JobPosting.deleted_at)
            .where(JobPosting.id.in_(chunk))
        ).all()  # fmt: skip
        report.gone += len(chunk) - len(rows)
        for job_id, title, updated_at, deleted_at in rows:
            if job_id in with_proposals:
                report.kept.append(KeptPosting(job_id, title, "has proposals"))
            elif updated_at != imported_at and deleted_at is None:
                report.kept.append(KeptPosting(job_id, title, "changed since the import"))
            else:
                removable.append(job_id)
    for start in range(0, len(removable), _CHUNK):
        chunk = removable[start : start + _CHUNK]
        session.execute(delete(JobPosting).where(JobPosting.id.in_(chunk)))
    report.removed = len(removable)


def _undo_updated(
    session: Session, entries: list[ImportChange], report: UndoReport, now: datetime
) -> None:
    writes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for start in range(0, len(entries), _CHUNK):
        chunk = entries[start : start + _CHUNK]
        columns = sorted({c for e in chunk for c in e.after or {}})
        current: dict[int, dict[str, Any]] = {}
        query = select(_TABLE.c.id, _TABLE.c.title, *(_TABLE.c[c] for c in columns)).where(
            _TABLE.c.id.in_([e.job_id for e in chunk])
        )
        for found in session.execute(query):
            current[found[0]] = {"title": found[1], **dict(zip(columns, found[2:], strict=True))}
        for entry in chunk:
            now_values = current.get(entry.job_id)
            if now_values is None:
                report.gone += 1
                continue
            restore: dict[str, Any] = {}
            kept: list[str] = []
            before = entry.before or {}
            for column, written in (entry.after or {}).items():
                if now_values[column] == _decode(column, written):
                    restore[column] = _decode(column, before[column])
                else:
                    kept.append(column)
            if kept:
                title = str(now_values["title"] or "")
                report.kept.append(
                    KeptPosting(entry.job_id, title, "changed since the import", kept)
                )
            if restore:
                restore["updated_at"] = now
                key = tuple(sorted(restore))
                writes.setdefault(key, []).append({"_id": entry.job_id, **restore})
                report.restored += 1
    for key, rows in writes.items():
        assert key  # the SET clause comes from the rows' keys
        session.execute(update(_TABLE).where(_TABLE.c.id == bindparam("_id")), rows)
        _forget_scores(session, [row["_id"] for row in rows])
