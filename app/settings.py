"""Every user setting, declared once: type, default, title, meaning, group and limits.

Platform rules (Connect price, monthly allocations, expiry, refund rules) are
settings, not constants, because the platform changes them. Values live in
the ``setting`` table; a key that was never set reads as its default.

The one declaration serves every place a setting is shown or changed:
Preferences builds its groups and editors from it, ``pwb config`` lists, reads
and writes by it, and :func:`check` is the one validation both go through
(:func:`parse_text` turns what a person types into a value first).
"""

from __future__ import annotations

import builtins
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import InputError
from app.storage.models import Setting

#: the groups, in the order Preferences shows them
GROUPS = ("Connects", "Proposals", "Scoring", "Import", "Capture", "Backups", "Saved replies")
#: what a job closing refunds (connects.refund_rules values)
REFUND_CHOICES = ("spend_and_boost", "spend", "none")


@dataclass(frozen=True)
class SettingSpec:
    key: str
    type: type
    default: Any
    title: str
    #: what it means and when to change it, in a sentence or two
    help: str = ""
    group: str = "Connects"
    #: bounds for numbers, and for the items of a list of numbers
    minimum: float | None = None
    maximum: float | None = None
    #: allowed values of a text setting, or of each value of a table setting
    choices: tuple[str, ...] = ()
    #: the type of each item of a list, or of each value of a table
    item: builtins.type | None = None
    #: the keys a table setting has (its default's keys)
    keys: tuple[str, ...] = ()
    #: a text setting that may be empty (empty: the feature is off)
    optional: bool = False

    @property
    def kind(self) -> str:
        """``int``, ``float``, ``bool``, ``str``, ``list`` or ``table`` (a dict)."""
        return "table" if self.type is dict else self.type.__name__


