"""The Alembic revisions build exactly the schema the models declare."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.storage import migrations
from app.storage.models import Base


def _ignore_fts(obj, name, type_, reflected, compare_to) -> bool:
    return not (type_ == "table" and name is not None and name.startswith("job_fts"))


# SQLAlchemy cannot reflect SQLite expression indexes; they are checked by name below
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based")
@pytest.mark.sqlite_only  # reads sqlite_master; PostgreSQL has its own indexes (0005, 0014)
def test_head_schema_equals_models(db) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": _ignore_fts, "compare_type": True}
        )
        diff = compare_metadata(context, Base.metadata)
        expression_indexes = {
            row[0]
            for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")
        }
    assert diff == [], diff
    assert "ix_job_posting_budget" in expression_indexes
    assert "ix_ledger_entry_day" in expression_indexes


def test_revisions_form_one_line() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrations.alembic_config())
    assert len(script.get_heads()) == 1
    revisions = [r.revision for r in script.walk_revisions()]
    assert revisions[-1] == "0001" and revisions[0] == migrations.head_revision()
