"""Saved replies: named Jinja2 templates (whole proposals and snippets) in the database.

A reply file may start with a front-matter comment holding TOML metadata::

    {#---
    kind = "snippet"
    description = "Two-line intro that names the client's problem"
    categories = ["Web Development"]
    skills = ["Python", "Django"]
    ---#}

The starters in ``templates/`` are files like that; ``templates/intro/short.j2``
becomes the reply ``intro/short``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import settings
from app.domain import PostingFacts
from app.errors import InputError, NotFoundError
from app.limits import load_toml
from app.paths import templates_dir
from app.storage import members
from app.storage.models import SavedReply

KINDS = ("proposal", "snippet")
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*(?:/[A-Za-z0-9][A-Za-z0-9_.-]*)*$")
MAX_NAME = 200
MAX_BODY_CHARS = 200_000
STARTERS_SETTING = "replies.starters_offered"

_FRONT_MATTER = re.compile(
    r"\A\{#-?-{3}[ \t]*\r?\n(.*?)\r?\n-{3}[ \t]*-?#\}[ \t]*\r?\n?", re.DOTALL
)


@dataclass
class ReplyFile:
    """A reply as written in a file: its body and the metadata from its front matter."""

    body: str
    kind: str = "proposal"
    description: str = ""
    categories: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    #: the version it was exported at (``pwb replies show``): saving over a newer one is refused
    version: int | None = None


def check_name(name: str) -> str:
    """A valid reply name (``intro/short``), or a one-line error."""
    name = name.strip()
    if not name or len(name) > MAX_NAME or not NAME_RE.match(name):
        raise InputError(
            f"{name!r} is not a reply name: use letters, digits, - _ . and / between parts "
            "(e.g. intro/short)"
        )
    return name


def parse_reply_file(text: str) -> ReplyFile:
    """Split front matter (TOML in a ``{#--- ... ---#}`` comment) from the body."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return ReplyFile(body=text)
    meta = load_toml(match.group(1), "the front matter")
    unknown = set(meta) - {"kind", "description", "categories", "skills", "version"}
    if unknown:
        raise InputError(f"unknown front-matter keys: {', '.join(sorted(unknown))}")
    reply = ReplyFile(
        body=text[match.end() :],
        kind=str(meta.get("kind", "proposal")),
        description=str(meta.get("description", "")),
        categories=_str_list(meta.get("categories", []), "categories"),
        skills=_str_list(meta.get("skills", []), "skills"),
        version=_version(meta.get("version")),
    )
    _check_kind(reply.kind)
    return reply


def _version(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InputError(f"front matter version must be a whole number from 1, not {value!r}")
    return value


def _str_list(value: Any, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"front matter {key} must be a list of strings")
    return [v.strip() for v in value if v.strip()]


def _check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise InputError(f"kind {kind!r} is not one of: {', '.join(KINDS)}")
    return kind


def list_replies(session: Session, kind: str | None = None) -> list[SavedReply]:
    query = select(SavedReply).order_by(SavedReply.kind, SavedReply.name)
    if kind is not None:
        query = query.where(SavedReply.kind == _check_kind(kind))
    return list(session.scalars(query))


def find_reply(session: Session, name: str) -> SavedReply | None:
    return session.scalar(select(SavedReply).where(SavedReply.name == name.strip()))


def get_reply(session: Session, name: str) -> SavedReply:
    reply = find_reply(session, name)
    if reply is None:
        raise NotFoundError(f"no saved reply named {name!r} (see: pwb replies list)")
    return reply


def save_reply(
    session: Session,
    name: str,
    body: str,
    *,
    kind: str | None = None,
    description: str | None = None,
    categories: list[str] | None = None,
    skills: list[str] | None = None,
    expected_version: int | None = None,
    new: bool = False,
) -> SavedReply:
    """Create the reply ``name`` or update it (with ``new``: only create); ``None`` metadata is kept.

    With ``expected_version`` (the version the editor loaded) a reply saved since
    by someone else is refused with :class:`~app.storage.members.ConflictError`;
    a name someone else created at the same moment is an :class:`InputError`.
    """
    name = check_name(name)
    if len(body) > MAX_BODY_CHARS:
        raise InputError(f"a saved reply is limited to {MAX_BODY_CHARS:,} characters")
    reply = find_reply(session, name)
    if reply is None:
        reply = SavedReply(name=name, kind="proposal", description="", categories=[], skills=[])
        session.add(reply)
    elif new:
        raise _taken(name)
    else:
        members.check_version(session, reply, expected_version, f"saved reply {name!r}")
    reply.body = body
    if kind is not None:
        reply.kind = _check_kind(kind)
    if description is not None:
        reply.description = description
    if categories is not None:
        reply.categories = list(categories)
    if skills is not None:
        reply.skills = list(skills)
    try:
        session.flush()
    except IntegrityError as exc:
        if "saved_reply" not in str(exc.orig) and "uq_saved_reply_name" not in str(exc.orig):
            raise
        raise _taken(name) from None
    return reply


def _taken(name: str) -> InputError:
    return InputError(
        f"a saved reply named {name!r} was just created by someone else; nothing was "
        "saved: reload the list and choose another name"
    )


def create_reply(session: Session, name: str, body: str, *, kind: str = "proposal") -> str:
    """Add a new reply; one with that name already is an error (nothing is replaced)."""
    name = check_name(name)
    if find_reply(session, name) is not None:
        raise InputError(f"a saved reply named {name!r} already exists")
    return save_reply(session, name, body, kind=kind, new=True).name


def update_reply(
    session: Session,
    name: str,
    *,
    new_name: str,
    body: str,
    kind: str,
    description: str,
    categories: list[str],
    skills: list[str],
    expected_version: int | None = None,
) -> str:
    """Save the editor's reply (renamed when ``new_name`` differs); returns its name.

    ``expected_version``: the version the editor loaded (see :func:`save_reply`).
    """
    members.check_version(
        session, get_reply(session, name), expected_version, f"saved reply {name!r}"
    )
    reply = rename_reply(session, name, new_name)
    save_reply(
        session,
        reply.name,
        body,
        kind=kind,
        description=description,
        categories=categories,
        skills=skills,
    )
    return reply.name


def save_reply_file(
    session: Session, name: str, text: str, *, overwrite: bool = False
) -> SavedReply:
    """Store a reply from file text (front matter, if present, sets the metadata).

    A ``version`` in the front matter (``pwb replies show`` writes it) is the
    version the file was taken from: a reply saved since by someone else is
    refused unless ``overwrite``.
    """
    parsed = parse_reply_file(text)
    has_meta = _FRONT_MATTER.match(text) is not None
    return save_reply(
        session,
        name,
        parsed.body,
        kind=parsed.kind if has_meta else None,
        description=parsed.description if has_meta else None,
        categories=parsed.categories if has_meta else None,
        skills=parsed.skills if has_meta else None,
        expected_version=None if overwrite else parsed.version,
    )


def delete_reply(session: Session, name: str) -> None:
    members.require_manager(session, "delete saved replies")
    session.delete(get_reply(session, name))
    session.flush()


def rename_reply(session: Session, old: str, new: str) -> SavedReply:
    reply = get_reply(session, old)
    new = check_name(new)
    if new != reply.name and find_reply(session, new) is not None:
        raise InputError(f"a saved reply named {new!r} already exists")
    reply.name = new
    session.flush()
    return reply


def reply_bodies(session: Session) -> dict[str, str]:
    """Every reply's body by name: what ``{% include %}`` resolves against."""
    return {name: body for name, body in session.execute(select(SavedReply.name, SavedReply.body))}


def starter_files(folder: Path | None = None) -> dict[str, Path]:
    """The shipped starter replies by name (``intro/short`` for ``intro/short.j2``)."""
    root = folder or templates_dir()
    if not root.is_dir():
        return {}
    return {p.relative_to(root).with_suffix("").as_posix(): p for p in sorted(root.rglob("*.j2"))}


def seed_starter_replies(session: Session) -> None:
    """Add each shipped starter once; one the user deleted is not brought back."""
    offered = set(settings.get(session, STARTERS_SETTING))
    added = False
    for name, path in starter_files().items():
        if name in offered:
            continue
        if find_reply(session, name) is None:
            parsed = parse_reply_file(path.read_text(encoding="utf-8"))
            reply = save_reply(
                session,
                name,
                parsed.body,
                kind=parsed.kind,
                description=parsed.description,
                categories=parsed.categories,
                skills=parsed.skills,
            )
            reply.is_starter = True
        offered.add(name)
        added = True
    if added:
        settings.set_value(session, STARTERS_SETTING, sorted(offered))


def reply_fit(reply: SavedReply, facts: PostingFacts) -> float:
    """How well a proposal reply fits a posting: category and skills in common."""
    score = 0.0
    category = (facts.category or "").casefold()
    cats = [c.casefold() for c in reply.categories or []]
    if category and any(c in category or category in c for c in cats):
        score += 3.0
    job_skills = {s.casefold() for s in facts.skills}
    score += 2.0 * len(job_skills & {s.casefold() for s in reply.skills or []})
    text = f"{facts.title or ''} {facts.description or ''}".casefold()
    score += 0.5 * sum(1 for s in reply.skills or [] if s.casefold() in text)
    if not cats and not reply.skills:
        score += 0.25  # a general-purpose reply beats one made for another field
    return score


def suggest_replies(session: Session, facts: PostingFacts) -> list[SavedReply]:
    """Proposal replies, best fit for this posting first (ties by name)."""
    replies = list_replies(session, "proposal")
    return sorted(replies, key=lambda r: (-reply_fit(r, facts), r.name))
