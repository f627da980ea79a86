from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QLocale, QSettings, QThreadPool, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from ui import i18n, ops
from ui.context import AppContext
from ui.main import create_application
from ui.main_window import MainWindow
from ui.theme import apply_theme


@pytest.fixture(autouse=True)
def _delete_closed_widgets() -> Iterator[None]:
    """After each test, really delete the widgets it closed.

    pytest-qt closes a test's widgets and calls ``deleteLater()``, but deferred
    deletes only run in an event loop, so each test's main window (hundreds of
    widgets) lived on into the following tests, and every stylesheet change then
    re-polished all of them: GUI set-up grew slower test by test.
    """
    yield
    app = QApplication.instance()
    if app is None:
        return
    QThreadPool.globalInstance().waitForDone(10_000)  # results reach live widgets first
    ops.wait_for_writes()
    app.processEvents()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def ctx(qapp, db) -> AppContext:
    create_application()
    apply_theme(qapp, "light")
    return AppContext(db)


@pytest.fixture
def window(qtbot, ctx) -> Iterator[MainWindow]:
    QSettings().clear()
    win = MainWindow(ctx)
    qtbot.add_widget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win


@pytest.fixture
def settle(qtbot):
    """``settle()``: wait until every write the UI started has committed and reported back."""

    def wait(timeout: int = 10_000) -> None:
        qtbot.waitUntil(lambda: ops.running() == 0, timeout=timeout)

    return wait


class BoxAnswers:
    """Clicks named buttons of the message boxes the app opens next (they are modal, so a
    test cannot click them after the call that opened them returns)."""

    def __init__(self) -> None:
        self.pending: list[str] = []
        #: (title, text) of each box answered, in order
        self.asked: list[tuple[str, str]] = []
        self._tries = 0

    def __call__(self, *buttons: str) -> BoxAnswers:
        self.pending.extend(buttons)
        self._tries = 0
        QTimer.singleShot(0, self._poll)
        return self

    def _poll(self) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible() and self.pending:
            label = self.pending.pop(0)
            self.asked.append((box.windowTitle(), box.text()))
            found = [b for b in box.buttons() if b.text().replace("&", "") == label]
            if not found:
                names = [b.text() for b in box.buttons()]
                box.reject()
                raise AssertionError(f"no button {label!r} in {box.text()!r}: {names}")
            found[0].click()
        self._tries += 1
        if self.pending and self._tries < 1000:
            QTimer.singleShot(10, self._poll)


@pytest.fixture
def answer(qtbot) -> BoxAnswers:
    """``answer("Submit anyway", ...)``: the next message boxes get those buttons clicked;
    ``answer.asked`` holds what they said."""
    return BoxAnswers()


class ModalDriver:
    """Runs ``fn(dialog)`` once a modal dialog of a class is showing (its ``exec()`` blocks)."""

    def __init__(self) -> None:
        self.seen: list[object] = []

    def __call__(self, cls: type, fn) -> None:
        tries = [0]

        def poll() -> None:
            widget = QApplication.activeModalWidget()
            if widget is not None and isinstance(widget, cls) and widget.isVisible():
                self.seen.append(widget)
                try:
                    fn(widget)
                except BaseException:
                    if isinstance(widget, QDialog) and widget.isVisible():
                        widget.reject()  # a failed check must not leave exec() waiting
                    raise
                return
            tries[0] += 1
            if tries[0] < 1000:
                QTimer.singleShot(10, poll)

        QTimer.singleShot(0, poll)


@pytest.fixture
def modal(qtbot) -> ModalDriver:
    """``modal(SubmitDialog, lambda dialog: ...)``: drive the next modal dialog of that class."""
    return ModalDriver()


@pytest.fixture
def esperanto(qapp, tmp_path, monkeypatch):
    """Every message translated to "⟦text⟧" (plurals in Esperanto's forms one and other):
    the translation tests' catalogue, built by ``tests.gui.test_translation.pseudo_qm``."""
    from tests.gui.test_translation import pseudo_qm

    qm = pseudo_qm(tmp_path, "eo", ("one", "other"))
    monkeypatch.setattr(i18n, "i18n_dir", lambda: qm.parent)
    before = set(qapp.findChildren(QTranslator))
    assert f"{i18n.CATALOGUE}_eo.qm" in i18n.install_translators(qapp, QLocale("eo"))
    yield
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.deleteLater()
