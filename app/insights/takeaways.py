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
from app.messages import Count, Day, Decimal, Message, Percent, Text, Times, message

#: the words app/ puts into takeaways (stages, periods): translated in the GUI like templates
WORDS: tuple[str, ...] = (*STAGES, "week", "month", "boosted", "unboosted")

#: a comparison or a rate from fewer proposals than this is not a finding: "too few to say"
MIN_PROPOSALS = 10
#: categories the category chart draws (the most used ones); the takeaway names only these
TOP_CATEGORIES = 8


def top_categories(ins: Insights) -> list[GroupStats]:
    """The categories the chart shows: the most used, best at the top."""
    top = ins.by_category[:TOP_CATEGORIES]
    return sorted(top, key=lambda g: (g.win_rate or 0, g.proposals))


def _too_few(what: Message, first: Message, second: Message) -> Message:
    return message(
        "Too few proposals to say yet ({first}, {second}): {what} needs at least {minimum} "
        "on each side; the chart shows the numbers so far.",
        first=first,
        second=second,
        what=what,
        minimum=Count(MIN_PROPOSALS),
    )


def _word(word: str) -> Message:
    """One of :data:`WORDS`, as a message (the GUI translates it)."""
    return message(word)


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


def takeaway(ins: Insights, kind: str) -> str:
    """A one-line reading of chart ``kind`` ("Your win rate above score 60 is 3.0× below it")."""
    return str(takeaway_message(ins, kind))


def takeaway_message(ins: Insights, kind: str) -> Message:
    """:func:`takeaway` as a template and its values (the GUI translates it)."""
    _check_kind(kind)
    if not chart_has_data(ins, kind):
        return message("Not enough data in this range.")
    return {
        "spend": _takeaway_spend,
        "balance": _takeaway_balance,
        "funnel": _takeaway_funnel,
        "score-bands": _takeaway_bands,
        "categories": _takeaway_categories,
        "boost": _takeaway_boost,
        "speed": _takeaway_speed,
    }[kind](ins)


def _takeaway_spend(ins: Insights) -> Message:
    unit, periods = ins.spend_periods()
    total = ins.connects_spent + ins.connects_boost
    top = max(periods, key=lambda p: p.total)
    return message(
        "You spent {total} Connects ({share} on boosts); the busiest {unit} was "
        "{period} with {top}.",
        total=Count(total),
        share=Percent(_ratio(ins.connects_boost, total)),
        unit=_word(unit),
        period=Text(str(top.period)),
        top=Count(top.total),
    )


def _takeaway_balance(ins: Insights) -> Message:
    low, day = ins.lowest_balance()
    last = ins.balance[-1]
    empty = message("")
    when = message(" on {day}", day=Day(day)) if day is not None else empty
    below = message(" (below zero: reconcile with the platform)") if low < 0 else empty
    return message(
        "Balance went from {opening} to {last}; lowest {low}{when}{below}.",
        opening=Count(ins.opening_balance),
        last=Count(last.balance),
        low=Count(low),
        when=when,
        below=below,
    )


def _takeaway_funnel(ins: Insights) -> Message:
    if ins.total.proposals < MIN_PROPOSALS:
        return message(
            "Too few proposals to say yet ({submitted} submitted): where they drop "
            "off needs at least {minimum}; the chart shows the counts so far.",
            submitted=Count(ins.total.proposals),
            minimum=Count(MIN_PROPOSALS),
        )
    steps = ins.funnel()[1:]
    worst = min(steps, key=lambda s: s.step_rate if s.step_rate is not None else 2.0)
    prev = STAGES[STAGES.index(worst.stage) - 1]
    return message(
        "{viewed} of your proposals were viewed and {hired} "
        "hired; the biggest drop is {before} → {after} ({passed} pass).",
        viewed=Percent(steps[0].rate),
        hired=Percent(steps[-1].rate),
        before=_word(prev),
        after=_word(worst.stage),
        passed=Percent(worst.step_rate),
    )


