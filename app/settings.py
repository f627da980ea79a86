"""Every user setting, declared once with its type, default and title.

Platform rules (Connect price, monthly allocations, expiry, refund rules) are
settings, not constants, because the platform changes them. Values live in
the ``setting`` table; a key that was never set reads as its default.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import InputError
from app.storage.models import Setting


@dataclass(frozen=True)
class SettingSpec:
    key: str
    type: type
    default: Any
    title: str


_SPECS = [
    SettingSpec("connects.price_usd", float, 0.15, "Price of one Connect (USD)"),
    SettingSpec("connects.bundles", list, [10, 20, 40, 60, 80], "Connects bundles you can buy"),
    SettingSpec("connects.agency_bundles", list, [150, 300], "Extra bundles for agencies"),
    SettingSpec(
        "connects.monthly_allocation",
        dict,
        {"basic": 10, "freelancer_plus": 100, "agency": 0},
        "Free Connects each month, by plan",
    ),
    SettingSpec("connects.billing_day", int, 1, "Day of the month the free Connects arrive"),
    SettingSpec("connects.expiry_days", int, 365, "Days until credited Connects expire"),
    SettingSpec("connects.credit_name", str, "Connects", "What the platform calls bid credits"),
    SettingSpec(
        "connects.refund_rules",
        dict,
        {
            "client_cancelled": "spend_and_boost",
            "removed_for_terms": "spend_and_boost",
            "job_expired": "none",
            "hired_someone_else": "none",
            "withdrawn": "none",
        },
        "What comes back when a job closes, by reason (spend_and_boost, spend, none)",
    ),
    SettingSpec(
        "connects.refund_boost_when_outbid",
        bool,
        True,
        "Refund the boost when outbid before the client interacts",
    ),
    SettingSpec(
        "connects.forecast_days", int, 30, "Days of history the spending pace is taken from"
    ),
    SettingSpec(
        "connects.typical_proposal", int, 8, "Connects a proposal costs when there is no history"
    ),
    SettingSpec("score.apply_threshold", int, 70, "Score at or above which the verdict is Apply"),
    SettingSpec("score.maybe_threshold", int, 45, "Score at or above which the verdict is Maybe"),
    SettingSpec("proposal.max_length", int, 5000, "Cover letter length limit (characters)"),
    SettingSpec("backup.keep", int, 7, "Automatic backups to keep"),
    SettingSpec(
        "import.max_description_chars",
        int,
        200_000,
        "Longest description an import keeps (characters); a longer one is cut, with a note",
    ),
    SettingSpec(
        "proposal.user_dictionary", list, [], "Words the spelling check accepts (your own)"
    ),
    SettingSpec(
        "import.date_order",
        str,
        "auto",
        "How imports read dates like 06/07/2024 when the file does not settle it "
        "(auto: your locale's order, DMY: day first, MDY: month first)",
    ),
    SettingSpec(
        "import.column_mappings",
        dict,
        {},
        "Column mappings you chose in the import dialog, by file header",
    ),
    SettingSpec(
        "replies.starters_offered",
        list,
        [],
        "Starter replies already added once (a deleted one is not brought back)",
    ),
]

SPECS: dict[str, SettingSpec] = {spec.key: spec for spec in _SPECS}


def spec(key: str) -> SettingSpec:
    try:
        return SPECS[key]
    except KeyError:
        raise InputError(f"unknown setting {key!r}") from None


def get(session: Session, key: str) -> Any:
    row = session.get(Setting, spec(key).key)
    return spec(key).default if row is None else row.value


def set_value(session: Session, key: str, value: Any) -> None:
    declared = spec(key)
    if declared.type is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, declared.type) or (
        isinstance(value, bool) and declared.type is not bool
    ):
        raise InputError(
            f"setting {key} takes a {declared.type.__name__}, not {type(value).__name__}"
        )
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def all_values(session: Session) -> dict[str, Any]:
    stored = {row.key: row.value for row in session.scalars(select(Setting))}
    return {key: stored.get(key, s.default) for key, s in SPECS.items()}
