"""Alembic environment: the engine comes from the caller (Store), never from a config file."""

from alembic import context
from sqlalchemy import Engine

from app.store.models import Base

engine: Engine = context.config.attributes["engine"]

with engine.connect() as connection:
    context.configure(
        connection=connection, target_metadata=Base.metadata, render_as_batch=True
    )
    with context.begin_transaction():
        context.run_migrations()
