"""A real server subprocess per database engine, and seats (local stores) that sync with it."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from e2e_support import PASSWORD, USERS, Seat

from app.reference import ReferenceData, load_reference
from server.testing import (
    ServerProcess,
    add_users,
    create_pg_database,
    drop_pg_database,
    postgres_available,
    write_sample_reference,
)


@pytest.fixture(scope="session")
def reference_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_reference(tmp_path_factory.mktemp("reference"))


@pytest.fixture(scope="session")
def reference(reference_dir: Path) -> ReferenceData:
    return load_reference(reference_dir)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
           reference_dir: Path) -> Iterator[ServerProcess]:
    data_dir = tmp_path_factory.mktemp(f"server-{request.param}")
    database_url = None
    if request.param == "postgresql":
        reason = postgres_available()
        if reason:
            pytest.skip(f"SKIPPING PostgreSQL sync tests — {reason}")
        database_url = create_pg_database()
    process = ServerProcess(data_dir, database_url=database_url, reference_dir=reference_dir)
    try:
        process.start()
        add_users(database_url or f"sqlite:///{data_dir / 'hotline-server.sqlite3'}", USERS, PASSWORD)
        yield process
    finally:
        process.stop()
        if database_url:
            drop_pg_database(database_url)


@pytest.fixture
def make_seat(tmp_path: Path, server: ServerProcess,
              reference: ReferenceData) -> Iterator[Any]:
    seats: list[Seat] = []

    def make(username: str = "agent1", *, url: str | None = None, login: bool = True,
             **kwargs: Any) -> Seat:
        seat = Seat(tmp_path / f"seat{len(seats)}", url or server.url, username, reference, **kwargs)
        if login:
            seat.login()
        seats.append(seat)
        return seat

    yield make
    for seat in seats:
        seat.close()
