"""Initial schema: tickets, their timeline, the sync outbox, per-seat counters.

Revision ID: 0001
Revises:
Create Date: 2026-11-28 12:12:23.075022
"""

from alembic import op
import sqlalchemy as sa


revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "counters",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("ticket_client_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("mutation_id"),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outbox_ticket_client_id"), ["ticket_client_id"], unique=False
        )

    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("local_no", sa.String(length=32), nullable=False),
        sa.Column("official_no", sa.String(length=32), nullable=True),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("request_type", sa.String(length=8), nullable=False),
        sa.Column("caller_name", sa.String(length=50), nullable=False),
        sa.Column("caller_phone", sa.String(length=32), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.Column("category1", sa.String(length=32), nullable=False),
        sa.Column("category2", sa.String(length=32), nullable=False),
        sa.Column("category3", sa.String(length=32), nullable=False),
        sa.Column("district", sa.String(length=32), nullable=False),
        sa.Column("street", sa.String(length=32), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("urgency", sa.String(length=8), nullable=False),
        sa.Column("handling_unit", sa.String(length=100), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("satisfaction", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_seat", sa.String(length=32), nullable=False),
        sa.Column("created_by", sa.String(length=50), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("client_id"),
        sa.UniqueConstraint("local_no"),
        sa.UniqueConstraint("official_no"),
    )
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index(
            "ix_tickets_category", ["category1", "category2", "created_at"], unique=False
        )
        batch_op.create_index("ix_tickets_channel", ["channel", "created_at"], unique=False)
        batch_op.create_index("ix_tickets_created", ["created_at", "id"], unique=False)
        batch_op.create_index("ix_tickets_deadline", ["deadline"], unique=False)
        batch_op.create_index(
            "ix_tickets_district", ["district", "street", "created_at"], unique=False
        )
        batch_op.create_index("ix_tickets_phone", ["caller_phone"], unique=False)
        batch_op.create_index("ix_tickets_status", ["status", "created_at"], unique=False)
        batch_op.create_index("ix_tickets_type", ["request_type", "created_at"], unique=False)
        batch_op.create_index("ix_tickets_unit", ["handling_unit", "created_at"], unique=False)
        batch_op.create_index("ix_tickets_updated", ["updated_at"], unique=False)
        batch_op.create_index("ix_tickets_urgency", ["urgency", "created_at"], unique=False)

    op.create_table(
        "ticket_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("seat", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("ticket_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ticket_events_ticket_id"), ["ticket_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("ticket_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_events_ticket_id"))

    op.drop_table("ticket_events")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index("ix_tickets_urgency")
        batch_op.drop_index("ix_tickets_updated")
        batch_op.drop_index("ix_tickets_unit")
        batch_op.drop_index("ix_tickets_type")
        batch_op.drop_index("ix_tickets_status")
        batch_op.drop_index("ix_tickets_phone")
        batch_op.drop_index("ix_tickets_district")
        batch_op.drop_index("ix_tickets_deadline")
        batch_op.drop_index("ix_tickets_created")
        batch_op.drop_index("ix_tickets_channel")
        batch_op.drop_index("ix_tickets_category")

    op.drop_table("tickets")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_ticket_client_id"))

    op.drop_table("outbox")
    op.drop_table("counters")
