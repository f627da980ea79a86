"""Named loggers per subsystem (``pwb.storage``, ``pwb.ui`` …), one rotating file."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from app import paths

LOG_FILENAME = "workbench.log"
_configured: Path | None = None


def log_file() -> Path:
    return paths.log_dir() / LOG_FILENAME


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send ``pwb.*`` logs to the user's log folder; returns the file, or None if unwritable."""
    global _configured
    if _configured is not None:
        return _configured
    target = log_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("pwb")
    root.addHandler(handler)
    root.setLevel(level)
    _configured = target
    return target
