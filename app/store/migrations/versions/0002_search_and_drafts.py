"""Search index over tickets (bigram FTS5) and autosaved form drafts.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from app.store.search_text import index_text

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_key", sa.String(length=36), nullable=False),
        sa.Column("ticket_client_id", sa.String(length=36), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("form_key"),
    )
    # Contentless: the index keeps only tokens and rowids (= tickets.id), not a second copy.
    op.execute(
        "CREATE VIRTUAL TABLE ticket_search USING fts5(body, content='', "
        "tokenize='unicode61 remove_diacritics 0')"
    )
    # Tickets saved before this revision become searchable too.
    connection = op.get_bind()
    rows = connection.execute(
        sa.text("SELECT id, title, description, address, caller_name FROM tickets")
    ).all()
    if rows:
        connection.execute(
            sa.text("INSERT INTO ticket_search(rowid, body) VALUES (:id, :body)"),
            [
                {"id": r.id, "body": index_text(r.title, r.description, r.address, r.caller_name)}
                for r in rows
            ],
        )


def downgrade() -> None:
    op.execute("DROP TABLE ticket_search")
    op.drop_table("drafts")
