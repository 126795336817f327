"""The real public messages of 2019: the two issues everyone who read them names come first."""

from collections.abc import Iterator
from datetime import date

import pytest

from app.analysis.hotspots import analyze
from app.analysis.model import HotspotOptions, HotspotReport
from app.reports.period import Period
from app.seat import open_seat
from app.tickets.importer import import_file
from tests.conftest import SHARED_DATA
from tests.core.analysis.real_messages import write_import_file


@pytest.fixture(scope="module")
def year_2019(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HotspotReport]:
    if not SHARED_DATA.exists():
        pytest.skip(f"real message data not found at {SHARED_DATA} (../shared/data is beside the repo)")
    folder = tmp_path_factory.mktemp("real")
    source = folder / "messages.csv"
    assert write_import_file(SHARED_DATA / "messages_unlabeled.csv", source) == 4304
    seat = open_seat(folder / "seat")
    try:
        imported = import_file(seat.store, source, seat.context)
        assert not imported.errors and imported.imported > 4200  # the same text twice: once
        with seat.store.engine.connect() as conn:
            yield analyze(conn, Period(date(2019, 1, 1), date(2019, 12, 31)),
                          options=HotspotOptions(top=10), as_of=date(2020, 1, 1))
    finally:
        seat.close()


@pytest.mark.slow
def test_the_mixing_plant_and_the_parking_spaces_lead_2019(year_2019: HotspotReport) -> None:
    top = year_2019.groups
    for group in top:
        print(f"{group.rank}. {group.heat} {group.time_range} {group.description} ({len(group.tickets)}件)")
    first_two = " / ".join(g.description for g in top[:2])
    assert "丽发新城" in first_two and "搅拌站" in first_two, first_two
    assert "伊景园滨河苑" in first_two and "车位" in first_two, first_two
    plant = next(g for g in top[:2] if "丽发新城" in g.description)
    # Every ticket of the group is about the plant by 丽发新城 (its titles say so, one way or another).
    assert len(plant.tickets) >= 30
    assert sum("搅拌" in t.title for t in plant.tickets) >= 0.8 * len(plant.tickets)
    assert len(year_2019.repeat_callers) > 0 and year_2019.repeat_callers[0].calls >= 20
