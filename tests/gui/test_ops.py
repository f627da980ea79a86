"""ui.ops.CollectionOp: off the GUI thread, one transaction, the news, errors as messages."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from app import settings
from app.errors import InputError
from app.storage.models import LedgerEntry
from ui import ops
from ui.ops import Change, CollectionOp


@pytest.fixture
def host(qtbot, ctx) -> QWidget:
    widget = QWidget()
    widget.ctx = ctx  # type: ignore[attr-defined]  # as every page and dialog has
    qtbot.add_widget(widget)
    return widget


def balance(ctx) -> int:
    with ctx.db.read() as session:
        return sum(e.amount for e in session.query(LedgerEntry))


def test_an_op_writes_off_the_gui_thread_commits_then_announces(qtbot, ctx, host, settle) -> None:
    threads: list[int] = []

    def write(session) -> int:
        threads.append(threading.get_ident())
        session.add(LedgerEntry(kind="bonus", amount=5))
        session.flush()
        return 5

    seen: list[tuple[str, int]] = []
    ctx.ledger_changed.connect(lambda: seen.append(("ledger", balance(ctx))))
    with qtbot.assert_not_emitted(ctx.jobs_changed):
        op = CollectionOp(host, write, Change.LEDGER).success(lambda n: seen.append(("done", n)))
        op.run()
        settle()
    assert threads and threads[0] != threading.get_ident()
    # announced once it had committed (the page that refreshes reads the new balance),
    # then the success handler
    assert seen == [("ledger", 5), ("done", 5)]
    assert op.done and op.result == 5


def test_a_refused_write_stores_nothing_and_is_a_message(qtbot, ctx, host, settle) -> None:
    def write(session) -> None:
        session.add(LedgerEntry(kind="bonus", amount=5))
        session.flush()
        raise InputError("that is not allowed")

    refused: list[str] = []
    with qtbot.assert_not_emitted(ctx.ledger_changed):
        CollectionOp(host, write, Change.LEDGER).failure(lambda e: refused.append(e.message)).run()
        settle()
    assert refused == ["that is not allowed"]
    assert balance(ctx) == 0  # rolled back


def test_without_a_handler_an_error_is_shown_and_a_bug_takes_the_crash_path(
    qtbot, ctx, host, settle, monkeypatch
) -> None:
    shown: list[tuple[str, str, str]] = []
    for kind in ("warning", "critical"):
        monkeypatch.setattr(
            QMessageBox, kind, staticmethod(lambda p, t, x, *a, _k=kind: shown.append((_k, t, x)))
        )

    def refuse(session) -> None:
        settings.set_value(session, "backup.keep", 0)

    def bug(session) -> None:
        raise ZeroDivisionError("oops")

    CollectionOp(host, refuse, title="Backups").run()
    CollectionOp(host, bug, title="Backups").run()
    settle()
    assert [(k, t) for k, t, _ in shown] == [("warning", "Backups"), ("critical", "Backups")]
    assert "between 1 and 365" in shown[0][2]
    assert "ZeroDivisionError" in shown[1][2] and "log" in shown[1][2]


def test_writes_run_one_at_a_time_in_the_order_they_were_started(ctx, host, settle) -> None:
    order: list[int] = []
    active = threading.Event()

    def write(n: int):
        def run(session) -> None:
            assert not active.is_set(), "two writes at once"
            active.set()
            order.append(n)
            session.add(LedgerEntry(kind="bonus", amount=1))
            active.clear()

        return run

    for n in range(5):
        CollectionOp(host, write(n), Change.LEDGER).run()
    assert ops.running() == 5
    settle()
    assert order == [0, 1, 2, 3, 4] and balance(ctx) == 5


def test_many_ops_nobody_keeps_report_back_and_go(qtbot, ctx, host, settle) -> None:
    # each op drops its last reference as it reports: that once destroyed the op inside
    # its own event, a segfault about one run in seven of this file
    done: list[int] = []

    def write(session) -> None:
        session.add(LedgerEntry(kind="bonus", amount=1))

    for _ in range(300):
        CollectionOp(host, write, Change.LEDGER).success(lambda _r: done.append(1)).run()
    settle(30_000)
    assert len(done) == 300 and balance(ctx) == 300 and ops.running() == 0


def test_a_dialog_closed_before_its_write_reports_gets_no_callback(qtbot, ctx, settle) -> None:
    dialog = QWidget()
    dialog.ctx = ctx  # type: ignore[attr-defined]
    called: list[int] = []
    gate = threading.Event()

    def write(session) -> int:
        gate.wait(5)
        session.add(LedgerEntry(kind="bonus", amount=2))
        return 2

    with qtbot.wait_signal(ctx.ledger_changed):  # the pages still hear of it
        CollectionOp(dialog, write, Change.LEDGER).success(called.append).run()
        dialog.deleteLater()
        qtbot.wait(50)
        gate.set()
    settle()
    assert called == [] and balance(ctx) == 2
