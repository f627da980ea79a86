"""``pwb backup``, ``backups``, ``restore``, ``check``, ``export`` and ``import-all``."""

from __future__ import annotations

import argparse
from pathlib import Path

from app import paths
from app.archive import export_all, import_all
from app.backup import backup_now, list_backups, restore
from app.check import check_database, repair_search_index
from app.cli.common import open_db, print_json
from app.cli.progress import progress_line
from app.errors import DatabaseError
from app.storage.db import open_database, sqlite_file

#: ``pwb check`` found a problem (a usage or input error is 2, as everywhere)
EXIT_PROBLEMS = 1


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("backup", parents=[common], help="write a consistent copy of the database")
    p.add_argument("--out", type=Path, help="the backup file (default: backups/ beside the db)")
    p.add_argument("--json", action="store_true", help="print {path, bytes}")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("backups", parents=[common], help="list the backups of the database")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_backups)

    p = sub.add_parser(
        "restore",
        parents=[common],
        help="put a backup in the database's place (checked first; the current file is kept)",
    )
    p.add_argument("backup", type=Path, help="the backup file (see `pwb backups`)")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser(
        "check",
        parents=[common],
        help="check the database: pages, references, schema, search index, ledger",
    )
    p.add_argument(
        "--repair", action="store_true", help="rebuild the search index if it is out of step"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser(
        "export",
        parents=[common],
        help="write everything you own to one ZIP (JSON and CSV per table)",
    )
    p.add_argument("--out", type=Path, required=True, help="the archive to write (FILE.zip)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "import-all",
        parents=[common],
        help="load an archive written by `pwb export` into an empty database",
    )
    p.add_argument("archive", type=Path, help="the archive (FILE.zip)")
    p.set_defaults(func=cmd_import_all)


def cmd_backup(args: argparse.Namespace) -> int:
    db = open_db(args)
    with progress_line("backing up", unit=" pages") as progress:
        made = backup_now(db, args.out, progress=progress)
    if args.json:
        print_json({"path": str(made), "bytes": made.stat().st_size})
        return 0
    print(made)
    return 0


def _database_file(args: argparse.Namespace) -> Path:
    target = paths.database_target(getattr(args, "db", None))
    path = sqlite_file(target)
    if path is None:
        raise DatabaseError("backups are made for SQLite files only; use your server's tools")
    return path


def cmd_backups(args: argparse.Namespace) -> int:
    path = _database_file(args)
    backups = list_backups(path)
    if args.json:
        print_json([{"path": str(b.path), "made_at": b.made_at, "bytes": b.size} for b in backups])
        return 0
    if not backups:
        print(f"no backups of {path} yet (`pwb backup` makes one)")
    for backup in backups:
        print(f"{backup.made_at:%Y-%m-%d %H:%M} UTC  {backup.size:>14,} bytes  {backup.path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    path = _database_file(args)
    done = restore(path, args.backup)
    kept = f"; the database it replaced is kept as {done.kept}" if done.kept else ""
    print(f"restored {path} from {done.backup} (schema {done.revision}){kept}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    target = paths.database_target(getattr(args, "db", None))
    findings = check_database(target)
    repaired = None
    if args.repair and any(f.topic == "search" and not f.ok for f in findings):
        db = open_database(target)
        try:
            repaired = repair_search_index(db)
        finally:
            db.close()
        findings = check_database(target)
    problems = [f for f in findings if not f.ok]
    if args.json:
        print_json(
            {
                "database": target,
                "ok": not problems,
                "findings": [f.to_json() for f in findings],
                "search_index_rebuilt": repaired,
            }
        )
        return EXIT_PROBLEMS if problems else 0
    print(f"Checked {target}")
    for finding in findings:
        print(f"  {'ok' if finding.ok else 'PROBLEM':<8} {finding.topic}: {finding.found}")
        if finding.todo:
            print(f"  {'':<8} what to do: {finding.todo}")
    if repaired is not None:
        print(f"The search index was rebuilt: it holds {repaired:,} postings.")
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) > 1 else ''} found.")
        return EXIT_PROBLEMS
    print("Everything is in order.")
    return 0


def _summary(counts: dict[str, int]) -> str:
    return ", ".join(f"{count:,} {name.replace('_', ' ')}" for name, count in counts.items())


def cmd_export(args: argparse.Namespace) -> int:
    db = open_db(args)
    counts = export_all(db, args.out)
    print(f"exported to {args.out}: {_summary(counts)}")
    return 0


def cmd_import_all(args: argparse.Namespace) -> int:
    db = open_db(args, create_folder=True)
    counts = import_all(db, args.archive)
    print(f"imported {args.archive} into {db.location}: {_summary(counts)}")
    return 0
