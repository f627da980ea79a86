"""``pwb score``, ``pwb rescore`` and ``pwb profile show|export|import|use|list``."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from datetime import datetime
from pathlib import Path

from app import clock
from app.capture import posting_from_input
from app.cli.common import open_db, print_json, read_text_input
from app.cli.progress import progress_line
from app.domain import PostingFacts
from app.errors import InputError, NotFoundError
from app.profiles import (
    ProfileSpec,
    active_profile,
    default_profile,
    find_profile,
    import_profile,
    list_profiles,
    profile_to_toml,
    spec_of,
    use_profile,
)
from app.scoring.rules import load_rules
from app.scoring.score import ScoreResult
from app.scoring.service import backfill_rests, rescore_all, score_job, scorer_for
from app.storage import Database
from app.storage.models import JobPosting
from app.storage.postings import facts_of


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "score",
        parents=[common],
        help="score a stored posting (ID) or a posting in FILE / on stdin (-)",
    )
    p.add_argument("source", metavar="ID|FILE|-", help="posting id, a file, or - for stdin")
    p.add_argument("--profile", metavar="NAME", help="score for this profile (default: active)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("rescore", parents=[common], help="rescore every stored posting")
    p.add_argument("--json", action="store_true", help="print {score_cards, profile}")
    p.add_argument("--profile", metavar="NAME", help="only this profile (default: all)")
    p.set_defaults(func=cmd_rescore)

    p = sub.add_parser("profile", parents=[common], help="show, export, import or pick profiles")
    psub = p.add_subparsers(dest="profile_command", metavar="ACTION", required=True)
    q = psub.add_parser("show", parents=[common], help="print a profile as TOML")
    q.add_argument("name", nargs="?", help="profile name (default: the active one)")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(func=cmd_profile_show)
    q = psub.add_parser("list", parents=[common], help="list profiles (* = active)")
    q.add_argument("--json", action="store_true", help="print [{name, title, active}]")
    q.set_defaults(func=cmd_profile_list)
    q = psub.add_parser("export", parents=[common], help="write a profile to a TOML file")
    q.add_argument("file", metavar="FILE", help="where to write (- for stdout)")
    q.add_argument("--profile", metavar="NAME", help="which profile (default: active)")
    q.set_defaults(func=cmd_profile_export)
    q = psub.add_parser("import", parents=[common], help="add or replace a profile from TOML")
    q.add_argument("file", metavar="FILE", help="TOML file (- for stdin)")
    q.add_argument("--no-rescore", action="store_true", help="do not rescore postings")
    q.add_argument(
        "--force",
        action="store_true",
        help="save even if someone saved a newer version than the file's `version` names",
    )
    q.set_defaults(func=cmd_profile_import)
    q = psub.add_parser("use", parents=[common], help="make a profile the active one")
    q.add_argument("name", metavar="NAME")
    q.set_defaults(func=cmd_profile_use)


# -- score ---------------------------------------------------------------------


def cmd_score(args: argparse.Namespace) -> int:
    db = open_db(args)
    now = clock.now()
    if args.source.isdigit():
        result = _score_stored(db, int(args.source), args.profile, now)
    else:
        text = read_text_input(args.source)
        where = "standard input" if args.source == "-" else args.source
        facts = posting_from_input(text, where)
        result = _score_facts(db, facts, args.profile, now)
    if args.json:
        print_json(result.to_json())
    else:
        print_score(result)
    return 0


def _score_stored(db: Database, job_id: int, profile: str | None, now: datetime) -> ScoreResult:
    with db.transaction() as session:
        if profile is not None or active_profile(session) is not None:
            return score_job(session, job_id, profile, now=now)
        job = session.get(JobPosting, job_id)
        if job is None or job.deleted_at is not None:
            raise NotFoundError(f"no posting with id {job_id}")
        _note_default_profile()
        return scorer_for(session, default_profile()).score(facts_of(job), now)


def _score_facts(
    db: Database, facts: PostingFacts, profile: str | None, now: datetime
) -> ScoreResult:
    with db.read() as session:
        row = find_profile(session, profile) if profile else active_profile(session)
        if row is None:
            _note_default_profile()
            return scorer_for(session, default_profile()).score(facts, now)
        return scorer_for(session, row).score(facts, now)


def _note_default_profile() -> None:
    print(
        "pwb: no profile yet, scored against the default profile "
        "(set yours with `pwb profile import FILE`)",
        file=sys.stderr,
    )


def print_score(result: ScoreResult) -> None:
    """The score card as plain text."""
    print(f"Score {result.total}/100: {result.verdict.value.upper()}")
    for factor in result.factors:
        print(f"  {factor.points:+4d}  {factor.name}: {factor.reason}")
    if result.flags:
        print("Red flags:")
        for flag in result.flags:
            print(f"  [{flag.severity.value}] {flag.rule}: {flag.title} ({flag.shown!r})")
    print(f"Matched skills: {', '.join(result.matched_skills) or 'none'}")
    print(f"Missing skills: {', '.join(result.missing_skills) or 'none'}")
    per = result.value_per_connect
    print("Value per Connect: " + (f"${per:,.2f}" if per is not None else "unknown"))


# -- rescore ---------------------------------------------------------------------


def cmd_rescore(args: argparse.Namespace) -> int:
    db = open_db(args)
    with db.read() as session:
        if not list_profiles(session):
            raise InputError("no profile yet: nothing to score against (`pwb profile import FILE`)")
    # postings stored before the pasted rest was kept get it first (the rules read it)
    with progress_line("reading pasted text", unit=" postings") as progress:
        backfilled = backfill_rests(db, progress=progress)
    with progress_line("rescoring", unit=" cards") as progress:
        written = rescore_all(db, args.profile, progress=progress, backfill=False)
    if args.json:
        print_json({"score_cards": written, "profile": args.profile, "backfilled": backfilled})
        return 0
    print(f"rescored {written:,} score cards")
    if backfilled:
        print(f"read the pasted text of {backfilled:,} postings stored before it was kept")
    return 0


# -- profile -----------------------------------------------------------------------


def _named_or_active(db: Database, name: str | None) -> ProfileSpec:
    with db.read() as session:
        if name:
            return spec_of(find_profile(session, name))
        row = active_profile(session)
        if row is None:
            raise InputError("no profile yet: import one with `pwb profile import FILE`")
        return spec_of(row)


def cmd_profile_show(args: argparse.Namespace) -> int:
    spec = _named_or_active(open_db(args), args.name)
    if args.json:
        print_json(dataclasses.asdict(spec))
    else:
        sys.stdout.write(profile_to_toml(spec))
    return 0


def cmd_profile_list(args: argparse.Namespace) -> int:
    db = open_db(args)
    with db.read() as session:
        active = active_profile(session)
        rows = [(row.name, row.title, active is not None and row.id == active.id)
                for row in list_profiles(session)]  # fmt: skip
    if args.json:
        print_json([{"name": n, "title": t, "active": a} for n, t, a in rows])
        return 0
    for name, title, is_active in rows:
        print(f"{'*' if is_active else ' '} {name}" + (f"  ({title})" if title else ""))
    return 0


def cmd_profile_export(args: argparse.Namespace) -> int:
    with open_db(args).read() as session:
        if args.profile:
            row = find_profile(session, args.profile)
        else:
            found = active_profile(session)
            if found is None:
                raise InputError("no profile yet: import one with `pwb profile import FILE`")
            row = found
        text = profile_to_toml(spec_of(row), version=row.version)
    if args.file == "-":
        sys.stdout.write(text)
        return 0
    try:
        Path(args.file).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write {args.file}: {exc.strerror}") from None
    print(f"exported to {args.file}")
    return 0


def cmd_profile_import(args: argparse.Namespace) -> int:
    text = read_text_input(args.file)
    where = "standard input" if args.file == "-" else args.file
    db = open_db(args)
    with db.transaction() as session:
        row = import_profile(
            session, text, where, known_rules=load_rules().ids, overwrite=args.force
        )
        name = row.name
    print(f"imported profile {name!r}")
    if not args.no_rescore:
        print(f"rescored {rescore_all(db, name):,} postings")
    return 0


def cmd_profile_use(args: argparse.Namespace) -> int:
    db = open_db(args)
    with db.transaction() as session:
        use_profile(session, args.name)
    print(f"active profile: {args.name}")
    return 0
