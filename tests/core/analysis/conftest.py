from collections.abc import Iterator
from pathlib import Path

import pytest

from app.seat import Seat, open_seat
from app.tickets.importer import import_file
from tests.core.analysis.planted import planted_tickets, write_csv


@pytest.fixture(scope="session")
def planted_seat(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seat]:
    """A seat whose store holds the made-up March 2024 (see planted.py), imported once."""
    folder = tmp_path_factory.mktemp("planted")
    source = folder / "planted.csv"
    write_csv(planted_tickets(), source)
    seat = open_seat(folder / "seat")
    report = import_file(seat.store, source, seat.context)
    assert not report.errors, report.errors[:3]
    yield seat
    seat.close()


@pytest.fixture(scope="session")
def planted_dir(planted_seat: Seat) -> Path:
    return planted_seat.data_dir
