"""what the red-flag rules' patterns found in a posting's text

``job_posting.rule_findings`` keeps them (JSON, with the digest of the rules that found
them and a fingerprint of the texts they were found in), so a rescore after a profile's
change reads them instead of searching the texts again. Written by the rescore that
first needs them; findings of other rules or other texts are searched again.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("job_posting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rule_findings", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("job_posting", schema=None) as batch_op:
        batch_op.drop_column("rule_findings")
