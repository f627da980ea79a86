"""How the stored scores of a profile spread: what "Apply at 70" means for your postings.

One ``GROUP BY total`` over ``score_card`` (the ``(profile_id, total)`` index
answers it without reading the cards), so it stays quick on a large database;
the GUI still runs it off its thread. Counts per score let any pair of
thresholds be tried without asking the database again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.profiles import active_profile
from app.storage.models import ScoreCard

#: scores run 0..100
TOP = 100


@dataclass(frozen=True)
class ScoreDistribution:
    """How many stored postings have each score (0..100), for one profile."""

    profile: str | None
    #: ``counts[s]`` postings scored ``s``
    counts: tuple[int, ...] = field(default=(0,) * (TOP + 1))

    @property
    def total(self) -> int:
        return sum(self.counts)

    def at_or_above(self, threshold: int) -> int:
        return sum(self.counts[max(0, min(TOP + 1, threshold)) :])

    def verdicts(self, apply_at: int, maybe_at: int) -> dict[str, int]:
        """How many would be Apply, Maybe and Skip with these thresholds."""
        apply = self.at_or_above(apply_at)
        maybe = max(0, self.at_or_above(maybe_at) - apply)
        return {"apply": apply, "maybe": maybe, "skip": self.total - apply - maybe}

    def bins(self, width: int = 5) -> list[int]:
        """Counts per ``width`` points (the last bin holds 100 too)."""
        out = [0] * (TOP // width)
        for score, count in enumerate(self.counts):
            out[min(len(out) - 1, score // width)] += count
        return out


def score_distribution(session: Session, profile_id: int | None = None) -> ScoreDistribution:
    """The stored scores of ``profile_id`` (the active profile when None)."""
    name = None
    if profile_id is None:
        row = active_profile(session)
        if row is None:
            return ScoreDistribution(None)
        profile_id, name = row.id, row.name
    counts = [0] * (TOP + 1)
    rows = session.execute(
        select(ScoreCard.total, func.count())
        .where(ScoreCard.profile_id == profile_id)
        .group_by(ScoreCard.total)
    )
    for total, count in rows:
        counts[max(0, min(TOP, int(total)))] += int(count)
    return ScoreDistribution(name, tuple(counts))
