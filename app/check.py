"""``pwb check``: is the database whole, and does everything in it agree?

Five questions, each answered in plain words with what to do when the answer
is no: the file's pages (``PRAGMA integrity_check``), the references between
records (``PRAGMA foreign_key_check``), the schema revision, the search index
against the postings, and the Connects ledger (the balance is the sum of the
entries, each entry's sign fits its kind, each expiry names a credit). Nothing
here writes, except :func:`repair_search_index`, which the user asks for.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text

from app import clock
from app.domain import LedgerKind as K
from app.errors import DatabaseCorruptError, DatabaseError
from app.storage import files, migrations
from app.storage.db import Database, open_database, sqlite_file

#: the search index's text of a posting's skills, as the triggers of revision 0002 write it
_SKILLS = "(SELECT group_concat(value, ' ') FROM json_each(p.skills))"
#: what a foreign key failure means, per table that refers
_REFERRERS = {
    "score_card": "score cards refer to a posting or profile that does not exist",
    "proposal": "proposals refer to a posting, profile or saved reply that does not exist",
    "proposal_status_change": "status changes refer to a proposal that does not exist",
    "ledger_entry": "ledger entries refer to a proposal or lot that does not exist",
}
_CREDITS = {K.ALLOCATION, K.PURCHASE, K.BONUS, K.REFUND, K.BOOST_REFUND}
_DEBITS = {K.SPEND, K.BOOST, K.EXPIRY}


@dataclass(frozen=True)
class Finding:
    """The answer to one question: ``ok``, what was found, and what to do when not ok."""

    topic: str
    ok: bool
    found: str
    todo: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def check_database(target: str, *, now: datetime | None = None) -> list[Finding]:
    """Every check of the database ``target`` (a file or a URL); read only.

    A file that is another program's or a newer release's raises (it is not
    ours to check); a damaged file is a finding, and then the checks that would
    read its damaged pages are not run.
    """
    path = sqlite_file(target)
    if path is not None:
        if not path.is_file():
            raise DatabaseError(f"no database at {path}")
        try:
            files.examine(path, check=None, backups=False)
        except DatabaseCorruptError:
            return [_file_finding(path, [f"{path.name} is not a whole SQLite database"])]
        whole = _file_finding(path, files.sound(path, pragma="integrity_check"))
        if not whole.ok:
            return [whole, *_not_checked()]
        found = [whole]
    else:
        found = [Finding("file", True, "a server database: its storage is the server's to check")]
    db = open_database(target, migrate=False, verify=False)
    try:
        found += [_schema(db), _foreign_keys(db), _search_index(db), _ledger(db, now)]
    finally:
        db.close()
    return found


def _file_finding(path: Path, problems: list[str]) -> Finding:
    if not problems:
        return Finding("file", True, "whole: every page passed SQLite's integrity check")
    good = files.newest_good_backup(path)
    todo = (
        f"restore the newest good backup: pwb restore {good.path} ({good.label})"
        if good
        else "no good backup was found beside it; open a copy you kept, if any"
    )
    return Finding("file", False, f"damaged: {files.summary(problems)}", todo)


def _not_checked() -> list[Finding]:
    why = "not checked: the file is damaged (see above)"
    return [Finding(topic, False, why) for topic in ("schema", "references", "search", "ledger")]


def _schema(db: Database) -> Finding:
    current, head = db.revision(), migrations.head_revision()
    if current == head:
        return Finding("schema", True, f"revision {current}, the one this release uses")
    return Finding(
        "schema",
        False,
        f"revision {current}, older than this release's {head}",
        "it is upgraded (after a backup copy) the next time it is opened: `pwb init` does it now",
    )


def _foreign_keys(db: Database) -> Finding:
    if db.dialect != "sqlite":
        return Finding("references", True, "enforced by the database server")
    with db.read() as session:
        rows = session.execute(text("PRAGMA foreign_key_check")).all()
    if not rows:
        return Finding("references", True, "every record refers only to records that exist")
    by_table = Counter(str(row[0]) for row in rows)
    found = "; ".join(
        f"{count} {_REFERRERS.get(table, f'rows of {table} refer to rows that do not exist')}"
        for table, count in sorted(by_table.items())
    )
    return Finding(
        "references",
        False,
        found,
        "these records were changed outside the app; restore a backup from before that, or "
        "keep working (the app ignores what they point at)",
    )


def _search_index(db: Database) -> Finding:
    if db.dialect != "sqlite":
        return Finding("search", True, "the server keeps its search index itself")
    with db.read() as session:
        missing = session.scalar(
            text(
                "SELECT count(*) FROM job_posting p "
                "WHERE NOT EXISTS (SELECT 1 FROM job_fts f WHERE f.rowid = p.id)"
            )
        )
        extra = session.scalar(
            text(
                "SELECT count(*) FROM job_fts f "
                "WHERE NOT EXISTS (SELECT 1 FROM job_posting p WHERE p.id = f.rowid)"
            )
        )
        stale = session.scalar(
            text(
                "SELECT count(*) FROM job_posting p JOIN job_fts f ON f.rowid = p.id "
                "WHERE f.title IS NOT p.title OR f.description IS NOT p.description "
                f"OR f.skills IS NOT {_SKILLS}"
            )
        )
        total = session.scalar(text("SELECT count(*) FROM job_posting"))
    parts = [
        f"{missing} postings are missing from it" if missing else "",
        f"it holds {extra} postings that are gone" if extra else "",
        f"{stale} postings have changed since it indexed them" if stale else "",
    ]
    wrong = "; ".join(p for p in parts if p)
    if not wrong:
        return Finding("search", True, f"in step with the {total:,} postings")
    return Finding(
        "search",
        False,
        f"the search index is out of step: {wrong}",
        "run `pwb check --repair` to rebuild it from the postings (nothing else changes)",
    )


def repair_search_index(db: Database) -> int:
    """Rebuild the search index from the postings; how many postings it now holds."""
    if db.dialect != "sqlite":
        return 0
    with db.transaction() as session:
        session.execute(text("DELETE FROM job_fts"))
        session.execute(
            text(
                "INSERT INTO job_fts(rowid, title, description, skills) "
                f"SELECT p.id, p.title, p.description, {_SKILLS} FROM job_posting p"
            )
        )
        return int(session.scalar(text("SELECT count(*) FROM job_fts")) or 0)


def _ledger(db: Database, now: datetime | None) -> Finding:
    from app.ledger.entries import _rows
    from app.ledger.lots import replay

    when = clock.as_utc(now) if now is not None else clock.now()
    with db.read() as session:
        entries = _rows(session)
    total = sum(e.amount for e in entries)
    problems = []
    wrong_sign = [
        e.id
        for e in entries
        if (e.kind in _CREDITS and e.amount <= 0) or (e.kind in _DEBITS and e.amount >= 0)
    ]
    if wrong_sign:
        problems.append(
            f"{len(wrong_sign)} entries have the wrong sign for their kind ({_ids(wrong_sign)})"
        )
    credits = {e.id for e in entries if e.amount > 0}
    orphans = [e.id for e in entries if e.kind == K.EXPIRY and e.lot_id not in credits]
    if orphans:
        problems.append(f"{len(orphans)} expiries name no credit ({_ids(orphans)})")
    state = replay(entries, when)
    due = sum(amount for _lot, amount in state.due)
    if state.balance != total - due:
        problems.append(
            f"the lots hold {state.balance} but the entries sum to {total} (less {due} due to expire)"
        )
    if problems:
        return Finding(
            "ledger",
            False,
            "; ".join(problems),
            "these entries were changed outside the app; reconcile with the platform's balance "
            "(`pwb ledger reconcile N`), which posts one correction",
        )
    pending = f"; {due} Connects are due to expire (posted when the app or `pwb ledger` runs)"
    return Finding(
        "ledger",
        True,
        f"the balance, {total}, is the sum of the {len(entries):,} entries"
        + (pending if due else ""),
    )


def _ids(ids: list[int]) -> str:
    shown = ", ".join(f"#{i}" for i in ids[:5])
    return shown + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
