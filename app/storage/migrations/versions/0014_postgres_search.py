"""PostgreSQL search as SQLite's: accents folded (unaccent), words split alike

SQLite's FTS5 table (0002) folds accents (``remove_diacritics``) and splits
words at anything that is not a letter or digit ("full-stack", "client's").
PostgreSQL gets the same: the ``unaccent`` extension (trusted: a database
owner may create it), ``pwb_fold`` (unaccent, immutable so that an index can
use it), ``pwb_search_text`` (folded, punctuation to spaces) and
``pwb_job_document`` (a posting's title, description and skills as a
``tsvector``), with a GIN index on it replacing 0002's; and indexes in the jobs
list's descending order with NULLs last, as SQLite sorts. Nothing on SQLite.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02
"""

from alembic import op

revision = "0014"
down_revision = "0012"  # the one line of revisions: 0010, 0013, 0015, 0012, 0014
branch_labels = None
depends_on = None

#: the jobs list's sort keys that have an index (0004), by name and expression
SORTED_DESC = (
    ("posted_at", "posted_at"),
    ("captured_at", "captured_at"),
    ("budget", "(coalesce(fixed_budget, hourly_max))"),
    ("client_total_spent", "client_total_spent"),
    ("proposals_min", "proposals_min"),
    ("connects_required", "connects_required"),
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.exec_driver_sql("SELECT current_schema()").scalar()
    op.execute(f'CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA "{schema}"')
    # the extension's own schema (it may have been created elsewhere before)
    where = bind.exec_driver_sql(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'unaccent'"
    ).scalar()
    op.execute(
        f'CREATE OR REPLACE FUNCTION "{schema}".pwb_fold(doc text) RETURNS text '
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS "
        f'$$ SELECT "{where}".unaccent(\'"{where}".unaccent\'::regdictionary, doc) $$'
    )
    op.execute(
        f'CREATE OR REPLACE FUNCTION "{schema}".pwb_search_text(doc text) RETURNS text '
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS "
        f"$$ SELECT regexp_replace(\"{schema}\".pwb_fold(coalesce(doc, '')), "
        "'[^[:alnum:]]+', ' ', 'g') $$"
    )
    op.execute(
        f'CREATE OR REPLACE FUNCTION "{schema}".pwb_job_document('
        "title text, description text, skills json) RETURNS tsvector "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS "
        f"$$ SELECT to_tsvector('simple', \"{schema}\".pwb_search_text("
        "coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || coalesce(("
        "SELECT string_agg(value, ' ') FROM json_array_elements_text("
        "CASE WHEN json_typeof(skills) = 'array' THEN skills ELSE '[]'::json END)), ''))) $$"
    )
    op.execute("DROP INDEX IF EXISTS ix_job_posting_fts")
    op.execute(
        "CREATE INDEX ix_job_posting_search ON job_posting "
        "USING gin (pwb_job_document(title, description, skills))"
    )
    # the jobs list sorts descending with NULLs last (SQLite's own order): a PostgreSQL
    # index read backwards gives NULLs first, so these give the list its order directly
    for name, expression in SORTED_DESC:
        op.execute(
            f"CREATE INDEX ix_job_posting_{name}_desc ON job_posting "
            f"({expression} DESC NULLS LAST, id DESC)"
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for name, _expression in SORTED_DESC:
        op.execute(f"DROP INDEX IF EXISTS ix_job_posting_{name}_desc")
    op.execute("DROP INDEX IF EXISTS ix_job_posting_search")
    op.execute(
        "CREATE INDEX ix_job_posting_fts ON job_posting USING gin ("
        "to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(description, '')"
        " || ' ' || coalesce(skills::text, '')))"
    )
    for function in (
        "pwb_job_document(text, text, json)",
        "pwb_search_text(text)",
        "pwb_fold(text)",
    ):
        op.execute(f"DROP FUNCTION IF EXISTS {function}")
