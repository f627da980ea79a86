"""indexes for sorting the jobs list by budget, client spend, proposals and Connects,
and for listing one verdict in score order

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

PLAIN = ("client_total_spent", "proposals_min", "connects_required")


def upgrade() -> None:
    op.create_index(
        "ix_job_posting_budget", "job_posting", [sa.text("coalesce(fixed_budget, hourly_max)")]
    )
    for column in PLAIN:
        op.create_index(f"ix_job_posting_{column}", "job_posting", [column])
    # verdict first: led by profile_id, SQLite would take it for plain score order and sort
    op.create_index(
        "ix_score_card_verdict_profile_total", "score_card", ["verdict", "profile_id", "total"]
    )


def downgrade() -> None:
    op.drop_index("ix_score_card_verdict_profile_total", table_name="score_card")
    for column in PLAIN:
        op.drop_index(f"ix_job_posting_{column}", table_name="job_posting")
    op.drop_index("ix_job_posting_budget", table_name="job_posting")
