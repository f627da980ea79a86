"""``pwb replies``, ``pwb draft``, ``pwb proposals`` and ``pwb status``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.capture import posting_from_input
from app.cli.common import open_db, parse_at, print_json, read_text_input
from app.domain import PostingFacts, ProposalStatus
from app.drafting.context import parse_assignments
from app.drafting.draft import SAMPLE_POSTING, Draft, Drafter, make_draft, posting_facts
from app.errors import InputError
from app.proposals import (
    change_status,
    earlier_proposals,
    list_proposals,
    parse_status,
    save_draft,
)
from app.replies import (
    KINDS,
    check_name,
    delete_reply,
    get_reply,
    list_replies,
    parse_reply_file,
    save_reply_file,
    seed_starter_replies,
)
from app.storage import Database
from app.storage.models import Proposal, SavedReply

#: ``pwb draft`` exit code when fill-ins are left for the user to type
EXIT_FILL_INS = 3


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    _register_replies(sub, common)
    p = sub.add_parser("draft", parents=[common], help="draft a proposal from a saved reply")
    p.add_argument(
        "target",
        metavar="ID|FILE",
        help="job posting id, or a file with pasted text or pwb parse --json",
    )
    p.add_argument("--reply", metavar="NAME", help="saved reply to use (default: best fit)")
    p.add_argument("--set", dest="values", action="append", metavar="KEY=VALUE", default=[])
    p.add_argument("--out", metavar="FILE", help="write the text to FILE")
    p.add_argument("--save", action="store_true", help="store it as a draft proposal (job id)")
    p.add_argument("--json", action="store_true", help="print {text, fill_ins, lints}")
    p.set_defaults(func=cmd_draft)

    p = sub.add_parser("proposals", parents=[common], help="list proposals in the pipeline")
    p.add_argument("--status", metavar="S", help="only this status (e.g. submitted, not_hired)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_proposals)

    p = sub.add_parser("status", parents=[common], help="move a proposal to another status")
    p.add_argument("--json", action="store_true", help="print {proposal_id, status, at}")
    p.add_argument("proposal_id", type=int, metavar="PROPOSAL_ID")
    p.add_argument("status", metavar="STATUS")
    p.add_argument("--reason", metavar="TEXT", help="outcome reason (why it ended)")
    p.add_argument("--at", metavar="ISO", help="when it happened (default: now)")
    p.add_argument("--revenue", type=float, metavar="USD", help="revenue when hired")
    p.add_argument(
        "--expect-version",
        type=int,
        metavar="N",
        help="refuse (exit 2) if the proposal changed since version N (pwb proposals --json)",
    )
    p.set_defaults(func=cmd_status)


def _register_replies(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    replies = sub.add_parser("replies", parents=[common], help="saved replies (Jinja2 templates)")
    rsub = replies.add_subparsers(dest="replies_command", metavar="ACTION")
    rsub.required = True
    p = rsub.add_parser("list", parents=[common], help="list saved replies")
    p.add_argument("--kind", choices=KINDS)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_replies_list)
    p = rsub.add_parser("show", parents=[common], help="print a reply (with its front matter)")
    p.add_argument("name")
    p.set_defaults(func=cmd_replies_show)
    p = rsub.add_parser("add", parents=[common], help="add or replace a reply from a file")
    p.add_argument("name")
    p.add_argument("file", help="template file (- for standard input)")
    p.add_argument(
        "--force",
        action="store_true",
        help="save even if someone saved a newer version than the file's front matter names",
    )
    p.set_defaults(func=cmd_replies_add)
    p = rsub.add_parser("check", parents=[common], help="render a reply and report problems")
    p.add_argument("name")
    p.add_argument("--job", type=int, metavar="ID", help="render against this posting")
    p.set_defaults(func=cmd_replies_check)
    p = rsub.add_parser("delete", parents=[common], help="delete a reply")
    p.add_argument("name")
    p.set_defaults(func=cmd_replies_delete)


def _db(args: argparse.Namespace) -> Database:
    db = open_db(args)
    with db.transaction() as session:
        seed_starter_replies(session)
    return db


# -- replies -------------------------------------------------------------------


def _reply_json(reply: SavedReply) -> dict[str, Any]:
    return {
        "name": reply.name,
        "kind": reply.kind,
        "description": reply.description,
        "categories": list(reply.categories or []),
        "skills": list(reply.skills or []),
        "version": reply.version,
        "is_starter": reply.is_starter,
    }


def cmd_replies_list(args: argparse.Namespace) -> int:
    with _db(args).read() as session:
        replies = list_replies(session, args.kind)
    if args.json:
        print_json([_reply_json(r) for r in replies])
        return 0
    if not replies:
        print("no saved replies (add one: pwb replies add NAME FILE)")
    width = max((len(r.name) for r in replies), default=0)
    for reply in replies:
        print(f"{reply.name:<{width}}  {reply.kind:<8}  {reply.description}")
    return 0


def front_matter(reply: SavedReply) -> str:
    """The reply's metadata as the front-matter comment ``replies add`` reads back."""
    lines = [f"kind = {json.dumps(reply.kind)}", f"version = {reply.version}"]
    if reply.description:
        lines.append(f"description = {json.dumps(reply.description, ensure_ascii=False)}")
    for key in ("categories", "skills"):
        values = getattr(reply, key) or []
        if values:
            lines.append(f"{key} = {json.dumps(values, ensure_ascii=False)}")
    return "{#---\n" + "\n".join(lines) + "\n---#}\n"


