from __future__ import annotations

from PySide6.QtCore import Qt

from app.bootstrap import seed_defaults
from app.replies import get_reply
from app.storage.models import JobPosting
from ui.models.replies import RepliesModel
from ui.pages.replies import RepliesPage


def make_page(qtbot, ctx) -> RepliesPage:
    seed_defaults(ctx.db)
    with ctx.db.transaction() as s:
        s.add(JobPosting(dedup_key="k", title="Guesty calendar sync", skills=["Python"]))
    page = RepliesPage(ctx)
    qtbot.add_widget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_model_passes_the_tester(qtmodeltester, ctx) -> None:
    seed_defaults(ctx.db)
    from app.replies import list_replies

    model = RepliesModel()
    with ctx.db.read() as s:
        model.set_replies(list_replies(s))
    assert model.rowCount() >= 6
    qtmodeltester.check(model)


def test_typing_updates_the_preview_and_saves(qtbot, ctx, settle) -> None:
    page = make_page(qtbot, ctx)
    page.select_row(page.model.row_of("intro/short"))
    page.posting_combo.setCurrentIndex(page.posting_combo.findData(1))
    page.editor.selectAll()
    qtbot.keyClicks(page.editor, "Hello {{ client.name }}, about {{ job.title }}!")
    qtbot.waitUntil(
        lambda: page.preview.toPlainText() == "Hello [client.name], about Guesty calendar sync!",
        timeout=3000,
    )
    assert "client.name" in page.fill_ins_label.text()
    assert page.save_button.isEnabled()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle()
    with ctx.db.read() as s:
        assert get_reply(s, "intro/short").body == "Hello {{ client.name }}, about {{ job.title }}!"
    assert not page.save_button.isEnabled()


def test_a_template_error_marks_its_line_and_is_not_saved(qtbot, ctx) -> None:
    page = make_page(qtbot, ctx)
    page.select_row(page.model.row_of("closing/call"))
    page.editor.selectAll()
    qtbot.keyClicks(page.editor, "fine")
    qtbot.keyClick(page.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(page.editor, "{{ ''.__class__ }}")
    qtbot.waitUntil(lambda: page.editor.error_line == 2, timeout=3000)
    assert "not allowed in a saved reply" in page.problem_label.text()
    page.editor.selectAll()
    qtbot.keyClicks(page.editor, "{% for x in %}")
    assert page.save_current() is False
    assert page.problem_label.text().startswith("Not saved: line 1: syntax error")
    with ctx.db.read() as s:
        assert "{% for x in %}" not in get_reply(s, "closing/call").body


def test_new_reply_and_variables_insert(qtbot, ctx, settle) -> None:
    page = make_page(qtbot, ctx)
    page.create_reply("proposal/mine")
    settle()
    assert page.current_name == "proposal/mine"
    assert page.model.row_of("proposal/mine") >= 0
    page.editor.selectAll()
    page.editor.textCursor().removeSelectedText()
    page.variables.doubleClicked.emit(page.variables.model().index(0, 0))
    assert page.editor.toPlainText() == "{{ job.title }}"


def test_unsaved_edits_survive_a_refresh(qtbot, ctx) -> None:
    page = make_page(qtbot, ctx)
    page.select_row(page.model.row_of("portfolio/links"))
    page.editor.selectAll()
    qtbot.keyClicks(page.editor, "work in progress")
    page.refresh()  # what the main window does when the page is shown again
    assert page.current_name == "portfolio/links"
    assert page.editor.toPlainText() == "work in progress"
    assert page.save_button.isEnabled()


def test_delete_after_confirmation(qtbot, ctx, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.replies import find_reply

    page = make_page(qtbot, ctx)
    page.select_row(page.model.row_of("portfolio/links"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(ctx.replies_changed):
        qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.model.row_of("portfolio/links") == -1
    assert page.current_name is not None and page.current_name != "portfolio/links"
    with ctx.db.read() as s:
        assert find_reply(s, "portfolio/links") is None
