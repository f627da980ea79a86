"""``pwb members``: who works in this database and with which role.

Act as a member with ``pwb --member NAME ...`` or ``$PWB_MEMBER``; without
either, commands act as the database's owner (a solo freelancer never names
anyone).
"""

from __future__ import annotations

import argparse

from app.cli.common import open_db, print_json
from app.storage.members import ROLES, add_member, list_members, member_json, set_role


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    members = sub.add_parser("members", parents=[common], help="members of a team and their roles")
    msub = members.add_subparsers(dest="members_command", metavar="ACTION", required=True)

    p = msub.add_parser("list", parents=[common], help="list members and their roles")
    p.add_argument("--json", action="store_true", help="print [{id, name, role, ...}]")
    p.set_defaults(func=cmd_members_list)

    p = msub.add_parser("add", parents=[common], help="add a member (owners and admins)")
    p.add_argument("name")
    p.add_argument("--role", default="member", choices=ROLES, help="default: member")
    p.add_argument("--json", action="store_true", help="print the member as JSON")
    p.set_defaults(func=cmd_members_add)

    p = msub.add_parser("role", parents=[common], help="change a member's role")
    p.add_argument("name")
    p.add_argument("role", choices=ROLES)
    p.add_argument("--json", action="store_true", help="print the member as JSON")
    p.set_defaults(func=cmd_members_role)


def cmd_members_list(args: argparse.Namespace) -> int:
    with open_db(args).transaction() as session:  # a new database makes its owner here
        rows = [member_json(m) for m in list_members(session)]
        if not rows:
            from app.storage.members import implicit_owner

            rows = [member_json(implicit_owner(session))]
    if args.json:
        print_json(rows)
        return 0
    width = max(len(r["name"]) for r in rows)
    for row in rows:
        print(f"{row['name']:<{width}}  {row['role']}")
    return 0


def cmd_members_add(args: argparse.Namespace) -> int:
    with open_db(args).transaction() as session:
        row = member_json(add_member(session, args.name, args.role))
    if args.json:
        print_json(row)
    else:
        print(f"added {row['name']} ({row['role']})")
    return 0


def cmd_members_role(args: argparse.Namespace) -> int:
    with open_db(args).transaction() as session:
        row = member_json(set_role(session, args.name, args.role))
    if args.json:
        print_json(row)
    else:
        print(f"{row['name']} is now {row['role']}")
    return 0
