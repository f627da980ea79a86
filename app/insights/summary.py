"""The per-proposal summary ``insights_proposal_fact``, refreshed incrementally.

Watermarks (highest ids, counts, latest change times of the sources) say which
proposals' facts may have changed since the last refresh; only those are
recomputed, by the same SQL as a computation from scratch
(:func:`app.insights.cohort_view._fact_select`). The refresh runs in a session
and transaction of its own, never in the reader's (:func:`reading`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Engine, Table, and_, func, null, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.pool import SingletonThreadPool, StaticPool

from app import settings
from app.clock import as_utc
from app.errors import DatabaseBusyError, DatabaseFullError, DatabaseReadOnlyError
from app.insights.cohort_view import _fact_select
from app.insights.results import REFUND_KINDS
from app.storage.models import (
    InsightsFactState,
    InsightsProposalFact,
    JobPosting,
    LedgerEntry,
    Profile,
    Proposal,
    ProposalStatusChange,
    ScoreCard,
)

#: bump when :func:`_fact_select` changes meaning: stored facts are then rebuilt
FACTS_VERSION = "2"  # 2: member_id
#: more changed proposals than this and the facts are rebuilt in one statement
FACTS_REBUILD_OVER = 20_000
_ID_CHUNK = 500
#: why the summary may be impossible to write while the figures can still be read live
_CANNOT_WRITE = (OperationalError, DatabaseBusyError, DatabaseReadOnlyError, DatabaseFullError)

log = logging.getLogger("pwb.insights")


def _watermarks(session: Session) -> dict[str, str]:
    """What the sources hold now: highest ids, row counts and latest change times."""
    card, posting = ScoreCard, JobPosting
    refund = LedgerEntry.kind.in_(REFUND_KINDS)

    def stamp(value: datetime | None) -> str:
        moment = as_utc(value)
        return moment.isoformat() if moment is not None else ""

    # one aggregate per statement: SQLite answers a lone max() from an index in one step
    def one(aggregate: Any, *where: Any) -> Any:
        return session.scalar(select(aggregate).where(*where))

    p_max, p_count = one(func.max(Proposal.id)), one(func.count(Proposal.id))
    p_updated = one(func.max(Proposal.updated_at))
    h_max = one(func.max(ProposalStatusChange.id))
    r_max, r_count = one(func.max(LedgerEntry.id), refund), one(func.count(LedgerEntry.id), refund)
    c_max, c_computed = one(func.max(card.id)), one(func.max(card.computed_at))
    thresholds = [settings.get(session, f"score.{n}_threshold") for n in ("apply", "maybe")]
    return {
        "version": FACTS_VERSION,
        "verdict_thresholds": "/".join(str(t) for t in thresholds),
        "proposal_max_id": str(p_max or 0),
        "proposal_count": str(p_count),
        "proposal_updated_at": stamp(p_updated),
        "history_max_id": str(h_max or 0),
        "refund_max_id": str(r_max or 0),
        "refund_count": str(r_count),
        "card_max_id": str(c_max or 0),
        "card_computed_at": stamp(c_computed),
        "posting_updated_at": stamp(session.scalar(select(func.max(posting.updated_at)))),
        "profile_max_id": str(session.scalar(select(func.max(Profile.id))) or 0),
        "profile_count": str(session.scalar(select(func.count()).select_from(Profile))),
    }


def _changed_proposals(
    session: Session, old: dict[str, str], new: dict[str, str]
) -> set[int] | None:
    """Ids of proposals whose facts may have changed since ``old``; None: rebuild everything.

    New rows are found by id (ids grow in commit order), edits by the
    ``updated_at`` / ``computed_at`` watermarks, deleted proposals, refunds and
    profiles by counts that no longer add up (then everything is rebuilt),
    like a change of the verdict thresholds. A status change or score card
    deleted on its own (the app never does) is not noticed.
    """
    if any(old.get(n) != new[n] for n in ("version", "verdict_thresholds")):
        return None

    def since(name: str) -> datetime | None:
        return datetime.fromisoformat(old[name]) if old.get(name) else None

    changed: set[int] = set()
    counted = (
        ("proposal", Proposal.id, select(Proposal.id)),
        (
            "refund",
            LedgerEntry.id,
            select(LedgerEntry.proposal_id).where(LedgerEntry.kind.in_(REFUND_KINDS)),
        ),
        ("profile", Profile.id, select(null()).select_from(Profile)),
    )
    for name, id_column, query in counted:
        rows = list(session.scalars(query.where(id_column > int(old.get(f"{name}_max_id", "0")))))
        if int(new[f"{name}_count"]) - int(old.get(f"{name}_count", "-1")) != len(rows):
            return None  # something was deleted
        changed.update(r for r in rows if r is not None)
    history = ProposalStatusChange
    changed.update(
        session.scalars(
            select(history.proposal_id).where(history.id > int(old.get("history_max_id", "0")))
        )
    )
    card_changes = [ScoreCard.id > int(old.get("card_max_id", "0"))]
    computed = since("card_computed_at")
    if computed is not None:
        card_changes.append(ScoreCard.computed_at >= computed)
    for card_changed in card_changes:
        changed.update(
            session.scalars(
                select(Proposal.id)
                .select_from(ScoreCard)
                .join(
                    Proposal,
                    and_(
                        Proposal.job_id == ScoreCard.job_id,
                        Proposal.profile_id == ScoreCard.profile_id,
                    ),
                )
                .where(card_changed)
            )
        )
    updated = since("proposal_updated_at")
    if updated is not None:
        changed.update(session.scalars(select(Proposal.id).where(Proposal.updated_at >= updated)))
    posted = since("posting_updated_at")
    if posted is not None:
        changed.update(
            session.scalars(
                select(Proposal.id)
                .join(JobPosting, JobPosting.id == Proposal.job_id)
                .where(JobPosting.updated_at >= posted)
            )
        )
    return changed


def refresh_facts(session: Session) -> bool:
    """Bring the summary up to date in a transaction of its own; ``session`` is left as found.

    Returns whether the stored summary now describes what is committed. False
    when it was left alone: ``session`` holds writes it has not committed (see
    :func:`reading`), the database cannot give a second connection, or another
    connection is writing.
    """
    engine = _separate_engine(session)
    if engine is None:
        return False
    with Session(engine) as own:
        return _refresh_in(own)


@contextmanager
def reading(session: Session) -> Iterator[tuple[Session, bool]]:
    """The session to read the figures asked for with ``session`` in, and whether its summary is fresh.

    A read never writes: ``session`` is left as found (nothing flushed,
    committed or rolled back). Usually the summary is refreshed and the figures
    read in a session of their own on the same engine, so they describe what is
    committed. When ``session`` has written and not committed yet (on SQLite it
    then holds the write lock: a second writer would wait for it until it gave
    up), or the database has a single connection, the figures are read in
    ``session`` itself, computed live without autoflush: they include its
    flushed changes, not its unflushed ones, and the summary is refreshed by
    the next read after the commit.
    """
    engine = _separate_engine(session)
    if engine is None:
        with session.no_autoflush:
            yield session, False
        return
    with Session(engine) as own:
        yield own, _refresh_in(own)


def holds_writes(session: Session) -> bool:
    """Whether ``session``'s open transaction has written something it has not committed.

    Asks the connection of that transaction (checking it out if the
    transaction has none yet, as its next statement would); nothing is flushed.
    A dialect that cannot be asked is assumed to have written.
    """
    if not session.in_transaction():
        return False
    connection = session.connection()
    dialect = connection.dialect.name
    if dialect == "sqlite":
        # the driver opens a transaction before the first write, not before a read
        return bool(getattr(connection.connection.dbapi_connection, "in_transaction", True))
    if dialect == "postgresql":
        written = connection.exec_driver_sql("SELECT txid_current_if_assigned()").scalar()
        return written is not None
    return True


def _separate_engine(session: Session) -> Engine | None:
    """The engine to refresh the summary on, apart from ``session``; None when that is unsafe."""
    bind = session.get_bind()
    if not isinstance(bind, Engine) or isinstance(bind.pool, (SingletonThreadPool, StaticPool)):
        return None  # one connection: a transaction of "our own" would be the caller's
    return None if holds_writes(session) else bind


def _refresh_in(own: Session) -> bool:
    """Bring ``insights_proposal_fact`` up to date in ``own`` and commit; False if it cannot write.

    Recomputes only the proposals whose inputs changed (their status, history,
    refunds, score card or posting), or everything after deletions or a change
    of the computation.
    """
    state = cast(Table, InsightsFactState.__table__)
    old = {str(n): str(v) for n, v in own.execute(select(state.c.name, state.c.value))}
    new = _watermarks(own)
    if old == new:
        return True
    changed = _changed_proposals(own, old, new) if old else None
    try:
        _write_facts(own, changed)
        own.execute(state.delete())
        own.execute(state.insert(), [{"name": k, "value": v} for k, v in new.items()])
        own.commit()
    except _CANNOT_WRITE as exc:
        own.rollback()
        log.info("Insights summary not refreshed, figures computed live: %s", exc)
        return False
    return True


def _write_facts(own: Session, changed: set[int] | None) -> None:
    """Replace the rows of the ``changed`` proposals (None: every row) by their facts now."""
    fact = cast(Table, InsightsProposalFact.__table__)
    names = [c.name for c in _fact_select(own).selected_columns]  # the select's order
    if changed is None or len(changed) > FACTS_REBUILD_OVER:
        own.execute(fact.delete())
        own.execute(fact.insert().from_select(names, _fact_select(own)))
        return
    ids = sorted(changed)
    for i in range(0, len(ids), _ID_CHUNK):
        chunk = ids[i : i + _ID_CHUNK]
        own.execute(fact.delete().where(fact.c.proposal_id.in_(chunk)))
        own.execute(fact.insert().from_select(names, _fact_select(own, chunk)))
