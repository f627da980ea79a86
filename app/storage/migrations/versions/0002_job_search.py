"""full-text search over job postings

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SKILLS = "(SELECT group_concat(value, ' ') FROM json_each({row}.skills))"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE INDEX ix_job_posting_fts ON job_posting USING gin ("
            "to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(description, '')"
            " || ' ' || coalesce(skills::text, '')))"
        )
        return
    op.execute(
        "CREATE VIRTUAL TABLE job_fts USING fts5("
        "title, description, skills, tokenize = 'unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER job_fts_insert AFTER INSERT ON job_posting BEGIN "
        "INSERT INTO job_fts(rowid, title, description, skills) VALUES "
        f"(new.id, new.title, new.description, {SKILLS.format(row='new')}); END"
    )
    op.execute(
        "CREATE TRIGGER job_fts_delete AFTER DELETE ON job_posting BEGIN "
        "DELETE FROM job_fts WHERE rowid = old.id; END"
    )
    op.execute(
        "CREATE TRIGGER job_fts_update AFTER UPDATE OF title, description, skills "
        "ON job_posting BEGIN "
        "UPDATE job_fts SET title = new.title, description = new.description, "
        f"skills = {SKILLS.format(row='new')} WHERE rowid = new.id; END"
    )
    op.execute(
        "INSERT INTO job_fts(rowid, title, description, skills) "
        f"SELECT id, title, description, {SKILLS.format(row='job_posting')} FROM job_posting"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_job_posting_fts")
        return
    for trigger in ("job_fts_insert", "job_fts_delete", "job_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS job_fts")
