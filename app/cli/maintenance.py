"""``pwb backup``."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.backup import backup_now
from app.cli.common import open_db, print_json
from app.cli.progress import progress_line


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("backup", parents=[common], help="write a consistent copy of the database")
    p.add_argument("--out", type=Path, help="the backup file (default: backups/ beside the db)")
    p.add_argument("--json", action="store_true", help="print {path, bytes}")
    p.set_defaults(func=cmd_backup)


def cmd_backup(args: argparse.Namespace) -> int:
    db = open_db(args)
    with progress_line("backing up", unit=" pages") as progress:
        made = backup_now(db, args.out, progress=progress)
    if args.json:
        print_json({"path": str(made), "bytes": made.stat().st_size})
        return 0
    print(made)
    return 0
