"""indexes for incremental Insights refreshes

InsightsCache asks "what changed since I last looked?": proposals, score
cards and postings by their update time, and the proposals of a posting.
Without these indexes each question scans a whole table.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_proposal_updated_at", "proposal", ["updated_at"]),
    ("ix_proposal_job_id", "proposal", ["job_id"]),
    ("ix_score_card_computed_at", "score_card", ["computed_at"]),
    ("ix_job_posting_updated_at", "job_posting", ["updated_at"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
