"""The tray path on a real X server: Xvfb with a tray host (and a window manager when one is
installed), the app on Qt's xcb platform, a stand-in browser in another process, the clipboard
set by xclip, focus read back with xdotool and xprop.

Offscreen has no system tray, so these run only where ``$PWB_TEST_XDISPLAY`` names such a
display (``.ci/run`` starts one with ``.ci/xvfb-tray`` when Xvfb, a tray host, xdotool and
xclip are installed); everywhere else they are skipped. To run them by hand::

    d=$(mktemp -d); export PWB_TEST_XDISPLAY=$(.ci/xvfb-tray start $d)
    pytest -q -m xvfb tests/gui/test_tray_xvfb.py; .ci/xvfb-tray stop $d
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import func, select

from app import settings
from app.ledger.entries import reconcile
from app.storage.ledger import connects_balance
from app.storage.models import JobPosting
from app.storage.scores import load_card
from tests.conftest import XVFB_ENV
from tests.test_preview import make_profile
from tests.tile_facts import shared_data_file, shared_tiles, tile_text
from ui.main_window import MainWindow
from ui.tray import tray_available

TOOLS = ("xdotool", "xclip", "xprop", "xwininfo")
pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.clock,  # scoring reads the time
    pytest.mark.skipif(
        not os.environ.get(XVFB_ENV) or any(shutil.which(t) is None for t in TOOLS),
        reason=f"no X display with a tray (${XVFB_ENV}, .ci/xvfb-tray) or no {'/'.join(TOOLS)}",
    ),
]

VERDICTS = ("Apply", "Maybe", "Skip")


def x(*args: str, input: bytes | None = None) -> str:
    """One X tool's output (xdotool, xprop, xwininfo) on the test display."""
    done = subprocess.run(args, input=input, capture_output=True, timeout=10, check=True)
    return done.stdout.decode().strip()


def focused() -> int:
    """The X window that has the keyboard focus."""
    return int(x("xdotool", "getwindowfocus", "-f"))


def active_window() -> int | None:
    """``_NET_ACTIVE_WINDOW`` (the window manager's idea of the active window), if any."""
    line = x("xprop", "-root", "_NET_ACTIVE_WINDOW")
    return int(line.rsplit(" ", 1)[-1], 16) if "window id" in line else None


def viewable(wid: int) -> bool:
    return "IsViewable" in x("xwininfo", "-id", str(wid))


def click(point_x: int, point_y: int, button: int = 1) -> None:
    x("xdotool", "mousemove", "--sync", str(point_x), str(point_y), "click", str(button))


def centre(widget: QWidget) -> tuple[int, int]:
    at = widget.mapToGlobal(widget.rect().center())
    return at.x(), at.y()


BROWSER = """
import sys
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication(sys.argv)
field = QLineEdit()
field.setWindowTitle("Browser stand-in")
field.resize(600, 120)
field.move(40, 40)
field.show()
field.textChanged.connect(lambda text: print("typed", text, flush=True))
print(int(field.winId()), flush=True)
app.exec()
"""


