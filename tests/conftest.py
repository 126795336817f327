"""Shared fixtures. Qt runs offscreen in every test; stores are real SQLite files in tmp_path."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.reference import ReferenceData, default_reference
from app.seat import Seat, open_seat

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO_ROOT.parent / "shared" / "data" / "tipdm2020c"


@pytest.fixture
def reference() -> ReferenceData:
    return default_reference()


@pytest.fixture
def seat(tmp_path: Path) -> Iterator[Seat]:
    opened = open_seat(tmp_path / "seat")
    yield opened
    opened.close()


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        pytest.skip(f"real message data not found at {SHARED_DATA} (../shared/data is beside the repo)")
    return SHARED_DATA
