"""A posting given as the ``pwb parse --json`` object, back into :class:`PostingFacts`."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from typing import Any

from app import clock
from app.domain import BudgetType, ClientFacts, ExperienceLevel, PostingFacts
from app.errors import InputError
from app.limits import load_json

_NUMBER = (int, float)
_TYPES: dict[str, tuple[type, ...]] = {
    "title": (str,),
    "description": (str,),
    "url": (str,),
    "category": (str,),
    "skills": (list,),
    "budget_type": (str,),
    "fixed_budget": _NUMBER,
    "hourly_min": _NUMBER,
    "hourly_max": _NUMBER,
    "experience_level": (str,),
    "duration": (str,),
    "hours_per_week": (str,),
    "posted_at": (str,),
    "proposals_min": (int,),
    "proposals_max": (int,),
    "interviewing": (int,),
    "invites_sent": (int,),
    "unanswered_invites": (int,),
    "connects_required": (int,),
    "client": (dict,),
    "missing": (list,),
}
_CLIENT_TYPES: dict[str, tuple[type, ...]] = {
    "payment_verified": (bool,),
    "rating": _NUMBER,
    "reviews": (int,),
    "country": (str,),
    "city": (str,),
    "jobs_posted": (int,),
    "hire_rate": _NUMBER,
    "open_jobs": (int,),
    "total_spent": _NUMBER,
    "hires": (int,),
    "active_hires": (int,),
    "avg_hourly_rate": _NUMBER,
    "member_since": (str,),
    "industry": (str,),
    "company_size": (str,),
}


def facts_from_json_text(text: str, source: str = "input") -> PostingFacts:
    """Parse a JSON object in the ``pwb parse --json`` shape; one-line errors."""
    try:
        data = load_json(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}: not JSON ({exc.msg} at line {exc.lineno})") from None
    except InputError as exc:
        raise InputError(f"{source}: {exc.message}") from None
    return facts_from_json(data, source)


def facts_from_json(data: Any, source: str = "input") -> PostingFacts:
    if not isinstance(data, dict):
        raise InputError(f"{source}: a posting must be a JSON object")
    _check(data, _TYPES, source, "")
    client_data = data.get("client") or {}
    _check(client_data, _CLIENT_TYPES, source, "client.")
    values = {k: v for k, v in data.items() if v is not None and k != "client"}
    try:
        if "budget_type" in values:
            values["budget_type"] = BudgetType(values["budget_type"])
        if "experience_level" in values:
            values["experience_level"] = ExperienceLevel(values["experience_level"])
        if "posted_at" in values:
            values["posted_at"] = _moment(values["posted_at"])
        client_values = {k: v for k, v in client_data.items() if v is not None}
        if "member_since" in client_values:
            client_values["member_since"] = date.fromisoformat(client_values["member_since"][:10])
    except ValueError as exc:
        raise InputError(f"{source}: {exc}") from None
    client = ClientFacts(**client_values)
    return dataclasses.replace(PostingFacts(), **values, client=client)


def _moment(text: str) -> datetime:
    return clock.as_utc(datetime.fromisoformat(text))


def _check(
    data: dict[str, Any], types: dict[str, tuple[type, ...]], source: str, prefix: str
) -> None:
    for key, value in data.items():
        if key not in types:
            raise InputError(f"{source}: unknown key {prefix}{key!r}")
        if value is None:
            continue
        wanted = types[key]
        if isinstance(value, bool) and bool not in wanted or not isinstance(value, wanted):
            raise InputError(f"{source}: {prefix}{key} must be {_name(wanted)}")


def _name(types: tuple[type, ...]) -> str:
    if types == _NUMBER:
        return "a number"
    return {str: "a string", int: "an integer", bool: "true or false", list: "a list"}.get(
        types[0], "an object"
    )
