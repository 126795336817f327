"""Callbacks of lost calls (漏接回拨): each attempt, reached or not.

Revision ID: 0012_callback_attempts
Revises: 0011_agent_states
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_callback_attempts"
down_revision = "0011_agent_states"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "callback_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_pk", sa.Integer(), nullable=False),
        sa.Column("reached", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("seat", sa.String(length=32), nullable=False),
        sa.Column("agent", sa.String(length=50), nullable=False),
        sa.ForeignKeyConstraint(["call_pk"], ["calls.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_callback_attempts_call_pk", "callback_attempts", ["call_pk"])


def downgrade() -> None:
    op.drop_table("callback_attempts")
