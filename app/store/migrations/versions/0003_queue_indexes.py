"""Queue indexes: overdue / due-soon tickets found from (status, deadline), not by reading rows.

The overdue and due-soon filters ask for open statuses and a deadline range. With only
(status, created_at) SQLite read every open ticket's row to check its deadline: at 100,000
tickets the overdue count took ~290 ms (and grows with the store); with (status, deadline) it is
answered from the index alone in ~1 ms.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index("ix_tickets_status_deadline", ["status", "deadline"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index("ix_tickets_status_deadline")
