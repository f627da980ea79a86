"""``pwb report`` and ``pwb chart``: is my bidding paying off?"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import os
import subprocess
import sys
from pathlib import Path

from app import demo, insights, paths
from app.cli.common import open_db, print_json
from app.cli.progress import progress_line
from app.errors import WorkbenchError

#: the chart is drawn by ui.chart_export in a child process (app/ never loads Qt); in a
#: bundle there is no Python to run ``-m`` with, so the frozen ``pwb`` calls it in-process
CHART_MODULE = "ui.chart_export"
CHART_TIMEOUT_S = 180
_SOURCE_ROOT = Path(__file__).resolve().parents[2]


class ChartError(WorkbenchError):
    """The chart renderer failed."""

    exit_code = 1


def _range_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", metavar="ISO", help="first day or time (UTC)")
    parser.add_argument(
        "--to", dest="end", metavar="ISO", help="last day (included) or end time (UTC)"
    )
    parser.add_argument("--profile", metavar="NAME", help="only this profile's proposals")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "report", parents=[common], help="Connects spent, funnel, win rates and return"
    )
    _range_options(p)
    p.add_argument("--member", metavar="NAME", help="only this member's proposals and spending")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_report)
    p = sub.add_parser("chart", parents=[common], help="draw an Insights chart into a PNG file")
    p.add_argument(
        "kind", choices=insights.CHART_KINDS, metavar="KIND", help=", ".join(insights.CHART_KINDS)
    )
    p.add_argument("--out", required=True, metavar="FILE.png", help="the PNG file to write")
    _range_options(p)
    p.add_argument("--theme", choices=("light", "dark"), default="light")
    p.add_argument("--member", metavar="NAME", help="only this member's proposals and spending")
    p.add_argument("--json", action="store_true", help="print {kind, out, member}")
    p.set_defaults(func=cmd_chart)
    p = sub.add_parser(
        "demo", parents=[common], help="fill the database with a made-up bidding history"
    )
    p.add_argument("--jobs", type=int, default=600, metavar="N", help="postings (default 600)")
    p.add_argument(
        "--proposals", type=int, default=250, metavar="M", help="proposals (default 250)"
    )
    p.add_argument("--seed", type=int, default=7, metavar="S", help="random seed (default 7)")
    p.add_argument("--json", action="store_true", help="print the counts and the period as JSON")
    p.set_defaults(func=cmd_demo)


def cmd_report(args: argparse.Namespace) -> int:
    start = insights.parse_range_bound(args.start)
    end = insights.parse_range_bound(args.end, end=True)
    db = open_db(args)
    with db.read() as session:
        profile_id = insights.profile_id_by_name(session, args.profile)
        member_id = insights.member_id_by_name(session, args.member)
        ins = insights.compute_insights(
            session, start=start, end=end, profile_id=profile_id, member_id=member_id
        )
    if args.json:
        print_json(insights.report_json(ins))
    else:
        print(insights.format_report(ins))
    return 0


def chart_arguments(args: argparse.Namespace) -> list[str]:
    """The renderer's command line after the module name (the database goes in ``$PWB_DB``)."""
    command = [args.kind, "--out", args.out]
    member = getattr(args, "member", None)
    options = (
        ("--from", args.start),
        ("--to", args.end),
        ("--profile", args.profile),
        ("--member", member),
    )
    for flag, value in options:
        if value is not None:
            command += [flag, value]
    if getattr(args, "json", False):
        command.append("--json")
    return [*command, "--theme", args.theme]


def chart_command(args: argparse.Namespace) -> list[str]:
    """The child process that draws the chart."""
    return [sys.executable, "-m", CHART_MODULE, *chart_arguments(args)]


def cmd_chart(args: argparse.Namespace) -> int:
    insights.parse_range_bound(args.start)  # bad dates fail here, before Qt starts
    insights.parse_range_bound(args.end, end=True)
    if paths.is_frozen():
        return _chart_in_process(args)
    env = dict(os.environ)
    env["PWB_DB"] = paths.database_target(getattr(args, "db", None))
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_SOURCE_ROOT), env.get("PYTHONPATH")]))
    try:
        done = subprocess.run(
            chart_command(args), env=env, capture_output=True, text=True, timeout=CHART_TIMEOUT_S
        )
    except subprocess.TimeoutExpired:
        raise ChartError(f"drawing the chart took longer than {CHART_TIMEOUT_S} s") from None
    sys.stdout.write(done.stdout)
    lines = done.stderr.strip().splitlines()
    if len(lines) <= 1:  # the renderer's own one-line message (or none)
        sys.stderr.write(done.stderr)
        return done.returncode
    raise ChartError(f"the chart renderer failed (exit {done.returncode}): {lines[-1]}")


def _chart_in_process(args: argparse.Namespace) -> int:
    """The bundle's way: its ``sys.executable`` is ``pwb`` itself, not a Python."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    argv = [*chart_arguments(args), "--db", paths.database_target(getattr(args, "db", None))]
    renderer = importlib.import_module(CHART_MODULE)
    return int(renderer.main(argv))


def cmd_demo(args: argparse.Namespace) -> int:
    db = open_db(args, create_folder=True)
    with progress_line("demo data", unit=" rows") as progress, db.transaction() as session:
        made = demo.generate_demo(
            session, jobs=args.jobs, proposals=args.proposals, seed=args.seed, progress=progress
        )
    if args.json:
        print_json({"database": db.location, **dataclasses.asdict(made)})
        return 0
    print(
        f"demo history {made.first_day} to {made.last_day} in {db.location}: "
        f"{made.jobs:,} postings, {made.score_cards:,} score cards, {made.proposals:,} "
        f"proposals ({made.status_changes:,} status changes), {made.ledger_entries:,} ledger entries"
    )
    return 0
