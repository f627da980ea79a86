"""``pwb backup``."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.backup import backup_now
from app.cli.common import open_db


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("backup", parents=[common], help="write a consistent copy of the database")
    p.add_argument("--out", type=Path, help="the backup file (default: backups/ beside the db)")
    p.set_defaults(func=cmd_backup)


def cmd_backup(args: argparse.Namespace) -> int:
    db = open_db(args)
    print(backup_now(db, args.out))
    return 0
