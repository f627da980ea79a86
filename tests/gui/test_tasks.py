from __future__ import annotations

from ui.tasks import Cancelled, run_task


def test_result_comes_back_on_the_gui_thread(qtbot) -> None:
    def work(progress):
        progress.report(1, 2, "half")
        return 41 + 1

    results: list[int] = []
    task = run_task(work, on_done=results.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert results == [42]


def test_errors_come_back_as_failed(qtbot) -> None:
    def work(progress):
        raise ValueError("bad row 3")

    errors: list[BaseException] = []
    task = run_task(work, on_error=errors.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert isinstance(errors[0], ValueError)


def test_cancel_stops_at_the_next_check(qtbot) -> None:
    import threading

    gate = threading.Event()

    def work(progress):
        gate.wait(5)
        progress.check()
        return "finished anyway"

    done: list[str] = []
    task = run_task(work, on_done=done.append)
    task.cancel()
    gate.set()
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        pass
    assert done == []
    assert Cancelled.__name__ == "Cancelled"


def test_progress_reaches_the_task_in_order(qtbot) -> None:
    def work(progress):
        for n in range(1, 4):
            progress.report(n, 3, f"step {n}")
        return "ok"

    seen: list[tuple[int, int, str]] = []
    task = run_task(work)
    task.progress.connect(lambda done, total, text: seen.append((done, total, text)))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]


def test_many_tasks_whose_handles_nobody_keeps_report_and_go(qtbot) -> None:
    # each task's last reference is dropped as it reports: that once destroyed the task
    # inside its own event, a segfault one run in a few
    from ui import tasks

    results: list[int] = []

    def work(n: int):
        return lambda _progress: n

    for n in range(300):
        run_task(work(n), on_done=results.append)
    qtbot.waitUntil(lambda: len(results) == 300, timeout=20_000)
    assert sorted(results) == list(range(300)) and not tasks._tasks


def test_a_task_whose_parent_is_deleted_while_it_runs_calls_nobody(qtbot) -> None:
    import threading

    from PySide6.QtCore import QObject

    from ui import tasks

    gate = threading.Event()
    parent = QObject()
    done: list[str] = []
    task = run_task(lambda _progress: gate.wait(5) and "late", on_done=done.append, parent=parent)
    del task
    parent.deleteLater()
    qtbot.wait(50)
    gate.set()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(50)
    assert done == [] and not tasks._tasks
