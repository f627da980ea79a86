"""How posting values read in lists and forms: budgets, money, proposal buckets, ages.

Qt-free so the CLI, the GUI and exports format the same way.
"""

from __future__ import annotations

from datetime import datetime
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


def posting_details(job: Any, now: datetime | None = None) -> list[tuple[str, str]]:
    """(label, text) for every field of a stored posting, as the detail pane lists them."""
    when = now or clock.now()

    def moment(value: datetime | None) -> str:
        if value is None:
            return ""
        return f"{value.strftime('%Y-%m-%d %H:%M')} UTC ({age(value, when)})"

    place = ", ".join(p for p in (job.client_city, job.client_country) if p)
    hires = _num(job.client_hires)
    if job.client_active_hires is not None:
        hires = f"{hires or '?'} ({job.client_active_hires} active)"
    rating = "" if job.client_rating is None else f"{job.client_rating:.2f} of 5"
    return [
        ("Title", job.title or ""),
        ("URL", job.url or ""),
        ("Status", (job.status or "").capitalize()),
        ("Budget", budget(job.budget_type, job.fixed_budget, job.hourly_min, job.hourly_max)),
        ("Experience", (job.experience_level or "").capitalize()),
        ("Duration", job.duration or ""),
        ("Hours per week", job.hours_per_week or ""),
        ("Category", job.category or ""),
        ("Skills", ", ".join(job.skills or [])),
        ("Posted", moment(job.posted_at)),
        ("Proposals", proposals(job.proposals_min, job.proposals_max)),
        ("Interviewing", _num(job.interviewing)),
        ("Invites sent", _num(job.invites_sent)),
        ("Unanswered invites", _num(job.unanswered_invites)),
        ("Last viewed by client", moment(job.last_viewed_at)),
        ("Connects to apply", _num(job.connects_required)),
        ("Screening questions", "\n".join(f"• {q}" for q in job.screening_questions or [])),
        ("Payment verified", _yes_no(job.client_payment_verified)),
        ("Client rating", rating),
        ("Client reviews", _num(job.client_reviews)),
        ("Client location", place),
        ("Jobs posted", _num(job.client_jobs_posted)),
        ("Hire rate", _num(job.client_hire_rate, "%")),
        ("Open jobs", _num(job.client_open_jobs)),
        ("Total spent", money(job.client_total_spent)),
        ("Hires", hires),
        ("Avg hourly rate paid", money(job.client_avg_hourly_rate, cents=True)),
        ("Member since", job.client_member_since.isoformat() if job.client_member_since else ""),
        ("Client industry", job.client_industry or ""),
        ("Client company", job.client_company_size or ""),
        ("Captured", f"{moment(job.captured_at)} from {job.source}"),
        ("Not found in the text", ", ".join(job.missing_fields or []) or "—"),
    ]
