"""the member who made each proposal in the Insights summary

``insights_proposal_fact.member_id`` copies ``proposal.member_id`` so Insights
filtered by member answer from the summary (not the live path); both covering
indexes carry it after ``profile_id``. The summary is derived data: its
watermarks are cleared here, so the next Insights computation rebuilds it with
the member filled in.

Revision ID: 0018
Revises: 0011
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0011"
branch_labels = None
depends_on = None

TABLE = "insights_proposal_fact"
GROUPS = ["category", "verdict", "key", "submitted_at", "profile_id"]
TAIL = ["reached", "connects", "revenue"]
MONTHS = ["month", "submitted_at", "profile_id"]


def _indexes(member: list[str]) -> None:
    op.create_index("ix_insights_proposal_fact_groups", TABLE, [*GROUPS, *member, *TAIL])
    op.create_index("ix_insights_proposal_fact_months", TABLE, [*MONTHS, *member, *TAIL])


def _drop_indexes() -> None:
    op.drop_index("ix_insights_proposal_fact_months", table_name=TABLE)
    op.drop_index("ix_insights_proposal_fact_groups", table_name=TABLE)


def upgrade() -> None:
    _drop_indexes()
    op.add_column(TABLE, sa.Column("member_id", sa.Integer(), nullable=True))
    _indexes(["member_id"])
    op.execute("DELETE FROM insights_fact_state")  # rebuilt, with members, on next use


def downgrade() -> None:
    _drop_indexes()
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.drop_column("member_id")
    _indexes([])
    op.execute("DELETE FROM insights_fact_state")
