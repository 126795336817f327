"""Shared fixtures. Qt runs offscreen in every test; stores are real SQLite files in tmp_path."""

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# One keyring file for the run, shared with the subprocesses tests start (tests/file_keyring.py).
os.environ.setdefault("HOTLINE_DESK_TEST_KEYRING", str(Path(tempfile.mkdtemp(prefix="hd-keyring-")) / "keyring.json"))
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.file_keyring.FileKeyring"
os.environ["PYTHONPATH"] = os.pathsep.join(
    filter(None, [str(Path(__file__).resolve().parent.parent), os.environ.get("PYTHONPATH")]))

from app.assistant.category import CategoryModel, train
from app.assistant.service import load_prior
from app.assistant.store_source import MODEL_FILENAME
from app.reference import ReferenceData, default_reference
from app.seat import Seat, open_seat
from tests.seeded import pytest_runtest_makereport, rng  # noqa: F401 (the seeded rng fixture and its report)

pytest_plugins = ["pytester"]

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO_ROOT.parent / "shared" / "data" / "tipdm2020c"


@pytest.fixture
def reference() -> ReferenceData:
    return default_reference()


@pytest.fixture(scope="session")
def tiny_category_model() -> CategoryModel:
    """The bundled keyword prior as a character-only model: trains in milliseconds, no jieba."""
    return train([], prior=load_prior())


@pytest.fixture
def seat(tmp_path: Path, tiny_category_model: CategoryModel) -> Iterator[Seat]:
    data_dir = tmp_path / "seat"
    # A current model file in the seat: the window loads it instead of training one.
    tiny_category_model.save(data_dir / "assistant" / MODEL_FILENAME)
    opened = open_seat(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        pytest.skip(f"real message data not found at {SHARED_DATA} (../shared/data is beside the repo)")
    return SHARED_DATA
