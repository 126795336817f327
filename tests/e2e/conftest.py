"""A real server subprocess per database engine, and seats (local stores) that sync with it."""

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.lifecycle import Action
from app.domain.roles import Role
from app.domain.ticket import TicketInput
from app.reference import ReferenceData, load_reference
from app.settings import Settings
from app.store.db import Store
from app.store.models import Ticket
from app.sync.client import ApiClient, RetryPolicy
from app.sync.engine import SyncEngine, SyncReport
from app.tickets.service import (
    Actor,
    TicketContext,
    apply_action,
    create_ticket,
    get_by_client_id,
    ticket_to_input,
    update_ticket,
)
from server.testing import (
    ServerProcess,
    add_users,
    create_pg_database,
    drop_pg_database,
    postgres_available,
    write_sample_reference,
)

PASSWORD = "correct-horse-battery"
USERS = [
    ("agent1", Role.AGENT, ""), ("agent2", Role.AGENT, ""), ("dispatcher", Role.DISPATCHER, ""),
    ("unit_a", Role.UNIT, "市城管局"), ("unit_b", Role.UNIT, "梁园区政府"),
    ("boss", Role.SUPERVISOR, ""), ("admin", Role.ADMIN, ""),
]


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


@dataclass
class Seat:
    """One desktop seat: its own store and sync engine, no Qt."""

    data_dir: Path
    server_url: str
    username: str
    reference: ReferenceData
    seat_id: str = field(default_factory=lambda: f"S{uuid.uuid4().hex[:4].upper()}")
    retry: RetryPolicy = field(default_factory=lambda: RetryPolicy(attempts=2, backoff=0.01))
    read_timeout: float = 10.0

    def __post_init__(self) -> None:
        self.store = Store(self.data_dir)
        self.context = TicketContext(Actor(self.seat_id, self.username), self.reference,
                                     Settings(seat_id=self.seat_id, agent_name=self.username))
        self.api = ApiClient(self.server_url, retry=self.retry, read_timeout=self.read_timeout)
        self.engine = SyncEngine(self.store, self.api, push_batch=50, pull_limit=100)

    def login(self, password: str = PASSWORD) -> None:
        self.api.login(self.username, password)

    def create(self, **values: Any) -> str:
        data = {"request_type": "投诉", "caller_phone": "13812345678", "caller_name": "张先生",
                "category1": "城乡建设", "category2": "市政设施", "category3": "路灯",
                "district": "梁园区", "address": "凯旋路100号", "title": "路灯不亮",
                "description": "凯旋路路灯连续三晚不亮", **values}
        with self.store.session() as s, s.begin():
            return create_ticket(s, data=TicketInput.from_dict(data), context=self.context).client_id

    def edit(self, client_id: str, **values: Any) -> None:
        with self.store.session() as s, s.begin():
            ticket = get_by_client_id(s, client_id)
            assert ticket is not None
            data = TicketInput.from_dict({**ticket_to_input(ticket).to_dict(), **values})
            update_ticket(s, ticket=ticket, data=data, context=self.context)

    def act(self, client_id: str, action: Action) -> None:
        with self.store.session() as s, s.begin():
            ticket = get_by_client_id(s, client_id)
            assert ticket is not None
            apply_action(s, ticket=ticket, action=action, context=self.context)

    def sync(self) -> SyncReport:
        return self.engine.sync_once()

    def tickets(self) -> dict[str, Ticket]:
        with self.store.session() as s:
            return {t.client_id: t for t in s.scalars(select(Ticket))}

    def close(self) -> None:
        self.api.close()
        self.store.close()


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


def server_tickets(server: ServerProcess, token: str) -> dict[str, dict[str, Any]]:
    """Every ticket the server holds, by client id (asserting no client id appears twice)."""
    found: dict[str, dict[str, Any]] = {}
    page = 1
    while True:
        body = server.get("/tickets", token, page=page, page_size=500).json()
        for item in body["items"]:
            assert item["client_id"] not in found, "a ticket is on the server twice"
            found[item["client_id"]] = item
        if page * 500 >= body["total"]:
            return found
        page += 1
