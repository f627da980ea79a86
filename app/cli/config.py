"""``pwb config list|get|set|reset``: every setting of :mod:`app.settings` from the command line.

The values are checked exactly as Preferences checks them (:func:`app.settings.check`).
A list is typed ``10, 20, 40``, a table ``basic=10, agency=0`` (the entries not named
keep their values); JSON works for both.
"""

from __future__ import annotations

import argparse
from typing import Any

from app import settings
from app.cli.common import open_db, print_json


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    config = sub.add_parser("config", parents=[common], help="show and change settings")
    actions = config.add_subparsers(dest="config_command", metavar="ACTION")
    actions.required = True
    p = actions.add_parser("list", parents=[common], help="every setting with its value")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_list)
    p = actions.add_parser("get", parents=[common], help="one setting's value")
    p.add_argument("key", metavar="KEY")
    p.add_argument("--json", action="store_true", help="print the value as JSON")
    p.set_defaults(func=cmd_get)
    p = actions.add_parser("set", parents=[common], help="change a setting")
    p.add_argument("key", metavar="KEY")
    p.add_argument("value", metavar="VALUE", help="e.g. 0.15, true, '10, 20, 40', 'basic=10'")
    p.add_argument("--json", action="store_true", help="print the stored value as JSON")
    p.set_defaults(func=cmd_set)
    p = actions.add_parser("reset", parents=[common], help="put a setting back to its default")
    p.add_argument("key", metavar="KEY")
    p.set_defaults(func=cmd_reset)


def _entry(key: str, value: Any) -> dict[str, Any]:
    declared = settings.spec(key)
    return {
        "key": key,
        "value": value,
        "default": declared.default,
        "is_default": value == declared.default,
        "type": declared.kind,
        "group": declared.group,
        "title": declared.title,
        "help": declared.help,
    }


def cmd_list(args: argparse.Namespace) -> int:
    with open_db(args).read() as session:
        values = settings.all_values(session)
    if args.json:
        print_json([_entry(key, values[key]) for key in settings.SPECS])
        return 0
    width = max(len(key) for key in settings.SPECS)
    for group, specs in settings.grouped():
        print(f"{group}:")
        for spec in specs:
            shown = settings.format_value(spec.key, values[spec.key]) or "(none)"
            mark = "" if values[spec.key] == spec.default else "  (changed)"
            print(f"  {spec.key:<{width}}  {shown}{mark}")
            print(f"  {'':<{width}}  {spec.title}")
    return 0


def cmd_get(args: argparse.Namespace) -> int:
    settings.spec(args.key)  # an unknown key is an error before the database is opened
    with open_db(args).read() as session:
        value = settings.get(session, args.key)
    if args.json:
        print_json(value)
    else:
        print(settings.format_value(args.key, value))
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    value = settings.parse_text(args.key, args.value)
    with open_db(args).transaction() as session:
        stored = settings.set_value(session, args.key, value)
    if args.json:
        print_json({"key": args.key, "value": stored})
    else:
        print(f"{args.key} = {settings.format_value(args.key, stored)}")
    return 0


def cmd_reset(args: argparse.Namespace) -> int:
    declared = settings.spec(args.key)
    with open_db(args).transaction() as session:
        settings.reset(session, args.key)
    print(f"{args.key} = {settings.format_value(args.key, declared.default)} (the default)")
    return 0
