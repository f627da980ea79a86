"""The Profile page: who you are, what you want, which red-flag rules apply.

Saving stores the profile and rescores every posting for it in the background
(with progress and Cancel); the window stays responsive. Switching profiles
makes the chosen one active and rescores what is out of date for it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import plaintext
from app.errors import ConflictError, WorkbenchError
from app.profiles import (
    active_profile,
    default_profile,
    delete_profile,
    import_profile,
    list_profiles,
    profile_to_toml,
    save_profile,
    spec_of,
    use_profile,
)
from app.scoring.rules import RuleSet, load_rules
from app.scoring.service import profile_cards_to_rescore, rescore_all
from ui import a11y, localized, plain
from ui.context import AppContext
from ui.dialogs.conflict import ask_reload_or_overwrite
from ui.i18n import QT_TRANSLATE_NOOP
from ui.ops import Change, CollectionOp, announce
from ui.pages.base import Page
from ui.pages.profile_form import ProfileForm
from ui.tasks import Progress, Task, run_task
from ui.widgets.empty_state import EmptyState


class ProfilePage(Page):
    title = QT_TRANSLATE_NOOP("Page", "Profile")
    icon_name = "profile"
    loads_when_built = True  # reads its data in __init__

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.task: Task | None = None
        #: the last write this page started
        self.op: CollectionOp[Any] | None = None
        self._rescore_again = False
        self._stop_requested = False
        self._loaded: str | None = None
        #: the version of the profile in the form, as loaded (a save over a newer one is refused)
        self._loaded_version: int | None = None
        #: the last "changed by NAME at TIME" box (tests answer it)
        self.conflict_box: QMessageBox | None = None
        self.set_empty_state(
            EmptyState(
                "profile",
                self.tr("Tell the workbench who you are"),
                self.tr(
                    "A profile holds your skills, your minimum rates and the clients you want. "
                    "Postings are scored against it, so set it up first."
                ),
                "Create a profile…",
            )
        )
        self.empty_state.action_triggered.connect(self.run_first_run)
        self._build_header()
        self._build_content()
        ctx.profiles_changed.connect(self.refresh)
        app = QApplication.instance()
        if app is not None:  # stop at the next batch; the next start picks up the rest
            app.aboutToQuit.connect(self.cancel_rescore)
        self.refresh()

    # -- construction ------------------------------------------------------------------

    def _build_header(self) -> None:
        self.switcher = QComboBox(minimumContentsLength=16)
        self.switcher.setToolTip(self.tr("The active profile: postings are scored for it"))
        self.switcher.activated.connect(self._switch_to)
        self.new_button = QPushButton(self.tr("New…"))
        self.new_button.clicked.connect(self.new_profile)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.clicked.connect(self.import_file)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.export_file)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_current)
        switcher_label = QLabel(self.tr("Profile:"))
        a11y.name(self.switcher, self.tr("Active profile"), label=switcher_label)
        self.header.addWidget(switcher_label)
        for widget in (
            self.switcher,
            self.new_button,
            self.import_button,
            self.export_button,
            self.delete_button,
        ):
            self.header.addWidget(widget)

    def _build_content(self) -> None:
        self.form = ProfileForm()
        self.form.edited.connect(self._mark_edited)
        self.save_button = QPushButton(self.tr("Save and rescore"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.clicked.connect(self._reload)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_rescore)
        self.cancel_button.hide()
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.problems = QLabel()
        self.problems.setObjectName("muted")
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.save_button)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.status, 1)
        content = QWidget()
        col = QVBoxLayout(content)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.form, 1)
        col.addWidget(self.problems)
        col.addLayout(bar)
        self.set_content(content)

    # -- showing -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the profile list; rescore when the active profile's cards are out of date."""
        with self.ctx.db.read() as session:
            rows = list_profiles(session)
            active = active_profile(session)
            names = [r.name for r in rows]
            active_name = active.name if active else None
        self.show_empty(not names)
        for widget in (self.switcher, self.export_button, self.delete_button):
            widget.setEnabled(bool(names))
        self.switcher.clear()
        for name in names:  # shown clean; the stored name is the item's data
            self.switcher.addItem(plaintext.inline(name), name)
        if active_name is None:
            return
        self.switcher.setCurrentIndex(names.index(active_name))
        if self._loaded != active_name or not self.save_button.isEnabled():
            self._reload()
        if not self.rescoring:
            # counting stale cards reads every posting: the task does it, off the GUI thread
            self.start_rescore(active_name, if_stale=True)

    @Slot()
    def _reload(self) -> None:
        """Show the active profile as stored."""
        try:
            rules = load_rules()
            problems = list(rules.problems)
        except WorkbenchError as exc:  # the whole rule file is unreadable
            rules, problems = RuleSet(()), [str(exc)]
        with self.ctx.db.read() as session:
            row = active_profile(session)
            if row is None:
                return
            spec = spec_of(row)
            version = row.version
        self.form.load(spec, list(rules.rules))
        self._loaded = spec.name
        self._loaded_version = version
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        self.save_button.setEnabled(False)
        self.revert_button.setEnabled(False)

    @Slot()
    def _mark_edited(self) -> None:
        self.save_button.setEnabled(True)
        self.revert_button.setEnabled(True)

    # -- actions -----------------------------------------------------------------------

    @Slot()
    def save(self, *, over: int | None = None) -> None:
        """Store the form; the refresh that follows starts the rescore.

        A profile someone else saved since it was loaded is not overwritten: a box says
        who and when, with Reload and Overwrite (``over``: the version to save over).
        """
        spec, replace = self.form.spec(), self._loaded
        expected = over if over is not None else self._loaded_version

        def write(session: Session) -> None:
            save_profile(session, spec, replace=replace, expected_version=expected)
            use_profile(session, spec.name)

        def saved(_: None) -> None:
            self.ctx.message.emit(self.tr("Profile {name} saved").format(name=repr(spec.name)))

        # the refresh that PROFILES announces reloads the form and starts the rescore
        self._loaded = spec.name
        self.save_button.setEnabled(False)
        self.revert_button.setEnabled(False)

        def refused(exc: WorkbenchError) -> None:
            self._loaded = replace
            self._mark_edited()
            if isinstance(exc, ConflictError):
                self.conflict_box = ask_reload_or_overwrite(
                    self,
                    self.tr("Profile changed"),
                    str(exc),
                    exc,
                    reload=self._reload,
                    overwrite=lambda version: self.save(over=version),
                )
                return
            QMessageBox.warning(self, self.tr("Profile"), plain.message(str(exc)))

        self._write(write, self.tr("Profile")).success(saved).failure(refused).run()

    def _write(self, fn: Callable[[Session], object], title: str) -> CollectionOp[Any]:
        self.op = CollectionOp(self, fn, Change.PROFILES | Change.JOBS, title=title)
        return self.op

    @Slot(int)
    def _switch_to(self, row: int) -> None:
        name = self.switcher.itemData(row)
        if not name or name == self._loaded:
            return
        if self.save_button.isEnabled() and not self._confirm("Discard the unsaved changes?"):
            self.switcher.setCurrentIndex(self.switcher.findData(self._loaded or ""))
            return
        self.save_button.setEnabled(False)
        self._write(lambda session: use_profile(session, name), self.tr("Profile")).run()

    @Slot()
    def new_profile(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("New profile"), self.tr("Name of the new profile:")
        )
        if ok and name.strip():
            self.create_profile(name.strip())

    def create_profile(self, name: str) -> None:
        def write(session: Session) -> None:
            save_profile(session, default_profile(name))
            use_profile(session, name)

        self._write(write, self.tr("Profile")).run()

    @Slot()
    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import profile"), "", self.tr("TOML files (*.toml)")
        )
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        """Add or replace a profile from a TOML file and make it active."""
        try:
            text = path.read_text(encoding="utf-8")
            known = load_rules().ids
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Import profile"),
                plain.message(
                    self.tr("Cannot read {path}: {error}").format(path=path, error=exc.strerror)
                ),
            )
            return
        except WorkbenchError as exc:
            QMessageBox.warning(self, self.tr("Import profile"), plain.message(str(exc)))
            return

        def write(session: Session) -> None:
            row = import_profile(session, text, path.name, known_rules=known)
            use_profile(session, row.name)

        self._loaded = None
        self._write(write, self.tr("Import profile")).run()

    @Slot()
    def export_file(self) -> None:
        name = self._loaded or "profile"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export profile"), name + ".toml", self.tr("TOML files (*.toml)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the stored active profile to a TOML file."""
        with self.ctx.db.read() as session:
            row = active_profile(session)
            if row is None:
                return
            text = profile_to_toml(spec_of(row))
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Export profile"),
                plain.message(
                    self.tr("Cannot write {path}: {error}").format(path=path, error=exc.strerror)
                ),
            )
            return
        self.ctx.message.emit(self.tr("Profile exported to {path}").format(path=path))

    @Slot()
    def delete_current(self) -> None:
        question = self.tr("Delete the profile {name}?").format(name=repr(self._loaded))
        if not self._loaded or not self._confirm(question):
            return
        name, self._loaded = self._loaded, None
        self._write(lambda session: delete_profile(session, name), self.tr("Profile")).run()

    @Slot()
    def run_first_run(self) -> None:
        from ui.dialogs.first_run import FirstRunDialog

        FirstRunDialog(self.ctx, self).open()

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Profile"), question)
        return answer == QMessageBox.StandardButton.Yes

    # -- rescoring in the background ------------------------------------------------------

    @property
    def rescoring(self) -> bool:
        return self.task is not None and self.task.running

    def start_rescore(self, name: str | None = None, *, if_stale: bool = False) -> None:
        """Rescore every posting for the profile ``name`` off the GUI thread.

        With ``if_stale`` the task first counts the cards that are missing or out
        of date and rescores only if there are any; the progress shows once it does.
        """
        if self.rescoring:
            assert self.task is not None
            self._rescore_again = True  # the profile changed again: start over when done
            self._stop_requested = True
            self.task.cancel()
            if self.progress.isHidden():  # it was only checking for stale cards
                self._show_rescoring()
            return
        self._stop_requested = False
        db = self.ctx.db

        def work(progress: Progress) -> int | None:
            if if_stale and not profile_cards_to_rescore(db, name):
                return None  # every card is current
            return rescore_all(
                db,
                name,
                progress=lambda done, total: progress.report(done, total, "Rescoring"),
                should_stop=lambda: progress.cancelled,
            )

        if not if_stale:
            self._show_rescoring()
        self.task = run_task(
            work, on_done=self._rescored, on_error=self._rescore_failed, parent=self
        )
        self.task.progress.connect(self._on_progress)

    def _show_rescoring(self) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.status.setText(self.tr("Rescoring postings…"))

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, _text: str) -> None:
        if self.progress.isHidden():
            self._show_rescoring()
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(
            self.tr("Rescoring %v of {total}").format(total=localized.number(total))
        )

    @Slot()
    def cancel_rescore(self) -> None:
        if self.task is not None:
            self._rescore_again = False
            self._stop_requested = True
            self.task.cancel()

    def _finish_rescore(self, changed: bool = True) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        if changed:
            announce(self.ctx, Change.JOBS)  # the background rescore wrote new cards
        if self._rescore_again:
            self._rescore_again = False
            self.task = None
            self.start_rescore(self._loaded)

    def _rescored(self, written: object) -> None:
        if written is None and (self._rescore_again or not self._stop_requested):
            self._finish_rescore(changed=False)  # only checked (all current): nothing to say
            return
        written = written or 0
        stopped = self._stop_requested
        count = localized.number(int(written))  # type: ignore[call-overload]
        if stopped:
            text = self.tr("Rescore stopped after {count} postings").format(count=count)
        else:
            text = self.tr("Rescored {count} postings").format(count=count)
        self.status.setText(text)
        self.ctx.message.emit(self.status.text())
        self._finish_rescore()

    def _rescore_failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Rescore failed: {error}").format(error=exc))
        self._finish_rescore()
