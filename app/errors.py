"""Errors the user should see as a message, as opposed to bugs.

Anything derived from :class:`WorkbenchError` is an *expected* failure (a bad
file, a missing folder, junk input): the CLI prints its message on one line and
the GUI shows it in a dialog. Every other exception is a bug and goes to the
crash path with a log.
"""

from __future__ import annotations

from pathlib import Path


class WorkbenchError(Exception):
    """An expected failure with a one-line message for the user."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = " ".join(message.split())  # always one line

    def __str__(self) -> str:
        return self.message


class DatabaseError(WorkbenchError):
    """The database cannot be opened, created, migrated, read or written."""


class DatabaseBusyError(DatabaseError):
    """Another program holds a lock on the database longer than we wait."""


class DatabaseReadOnlyError(DatabaseError):
    """The database (or its folder) may be read but not written."""


class DatabasePermissionError(DatabaseError):
    """The database file or its folder may not be opened by this user."""


class DatabaseFullError(DatabaseError):
    """The disk (or the database's size limit) is full."""


class DatabaseIOError(DatabaseError):
    """The disk failed to read or write the database file."""


class DatabaseCorruptError(DatabaseError):
    """The database file is damaged or is not a database at all.

    ``path`` is the damaged file and ``backup`` the newest backup beside it
    that passed a check, when the refusal found one: the GUI offers to restore
    it, the CLI names the command.
    """

    def __init__(
        self, message: str, *, path: Path | None = None, backup: Path | None = None
    ) -> None:
        super().__init__(message)
        self.path = path
        self.backup = backup


class DatabaseNotOursError(DatabaseError):
    """The file is a database of another program; it was left as it was."""


class DatabaseTooNewError(DatabaseError):
    """The database was written by a newer Proposal Workbench (an unknown schema revision)."""


class DatabaseUnavailableError(DatabaseError):
    """The database server cannot be reached or went away."""


class InputError(WorkbenchError):
    """The user's input (text, file, argument) is not usable; nothing was stored."""


class NotFoundError(WorkbenchError):
    """A record the user named does not exist."""


class UnfinishedTextError(InputError):
    """A proposal's text still has fill-ins or placeholders (``pwb`` exits 3, as for a
    draft left with fill-ins); the user may confirm and send it anyway."""

    exit_code = 3


class PermissionDeniedError(WorkbenchError):
    """The acting member's role does not allow what they asked for (exit 2)."""


class ConflictError(WorkbenchError):
    """A save over a newer version than the one the editor loaded (exit 2).

    ``who`` and ``at`` say who saved the newer version, and when; the GUI offers
    Reload / Overwrite, the CLI prints the message.
    """

    def __init__(
        self, message: str, *, who: str = "someone", at: object = None, version: int | None = None
    ) -> None:
        super().__init__(message)
        self.who = who
        self.at = at
        #: the version saved now (Overwrite saves over this one); None when not known
        self.version = version
