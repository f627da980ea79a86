"""The chance of winning a job, by score band: defaults until the user's own outcomes exist.

Bands are ten points wide (``"0-9"`` ... ``"90-100"``). The user's own win
rates come from their history (:func:`app.scoring.service.own_win_rates`, over
:func:`app.insights.calibrated_win_rates`); passed as ``calibrated`` (band ->
rate in 0..1, with the proposals each rate rests on), bands with enough
proposals use the user's rate instead of the default.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

#: (low, high) inclusive score ranges, and their labels
SCORE_BANDS: tuple[tuple[int, int], ...] = tuple(
    (low, low + 9 if low < 90 else 100) for low in range(0, 100, 10)
)

#: win rates before the user has outcomes of their own: a typical freelancer
#: wins a few percent of proposals; a well-matched, quiet posting is a far better bet
DEFAULT_WIN_RATES: dict[str, float] = {
    "0-9": 0.005,
    "10-19": 0.005,
    "20-29": 0.01,
    "30-39": 0.015,
    "40-49": 0.02,
    "50-59": 0.03,
    "60-69": 0.05,
    "70-79": 0.08,
    "80-89": 0.12,
    "90-100": 0.16,
}

#: a band's own rate is used once it rests on at least this many proposals
MIN_PROPOSALS_PER_BAND = 10


#: the label of every score's band, by score (a look-up: it is asked for every posting)
_BAND_OF = tuple(
    next(f"{low}-{high}" for low, high in SCORE_BANDS if low <= total <= high)
    for total in range(101)
)


def band_label(total: float) -> str:
    """The band a score falls in: ``73`` -> ``"70-79"``."""
    if isinstance(total, int) and 0 <= total <= 100:
        return _BAND_OF[total]
    for low, high in SCORE_BANDS:  # a float score: the band it falls in, if any
        if low <= total <= high:
            return f"{low}-{high}"
    raise ValueError(f"score {total} is outside 0..100")


@dataclass(frozen=True)
class CalibratedRate:
    """The user's own win rate in one band, and how many proposals it rests on.

    ``source_band`` names the (wider) band of the user's history the rate was
    measured on, when that differs from the scoring band.
    """

    rate: float
    proposals: int
    source_band: str | None = None


class WinChance(NamedTuple):
    probability: float
    band: str
    calibrated: bool
    explanation: str


#: the sentence for each band's default rate (formatted once: it is asked for every posting)
_TYPICAL = {
    band: f"a typical win rate for jobs scored {band} ({rate:.1%})"
    for band, rate in DEFAULT_WIN_RATES.items()
}


def estimate_win_chance(
    total: int, calibrated: Mapping[str, CalibratedRate] | None = None
) -> WinChance:
    """The chance of winning at score ``total``, with a sentence saying where it comes from."""
    band = band_label(total)
    own = (calibrated or {}).get(band)
    if own is not None and own.proposals >= MIN_PROPOSALS_PER_BAND:
        measured = own.source_band or band
        return WinChance(
            own.rate,
            band,
            True,
            f"your own win rate on jobs scored {measured}: {own.rate:.0%} "
            f"over {own.proposals} decided proposals",
        )
    rate = DEFAULT_WIN_RATES[band]
    why = _TYPICAL[band]
    if own is not None:
        why += f"; your {own.proposals} proposals in this band are too few to use yet"
    return WinChance(rate, band, False, why)
