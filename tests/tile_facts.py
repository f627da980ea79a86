"""The shared real postings are search tiles (title, description, tags, rate, exp_lvl,
est_time, link): map one to :class:`PostingFacts` for tests and benchmarks."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from app.domain import BudgetType, ExperienceLevel, PostingFacts

_MONEY = re.compile(r"\$([\d,]+(?:\.\d+)?)")
_LEVELS = {
    "entry level": ExperienceLevel.ENTRY,
    "intermediate": ExperienceLevel.INTERMEDIATE,
    "expert": ExperienceLevel.EXPERT,
}


def _money(text: str) -> list[float]:
    return [float(m.replace(",", "")) for m in _MONEY.findall(text or "")]


def tile_facts(tile: dict[str, Any]) -> PostingFacts:
    """One search tile as PostingFacts (client facts are not on a tile: left unknown)."""
    facts = PostingFacts(
        title=tile.get("title"),
        description=tile.get("description"),
        url=tile.get("link"),
        skills=list(tile.get("tags") or []),
        experience_level=_LEVELS.get((tile.get("exp_lvl") or "").lower()),
    )
    rate, est = tile.get("rate") or "", tile.get("est_time") or ""
    if rate.lower().startswith("hourly"):
        facts.budget_type = BudgetType.HOURLY
        amounts = _money(rate)
        if amounts:
            facts.hourly_min, facts.hourly_max = amounts[0], amounts[-1]
        duration, _, hours = est.partition(", ")
        facts.duration, facts.hours_per_week = duration or None, hours or None
    elif rate.lower().startswith("fixed"):
        facts.budget_type = BudgetType.FIXED
        amounts = _money(est)
        facts.fixed_budget = amounts[0] if amounts else None
    return facts


def load_tiles(path: Path) -> list[PostingFacts]:
    return [tile_facts(t) for t in json.loads(path.read_text(encoding="utf-8"))]


def shared_data_file() -> Path | None:
    """The real postings: ../shared/data beside the checkout, or beside its worktree folder."""
    here = Path(__file__).resolve()
    for root in (here.parents[2], here.parents[3]):
        path = root / "shared" / "data" / "upwork_search_jobs_2024-08.json"
        if path.is_file():
            return path
    return None


def real_postings_or_skip() -> list[PostingFacts]:
    """The shared real postings as PostingFacts (the test is skipped where they are absent)."""
    path = shared_data_file()
    if path is None:
        pytest.skip("../shared/data is not beside this checkout")
    return load_tiles(path)


def tile_text(tile: dict[str, Any]) -> str:
    """One search tile as a browser copies it: title, the rate line, description, skills."""
    rate, level, est = tile.get("rate") or "", tile.get("exp_lvl") or "", tile.get("est_time")
    head = " - ".join(p for p in (rate, level, f"Est. Time: {est}" if est else "") if p)
    lines = [tile.get("title") or "", head, tile.get("description") or ""]
    return "\n".join([*lines, *(tile.get("tags") or []), tile.get("link") or ""]) + "\n"


def shared_tiles(path: Path) -> list[dict[str, Any]]:
    return list(json.loads(path.read_text(encoding="utf-8")))
