"""Limits on the structure of what users feed in (JSON, JSONL, TOML), checked before parsing.

Python's parsers recurse once per ``[`` or ``{`` (``json`` in C, ``tomllib`` in
Python), so text nested a hundred thousand deep ends in a ``RecursionError``;
``int()`` refuses a number of more than 4,300 digits with a ``ValueError``; and
``tomllib`` needs memory quadratic in the parts of a dotted key
(``a.a.a… = 1`` with 10,000 parts takes 400 MB). No real posting, profile or
rule file comes near these limits; text that does is refused with a one-line
:class:`~app.errors.InputError` before any parser sees it.

The checks scan the text with regular expressions (no recursion): strings and
comments are skipped, the brackets that remain are counted.

Size limits live next to the code they guard (the README states each where it
describes the input): ``app.importing.MAX_FILE_BYTES`` (an import file),
``app.cli.common.MAX_INPUT_BYTES`` (a file or standard input for a command),
``app.parsing.text.MAX_PASTE_BYTES`` (pasted text) and the template limits in
``app.drafting.render``.
"""

from __future__ import annotations

import json
import re
import tomllib
from itertools import accumulate
from typing import Any

from app.errors import InputError

#: ``[`` / ``{`` open at once in a JSON or TOML document (an Upwork GraphQL object needs 6)
MAX_NESTING = 64
#: digits of one integer in JSON or TOML (a 64-bit id has 19)
MAX_INT_DIGITS = 50
#: parts of one dotted TOML key or table name (``[rules.budget-low]`` has 2)
MAX_KEY_PARTS = 32
#: characters of an imported posting's description, by default: a longer one is cut to the
#: setting ``import.max_description_chars`` (with a note in the report), not refused
MAX_DESCRIPTION_CHARS = 200_000
#: characters of any other imported field (title, URL, skills, category, ...)
MAX_FIELD_CHARS = 10_000

_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}

# -- JSON ------------------------------------------------------------------------------------

#: every byte but the quote and the brackets (UTF-8 never puts these bytes inside a character)
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'"[]{}')
#: a string that still holds brackets, once everything else is gone
_QUOTED = re.compile(rb'"[^"]*"')
_JSON_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)


def load_json(text: str) -> Any:
    """``json.loads`` within :data:`MAX_NESTING` and :data:`MAX_INT_DIGITS`.

    A limit broken raises :class:`InputError` ("nested deeper than …", naming the
    line); text that is not JSON raises ``json.JSONDecodeError`` as ``json.loads`` does.
    """
    check_json_nesting(text)
    return json.loads(text, parse_int=_json_int)


def check_json_nesting(text: str, outer: int = 0) -> None:
    """Refuse JSON text with more than :data:`MAX_NESTING` brackets open at once
    (``outer``: brackets already open around ``text``, for a value inside a document).

    Byte operations only, so it costs about half of what ``json.loads`` does: drop
    escaped backslashes and quotes, keep quotes and brackets, drop the quote pairs that
    hold nothing (any two adjacent quotes can go: they leave the pairing of the rest
    as it was), drop the strings that are left, count.
    """
    data = text.encode("utf-8", "surrogatepass").replace(b"\\\\", b"").replace(b'\\"', b"")
    structure = data.translate(None, _NOT_STRUCTURE).replace(b'""', b"")
    brackets = _QUOTED.sub(b"", structure).replace(b'"', b"").decode("ascii")
    if len(brackets) + outer <= MAX_NESTING or _depth(brackets) + outer <= MAX_NESTING:
        return
    depth = outer
    for token in _JSON_TOKENS.finditer(text):
        depth += _STEP.get(token.group(), 0)
        if depth > MAX_NESTING:
            raise _too_deep(text, token.start())
    raise _too_deep(text, None)  # not JSON either (a string left open): no line to name


def _json_int(literal: str) -> int:
    digits = len(literal) - literal.startswith("-")
    if digits > MAX_INT_DIGITS:
        raise InputError(f"a number has {digits:,} digits (at most {MAX_INT_DIGITS} are read)")
    return int(literal)


