"""What a copied text is, before anything is stored: the clipboard watch's one call.

:func:`preview_text` turns text (the clipboard) into a :class:`CopiedPosting` for each
posting in it, parsed with the paste parser, tested with :func:`app.capture.looks_like_posting`
(the test ``pwb add`` uses) and scored against the active profile in memory. A posting
stored before (same platform id, URL or text) shows its stored verdict and whether the user
applied to it. Text that is not a posting gives None, and nothing about it is kept or
logged: the clipboard holds whatever the user copied.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from app import clock, plaintext
from app.capture import has_posting_facts, looks_like_posting, store_postings
from app.domain import JobStatus, PostingFacts
from app.errors import InputError
from app.parsing.upwork import parse_postings
from app.profiles import active_profile
from app.proposals import earlier_proposals
from app.scoring.service import scorer_for
from app.storage.jobs import find_by_key
from app.storage.postings import dedup_key
from app.storage.scores import load_card

#: the reasons a notice shows (the factors that moved the score most)
TOP_REASONS = 3
#: the flags a notice shows, worst first
TOP_FLAGS = 3
#: a copied text shorter than this is never a posting (and is not parsed at all)
MIN_CHARS = 40
_SEVERITY_ORDER = {"critical": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class CopiedPosting:
    """One posting found in a copied text, scored (or as stored, when it was before)."""

    facts: PostingFacts
    title: str
    #: apply | maybe | skip; None while there is no profile to score against
    verdict: str | None
    total: int | None
    #: the top factors, "Skills: 4 of 5 match (+20)"
    reasons: list[str] = field(default_factory=list)
    #: the worst flags, "critical: Asks for free work: “…”"
    flags: list[str] = field(default_factory=list)
    connects: int | None = None
    value_per_connect: float | None = None
    #: the stored posting's id, when this posting was saved before
    job_id: int | None = None
    #: what the user already sent for it ("proposal 3 (submitted 2026-12-01)")
    applied: list[str] = field(default_factory=list)
    #: the text shows facts only a posting has (a budget, skills, a URL, client facts),
    #: not just enough words: only such a posting is saved without asking
    structured: bool = True

    @property
    def saved(self) -> bool:
        return self.job_id is not None

    def state(self) -> str:
        """``Already saved`` / ``You applied: proposal 3 (submitted …)`` / ``New``."""
        if self.applied:
            return f"You applied: {'; '.join(self.applied)}"
        if self.saved:
            return "Already saved"
        return "New posting"


def preview_text(
    session: Session, text: str, *, now: datetime | None = None
) -> list[CopiedPosting] | None:
    """Each posting in ``text``, scored and looked up; None when the text is no posting."""
    if len(text.strip()) < MIN_CHARS:
        return None
    now = now or clock.now()
    try:
        postings = parse_postings(text, now)
    except InputError:
        return None
    if not postings or not all(looks_like_posting(p) for p in postings):
        return None
    return [preview_posting(session, facts, now) for facts in postings]


def failure_line(exc: BaseException) -> str:
    """One line for the log when a preview fails: the exception's type and where it was raised
    (``file:line in function`` of the innermost frame), never its message, arguments or the
    frames' locals: they may carry the copied text, which is the user's business only."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return type(exc).__name__
    last = frames[-1]
    parts = last.filename.replace("\\", "/").split("/")
    return f"{type(exc).__name__} at {'/'.join(parts[-2:])}:{last.lineno} in {last.name}"


def may_save_unasked(postings: Sequence[CopiedPosting]) -> bool:
    """Whether "save what I copy" may store these without a press: each shows posting
    facts, so a paragraph of an e-mail copied is never stored on its own."""
    return bool(postings) and all(p.structured for p in postings)


def preview_posting(session: Session, facts: PostingFacts, now: datetime) -> CopiedPosting:
    """One parsed posting: its stored card if it was saved before, else scored now."""
    found = _preview_posting(session, facts, now)
    return replace(found, structured=has_posting_facts(facts))


def _preview_posting(session: Session, facts: PostingFacts, now: datetime) -> CopiedPosting:
    title = plaintext.inline(facts.title or "", 200) or "Untitled posting"
    job = find_by_key(session, dedup_key(facts))
    if job is not None and job.deleted_at is None:
        applied = earlier_proposals(session, job.id, sent_only=True)
        if not applied and job.status == JobStatus.APPLIED.value:
            applied = ["marked as applied"]
        card = load_card(session, job.id)
        if card is not None:
            return CopiedPosting(
                facts=facts,
                title=title,
                verdict=card.verdict,
                total=card.total,
                reasons=_reasons(card.factors),
                flags=_flags(card.flags),
                connects=job.connects_required,
                value_per_connect=card.value_per_connect,
                job_id=job.id,
                applied=applied,
            )
        scored = _scored(session, facts, now, title)
        return CopiedPosting(**{**scored.__dict__, "job_id": job.id, "applied": applied})
    return _scored(session, facts, now, title)


def _scored(session: Session, facts: PostingFacts, now: datetime, title: str) -> CopiedPosting:
    profile = active_profile(session)
    if profile is None:
        return CopiedPosting(facts=facts, title=title, verdict=None, total=None)
    result = scorer_for(session, profile).score(facts, now)
    return CopiedPosting(
        facts=facts,
        title=title,
        verdict=result.verdict.value,
        total=result.total,
        reasons=_reasons([f.to_json() for f in result.factors]),
        flags=_flags([f.to_json() for f in result.flags]),
        connects=result.connects,
        value_per_connect=result.value_per_connect,
    )


def _reasons(factors: Sequence[dict[str, Any]]) -> list[str]:
    moved = sorted(
        (f for f in factors if f.get("points")), key=lambda f: -abs(int(f.get("points") or 0))
    )
    return [
        f"{plaintext.inline(str(f.get('reason') or f.get('name')), 120)} ({int(f['points']):+d})"
        for f in moved[:TOP_REASONS]
    ]


def _flags(flags: Sequence[dict[str, Any]]) -> list[str]:
    worst = sorted(flags, key=lambda f: _SEVERITY_ORDER.get(str(f.get("severity")), 3))
    out = []
    for flag in worst[:TOP_FLAGS]:
        title = plaintext.inline(str(flag.get("title") or flag.get("rule") or ""), 80)
        raw = str(flag.get("evidence") or "")
        words = str(flag.get("words") or "")
        shown = f"{flag.get('severity')}: {title}"
        if words and words != raw:  # a fact in words ("posted 14 days ago"), not a quote
            out.append(f"{shown}: {plaintext.inline(words, 80)}")
        elif raw:
            out.append(f"{shown}: “{plaintext.inline(raw, 80)}”")
        else:
            out.append(shown)
    return out


def save_copied(session: Session, postings: Sequence[CopiedPosting]) -> list[int]:
    """Store (or update) the copied postings and score them; their ids."""
    stored = store_postings(session, [p.facts for p in postings], source="clipboard")
    return [job.id for job, _created in stored]
