from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDialogButtonBox,
    QLineEdit,
)
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.profiles import active_profile, default_profile, profile_to_toml, save_profile, spec_of
from app.storage.models import JobPosting, Profile, ScoreCard
from app.storage.postings import apply_facts
from tests.test_rules import posting
from ui.dialogs.first_run import FirstRunDialog, needs_first_run
from ui.pages.profile import ProfilePage
from ui.pages.profile_models import RulesModel


def active(session: Session) -> Profile:
    profile = active_profile(session)
    assert profile is not None
    return profile


def add_jobs(db, count: int = 5) -> None:
    with db.transaction() as session:
        for i in range(count):
            facts = posting(f"Job {i}.", url=f"https://www.upwork.com/jobs/x_~01{i:016x}")
            session.add(apply_facts(JobPosting(), facts))


def page_of(window) -> ProfilePage:
    window.nav.setCurrentRow(5)
    page = window.current_page()
    assert isinstance(page, ProfilePage)
    return page


def wait_rescored(qtbot, page: ProfilePage) -> None:
    qtbot.waitUntil(lambda: not page.rescoring, timeout=10_000)


def card_count(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(ScoreCard)) or 0


def test_first_run_wizard_creates_the_profile_and_scores(qtbot, ctx, window, db, settle) -> None:
    add_jobs(db)
    page = page_of(window)
    assert needs_first_run(ctx) and page.stack.currentWidget() is page.empty_state
    dialog = FirstRunDialog(ctx, window)
    qtbot.add_widget(dialog)
    qtbot.keyClicks(dialog.title_edit, "Shopify developer")
    qtbot.keyClicks(dialog.skills, "Shopify, CSS")
    dialog.rate.setValue(35)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()
    assert not needs_first_run(ctx)
    assert page.stack.currentWidget() is page.content
    assert page.form.title_edit.text() == "Shopify developer"
    assert [s.name for s in page.form.skills.skills] == ["Shopify", "CSS"]
    wait_rescored(qtbot, page)
    assert card_count(db) == 5
    assert page.status.text() == "Rescored 5 postings"


def test_edit_save_rescores_in_background(qtbot, window, db, settle) -> None:
    add_jobs(db)
    with db.transaction() as session:
        save_profile(session, default_profile("Me", skills=["Shopify"], hourly_rate=30.0))
    page = page_of(window)
    page.refresh()
    wait_rescored(qtbot, page)
    with db.read() as session:
        before = session.scalar(select(func.max(ScoreCard.total)))
    assert not page.save_button.isEnabled()
    page.form.setCurrentIndex(1)
    qtbot.keyClicks(page.form.new_skill, "Liquid")
    qtbot.keyClick(page.form.new_skill, Qt.Key.Key_Return)
    qtbot.keyClicks(page.form.new_skill, "CSS")
    qtbot.mouseClick(page.form.add_button, Qt.MouseButton.LeftButton)
    page.form.hourly.setValue(45)
    assert page.save_button.isEnabled()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle()  # the save commits off the GUI thread; the rescore follows in the background
    assert page.rescoring or card_count(db) == 5
    QApplication.processEvents()  # the window keeps painting while the rescore runs
    wait_rescored(qtbot, page)
    with db.read() as session:
        spec = spec_of(active(session))
        after = session.scalar(select(func.max(ScoreCard.total)))
    assert [s.name for s in spec.skills] == ["Shopify", "Liquid", "CSS"]
    assert spec.min_hourly_rate == 45.0
    assert after != before  # more skills matched, higher bar on the rate


def test_rules_switch_and_weight_are_stored(qtbot, window, db, qtmodeltester, settle) -> None:
    with db.transaction() as session:
        save_profile(session, default_profile("Me", skills=["Shopify"]))
    page = page_of(window)
    page.refresh()
    model = page.form.rules
    qtmodeltester.check(model)
    qtmodeltester.check(page.form.skills)
    page.form.setCurrentIndex(3)
    view = page.form.rules_view
    row = next(r for r, rule in enumerate(model.rules) if rule.id == "stale-post")
    box = view.visualRect(model.index(row, RulesModel.ON))
    click_at = QPoint(box.left() + 10, box.center().y())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=click_at)
    assert model.index(row, RulesModel.ON).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Unchecked
    )
    other = next(r for r, rule in enumerate(model.rules) if rule.id == "low-client-rating")
    cell = model.index(other, RulesModel.WEIGHT)
    view.setCurrentIndex(cell)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, (QLineEdit, QAbstractSpinBox)), editor

    editor.selectAll()
    qtbot.keyClicks(editor, "2.5")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert model.index(other, RulesModel.POINTS).data() == "−30"
    assert not model.setData(model.index(other, RulesModel.WEIGHT), "heavy")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle()
    wait_rescored(qtbot, page)
    with db.read() as session:
        overrides = active(session).rule_overrides
    assert overrides == {
        "stale-post": {"enabled": False, "weight": 1.0},
        "low-client-rating": {"enabled": True, "weight": 2.5},
    }


