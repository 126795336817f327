"""Lifecycle state on tickets (co-units, escalation, extension request, reopen count, merged-into,
solved) and the audit log (reveals, exports, logins, refused accesses, admin changes).

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
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
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("ticket_client_id", sa.String(length=36), nullable=False),
        sa.Column("ticket_no", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_audit_at", "audit_log", ["at"])
    op.create_index("ix_audit_action_at", "audit_log", ["action", "at"])
    op.create_index("ix_audit_user_at", "audit_log", ["username", "at"])
    op.create_index("ix_audit_ticket", "audit_log", ["ticket_client_id"])


def downgrade() -> None:
    op.drop_table("audit_log")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        for name in ("extension_since", "extension_to", *(c[0] for c in reversed(COLUMNS))):
            batch_op.drop_column(name)
