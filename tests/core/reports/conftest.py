from collections.abc import Iterator
from pathlib import Path

import pytest

from app.reports.sample import insert_rows, seed_week_rows
from app.store.db import Store
from app.store.unlock import open_store


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A store holding the seed's week (1月8日至14日 2024), built once per test session."""
    data_dir: Path = tmp_path_factory.mktemp("seed-week")
    with open_store(data_dir) as store:
        with store.engine.begin() as conn:
            insert_rows(conn, seed_week_rows())
        yield store


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path) as store:
        yield store