def cmd_replies_show(args: argparse.Namespace) -> int:
    with _db(args).read() as session:
        reply = get_reply(session, args.name)
    sys.stdout.write(front_matter(reply) + reply.body)
    if not reply.body.endswith("\n"):
        sys.stdout.write("\n")
    return 0


def cmd_replies_add(args: argparse.Namespace) -> int:
    name = check_name(args.name)
    text = read_text_input(args.file)
    from app.drafting.render import check_syntax

    problem = check_syntax(parse_reply_file(text).body)
    if problem is not None:
        raise InputError(f"{name} not saved: {problem}")
    with _db(args).transaction() as session:
        existed = session.query(SavedReply.id).filter_by(name=name).first() is not None
        reply = save_reply_file(session, name, text, overwrite=args.force)
        kind = reply.kind
    print(f"{'replaced' if existed else 'added'} {kind} {name}")
    return 0


def cmd_replies_check(args: argparse.Namespace) -> int:
    with _db(args).read() as session:
        reply = get_reply(session, args.name)
        facts = posting_facts(session, args.job) if args.job else SAMPLE_POSTING
        drafter = Drafter.load(session, facts, job_id=args.job)
    rendered = drafter.render(reply.body)
    if rendered.problem is not None:
        raise InputError(f"{reply.name}: {rendered.problem}")
    filled = ", ".join(rendered.fill_ins) if rendered.fill_ins else "none"
    print(f"{reply.name}: ok ({len(rendered.text):,} characters; fill-ins: {filled})")
    return 0


def cmd_replies_delete(args: argparse.Namespace) -> int:
    with _db(args).transaction() as session:
        delete_reply(session, args.name)
    print(f"deleted {args.name}")
    return 0


# -- draft ---------------------------------------------------------------------


def _target(session: Session, target: str) -> tuple[PostingFacts, int | None]:
    """A stored posting by id, or one from a file / stdin (pasted text or ``pwb parse --json``)."""
    if target.isdigit() and not Path(target).is_file():
        return posting_facts(session, int(target)), int(target)
    where = "standard input" if target == "-" else target
    return posting_from_input(read_text_input(target), where), None


def cmd_draft(args: argparse.Namespace) -> int:
    values = parse_assignments(args.values)
    db = _db(args)
    with db.read() as session:
        facts, job_id = _target(session, args.target)
        if args.save and job_id is None:
            raise InputError("--save needs a stored job posting id, not a file")
        draft = make_draft(session, facts, job_id=job_id, reply_name=args.reply, values=values)
    if draft.problem is not None:
        raise InputError(f"reply {draft.reply_name}: {draft.problem}")
    if args.out:
        _write(Path(args.out), draft.text)
    if args.save and job_id is not None:
        with db.transaction() as session:
            earlier = earlier_proposals(session, job_id)
            if earlier:
                print(f"note: job {job_id} already has {'; '.join(earlier)}", file=sys.stderr)
            reply = get_reply(session, draft.reply_name)
            proposal = save_draft(session, job_id=job_id, text=draft.text, reply_id=reply.id)
            print(f"saved draft proposal {proposal.id}", file=sys.stderr)
    _print_draft(draft, args)
    return EXIT_FILL_INS if draft.fill_ins else 0


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror}") from None


def _print_draft(draft: Draft, args: argparse.Namespace) -> None:
    if args.json:
        print_json(draft.to_json())
        return
    if not args.out:
        sys.stdout.write(draft.text if draft.text.endswith("\n") else draft.text + "\n")
    print(f"reply: {draft.reply_name}", file=sys.stderr)
    for lint in draft.lints:
        print(f"check {lint.rule}: {lint.message}", file=sys.stderr)
    if draft.fill_ins:
        names = ", ".join(draft.fill_ins)
        print(f"fill in before sending (--set KEY=VALUE): {names}", file=sys.stderr)


# -- proposals -----------------------------------------------------------------


def proposal_json(proposal: Proposal) -> dict[str, Any]:
    return {
        "id": proposal.id,
        "job_id": proposal.job_id,
        "job_title": proposal.job.title,
        "status": proposal.status,
        "bid_amount": proposal.bid_amount,
        "connects_spent": proposal.connects_spent,
        "boost_connects": proposal.boost_connects,
        "invited": proposal.invited,
        "submitted_at": proposal.submitted_at,
        "outcome_reason": proposal.outcome_reason,
        "revenue_usd": proposal.revenue_usd,
        "version": proposal.version,
    }


def cmd_proposals(args: argparse.Namespace) -> int:
    status = parse_status(args.status) if args.status else None
    with _db(args).read() as session:
        rows = [proposal_json(p) for p in list_proposals(session, status)]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("no proposals" + (f" with status {status}" if status else ""))
    for row in rows:
        sent = row["submitted_at"].date().isoformat() if row["submitted_at"] else "-"
        bid = f"${row['bid_amount']:,.2f}" if row["bid_amount"] is not None else "-"
        print(
            f"{row['id']:>5}  {row['status']:<12}  {sent:<10}  {bid:>10}  "
            f"{row['connects_spent'] + row['boost_connects']:>3} Connects  {row['job_title'][:60]}"
        )
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    status = parse_status(args.status)
    at = parse_at(args.at)
    with _db(args).transaction() as session:
        proposal = change_status(
            session,
            args.proposal_id,
            status,
            reason=args.reason,
            at=at,
            revenue_usd=args.revenue,
            expected_version=args.expect_version,
        )
        shown = ProposalStatus(proposal.status).value
    if args.json:
        print_json({"proposal_id": args.proposal_id, "status": shown, "at": at.isoformat()})
        return 0
    print(f"proposal {args.proposal_id} is now {shown}")
    return 0
