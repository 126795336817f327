"""Helpers shared by the end-to-end tests: seats (local stores) and server look-ups."""

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from keyring.backend import KeyringBackend
from keyring.backends.fail import Keyring as FailKeyring
from sqlalchemy import select

from app.domain.lifecycle import Action
from app.domain.roles import Role
from app.domain.ticket import TicketInput
from app.reference import ReferenceData
from app.settings import Settings
from app.store.models import Ticket
from app.store.unlock import open_store
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
from server.testing import ServerProcess

PASSWORD = "correct-horse-battery"
USERS = [
    ("agent1", Role.AGENT, ""), ("agent2", Role.AGENT, ""), ("dispatcher", Role.DISPATCHER, ""),
    ("unit_a", Role.UNIT, "市城管局"), ("unit_b", Role.UNIT, "梁园区政府"),
    ("boss", Role.SUPERVISOR, ""), ("admin", Role.ADMIN, ""),
]



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
    passphrase: str | None = None  # a seat without a keyring: its store keyed from this

    def __post_init__(self) -> None:
        self.store = (open_store(self.data_dir) if self.passphrase is None else
                      open_store(self.data_dir, backend=FailKeyring(), prompt=lambda _: self.passphrase))
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


class MemoryKeyring(KeyringBackend):
    """A real (non-fail, non-plaintext) keyring backend that keeps secrets in a dict."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)
