"""Open311 GeoReport v2: partners' keys (hashed), their rate windows, and the requests they filed.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('open311_keys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('partner', sa.String(length=64), nullable=False),
    sa.Column('key_hash', sa.String(length=64), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('rate_per_minute', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key_hash')
    )
    op.create_index(op.f('ix_open311_keys_partner'), 'open311_keys', ['partner'], unique=False)
    op.create_table('open311_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=36), nullable=False),
    sa.Column('ticket_client_id', sa.String(length=36), nullable=False),
    sa.Column('key_id', sa.Integer(), nullable=False),
    sa.Column('partner', sa.String(length=64), nullable=False),
    sa.Column('service_code', sa.String(length=16), nullable=False),
    sa.Column('lat', sa.Double(), nullable=True),
    sa.Column('long', sa.Double(), nullable=True),
    sa.Column('address_string', sa.String(length=200), nullable=False),
    sa.Column('address_id', sa.String(length=64), nullable=False),
    sa.Column('media_url', sa.String(length=500), nullable=False),
    sa.Column('attributes', sa.Text(), nullable=False),
    sa.Column('requested_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['key_id'], ['open311_keys.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('ticket_client_id'),
    sa.UniqueConstraint('token')
    )
    op.create_index('ix_open311_requests_at', 'open311_requests', ['requested_at'], unique=False)
    op.create_table('open311_windows',
    sa.Column('key_id', sa.Integer(), nullable=False),
    sa.Column('minute', sa.DateTime(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['key_id'], ['open311_keys.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('key_id', 'minute')
    )


def downgrade() -> None:
    op.drop_table('open311_windows')
    op.drop_index('ix_open311_requests_at', table_name='open311_requests')
    op.drop_table('open311_requests')
    op.drop_index(op.f('ix_open311_keys_partner'), table_name='open311_keys')
    op.drop_table('open311_keys')
