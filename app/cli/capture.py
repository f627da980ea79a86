"""``pwb parse``, ``pwb add``, ``pwb import`` and ``pwb jobs``: capturing postings."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from app import clock
from app.capture import capture_text
from app.cli.common import open_db, print_json, read_text_input
from app.errors import InputError
from app.importing import FORMATS, ImportReport, RowError, import_into
from app.parsing.upwork import parse_postings
from app.storage.jobs import SORT_KEYS, JobQuery, fetch_jobs
from app.storage.scores import score_stale


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("parse", parents=[common], help="parse pasted posting text (stores nothing)")
    p.add_argument("file", nargs="?", default="-", metavar="FILE|-", help="text file, - for stdin")
    p.add_argument(
        "--now", metavar="ISO", help="capture time for 'Posted 2 hours ago' (default now)"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("add", parents=[common], help="parse pasted posting text and store it")
    p.add_argument("file", nargs="?", default="-", metavar="FILE|-", help="text file, - for stdin")
    p.add_argument("--now", metavar="ISO", help="capture time for relative times (default now)")
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("import", parents=[common], help="import postings from CSV / JSON / JSONL")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--format", choices=FORMATS, default="auto", help="file format (default: auto)")
    p.add_argument(
        "--skip-invalid", action="store_true", help="import the good rows of a file with bad ones"
    )
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("jobs", parents=[common], help="list stored postings")
    p.add_argument("--search", metavar="TEXT", default="", help="full-text search")
    p.add_argument("--limit", metavar="N", type=int, default=50, help="at most N rows (default 50)")
    p.add_argument("--status", action="append", default=[], help="only this status (repeatable)")
    p.add_argument("--sort", choices=SORT_KEYS, default="posted_at", help="order (newest first)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_jobs)


def _now(value: str | None) -> datetime:
    if value is None:
        return clock.now()
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(f"--now {value!r} is not an ISO 8601 date or time") from None
    return clock.as_utc(moment)


def cmd_parse(args: argparse.Namespace) -> int:
    postings = parse_postings(read_text_input(args.file), _now(args.now))
    objects = [p.to_json() for p in postings]
    if args.json:
        print_json(objects[0] if len(objects) == 1 else objects)
        return 0
    for n, obj in enumerate(objects, 1):
        if len(objects) > 1:
            print(f"# posting {n}")
        for key, value in obj.items():
            if key == "client":
                for ckey, cvalue in value.items():
                    print(f"client.{ckey:<18} {_show(cvalue)}")
            elif key != "missing":
                print(f"{key:<25} {_show(value)}")
        print(f"{'missing':<25} {', '.join(obj['missing']) or '-'}")
    return 0


def _show(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "-"
    text = str(value)
    return text if len(text) <= 100 else text[:97] + "..."


def cmd_add(args: argparse.Namespace) -> int:
    text = read_text_input(args.file)
    now = _now(args.now)
    db = open_db(args)
    with db.transaction() as session:
        stored = capture_text(session, text, now=now, source="paste")
        ids = [job.id for job, _created in stored]
    for job_id in ids:
        print(job_id)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    db = open_db(args)
    try:
        report = import_into(db, path, fmt=args.format, skip_invalid=args.skip_invalid)
        if report.imported:
            score_stale(db)
    except InputError as exc:
        # the whole file is unusable: nothing imported because of an error
        if not args.json:
            print(f"pwb: {exc}", file=sys.stderr)
            return 1
        report = ImportReport(errors=[RowError(0, exc.message)])
    if args.json:
        print_json(report.to_json())
    else:
        print(
            f"{path.name}: {report.added} added, {report.updated} updated, "
            f"{report.skipped} skipped, {len(report.errors)} errors"
        )
        for note in report.notes[:50]:
            print(f"  row {note.row}: {note.message}")
        for error in report.errors[:50]:
            print(f"  row {error.row}: {error.message}")
        if len(report.errors) > 50:
            print(f"  … and {len(report.errors) - 50} more")
        if report.errors and not args.skip_invalid:
            print("nothing was imported; fix the rows or use --skip-invalid")
    return 1 if report.errors and report.imported == 0 else 0


def cmd_jobs(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise InputError("--limit must be at least 1")
    db = open_db(args)
    query = JobQuery(search=args.search, statuses=tuple(args.status), sort=args.sort)
    with db.read() as session:
        rows = fetch_jobs(session, query, limit=args.limit)
    if args.json:
        print_json([asdict(row) for row in rows])
        return 0
    if not rows:
        print("no postings (paste one with 'pwb add', or 'pwb import FILE')")
        return 0
    for row in rows:
        score = "" if row.score is None else f"{row.score:>3} {row.verdict or ''}"
        posted = row.posted_at.strftime("%Y-%m-%d") if row.posted_at else "-"
        print(f"{row.id:>7}  {posted}  {row.status:<11} {score:<10} {row.title[:70]}")
    return 0
