"""Seeded randomness for tests: the ``rng`` fixture draws a fresh seed each run (more cases over
time), prints it when its test fails, and ``HOTLINE_TEST_SEED=<seed>`` replays that run."""

import os
import random
from collections.abc import Generator

import pytest

SEED_ENV = "HOTLINE_TEST_SEED"
_SEED = pytest.StashKey[int]()


@pytest.fixture
def rng(request: pytest.FixtureRequest) -> random.Random:
    seed = int(os.environ.get(SEED_ENV) or random.SystemRandom().randrange(2**32))
    request.node.stash[_SEED] = seed
    return random.Random(seed)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    seed = item.stash.get(_SEED, None)
    if seed is not None and report.failed:
        report.sections.append(("random seed", f"{SEED_ENV}={seed} replays this test's random choices"))
    return report
