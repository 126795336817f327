import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.reports.sample import insert_rows, seed_week_rows
from app.store.db import Store


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The seed's week (1月8日至14日 2024), built once per session."""
    data_dir: Path = tmp_path_factory.mktemp("seed-week-ui")
    with Store(data_dir) as store:
        with store.engine.begin() as conn:
            insert_rows(conn, seed_week_rows())
        yield store