_SPECS = [
    SettingSpec(
        "connects.price_usd",
        float,
        0.15,
        "Price of one Connect (USD)",
        "What the platform charges per Connect: purchases and the USD side of Insights use it.",
        minimum=0.01,
        maximum=10.0,
    ),
    SettingSpec(
        "connects.bundles",
        list,
        [10, 20, 40, 60, 80],
        "Connects bundles you can buy",
        "The bundle sizes the Buy dialog offers.",
        minimum=1,
        maximum=10_000,
        item=int,
    ),
    SettingSpec(
        "connects.agency_bundles",
        list,
        [150, 300],
        "Extra bundles for agencies",
        "More bundle sizes, offered when the active profile's plan is Agency.",
        minimum=1,
        maximum=10_000,
        item=int,
    ),
    SettingSpec(
        "connects.monthly_allocation",
        dict,
        {"basic": 10, "freelancer_plus": 100, "agency": 0},
        "Free Connects each month, by plan",
        "Posted to the ledger on the billing day for the active profile's plan.",
        minimum=0,
        maximum=10_000,
        item=int,
        keys=("basic", "freelancer_plus", "agency"),
    ),
    SettingSpec(
        "connects.billing_day",
        int,
        1,
        "Day of the month the free Connects arrive",
        "Your billing date; in shorter months the last day is used.",
        minimum=1,
        maximum=31,
    ),
    SettingSpec(
        "connects.expiry_days",
        int,
        365,
        "Days until credited Connects expire",
        "Each credit is a lot that expires this long after it arrived (a year on Upwork).",
        minimum=1,
        maximum=3650,
    ),
    SettingSpec(
        "connects.credit_name",
        str,
        "Connects",
        "What the platform calls bid credits",
        "Shown in the ledger and the status bar (Freelancer.com says bids).",
    ),
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
        "What comes back when a job closes, by reason",
        "spend_and_boost refunds both, spend only the Connects spent, none nothing.",
        choices=REFUND_CHOICES,
        item=str,
        keys=(
            "client_cancelled",
            "removed_for_terms",
            "job_expired",
            "hired_someone_else",
            "withdrawn",
        ),
    ),
    SettingSpec(
        "connects.refund_boost_when_outbid",
        bool,
        True,
        "Refund the boost when outbid before the client interacts",
        "Upwork returns a boost you were outbid on before the client viewed your proposal.",
    ),
    SettingSpec(
        "connects.forecast_days",
        int,
        30,
        "Days of history the spending pace is taken from",
        "The forecast of when you run out spends at the pace of these last days.",
        minimum=1,
        maximum=365,
    ),
    SettingSpec(
        "connects.typical_proposal",
        int,
        8,
        "Connects a proposal costs when there is no history",
        "Used for a posting that names no Connects before you have sent any proposals.",
        minimum=0,
        maximum=500,
    ),
    SettingSpec(
        "score.apply_threshold",
        int,
        70,
        "Score at or above which the verdict is Apply",
        "Postings scoring this much or more are marked Apply.",
        group="Scoring",
        minimum=1,
        maximum=100,
    ),
    SettingSpec(
        "score.maybe_threshold",
        int,
        45,
        "Score at or above which the verdict is Maybe",
        "Below the Apply score; postings under it are marked Skip.",
        group="Scoring",
        minimum=0,
        maximum=99,
    ),
    SettingSpec(
        "proposal.max_length",
        int,
        5000,
        "Cover letter length limit (characters)",
        "The length check warns above it (Upwork allows 5,000).",
        group="Proposals",
        minimum=100,
        maximum=100_000,
    ),
    SettingSpec(
        "proposal.user_dictionary",
        list,
        [],
        "Words the spelling check accepts (your own)",
        "Names, tools and words of your trade the spelling check should not flag.",
        group="Proposals",
        item=str,
    ),
    SettingSpec(
        "backup.keep",
        int,
        7,
        "Automatic backups to keep",
        "A copy of the database is made once a day when the app opens; older ones go.",
        group="Backups",
        minimum=1,
        maximum=365,
    ),
    SettingSpec(
        "import.date_order",
        str,
        "auto",
        "How imports read dates like 06/07/2024 when the file does not settle it "
        "(auto: your locale's order, DMY: day first, MDY: month first)",
        "A file whose dates settle the order (a 13 or more) is read that way whatever this says.",
        group="Import",
        choices=("auto", "DMY", "MDY"),
    ),
    SettingSpec(
        "import.max_description_chars",
        int,
        200_000,
        "Longest description an import keeps (characters); a longer one is cut, with a note",
        "An imported description over it is cut at this length, with a note in the report.",
        group="Import",
        minimum=1_000,
        maximum=5_000_000,
    ),
    SettingSpec(
        "import.column_mappings",
        dict,
        {},
        "Column mappings you chose in the import dialog, by file header",
        "Each file header you remapped, with the columns you chose; {} forgets them all.",
        group="Import",
        item=dict,
    ),
    SettingSpec(
        "capture.clipboard_watch",
        bool,
        False,
        "Watch the clipboard for job postings",
        "A posting you copy in the browser is scored at once and shown in a small notice; "
        "nothing else you copy is read into the database or the log.",
        group="Capture",
    ),
    SettingSpec(
        "capture.save_copied",
        bool,
        False,
        "Save every posting you copy (not only when you press Save)",
        "With the clipboard watch on, each posting copied is stored and scored without asking.",
        group="Capture",
    ),
    SettingSpec(
        "capture.global_keys",
        bool,
        False,
        "The notice's keys work in every program (Ctrl+Alt+S / D / X)",
        "Save, Save + Draft and Dismiss the notice while the browser has the focus. The keys "
        "still reach the program you are in; macOS asks to allow input monitoring.",
        group="Capture",
    ),
    SettingSpec(
        "capture.keep_in_tray",
        bool,
        False,
        "Closing the window keeps the app in the system tray",
        "The clipboard watch and the watch folder go on; quit from the tray menu.",
        group="Capture",
    ),
    SettingSpec(
        "capture.watch_folder",
        str,
        "",
        "Folder to import alert files from (empty: off)",
        "CSV, JSON and JSONL files an alert tool saves here are imported once each, "
        "when they stop changing, and scored.",
        group="Capture",
        optional=True,
    ),
    SettingSpec(
        "replies.starters_offered",
        list,
        [],
        "Starter replies already added once (a deleted one is not brought back)",
        "Remove a name to have that shipped starter reply added again.",
        group="Saved replies",
        item=str,
    ),
]

SPECS: dict[str, SettingSpec] = {spec.key: spec for spec in _SPECS}


