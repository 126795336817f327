"""Links from a new ticket to earlier ones (duplicates and similar tickets from the assistant).

Revision ID: 0005_ticket_links
Revises: 0004_sync
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_ticket_links"
down_revision = "0004_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ticket_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("related_client_id", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("seat", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_ticket_links_ticket_id", "ticket_links", ["ticket_id"])
    op.create_index("ix_ticket_links_related_client_id", "ticket_links", ["related_client_id"])


def downgrade() -> None:
    op.drop_index("ix_ticket_links_related_client_id", table_name="ticket_links")
    op.drop_index("ix_ticket_links_ticket_id", table_name="ticket_links")
    op.drop_table("ticket_links")
