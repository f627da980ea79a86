"""How posting values read in lists and forms: budgets, money, proposal buckets, ages.

Qt-free so the CLI, the GUI and exports format the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app import clock


def money(value: float | None, *, cents: bool = False) -> str:
    """``12500`` → ``$12.5K``; ``40`` → ``$40``; None → empty."""
    if value is None:
        return ""
    if value >= 1_000_000:
        return f"${value / 1_000_000:.1f}M".replace(".0M", "M")
    if value >= 10_000:
        return f"${value / 1000:.0f}K"
    if value >= 1000:
        return f"${value / 1000:.1f}K".replace(".0K", "K")
    if cents and value != int(value):
        return f"${value:,.2f}"
    return f"${value:,.0f}"


def budget(
    budget_type: str | None,
    fixed_budget: float | None,
    hourly_min: float | None,
    hourly_max: float | None,
) -> str:
    """``$200 fixed``, ``$15–$35/hr``, ``Hourly`` (no range) or empty."""
    if budget_type == "fixed" or (budget_type is None and fixed_budget is not None):
        return f"{money(fixed_budget)} fixed" if fixed_budget is not None else "Fixed"
    if hourly_min is not None or hourly_max is not None:
        low, high = hourly_min, hourly_max
        if low is None or high is None or low == high:
            return f"{money(low if low is not None else high, cents=True)}/hr"
        return f"{money(low, cents=True)}–{money(high, cents=True)}/hr"
    return "Hourly" if budget_type == "hourly" else ""


def proposals(low: int | None, high: int | None) -> str:
    """The proposals bucket as Upwork words it: ``Less than 5``, ``20 to 50``, ``50+``."""
    if low is None:
        return ""
    if high is None:
        return f"{low}+"
    if low == 0 and high == 4:
        return "Less than 5"
    if low == high:
        return str(low)
    return f"{low} to {high}"


def age(moment: datetime | None, now: datetime | None = None) -> str:
    """``5 min ago``, ``3 h ago``, ``2 d ago``, else the date."""
    if moment is None:
        return ""
    now = now or clock.now()
    seconds = (now - moment).total_seconds()
    if seconds < 0:
        return moment.strftime("%Y-%m-%d")
    if seconds < 3600:
        return f"{max(1, int(seconds // 60))} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    if seconds < 14 * 86400:
        return f"{int(seconds // 86400)} d ago"
    return moment.strftime("%Y-%m-%d")


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("Yes" if value else "No")


def _num(value: float | int | None, suffix: str = "") -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != int(value):
        return f"{value:g}{suffix}"
    return f"{int(value):,}{suffix}"


def _utc_moment(value: datetime, now: datetime) -> str:
    return f"{value.strftime('%Y-%m-%d %H:%M')} UTC ({age(value, now)})"


@dataclass(frozen=True)
class Formats:
    """How :func:`posting_details` writes values. The defaults are the command line's
    (``$1,250``, ISO dates, times in UTC); the GUI passes its user's locale and time zone."""

    #: an amount in USD, ``cents`` for rates (``money`` above)
    money: Callable[..., str] = money
    #: a count or a measure (``1,250``, ``2.5``)
    number: Callable[[float], str] = lambda value: _num(value)
    #: a number to so many decimals (a rating: ``4.85``)
    decimal: Callable[[float, int], str] = lambda value, places: f"{value:.{places}f}"
    #: a stored (UTC) moment and how long before ``now`` it was
    moment: Callable[[datetime, datetime], str] = _utc_moment
    #: a calendar day
    day: Callable[[date], str] = date.isoformat
    budget: Callable[[str | None, float | None, float | None, float | None], str] = budget
    proposals: Callable[[int | None, int | None], str] = proposals


def posting_details(
    job: Any, now: datetime | None = None, formats: Formats | None = None
) -> list[tuple[str, str]]:
    """(label, text) for every field of a stored posting, as the detail pane lists them
    (values written as ``formats`` says: by default the command line's way)."""
    when = now or clock.now()
    fmt = formats or Formats()

    def moment(value: datetime | None) -> str:
        return "" if value is None else fmt.moment(value, when)

    def num(value: float | None, suffix: str = "") -> str:
        return "" if value is None else f"{fmt.number(value)}{suffix}"

    place = ", ".join(p for p in (job.client_city, job.client_country) if p)
    hires = num(job.client_hires)
    if job.client_active_hires is not None:
        hires = f"{hires or '?'} ({num(job.client_active_hires)} active)"
    rating = "" if job.client_rating is None else f"{fmt.decimal(job.client_rating, 2)} of 5"
    return [
        ("Title", job.title or ""),
        ("URL", job.url or ""),
        ("Status", (job.status or "").capitalize()),
        ("Budget", fmt.budget(job.budget_type, job.fixed_budget, job.hourly_min, job.hourly_max)),
        ("Experience", (job.experience_level or "").capitalize()),
        ("Duration", job.duration or ""),
        ("Hours per week", job.hours_per_week or ""),
        ("Category", job.category or ""),
        ("Skills", ", ".join(job.skills or [])),
        ("Posted", moment(job.posted_at)),
        ("Proposals", fmt.proposals(job.proposals_min, job.proposals_max)),
        ("Interviewing", num(job.interviewing)),
        ("Invites sent", num(job.invites_sent)),
        ("Unanswered invites", num(job.unanswered_invites)),
        ("Last viewed by client", moment(job.last_viewed_at)),
        ("Connects to apply", num(job.connects_required)),
        ("Screening questions", "\n".join(f"• {q}" for q in job.screening_questions or [])),
        ("Payment verified", _yes_no(job.client_payment_verified)),
        ("Client rating", rating),
        ("Client reviews", num(job.client_reviews)),
        ("Client location", place),
        ("Jobs posted", num(job.client_jobs_posted)),
        ("Hire rate", num(job.client_hire_rate, "%")),
        ("Open jobs", num(job.client_open_jobs)),
        ("Total spent", fmt.money(job.client_total_spent)),
        ("Hires", hires),
        ("Avg hourly rate paid", fmt.money(job.client_avg_hourly_rate, cents=True)),
        ("Member since", fmt.day(job.client_member_since) if job.client_member_since else ""),
        ("Client industry", job.client_industry or ""),
        ("Client company", job.client_company_size or ""),
        ("Captured", f"{moment(job.captured_at)} from {job.source}"),
        ("Not found in the text", ", ".join(job.missing_fields or []) or "—"),
    ]
