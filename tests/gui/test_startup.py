"""Starting the app: bad databases are a message, one window per database, crash path."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import text

from app import ledger
from app.backup import backup_now, list_backups
from app.errors import InputError
from app.storage import open_database
from tests.test_safe_open import overwrite_page
from ui import crash, localized
from ui.dialogs.restore_dialog import DamagedDatabaseBox
from ui.main import lock_database, main, open_for_gui, open_with_recovery


def test_missing_folder_is_a_message_not_a_crash(qapp, monkeypatch, tmp_path: Path) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    assert main(["--db", str(tmp_path / "nope" / "x.db")]) == 2
    assert len(shown) == 1 and "does not exist" in shown[0]


def test_one_window_per_database(qapp, tmp_path: Path) -> None:
    target = str(tmp_path / "w.sqlite3")
    first = lock_database(target)
    assert first is not None
    try:
        assert lock_database(target) is None
    finally:
        first.unlock()
    again = lock_database(target)
    assert again is not None
    again.unlock()


def test_a_refused_second_window_has_written_nothing(
    qapp, tmp_path: Path, monkeypatch, set_clock
) -> None:
    """The lock comes before opening: the second window neither migrates, seeds, backs up
    nor catches up the ledger (here months behind) before it is told to go."""
    set_clock(datetime(2026, 1, 10, tzinfo=UTC))
    path = tmp_path / "w.sqlite3"
    db = open_database(str(path))
    with db.transaction() as session:
        ledger.post_entry(session, "bonus", 5)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    set_clock(datetime(2026, 6, 10, tzinfo=UTC))
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    held = lock_database(str(path))  # the first window
    assert held is not None
    try:
        assert main(["--db", str(path)]) == 1
    finally:
        held.unlock()
    assert len(shown) == 1 and "already open" in shown[0]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not (tmp_path / "backups").exists()


def test_a_damaged_database_at_startup_offers_the_newest_good_backup(
    qapp, tmp_path: Path, set_clock
) -> None:
    set_clock(datetime(2026, 11, 30, 8, tzinfo=UTC))
    path = tmp_path / "w.sqlite3"
    db = open_for_gui(str(path))  # its daily backup is older than the one made below
    with db.transaction() as session:
        for n in range(40):
            ledger.post_entry(session, "bonus", 1, note="x" * 900 + str(n))
    good = backup_now(db, now=datetime(2026, 11, 30, 9, tzinfo=UTC))
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    overwrite_page(path)
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, DamagedDatabaseBox) and box.restore_button is not None
        asked.append(box.text())
        asked.append(box.detailedText())
        box.restore_button.click()

    QTimer.singleShot(0, answer)
    reopened = open_with_recovery(str(path))
    question, details = asked
    assert "damaged, so it was not opened" in question and good.name in question
    assert localized.moment(datetime(2026, 11, 30, 9, tzinfo=UTC)) in question
    assert f"pwb restore {good}" in details
    assert reopened is not None
    try:
        with reopened.read() as session:
            assert ledger.balance(session) == 40
    finally:
        reopened.close()
    assert any(b.path.name.startswith("before-restore-") for b in list_backups(path))


def test_a_damaged_database_without_a_backup_is_a_message(
    qapp, tmp_path: Path, monkeypatch
) -> None:
    path = tmp_path / "w.sqlite3"
    path.write_bytes(b"not a database" * 100)
    closed: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, DamagedDatabaseBox) and box.restore_button is None
        closed.append(box.text())
        box.quit_button.click()

    QTimer.singleShot(0, answer)
    assert open_with_recovery(str(path)) is None
    assert closed and "No backup beside it passed its check" in closed[0]


def test_open_for_gui_makes_the_daily_backup(qapp, tmp_path: Path) -> None:
    db = open_for_gui(str(tmp_path / "w.sqlite3"))
    db.close()
    assert len(list((tmp_path / "backups").glob("auto-*.sqlite3"))) == 1


@pytest.mark.parametrize(
    ("exc", "kind", "needle"),
    [
        (InputError("row 3: no title"), "warning", "row 3: no title"),
        (KeyError("x"), "critical", "log"),
    ],
)
def test_errors_and_bugs_are_shown_differently(qapp, monkeypatch, exc, kind, needle) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(("warning", a[2])))
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(("critical", a[2])))
    crash.show_error(None, "Import", exc)
    assert shown[0][0] == kind and needle in shown[0][1]


def test_quit_after_first_paint_waits_for_the_paint(qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QMainWindow

    from ui import startup

    quits: list[bool] = []
    monkeypatch.setattr(startup.QCoreApplication, "quit", lambda: quits.append(True))
    window = QMainWindow()
    qtbot.add_widget(window)
    watcher = startup.quit_after_first_paint(window)
    qtbot.wait(50)
    assert not quits, "quit before the window was shown"
    window.show()
    qtbot.waitUntil(lambda: bool(quits), timeout=5000)
    assert watcher.painted  # type: ignore[attr-defined]
    window.update()  # later paints do not quit again
    qtbot.wait(50)
    assert quits == [True]


def test_the_app_exits_0_after_its_first_paint(tmp_path: Path) -> None:
    """``proposal-workbench --quit-after-first-paint``, as a benchmark or CI starts it."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / var.lower())
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ui",
            "--db",
            str(tmp_path / "w.sqlite3"),
            "--quit-after-first-paint",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,  # without the option the app would run until this
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "w.sqlite3").is_file()


