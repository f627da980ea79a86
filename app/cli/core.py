"""``pwb init`` and ``pwb info``."""

from __future__ import annotations

import argparse

from app import __version__
from app.bootstrap import seed_defaults
from app.cli.common import open_db, print_json


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("init", parents=[common], help="create or upgrade the database")
    p.set_defaults(func=cmd_init)
    p = sub.add_parser("info", parents=[common], help="database location, schema, row counts")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_info)


def cmd_init(args: argparse.Namespace) -> int:
    db = open_db(args, create_folder=True)
    seed_defaults(db)
    print(f"database ready: {db.location} (schema {db.revision()})")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    db = open_db(args)
    counts = db.row_counts()
    info: dict[str, object] = {
        "version": __version__,
        "database": db.location,
        "dialect": db.dialect,
        "schema_revision": db.revision(),
        "row_counts": counts,
    }
    if args.json:
        print_json(info)
        return 0
    print(f"Proposal Workbench {info['version']}")
    print(f"database: {info['database']} ({info['dialect']}, schema {info['schema_revision']})")
    for table, count in counts.items():
        print(f"  {table:<24} {count:>10,}")
    return 0
