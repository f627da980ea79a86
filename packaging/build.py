"""Build the one-folder app bundle: ``python packaging/build.py [--smoke] [--archive]``.

    pip install -e ".[bundle]"        # PyInstaller and Pillow, pinned
    python packaging/build.py --smoke --archive

1. draws the icons (``build/icons/app.png``, ``.ico``, ``.icns``) from resources/icons/app.svg;
2. runs PyInstaller on ``packaging/proposal-workbench.spec`` into ``dist/proposal-workbench/``
   (on macOS also ``dist/Proposal Workbench.app``);
3. ``--smoke`` starts what it built: the app until its first paint (offscreen), and
   ``pwb --version``, ``pwb --help``, ``pwb demo``, ``pwb chart`` on a scratch database;
   on Linux it also checks that every shared library in the bundle finds what it links to;
4. ``--archive`` packs the folder (``.tar.gz``, ``.zip`` on Windows) beside it;
5. prints the folder's and the archive's size.

The same script runs on Linux, Windows and macOS (.github/workflows/bundles.yml).
It is not part of the test suite: it takes a few minutes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle

ROOT = bundle.ROOT
SPEC = ROOT / "packaging" / "proposal-workbench.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
SAMPLE_POSTING = """Python developer to connect our shop to a REST API
Hourly: $30.00 - $50.00
Expert
We need a Python developer to integrate our order system with a REST API.
Skills: Python, REST API, Automation
Payment method verified
USA
"""


def bundle_dir(dist: Path = DIST) -> Path:
    return dist / bundle.BUNDLE_NAME


def executable(folder: Path, name: str) -> Path:
    return folder / f"{name}{EXE_SUFFIX}"


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def draw_icons() -> dict[str, Path]:
    from icons import write_icons

    return write_icons(WORK / "icons")


def run_pyinstaller(clean: bool) -> None:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK / "pyinstaller"),
        str(SPEC),
    ]
    if clean:
        command.insert(3, "--clean")
    subprocess.run(command, check=True, cwd=ROOT)


def _run(
    command: Sequence[str | Path],
    *,
    env: dict[str, str],
    ok: Sequence[int] = (0,),
    timeout: int = 300,
) -> str:
    shown = " ".join(str(part) for part in command)
    print(f"  $ {shown}", flush=True)
    done = subprocess.run(
        [str(part) for part in command],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
    )
    if done.returncode not in ok:
        raise SystemExit(
            f"smoke test failed: {shown} exited {done.returncode}\n{done.stdout}\n{done.stderr}"
        )
    return done.stdout


def smoke(folder: Path) -> None:
    """Start what was built, the way a user (and the CI matrix) would."""
    from app.cli import build_parser

    gui, cli = executable(folder, bundle.GUI_EXE), executable(folder, bundle.CLI_EXE)
    with tempfile.TemporaryDirectory(prefix="pwb-smoke-") as scratch:
        home = Path(scratch)
        env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
        env["QT_QPA_PLATFORM"] = "offscreen"
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env[var] = str(home / var.lower())  # leave the builder's own settings alone
        db = home / "smoke.sqlite3"
        out = _run([cli, "--version"], env=env)
        assert out.startswith("pwb "), out
        usage = _run([cli, "--help"], env=env)
        commands = next(
            action.choices
            for action in build_parser()._actions
            if isinstance(action, argparse._SubParsersAction)
        )
        missing = [name for name in commands if name not in usage]
        if missing:
            raise SystemExit(f"smoke test failed: pwb --help lacks {', '.join(missing)}")
        _run([cli, "--db", db, "demo", "--jobs", "400", "--proposals", "120"], env=env)
        chart = home / "funnel.png"
        _run([cli, "--db", db, "chart", "funnel", "--out", chart], env=env)
        if not chart.is_file() or chart.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
            raise SystemExit(f"smoke test failed: pwb chart wrote no PNG at {chart}")
        _run([cli, "--db", db, "report", "--json"], env=env)
        # drafting spell-checks (the English dictionary) and reads the starter replies;
        # exit 3 says fill-ins are left, which a demo posting has
        _run([cli, "--db", db, "draft", "1", "--json"], env=env, ok=(0, 3))
        posting = home / "posting.txt"
        posting.write_text(SAMPLE_POSTING, encoding="utf-8")
        parsed = _run([cli, "parse", posting, "--json"], env=env)
        if '"United States"' not in parsed:  # pycountry's ISO data is inside
            raise SystemExit(f"smoke test failed: pwb parse read no country:\n{parsed}")
        started = time.monotonic()
        _run([gui, "--db", db, "--quit-after-first-paint"], env=env)
        print(f"  first paint and exit in {time.monotonic() - started:.2f} s")
    if sys.platform.startswith("linux"):
        check_shared_libraries(folder)
    print("smoke test passed")


def check_shared_libraries(folder: Path) -> None:
    """Every .so in the bundle finds the libraries it links to (an exclusion gone too far)."""
    internal = folder / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}")
    broken = []
    libraries = [p for p in internal.rglob("*.so*") if p.is_file() and not p.is_symlink()]
    for library in libraries:
        done = subprocess.run(["ldd", str(library)], env=env, capture_output=True, text=True)
        missing = [line.split()[0] for line in done.stdout.splitlines() if "not found" in line]
        if missing:
            broken.append(f"{library.relative_to(folder)}: {', '.join(missing)}")
    if broken:
        raise SystemExit("libraries with unresolved links:\n  " + "\n  ".join(broken))
    print(f"  {len(libraries)} shared libraries resolve")


def archive(folder: Path) -> Path:
    platform = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
    base = folder.parent / f"{bundle.BUNDLE_NAME}-{bundle.version()}-{platform}"
    kind = "zip" if sys.platform == "win32" else "gztar"
    return Path(shutil.make_archive(str(base), kind, folder.parent, folder.name))


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python packaging/build.py", description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="start the bundle after building")
    parser.add_argument("--archive", action="store_true", help="pack the folder for download")
    parser.add_argument("--clean", action="store_true", help="discard PyInstaller's cache")
    parser.add_argument(
        "--no-build", action="store_true", help="smoke-test or pack an existing bundle"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    folder = bundle_dir()
    if not args.no_build:
        started = time.monotonic()
        print(f"icons: {', '.join(p.name for p in draw_icons().values())}", flush=True)
        run_pyinstaller(args.clean)
        print(f"built {folder} in {time.monotonic() - started:.0f} s")
    if not executable(folder, bundle.CLI_EXE).is_file():
        raise SystemExit(f"no bundle at {folder}: build it first")
    if args.smoke:
        smoke(folder)
    print(f"folder: {megabytes(folder_size(folder))} ({folder})")
    if args.archive:
        packed = archive(folder)
        print(f"archive: {megabytes(packed.stat().st_size)} ({packed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
