"""``pwb parse``, ``pwb add``, ``pwb import``, ``pwb imports``, ``pwb jobs`` and ``pwb job``:
capturing postings."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.capture import capture_text
from app.cli.common import open_db, print_json, read_text_input
from app.cli.progress import progress_line
from app.errors import InputError
from app.importing import FORMATS, ImportReport, RowError, import_into
from app.importing.dates import ORDERS
from app.parsing.upwork import parse_postings
from app.scoring.service import score_stale
from app.storage.imports import list_imports, undo_import
from app.storage.jobs import SORT_KEYS, JobQuery, active_profile_id, fetch_jobs, get_job
from app.storage.models import JobPosting, ScoreCard
from app.storage.postings import facts_of


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("parse", parents=[common], help="parse pasted posting text (stores nothing)")
    p.add_argument("file", nargs="?", default="-", metavar="FILE|-", help="text file, - for stdin")
    p.add_argument(
        "--now", metavar="ISO", help="capture time for 'Posted 2 hours ago' (default now)"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("add", parents=[common], help="parse pasted posting text and store it")
    p.add_argument("--json", action="store_true", help="print {ids, added, updated}")
    p.add_argument("file", nargs="?", default="-", metavar="FILE|-", help="text file, - for stdin")
    p.add_argument("--now", metavar="ISO", help="capture time for relative times (default now)")
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("import", parents=[common], help="import postings from CSV / JSON / JSONL")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--format", choices=FORMATS, default="auto", help="file format (default: auto)")
    p.add_argument(
        "--skip-invalid", action="store_true", help="import the good rows of a file with bad ones"
    )
    p.add_argument(
        "--date-order",
        choices=ORDERS,
        type=str.upper,
        help="read 06/07/2024 as DMY (7 June) or MDY (6 July) whatever the file's dates "
        "show (default: the file's dates, else Preferences, else your locale)",
    )
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("imports", parents=[common], help="list recorded imports; undo one")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--limit", metavar="N", type=int, default=50, help="at most N (default 50)")
    p.set_defaults(func=cmd_imports)
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=type(p))
    undo = actions.add_parser(
        "undo", parents=[common], help="remove what an import added, restore what it changed"
    )
    undo.add_argument("id", type=int, metavar="ID", help="the import's id (pwb imports)")
    undo.add_argument("--json", action="store_true", help="print JSON")
    undo.set_defaults(func=cmd_imports_undo)

    p = sub.add_parser("jobs", parents=[common], help="list stored postings")
    p.add_argument(
        "--search",
        metavar="TEXT",
        default="",
        help="full-text search (every word; end one with * for a prefix: pyth*)",
    )
    p.add_argument("--limit", metavar="N", type=int, default=50, help="at most N rows (default 50)")
    p.add_argument("--status", action="append", default=[], help="only this status (repeatable)")
    p.add_argument("--sort", choices=SORT_KEYS, default="posted_at", help="order (newest first)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_jobs)

    p = sub.add_parser("job", parents=[common], help="show one stored posting whole")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_job)


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
        added = sum(1 for _job, created in stored if created)
    if args.json:
        print_json({"ids": ids, "added": added, "updated": len(ids) - added})
        return 0
    for job_id in ids:
        print(job_id)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    db = open_db(args)
    try:
        with progress_line(path.name, unit="B", binary=True) as progress:
            report = import_into(
                db,
                path,
                fmt=args.format,
                skip_invalid=args.skip_invalid,
                date_order=args.date_order,
                progress=progress,
            )
        if report.imported:
            with progress_line("scoring", unit=" postings") as progress:
                score_stale(db, progress=progress)
    except InputError as exc:
        # the whole file is unusable: nothing imported because of an error
        if not args.json:
            print(f"pwb: {exc}", file=sys.stderr)
            return 1
        report = ImportReport(errors=[RowError(0, exc.message)])
    if args.json:
        print_json(report.to_json())
    else:
        empty = f", {report.empty} empty" if report.empty else ""
        print(
            f"{path.name}: {report.added} added, {report.updated} updated, "
            f"{report.skipped} skipped{empty}, {len(report.errors)} errors"
        )
        if report.import_id is not None:
            print(f"import {report.import_id}; dates read {_order_text(report)}")
            if report.unmapped_columns:
                print(f"columns not imported: {', '.join(report.unmapped_columns)}")
            print(f"undo with: pwb imports undo {report.import_id}")
        for note in report.notes[:50]:
            print(f"  row {note.row}: {note.message}")
        for error in report.errors[:50]:
            print(f"  row {error.row}: {error.message}")
        if len(report.errors) > 50:
            print(f"  … and {len(report.errors) - 50} more")
        if report.errors and not args.skip_invalid:
            print("nothing was imported; fix the rows or use --skip-invalid")
    return 1 if report.errors and report.imported == 0 else 0


def _order_text(report: ImportReport) -> str:
    from app.importing.run import DateOrder

    return DateOrder(report.date_order, report.date_order_source).describe()


def cmd_imports(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise InputError("--limit must be at least 1")
    db = open_db(args)
    with db.read() as session:
        found = list_imports(session, limit=args.limit)
    if args.json:
        print_json([item.to_json() for item in found])
        return 0
    if not found:
        print("no imports yet ('pwb import FILE')")
        return 0
    for item in found:
        when = clock.as_utc(item.imported_at).strftime("%Y-%m-%d %H:%M")
        state = f"undone {item.undone_at:%Y-%m-%d}" if item.undone_at else ""
        print(
            f"{item.id:>5}  {when}  {item.file_name[:40]:<40} {item.added:>6} added "
            f"{item.updated:>6} updated  {state}"
        )
    return 0


def cmd_imports_undo(args: argparse.Namespace) -> int:
    db = open_db(args)
    with db.transaction() as session:
        report = undo_import(session, args.id, now=clock.now())
    score_stale(db)
    if args.json:
        print_json(report.to_json())
        return 0
    print(
        f"import {report.import_id} ({report.file_name}) undone: {report.removed} removed, "
        f"{report.restored} restored"
    )
    for kept in report.kept[:50]:
        columns = f": {', '.join(kept.columns)}" if kept.columns else ""
        print(f"  kept {kept.job_id} {kept.title[:60]!r} ({kept.reason}{columns})")
    if len(report.kept) > 50:
        print(f"  … and {len(report.kept) - 50} more kept")
    if report.gone:
        print(f"  {report.gone} postings it touched no longer exist")
    return 0


def cmd_jobs(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise InputError("--limit must be at least 1")
    db = open_db(args)
    # a finished search: a word is a prefix where it ends in * ("pyth*")
    query = JobQuery(search=args.search, typing=False, statuses=tuple(args.status), sort=args.sort)
    with db.read() as session:
        rows = fetch_jobs(session, query, limit=args.limit)
        extra = _url_and_skills(session, [row.id for row in rows]) if args.json else {}
    if args.json:
        print_json([{**asdict(row), **extra[row.id]} for row in rows])
        return 0
    if not rows:
        print("no postings (paste one with 'pwb add', or 'pwb import FILE')")
        return 0
    for row in rows:
        score = "" if row.score is None else f"{row.score:>3} {row.verdict or ''}"
        posted = row.posted_at.strftime("%Y-%m-%d") if row.posted_at else "-"
        print(f"{row.id:>7}  {posted}  {row.status:<11} {score:<10} {row.title[:70]}")
    return 0


def _url_and_skills(session: Session, ids: list[int]) -> dict[int, dict[str, Any]]:
    found = session.execute(
        select(JobPosting.id, JobPosting.url, JobPosting.skills).where(JobPosting.id.in_(ids))
    )
    return {job_id: {"url": url, "skills": list(skills or [])} for job_id, url, skills in found}


def cmd_job(args: argparse.Namespace) -> int:
    db = open_db(args)
    with db.read() as session:
        job = get_job(session, args.id)
        card = current_card(session, job.id)
        obj = {
            **facts_of(job).to_json(),
            "id": job.id,
            "status": job.status,
            "captured_at": clock.as_utc(job.captured_at).isoformat(),
            "score": card[0] if card else None,
            "verdict": card[1] if card else None,
        }
    if args.json:
        print_json(obj)
        return 0
    for key, value in obj.items():
        if key == "client":
            for ckey, cvalue in value.items():
                print(f"client.{ckey:<18} {_show(cvalue)}")
        elif key != "missing":
            print(f"{key:<25} {_show(value)}")
    print(f"{'missing':<25} {', '.join(obj['missing']) or '-'}")
    return 0


def current_card(session: Session, job_id: int) -> tuple[int, str] | None:
    """(score, verdict) of the posting's card for the active profile, if scored."""
    profile_id = active_profile_id(session)
    if profile_id is None:
        return None
    found = session.execute(
        select(ScoreCard.total, ScoreCard.verdict).where(
            ScoreCard.job_id == job_id, ScoreCard.profile_id == profile_id
        )
    ).first()
    return (found[0], found[1]) if found else None
