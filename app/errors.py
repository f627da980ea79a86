"""Errors the user should see as a message, as opposed to bugs.

Anything derived from :class:`WorkbenchError` is an *expected* failure (a bad
file, a missing folder, junk input): the CLI prints its message on one line and
the GUI shows it in a dialog. Every other exception is a bug and goes to the
crash path with a log.
"""


class WorkbenchError(Exception):
    """An expected failure with a one-line message for the user."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = " ".join(message.split())  # always one line

    def __str__(self) -> str:
        return self.message


class DatabaseError(WorkbenchError):
    """The database cannot be opened, created or migrated."""


class InputError(WorkbenchError):
    """The user's input (text, file, argument) is not usable; nothing was stored."""


class NotFoundError(WorkbenchError):
    """A record the user named does not exist."""
