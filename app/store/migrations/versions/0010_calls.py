"""Calls at the seat (app.telephony): each call, its steps and the tickets taken during it.

Revision ID: 0010_calls
Revises: 0009_deadline_rule_index
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_calls"
down_revision = "0009_deadline_rule_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("call_id", sa.String(length=128), nullable=False),
        sa.Column("caller_number", sa.String(length=32), nullable=False),
        sa.Column("line", sa.String(length=16), nullable=False),
        sa.Column("seat", sa.String(length=32), nullable=False),
        sa.Column("extension", sa.String(length=32), nullable=False),
        sa.Column("agent", sa.String(length=50), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("end_reason", sa.String(length=16), nullable=False),
        sa.Column("transfer_to", sa.String(length=32), nullable=False),
        sa.Column("offered_at", sa.DateTime(), nullable=False),
        sa.Column("ringing_at", sa.DateTime(), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("client_id"),
        sa.UniqueConstraint("call_id"),
    )
    op.create_index("ix_calls_offered", "calls", ["offered_at"])
    op.create_index("ix_calls_state", "calls", ["state", "offered_at"])
    op.create_index("ix_calls_number", "calls", ["caller_number"])
    op.create_table(
        "call_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_pk", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["call_pk"], ["calls.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_call_steps_call_pk", "call_steps", ["call_pk"])
    op.create_table(
        "call_tickets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_pk", sa.Integer(), nullable=False),
        sa.Column("ticket_client_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["call_pk"], ["calls.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("call_pk", "ticket_client_id", name="uq_call_tickets"),
    )
    op.create_index("ix_call_tickets_ticket_client_id", "call_tickets", ["ticket_client_id"])


def downgrade() -> None:
    op.drop_table("call_tickets")
    op.drop_table("call_steps")
    op.drop_table("calls")
