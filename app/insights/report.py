"""The report (``pwb report``): the ``--json`` object and the readable text."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from app.insights.results import CHART_KINDS, GroupStats, Insights, _ratio, _round
from app.insights.takeaways import _num, _pct, takeaway


def report_json(ins: Insights) -> dict[str, Any]:
    """The ``pwb report --json`` object: exactly the contract keys."""
    t = ins.total
    return {
        "connects_spent": ins.connects_spent,
        "connects_boost": ins.connects_boost,
        "usd_spent": round(ins.usd_spent, 2),
        "proposals": t.proposals,
        "viewed": t.viewed,
        "replied": t.replied,
        "interviewing": t.interviewing,
        "hired": t.hired,
        "view_rate": _round(t.view_rate),
        "reply_rate": _round(_ratio(t.replied, t.proposals)),
        "hire_rate": _round(t.win_rate),
        "connects_per_hire": _round(t.connects_per_hire, 1),
        "usd_per_hire": _round(t.usd_per_hire, 2),
        "revenue": round(ins.revenue, 2),
        "revenue_per_usd": _round(ins.revenue_per_usd, 2),
        "by_category": [g.to_json("category") for g in ins.by_category],
        "by_score_band": [g.to_json("band") for g in ins.by_score_band],
        "by_month": [
            {
                "month": p.period,
                "connects_spent": p.base,
                "connects_boost": p.boost,
                "usd_spent": p.usd,
                "proposals": p.proposals,
                "hired": p.hired,
            }
            for p in ins.by_month
        ],
    }


def describe_range(ins: Insights) -> str:
    """``2024-01-01 to 2024-03-31 · profile Web`` for headings."""
    first = ins.start.date().isoformat() if ins.start else "the beginning"
    last = (ins.end - timedelta(microseconds=1)).date().isoformat() if ins.end else "now"
    who = f"profile {ins.profile}" if ins.profile else "all profiles"
    if ins.member:
        who += f" · member {ins.member}"
    return f"{first} to {last} (UTC) · {who}"


def format_report(ins: Insights) -> str:
    """A readable text report: totals, funnel, and the tables behind the charts."""
    t = ins.total
    lines = [
        f"Insights: {describe_range(ins)}",
        "",
        f"Connects spent  {ins.connects_spent:,} base + {ins.connects_boost:,} boost "
        f"(net of refunds); bought for ${ins.usd_spent:,.2f}",
        f"Revenue won     ${ins.revenue:,.2f} · per USD of Connects "
        f"{_num(ins.revenue_per_usd, 2, '$')} (Connects at ${ins.connect_price:.2f})",
        f"Per hire        {_num(t.connects_per_hire)} Connects · {_num(t.usd_per_hire, 2, '$')}",
        "",
        "Funnel           all    rate   step |  cold  invited",
    ]
    cold, invited = ins.funnel(ins.cold), ins.funnel(ins.invited)
    for step, c, i in zip(ins.funnel(), cold, invited, strict=True):
        lines.append(
            f"  {step.stage:<12} {step.count:>6,} {_pct(step.rate):>6} {_pct(step.step_rate):>6}"
            f" | {c.count:>5,} {i.count:>8,}"
        )
    for title, groups in (
        ("Score band", ins.by_score_band),
        ("Verdict", ins.by_verdict),
        ("Category", ins.by_category),
        ("Posting to proposal", ins.by_delay),
    ):
        lines += ["", _group_header(title), *(_group_line(g) for g in groups)]
    lines += ["", _group_header("Boost"), _group_line(ins.boosted), _group_line(ins.not_boosted)]
    lines += ["", "Month      base  boost   purchases  proposals  hired"]
    for p in ins.by_month:
        lines.append(
            f"  {p.period}  {p.base:>5,} {p.boost:>6,} {p.usd:>11,.2f} {p.proposals:>10,} "
            f"{p.hired:>6,}"
        )
    lines += ["", *(f"- {takeaway(ins, kind)}" for kind in CHART_KINDS)]
    return "\n".join(lines)


def _group_header(title: str) -> str:
    return f"{title:<24} proposals  viewed  hired  win  Connects/hire  USD/hire"


def _group_line(g: GroupStats) -> str:
    name = g.key if len(g.key) <= 22 else g.key[:21] + "…"
    return (
        f"  {name:<22} {g.proposals:>9,} {_pct(g.view_rate):>7} {g.hired:>6,} "
        f"{_pct(g.win_rate):>4} {_num(g.connects_per_hire):>14} {_num(g.usd_per_hire, 2, '$'):>9}"
    )
