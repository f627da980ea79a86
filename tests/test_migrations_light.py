"""Opening a database at head reads its revision and the head without loading Alembic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from app.storage import migrations

ROOT = Path(__file__).resolve().parents[1]


def test_head_and_known_revisions_are_alembics() -> None:
    script = ScriptDirectory.from_config(migrations.alembic_config())
    assert migrations.head_revision() == script.get_current_head()
    known = {rev.revision for rev in script.walk_revisions()}
    assert set(migrations.revision_graph()) == known
    for rev in script.walk_revisions():
        assert migrations.revision_graph()[rev.revision] == tuple(
            [rev.down_revision] if isinstance(rev.down_revision, str) else rev.down_revision or ()
        )
    assert all(migrations.is_known(rev) for rev in known)
    assert not migrations.is_known("9999")


def test_current_revision_is_what_alembic_reads(migrated_copy, tmp_path: Path) -> None:
    at_head = create_engine(f"sqlite:///{migrated_copy()}")
    untouched = create_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    for engine in (at_head, untouched):
        with engine.connect() as conn:
            expected = MigrationContext.configure(conn).get_current_revision()
            assert migrations.current_revision(conn) == expected
        engine.dispose()
    with at_head.connect() as conn:
        assert migrations.current_revision(conn) == migrations.head_revision()


def test_opening_a_database_at_head_never_loads_alembic(migrated_copy) -> None:
    path = migrated_copy()
    probe = (
        "import sys\n"
        "from app.storage import open_database\n"
        f"db = open_database({str(path)!r})\n"
        "assert db.revision()\n"
        "db.close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
