"""Calibration: the user's own hire rate per score band, once there are enough outcomes."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, case, func, literal, select
from sqlalchemy.orm import Session

from app import clock
from app.clock import as_utc
from app.insights.cohort_view import _band_case
from app.insights.results import SCORE_BANDS
from app.storage.models import Proposal, ProposalStatusChange, ScoreCard

#: outcomes needed before calibrated_win_rates replaces the defaults
CALIBRATION_MIN_SAMPLE = 30
#: hires needed too: with fewer, every band would read as "never wins"
CALIBRATION_MIN_HIRES = 3
#: pseudo-count pulling a thin band toward the user's overall rate
CALIBRATION_PRIOR_WEIGHT = 10
#: an open proposal older than this counts as lost for calibration
CALIBRATION_STALE_DAYS = 30


def band_outcomes(
    session: Session, profile_id: int | None = None, *, as_of: datetime | None = None
) -> dict[str, tuple[int, int]]:
    """Per score band, (hired, decided outcomes): what :func:`calibrated_win_rates` rests on."""
    now = as_utc(as_of) or clock.now()
    stale = now - timedelta(days=CALIBRATION_STALE_DAYS)
    hired = (
        select(ProposalStatusChange.proposal_id)
        .where(ProposalStatusChange.to_status == "hired")
        .scalar_subquery()
    )
    score = func.coalesce(Proposal.score_at_submit, ScoreCard.total)
    won = case((Proposal.id.in_(hired), 1), (Proposal.status == "hired", 1), else_=0)
    decided = case(
        (won == 1, 1),
        (Proposal.status.in_(("declined", "not_hired", "job_closed")), 1),
        (Proposal.submitted_at < stale, 1),
        else_=0,
    )
    band = _band_case(score).label("band")
    query = (
        select(band, func.sum(won), func.count())
        .select_from(Proposal)
        .outerjoin(
            ScoreCard,
            and_(ScoreCard.job_id == Proposal.job_id, ScoreCard.profile_id == Proposal.profile_id),
        )
        .where(Proposal.submitted_at.is_not(None), Proposal.status.not_in(("draft", "withdrawn")))
        .where(decided == literal(1), score.is_not(None))
        .group_by(band)
    )
    if profile_id is not None:
        query = query.where(Proposal.profile_id == profile_id)
    counts = {b: (int(w or 0), int(n)) for b, w, n in session.execute(query)}
    return counts


def calibrated_win_rates(
    session: Session,
    profile_id: int | None = None,
    min_sample: int = CALIBRATION_MIN_SAMPLE,
    *,
    as_of: datetime | None = None,
) -> dict[str, float] | None:
    """The user's own hire rate per score band, or None until there are enough outcomes.

    An outcome is a submitted proposal that was hired, declined, not hired or
    closed, or that is still open ``CALIBRATION_STALE_DAYS`` after it went out
    (counted as lost); withdrawn ones are no outcome. None while there are
    fewer than ``min_sample`` outcomes or fewer than ``CALIBRATION_MIN_HIRES``
    hires. Each band's rate is smoothed toward the overall rate with
    ``CALIBRATION_PRIOR_WEIGHT`` pseudo-outcomes, so a thin band is not read
    as 0 % or 100 %. Keys are the labels of :data:`SCORE_BANDS`.
    """
    counts = band_outcomes(session, profile_id, as_of=as_of)
    total_won = sum(w for w, _n in counts.values())
    total_n = sum(n for _w, n in counts.values())
    if total_n < min_sample or total_won < CALIBRATION_MIN_HIRES:
        return None
    overall = total_won / total_n
    k = CALIBRATION_PRIOR_WEIGHT
    return {
        label: (counts.get(label, (0, 0))[0] + k * overall) / (counts.get(label, (0, 0))[1] + k)
        for label, _low, _high in SCORE_BANDS
    }
