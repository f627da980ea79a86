"""What views show of a stranger's text: no reordering, no hidden characters, no controls."""

from __future__ import annotations

import pytest

from app.plaintext import block, inline


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Invoice\u202egpj.exe", "Invoicegpj.exe"),  # an override cannot reverse the end
        ("pay\u200bpal", "paypal"),  # a zero-width space cannot split a word unseen
        ("a\u2066b\u2069c\u200ed\u200ff", "abcdf"),  # isolates and marks
        ("bell\x07 and\x1b[31m escape", "bell and [31m escape"),
        ("line one\nline two\ttab\r\n", "line one line two tab"),
        ("  many    spaces  ", "many spaces"),
        ("\ufeffBOM first", "BOM first"),
        ("C1\x85next\x9bcsi", "C1 next csi"),
        ("👩\u200d💻 developer", "👩\u200d💻 developer"),  # a joiner inside an emoji stays
        ("می\u200cخواهم", "می\u200cخواهم"),  # and inside Persian words
        ("stray\u200d joiner\u200c", "stray joiner"),
        ("", ""),
        (None, ""),
    ],
)
def test_inline_is_one_clean_line(text: str | None, shown: str) -> None:
    assert inline(text) == shown


def test_inline_cuts_to_a_limit() -> None:
    assert inline("x" * 10, 5) == "xxxx…"
    assert inline("short", 5) == "short"


def test_block_keeps_lines_tabs_and_the_marks_rtl_text_needs() -> None:
    text = "שלום\u200f world\u202e!\nsecond\tline\x00\u200b"
    assert block(text) == "שלום\u200f world!\nsecond\tline"
    assert block("a\r\nb") == "a\nb"
