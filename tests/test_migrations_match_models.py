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


#: indexes PostgreSQL builds its own way, on purpose (checked by name below): 0014's
#: NULLS LAST sort indexes and search index (SQLite sorts and searches otherwise), and
#: 0005's per-day ledger index, which leads with ``at`` there (``substr`` is SQLite's)
PG_OWN_INDEXES = {
    "ix_job_posting_search",
    "ix_ledger_entry_day",
    *(
        f"ix_job_posting_{key}_desc"
        for key in (
            "budget",
            "captured_at",
            "client_total_spent",
            "connects_required",
            "posted_at",
            "proposals_min",
        )
    ),
}


def _pg_own(diff_entry: object) -> bool:
    entry = diff_entry if isinstance(diff_entry, tuple) else None
    if entry is None or entry[0] not in ("add_index", "remove_index"):
        return False
    return entry[1].name in PG_OWN_INDEXES


@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based")
def test_head_schema_equals_models_on_postgresql(pg_url: str) -> None:
    """Every table, column, type, constraint and plain index the migrations build on a
    real server is what the models declare; the PostgreSQL-only indexes exist."""
    from sqlalchemy import create_engine

    engine = create_engine(pg_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = [d for d in compare_metadata(context, Base.metadata) if not _pg_own(d)]
            present = {
                row[0]
                for row in conn.exec_driver_sql(
                    "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                )
            }
    finally:
        engine.dispose()
    assert diff == [], diff
    assert present >= PG_OWN_INDEXES, PG_OWN_INDEXES - present
    assert "ix_job_posting_budget" in present  # an expression index the models declare


def test_revisions_form_one_line() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrations.alembic_config())
    assert len(script.get_heads()) == 1
    revisions = [r.revision for r in script.walk_revisions()]
    assert revisions[-1] == "0001" and revisions[0] == migrations.head_revision()
