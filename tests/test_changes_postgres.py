"""Seeing other members' changes on PostgreSQL: LISTEN / NOTIFY sent with every commit.

Runs against the server ``PWB_TEST_DB`` names (a ``postgresql+psycopg://`` URL, as CI
sets it); skipped otherwise. The SQLite side is tests/gui/test_team_changes.py.
"""

from __future__ import annotations

import os

import pytest

from app.replies import delete_reply, save_reply
from app.storage import open_database
from app.storage.changes import ChangeWatcher

URL = os.environ.get("PWB_TEST_DB", "")
pytestmark = pytest.mark.skipif(
    not URL.startswith("postgresql"), reason="PWB_TEST_DB names no PostgreSQL server"
)


def test_a_commit_elsewhere_wakes_the_listener() -> None:
    mine, theirs = open_database(URL), open_database(URL)
    watcher = ChangeWatcher(mine.engine)
    try:
        assert watcher.wait(0.2) == set()
        with theirs.transaction() as session:
            save_reply(session, "team/listen-test", "Hi")
        assert watcher.wait(5) == {"replies"}
        with theirs.read() as session:  # a read commits nothing: no notification
            save_reply(session, "team/never-committed", "x")
        assert watcher.wait(0.5) == set()
    finally:
        with theirs.transaction() as session:
            delete_reply(session, "team/listen-test")
        watcher.close()
        mine.close()
        theirs.close()
