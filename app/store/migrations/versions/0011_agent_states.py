"""The agent's states at the seat (示闲/示忙/小休/话后整理) as spans with their times.

Revision ID: 0011_agent_states
Revises: 0010_calls
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_agent_states"
down_revision = "0010_calls"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agent_states",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seat", sa.String(length=32), nullable=False),
        sa.Column("agent", sa.String(length=50), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_agent_states_seat", "agent_states", ["seat", "started_at"])


def downgrade() -> None:
    op.drop_table("agent_states")
