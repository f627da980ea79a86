"""Capturing postings: pasted text → parsed facts → stored rows (one call per user action).

:func:`store_postings` is the single path every capture takes (paste in the
GUI, ``pwb add``, the review dialog), so work that must follow storing a
posting (scoring, once it exists) is added in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from app.domain import PostingFacts
from app.parsing.upwork import parse_postings
from app.storage.jobs import add_posting
from app.storage.models import JobPosting


def store_postings(
    session: Session, postings: Sequence[PostingFacts], *, source: str = "paste"
) -> list[tuple[JobPosting, bool]]:
    """Store parsed (and possibly user-corrected) postings; (row, created) for each."""
    return [add_posting(session, facts, source=source) for facts in postings]


def capture_text(
    session: Session, text: str, *, now: datetime | None = None, source: str = "paste"
) -> list[tuple[JobPosting, bool]]:
    """Parse pasted text and store every posting in it."""
    return store_postings(session, parse_postings(text, now), source=source)
