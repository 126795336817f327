"""Queue indexes: overdue / due-soon tickets found from (status, deadline, created_at, extension_to) alone.

The overdue and due-soon filters ask for open statuses and a deadline range, newest first.
With only (status, created_at) SQLite read every open ticket's row to check its deadline: at
100,000 tickets the overdue count took ~290 ms; at 1,000,000 its first page took 5.2 s cold
(275,776 overdue tickets in the bench store). With (status, deadline, created_at) both come from
the index alone: count 10 ms, first page 35 ms at 1M.

Revision ID: 0007_queue_indexes
Revises: 0006_lifecycle
"""

from alembic import op

revision = "0007_queue_indexes"
down_revision = "0006_lifecycle"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index("ix_tickets_status_deadline", ["status", "deadline", "created_at", "extension_to"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index("ix_tickets_status_deadline")
