"""One window per database: a second start hands over to the running one.

The running app listens on a local socket (``QLocalServer``; a named pipe on
Windows) named after the user and the database file. A second start on the same
database finds the file lock taken (ui.main.lock_database), connects, sends one
JSON line (``{"raise": true, "import": PATH or null}``) and exits 0; the running
app raises its window and, when a file was given (``proposal-workbench
postings.csv``, or "Open with" on a file), opens the import dialog for it. As
Anki does. The lock stays the rule; the socket only carries the message.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from app import APP_ID

CONNECT_TIMEOUT_MS = 1500
REPLY_TIMEOUT_MS = 3000
MAX_MESSAGE = 64 * 1024
ACK = b"ok\n"


def server_name(database: str) -> str:
    """The socket's name for ``database``: short (Unix sockets), per user, per database."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (containers)
        user = "?"
    digest = hashlib.sha256(f"{user}\0{database}".encode()).hexdigest()[:16]
    return f"{APP_ID}-{digest}"


def hand_over(name: str, import_path: Path | None = None) -> bool:
    """Ask the app listening at ``name`` to come forward (and import a file); True if it did."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    message = {"raise": True, "import": str(import_path.resolve()) if import_path else None}
    socket.write(json.dumps(message).encode("utf-8") + b"\n")
    socket.flush()
    reply = b""
    while ACK not in reply and socket.waitForReadyRead(REPLY_TIMEOUT_MS):
        reply += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return ACK in reply


class InstanceServer(QObject):
    """Listens for later starts; emits :attr:`activated` with the file to import, or ``""``."""

    activated = Signal(str)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening. The caller holds the database lock, so a left-over socket
        (from an app that crashed) is stale and is removed first."""
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    @Slot()
    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in data:
            if len(data) > MAX_MESSAGE:  # not one of ours
                socket.abort()
            else:
                self._buffers[socket] = data
            return
        line = data.split(b"\n", 1)[0]
        self._buffers[socket] = b""
        try:
            message = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            socket.abort()
            return
        if not isinstance(message, dict):
            socket.abort()
            return
        socket.write(ACK)
        socket.flush()
        path = message.get("import")
        self.activated.emit(path if isinstance(path, str) else "")