def _depth(brackets: str) -> int:
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def _too_deep(text: str, position: int | None) -> InputError:
    lines = position is not None and "\n" in text
    where = f" (line {text.count(chr(10), 0, position) + 1})" if lines else ""
    return InputError(f"nested deeper than {MAX_NESTING} levels{where}")


# -- TOML ------------------------------------------------------------------------------------

#: strings (all four kinds) and comments, which may hold any bracket or dot
_TOML_SKIP = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""+'
    r"|'''(?:[^']|'(?!''))*'''+"
    r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"'
    r"|'[^'\n]*'"
    r"|#[^\n]*",
    re.DOTALL,
)
_TOML_BRACKETS = re.compile(r"[\[\]{}]")
_TOML_LONG_KEY = re.compile(
    r"(?<![\w-])[\w-]+(?:[ \t]*\.[ \t]*[\w-]+){%d,}" % MAX_KEY_PARTS  # noqa: UP031
)
_TOML_LONG_INT = re.compile(
    r"(?<![\w.:+-])[+-]?\d[\dA-Fa-fxob_]{%d,}" % MAX_INT_DIGITS  # noqa: UP031
)


def load_toml(text: str, source: str) -> dict[str, Any]:
    """``tomllib.loads`` within the limits; every problem is an InputError naming ``source``."""
    try:
        check_toml(text)
        return tomllib.loads(text)
    except InputError as exc:
        raise InputError(f"{source}: {exc.message}") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{source}: not valid TOML: {exc}") from None


def check_toml(text: str) -> None:
    """Refuse TOML text that ``tomllib`` could not read within bounded time and memory.

    Over :data:`MAX_NESTING` arrays or inline tables open at once, a key of more
    than :data:`MAX_KEY_PARTS` dotted parts, an integer of more than
    :data:`MAX_INT_DIGITS` digits: :class:`InputError` naming the line.
    """
    code = _TOML_SKIP.sub(_blank_out, text)
    brackets = _TOML_BRACKETS.findall(code) if len(code) > MAX_NESTING else []
    if len(brackets) > MAX_NESTING and _depth("".join(brackets)) > MAX_NESTING:
        depth = 0
        for match in _TOML_BRACKETS.finditer(code):
            depth += _STEP[match.group()]
            if depth > MAX_NESTING:
                raise _too_deep(code, match.start())
    if key := _TOML_LONG_KEY.search(code):
        line = code.count("\n", 0, key.start()) + 1
        raise InputError(f"a key has more than {MAX_KEY_PARTS} dotted parts (line {line})")
    if number := _TOML_LONG_INT.search(code):
        line = code.count("\n", 0, number.start()) + 1
        raise InputError(f"a number has more than {MAX_INT_DIGITS} digits (line {line})")


def _blank_out(match: re.Match[str]) -> str:
    """A string becomes one placeholder character (a key part still), a comment nothing;
    the newlines stay, so line numbers do too."""
    found = match.group()
    return ("" if found.startswith("#") else "s") + "\n" * found.count("\n")


# -- imported fields -------------------------------------------------------------------------


def check_field_size(name: str, value: Any) -> None:
    """Refuse an imported field longer than its limit; the description is cut instead
    (:func:`cut_description`), so it is not checked here."""
    if name == "description":
        return
    limit = MAX_FIELD_CHARS
    size = _chars(value, limit)
    if size > limit:
        shown = name.replace("_", " ")
        raise InputError(f"{shown} is over {limit:,} characters (the limit for one field)")


def cut_description(text: str | None, limit: int) -> tuple[str | None, str | None]:
    """``text`` cut to ``limit`` characters, and the note saying so (None when it fits)."""
    if text is None or len(text) <= limit:
        return text, None
    note = (
        f"description cut from {len(text):,} to {limit:,} characters (the limit is the "
        "setting import.max_description_chars)"
    )
    return text[:limit], note


def _chars(value: Any, limit: int) -> int:
    """About how many characters ``value`` holds; stops counting past ``limit``."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        value = list(value.values())
    if not isinstance(value, list):
        return value.bit_length() // 3 + 1 if isinstance(value, int) else 24
    total = 0
    for item in value:
        total += _chars(item, limit - total) + 1
        if total > limit:
            break
    return total
