"""Value per Connect learns from the user's own outcomes once there are enough."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app import clock
from app.profiles import first_run_profile, save_profile
from app.proposals import change_status, submit_proposal
from app.scoring.service import own_win_rates, scorer_for
from app.scoring.win_chance import estimate_win_chance
from app.storage.models import JobPosting, Profile, ScoreCard

pytestmark = pytest.mark.clock  # reads the time: .ci/run repeats it at awkward dates

LONG_AGO = clock.now() - timedelta(days=90)


def history(db, hired: int, lost: int, total: int = 75) -> int:
    with db.transaction() as session:
        profile = save_profile(session, first_run_profile("Dev", "Python", 40.0))
        for i in range(hired + lost):
            job = JobPosting(dedup_key=f"k{i}", title=f"Job {i}", description="Python work")
            session.add(job)
            session.flush()
            session.add(
                ScoreCard(job_id=job.id, profile_id=profile.id, total=total, verdict="apply")
            )
            p = submit_proposal(
                session, job_id=job.id, connects=8, profile_id=profile.id, at=LONG_AGO
            )
            change_status(
                session, p.id, "hired" if i < hired else "not_hired", at=LONG_AGO + timedelta(1)
            )
        return profile.id


def test_defaults_until_enough_outcomes(db) -> None:
    profile_id = history(db, hired=2, lost=10)
    with db.read() as session:
        assert own_win_rates(session, profile_id) is None


def test_own_rates_replace_the_defaults(db) -> None:
    profile_id = history(db, hired=10, lost=30)
    with db.read() as session:
        own = own_win_rates(session, profile_id)
        assert own is not None
        # all 40 outcomes are in the 60-80 band: 10 hired of 40, smoothed toward 25 % overall
        assert own["70-79"].rate == 0.25 and own["70-79"].proposals == 40
        assert own["70-79"].source_band == "60-80"
        chance = estimate_win_chance(72, own)
        assert chance.calibrated and "60-80" in chance.explanation
        # a band with no history of its own keeps the typical rate
        assert not estimate_win_chance(15, own).calibrated
        scorer = scorer_for(session, session.get(Profile, profile_id))
        assert scorer.win_rates == own, "scoring uses the user's own rates by default"
