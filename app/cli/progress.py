"""A progress line on standard error for long commands, while it is a terminal.

    with progress_line("rescoring", unit=" cards") as progress:
        rescore_all(db, progress=progress)

``progress`` is a ``(done, total)`` callback, or None when standard error is not
a terminal (a pipe, a file, CI): then nothing is drawn and standard output stays
exactly what it was. The line (tqdm) is removed when the command ends, so the
command's own result line stands alone. Used by ``pwb import``, ``rescore``,
``demo`` and ``backup``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

Progress = Callable[[int, int], None]

#: tests draw the line without a terminal
FORCE = False


def wanted() -> bool:
    stream = sys.stderr
    return FORCE or bool(stream is not None and hasattr(stream, "isatty") and stream.isatty())


@contextmanager
def progress_line(what: str, *, unit: str = "", binary: bool = False) -> Iterator[Progress | None]:
    """A callback drawing ``what: done/total`` on stderr, or None where nobody watches.

    ``binary``: the counts are bytes, shown in KiB/MiB (``unit="B"``)."""
    if not wanted():
        yield None
        return
    from tqdm import tqdm

    bar: Any = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(
                total=total,
                desc=what,
                unit=unit,
                unit_scale=True,
                unit_divisor=1024 if binary else 1000,
                file=sys.stderr,
                leave=False,
            )
        if bar.total != total:
            bar.total = total
        bar.update(done - bar.n)

    try:
        yield update
    finally:
        if bar is not None:
            bar.refresh()  # the last count, even when it came sooner than tqdm redraws
            bar.close()
