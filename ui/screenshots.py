"""Render every main page (and the clipboard notice) offscreen into PNG files.

    python -m ui.screenshots OUTDIR [--db PATH_OR_URL] [--theme light|dark|both]

Uses the database as it is (``--db``, else ``$PWB_DB``, else the default), so
what the pictures show is what the user would see.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--db", metavar="PATH_OR_URL")
    parser.add_argument("--theme", choices=("light", "dark", "both"), default="both")
    parser.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT")
    return parser.parse_args(argv)


def render_pages(window, outdir: Path, suffix: str) -> list[Path]:
    """Show each page of ``window`` in turn and grab it; returns the files written."""
    from PySide6.QtWidgets import QApplication

    from ui.main_window import PAGE_CLASSES

    written = []
    for cls in PAGE_CLASSES:
        page = window.go_to(cls)
        for _ in range(3):
            QApplication.processEvents()
        if hasattr(page, "wait_until_ready"):  # pages that load in the background
            page.wait_until_ready()
            for _ in range(3):  # the layout pass that follows what they loaded
                QApplication.processEvents()
        if hasattr(page, "prepare_screenshot"):  # e.g. select a row to show its details
            page.prepare_screenshot()
            for _ in range(3):
                QApplication.processEvents()
        target = outdir / f"{page.icon_name}{suffix}.png"
        if not window.grab().save(str(target)):
            raise OSError(f"cannot write {target}")
        written.append(target)
    return written


def render_notice(window, outdir: Path, suffix: str) -> list[Path]:
    """The clipboard watch's notice for the best-scored posting, as copying it again shows it."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from app import clock
    from app.preview import preview_posting
    from app.storage.jobs import JobQuery, fetch_jobs, get_job
    from app.storage.postings import facts_of

    QThreadPool.globalInstance().waitForDone(120_000)  # a rescore the pages started
    with window.ctx.db.read() as session:
        rows = fetch_jobs(session, JobQuery(sort="score"), limit=1)
        if not rows:
            return []
        copied = preview_posting(session, facts_of(get_job(session, rows[0].id)), clock.now())
    notice = window.quick.notice
    notice.show_posting([copied])
    for _ in range(3):
        QApplication.processEvents()
    target = outdir / f"notice{suffix}.png"
    if not notice.grab().save(str(target)):
        raise OSError(f"cannot write {target}")
    notice.hide()
    return [target]


def render_dialogs(window, outdir: Path, suffix: str) -> list[Path]:
    """The team-mode dialogs, filled in as a user would: File → Connect to team server…"""
    from PySide6.QtWidgets import QApplication

    from app.connection import ServerSettings
    from ui.dialogs.connect_dialog import ConnectDialog

    dialog = ConnectDialog(ServerSettings("db.agency.example", "workbench", "ann"), window)
    dialog.password_edit.setText("not-a-real-password")
    dialog.show()
    for _ in range(3):
        QApplication.processEvents()
    target = outdir / f"connect-dialog{suffix}.png"
    if not dialog.grab().save(str(target)):
        raise OSError(f"cannot write {target}")
    dialog.close()
    dialog.deleteLater()
    return [target]


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from PySide6.QtCore import QSettings, QThreadPool
    from PySide6.QtWidgets import QApplication

    from app import clock
    from app.errors import WorkbenchError
    from ui import ops
    from ui.context import AppContext
    from ui.main import create_application, open_for_gui
    from ui.main_window import MainWindow
    from ui.theme import apply_theme

    app = create_application()
    # a settings scope of its own, emptied first: the pictures show the default layout,
    # and what the windows remember on close never lands in the user's settings
    app.setOrganizationName(f"{app.organizationName()}-screenshots")
    QSettings().clear()
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        print(f"screenshots: --size {args.size!r} is not WIDTHxHEIGHT", file=sys.stderr)
        return 2
    try:
        clock.set_from_environment()
        db = open_for_gui(args.db)
    except WorkbenchError as exc:
        print(f"screenshots: {exc}", file=sys.stderr)
        return 2
    args.outdir.mkdir(parents=True, exist_ok=True)
    themes = ("light", "dark") if args.theme == "both" else (args.theme,)
    for theme in themes:
        apply_theme(app, theme)
        window = MainWindow(AppContext(db))
        window.resize(width, height)
        window.show()
        suffix = "" if theme == "light" else "-dark"
        for path in render_pages(window, args.outdir, suffix):
            print(path)
        for path in render_notice(window, args.outdir, suffix):
            print(path)
        for path in render_dialogs(window, args.outdir, suffix):
            print(path)
        # what the pages started in the background (a rescore of stale cards) finishes
        # before its window and the database go
        QThreadPool.globalInstance().waitForDone(120_000)
        ops.wait_for_writes()
        QApplication.processEvents()
        window.close()
        window.deleteLater()
    db.close()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
