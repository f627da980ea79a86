"""``pwb ledger`` (show, buy, add, reconcile, refund-boost) and ``pwb submit``.

Every command first posts what time passing owes the ledger (missed monthly
allocations, due expiries) as of ``--at``, so the balance shown is current.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import ledger
from app.cli.common import open_db, parse_at, print_json, read_text_input
from app.drafting.lints import describe_unfinished, unfinished
from app.errors import InputError, UnfinishedTextError
from app.ledger.views import entry_json
from app.profiles import active_profile
from app.proposals import earlier_proposals, submit_defaults, submit_proposal
from app.storage.models import LedgerEntry


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("ledger", parents=[common], help="the Connects ledger: balance, entries")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--limit", type=int, default=20, help="entries to list (default 20; 0: all)")
    _at(p)
    p.set_defaults(func=cmd_show)
    actions = p.add_subparsers(dest="ledger_command", metavar="ACTION")

    a = actions.add_parser("buy", parents=[common], help="record a bundle you bought")
    a.add_argument("connects", type=int, metavar="N")
    a.add_argument("--usd", type=float, help="what you paid (default: N × the Connect price)")
    _at(a)
    _json(a)
    a.set_defaults(func=cmd_buy)

    a = actions.add_parser("add", parents=[common], help="post an entry (bonus, allocation, …)")
    a.add_argument("kind", metavar="KIND", help=", ".join(k.value for k in ledger.MANUAL_KINDS))
    a.add_argument("connects", type=int, metavar="N", help="positive; a correction is signed")
    a.add_argument("--note", default="", metavar="TEXT")
    a.add_argument("--usd", type=float, help="USD paid (purchases)")
    _at(a)
    _json(a)
    a.set_defaults(func=cmd_add)

    a = actions.add_parser(
        "reconcile", parents=[common], help="match the balance the platform shows"
    )
    a.add_argument("platform_balance", type=int, metavar="BALANCE")
    _at(a)
    _json(a, "{entry (null when it matched already), balance}")
    a.set_defaults(func=cmd_reconcile)

    a = actions.add_parser(
        "refund-boost", parents=[common], help="outbid before the client interacted"
    )
    a.add_argument("proposal_id", type=int, metavar="PROPOSAL_ID")
    _at(a)
    _json(a)
    a.set_defaults(func=cmd_refund_boost)

    p = sub.add_parser("submit", parents=[common], help="record a submitted proposal and its spend")
    p.add_argument("job_id", type=int, metavar="JOB_ID")
    p.add_argument(
        "--connects",
        type=int,
        metavar="N",
        help="Connects it cost (default: as the posting says, else the median of your last "
        "proposals)",
    )
    p.add_argument("--boost", type=int, default=0, metavar="B", help="boost Connects bid")
    p.add_argument("--bid", type=float, metavar="AMOUNT", help="your rate or fixed price")
    p.add_argument("--text", metavar="FILE", help="the proposal text ('-' for stdin)")
    p.add_argument("--invited", action="store_true", help="answering an invitation (free)")
    p.add_argument(
        "--force",
        action="store_true",
        help="record text that still has fill-ins or placeholders (else: exit 3)",
    )
    p.add_argument(
        "--again", action="store_true", help="record another proposal for a job applied to"
    )
    _at(p)
    _json(p, "{proposal_id, spent, balance, warning}")
    p.set_defaults(func=cmd_submit)


def _at(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--at", metavar="ISO", help="when it happened (default: now)")


def _json(parser: argparse.ArgumentParser, shape: str = "{entry, balance}") -> None:
    # SUPPRESS: `pwb ledger --json` (the parent's flag) must not be reset by an action's default
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help=f"print {shape}")  # fmt: skip


def _warn(session: Session) -> str | None:
    warning = ledger.overdraft_warning(session)
    if warning:
        print(f"pwb: warning: {warning}", file=sys.stderr)
    return warning or None


def _posted(
    session: Session, entry: LedgerEntry | None, args: argparse.Namespace | None = None
) -> None:
    """The posted entry and the balance: a line, or ``{entry, balance}`` with ``--json``."""
    if args is not None and getattr(args, "json", False):
        session.flush()
        print_json(
            {
                "entry": entry_json(entry) if entry is not None else None,
                "balance": ledger.balance(session),
            }
        )
        return
    assert entry is not None
    name = ledger.credit_name(session)
    usd = f" (${entry.usd:,.2f})" if entry.usd is not None else ""
    print(
        f"posted {entry.kind} {entry.amount:+d}{usd} as entry {entry.id}; "
        f"balance {ledger.balance(session)} {name}"
    )


def cmd_show(args: argparse.Namespace) -> int:
    at = parse_at(args.at)
    db = open_db(args)
    ledger.catch_up_database(db, at)  # retried if another process catches up at once
    with db.transaction() as session:
        ledger.catch_up(session, at)
        if args.json:
            print_json(ledger.ledger_json(session, at))
            return 0
        _print_summary(session, at, args.limit)
    return 0


def _print_summary(session: Session, at: datetime, limit: int) -> None:
    name = ledger.credit_name(session)
    outlook = ledger.forecast(session, at)
    print(f"Balance: {outlook.balance} {name}")
    for day, amount in outlook.next_expiries:
        print(f"  {ledger.describe_expiry(day, amount, name)}")
    print(ledger.describe_forecast(outlook, name))
    if outlook.warning:
        print(f"Warning: {outlook.warning}")
    entries = ledger.list_entries(session)
    shown = entries if limit <= 0 else entries[:limit]
    if shown:
        print()
    for e in shown:
        usd = f"${e.usd:,.2f}" if e.usd is not None else ""
        proposal = f"#{e.proposal_id}" if e.proposal_id else ""
        print(
            f"{e.id:>6}  {e.at:%Y-%m-%d %H:%M}  {e.kind:<12} {e.amount:>+6d}  "
            f"{usd:>9}  {proposal:>6}  {e.note}"
        )
    if len(shown) < len(entries):
        older = len(entries) - len(shown)
        print(f"… {older} older {'entry' if older == 1 else 'entries'} (--limit 0 lists all)")


def cmd_buy(args: argparse.Namespace) -> int:
    at = parse_at(args.at)
    db = open_db(args)
    ledger.catch_up_database(db, at)  # retried if another process catches up at once
    with db.transaction() as session:
        ledger.catch_up(session, at)
        _posted(session, ledger.buy(session, args.connects, usd=args.usd, at=at), args)
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    at = parse_at(args.at)
    db = open_db(args)
    ledger.catch_up_database(db, at)  # retried if another process catches up at once
    with db.transaction() as session:
        ledger.catch_up(session, at)
        entry = ledger.post_entry(
            session, args.kind, args.connects, at=at, note=args.note, usd=args.usd
        )
        _posted(session, entry, args)
        _warn(session)
    return 0


def cmd_reconcile(args: argparse.Namespace) -> int:
    at = parse_at(args.at)
    db = open_db(args)
    ledger.catch_up_database(db, at)  # retried if another process catches up at once
    with db.transaction() as session:
        ledger.catch_up(session, at)
        entry = ledger.reconcile(session, args.platform_balance, at=at)
        if getattr(args, "json", False):
            _posted(session, entry, args)
        elif entry is None:
            print(f"the ledger already matches: {ledger.balance(session)}")
        else:
            _posted(session, entry)
    return 0


def cmd_refund_boost(args: argparse.Namespace) -> int:
    at = parse_at(args.at)
    db = open_db(args)
    ledger.catch_up_database(db, at)  # retried if another process catches up at once
    with db.transaction() as session:
        ledger.catch_up(session, at)
        _posted(session, ledger.refund_boost(session, args.proposal_id, at=at), args)
    return 0


def cmd_submit(args: argparse.Namespace) -> int:
    at = parse_at(args.at)
    text = read_text_input(args.text) if args.text else ""
    left = unfinished(text)
    if left and not args.force:
        where = "standard input" if args.text == "-" else args.text
        raise UnfinishedTextError(
            f"{where}: {describe_unfinished(left)}; fill them in, or --force to record it as it is"
        )
    db = open_db(args)
    ledger.catch_up_database(db, at)  # retried if another process catches up at once
    with db.transaction() as session:
        ledger.catch_up(session, at)
        earlier = earlier_proposals(session, args.job_id, sent_only=True)
        if earlier and not args.again:
            raise InputError(
                f"job {args.job_id} was already applied to: {'; '.join(earlier)}; "
                "--again records another proposal"
            )
        profile = active_profile(session)
        connects = args.connects
        if connects is None:
            defaults = submit_defaults(session, args.job_id, profile)
            connects = 0 if args.invited else defaults.connects
            if not args.invited:
                print(f"pwb: {connects} Connects ({defaults.connects_source})", file=sys.stderr)
        proposal = submit_proposal(
            session,
            job_id=args.job_id,
            connects=connects,
            boost=args.boost,
            bid=args.bid,
            text=text,
            invited=args.invited,
            profile_id=profile.id if profile else None,
            at=at,
        )
        if not getattr(args, "json", False):
            print(proposal.id)
            _warn(session)
            return 0
        session.flush()
        posted = session.scalars(
            select(LedgerEntry.amount).where(LedgerEntry.proposal_id == proposal.id)
        )
        print_json(
            {
                "proposal_id": proposal.id,
                "spent": -sum(posted),
                "balance": ledger.balance(session),
                "warning": _warn(session),
            }
        )
    return 0
