"""One line per chart: whether it has data, its empty state, and a reading of it."""

from __future__ import annotations

from app.insights.results import (
    EARLY_DELAYS,
    SCORE_BANDS,
    STAGES,
    UNKNOWN_DELAY,
    GroupStats,
    Insights,
    _check_kind,
    _ratio,
)

#: a comparison or a rate from fewer proposals than this is not a finding: "too few to say"
MIN_PROPOSALS = 10
#: categories the category chart draws (the most used ones); the takeaway names only these
TOP_CATEGORIES = 8


def top_categories(ins: Insights) -> list[GroupStats]:
    """The categories the chart shows: the most used, best at the top."""
    top = ins.by_category[:TOP_CATEGORIES]
    return sorted(top, key=lambda g: (g.win_rate or 0, g.proposals))


def _too_few(what: str, *counts: tuple[str, int]) -> str:
    shown = ", ".join(f"{n:,} {label}" for label, n in counts)
    return (
        f"Too few proposals to say yet ({shown}): {what} needs at least {MIN_PROPOSALS} "
        "on each side; the chart shows the numbers so far."
    )


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def _num(value: float | None, digits: int = 1, prefix: str = "") -> str:
    return "–" if value is None else f"{prefix}{value:,.{digits}f}"


def chart_has_data(ins: Insights, kind: str) -> bool:
    """Whether the chart ``kind`` has anything to show for this range."""
    _check_kind(kind)
    if kind == "spend":
        return any(p.base or p.boost for p in ins.by_week)
    if kind == "balance":
        return bool(ins.balance)
    return ins.has_proposals


#: what each chart needs before it can show anything (its empty state)
EMPTY_HINTS: dict[str, str] = {
    "spend": "No Connects were spent in this range. Spends and boosts appear here once you "
    "submit proposals (each submission posts a spend to the Connects ledger).",
    "balance": "No ledger entries in this range. Record your monthly allocation or a purchase "
    "on the Connects page to start the balance line.",
    "funnel": "No proposals were submitted in this range. Mark proposals as submitted, then "
    "record when they are viewed, replied to, or hired.",
    "score-bands": "No submitted proposals in this range. Win rate by score needs proposals "
    "on scored postings and their outcomes.",
    "categories": "No submitted proposals in this range. Win rate by category needs "
    "proposals on postings with a category and their outcomes.",
    "boost": "No submitted proposals in this range. Boosted versus not needs proposals with "
    "and without boost Connects.",
    "speed": "No submitted proposals in this range. View rate by time since posting needs "
    "proposals on postings whose posting time is known.",
}


def _times(a: float, b: float) -> str:
    return f"{a / b:.1f}×"


def takeaway(ins: Insights, kind: str) -> str:
    """A one-line reading of chart ``kind`` ("Your win rate above score 60 is 3.0× below it")."""
    _check_kind(kind)
    if not chart_has_data(ins, kind):
        return "Not enough data in this range."
    return {
        "spend": _takeaway_spend,
        "balance": _takeaway_balance,
        "funnel": _takeaway_funnel,
        "score-bands": _takeaway_bands,
        "categories": _takeaway_categories,
        "boost": _takeaway_boost,
        "speed": _takeaway_speed,
    }[kind](ins)


def _takeaway_spend(ins: Insights) -> str:
    unit, periods = ins.spend_periods()
    total = ins.connects_spent + ins.connects_boost
    top = max(periods, key=lambda p: p.total)
    boost_share = _pct(_ratio(ins.connects_boost, total))
    return (
        f"You spent {total:,} Connects ({boost_share} on boosts); the busiest {unit} was "
        f"{top.period} with {top.total:,}."
    )


def _takeaway_balance(ins: Insights) -> str:
    low, day = ins.lowest_balance()
    last = ins.balance[-1]
    when = f" on {day.isoformat()}" if day is not None else ""
    below = " (below zero: reconcile with the platform)" if low < 0 else ""
    return (
        f"Balance went from {ins.opening_balance:,} to {last.balance:,}; lowest "
        f"{low:,}{when}{below}."
    )


def _takeaway_funnel(ins: Insights) -> str:
    if ins.total.proposals < MIN_PROPOSALS:
        return (
            f"Too few proposals to say yet ({ins.total.proposals:,} submitted): where they drop "
            f"off needs at least {MIN_PROPOSALS}; the chart shows the counts so far."
        )
    steps = ins.funnel()[1:]
    worst = min(steps, key=lambda s: s.step_rate if s.step_rate is not None else 2.0)
    prev = STAGES[STAGES.index(worst.stage) - 1]
    return (
        f"{_pct(steps[0].rate)} of your proposals were viewed and {_pct(steps[-1].rate)} "
        f"hired; the biggest drop is {prev} → {worst.stage} ({_pct(worst.step_rate)} pass)."
    )


