"""the freelancer's own name on the profile; "applied" postings

``profile.your_name`` is who signs (a profile's ``name`` labels a specialised
profile, "Default" on first run, and was what the starter closing signed with).
Existing profiles get an empty name: the starter closing then leaves a
``[Your name]`` fill-in instead of signing "Default". The shipped closing
snippet is brought up to date where the user never edited it.

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None

#: the starter ``closing/call`` as shipped before this revision, and as shipped now
OLD_SIGNATURE = "{{ profile.name }}"
NEW_SIGNATURE = '{{ profile.your_name | default("[Your name]") }}'
OLD_CLOSING = (
    'I can start {{ start_day | default("this week") }}. If it is easier to talk it through, '
    "I am happy to do a 15-minute call{% if client.country %} at a time that suits you in "
    "{{ client.country }}{% endif %}.\n\n" + OLD_SIGNATURE + "\n"
)


def upgrade() -> None:
    with op.batch_alter_table("profile", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("your_name", sa.String(length=200), nullable=False, server_default="")
        )
    reply = sa.table("saved_reply", sa.column("name", sa.String), sa.column("body", sa.Text))
    op.execute(
        reply.update()
        .where(reply.c.name == "closing/call", reply.c.body == OLD_CLOSING)
        .values(body=OLD_CLOSING.replace(OLD_SIGNATURE, NEW_SIGNATURE))
    )
    job = sa.table("job_posting", sa.column("id", sa.Integer), sa.column("status", sa.String))
    proposal = sa.table("proposal", sa.column("job_id", sa.Integer), sa.column("status", sa.String))
    sent = sa.select(proposal.c.job_id).where(proposal.c.status != "draft")
    op.execute(
        job.update()
        .where(job.c.status.in_(("new", "shortlisted")), job.c.id.in_(sent))
        .values(status="applied")
    )


def downgrade() -> None:
    # "applied" postings stay as they are: the status is a plain string an older app lists
    reply = sa.table("saved_reply", sa.column("name", sa.String), sa.column("body", sa.Text))
    op.execute(
        reply.update()
        .where(
            reply.c.name == "closing/call",
            reply.c.body == OLD_CLOSING.replace(OLD_SIGNATURE, NEW_SIGNATURE),
        )
        .values(body=OLD_CLOSING)
    )
    with op.batch_alter_table("profile", schema=None) as batch_op:
        batch_op.drop_column("your_name")
