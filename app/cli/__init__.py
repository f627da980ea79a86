"""``pwb``: the command line over the same core as the desktop app.

Each module in :data:`COMMAND_MODULES` has ``register(subparsers)`` that adds
its subcommands, each with ``func(args) -> int``. Expected failures
(:class:`app.errors.WorkbenchError`) print one line on stderr and exit
non-zero; nothing prints a traceback. Output is UTF-8 whatever the console's
encoding (see :func:`write_utf8`).
"""

from __future__ import annotations

import argparse
import codecs
import importlib
import io
import logging
import sys
from collections.abc import Sequence

from app import __version__, clock
from app.cli.examples import add_examples
from app.errors import WorkbenchError

log = logging.getLogger("pwb.cli")

COMMAND_MODULES = (
    "app.cli.core",
    "app.cli.capture",
    "app.cli.scoring",
    "app.cli.drafting",
    "app.cli.ledger",
    "app.cli.insights",
    "app.cli.maintenance",
    "app.cli.config",
    "app.cli.members",
    "app.cli.completion",
)

EXIT_USAGE = 2
EXIT_BUG = 70


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line, not a usage block."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=argparse.SUPPRESS,
        help="database file or SQLAlchemy URL (default: $PWB_DB, else your data folder)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = _Parser(
        prog="pwb",
        description="Proposal Workbench: score postings, draft proposals, track Connects. "
        "Every command has examples in its --help.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"pwb {__version__}")
    parser.add_argument(
        "--member",
        dest="acting_member",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="act as this member of a team (default: $PWB_MEMBER, else the owner)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, common)
    add_examples(parser)
    return parser


def write_utf8() -> None:
    """Make standard output and error write UTF-8 whatever the console's code page.

    Redirected to a file or pipe on Windows they would encode as cp1252 (and as
    ASCII under ``LC_ALL=C`` without UTF-8 mode), so an emoji or a CJK title in
    ``pwb jobs --json`` ended in ``UnicodeEncodeError``. JSON is UTF-8 by
    definition and so is every other ``pwb`` output. What UTF-8 cannot encode
    either (a lone surrogate) is replaced on stdout and escaped on stderr.
    """
    for stream, errors in ((sys.stdout, "replace"), (sys.stderr, "backslashreplace")):
        if not isinstance(stream, io.TextIOWrapper):
            continue  # None under pythonw, or a test's capture
        try:
            utf8 = codecs.lookup(stream.encoding).name == "utf-8"
        except LookupError:
            utf8 = False
        if not utf8:
            stream.reconfigure(encoding="utf-8", errors=errors)


def main(argv: Sequence[str] | None = None) -> int:
    write_utf8()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        clock.set_from_environment()
        return int(args.func(args) or 0)
    except WorkbenchError as exc:
        print(f"pwb: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("pwb: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: log it with the trace, show one line
        from app.logs import setup_logging

        where = setup_logging()
        log.exception("unexpected error in pwb %s", args.command)
        hint = f" (details in {where})" if where else ""
        print(f"pwb: internal error: {type(exc).__name__}: {exc}{hint}", file=sys.stderr)
        return EXIT_BUG


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
