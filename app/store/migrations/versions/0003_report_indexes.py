"""Indexes for reports: ticket events by kind (invalid tickets, escalations, returns).

Revision ID: 0003_report_indexes
Revises: 0002
"""

from alembic import op

revision = "0003_report_indexes"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Every report excludes merged/voided tickets: the set of their ids comes from this index
    # instead of a scan of all events (3.5M rows for 1M tickets: ~300 ms per query without it).
    op.create_index("ix_ticket_events_kind", "ticket_events", ["kind", "ticket_id"])


def downgrade() -> None:
    op.drop_index("ix_ticket_events_kind", table_name="ticket_events")
