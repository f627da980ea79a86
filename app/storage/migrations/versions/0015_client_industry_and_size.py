"""the client's industry and company size (imported from ``client_industry`` /
``client_type`` columns of scraper exports)

Revision ID: 0015
Revises: 0013 (written on 0010; re-chained after main brought 0013)
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("job_posting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("client_industry", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("client_company_size", sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("job_posting", schema=None) as batch_op:
        batch_op.drop_column("client_company_size")
        batch_op.drop_column("client_industry")
