"""Sync with the center: event mutation ids, cursor/state, conflicts, rejections, reference mirror.

Revision ID: 0004_sync
Revises: 0003_report_indexes
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_sync"
down_revision = "0003_report_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ticket_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mutation_id", sa.String(length=36), nullable=True))
        batch_op.create_index("ix_ticket_events_mutation_id", ["mutation_id"], unique=False)
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_client_id", sa.String(length=36), nullable=False),
        sa.Column("server_copy", sa.Text(), nullable=False),
        sa.Column("local_copy", sa.Text(), nullable=False),
        sa.Column("mutations", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("ticket_client_id"),
    )
    op.create_table(
        "sync_rejections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("ticket_client_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("errors", sa.Text(), nullable=False),
        sa.Column("rejected_at", sa.DateTime(), nullable=False),
        sa.Column("dismissed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("mutation_id"),
    )
    op.create_index("ix_sync_rejections_ticket_client_id", "sync_rejections", ["ticket_client_id"])
    op.create_table(
        "reference_items",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "key"),
    )


def downgrade() -> None:
    op.drop_table("reference_items")
    op.drop_index("ix_sync_rejections_ticket_client_id", table_name="sync_rejections")
    op.drop_table("sync_rejections")
    op.drop_table("sync_conflicts")
    op.drop_table("sync_state")
    with op.batch_alter_table("ticket_events", schema=None) as batch_op:
        batch_op.drop_index("ix_ticket_events_mutation_id")
        batch_op.drop_column("mutation_id")
