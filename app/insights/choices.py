"""What the page and ``pwb report`` ask for: range presets and bounds, profiles, activity."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import as_utc
from app.errors import InputError
from app.storage.models import LedgerEntry, Profile, Proposal

#: range presets of the Insights page: (key, label)
RANGE_PRESETS: tuple[tuple[str, str], ...] = (
    ("all", "All time"),
    ("30d", "Last 30 days"),
    ("90d", "Last 90 days"),
    ("12m", "Last 12 months"),
    ("ytd", "This year"),
    ("custom", "Custom range"),
)


def preset_range(key: str, today: date) -> tuple[date | None, date | None]:
    """First and last day (both included, UTC) of a range preset; None for open ends."""
    if key == "all":
        return None, None
    if key == "30d":
        return today - timedelta(days=29), today
    if key == "90d":
        return today - timedelta(days=89), today
    if key == "12m":
        first = date(today.year - 1, today.month, 1) + timedelta(days=31)
        return first.replace(day=1), today
    if key == "ytd":
        return date(today.year, 1, 1), today
    raise InputError(f"unknown range {key!r}")


def day_bounds(first: date | None, last: date | None) -> tuple[datetime | None, datetime | None]:
    """``[first 00:00 UTC, the day after last 00:00 UTC)``: whole UTC days."""
    start = datetime(first.year, first.month, first.day, tzinfo=UTC) if first else None
    end = (
        datetime(last.year, last.month, last.day, tzinfo=UTC) + timedelta(days=1) if last else None
    )
    return start, end


def profile_choices(session: Session) -> list[tuple[int, str]]:
    """(id, name) of every profile, by name, for a profile picker."""
    return [
        (int(i), n)
        for i, n in session.execute(select(Profile.id, Profile.name).order_by(Profile.name))
    ]


def has_activity(session: Session) -> bool:
    """Whether there is anything to chart at all: a submitted proposal or a ledger entry."""
    proposal = select(Proposal.id).where(Proposal.submitted_at.is_not(None)).limit(1)
    entry = select(LedgerEntry.id).limit(1)
    return session.scalar(proposal) is not None or session.scalar(entry) is not None


def parse_range_bound(value: str | None, *, end: bool = False) -> datetime | None:
    """``--from`` / ``--to`` text: ISO date or time; a bare ``--to`` date includes that day."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(f"{text!r} is not an ISO 8601 date or time") from None
    if end and len(text) == 10:  # a date: the range runs to the end of that day
        moment += timedelta(days=1)
    return as_utc(moment)


def member_id_by_name(session: Session, name: str | None) -> int | None:
    """The id of the member called ``name`` (None for everyone)."""
    if name is None:
        return None
    from app.storage.members import get_member

    return get_member(session, name).id


def profile_id_by_name(session: Session, name: str | None) -> int | None:
    """The id of the profile called ``name`` (None for all profiles)."""
    if name is None:
        return None
    found = session.scalar(select(Profile.id).where(Profile.name == name))
    if found is None:
        names = ", ".join(session.scalars(select(Profile.name).order_by(Profile.name))) or "none"
        raise InputError(f"no profile named {name!r} (profiles: {names})")
    return int(found)