def _start(tmp_path: Path, *extra: str, **env_vars: str):
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PWB_STARTUP_MARKS="1", **env_vars)
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / var.lower())
    command = [sys.executable, *extra, "-m", "ui", "--db", str(tmp_path / "w.sqlite3")]
    return subprocess.run(
        [*command, "--quit-after-first-paint"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_window_paints_before_the_database_layer_is_imported(tmp_path: Path) -> None:
    """Issue 16: what is imported before the first paint (``python -X importtime``) has
    neither SQLAlchemy, Alembic nor a page; the database is opened after it all the same."""
    done = _start(tmp_path, "-X", "importtime")
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    painted = lines.index("pwb-startup first-paint")
    before = [line.rsplit("|", 1)[-1].strip() for line in lines[:painted] if "|" in line]
    after = [line.rsplit("|", 1)[-1].strip() for line in lines[painted:] if "|" in line]
    assert "PySide6.QtWidgets" in before and "ui.main_window" in before
    heavy = [m for m in before if m.split(".")[0] in ("sqlalchemy", "alembic", "jinja2")]
    assert not heavy, heavy
    assert not [
        m for m in before if m.startswith(("ui.pages.", "app.storage")) or m == "ui.capture"
    ]
    assert "sqlalchemy" in after  # the worker opened the database after the paint
    from app.storage import open_database

    db = open_database(str(tmp_path / "w.sqlite3"), migrate=False)
    try:
        with db.read() as session:  # migrated and seeded, not cut off half-way
            assert session.execute(text("select count(*) from alembic_version")).scalar() == 1
    finally:
        db.close()


# What the start path may import before the window's first paint: the standard library,
# Qt (platformdirs only without --db), and these modules of ours (the window shell).
# Adding a module to
# the start path means adding it here, with the figures of benchmarks/bench_startup.py.
FIRST_PAINT_PACKAGES = {"PySide6", "shiboken6", "shibokensupport", "app", "ui"}
FIRST_PAINT_MODULES = {
    "app", "app.errors", "app.clock", "app.paths", "app.plaintext",
    "ui", "ui.main", "ui.plain", "ui.startup", "ui.crash", "ui.i18n", "ui.icons",
    "ui.localized", "ui.qtime", "ui.capture_actions", "ui.tasks", "ui.theme",
    "ui.main_window", "ui.team", "ui.opening",
}  # fmt: skip
# stdlib modules that are slow to import or belong to what runs after the paint
FIRST_PAINT_STDLIB_BANNED = (
    "logging.config", "logging.handlers", "sqlite3", "json", "email", "http", "xml",
    "concurrent", "asyncio", "multiprocessing", "decimal", "csv", "zoneinfo._tzpath",
)  # fmt: skip


def test_nothing_but_qt_and_the_window_shell_is_imported_before_the_first_paint(
    tmp_path: Path,
) -> None:
    """Issue 16 (i16d): the modules loaded before the first paint, read from
    ``python -X importtime``, are the standard library (without the slow parts listed),
    Qt and the window shell listed in FIRST_PAINT_MODULES: no SQLAlchemy,
    Jinja2, dateutil, pycountry, app.scoring or logging set-up. An import added to the
    start path fails here."""
    import sys

    done = _start(tmp_path, "-X", "importtime")
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    painted = lines.index("pwb-startup first-paint")
    before = [
        line.rsplit("|", 1)[-1].strip()
        for line in lines[:painted]
        if line.startswith("import time:") and not line.endswith("imported package")
    ]
    assert "PySide6.QtWidgets" in before and "ui.main_window" in before
    stdlib = set(sys.stdlib_module_names) | {"org", "_distutils_hack", "sitecustomize"}
    foreign = [
        m
        for m in before
        if m.split(".")[0] not in stdlib | FIRST_PAINT_PACKAGES and not m.startswith("__editable__")
    ]
    assert not foreign, f"imported before the first paint: {foreign}"
    ours = [m for m in before if m.split(".")[0] in ("app", "ui") and m not in FIRST_PAINT_MODULES]
    assert not ours, f"modules of ours imported before the first paint: {ours}"
    slow = [m for m in before if m.startswith(FIRST_PAINT_STDLIB_BANNED)]
    assert not slow, f"imported before the first paint: {slow}"
    qt = [m for m in before if m.startswith("PySide6.") and not m.startswith("PySide6.support")]
    assert set(qt) <= {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg"}, qt


def test_ready_comes_after_the_first_paint_with_the_page_built(tmp_path: Path) -> None:
    done = _start(tmp_path, PWB_STARTUP_QUIT="ready")
    assert done.returncode == 0, done.stderr
    marks = [line for line in done.stderr.splitlines() if line.startswith("pwb-startup")]
    assert marks == ["pwb-startup first-paint", "pwb-startup ready"]


def test_the_window_without_its_database_yet(qtbot, ctx) -> None:
    """What paints first: the frame, "Opening the database…", nothing that needs it
    enabled; attached, it shows the page it opens on and enables the rest."""
    from PySide6.QtCore import QSettings

    from ui.main_window import PAGE_CLASSES, PAGES, MainWindow

    QSettings().clear()
    window = MainWindow(None)
    qtbot.add_widget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.db_label.text() == "Opening the database…"
    assert not window.attached and not window.paste_action.isEnabled()
    assert not window.backup_action.isEnabled() and window.quit_action.isEnabled()
    assert [window.nav.item(row).text() for row in range(window.nav.count())] == [
        title for title, *_ in PAGES
    ]
    window.nav.setCurrentRow(2)  # a click before the database is there: remembered
    window.attach(ctx)
    assert window.attached and window.paste_action.isEnabled()
    assert window.db_label.text() == f"Database: {ctx.db.location}"
    built = [cls for cls in PAGE_CLASSES if window.is_built(cls)]
    assert built == [PAGE_CLASSES[2]] and window.current_page() is window.page(PAGE_CLASSES[2])


def test_the_navigation_table_names_the_page_classes() -> None:
    from ui.main_window import PAGE_CLASSES, PAGES

    assert [(cls.title, cls.icon_name) for cls in PAGE_CLASSES] == [
        (title, icon_name) for title, icon_name, *_ in PAGES
    ]