def _takeaway_bands(ins: Insights) -> str:
    labels = [label for label, _l, _h in SCORE_BANDS]
    scored = [g for g in ins.by_score_band if g.key in labels]
    if not scored:
        return "None of these proposals has a score yet: score postings before you apply."
    best = max(scored, key=lambda g: ((g.win_rate or 0), g.proposals))
    hi = GroupStats("high")
    lo = GroupStats("low")
    for g in scored:
        target = hi if labels.index(g.key) >= 3 else lo
        target.proposals += g.proposals
        target.hired += g.hired
    if hi.proposals < MIN_PROPOSALS or lo.proposals < MIN_PROPOSALS:
        return _too_few(
            "whether the score predicts wins",
            ("at score 60+", hi.proposals),
            ("under 60", lo.proposals),
        )
    if hi.win_rate and lo.win_rate:
        ratio = hi.win_rate / lo.win_rate
        rates = f"({_pct(hi.win_rate)} vs {_pct(lo.win_rate)})"
        if ratio >= 1:
            return f"Your win rate at score 60+ is {ratio:.1f}× the rate under 60 {rates}."
        return (
            f"Your win rate at score 60+ is {1 / ratio:.1f}× lower than under 60 {rates}: "
            "the score is not predicting your wins."
        )
    if not best.hired:
        return "No hires yet in any score band: the chart shows how many proposals each had."
    return (
        f"Best band: {best.key} with {best.hired} hires of {best.proposals} "
        f"({_pct(best.win_rate)}); more outcomes will show whether the score predicts wins."
    )


def _takeaway_categories(ins: Insights) -> str:
    drawn = top_categories(ins)
    most = max(drawn, key=lambda g: g.proposals)
    enough = [g for g in drawn if g.proposals >= MIN_PROPOSALS]
    if not enough:
        return (
            f"Too few proposals to say yet: no category has {MIN_PROPOSALS} (most: {most.key}, "
            f"{most.proposals:,}); the chart shows the numbers so far."
        )
    won = [g for g in enough if g.hired]
    if not won:
        return f"No hires yet; most proposals went to {most.key} ({most.proposals:,})."
    best = max(won, key=lambda g: (g.win_rate or 0, g.proposals))
    return (
        f"Best category: {best.key}, {_pct(best.win_rate)} win rate at "
        f"{_num(best.connects_per_hire, 0)} Connects per hire."
    )


def _takeaway_boost(ins: Insights) -> str:
    b, n = ins.boosted, ins.not_boosted
    if not b.proposals or not n.proposals:
        which = "boosted" if b.proposals else "unboosted"
        return f"All proposals in this range were {which}: nothing to compare."
    if b.proposals < MIN_PROPOSALS or n.proposals < MIN_PROPOSALS:
        return _too_few(
            "boosted against not", ("boosted", b.proposals), ("not boosted", n.proposals)
        )
    views = _times(b.view_rate or 0, n.view_rate) if n.view_rate else _pct(b.view_rate) + " vs 0%"
    return (
        f"Boosted proposals were viewed {views} as often ({_pct(b.view_rate)} vs "
        f"{_pct(n.view_rate)}) and hired {_pct(b.win_rate)} vs {_pct(n.win_rate)}."
    )


def _takeaway_speed(ins: Insights) -> str:
    early, late = GroupStats("early"), GroupStats("late")
    for g in ins.by_delay:
        if g.key != UNKNOWN_DELAY:
            (early if g.key in EARLY_DELAYS else late).merge(g)
    if not early.proposals or not late.proposals:
        return "All dated proposals went out in the same window: nothing to compare yet."
    if early.proposals < MIN_PROPOSALS or late.proposals < MIN_PROPOSALS:
        return _too_few(
            "early against late", ("within 6 h", early.proposals), ("later", late.proposals)
        )
    e, later = early.view_rate or 0.0, late.view_rate or 0.0
    if later and e >= later:
        how = f"{e / later:.1f}× as often as"
    elif e and later > e:
        how = f"{later / e:.1f}× less often than"
    else:
        how = "about as often as"
    return (
        f"Proposals sent within 6 h of posting were viewed {how} later ones "
        f"({_pct(e)} vs {_pct(later)})."
    )
