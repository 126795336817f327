"""Lifecycle state on tickets: co-units, escalation level, extension request, reopen count,
merged-into, solved.

Revision ID: 0006_lifecycle
Revises: 0005_ticket_links
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_lifecycle"
down_revision = "0005_ticket_links"
branch_labels = None
depends_on = None

COLUMNS = (
    ("co_units", sa.Text(), "[]"),
    ("escalation_level", sa.String(length=4), ""),
    ("extension_reason", sa.Text(), ""),
    ("reopen_count", sa.Integer(), "0"),
    ("merged_into", sa.String(length=36), ""),
    ("solved", sa.String(length=8), ""),
)


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        for name, type_, default in COLUMNS:
            batch_op.add_column(sa.Column(name, type_, nullable=False, server_default=default))
        batch_op.add_column(sa.Column("extension_to", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("extension_since", sa.Date(), nullable=True))
    # The queues of escalated tickets and of extension requests.
    op.create_index("ix_tickets_escalation", "tickets", ["escalation_level", "created_at"])
    op.create_index("ix_tickets_extension", "tickets", ["extension_to"])


def downgrade() -> None:
    op.drop_index("ix_tickets_extension", table_name="tickets")
    op.drop_index("ix_tickets_escalation", table_name="tickets")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        for name in ("extension_since", "extension_to", *(c[0] for c in reversed(COLUMNS))):
            batch_op.drop_column(name)