def spec(key: str) -> SettingSpec:
    try:
        return SPECS[key]
    except KeyError:
        raise InputError(f"unknown setting {key!r} (see: pwb config list)") from None


def grouped() -> list[tuple[str, list[SettingSpec]]]:
    """The settings by group, in the order of :data:`GROUPS`."""
    return [(group, [s for s in _SPECS if s.group == group]) for group in GROUPS]


def get(session: Session, key: str) -> Any:
    row = session.get(Setting, spec(key).key)
    return spec(key).default if row is None else row.value


def _type_name(t: type) -> str:
    return {int: "a whole number", float: "a number", bool: "true or false", str: "text"}.get(
        t, t.__name__
    )


def _number(declared: SettingSpec, value: Any, item: type, where: str) -> Any:
    if item is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, item) or isinstance(value, bool) and item is not bool:
        raise InputError(f"{where} takes {_type_name(item)}, not {value!r}")
    if isinstance(value, float) and not math.isfinite(value):
        raise InputError(f"{where} takes a finite number, not {value!r}")
    value = cast(float, value)
    if item in (int, float):
        low, high = declared.minimum, declared.maximum
        if low is not None and value < low or high is not None and value > high:
            raise InputError(f"{where} must be between {_show(low)} and {_show(high)}")
    return value


def _show(bound: float | None) -> str:
    if bound is None:
        return "any"
    return f"{bound:,.0f}" if float(bound).is_integer() else f"{bound:g}"


def check(key: str, value: Any, current: Mapping[str, Any] | None = None) -> Any:
    """``value`` as stored for ``key`` (an int for a float setting becomes a float), or an
    InputError naming the setting and what it takes. ``current`` are the other settings'
    values, for the checks between two (the Maybe score stays below the Apply score)."""
    declared = spec(key)
    if declared.type is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, declared.type) or (
        isinstance(value, bool) and declared.type is not bool
    ):
        raise InputError(
            f"setting {key} takes a {declared.type.__name__}, not {type(value).__name__}"
        )
    value = cast(Any, value)  # of the declared type (checked above)
    if declared.type in (int, float):
        value = _number(declared, value, declared.type, f"setting {key}")
    elif declared.type is str:
        value = value.strip()
        if not value and not declared.optional:
            raise InputError(f"setting {key} cannot be empty")
        if value and declared.choices and value not in declared.choices:
            raise InputError(f"setting {key} must be one of: {', '.join(declared.choices)}")
        if key == "capture.watch_folder" and value and not Path(value).expanduser().is_dir():
            raise InputError(f"setting {key}: {value} is not a folder")
    elif declared.type is list:
        item = declared.item or str
        items = []
        for n, entry in enumerate(value, 1):
            where = f"setting {key}, item {n},"
            if item is str:
                if not isinstance(entry, str) or not entry.strip():
                    raise InputError(f"{where} must be a word, not {entry!r}")
                items.append(entry.strip())
            else:
                items.append(_number(declared, entry, item, where))
        if item is not str and not items and key == "connects.bundles":
            raise InputError(f"setting {key} needs at least one bundle")
        value = list(dict.fromkeys(items))
    elif declared.type is dict and not declared.keys:  # free-form: name -> {column: field}
        for name, entry in value.items():
            if not isinstance(name, str) or not name:
                raise InputError(f"setting {key} has an entry without a name")
            if declared.item is dict and not (
                isinstance(entry, dict)
                and all(
                    isinstance(k, str) and (v is None or isinstance(v, str))
                    for k, v in entry.items()
                )
            ):
                raise InputError(f"setting {key}.{name} must be a table of names to text")
        value = dict(value)
    elif declared.type is dict:
        unknown = [k for k in value if k not in declared.keys]
        if unknown:
            raise InputError(
                f"setting {key} has no {unknown[0]!r} (it has: {', '.join(declared.keys)})"
            )
        table: dict[str, Any] = {}
        for name in declared.keys:
            if name not in value:
                continue
            entry = value[name]
            where = f"setting {key}.{name}"
            if declared.choices:
                if entry not in declared.choices:
                    raise InputError(f"{where} must be one of: {', '.join(declared.choices)}")
                table[name] = entry
            else:
                table[name] = _number(declared, entry, declared.item or int, where)
        value = table
    if current is not None:
        _check_between(key, value, current)
    return value


