"""Import files → records, read as a stream.

CSV is read exactly: the standard ``excel`` dialect (``""`` escapes a quote,
quoted fields may span lines, a UTF-8 BOM is dropped) with only the delimiter
detected, from the header line outside quotes. Quoting is never guessed: a
record whose width differs from the header's, a quote out of place or a field
left open at the end refuses the whole file, naming the line. JSONL is read a
line at a time; a JSON array
item by item (:func:`stream_json_array`), also when the list is inside a wrapper object
(``{"jobs": [...]}``, GraphQL responses): the wrapper's shape is read first to choose the
list as the whole-document reader did, then the list is streamed.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from app.errors import InputError
from app.limits import (
    MAX_DESCRIPTION_CHARS,
    MAX_NESTING,
    _json_int,
    check_json_nesting,
    load_json,
)

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
    #: where the postings of a wrapped JSON document are (see ``_wrapped``)
    _json_path: list[int] | None = field(default=None, repr=False)

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
        """A JSON array is streamed, one posting at a time (:func:`stream_json_array`); a
        document with the list inside a wrapper (``{"jobs": [...]}``) is read whole."""
        text, counted = self.open_text()
        try:
            try:
                first, line = _first_char(text)
                if first == "[":
                    n = 0
                    for n, item in stream_json_array(text, self.name, line):
                        yield n, item
                        if on_bytes is not None and n % 256 == 0:
                            on_bytes(counted.done)
                    if on_bytes is not None:
                        on_bytes(self.size)
                    return
                if first == "{":
                    yield from self._wrapped(text, counted, on_bytes, line)
                    return
            except UnicodeDecodeError as exc:
                raise self._decoding(exc, "in the list") from None
        finally:
            text.close()
        items = self._items if self._items is not None else self._load_json()
        self._items = items  # a wrapped document is one value: read once for both passes
        total = len(items)
        for n, item in enumerate(items, 1):
            yield n, item
            if on_bytes is not None and n % 256 == 0:
                on_bytes(self.size * n // max(total, 1))
        if on_bytes is not None:
            on_bytes(self.size)

    def _wrapped(
        self, text: IO[str], counted: _Counted, on_bytes: BytesFn | None, line: int = 1
    ) -> Iterator[tuple[int, Any]]:
        """The postings of a list inside a wrapper object, streamed: the list is chosen as
        :func:`_find_list` chooses it, from a first read that keeps only the wrapper's
        shape (the whole file is checked then, before any posting is given), then the file
        is read again down to that list and its items are given one at a time."""
        if self._json_path is None:
            cursor = _Cursor(text, self.name, line)
            cursor.buffer = "{"
            summary = next(_walk_object(cursor, 0, None, [False]))
            if cursor.skip_space() != "":
                raise cursor.broken("more text after the closing }", cursor.pos)
            path = _choose_path(summary)
            if path is None:
                raise InputError(
                    f"{self.name} holds a JSON object, not a list of postings "
                    "(expected [ {...}, {...} ])"
                )
            self._json_path = path
            text, counted = self.open_text()  # read again from the start, down to the list
            try:
                line = _first_char(text)[1]
                yield from self._wrapped_items(text, counted, on_bytes, line)
            finally:
                text.close()
            return
        yield from self._wrapped_items(text, counted, on_bytes, line)

    def _wrapped_items(
        self, text: IO[str], counted: _Counted, on_bytes: BytesFn | None, line: int
    ) -> Iterator[tuple[int, Any]]:
        assert self._json_path is not None
        cursor = _Cursor(text, self.name, line)
        cursor.buffer = "{"
        for item in _walk_object(cursor, 0, self._json_path, [False]):
            yield cursor.n, item
            if on_bytes is not None and cursor.n % 256 == 0:
                on_bytes(counted.done)
        if cursor.skip_space() != "":
            raise cursor.broken("more text after the closing }", cursor.pos)
        if on_bytes is not None:
            on_bytes(self.size)

    def release(self) -> None:
        """Forget a wrapped JSON document read for the first pass (after the last)."""
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


#: characters read at a time from a JSON array
_JSON_CHUNK = 1 << 16
#: one posting of a JSON array longer than this is a broken file (a description of any
#: length is cut to the setting later; only the file size bounds it, as before)
_JSON_ITEM_LIMIT = MAX_FILE_BYTES
_WHITESPACE = " \t\n\r"
_DECODER = json.JSONDecoder(parse_int=_json_int)
_MAY_GO_ON = "a number may go on in the next chunk"
_ENDED = re.compile(r"[ \t\n\r,\]]")


def _first_char(text: IO[str]) -> tuple[str, int]:
    """The first character of ``text`` that is not white space (the stream is left there),
    and the line it is on."""
    line = 1
    while True:
        ch = text.read(1)
        if ch == "" or ch not in _WHITESPACE + "\ufeff":
            return ch, line
        line += ch == "\n"


class _Cursor:
    """A window on a JSON text read in chunks: ``buffer[pos]`` is the next character."""

    def __init__(self, text: IO[str], name: str, line: int = 1) -> None:
        self.text = text
        self.name = name
        self.buffer = ""
        self.pos = 0
        self.lines_before = line  # line number at buffer[0]
        self.eof = False
        self.n = 0  # postings read so far (for messages)

    def more(self) -> bool:
        if self.eof:
            return False
        # a value longer than a chunk: read as much again, so that it is decoded a few
        # times (its length doubling), not once per chunk
        chunk = self.text.read(max(_JSON_CHUNK, len(self.buffer) - self.pos))
        if not chunk:
            self.eof = True
            return False
        self.lines_before += self.buffer.count("\n", 0, self.pos)
        self.buffer = self.buffer[self.pos :] + chunk
        self.pos = 0
        return True

    def skip_space(self) -> str:
        while True:
            buffer, pos = self.buffer, self.pos
            while pos < len(buffer) and buffer[pos] in _WHITESPACE:
                pos += 1
            self.pos = pos
            if pos < len(buffer):
                return buffer[pos]
            if not self.more():
                return ""

    def line(self, at: int) -> int:
        return self.lines_before + self.buffer.count("\n", 0, at)

    def over_limit(self, what: str, at: int) -> InputError:
        return InputError(
            f"{self.name}: {what} (posting {self.n + 1}, line {self.line(at)}); "
            "nothing was imported"
        )

    def broken(self, what: str, at: int) -> InputError:
        return InputError(
            f"{self.name} is not valid JSON: {what} (line {self.line(at)}); nothing was imported"
        )

    def value(self, outer: int = 0) -> Any:
        """Decode the whole JSON value at the cursor (the cursor moves past it); ``outer``
        brackets are open around it, so the nesting limit is the whole document's."""
        while True:
            buffer, pos = self.buffer, self.pos
            try:
                item, end = _DECODER.raw_decode(buffer, pos)
                if not self.eof and buffer[pos] not in '{["' and not _ENDED.search(buffer, end):
                    # a number may go on in the next chunk ("12" of "12.5"): read on
                    raise json.JSONDecodeError(_MAY_GO_ON, buffer, end)
                break
            except json.JSONDecodeError as exc:
                if len(buffer) - pos > _JSON_ITEM_LIMIT:
                    too_long = f"a posting is longer than {_JSON_ITEM_LIMIT:,} characters"
                    raise self.broken(too_long, pos) from None
                if not self.more() and exc.msg != _MAY_GO_ON:
                    raise self.broken(exc.msg, exc.pos) from None
            except InputError as exc:  # a number over the digit limit
                raise InputError(f"{self.name}: {exc.message}") from None
            except RecursionError:
                raise self.over_limit(f"nested deeper than {MAX_NESTING} levels", pos) from None
        if isinstance(item, list | dict):
            try:
                check_json_nesting(buffer[pos:end], outer)
            except InputError as exc:
                raise self.over_limit(exc.message, pos) from None
        self.pos = end
        return item

    def items(self, unwrap: bool | None = None, outer: int = 1) -> Iterator[Any]:
        """Each item of the JSON array whose ``[`` was just read; the cursor ends after ``]``.

        ``unwrap``: None takes ``{"node": x}`` items as ``x`` one by one (a top-level
        array, as before); True/False for a list in a wrapper, decided for the whole list
        as the whole-document reader does (all items are edges, or none is unwrapped).
        ``outer``: brackets open around each item (the list's own included)."""
        expect_item = True  # right after "[" or ","
        first = True
        while True:
            ch = self.skip_space()
            if ch == "":
                raise self.broken("the list is not closed with ]", len(self.buffer))
            if ch == "]":
                if expect_item and not first:
                    raise self.broken("a comma before ]", self.pos)
                self.pos += 1
                return
            if not expect_item:
                if ch != ",":
                    raise self.broken("expected , or ] after a posting", self.pos)
                self.pos += 1
                expect_item = True
                continue
            item = self.value(outer)
            first = False
            expect_item = False
            self.n += 1
            if unwrap is not False and isinstance(item, dict) and set(item) == {"node"}:
                item = item["node"]  # a GraphQL edge
            yield item


