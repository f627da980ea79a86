"""Checking and normalising pasted text before any parser reads it."""

from __future__ import annotations

import re
import unicodedata

from app.errors import InputError

MAX_PASTE_BYTES = 5 * 1024 * 1024

_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_HTML_SIGNS = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<script[\s>]|<div[\s>]|<span[\s>]"
    r"|<meta\s|<link\s|<p>|<br\s*/?>|<a\s+href=",
    re.IGNORECASE,
)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?>")


def check_pasted_text(text: str) -> None:
    """Raise :class:`InputError` for text that cannot be a copied posting."""
    if len(text) * 4 > MAX_PASTE_BYTES and len(text.encode("utf-8", "replace")) > MAX_PASTE_BYTES:
        size = len(text.encode("utf-8", "replace")) / (1024 * 1024)
        raise InputError(
            f"the pasted text is {size:.1f} MB; a posting is a few KB (limit 5 MB): "
            "copy one page or a few search results"
        )
    if not text.strip():
        raise InputError("the text is empty: copy a job posting in your browser first")
    if _looks_binary(text):
        raise InputError("this is binary data, not text: copy the posting's text from the browser")
    if _looks_like_html(text):
        raise InputError(
            "this looks like HTML source, not the page text: select the posting on the "
            "page itself and copy that"
        )


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if "\x00" in sample:
        return True
    bad = sum(
        1
        for ch in sample
        if (unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and ch not in "\n\r\t\f\v")
        or ch == "\ufffd"
    )
    return bad > max(8, len(sample) // 20)


def _looks_like_html(text: str) -> bool:
    sample = text[:200000]
    if not _HTML_SIGNS.search(sample):
        return False
    if sample.lstrip().startswith("<"):
        return True
    # a posting may quote some markup; page source is mostly markup
    tags = _TAG.findall(sample)
    return len(tags) >= 10 and sum(map(len, tags)) > len(sample) * 0.3


def normalise(text: str) -> str:
    """Plain spaces for non-breaking ones, no zero-width characters, ``\\n`` line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "".join(
        ch
        for ch in text
        if ch in "\n" or not (unicodedata.category(ch) == "Cc" or ch in "\u2028\u2029")
    )
    return text
