"""The center's models and its migrations describe the same database, on SQLite and on
PostgreSQL: an empty database upgraded to head is what the models declare."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Column, MetaData, String

from server.db import Database, open_database, upgrade
from server.models import Base
from tests.migration_drift import drift


@pytest.fixture
def sqlite_database(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'center.db'}")
    upgrade(database)
    yield database
    database.dispose()


@pytest.mark.parametrize("name", ["sqlite_database", "pg_database"])
def test_an_upgraded_database_is_what_the_models_declare(name: str, request: pytest.FixtureRequest) -> None:
    database: Database = request.getfixturevalue(name)
    with database.write_engine.connect() as connection:
        assert drift(connection, Base.metadata) == []


def test_a_model_that_its_migrations_do_not_follow_is_caught(pg_database: Database) -> None:
    changed = MetaData()
    for table in Base.metadata.tables.values():
        table.to_metadata(changed)
    changed.tables["tickets"].append_column(Column("hotline_note", String(20), nullable=False))
    changed.tables["tickets"].c.caller_name.type = String(60)
    with pg_database.write_engine.connect() as connection:
        found = {(d[0] if isinstance(d, tuple) else d[0][0]) for d in drift(connection, changed)}
    assert found == {"add_column", "modify_type"}