def stream_json_array(text: IO[str], name: str, line: int = 1) -> Iterator[tuple[int, Any]]:
    """(1-based index, value) of each item of the JSON array whose ``[`` was just read
    (on line ``line``).

    The text is read in chunks of :data:`_JSON_CHUNK` characters and each item decoded by
    the standard library's ``JSONDecoder.raw_decode`` as soon as it is whole, so memory
    holds one chunk and one item, never the file. Text that is not JSON, or an item over
    a limit (nesting, digits, :data:`_JSON_ITEM_LIMIT` characters), refuses the file as a
    JSON document over them always was: an :class:`InputError` naming the line.
    """
    cursor = _Cursor(text, name, line)
    for item in cursor.items():
        yield cursor.n, item
    if cursor.skip_space() != "":
        raise cursor.broken("more text after the list's closing ]", cursor.pos)


@dataclass
class _ListInfo:
    """What the choice of list needs to know of a list in a wrapper, without its items."""

    empty: bool = True
    edges: bool = True  # every item is {"node": ...}


#: a member of a wrapper object: its position among the members, and what its value is
#: (a nested summary, a _ListInfo, or None for anything else)
_Summary = dict[str, tuple[int, Any]]
#: wrapper objects deeper than this are decoded whole (the choice looks 6 levels down)
_WRAPPER_DEPTH = 6


