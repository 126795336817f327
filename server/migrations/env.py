"""Alembic environment of the server: the engine comes from server.db, never from a file."""

from alembic import context
from sqlalchemy import Engine

from server.models import Base

engine: Engine = context.config.attributes["engine"]

with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=Base.metadata)
    with context.begin_transaction():
        context.run_migrations()
