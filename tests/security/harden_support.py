"""A real center per test module, on SQLite and on PostgreSQL, with users of every role, and
helpers to push raw bytes at it (hostile input is not always valid JSON or valid UTF-8)."""

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from app.domain.roles import Role
from server.testing import (
    ServerProcess,
    add_users,
    create_pg_database,
    drop_pg_database,
    postgres_available,
    write_sample_reference,
)

PASSWORD = "correct-horse-battery-staple"
USERS = [
    ("agent1", Role.AGENT, ""), ("agent2", Role.AGENT, ""), ("dispatcher", Role.DISPATCHER, ""),
    ("unit_a", Role.UNIT, "市城管局"), ("unit_b", Role.UNIT, "梁园区政府"),
    ("boss", Role.SUPERVISOR, ""), ("admin", Role.ADMIN, ""),
]
PHONE = "13812345678"


@dataclass
class Center:
    server: ServerProcess
    engine: str

    @property
    def api(self) -> str:
        return f"{self.server.url}/api/v1"

    def token(self, username: str) -> str:
        return self.server.login(username, PASSWORD)

    def post_raw(self, path: str, body: bytes, token: str | None = None) -> requests.Response:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return requests.post(f"{self.api}{path}", data=body, headers=headers, timeout=60)

    def push(self, token: str, *mutations: dict[str, Any]) -> requests.Response:
        return self.post_raw("/sync/push", json.dumps({"mutations": list(mutations)}).encode(), token)

    @property
    def database_url(self) -> str:
        return self.server.database_url or f"sqlite:///{self.server.data_dir / 'hotline-server.sqlite3'}"

    def log(self) -> str:
        return self.server.log_path.read_text(encoding="utf-8", errors="replace")


def ticket_fields(**over: Any) -> dict[str, Any]:
    values = {"channel": "电话", "request_type": "投诉", "caller_name": "张先生", "caller_phone": PHONE,
              "category1": "城乡建设", "category2": "市政设施", "category3": "路灯", "district": "梁园区",
              "address": "凯旋路100号", "title": "路灯不亮", "description": "凯旋路路灯连续三晚不亮",
              "urgency": "一般"}
    return {**values, **over}


def mutation(kind: str = "create", payload: dict[str, Any] | None = None, **over: Any) -> dict[str, Any]:
    return {"mutation_id": str(uuid.uuid4()), "ticket_client_id": str(uuid.uuid4()), "kind": kind,
            "base_version": 0, "payload": ticket_fields() if payload is None else payload, **over}


def start_center(request: pytest.FixtureRequest, tmp: Path, **env: str) -> Iterator[Center]:
    database_url = None
    if request.param == "postgresql":
        reason = postgres_available()
        if reason:
            pytest.skip(f"SKIPPING PostgreSQL security tests — {reason}")
        database_url = create_pg_database()
    process = ServerProcess(tmp / "server", database_url=database_url,
                            reference_dir=write_sample_reference(tmp / "reference"), env=env)
    try:
        process.start()
        add_users(database_url or f"sqlite:///{tmp / 'server' / 'hotline-server.sqlite3'}", USERS, PASSWORD)
        yield Center(process, request.param)
    finally:
        process.stop()
        if database_url:
            drop_pg_database(database_url)
