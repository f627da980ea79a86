"""The per-proposal summary ``insights_proposal_fact``, refreshed incrementally.

Watermarks (highest ids, counts, latest change times of the sources) say which
proposals' facts may have changed since the last refresh; only those are
recomputed, by the same SQL as a computation from scratch
(:func:`app.insights.cohort_view._fact_select`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, and_, func, literal, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, SessionTransactionOrigin

from app import settings
from app.clock import as_utc
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
FACTS_VERSION = "1"
#: more changed proposals than this and the facts are rebuilt in one statement
FACTS_REBUILD_OVER = 20_000
_ID_CHUNK = 500


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
        ("profile", Profile.id, select(literal(None)).select_from(Profile)),
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
        card_changes.append(ScoreCard.computed_at > computed)
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
        changed.update(session.scalars(select(Proposal.id).where(Proposal.updated_at > updated)))
    posted = since("posting_updated_at")
    if posted is not None:
        changed.update(
            session.scalars(
                select(Proposal.id)
                .join(JobPosting, JobPosting.id == Proposal.job_id)
                .where(JobPosting.updated_at > posted)
            )
        )
    return changed


def refresh_facts(session: Session) -> bool:
    """Bring ``insights_proposal_fact`` up to date with what changed since its watermarks.

    Recomputes only the proposals whose inputs changed (their status, history,
    refunds, score card or posting), or everything after deletions or a change
    of the computation. Writes in ``session``'s transaction and commits it if
    the session began it on its own (a plain read session), so the work is
    kept. Returns False if the facts could not be written (another
    connection is writing): then compute live.
    """
    fact = cast(Table, InsightsProposalFact.__table__)
    state = cast(Table, InsightsFactState.__table__)
    old = {str(n): str(v) for n, v in session.execute(select(state.c.name, state.c.value))}
    new = _watermarks(session)
    if old == new:
        return True
    changed = _changed_proposals(session, old, new) if old else None
    names = [c.name for c in fact.columns]
    try:
        if changed is None or len(changed) > FACTS_REBUILD_OVER:
            session.execute(fact.delete())
            session.execute(fact.insert().from_select(names, _fact_select(session)))
        else:
            ids = sorted(changed)
            for i in range(0, len(ids), _ID_CHUNK):
                chunk = ids[i : i + _ID_CHUNK]
                session.execute(fact.delete().where(fact.c.proposal_id.in_(chunk)))
                session.execute(fact.insert().from_select(names, _fact_select(session, chunk)))
        session.execute(state.delete())
        session.execute(state.insert(), [{"name": k, "value": v} for k, v in new.items()])
        _commit_if_own(session)
    except OperationalError:
        if not _own_transaction(session):
            raise
        session.rollback()
        return False
    return True


def _own_transaction(session: Session) -> bool:
    transaction = session.get_transaction()
    return transaction is not None and transaction.origin is SessionTransactionOrigin.AUTOBEGIN


def _commit_if_own(session: Session) -> None:
    if _own_transaction(session):
        session.commit()
