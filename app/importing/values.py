"""Cell values as exporters and scrapers write them, made plain.

Python list literals in a cell (``"['Flutter', 'MySQL']"``, ``"['$15.00', '']"``)
are read as data with :func:`ast.literal_eval` (never evaluated), HTML in text
fields is turned into text with :mod:`html.parser` (entities decoded, ``<br>``
and block ends as newlines, other tags dropped), durations like ``< 1 month``
and proposal bands like ``5-10`` in the words Upwork uses.
"""

from __future__ import annotations

import ast
import html
import re
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

from app.errors import InputError
from app.limits import MAX_FIELD_CHARS, MAX_NESTING

#: text that may hold markup or an entity (else it is returned as it is, without parsing)
_MAYBE_HTML = re.compile(r"<[A-Za-z/!]|&(?:#\d+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);?")
#: tags whose end (or, for ``br``, whose mere presence) starts a new line
_LINE_TAGS = frozenset({"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})
#: tags whose content is no text
_HIDDEN_TAGS = frozenset({"script", "style", "head", "title", "template"})
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_TRAILING = re.compile(r"[ \t]+\n")
_UPWORK_SUFFIX = re.compile(r"\s+[-–|]\s+Upwork\s*$", re.IGNORECASE)


def list_literal(text: str, what: str) -> list[Any] | None:
    """The items of a list literal in a cell, or None when the cell is not one.

    Read with :func:`ast.literal_eval`: only literals (strings, numbers, lists,
    dicts, ``None``) are accepted, nothing is evaluated; a literal over the field
    limit or nested deeper than :data:`~app.limits.MAX_NESTING` is refused unread.
    """
    stripped = text.strip()
    if not (stripped.startswith("[") and stripped.endswith("]")):
        return None
    if len(stripped) > MAX_FIELD_CHARS:
        raise InputError(f"{what} is over {MAX_FIELD_CHARS:,} characters")
    found = _literal(stripped)
    if found is _TOO_DEEP:
        raise InputError(f"{what} is nested deeper than {MAX_NESTING} levels")
    return list(found) if isinstance(found, tuple) else None


_TOO_DEEP = object()
#: a list of plain quoted strings (no escapes, no line breaks), the common scraper cell: its
#: items are read without ``ast`` (a test checks they are what ``ast.literal_eval`` reads)
_STRING = r"""'[^'\\\r\n]*'|"[^"\\\r\n]*\""""
_SIMPLE_LIST = re.compile(rf"\[\s*(?:(?:{_STRING})\s*(?:,\s*(?:{_STRING})\s*)*,?\s*)?\]")
_LIST_STRING = re.compile(r"""'([^'\\\r\n]*)'|"([^"\\\r\n]*)\"""")


@lru_cache(maxsize=8192)
def _literal(text: str) -> object:
    """A list literal's items as a tuple (cached: scrapers repeat ``['']`` and skill lists),
    :data:`_TOO_DEEP`, or None when the text is no list literal."""
    if _SIMPLE_LIST.fullmatch(text):  # ['Flutter', 'MySQL']: strings only, no escapes
        return tuple(m.group(1) if m.group(1) is not None else m.group(2)
                     for m in _LIST_STRING.finditer(text))  # fmt: skip
    if _nesting(text) > MAX_NESTING:
        return _TOO_DEEP
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None  # "[urgent] fix my site" is text, not a list
    return tuple(value) if isinstance(value, list) else None


def _nesting(text: str) -> int:
    depth = deepest = 0
    for ch in text:
        if ch in "[{(":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]})":
            depth -= 1
    return deepest


def list_items(value: Any) -> list[Any]:
    """The non-empty items of a list (``['']`` and ``[]`` have none), flattened one level."""
    items: list[Any] = []
    for item in value:
        if isinstance(item, list):
            items.extend(list_items(item))
        elif item is None or (isinstance(item, str) and not item.strip()):
            continue
        else:
            items.append(item)
    return items


def cell(value: Any, what: str) -> Any:
    """A raw value with list literals read and empty lists as None."""
    if isinstance(value, str):
        if "[" not in value:
            return value
        parsed = list_literal(value, what)
        if parsed is not None:
            value = parsed
    if isinstance(value, list):
        items = list_items(value)
        return items or None
    return value


def scalar(value: Any) -> Any:
    """One value for a field that holds one: a list's items joined (``$15 - $30``)."""
    if isinstance(value, list):
        if len(value) == 1:
            return value[0]
        return " - ".join(str(v) for v in value)
    return value


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def _line(self) -> None:
        """Start a new line, unless one has just been started."""
        if self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self._line()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "p":
            self.parts.append("\n")
        elif tag in _LINE_TAGS:
            self._line()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


#: a tag without attributes (``<br>``, ``</p>``, ``<br/>``): the markup exports carry
_SIMPLE_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\s*(/?)>")


