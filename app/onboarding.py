"""The first run: who you are, what you do, what you charge, and the Connects you have.

One call stores the answers of the first-run form: the first profile (it
becomes the active one, with ``your_name`` to sign proposals with) and, when a
balance is given, one reconcile so the ledger starts where the platform is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from app import ledger
from app.errors import InputError
from app.profiles import first_run_profile, save_profile, use_profile
from app.storage.models import LedgerEntry, Profile


@dataclass(frozen=True)
class FirstRunAnswers:
    """What the first-run form asks; ``connects_balance`` None: not known yet."""

    your_name: str
    title: str
    skills: str
    hourly_rate: float | None
    connects_balance: int | None = None


@dataclass(frozen=True)
class FirstRunResult:
    profile: Profile
    #: the correction that made the ledger match the platform (None: it already did)
    reconciled: LedgerEntry | None


def complete_first_run(
    session: Session, answers: FirstRunAnswers, *, at: datetime | None = None
) -> FirstRunResult:
    """Store the first profile (made active) and reconcile the Connects balance once."""
    spec = first_run_profile(
        answers.title, answers.skills, answers.hourly_rate, your_name=answers.your_name
    )
    if not spec.skills:
        raise InputError("name at least one skill (postings are scored by your skills)")
    if answers.hourly_rate is not None and answers.hourly_rate <= 0:
        raise InputError("the hourly rate must be more than 0")
    profile = save_profile(session, spec)
    use_profile(session, spec.name)
    entry = None
    if answers.connects_balance is not None:
        entry = ledger.reconcile(session, answers.connects_balance, at=at)
    return FirstRunResult(profile, entry)