def _takeaway_bands(ins: Insights) -> Message:
    labels = [label for label, _l, _h in SCORE_BANDS]
    scored = [g for g in ins.by_score_band if g.key in labels]
    if not scored:
        return message("None of these proposals has a score yet: score postings before you apply.")
    best = max(scored, key=lambda g: ((g.win_rate or 0), g.proposals))
    hi = GroupStats("high")
    lo = GroupStats("low")
    for g in scored:
        target = hi if labels.index(g.key) >= 3 else lo
        target.proposals += g.proposals
        target.hired += g.hired
    if hi.proposals < MIN_PROPOSALS or lo.proposals < MIN_PROPOSALS:
        return _too_few(
            message("whether the score predicts wins"),
            message("{n} at score 60+", n=Count(hi.proposals)),
            message("{n} under 60", n=Count(lo.proposals)),
        )
    if hi.win_rate and lo.win_rate:
        ratio = hi.win_rate / lo.win_rate
        if ratio >= 1:
            return message(
                "Your win rate at score 60+ is {ratio}× the rate under 60 ({high} vs {low}).",
                ratio=Times(ratio),
                high=Percent(hi.win_rate),
                low=Percent(lo.win_rate),
            )
        return message(
            "Your win rate at score 60+ is {ratio}× lower than under 60 ({high} vs {low}): "
            "the score is not predicting your wins.",
            ratio=Times(1 / ratio),
            high=Percent(hi.win_rate),
            low=Percent(lo.win_rate),
        )
    if not best.hired:
        return message(
            "No hires yet in any score band: the chart shows how many proposals each had."
        )
    return message(
        "Best band: {band} with {hired} hires of {proposals} "
        "({rate}); more outcomes will show whether the score predicts wins.",
        band=Text(best.key),
        hired=Count(best.hired, grouped=False),
        proposals=Count(best.proposals, grouped=False),
        rate=Percent(best.win_rate),
    )


def _takeaway_categories(ins: Insights) -> Message:
    drawn = top_categories(ins)
    most = max(drawn, key=lambda g: g.proposals)
    enough = [g for g in drawn if g.proposals >= MIN_PROPOSALS]
    if not enough:
        return message(
            "Too few proposals to say yet: no category has {minimum} (most: {category}, "
            "{count}); the chart shows the numbers so far.",
            minimum=Count(MIN_PROPOSALS),
            category=Text(most.key),
            count=Count(most.proposals),
        )
    won = [g for g in enough if g.hired]
    if not won:
        return message(
            "No hires yet; most proposals went to {category} ({count}).",
            category=Text(most.key),
            count=Count(most.proposals),
        )
    best = max(won, key=lambda g: (g.win_rate or 0, g.proposals))
    return message(
        "Best category: {category}, {rate} win rate at {cost} Connects per hire.",
        category=Text(best.key),
        rate=Percent(best.win_rate),
        cost=Decimal(best.connects_per_hire, 0),
    )


def _takeaway_boost(ins: Insights) -> Message:
    b, n = ins.boosted, ins.not_boosted
    if not b.proposals or not n.proposals:
        which = "boosted" if b.proposals else "unboosted"
        return message(
            "All proposals in this range were {which}: nothing to compare.", which=_word(which)
        )
    if b.proposals < MIN_PROPOSALS or n.proposals < MIN_PROPOSALS:
        return _too_few(
            message("boosted against not"),
            message("{n} boosted", n=Count(b.proposals)),
            message("{n} not boosted", n=Count(n.proposals)),
        )
    if n.view_rate:
        views = message("{ratio}×", ratio=Times((b.view_rate or 0) / n.view_rate))
    else:
        views = message("{rate} vs 0%", rate=Percent(b.view_rate))
    return message(
        "Boosted proposals were viewed {views} as often ({boosted_views} vs "
        "{other_views}) and hired {boosted_hires} vs {other_hires}.",
        views=views,
        boosted_views=Percent(b.view_rate),
        other_views=Percent(n.view_rate),
        boosted_hires=Percent(b.win_rate),
        other_hires=Percent(n.win_rate),
    )


def _takeaway_speed(ins: Insights) -> Message:
    early, late = GroupStats("early"), GroupStats("late")
    for g in ins.by_delay:
        if g.key != UNKNOWN_DELAY:
            (early if g.key in EARLY_DELAYS else late).merge(g)
    if not early.proposals or not late.proposals:
        return message("All dated proposals went out in the same window: nothing to compare yet.")
    if early.proposals < MIN_PROPOSALS or late.proposals < MIN_PROPOSALS:
        return _too_few(
            message("early against late"),
            message("{n} within 6 h", n=Count(early.proposals)),
            message("{n} later", n=Count(late.proposals)),
        )
    e, later = early.view_rate or 0.0, late.view_rate or 0.0
    if later and e >= later:
        how = message("{ratio}× as often as", ratio=Times(e / later))
    elif e and later > e:
        how = message("{ratio}× less often than", ratio=Times(later / e))
    else:
        how = message("about as often as")
    return message(
        "Proposals sent within 6 h of posting were viewed {how} later ones ({early} vs {late}).",
        how=how,
        early=Percent(e),
        late=Percent(later),
    )
