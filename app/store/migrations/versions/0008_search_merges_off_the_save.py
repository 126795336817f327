"""The search index no longer merges its segments inside a save (see app.store.search_merge).

With FTS5's default automerge, one save in ~13 also merged index segments in its commit:
550–750 WAL pages and 20–35 ms instead of ~44 pages and 3 ms at 100,000 tickets. Bulk writes
merge right after their commit; the desktop merges when idle; crisismerge 64 bounds the
pile-up where nothing merges (command-line tools).

Revision ID: 0008_search_merges_off_the_save
Revises: 0007_queue_indexes
"""

from alembic import op

revision = "0008_search_merges_off_the_save"
down_revision = "0007_queue_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("INSERT INTO ticket_search(ticket_search, rank) VALUES ('automerge', 0)")
    op.execute("INSERT INTO ticket_search(ticket_search, rank) VALUES ('crisismerge', 64)")


def downgrade() -> None:
    # FTS5's defaults.
    op.execute("INSERT INTO ticket_search(ticket_search, rank) VALUES ('automerge', 4)")
    op.execute("INSERT INTO ticket_search(ticket_search, rank) VALUES ('crisismerge', 16)")
