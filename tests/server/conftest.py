"""Service-level tests against a migrated database (PostgreSQL when reachable)."""

from collections.abc import Iterator

import pytest

from server.db import Database, open_database, upgrade
from server.testing import create_pg_database, drop_pg_database, postgres_available


@pytest.fixture(scope="session")
def pg_database() -> Iterator[Database]:
    reason = postgres_available()
    if reason:
        pytest.skip(f"SKIPPING PostgreSQL ordering tests — {reason}")
    url = create_pg_database()
    database = open_database(url)
    try:
        upgrade(database)
        yield database
    finally:
        database.dispose()
        drop_pg_database(url)
