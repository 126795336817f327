"""A test drawing random cases prints its seed when it fails, and the seed replays the cases."""

import pytest

from tests.seeded import SEED_ENV

INNER = """
def test_draws(rng):
    print("drew", [rng.randrange(1000) for _ in range(5)])
    assert False
"""


def test_a_failing_test_prints_its_seed_and_the_seed_replays_it(
        pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makeconftest("from tests.seeded import pytest_runtest_makereport, rng  # noqa: F401\n")
    pytester.makepyfile(INNER)
    first = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    first.assert_outcomes(failed=1)
    (seed_line,) = [line for line in first.outlines if SEED_ENV + "=" in line]
    seed = seed_line.split(SEED_ENV + "=")[1].split()[0]
    drawn = [line for line in first.outlines if line.startswith("drew ")]
    monkeypatch.setenv(SEED_ENV, seed)
    again = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    assert [line for line in again.outlines if line.startswith("drew ")] == drawn
    assert any(f"{SEED_ENV}={seed}" in line for line in again.outlines)