def _walk_object(
    cursor: _Cursor, depth: int, target: list[int] | None, found: list[bool]
) -> Iterator[Any]:
    """Read the object whose ``{`` is at the cursor, member by member, checking it is JSON.

    Without ``target``: yields one :data:`_Summary` of it (the lists' items are read and
    dropped). With ``target`` (member positions down to a list): yields that list's items,
    the rest read and dropped; ``found[0]`` is set once the list was reached."""
    summary: _Summary = {}
    if depth > MAX_NESTING:
        raise cursor.over_limit(f"nested deeper than {MAX_NESTING} levels", cursor.pos)
    cursor.pos += 1  # "{"
    ordinal = 0
    while True:
        ch = cursor.skip_space()
        if ch == "}" and ordinal == 0:
            cursor.pos += 1
            break
        if ch != '"':
            what = "the object is not closed with }" if ch == "" else "expected a key in quotes"
            raise cursor.broken(what, cursor.pos)
        key = cursor.value()
        if cursor.skip_space() != ":":
            raise cursor.broken("expected : after a key", cursor.pos)
        cursor.pos += 1
        ch = cursor.skip_space()
        here = target is not None and target[0] == ordinal
        info: Any = None
        if ch == "{" and depth < _WRAPPER_DEPTH:
            inner = target[1:] if here and target is not None else None
            for got in _walk_object(cursor, depth + 1, inner, found):
                if inner is None:
                    info = got  # a summary (kept only when summarising)
                else:
                    yield got
        elif ch == "[":
            cursor.pos += 1
            if here and target is not None and len(target) == 2:
                found[0] = True
                yield from cursor.items(unwrap=bool(target[1]), outer=depth + 2)
            else:
                info = _ListInfo()
                for item in cursor.items(unwrap=False, outer=depth + 2):
                    info.empty = False
                    info.edges = info.edges and isinstance(item, dict) and set(item) == {"node"}
        elif ch == "":
            raise cursor.broken("the object is not closed with }", cursor.pos)
        else:
            cursor.value(depth + 1)
        if target is None:
            # a key given twice: json keeps the place of the first and the value of the last
            summary[key] = (ordinal, info)
        ordinal += 1
        ch = cursor.skip_space()
        if ch == ",":
            cursor.pos += 1
            continue
        if ch == "}":
            cursor.pos += 1
            break
        what = "the object is not closed with }" if ch == "" else "expected , or } after a value"
        raise cursor.broken(what, cursor.pos)
    if target is None:
        yield summary


def _choose_path(summary: _Summary, depth: int = 0) -> list[int] | None:
    """:func:`_find_list` over a summary: member positions down to the chosen list, then
    1 if its items are GraphQL edges (else 0); None when no list is found."""

    def look(info: Any, depth: int) -> list[int] | None:
        if isinstance(info, _ListInfo):
            return [int(not info.empty and info.edges)]
        if isinstance(info, dict):
            return _choose_path(info, depth)
        return None

    if depth > 6:
        return None
    for key in ("jobs", "results", "items", "postings", "edges", "data"):
        if key in summary:
            ordinal, info = summary[key]
            found = look(info, depth + 1)
            if found is not None:
                return [ordinal, *found]
    for ordinal, info in summary.values():
        if isinstance(info, dict):
            found = look(info, depth + 1)
            if found is not None:
                return [ordinal, *found]
    return None


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
