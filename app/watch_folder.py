"""The watch folder: alert files an export tool saves into a folder, imported as they arrive.

:class:`FolderScan` decides when a file is ready: a file is read only once its size and
modification time have stayed the same for :data:`STABLE_SECONDS` (a file still being
written is left alone), and each file is tried once per version (size and mtime).
:func:`import_watched` imports one ready file with the ordinary import
(:func:`app.importing.import_into`: exact, on record, undoable, nothing stored from a
file with a bad row), scores what it brought and names the postings whose verdict is
Apply. A file whose SHA-256 an earlier import recorded is not imported again.

Pure of Qt: the GUI's QFileSystemWatcher and timer only say when to scan.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import Verdict
from app.errors import InputError, WorkbenchError
from app.importing import import_into
from app.profiles import active_profile
from app.scoring.service import score_stale
from app.storage.db import Database
from app.storage.models import ImportBatch, ImportChange, JobPosting, ScoreCard

#: the files the watch folder imports (what the importer reads)
SUFFIXES = (".csv", ".json", ".jsonl", ".ndjson")
#: how long a file's size and mtime must stay the same before it is read
STABLE_SECONDS = 2.0
#: the Apply postings a notice names
NAMED_APPLY = 5


@dataclass
class _Seen:
    size: int
    mtime_ns: int
    since: float


@dataclass
class FolderScan:
    """Which files of a folder are ready to import, and which were handled already.

    ``scan(now)`` takes a monotonic time in seconds (the caller's clock) and returns the
    files whose size and mtime have not changed for ``stable_seconds`` and that were not
    handed out before in that version.
    """

    folder: Path
    stable_seconds: float = STABLE_SECONDS
    _seen: dict[Path, _Seen] = field(default_factory=dict)
    _done: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def candidates(self) -> list[Path]:
        """The import files in the folder (no hidden, partial or temporary files)."""
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return []
        return sorted(
            Path(e.path)
            for e in entries
            if e.name.lower().endswith(SUFFIXES)
            and not e.name.startswith((".", "~"))
            and e.is_file()
        )

    def scan(self, now: float) -> list[Path]:
        """Files ready now (stable long enough, not handed out before as they are)."""
        ready: list[Path] = []
        present = set()
        for path in self.candidates():
            present.add(path)
            try:
                stat = path.stat()
            except OSError:
                continue
            version = (stat.st_size, stat.st_mtime_ns)
            if self._done.get(path) == version:
                continue
            seen = self._seen.get(path)
            if seen is None or (seen.size, seen.mtime_ns) != version:
                self._seen[path] = _Seen(stat.st_size, stat.st_mtime_ns, now)
                continue
            if stat.st_size > 0 and now - seen.since >= self.stable_seconds:
                ready.append(path)
                self._done[path] = version
                del self._seen[path]
        for gone in set(self._seen) - present:
            del self._seen[gone]
        return ready

    @property
    def waiting(self) -> bool:
        """Whether some file was seen and is not ready yet (scan again later)."""
        return bool(self._seen)


@dataclass(frozen=True)
class WatchedImport:
    """What importing one watched file did (one line for the notice and the log)."""

    file_name: str
    added: int = 0
    updated: int = 0
    #: titles (and ids) of the postings from the file whose verdict is Apply
    apply: list[tuple[int, str]] = field(default_factory=list)
    apply_count: int = 0
    import_id: int | None = None
    #: imported before (same SHA-256): nothing was done
    duplicate: bool = False
    #: a one-line message when the file was refused (nothing stored)
    error: str | None = None

    def summary(self) -> str:
        if self.error:
            return f"{self.file_name}: {self.error}"
        if self.duplicate:
            return f"{self.file_name}: imported before, skipped"
        apply = f", {self.apply_count} to apply to" if self.apply_count else ""
        return f"{self.file_name}: {self.added} added, {self.updated} updated{apply}"


def file_sha256(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def imported_before(session: Session, sha256: str) -> bool:
    """Whether an import on record (undone or not) read a file with this content."""
    found = session.scalar(select(ImportBatch.id).where(ImportBatch.sha256 == sha256).limit(1))
    return found is not None


def import_watched(db: Database, path: Path) -> WatchedImport:
    """Import one ready file (once per content), score it, name its Apply postings."""
    name = path.name
    try:
        digest = file_sha256(path)
        with db.read() as session:
            if imported_before(session, digest):
                return WatchedImport(name, duplicate=True)
        report = import_into(db, path)
    except OSError as exc:
        return WatchedImport(name, error=f"cannot be read ({exc.strerror or exc})")
    except WorkbenchError as exc:
        return WatchedImport(name, error=_one_line(exc.message))
    if report.errors:
        first = report.errors[0]
        more = f" (and {len(report.errors) - 1} more rows)" if len(report.errors) > 1 else ""
        return WatchedImport(
            name, error=f"row {first.row}: {_one_line(first.message)}{more}; nothing imported"
        )
    if report.imported:
        score_stale(db)
    with db.read() as session:
        apply = apply_postings(session, report.import_id) if report.import_id else []
    return WatchedImport(
        name,
        added=report.added,
        updated=report.updated,
        apply=apply[:NAMED_APPLY],
        apply_count=len(apply),
        import_id=report.import_id,
    )


def apply_postings(session: Session, import_id: int) -> list[tuple[int, str]]:
    """(id, title) of the postings an import brought whose verdict is Apply, best first."""
    profile = active_profile(session)
    if profile is None:
        return []
    rows = session.execute(
        select(JobPosting.id, JobPosting.title)
        .join(ImportChange, ImportChange.job_id == JobPosting.id)
        .join(
            ScoreCard,
            (ScoreCard.job_id == JobPosting.id) & (ScoreCard.profile_id == profile.id),
        )
        .where(
            ImportChange.batch_id == import_id,
            JobPosting.deleted_at.is_(None),
            ScoreCard.verdict == Verdict.APPLY.value,
        )
        .order_by(ScoreCard.total.desc(), JobPosting.id)
    )
    return [(job_id, title) for job_id, title in rows]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def check_folder(text: str) -> Path:
    """The watch folder a setting names, or an InputError saying what is wrong."""
    path = Path(text).expanduser()
    if not path.is_dir():
        raise InputError(f"the watch folder {text} is not a folder")
    return path
