"""Fixtures for the assistant tests: the shared demo data lives beside the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.assistant.category import CategoryModel, train
from app.assistant.dataset import read_labeled
from app.assistant.service import load_prior

DATA = Path(__file__).resolve().parents[3] / "../shared/data/tipdm2020c"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    if not (DATA / "messages_labeled.csv").exists():
        pytest.skip(f"demo data not found at {DATA.resolve()} (the shared folder beside the repo)")
    return DATA


@pytest.fixture(scope="session")
def labeled(data_dir: Path) -> list[tuple[str, str]]:
    return read_labeled(data_dir / "messages_labeled.csv", ["留言主题", "留言详情"], "一级分类")


@pytest.fixture(scope="session")
def prior_model() -> CategoryModel:
    """What a fresh install has: a model trained on the bundled keyword prior alone."""
    return train([], prior=load_prior())
