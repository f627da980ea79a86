"""a per-proposal Insights summary kept up to date incrementally

``insights_proposal_fact`` holds one row per submitted proposal with the
dimensions and outcome the Insights figures group by; ``insights_fact_state``
holds the watermarks of what it already reflects. Both are derived data: the
first Insights computation after this upgrade fills them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


GROUPS = [
    "category",
    "verdict",
    "key",
    "submitted_at",
    "profile_id",
    "reached",
    "connects",
    "revenue",
]
MONTHS = ["month", "submitted_at", "profile_id", "reached", "connects", "revenue"]


def upgrade() -> None:
    op.create_table(
        "insights_proposal_fact",
        sa.Column("proposal_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.Column("category", sa.String(length=200), nullable=False),
        sa.Column("verdict", sa.String(length=10), nullable=False),
        sa.Column("key", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=10), nullable=False),
        sa.Column("reached", sa.Integer(), nullable=False),
        sa.Column("connects", sa.Integer(), nullable=False),
        sa.Column("revenue", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("proposal_id", name=op.f("pk_insights_proposal_fact")),
    )
    op.create_index("ix_insights_proposal_fact_groups", "insights_proposal_fact", GROUPS)
    op.create_index("ix_insights_proposal_fact_months", "insights_proposal_fact", MONTHS)
    op.create_table(
        "insights_fact_state",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_insights_fact_state")),
    )


def downgrade() -> None:
    op.drop_table("insights_fact_state")
    op.drop_index("ix_insights_proposal_fact_months", table_name="insights_proposal_fact")
    op.drop_index("ix_insights_proposal_fact_groups", table_name="insights_proposal_fact")
    op.drop_table("insights_proposal_fact")
