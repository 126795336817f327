"""Links between centers (parent/child platforms), the outbox of transfers sent over them, and
where a received ticket came from.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('platform_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('url', sa.String(length=300), nullable=False),
    sa.Column('account', sa.String(length=64), nullable=False),
    sa.Column('password_env', sa.String(length=64), nullable=False),
    sa.Column('peer_account', sa.String(length=64), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('platform_origins',
    sa.Column('ticket_client_id', sa.String(length=36), nullable=False),
    sa.Column('link', sa.String(length=64), nullable=False),
    sa.Column('origin_client_id', sa.String(length=36), nullable=False),
    sa.Column('origin_no', sa.String(length=32), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('ticket_client_id')
    )
    op.create_table('platform_outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mutation_id', sa.String(length=36), nullable=False),
    sa.Column('link', sa.String(length=64), nullable=False),
    sa.Column('ticket_client_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(), nullable=False),
    sa.Column('done_at', sa.DateTime(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('remote_no', sa.String(length=32), nullable=False),
    sa.Column('last_error', sa.String(length=300), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('mutation_id')
    )
    op.create_index('ix_platform_outbox_due', 'platform_outbox', ['done_at', 'next_attempt_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_platform_outbox_due', table_name='platform_outbox')
    op.drop_table('platform_outbox')
    op.drop_table('platform_origins')
    op.drop_table('platform_links')
