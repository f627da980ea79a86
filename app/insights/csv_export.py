"""The numbers of each chart: the table behind it and its formula-safe CSV file."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from app.errors import InputError
from app.insights.results import Insights, _check_kind, _round


def chart_table(ins: Insights, kind: str) -> tuple[list[str], list[list[Any]]]:
    """The header and rows behind chart ``kind``: what its CSV export holds."""
    _check_kind(kind)
    if kind == "spend":
        unit, periods = ins.spend_periods()
        return (
            [unit, "base_connects", "boost_connects", "total_connects", "purchases_usd"],
            [[p.period, p.base, p.boost, p.total, p.usd] for p in periods],
        )
    if kind == "balance":
        return ["day", "balance", "lowest"], [
            [p.day.isoformat(), p.balance, p.lowest] for p in ins.balance
        ]
    if kind == "funnel":
        rows = [
            [s.stage, s.count, _round(s.rate), _round(s.step_rate), c.count, i.count]
            for s, c, i in zip(
                ins.funnel(), ins.funnel(ins.cold), ins.funnel(ins.invited), strict=True
            )
        ]
        return ["stage", "proposals", "rate", "step_rate", "cold", "invited"], rows
    if kind == "speed":
        return (
            ["since_posting", "proposals", "viewed", "view_rate", "hired", "hire_rate"],
            [
                [g.key, g.proposals, g.viewed, _round(g.view_rate), g.hired, _round(g.win_rate)]
                for g in ins.by_delay
            ],
        )
    if kind == "boost":
        groups = [ins.boosted, ins.not_boosted]
        return (
            ["group", "proposals", "viewed", "view_rate", "hired", "hire_rate"],
            [
                [g.key, g.proposals, g.viewed, _round(g.view_rate), g.hired, _round(g.win_rate)]
                for g in groups
            ],
        )
    groups = ins.by_score_band if kind == "score-bands" else ins.by_category
    name = "band" if kind == "score-bands" else "category"
    header = [name, "proposals", "hired", "win_rate", "connects_per_hire", "usd_per_hire"]
    return header, [
        [
            g.key,
            g.proposals,
            g.hired,
            _round(g.win_rate),
            _round(g.connects_per_hire, 1),
            _round(g.usd_per_hire, 2),
        ]
        for g in groups
    ]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A cell a spreadsheet will not run: text starting with = + - @ gets a leading quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_chart_csv(ins: Insights, kind: str, path: Path | str) -> Path:
    """Write the numbers of chart ``kind`` to ``path`` as CSV (formula-safe)."""
    header, rows = chart_table(ins, kind)
    target = Path(path)
    try:
        with target.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows([[csv_safe(cell) for cell in row] for row in rows])
    except OSError as exc:
        raise InputError(f"cannot write {target}: {exc.strerror}") from None
    return target
