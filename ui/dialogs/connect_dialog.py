"""File → Connect to team server…: host, port, database, user, and a password kept in
the system keyring (never in the settings file). The logic is :mod:`app.connection`."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.connection import (
    DEFAULT_PORT,
    KeyringUnavailableError,
    ServerSettings,
    check_connection,
    check_settings,
    server_url,
    settings_of,
    store_password,
    stored_password,
)
from app.errors import InputError
from ui.tasks import Task, run_task
from ui.team import SERVER_KEY


def saved_server() -> ServerSettings | None:
    """The team server chosen in this dialog, if any."""
    value = QSettings().value(SERVER_KEY, "")
    return settings_of(str(value)) if value else None


def forget_server() -> None:
    QSettings().remove(SERVER_KEY)


class ConnectDialog(QDialog):
    """Asks where the team's server is; on Connect keeps it (and the password in the keyring)."""

    def __init__(self, current: ServerSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to team server"))
        self.setObjectName("connectDialog")
        #: what was saved on Connect
        self.server: ServerSettings | None = None
        current = current or saved_server()
        intro = QLabel(
            self.tr(
                "A team shares one PostgreSQL database. The password is kept in your system "
                "keyring, never in a file; leave it empty to use ~/.pgpass."
            )
        )
        intro.setWordWrap(True)
        self.host_edit = QLineEdit(current.host if current else "")
        self.host_edit.setPlaceholderText("db.example.com")
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(current.port if current else DEFAULT_PORT)
        self.database_edit = QLineEdit(current.database if current else "")
        self.database_edit.setPlaceholderText("workbench")
        self.user_edit = QLineEdit(current.user if current else "")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        if current is not None and stored_password(current):
            self.password_edit.setPlaceholderText(self.tr("kept in the keyring"))
        self.remember_box = QCheckBox(self.tr("Remember the password in the system keyring"))
        self.remember_box.setChecked(True)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("problem")
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Host:"), self.host_edit)
        form.addRow(self.tr("&Port:"), self.port_spin)
        form.addRow(self.tr("&Database:"), self.database_edit)
        form.addRow(self.tr("&User:"), self.user_edit)
        form.addRow(self.tr("Pass&word:"), self.password_edit)
        form.addRow("", self.remember_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(self.tr("Connect"))
        self.test_button = self.buttons.addButton(
            self.tr("&Test connection"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.test_button.clicked.connect(self.test_connection)
        self.test_label = QLabel()
        self.test_label.setObjectName("testResult")
        self.test_label.setTextFormat(Qt.TextFormat.PlainText)
        self.test_label.setWordWrap(True)
        self.test_label.hide()
        #: the running test (None when none is): its result arrives on the GUI thread
        self.test_task: Task | None = None
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.test_label)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())

    def show_problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.show()

    def _fields(self) -> ServerSettings:
        return check_settings(
            self.host_edit.text(),
            self.port_spin.value(),
            self.database_edit.text(),
            self.user_edit.text(),
        )

    def test_connection(self) -> None:
        """Try the server in a worker thread; one line says ok or what is wrong."""
        try:
            server = self._fields()
        except InputError as exc:
            self.show_test_result(str(exc))
            return
        password = self.password_edit.text() or stored_password(server)
        url = server_url(server, password or None)
        self.test_button.setEnabled(False)
        self.show_test_result(self.tr("Testing {where}…").format(where=server.account))

        def done(result: object) -> None:
            self.test_task = None
            self.test_button.setEnabled(True)
            text = str(result)
            self.show_test_result(self.tr("Connection ok") if text == "ok" else text)

        def failed(exc: BaseException) -> None:
            self.test_task = None
            self.test_button.setEnabled(True)
            self.show_test_result(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)

        self.test_task = run_task(lambda _progress: check_connection(url), on_done=done,
                                  on_error=failed, parent=self)  # fmt: skip

    def show_test_result(self, text: str) -> None:
        self.test_label.setText(text)
        self.test_label.show()

    def accept(self) -> None:
        try:
            server = check_settings(
                self.host_edit.text(),
                self.port_spin.value(),
                self.database_edit.text(),
                self.user_edit.text(),
            )
        except InputError as exc:
            self.show_problem(str(exc))
            return
        password = self.password_edit.text()
        if password and self.remember_box.isChecked():
            try:
                store_password(server, password)
            except KeyringUnavailableError as exc:
                self.remember_box.setChecked(False)
                self.show_problem(str(exc))
                return
        # the URL kept has no password in it, whatever was typed
        QSettings().setValue(SERVER_KEY, server_url(server).render_as_string())
        self.server = server
        super().accept()