@pytest.fixture
def browser(qtbot) -> Iterator[tuple[int, subprocess.Popen[str]]]:
    """Another X client with a text field, active and focused: the browser the user copies in."""
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    proc = subprocess.Popen(
        [sys.executable, "-c", BROWSER], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert proc.stdout is not None
        wid = int(proc.stdout.readline())
        deadline = time.monotonic() + 10
        while not viewable(wid) and time.monotonic() < deadline:
            time.sleep(0.05)
        x("xdotool", "windowactivate", "--sync", str(wid))
        x("xdotool", "windowfocus", "--sync", str(wid))
        qtbot.waitUntil(lambda: focused() == wid, timeout=5_000)
        yield wid, proc
    finally:
        proc.kill()
        proc.wait(5)
        if proc.stdout is not None:
            proc.stdout.close()


def browser_copies(text: str) -> subprocess.Popen[bytes]:
    """What the browser does on Ctrl+C: another client owns the CLIPBOARD selection."""
    proc = subprocess.Popen(
        ["xclip", "-selection", "clipboard", "-i", "-quiet"], stdin=subprocess.PIPE
    )
    assert proc.stdin is not None
    proc.stdin.write(text.encode())
    proc.stdin.close()
    return proc


def shoot(name: str) -> Path | None:
    """The whole screen (tray, notice, browser) as a PNG where $PWB_XVFB_SHOTS names a folder."""
    folder = os.environ.get("PWB_XVFB_SHOTS")
    screen = QGuiApplication.primaryScreen()
    if not folder or screen is None:
        return None
    Path(folder).mkdir(parents=True, exist_ok=True)
    path = Path(folder) / f"{name}.png"
    screen.grabWindow(0).save(str(path))
    return path


@pytest.fixture
def tray_window(qtbot, window: MainWindow) -> MainWindow:
    qtbot.waitUntil(lambda: window.quick.tray.geometry() is not None, timeout=5_000)
    return window


def test_the_tray_icon_shows_with_the_connects_balance_and_its_menu_works(
    qtbot, tray_window: MainWindow, db, settle
) -> None:
    window = tray_window
    assert QGuiApplication.platformName() == "xcb" and tray_available()
    tray = window.quick.tray
    assert tray.available and tray.icon.isVisible()
    icon_at = tray.geometry()
    assert icon_at is not None
    screen = QGuiApplication.primaryScreen().geometry()
    assert screen.contains(icon_at) and icon_at.width() <= 64
    assert tray.icon.toolTip().endswith("Connects: 0")
    with db.transaction() as session:
        reconcile(session, 137)
        balance = connects_balance(session)
    window.ctx.ledger_changed.emit()
    assert balance == 137 and tray.icon.toolTip().endswith("Connects: 137")

    # the real menu: a right click on the icon in the tray host opens it
    watch = window.quick.clipboard
    assert not watch.enabled
    click(icon_at.center().x(), icon_at.center().y(), button=3)
    qtbot.waitUntil(tray.menu.isVisible, timeout=5_000)
    shoot("tray-menu")
    action = tray.menu.actions()[0]
    assert action is watch.toggle_action
    at = tray.menu.mapToGlobal(tray.menu.actionGeometry(action).center())
    click(at.x(), at.y())
    qtbot.waitUntil(lambda: watch.enabled, timeout=5_000)
    settle()
    assert not tray.menu.isVisible()
    with db.read() as session:
        assert settings.get(session, "capture.clipboard_watch") is True


def test_close_to_tray_hides_the_window_and_open_brings_it_back(
    qtbot, tray_window: MainWindow, db
) -> None:
    window = tray_window
    wid = int(window.winId())
    qtbot.waitUntil(lambda: viewable(wid), timeout=5_000)
    with db.transaction() as session:
        settings.set_value(session, "capture.keep_in_tray", True)
    window.quick.load_settings()
    assert window.quick.keep_in_tray()
    window.close()
    qtbot.waitUntil(lambda: not viewable(wid), timeout=5_000)
    assert not window.isVisible() and window.quick.tray.icon.isVisible()

    tray = window.quick.tray
    icon_at = tray.geometry()
    assert icon_at is not None
    click(icon_at.center().x(), icon_at.center().y(), button=3)
    qtbot.waitUntil(tray.menu.isVisible, timeout=5_000)
    at = tray.menu.mapToGlobal(tray.menu.actionGeometry(tray.open_action).center())
    click(at.x(), at.y())
    qtbot.waitUntil(lambda: viewable(wid), timeout=5_000)
    assert window.isVisible()
    window.quick.keep_in_tray_setting = False  # the fixture's teardown closes it for good


#: postings in the search-tile shape for a clone without ../shared/data (CI may have none):
#: the tray path is then still tested, on text written here rather than by real clients
_WRITTEN_TILES = [
    {
        "title": f"{topic} for our {where}",
        "rate": rate,
        "exp_lvl": "Intermediate",
        "est_time": "1 to 3 months, Less than 30 hrs/week",
        "description": (
            f"We need an experienced developer to build {topic.lower()} for our {where}. "
            "You will work with our small team, join a weekly call and write clean, tested code. "
            "Please describe a similar project you delivered and how long it took."
        ),
        "tags": tags,
        "link": f"https://www.upwork.com/jobs/~01{n:016x}",
    }
    for n, (topic, where, rate, tags) in enumerate(
        [
            ("A Django REST API", "booking platform", "Hourly: $30.00 - $45.00",
             ["Python", "Django", "REST API", "PostgreSQL"]),
            ("A web scraper in Python", "price tracker", "Fixed price - Est. Budget: $600",
             ["Python", "Web Scraping", "Scrapy"]),
            ("A FastAPI backend", "mobile app", "Hourly: $35.00 - $50.00",
             ["Python", "FastAPI", "API Development"]),
        ],
        start=1,
    )
]  # fmt: skip


@pytest.fixture
def copied_tiles() -> list[dict[str, Any]]:
    """What the browser copies: the real postings of ../shared/data where they are beside
    the checkout, else postings written above (so a clean clone still runs these tests)."""
    path = shared_data_file()
    return shared_tiles(path) if path is not None else list(_WRITTEN_TILES)


def test_a_posting_the_browser_copies_shows_a_tool_notice_by_the_tray_without_taking_focus(
    qtbot, tray_window: MainWindow, db, settle, copied_tiles, browser
) -> None:
    window = tray_window
    make_profile(db)
    browser_wid, browser_proc = browser
    window.quick.clipboard.toggle_action.trigger()
    settle()
    window.hide()  # the app sits behind / in the tray; the user is in the browser
    qtbot.waitUntil(lambda: focused() == browser_wid, timeout=5_000)
    notice = window.quick.notice
    assert notice.tray, "with a tray the notice is the frameless tool window"

    tile = copied_tiles[0]
    copier = browser_copies(tile_text(tile))
    try:
        qtbot.waitUntil(notice.isVisible, timeout=10_000)
        nid = int(notice.winId())
        qtbot.waitUntil(lambda: viewable(nid), timeout=5_000)
        qtbot.wait(200)  # time for a window manager to hand it the focus, if it were to
        assert notice.heading.text() == tile["title"]
        assert notice.verdict.text().split(" · ")[0] in VERDICTS
        assert "per Connect" in notice.connects.text()
        shot = shoot("notice-by-tray")
        # the browser keeps the keyboard, and stays the active window
        assert focused() == browser_wid
        if active_window() is not None:
            assert active_window() == browser_wid
        assert QApplication.activeWindow() is None
        # what the window system was told: no input, a frameless tool window
        hints = x("xprop", "-id", str(nid), "WM_HINTS", "_NET_WM_WINDOW_TYPE", "_MOTIF_WM_HINTS")
        assert "accepts input or input focus: False" in hints, hints
        assert "_NET_WM_WINDOW_TYPE_UTILITY" in hints or "_NET_WM_WINDOW_TYPE_TOOL" in hints, hints
        assert "_MOTIF_WM_HINTS" in hints and "not found" not in hints.split("_MOTIF")[1]
        # placed next to the tray icon, above it and on the screen
        icon_at = window.quick.tray.geometry()
        assert icon_at is not None
        placed = QRect(notice.frameGeometry())
        screen = QGuiApplication.primaryScreen().geometry()
        assert screen.contains(placed), (placed, screen)
        assert placed.bottom() < icon_at.top() and icon_at.top() - placed.bottom() <= 40
        gap = max(placed.left() - icon_at.center().x(), icon_at.center().x() - placed.right(), 0)
        assert gap <= 40, (placed, icon_at)

        # a click on Save stores the posting, and the browser still has the keyboard
        click(*centre(notice.save_button))
        qtbot.waitUntil(lambda: not notice.isVisible(), timeout=5_000)
        settle()
        assert focused() == browser_wid
        if active_window() is not None:
            assert active_window() == browser_wid
        with db.read() as session:
            job = session.scalars(select(JobPosting)).one()
            card = load_card(session, job.id)
        assert job.title == tile["title"] and job.source == "clipboard" and card is not None
        # typing goes on in the browser
        x("xdotool", "type", "--window", str(browser_wid), "--delay", "5", "ok")
        assert browser_proc.stdout is not None
        assert browser_proc.stdout.readline().strip().startswith("typed")
    finally:
        copier.kill()
        copier.wait(5)
    assert shot is None or shot.exists()


def test_a_chat_line_copied_in_the_browser_shows_nothing(
    qtbot, tray_window: MainWindow, db, settle, browser
) -> None:
    window = tray_window
    make_profile(db)
    window.quick.clipboard.toggle_action.trigger()
    settle()
    copier = browser_copies("see you at 5, bring the charger please, thanks a lot")
    try:
        qtbot.wait(400)
        text = QApplication.clipboard().text()
        assert text.startswith("see you at 5"), "the copy reached the app"
        assert not window.quick.notice.isVisible()
        with db.read() as session:
            assert session.scalar(select(func.count()).select_from(JobPosting)) == 0
    finally:
        copier.kill()
        copier.wait(5)


def test_text_the_app_itself_puts_on_the_clipboard_is_not_previewed(
    qtbot, tray_window: MainWindow, db, settle, copied_tiles, browser
) -> None:
    """The app owns the X selection after its own copies (a Copy button, Ctrl+C in its editors),
    even while another window is active: no notice; the browser's copy of the same text is
    previewed."""
    window = tray_window
    make_profile(db)
    window.quick.clipboard.toggle_action.trigger()
    settle()
    watch, notice = window.quick.clipboard, window.quick.notice
    text = tile_text(copied_tiles[1])
    QApplication.clipboard().setText(text)
    qtbot.waitUntil(QApplication.clipboard().ownsClipboard, timeout=5_000)
    qtbot.wait(300)
    assert not hasattr(watch, "task") and not notice.isVisible()
    copier = browser_copies(text)
    try:
        qtbot.waitUntil(notice.isVisible, timeout=10_000)
        assert not QApplication.clipboard().ownsClipboard()
        assert notice.state.text() == "New posting"
    finally:
        copier.kill()
        copier.wait(5)


def test_global_keys_save_the_notice_while_the_browser_has_the_focus(
    qtbot, tray_window: MainWindow, db, settle, copied_tiles, browser
) -> None:
    """Opt-in capture.global_keys: Ctrl+Alt+S pressed in the browser (xdotool, through the X
    server) saves the posting the notice shows; Ctrl+Alt+X dismisses; off, the keys do nothing."""
    pytest.importorskip("pynput", reason="the hotkeys extra (pip install -e '.[hotkeys]')")
    window = tray_window
    make_profile(db)
    browser_wid, _proc = browser
    window.quick.clipboard.toggle_action.trigger()
    settle()
    window.hide()
    notice, keys = window.quick.notice, window.quick.global_keys
    tiles = copied_tiles

    def shows(text: str) -> subprocess.Popen[bytes]:
        copier = browser_copies(text)
        qtbot.waitUntil(notice.isVisible, timeout=10_000)
        qtbot.waitUntil(lambda: focused() == browser_wid, timeout=5_000)
        return copier

    def stored() -> int:
        with db.read() as session:
            return session.scalar(select(func.count()).select_from(JobPosting)) or 0

    # off by default: the key in the browser does nothing to the notice
    assert not keys.running
    copier = shows(tile_text(tiles[0]))
    x("xdotool", "key", "--clearmodifiers", "ctrl+alt+s")
    qtbot.wait(300)
    assert notice.isVisible() and stored() == 0
    copier.kill()
    copier.wait(5)
    notice.dismiss_button.click()

    with db.transaction() as session:
        settings.set_value(session, "capture.global_keys", True)
    window.quick.load_settings()
    try:
        assert keys.running, keys.error
        copier = shows(tile_text(tiles[1]))
        x("xdotool", "key", "--clearmodifiers", "ctrl+alt+s")
        qtbot.waitUntil(lambda: not notice.isVisible(), timeout=5_000)
        settle()
        assert stored() == 1 and focused() == browser_wid
        copier.kill()
        copier.wait(5)
        copier = shows(tile_text(tiles[2]))
        x("xdotool", "key", "--clearmodifiers", "ctrl+alt+x")
        qtbot.waitUntil(lambda: not notice.isVisible(), timeout=5_000)
        assert stored() == 1 and focused() == browser_wid
        copier.kill()
        copier.wait(5)
    finally:
        with db.transaction() as session:
            settings.set_value(session, "capture.global_keys", False)
        window.quick.load_settings()
    assert not keys.running
