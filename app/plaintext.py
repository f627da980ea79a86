"""Text from postings, replies and users, made fit to show as what it is.

A posting's title is a stranger's text. Shown in a list, a window title or a
message it must not reorder what surrounds it (a right-to-left override,
U+202E, makes ``gpj.exe`` read ``exe.jpg``), hide characters (a zero-width
space splits a word that looks whole) or carry control characters. These
functions are what every view uses; the stored text is never changed (it is
the user's evidence), only what is shown.

* :func:`inline` — one line (a title, a list cell, a window title): bidi
  controls, zero-width characters and controls removed, line breaks and tabs
  become spaces, runs of spaces one.
* :func:`block` — a body of text (a description, a tooltip): the bidi
  embeddings, overrides and isolates, zero-width spaces and controls other
  than line breaks and tabs are removed; the marks right-to-left text needs
  (LRM, RLM) stay.

Zero-width joiners (U+200C, U+200D) are kept between two characters outside
ASCII (emoji sequences, Persian and Indic scripts need them) and removed
elsewhere. Escaping for Qt's rich text is the ui's part (``ui.plain``).
"""

from __future__ import annotations

import re

#: embeddings, overrides and isolates: they reorder the text around them
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
#: direction marks: invisible, harmless in a body of right-to-left text, noise in a title
BIDI_MARKS = "\u200e\u200f\u061c"
#: characters that take no space: word breaks, byte order marks, the Mongolian separator
ZERO_WIDTH = "\u200b\u2060\ufeff\u180e\u00ad"
_JOINERS = "\u200c\u200d"
_C0_C1 = "".join(chr(c) for c in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)])

_BLOCK_DROP = re.compile(
    f"[{BIDI_CONTROLS}{ZERO_WIDTH}{_C0_C1.replace(chr(9), '').replace(chr(10), '')}]"
)
_INLINE_DROP = re.compile(f"[{BIDI_CONTROLS}{BIDI_MARKS}{ZERO_WIDTH}]")
_INLINE_SPACE = re.compile(f"[{re.escape(_C0_C1)}\\s]+")
#: a joiner not between two characters outside ASCII
_STRAY_JOINER = re.compile(f"(?<![^\\x00-\\x7f])[{_JOINERS}]|[{_JOINERS}](?![^\\x00-\\x7f])")


def inline(text: str | None, limit: int | None = None) -> str:
    """``text`` as one clean line (at most ``limit`` characters, cut with "…")."""
    if not text:
        return ""
    line = _INLINE_SPACE.sub(" ", _STRAY_JOINER.sub("", _INLINE_DROP.sub("", text))).strip()
    if limit is not None and len(line) > limit:
        line = line[: max(0, limit - 1)].rstrip() + "…"
    return line


def block(text: str | None) -> str:
    """``text`` with its line breaks, without what reorders or hides characters."""
    if not text:
        return ""
    return _STRAY_JOINER.sub("", _BLOCK_DROP.sub("", text.replace("\r\n", "\n")))


#: a line longer than this is laid out as a whole each time Qt shows any of it
LONG_LINE = 2_000
#: what a label (which lays out all its text at once) shows of a long text
PREVIEW_CHARS = 20_000


def breakable(text: str, every: int = LONG_LINE) -> str:
    """``text`` with, in each line longer than ``every``, a space turned into a line break
    about every ``every`` characters: same length, same offsets, so a text view lays it
    out lazily a block at a time (a 5 MB one-line description took Qt 90 s as one block).

    A stretch with no space at all stays as it is (see :func:`longest_line`).
    """
    if len(text) <= every:
        return text
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if len(line) > every:
            lines[n] = _break_line(line, every)
    return "\n".join(lines)


def _break_line(line: str, every: int) -> str:
    pieces, pos = [], 0
    while len(line) - pos > every:
        cut = line.find(" ", pos + every)
        if cut < 0:
            break
        pieces.append(line[pos:cut])
        pos = cut + 1
    pieces.append(line[pos:])
    return "\n".join(pieces)


def longest_line(text: str) -> int:
    return max((len(line) for line in text.split("\n")), default=0)


def preview(text: str, limit: int = PREVIEW_CHARS) -> tuple[str, int]:
    """What a label shows of ``text``: the first ``limit`` characters (cut at a space when
    one is near), lines without spaces broken every :data:`LONG_LINE` characters (a label
    cannot wrap them); and how many characters were left out."""
    left_out = 0
    if len(text) > limit:
        cut = text.rfind(" ", limit - 200, limit)
        cut = cut if cut > 0 else limit
        text, left_out = text[:cut].rstrip() + " …", len(text) - cut
    lines = breakable(text).split("\n")
    for n, line in enumerate(lines):
        if len(line) > LONG_LINE:
            lines[n] = "\n".join(line[i : i + LONG_LINE] for i in range(0, len(line), LONG_LINE))
    return "\n".join(lines), left_out
