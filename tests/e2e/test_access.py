"""Per-object access through the API and sync; expired and revoked tokens; login throttling."""

import time
import uuid
from pathlib import Path
from typing import Any

import pytest
import requests
from e2e_support import PASSWORD

from app.domain.lifecycle import Action
from app.domain.roles import Role
from app.sync.client import ApiClient
from app.sync.errors import AuthRequired
from server.testing import ServerProcess


def test_unit_handler_sees_and_changes_only_its_units_tickets(make_seat: Any, server: ServerProcess) -> None:
    agent, dispatcher = make_seat("agent1"), make_seat("dispatcher")
    client_id = agent.create(title="井盖缺失", category3="井盖")
    agent.sync()
    dispatcher.sync()
    dispatcher.edit(client_id, handling_unit="市城管局")
    dispatcher.act(client_id, Action.DISPATCH)
    assert dispatcher.sync().rejected == 0

    own, other = make_seat("unit_a"), make_seat("unit_b")
    own.sync()
    other.sync()
    assert client_id in own.tickets() and client_id not in other.tickets()

    token_b = server.login("unit_b", PASSWORD)
    token_a = server.login("unit_a", PASSWORD)
    listed = server.get("/tickets", token_a, page_size=500).json()["items"]
    ticket_id = next(t["id"] for t in listed if t["client_id"] == client_id)
    assert server.get(f"/tickets/{ticket_id}", token_a).status_code == 200
    assert server.get(f"/tickets/{ticket_id}", token_b).status_code == 404
    assert all(t["handling_unit"] == "梁园区政府" for t in server.get("/tickets", token_b).json()["items"])

    version = own.tickets()[client_id].version
    forged = {"mutation_id": str(uuid.uuid4()), "ticket_client_id": client_id, "kind": "签收",
              "base_version": version, "payload": {"from": "派单", "to": "签收", "note": ""}}
    (answer,) = other.api.push([forged])
    assert answer["status"] == "rejected" and answer.get("ticket") is None
    own.act(client_id, Action.SIGN)
    assert own.sync().rejected == 0
    assert server.get(f"/tickets/{ticket_id}", token_a).json()["status"] == "签收"


def test_logout_revokes_and_401_raises_auth_required(server: ServerProcess) -> None:
    api = ApiClient(server.url)
    api.login("agent2", PASSWORD)
    token = api.token
    assert token and api.pull(0, 1)["cursor"] >= 0
    api.logout()
    assert server.get("/auth/me", token).status_code == 401
    api.token = token
    with pytest.raises(AuthRequired):
        api.pull(0, 1)


def test_expired_tokens_and_throttled_logins(tmp_path: Path, reference_dir: Path) -> None:
    process = ServerProcess(tmp_path / "short", reference_dir=reference_dir, env={
        "HOTLINE_TOKEN_ABSOLUTE_HOURS": "0", "HOTLINE_LOGIN_BLOCK_MAX_SECONDS": "1"})
    password = process.create_user("shortlived", Role.AGENT)  # through the real CLI
    process.start()
    try:
        token = process.login("shortlived", password)
        assert process.get("/auth/me", token).status_code == 401  # absolute expiry of 0 hours

        url = f"{process.url}/api/v1/auth/login"
        codes = [requests.post(url, json={"username": "shortlived", "password": "wrong"}, timeout=10).status_code
                 for _ in range(6)]
        assert codes[:5] == [401] * 5 and codes[5] == 429
        blocked = requests.post(url, json={"username": "shortlived", "password": password}, timeout=10)
        assert blocked.status_code == 429 and "Retry-After" in blocked.headers
        deadline = time.monotonic() + 10  # the block is temporary: the real user gets back in
        while time.monotonic() < deadline:
            answer = requests.post(url, json={"username": "shortlived", "password": password}, timeout=10)
            if answer.status_code == 200:
                break
            time.sleep(0.2)
        assert answer.status_code == 200
    finally:
        process.stop()
