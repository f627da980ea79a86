"""a monthly allocation is posted once per billing period and plan; the file says it is ours

``ledger_entry`` gets ``period`` (``YYYY-MM``) and ``plan``, unique together,
set on the allocations the ledger posts itself. Allocations posted before
this revision are recognised by the note the ledger gave them ("Basic plan,
November 2026"); where two processes caught up at once and posted one month
twice, the first keeps the key and each extra one is reversed by a
``correction`` at the same moment, naming it (entries are never edited or
deleted). A lot expiring once was already unique (``lot_id``).

SQLite files get ``PRAGMA application_id`` = "PWB1", so that opening can tell
our databases from other programs' before touching them.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

import re
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

APPLICATION_ID = 0x50574231
PLANS = {"Basic": "basic", "Freelancer Plus": "freelancer_plus", "Agency": "agency"}
MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        1,
    )
}
NOTE = re.compile(r"^(Basic|Freelancer Plus|Agency) plan, ([A-Z][a-z]+) (\d{4})$")


def upgrade() -> None:
    # plain ALTER TABLE and CREATE INDEX: a batch (table copy) would lose the expression index
    op.add_column("ledger_entry", sa.Column("period", sa.String(length=7), nullable=True))
    op.add_column("ledger_entry", sa.Column("plan", sa.String(length=40), nullable=True))
    _key_existing_allocations()
    op.create_index("uq_ledger_entry_period_plan", "ledger_entry", ["period", "plan"], unique=True)
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _key_existing_allocations() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT id, at, amount, note FROM ledger_entry WHERE kind = 'allocation' ORDER BY id"
        )
    ).all()
    seen: dict[tuple[str, str], int] = {}
    for entry_id, at, amount, note in rows:
        found = NOTE.match(note or "")
        if not found or found.group(2) not in MONTHS:
            continue  # posted by hand: no key, as before
        label, month, year = found.groups()
        key = (f"{int(year):04d}-{MONTHS[month]:02d}", PLANS[label])
        if key not in seen:
            seen[key] = entry_id
            bind.execute(
                sa.text("UPDATE ledger_entry SET period = :period, plan = :plan WHERE id = :id"),
                {"period": key[0], "plan": key[1], "id": entry_id},
            )
            continue
        bind.execute(
            sa.text(
                "INSERT INTO ledger_entry (at, kind, amount, note, created_at) "
                "VALUES (:at, 'correction', :amount, :note, :created_at)"
            ).bindparams(sa.bindparam("created_at", type_=sa.DateTime())),
            {
                "at": at,
                "amount": -amount,
                "note": f"reverses entry #{entry_id}: the allocation of {month} {year} was "
                f"posted twice (two catch-ups at once; #{seen[key]} is the one kept)",
                "created_at": _now(),
            },
        )


def _now() -> datetime:
    from app import clock

    return clock.now().astimezone(UTC).replace(tzinfo=None)


def downgrade() -> None:
    op.drop_index("uq_ledger_entry_period_plan", table_name="ledger_entry")
    op.drop_column("ledger_entry", "plan")
    op.drop_column("ledger_entry", "period")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA application_id = 0")
