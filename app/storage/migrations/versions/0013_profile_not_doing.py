"""what a freelancer does not do: ``profile.not_doing``

A list of skills and kinds of work ("WordPress", "logo design") that weigh
against a posting's relevance. Existing profiles get an empty list, so they
score as before apart from the new relevance arithmetic.

Revision ID: 0013
Revises: 0010
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("profile", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("not_doing", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )


def downgrade() -> None:
    with op.batch_alter_table("profile", schema=None) as batch_op:
        batch_op.drop_column("not_doing")
