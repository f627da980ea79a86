"""Proposal Workbench core: domain, storage, parsing, scoring, drafting, ledger.

This package never imports Qt or ``ui``; the desktop app and the ``pwb``
command line are both thin layers over it.
"""

from importlib import metadata

try:
    __version__ = metadata.version("proposal-workbench")
except metadata.PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.1.0"

APP_NAME = "Proposal Workbench"
APP_ID = "ProposalWorkbench"
#: reverse-DNS id: the desktop entry and AppStream file names, the macOS bundle identifier
DESKTOP_ID = "io.github.proposalworkbench.ProposalWorkbench"
