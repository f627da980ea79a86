"""the lines of a pasted posting the parser placed nowhere

``job_posting.unplaced_text`` keeps them (computed when the text is parsed), so the
red-flag rules read everything pasted without the raw text. Postings stored before
have none until they are captured again; their raw text is kept as it was.

Revision ID: 0011
Revises: 0012
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0014"  # the one line: 0010, 0013, 0015, 0012, 0014, 0011
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("job_posting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unplaced_text", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("job_posting", schema=None) as batch_op:
        batch_op.drop_column("unplaced_text")