def _check_between(key: str, value: Any, current: Mapping[str, Any]) -> None:
    if key in ("score.apply_threshold", "score.maybe_threshold"):
        apply = value if key == "score.apply_threshold" else current["score.apply_threshold"]
        maybe = value if key == "score.maybe_threshold" else current["score.maybe_threshold"]
        if maybe >= apply:
            raise InputError(
                f"the Maybe score ({maybe}) must be below the Apply score ({apply}); "
                "change score.apply_threshold first to raise it"
            )


def set_value(session: Session, key: str, value: Any) -> Any:
    """Store one setting (checked against its declaration and the other settings); a
    table setting given in part keeps its other entries. Returns the value stored."""
    return set_values(session, {key: value})[key]


def set_values(session: Session, values: Mapping[str, Any]) -> dict[str, Any]:
    """Store several settings at once (Preferences): every one is checked against the
    others' new values first, so nothing is stored when one is refused. Returns the
    values stored."""
    before = all_values(session)
    given = {
        key: {**before[key], **value}
        if spec(key).type is dict and spec(key).keys and isinstance(value, Mapping)
        else value
        for key, value in values.items()
    }
    merged = {**before, **given}
    checked = {key: check(key, value, merged) for key, value in given.items()}
    changed = {key: value for key, value in checked.items() if before[key] != value}
    for key, value in changed.items():
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=value))
        else:
            row.value = value
    session.flush()
    return checked


def reset(session: Session, key: str) -> None:
    """Back to the default (the stored value is removed)."""
    row = session.get(Setting, spec(key).key)
    if row is not None:
        session.delete(row)


def all_values(session: Session) -> dict[str, Any]:
    stored = {row.key: row.value for row in session.scalars(select(Setting))}
    return {key: stored.get(key, s.default) for key, s in SPECS.items()}


# -- text: what a person types, and what they are shown -------------------------------------


def format_value(key: str, value: Any) -> str:
    """A value as ``pwb config`` prints it and accepts it back (see :func:`parse_text`)."""
    declared = spec(key)
    if declared.type is bool:
        return "true" if value else "false"
    if declared.type is list:
        return ", ".join(str(v) for v in value)
    if declared.type is dict and not declared.keys:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if declared.type is dict:
        return ", ".join(f"{k}={v}" for k, v in value.items())
    if declared.type is float:
        return f"{value:g}"
    return str(value)


_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


def parse_text(key: str, text: str) -> Any:
    """What a person typed for ``key``, as a value to :func:`check`: ``10, 20, 40`` for a
    list, ``basic=10, agency=0`` for a table, or JSON for either; one-line errors."""
    declared = spec(key)
    raw = text.strip()
    where = f"setting {key}"
    if declared.type is bool:
        if raw.lower() in _TRUE:
            return True
        if raw.lower() in _FALSE:
            return False
        raise InputError(f"{where} takes true or false, not {text!r}")
    if declared.type in (int, float):
        return _parse_number(raw.replace(",", "").replace("_", ""), declared.type, where)
    if declared.type is str:
        return raw
    if raw.startswith(("[", "{")) or declared.type is dict and not declared.keys:
        try:
            return json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: {text!r} is not valid JSON ({exc.msg})") from None
    parts = [p.strip() for p in raw.replace("\n", ",").split(",") if p.strip()]
    if declared.type is list:
        item = declared.item or str
        if item is str:
            return parts
        return [_parse_number(p, item, f"{where}, item {n},") for n, p in enumerate(parts, 1)]
    table: dict[str, Any] = {}
    for part in parts:
        name, sep, value = part.partition("=")
        if not sep:
            raise InputError(f"{where}: {part!r} is not NAME=VALUE")
        name, value = name.strip(), value.strip()
        if declared.choices:
            table[name] = value
        else:
            table[name] = _parse_number(value, declared.item or int, f"{where}.{name}")
    return table


def _parse_number(text: str, kind: type, where: str) -> Any:
    try:
        return int(text) if kind is int else float(text)
    except ValueError:
        raise InputError(f"{where} takes {_type_name(kind)}, not {text!r}") from None
