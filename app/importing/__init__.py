"""Bulk import of postings from CSV, JSON and JSONL files (alert tools, scrapers, Upwork's
job-search GraphQL objects).

A file is read exactly (:mod:`app.importing.reading`), its columns mapped to fields
(:mod:`app.importing.mapping`), its values made plain (:mod:`app.importing.values`,
:mod:`app.importing.dates`) and its rows stored in batches in one transaction
(:mod:`app.importing.run`), on record so that the import can be undone
(:mod:`app.storage.imports`). A file with a broken row imports nothing, unless
``skip_invalid`` is set, and then only the good rows; either way the report names
each bad row and what was wrong. Importing the same file twice updates the postings
(matched by platform id or URL), it never duplicates them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.importing.mapping import COLUMNS, ColumnMapping
from app.importing.reading import FORMATS, MAX_FILE_BYTES, open_import
from app.importing.records import EmptyRecord, RecordReader, record_to_facts
from app.importing.run import (
    BATCH,
    ImportReport,
    Preview,
    ProgressFn,
    RowError,
    import_into,
    import_records,
    posting_values,
    preview_import,
)


def read_records(path: Path, fmt: str = "auto") -> list[tuple[int, Any]]:
    """(row number, record) for every record in the file, a CSV row as a dict by column
    name (for tests and tools; an import streams them instead)."""
    source = open_import(path, fmt)
    if source.header is None:
        return list(source.records())
    header = source.header
    return [(n, dict(zip(header, row, strict=True))) for n, row in source.records()]


__all__ = [
    "BATCH",
    "COLUMNS",
    "FORMATS",
    "MAX_FILE_BYTES",
    "ColumnMapping",
    "EmptyRecord",
    "ImportReport",
    "Preview",
    "ProgressFn",
    "RecordReader",
    "RowError",
    "import_into",
    "import_records",
    "posting_values",
    "preview_import",
    "read_records",
    "record_to_facts",
]
