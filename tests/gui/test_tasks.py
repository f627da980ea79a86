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
