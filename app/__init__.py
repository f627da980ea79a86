"""Proposal Workbench core: domain, storage, parsing, scoring, drafting, ledger.

This package never imports Qt or ``ui``; the desktop app and the ``pwb``
command line are both thin layers over it.
"""

from typing import Any

APP_NAME = "Proposal Workbench"
APP_ID = "ProposalWorkbench"
#: reverse-DNS id: the desktop entry and AppStream file names, the macOS bundle identifier
DESKTOP_ID = "io.github.proposalworkbench.ProposalWorkbench"


def __getattr__(name: str) -> Any:
    """``__version__``, read from the installed metadata when first asked for (reading it
    costs 50 ms of start-up: the window paints before anything asks)."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import metadata

    try:
        version = metadata.version("proposal-workbench")
    except metadata.PackageNotFoundError:  # running from a source tree without install
        version = "0.1.0"
    globals()["__version__"] = version
    return version
