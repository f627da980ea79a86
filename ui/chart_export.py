"""Render one Insights chart to a PNG file, offscreen (``pwb chart`` runs this).

    python -m ui.chart_export KIND --out FILE.png [--db PATH_OR_URL]
        [--from ISO] [--to ISO] [--profile NAME] [--theme light|dark]

Expected failures print one line on stderr and exit 2 (as ``pwb`` does);
a chart with nothing to show exits 1 with what data it needs.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from app.insights import CHART_KINDS

EXIT_NO_DATA = 1
EXIT_BUG = 70


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m ui.chart_export")
    parser.add_argument("kind", choices=CHART_KINDS)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--db", metavar="PATH_OR_URL")
    parser.add_argument("--from", dest="start", metavar="ISO")
    parser.add_argument("--to", dest="end", metavar="ISO")
    parser.add_argument("--profile", metavar="NAME")
    parser.add_argument("--member", metavar="NAME")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    return parser.parse_args(argv)


def export_chart(args: argparse.Namespace) -> int:
    """Compute the insights, draw the chart, save it; returns the exit code."""
    from app import insights, paths
    from app.errors import InputError
    from app.storage import open_database
    from ui.charts import build_chart, render_png
    from ui.main import create_application
    from ui.theme import apply_theme

    if args.out.suffix.lower() != ".png":
        raise InputError(f"--out {args.out} must end in .png")
    if not args.out.parent.is_dir():
        raise InputError(f"cannot write {args.out}: folder {args.out.parent} does not exist")
    start = insights.parse_range_bound(args.start)
    end = insights.parse_range_bound(args.end, end=True)
    db = open_database(paths.database_target(args.db))
    try:
        with db.read() as session:
            profile_id = insights.profile_id_by_name(session, args.profile)
            member_id = insights.member_id_by_name(session, args.member)
            ins = insights.compute_insights(
                session, start=start, end=end, profile_id=profile_id, member_id=member_id
            )
    finally:
        db.close()
    if not insights.chart_has_data(ins, args.kind):
        print(f"pwb: nothing to chart: {insights.EMPTY_HINTS[args.kind]}", file=sys.stderr)
        return EXIT_NO_DATA
    app = create_application()
    dark = apply_theme(app, args.theme)
    if not render_png(build_chart(args.kind, ins, dark=dark, hover=False), args.out):
        raise InputError(f"cannot write {args.out}")
    if args.json:
        import json

        print(json.dumps({"kind": args.kind, "out": str(args.out), "member": args.member}))
    else:
        print(args.out)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from app import clock
    from app.errors import WorkbenchError

    try:
        clock.set_from_environment()
        return export_chart(args)
    except WorkbenchError as exc:
        print(f"pwb: {exc}", file=sys.stderr)
        return exc.exit_code
    except Exception as exc:  # a bug: log the trace, say one line
        from app.logs import setup_logging

        where = setup_logging()
        logging.getLogger("pwb.chart").exception("chart export failed")
        hint = f" (details in {where})" if where else ""
        print(f"pwb: internal error: {type(exc).__name__}: {exc}{hint}", file=sys.stderr)
        return EXIT_BUG


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
