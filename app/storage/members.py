"""Members: who works in a database, with which role, and who made each change.

A solo freelancer's database has one member, the implicit owner (revision
0012), and never needs to name it. In a team each person acts as themselves:
``pwb --member NAME`` / ``$PWB_MEMBER`` on the command line, the same
variable in the window. :meth:`app.storage.Database.transaction` puts that
name in ``session.info``; a ``before_flush`` hook then records the acting
member on every new proposal, status change and ledger entry (``member_id``)
and on every saved reply, profile and proposal saved (``updated_by``), so no
write path has to remember to.

Roles follow the platform's agency roles: owners and admins may buy Connects,
reconcile the balance and delete; members submit and track proposals.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import event, func, insert, select
from sqlalchemy.orm import Session

from app import clock
from app.errors import ConflictError, InputError, NotFoundError, PermissionDeniedError
from app.storage.models import (
    LedgerEntry,
    Member,
    Profile,
    Proposal,
    ProposalStatusChange,
    SavedReply,
)

ROLES = ("owner", "admin", "member")
#: what only owners and admins may do
MANAGERS = ("owner", "admin")
DEFAULT_OWNER = "owner"
NAME_RE = re.compile(r"^[^\s\x00-\x1f][^\x00-\x1f]{0,199}$")

#: ``session.info`` keys
INFO_NAME = "pwb.member"
_INFO_ID = "pwb.member_id"


def check_name(name: str) -> str:
    name = " ".join(name.split())
    if not name or not NAME_RE.match(name):
        raise InputError(f"{name!r} is not a member name: 1 to 200 characters, not blank")
    return name


def check_role(role: str) -> str:
    role = role.strip().lower()
    if role not in ROLES:
        raise InputError(f"role {role!r} is not one of: {', '.join(ROLES)}")
    return role


def list_members(session: Session) -> list[Member]:
    return list(session.scalars(select(Member).order_by(Member.id)))


def find_member(session: Session, name: str) -> Member | None:
    return session.scalar(
        select(Member).where(func.lower(Member.name) == " ".join(name.split()).lower())
    )


def get_member(session: Session, name: str) -> Member:
    member = find_member(session, name)
    if member is None:
        known = ", ".join(m.name for m in list_members(session)) or "none"
        raise NotFoundError(f"no member named {name!r} (members: {known}; see: pwb members list)")
    return member


def implicit_owner(session: Session) -> Member:
    """The first owner: who a solo freelancer is. Made when a database has no member yet."""
    owner = session.scalar(
        select(Member).where(Member.role == "owner").order_by(Member.id).limit(1)
    )
    if owner is None:
        owner = session.scalar(select(Member).order_by(Member.id).limit(1))
    if owner is None:  # a statement, not an object: this may run inside a flush
        signed = session.scalar(
            select(Profile.your_name)
            .where(Profile.your_name != "")
            .order_by(Profile.is_active.desc(), Profile.id)
            .limit(1)
        )
        name = " ".join((signed or "").split())[:200] or DEFAULT_OWNER
        session.execute(insert(Member).values(name=name, role="owner", created_at=clock.now()))
        owner = session.scalars(select(Member).where(Member.name == name)).one()
    return owner


def acting_member(session: Session) -> Member:
    """Who is acting in this session: the member named in ``session.info``, else the owner."""
    cached = session.info.get(_INFO_ID)
    if cached is not None:
        member = session.get(Member, cached)
        if member is not None:
            return member
    name = session.info.get(INFO_NAME)
    with session.no_autoflush:
        member = get_member(session, name) if name else implicit_owner(session)
    session.info[_INFO_ID] = member.id
    return member


def member_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Member.id, Member.name)).tuples().all())


def name_of(session: Session, member_id: int | None) -> str:
    if member_id is None:
        return "someone"
    member = session.get(Member, member_id)
    return member.name if member is not None else f"member #{member_id}"


def require_manager(session: Session, action: str) -> Member:
    """The acting member, when their role may ``action`` (buy Connects, reconcile, delete)."""
    member = acting_member(session)
    if member.role not in MANAGERS:
        raise PermissionDeniedError(
            f"{member.name} is a {member.role}: only owners and admins may {action}"
        )
    return member


def add_member(session: Session, name: str, role: str = "member") -> Member:
    """Add a member (owners and admins only; only an owner adds an owner)."""
    name, role = check_name(name), check_role(role)
    actor = require_manager(session, "add members")
    if role == "owner" and actor.role != "owner":
        raise PermissionDeniedError(f"{actor.name} is an admin: only owners may add an owner")
    if find_member(session, name) is not None:
        raise InputError(f"a member named {name!r} already exists")
    member = Member(name=name, role=role)
    session.add(member)
    session.flush()
    return member


def set_role(session: Session, name: str, role: str) -> Member:
    """Change a member's role; the last owner stays an owner."""
    role = check_role(role)
    actor = require_manager(session, "change roles")
    member = get_member(session, name)
    if (role == "owner" or member.role == "owner") and actor.role != "owner":
        raise PermissionDeniedError(f"{actor.name} is an admin: only owners may change who owns")
    if member.role == "owner" and role != "owner":
        owners = session.scalar(select(func.count()).where(Member.role == "owner")) or 0
        if owners <= 1:
            raise InputError(f"{member.name} is the only owner: make someone else owner first")
    member.role = role
    session.flush()
    return member


def member_json(member: Member) -> dict[str, Any]:
    return {
        "id": member.id,
        "name": member.name,
        "role": member.role,
        "active_profile_id": member.active_profile_id,
        "created_at": member.created_at,
    }


# -- recording who did what ---------------------------------------------------------

_CREATED_BY = (Proposal, ProposalStatusChange, LedgerEntry)
_SAVED_BY = (Proposal, SavedReply, Profile)


def _stamp(session: Session, _context: Any, _instances: Any) -> None:
    new = [obj for obj in session.new if isinstance(obj, _CREATED_BY + _SAVED_BY)]
    dirty = [obj for obj in session.dirty if isinstance(obj, _SAVED_BY)]
    if not new and not dirty:
        return
    member_id = acting_member(session).id
    for obj in new:
        if isinstance(obj, _CREATED_BY) and obj.member_id is None:
            obj.member_id = member_id
        if isinstance(obj, _SAVED_BY):
            obj.updated_by = member_id
    for obj in dirty:
        if session.is_modified(obj, include_collections=False):
            obj.updated_by = member_id


event.listen(Session, "before_flush", _stamp)


# -- no lost updates ----------------------------------------------------------------


def changed_at(moment: Any) -> str:
    """``2026-12-02 17:40 UTC``: when a newer version was saved."""
    if moment is None:
        return "an unknown time"
    return f"{clock.as_utc(moment):%Y-%m-%d %H:%M} UTC"


def check_version(
    session: Session, row: SavedReply | Profile | Proposal, expected: int | None, what: str
) -> None:
    """Refuse to save ``row`` when it is no longer at the version the editor ``expected``.

    ``expected`` None means the caller does not know one (a one-shot command): it
    saves as before. Saving it bumps the version (``version_id_col``), so two
    saves that both start from version 3 cannot both succeed.
    """
    if expected is None or row.version == expected:
        return
    who = name_of(session, row.updated_by)
    raise ConflictError(
        f"{what} was changed by {who} at {changed_at(row.updated_at)} (version {row.version}, "
        f"you edited version {expected}) — reload or overwrite?",
        who=who,
        at=row.updated_at,
        version=row.version,
    )
