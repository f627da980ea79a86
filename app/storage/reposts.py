"""The postings of clients seen more than once: what the repost / ghost-job rule reads.

A client is known by what the page shows of them that does not change: their country
and the day they joined. One GROUP BY over the live postings finds the clients with
more than one posting, so only their postings leave the database (cheap on 100k
postings); :mod:`app.scoring.reposts` compares their titles and dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from app.storage.models import JobPosting


@dataclass(frozen=True)
class ClientPosting:
    """One posting of a client seen more than once."""

    id: int
    title: str
    #: when it was posted (as the page said), else when it was captured
    seen_at: datetime
    client: tuple[str | None, date | None]


def repeat_client_postings(
    session: Session, job_ids: Sequence[int] | None = None
) -> list[ClientPosting]:
    """The live postings of every client with more than one (with ``job_ids``: only the
    clients of those postings), oldest first."""
    job = JobPosting
    key = (job.client_country, job.client_member_since)
    known = and_(
        job.deleted_at.is_(None),
        job.client_country.is_not(None),
        job.client_member_since.is_not(None),
    )
    repeat = select(*key).where(known).group_by(*key).having(func.count() > 1)
    if job_ids is not None:
        if not job_ids:
            return []
        theirs = select(*key).where(known, job.id.in_(list(job_ids))).distinct()
        repeat = repeat.where(
            and_(
                job.client_country.in_(theirs.with_only_columns(job.client_country)),
                job.client_member_since.in_(theirs.with_only_columns(job.client_member_since)),
            )
        )
    clients = repeat.subquery()
    seen = func.coalesce(job.posted_at, job.captured_at)
    query = (
        select(job.id, job.title, seen, job.client_country, job.client_member_since)
        .join(
            clients,
            and_(
                job.client_country == clients.c.client_country,
                job.client_member_since == clients.c.client_member_since,
            ),
        )
        .where(known)
        .order_by(seen, job.id)
    )
    return [
        ClientPosting(row[0], row[1] or "", row[2], (row[3], row[4]))
        for row in session.execute(query)
    ]