def test_switcher_import_and_export(qtbot, window, db, tmp_path: Path, settle) -> None:
    with db.transaction() as session:
        save_profile(session, default_profile("A", skills=["Shopify"]))
    page = page_of(window)
    page.refresh()
    other = default_profile("B", "Data person", ["Python"], 60.0)
    file = tmp_path / "b.toml"
    file.write_text(profile_to_toml(other), encoding="utf-8")
    page.import_from(file)
    settle()
    assert [page.switcher.itemText(i) for i in range(page.switcher.count())] == ["A", "B"]
    assert page.switcher.currentText() == "B" and page.form.title_edit.text() == "Data person"
    page.switcher.activated.emit(0)
    settle()
    assert page.switcher.currentText() == "A" and page.form.name.text() == "A"
    out = tmp_path / "a.toml"
    page.export_to(out)
    assert 'name = "A"' in out.read_text(encoding="utf-8")
    wait_rescored(qtbot, page)


def test_bad_import_shows_message_and_changes_nothing(
    qtbot, window, db, tmp_path: Path, answer, settle
) -> None:
    with db.transaction() as session:
        save_profile(session, default_profile("A", skills=["Shopify"]))
    page = page_of(window)
    page.refresh()
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "A"\nmin_hourly_rate = "lots"\n', encoding="utf-8")
    answer("OK")
    page.import_from(bad)
    settle()
    qtbot.waitUntil(lambda: bool(answer.asked))
    assert "line 2 key 'min_hourly_rate' must be a number" in answer.asked[0][1]
    with db.read() as session:
        assert active(session).min_hourly_rate == 25.0
    wait_rescored(qtbot, page)


def test_rule_file_problems_are_shown(qtbot, window, db, monkeypatch) -> None:
    from app.scoring import rules as rules_module

    text = (
        '[[rule]]\nid = "bad"\nseverity = "warning"\ntitle = "Bad"\npoints = 5\n'
        "patterns = ['(unclosed']\n"
    )
    monkeypatch.setattr(
        "ui.pages.profile.load_rules", lambda: rules_module.parse_rules(text, "mine.toml")
    )
    with db.transaction() as session:
        save_profile(session, default_profile("Me", skills=["Shopify"]))
    page = page_of(window)
    page.refresh()
    assert "rule 'bad' skipped: invalid pattern" in page.problems.text()
    assert page.problems.isVisibleTo(page) and page.form.rules.rowCount() == 0
    wait_rescored(qtbot, page)


def test_rescore_runs_in_background_with_progress_and_cancel(
    qtbot, window, db, monkeypatch
) -> None:
    import threading
    import time

    gui_thread = threading.get_ident()
    seen_threads: list[int] = []

    def slow_rescore(db_, name, *, progress, should_stop):
        seen_threads.append(threading.get_ident())
        done = 0
        while done < 100 and not should_stop():
            time.sleep(0.02)
            done += 10
            progress(done, 100)
        return done

    monkeypatch.setattr("ui.pages.profile.rescore_all", slow_rescore)
    with db.transaction() as session:
        save_profile(session, default_profile("Me", skills=["Shopify"]))
    page = page_of(window)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    page.start_rescore("Me")
    assert page.rescoring and page.cancel_button.isVisibleTo(page)
    qtbot.waitUntil(lambda: page.progress.value() >= 20, timeout=5000)
    assert "Rescoring" in page.progress.text()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    wait_rescored(qtbot, page)
    timer.stop()
    assert seen_threads and seen_threads[0] != gui_thread
    assert len(ticks) >= 3  # the window kept handling events while the rescore ran
    assert page.status.text().startswith("Rescore stopped after")
    assert not page.progress.isVisibleTo(page)


def test_refresh_counts_stale_cards_off_the_gui_thread(qtbot, ctx, window, db, monkeypatch) -> None:
    import threading

    from app.scoring import service as scores

    counted_on: list[int] = []

    def counting(db_, name=None):
        counted_on.append(threading.get_ident())
        return scores.profile_cards_to_rescore(db_, name)

    monkeypatch.setattr("ui.pages.profile.profile_cards_to_rescore", counting)
    add_jobs(db)
    with db.transaction() as session:
        save_profile(session, default_profile("Me", skills=["Shopify"]))
    page = page_of(window)
    page.refresh()
    wait_rescored(qtbot, page)
    assert card_count(db) == 5  # the stale cards were found and rescored
    assert page.status.text() == "Rescored 5 postings"
    assert counted_on and threading.get_ident() not in counted_on
    changed: list[int] = []
    ctx.jobs_changed.connect(lambda: changed.append(1))
    page.status.setText("")
    page.refresh()  # all current now: the check finds nothing and says nothing
    wait_rescored(qtbot, page)
    assert len(counted_on) >= 2
    assert page.status.text() == "" and not page.progress.isVisibleTo(page)
    assert changed == []


def test_the_not_doing_list_is_typed_stored_and_shown_again(qtbot, window, db, settle) -> None:
    with db.transaction() as session:
        save_profile(session, default_profile("Me", skills=["Django"], hourly_rate=35.0))
    page = page_of(window)
    page.refresh()
    wait_rescored(qtbot, page)
    page.form.setCurrentIndex(1)
    assert page.form.not_doing.isVisible()
    qtbot.keyClicks(page.form.not_doing, "WordPress, logo design")
    assert page.save_button.isEnabled()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle()
    wait_rescored(qtbot, page)
    with db.read() as session:
        assert spec_of(active(session)).not_doing == ["WordPress", "logo design"]
    page.refresh()
    assert page.form.not_doing.text() == "WordPress, logo design"
