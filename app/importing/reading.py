"""Import files → records, read as a stream.

CSV is read exactly: the standard ``excel`` dialect (``""`` escapes a quote,
quoted fields may span lines, a UTF-8 BOM is dropped) with only the delimiter
detected, from the header line outside quotes. Quoting is never guessed: a
record whose width differs from the header's, a quote out of place or a field
left open at the end refuses the whole file, naming the line. JSONL is read a
line at a time; a JSON document is read whole (it is one value).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from app.errors import InputError
from app.limits import MAX_DESCRIPTION_CHARS, load_json

FORMATS = ("auto", "csv", "json", "jsonl")
MAX_FILE_BYTES = 512 * 1024 * 1024
DELIMITERS = (",", ";", "\t", "|")
#: how much of a CSV file is looked at for the header line
_HEAD_CHARS = 1 << 20
#: a CSV field longer than this is a broken file, not a long description
_CSV_FIELD_LIMIT = 16 * MAX_DESCRIPTION_CHARS

BytesFn = Callable[[int], None]


class _Counted(io.RawIOBase):
    """A binary file that counts the bytes read from it (for progress)."""

    def __init__(self, raw: IO[bytes]) -> None:
        super().__init__()
        self.raw = raw
        self.done = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = self.raw.readinto(buffer)  # type: ignore[attr-defined]
        self.done += n or 0
        return n or 0

    def close(self) -> None:
        self.raw.close()
        super().close()


@dataclass
class ImportFile:
    """One file to import: its format, size, and (for CSV) delimiter and header."""

    path: Path
    fmt: str
    size: int
    encoding: str
    delimiter: str = ","
    header: list[str] | None = None
    _items: list[Any] | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return self.path.name

    def open_text(self) -> tuple[io.TextIOWrapper, _Counted]:
        counted = _Counted(self.path.open("rb"))
        text = io.TextIOWrapper(
            io.BufferedReader(counted, 1 << 16), encoding=self.encoding, newline=""
        )
        return text, counted

    def records(self, on_bytes: BytesFn | None = None) -> Iterator[tuple[int, Any]]:
        """(row number, record): a list of cells for CSV, a JSON value otherwise; rows count
        from 1 (a CSV's first row after the header). File-level problems → InputError."""
        if self.fmt == "csv":
            return self._csv(on_bytes)
        if self.fmt == "jsonl":
            return self._jsonl(on_bytes)
        return self._json(on_bytes)

    def _decoding(self, exc: UnicodeDecodeError, where: str) -> InputError:
        return InputError(
            f"{self.name} is not {self.encoding.upper().replace('-SIG', '')} text ({where}): "
            "save it as UTF-8 (e.g. 'CSV UTF-8' in Excel) and import again"
        )

    def _csv(self, on_bytes: BytesFn | None) -> Iterator[tuple[int, Any]]:
        assert self.header is not None
        width = len(self.header)
        text, counted = self.open_text()
        limit = csv.field_size_limit()
        csv.field_size_limit(max(limit, _CSV_FIELD_LIMIT))
        try:
            reader = csv.reader(text, csv.excel, delimiter=self.delimiter, strict=True)
            line = 0
            try:
                next(reader)  # the header, read by open_import
                line = reader.line_num
                n = 0
                for row in reader:
                    start, line = line + 1, reader.line_num
                    if not row:
                        continue  # a blank line
                    n += 1
                    if len(row) != width:
                        raise InputError(
                            f"{self.name}: line {start} has {len(row)} fields where the header "
                            f"has {width}: the file is not a clean CSV (a quote or "
                            "delimiter out of place?); nothing was imported"
                        )
                    yield n, row
                    if on_bytes is not None and n % 256 == 0:
                        on_bytes(counted.done)
            except csv.Error as exc:
                raise InputError(
                    f"{self.name}: line {max(reader.line_num, line + 1)} is not clean CSV "
                    f"({exc}); nothing was imported"
                ) from None
            except UnicodeDecodeError as exc:
                raise self._decoding(exc, f"after line {line}") from None
        finally:
            csv.field_size_limit(limit)
            text.close()
        if on_bytes is not None:
            on_bytes(self.size)

    def _jsonl(self, on_bytes: BytesFn | None) -> Iterator[tuple[int, Any]]:
        text, counted = self.open_text()
        n = 0
        try:
            for n, line in enumerate(text, 1):
                if not line.strip():
                    continue
                try:
                    yield n, load_json(line.rstrip("\r\n"))
                except json.JSONDecodeError as exc:
                    yield n, InputError(f"not JSON: {exc.msg} at column {exc.colno}")
                except InputError as exc:  # over a limit (nesting, digits)
                    yield n, exc
                if on_bytes is not None and n % 256 == 0:
                    on_bytes(counted.done)
        except UnicodeDecodeError as exc:
            raise self._decoding(exc, f"line {n + 1}") from None
        finally:
            text.close()
        if on_bytes is not None:
            on_bytes(self.size)

    def _json(self, on_bytes: BytesFn | None) -> Iterator[tuple[int, Any]]:
        items = self._items if self._items is not None else self._load_json()
        self._items = items  # a JSON document is one value: read once for both passes
        total = len(items)
        for n, item in enumerate(items, 1):
            yield n, item
            if on_bytes is not None and n % 256 == 0:
                on_bytes(self.size * n // max(total, 1))
        if on_bytes is not None:
            on_bytes(self.size)

    def release(self) -> None:
        """Forget a JSON document read for the first pass (after the last)."""
        self._items = None

    def _load_json(self) -> list[Any]:
        try:
            data_text = self.path.read_bytes().decode(self.encoding)
        except UnicodeDecodeError as exc:
            raise self._decoding(exc, f"byte {exc.start}") from None
        try:
            data = load_json(data_text)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{self.name} is not valid JSON: {exc.msg} (line {exc.lineno})"
            ) from None
        except InputError as exc:
            raise InputError(f"{self.name}: {exc.message}") from None
        del data_text
        items = _find_list(data)
        if items is None:
            raise InputError(
                f"{self.name} holds a JSON {_JSON_TYPES.get(type(data), 'value')}, not a list "
                "of postings (expected [ {...}, {...} ])"
            )
        return items


def open_import(path: Path, fmt: str = "auto") -> ImportFile:
    """Check the file and read what decides how to read the rest (format, CSV header)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown import format {fmt!r} (use one of {', '.join(FORMATS)})")
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(_HEAD_CHARS)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    if size > MAX_FILE_BYTES:
        raise InputError(f"{path.name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    encoding = _encoding(head, path.name)
    try:
        text = head.decode(encoding, errors="strict" if len(head) == size else "ignore")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path.name} is not UTF-8 text (bad byte at position {exc.start}): save it as "
            "UTF-8 (e.g. 'CSV UTF-8' in Excel) and import again"
        ) from None
    if not text.strip() and len(head) == size:
        raise InputError(f"{path.name} is empty")
    if fmt == "auto":
        fmt = _detect_format(path, text)
    source = ImportFile(path, fmt, size, encoding)
    if fmt == "csv":
        source.delimiter = detect_delimiter(text)
        source.header = _csv_header(source)
    return source


def _encoding(head: bytes, name: str) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if b"\x00" in head[:4096]:
        raise InputError(f"{name} is binary, not a CSV or JSON text file")
    return "utf-8-sig"


def _detect_format(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".json":
        return "json"
    if suffix in (".csv", ".tsv", ".txt"):
        return "csv"
    stripped = text.lstrip()
    head = stripped[:1]
    if head == "[":
        return "json"
    if head == "{":
        first = stripped.split("\n", 1)[0]
        try:
            load_json(first)
        except (json.JSONDecodeError, InputError):
            return "json"
        return "jsonl"
    return "csv"


def detect_delimiter(text: str) -> str:
    """The delimiter of a CSV text: the most frequent of ``, ; TAB |`` in its header line,
    counted outside quotes (a tie goes to the earlier of them; none at all: a comma)."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for ch in text.lstrip("\ufeff"):
        if ch == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif ch in "\r\n":
            break
        elif ch in counts:
            counts[ch] += 1
    best = max(DELIMITERS, key=lambda d: (counts[d], -DELIMITERS.index(d)))
    return best if counts[best] else ","


def _csv_header(source: ImportFile) -> list[str]:
    text, _ = source.open_text()
    try:
        reader = csv.reader(text, csv.excel, delimiter=source.delimiter, strict=True)
        header = next(reader, None)
    except csv.Error as exc:
        raise InputError(f"{source.name}: cannot read the CSV header ({exc})") from None
    except UnicodeDecodeError as exc:
        raise source._decoding(exc, "line 1") from None
    finally:
        text.close()
    if not header or not any(h.strip() for h in header):
        raise InputError(f"{source.name} is empty")
    from app.importing.mapping import field_of

    if not any(field_of(h) for h in header):
        raise InputError(
            f"{source.name} has no header row naming its columns (expected names like title, "
            "url, description, skills, budget)"
        )
    return [h.strip() for h in header]


_JSON_TYPES = {dict: "object", str: "string", int: "number", float: "number", bool: "boolean"}


def _find_list(data: Any, depth: int = 0) -> list[Any] | None:
    """The list of postings, also inside common wrappers ({"jobs": [...]}, GraphQL responses)."""
    if isinstance(data, list):
        if data and all(isinstance(item, dict) and set(item) == {"node"} for item in data):
            return [item["node"] for item in data]
        return data
    if not isinstance(data, dict) or depth > 6:
        return None
    for key in ("jobs", "results", "items", "postings", "edges", "data"):
        if key in data:
            found = _find_list(data[key], depth + 1)
            if found is not None:
                return found
    for value in data.values():
        if isinstance(value, dict):
            found = _find_list(value, depth + 1)
            if found is not None:
                return found
    return None
