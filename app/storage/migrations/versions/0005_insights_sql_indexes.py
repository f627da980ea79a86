"""covering indexes so the Insights aggregates read indexes, not wide rows

The Insights figures are SQL aggregates over every submitted proposal and
every ledger entry. These indexes hold exactly the columns those queries
read, so SQLite answers them from compact indexes:

* ledger entries per UTC day and kind: an index on the day expression
  ``substr(at, 1, 10)`` (the GROUP BY walks it in order, no sort), with
  ``at`` for exact range ends and ``amount`` / ``usd`` for the sums;
* the furthest stage each proposal reached: ``(proposal_id, to_status)``;
* a proposal's score card: ``(job_id, profile_id, total, verdict)``;
* a proposal's posting: ``(id, category, posted_at)``.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

PLAIN = (
    (
        "ix_proposal_status_change_proposal_status",
        "proposal_status_change",
        ["proposal_id", "to_status"],
    ),
    ("ix_score_card_job_profile_total", "score_card", ["job_id", "profile_id", "total", "verdict"]),
    ("ix_job_posting_id_category_posted", "job_posting", ["id", "category", "posted_at"]),
)


def upgrade() -> None:
    # PostgreSQL stores ``at`` as a timestamp, which has no substr(): its day queries filter
    # on ``at`` itself, so there the same index leads with ``at`` (models.py, LedgerEntry)
    if op.get_bind().dialect.name == "postgresql":
        columns: list[Any] = ["at", "kind", "amount", "usd"]
    else:
        columns = [sa.text("substr(at, 1, 10)"), "kind", "at", "amount", "usd"]
    op.create_index("ix_ledger_entry_day", "ledger_entry", columns)
    for name, table, columns in PLAIN:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in reversed(PLAIN):
        op.drop_index(name, table_name=table)
    op.drop_index("ix_ledger_entry_day", table_name="ledger_entry")