def _simple_html(text: str) -> list[str] | None:
    """What :class:`_TextParser` collects from ``text`` when its only markup is simple tags
    (no attributes, comments or hidden content), without :mod:`html.parser`'s tokenizer;
    None for any other markup (then the parser reads it). A test checks both agree."""
    if "<" not in text:
        return [html.unescape(text)]
    parts: list[str] = []

    def line() -> None:
        if parts and not parts[-1].endswith("\n"):
            parts.append("\n")

    start = 0
    for match in _SIMPLE_TAG.finditer(text):
        data = text[start : match.start()]
        if "<" in data:
            return None
        if data:
            parts.append(html.unescape(data))
        closing, name, self_closing = match.groups()
        tag = name.lower()
        if tag in _HIDDEN_TAGS:
            return None
        if closing:
            if tag == "p":
                parts.append("\n")
            elif tag in _LINE_TAGS:
                line()
        elif tag == "br":
            parts.append("\n")
        elif tag == "li" and not self_closing:
            line()
        start = match.end()
    rest = text[start:]
    if "<" in rest or "&" in rest[-10:]:
        return None  # html.parser keeps an unfinished "&am" at the end as it is: let it
    if rest:
        parts.append(html.unescape(rest))
    return parts


def html_text(text: str) -> str:
    """Text with HTML entities decoded and tags turned into line breaks or dropped.

    ``<br>`` and the end of a paragraph, list item, ``div`` or heading become a
    newline, other tags are dropped, ``script`` and ``style`` with their content;
    text without markup or entities is returned as it is.
    """
    if not _MAYBE_HTML.search(text):
        return text
    parts = _simple_html(text)
    if parts is None:
        parser = _TextParser()
        parser.feed(text)
        parser.close()
        parts = parser.parts
    out = "".join(parts)
    out = _TRAILING.sub("\n", out)
    return _BLANK_LINES.sub("\n\n", out)


def clean_text(value: Any) -> str | None:
    """A text field: HTML made plain, non-breaking spaces as spaces, trimmed; None if empty."""
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    text = str(value)
    return _short_text(text) if len(text) <= 200 else _plain(text)


def _plain(text: str) -> str | None:
    return html_text(text).replace("\u00a0", " ").strip() or None


#: short values repeat (categories, countries, durations): each is made plain once
_short_text = lru_cache(maxsize=16384)(_plain)


def clean_title(value: Any) -> str | None:
    """A title as :func:`clean_text`, without the `` - Upwork`` an RSS feed appends."""
    text = clean_text(value)
    if text is None:
        return None
    return _UPWORK_SUFFIX.sub("", text).strip() or text


#: the durations Upwork shows, by what scrapers write for them
_DURATIONS = (
    (re.compile(r"^(?:<|less than|under)\s*(?:1|a|one)\s*month$", re.I), "Less than 1 month"),
    (re.compile(r"^(?:<|less than|under)\s*(?:1|a|one)\s*week$", re.I), "Less than 1 week"),
    (re.compile(r"^(\d+)\s*(?:-|–|to)\s*(\d+)\s*months?$", re.I), "{0} to {1} months"),
    (re.compile(r"^(?:>|more than|over)\s*(\d+)\s*months?$", re.I), "More than {0} months"),
    (re.compile(r"^(\d+)\s*\+\s*months?$", re.I), "More than {0} months"),
)
_HOURS = (
    (re.compile(r"^(?:<|less than|under)\s*(\d+)\s*(?:hrs?|hours?)(?:\s*/\s*week)?$", re.I),
     "Less than {0} hrs/week"),
    (re.compile(r"^(?:>|more than|over)\s*(\d+)\s*(?:hrs?|hours?)(?:\s*/\s*week)?$", re.I),
     "More than {0} hrs/week"),
    (re.compile(r"^(\d+)\s*\+\s*(?:hrs?|hours?)(?:\s*/\s*week)?$", re.I), "More than {0} hrs/week"),
)  # fmt: skip


def _normalise(text: str | None, table: tuple[tuple[re.Pattern[str], str], ...]) -> str | None:
    if text is None:
        return None
    plain = " ".join(text.split())
    for pattern, shown in table:
        match = pattern.match(plain)
        if match:
            return shown.format(*match.groups())
    return plain


def duration_text(text: str | None) -> str | None:
    """``< 1 month`` → ``Less than 1 month``; ``1-3 months`` → ``1 to 3 months``."""
    return _normalise(text, _DURATIONS)


def hours_text(text: str | None) -> str | None:
    """``< 30 hrs/week`` → ``Less than 30 hrs/week``; other text as it is."""
    return _normalise(text, _HOURS)


_BAND = re.compile(r"^(\d+)\s*(?:-|–|to)\s*(\d+)$")


def proposal_band(text: str) -> str:
    """Bands as scrapers write them in the words of :func:`app.parsing.upwork.proposal_bucket`:
    ``5-10`` → ``5 to 10``, ``Proposals: 50+`` → ``50+``, ``12.0`` → ``12``."""
    key = " ".join(text.replace("Proposals:", "").split()).lower()
    band = _BAND.match(key)
    if band:
        return f"{band.group(1)} to {band.group(2)}"
    if re.fullmatch(r"\d+\.0+", key):
        return key.split(".")[0]
    if re.fullmatch(r"<\s*\d+", key):
        return f"less than {key[1:].strip()}"
    return key
