import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.desk import Desk, open_desk


@pytest.fixture(scope="session")
def seed_desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    """The seed's week (1月8日至14日 2024), built once per session."""
    data_dir: Path = tmp_path_factory.mktemp("seed-week-ui")
    desk = open_desk(data_dir)
    assert desk.fill_sample_week()
    yield desk
    desk.close()
