"""Reposts and ghost jobs: the same client posting a near-identical title again.

The rows come from storage (:func:`app.storage.reposts.repeat_client_postings`);
this module decides which posting repeats which. A repost within
:data:`REPOST_WINDOW_DAYS` of the earlier one is a fact the red-flag rules read
(``repost_days``; the rule ``repost`` in resources/rules/red_flags.toml), with the
earlier posting as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from app.storage.reposts import ClientPosting

#: how far back an earlier posting counts
REPOST_WINDOW_DAYS = 30
#: titles this similar (shared words over all words) are near-identical
SAME_TITLE = 0.8

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Earlier:
    """The earlier posting a posting repeats."""

    id: int
    title: str
    seen_at: datetime
    #: whole days between the two
    days: int


def title_words(title: str) -> frozenset[str]:
    return frozenset(_WORD.findall(title.lower()))


def near_identical(a: frozenset[str], b: frozenset[str]) -> bool:
    """Titles with the same words, give or take one in five."""
    if not a or not b:
        return False
    return len(a & b) / len(a | b) >= SAME_TITLE


def find_reposts(rows: Iterable[ClientPosting]) -> dict[int, Earlier]:
    """For each posting that repeats an earlier one of the same client within the window:
    the latest such earlier posting."""
    by_client: dict[tuple, list[tuple[ClientPosting, frozenset[str]]]] = {}
    for row in rows:
        by_client.setdefault(row.client, []).append((row, title_words(row.title)))
    found: dict[int, Earlier] = {}
    for postings in by_client.values():
        postings.sort(key=lambda p: (p[0].seen_at, p[0].id))
        for i, (later, words) in enumerate(postings):
            for earlier, before in reversed(postings[:i]):
                days = (later.seen_at - earlier.seen_at).days
                if days > REPOST_WINDOW_DAYS:
                    break
                if near_identical(words, before):
                    found[later.id] = Earlier(earlier.id, earlier.title, earlier.seen_at, days)
                    break
    return found
