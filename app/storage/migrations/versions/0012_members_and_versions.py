"""members, who made each proposal / status change / ledger entry, and row versions

A ``member`` table (name, role: owner, admin or member; the profile each one
bids with). A database with data gets one member, the implicit owner, named
after the active profile's ``your_name`` (revision 0010), else "owner"; every
existing proposal, status change and ledger entry is recorded as theirs. An
empty one gets its owner on first use (``app.storage.members.implicit_owner``).

Saved replies, profiles and proposals get a ``version`` (bumped by every save,
so that a save over a newer one is refused) and ``updated_by`` (who saved last).

Plain ``ALTER TABLE ... ADD COLUMN`` (no foreign keys: members are never
deleted, see ``models.Member``): a batch (table copy) would lose the
expression index on ``ledger_entry``.

Revision ID: 0012
Revises: 0015 (the brief assigned 0010; main gained 0013 and 0015 first)
Create Date: 2026-12-02
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0015"  # brief: "0010"; chained after main's head (0015) when main was merged in
branch_labels = None
depends_on = None

DEFAULT_OWNER = "owner"
#: table -> columns that name a member (and whether the column gets an index)
MEMBER_COLUMNS: dict[str, list[tuple[str, bool]]] = {
    "profile": [("updated_by", False)],
    "saved_reply": [("updated_by", False)],
    "proposal": [("updated_by", False), ("member_id", True)],
    "proposal_status_change": [("member_id", False)],
    "ledger_entry": [("member_id", True)],
}
VERSIONED = ("profile", "saved_reply", "proposal")


def _now() -> datetime:
    from app import clock

    return clock.now().astimezone(UTC).replace(tzinfo=None)


def upgrade() -> None:
    bind = op.get_bind()
    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("active_profile_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
        sa.UniqueConstraint("name", name=op.f("uq_member_name")),
    )
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    for table, columns in MEMBER_COLUMNS.items():
        for column, indexed in columns:
            op.add_column(table, sa.Column(column, sa.Integer(), nullable=True))
            if indexed:
                op.create_index(op.f(f"ix_{table}_{column}"), table, [column])
    _backfill(bind)


def _backfill(bind: sa.engine.Connection) -> None:
    """The implicit owner, when there is something to be theirs (a new file gets one on use)."""
    used = any(
        bind.execute(sa.text(f"SELECT 1 FROM {table} LIMIT 1")).first() is not None
        for table in MEMBER_COLUMNS
    )
    if not used:
        return
    name = bind.execute(
        sa.text(
            "SELECT your_name FROM profile WHERE your_name <> '' "
            "ORDER BY is_active DESC, id LIMIT 1"
        )
    ).scalar()
    active = bind.execute(
        sa.text("SELECT id FROM profile ORDER BY is_active DESC, name LIMIT 1")
    ).scalar()
    bind.execute(
        sa.text(
            "INSERT INTO member (name, role, active_profile_id, created_at) "
            "VALUES (:name, 'owner', :profile, :at)"
        ).bindparams(sa.bindparam("at", type_=sa.DateTime())),
        {
            "name": (name or DEFAULT_OWNER).strip()[:200] or DEFAULT_OWNER,
            "profile": active,
            "at": _now(),
        },
    )
    owner = bind.execute(sa.text("SELECT id FROM member")).scalar_one()
    for table, columns in MEMBER_COLUMNS.items():
        for column, _indexed in columns:
            bind.execute(sa.text(f"UPDATE {table} SET {column} = :owner"), {"owner": owner})


def downgrade() -> None:
    for table, columns in MEMBER_COLUMNS.items():
        for column, indexed in columns:
            if indexed:
                op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)
            op.drop_column(table, column)
    for table in VERSIONED:
        op.drop_column(table, "version")
    op.drop_table("member")
