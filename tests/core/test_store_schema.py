"""The seat's models and its migrations describe the same store: an empty store upgraded to head
has exactly the tables, columns, types, defaults and indexes the models declare."""

from pathlib import Path

from sqlalchemy import Column, Index, MetaData, String

from app.store.models import Base
from app.store.unlock import open_store
from tests.migration_drift import drift

# The search index is an FTS5 virtual table with shadow tables: written by migrations only.
SEARCH_TABLES = ("ticket_search",)


def test_an_upgraded_store_is_what_the_models_declare(tmp_path: Path) -> None:
    with open_store(tmp_path) as store, store.engine.connect() as connection:
        assert drift(connection, Base.metadata, ignore_tables=SEARCH_TABLES) == []


def test_a_model_that_its_migrations_do_not_follow_is_caught(tmp_path: Path) -> None:
    changed = MetaData()
    for table in Base.metadata.tables.values():
        table.to_metadata(changed)
    tickets = changed.tables["tickets"]
    tickets.append_column(Column("hotline_note", String(20), nullable=False, server_default=""))
    tickets.c.title.type = String(120)
    Index("ix_tickets_hotline_note", tickets.c.hotline_note)
    with open_store(tmp_path) as store, store.engine.connect() as connection:
        found = {(d[0] if isinstance(d, tuple) else d[0][0]) for d in drift(
            connection, changed, ignore_tables=SEARCH_TABLES)}
    assert found == {"add_column", "modify_type", "add_index"}
