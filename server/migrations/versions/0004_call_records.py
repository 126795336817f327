"""Call records reported by the seats (server.calls), the tickets taken during each call and each
seat's latest agent state (the supervisor's live view).

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "call_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("call_id", sa.String(length=128), nullable=False),
        sa.Column("caller_number", sa.String(length=32), nullable=False),
        sa.Column("line", sa.String(length=16), nullable=False),
        sa.Column("seat", sa.String(length=32), nullable=False),
        sa.Column("extension", sa.String(length=32), nullable=False),
        sa.Column("agent", sa.String(length=50), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("end_reason", sa.String(length=16), nullable=False),
        sa.Column("transfer_to", sa.String(length=32), nullable=False),
        sa.Column("offered_at", sa.DateTime(), nullable=False),
        sa.Column("ringing_at", sa.DateTime(), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("steps", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("client_id"),
    )
    op.create_index("ix_call_records_offered", "call_records", ["offered_at"])
    op.create_index("ix_call_records_seat", "call_records", ["seat", "offered_at"])
    op.create_index("ix_call_records_line", "call_records", ["line", "offered_at"])
    op.create_table(
        "call_ticket_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_client_id", sa.String(length=36), nullable=False),
        sa.Column("ticket_client_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("call_client_id", "ticket_client_id", name="uq_call_ticket_links"),
    )
    op.create_index("ix_call_ticket_links_ticket_client_id", "call_ticket_links", ["ticket_client_id"])
    op.create_table(
        "seat_states",
        sa.Column("seat", sa.String(length=32), nullable=False),
        sa.Column("agent", sa.String(length=50), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("since", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seat"),
    )


def downgrade() -> None:
    op.drop_table("seat_states")
    op.drop_table("call_ticket_links")
    op.drop_table("call_records")
