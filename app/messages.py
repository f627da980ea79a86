"""A message app/ builds for a person: a constant English template and its named values.

``str(message)`` is the English text the command line and the reports print (byte for byte
what they printed before messages existed). The GUI translates the template (ui/app_texts.py
marks every template written as ``Message("…", …)`` in app/, see :func:`templates_in`), then
fills in the values the way the user's locale writes them (ui.app_words.message). So a value
says what it is: a count, a fraction shown as a percent, a decimal, a day, a factor ("3.0×"),
a word app/ defines (translated too) or text the user wrote (never translated).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TypeAlias


@dataclass(frozen=True)
class Count:
    """A whole number: ``1,234`` (``1234`` where the English text never grouped it)."""

    value: int
    grouped: bool = True

    def __str__(self) -> str:
        return f"{self.value:,}" if self.grouped else str(self.value)


@dataclass(frozen=True)
class Percent:
    """A fraction shown as a whole percent: ``0.25`` -> ``25%``; None -> an en dash."""

    value: float | None

    def __str__(self) -> str:
        return "–" if self.value is None else f"{self.value * 100:.0f}%"


@dataclass(frozen=True)
class Decimal:
    """A number with ``digits`` decimals, grouped: ``1,234.5``; None -> an en dash."""

    value: float | None
    digits: int = 1

    def __str__(self) -> str:
        return "–" if self.value is None else f"{self.value:,.{self.digits}f}"


@dataclass(frozen=True)
class Times:
    """A factor: ``3.0``."""

    value: float

    def __str__(self) -> str:
        return f"{self.value:.1f}"


@dataclass(frozen=True)
class Day:
    """A calendar day: ``2026-12-03`` (the locale's short date in the GUI)."""

    value: date

    def __str__(self) -> str:
        return self.value.isoformat()


@dataclass(frozen=True)
class Text:
    """Text that is data, not words of the app (a category, a setting's value): never
    translated."""

    value: str

    def __str__(self) -> str:
        return self.value


Value: TypeAlias = "Count | Percent | Decimal | Times | Day | Text | Message"


@dataclass(frozen=True)
class Message:
    """``template`` (English, ``{name}`` placeholders) with its ``params``."""

    template: str
    params: dict[str, Value] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.template.format(**{name: str(v) for name, v in self.params.items()})


def message(template: str, **params: Value) -> Message:
    return Message(template, params)


def templates_in(source: Path) -> Iterator[str]:
    """The templates a module writes as ``message("…", …)`` / ``Message("…", …)`` (a literal
    first argument, implicit concatenation allowed): what ui/app_texts.py marks for lupdate."""
    tree = ast.parse(source.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("message", "Message")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.args[0].value
