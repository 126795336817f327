"""转办 from a city center down to a county center, both real server processes on loopback (the
county on SQLite and PostgreSQL), through a proxy that drops answers: exactly one ticket at the
county, whatever the link does; a transfer the county refuses comes back to the city's
dispatcher.
"""

import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from e2e_support import PASSWORD, USERS
from faultproxy import FaultProxy
from lifecycle_support import mutation

from app.domain.roles import Role
from server.testing import SAMPLE_REFERENCE, ServerProcess, add_users

LINK = "梁园区平台"
SERVICE_ACCOUNT = "city-svc"


def _sqlite_url(process: ServerProcess) -> str:
    return process.database_url or f"sqlite:///{process.data_dir / 'hotline-server.sqlite3'}"


@pytest.fixture(scope="module")
def city(server: ServerProcess, tmp_path_factory: pytest.TempPathFactory) -> Iterator[
        tuple[ServerProcess, FaultProxy]]:
    """A city center linked to the county (``server``) through a fault proxy."""
    county = server
    account = f"{SERVICE_ACCOUNT}-{uuid.uuid4().hex[:6]}"
    add_users(_sqlite_url(county), [(account, Role.DISPATCHER, "")], PASSWORD)
    county.cli("link", "add", "--name", f"市平台-{account}", "--kind", "parent",
               "--peer-account", account, "--channel", "省平台")
    # The city knows one category more than the county: a ticket in it is refused down there.
    reference = tmp_path_factory.mktemp("city-reference")
    for name, content in SAMPLE_REFERENCE.items():
        extra = "城乡建设,市政设施,窨井盖\n" if name == "categories.csv" else ""
        (reference / name).write_text(content + extra, encoding="utf-8")
    proxy = FaultProxy(county.port, match="/platform/receive")
    city = ServerProcess(tmp_path_factory.mktemp("city"), reference_dir=reference,
                         env={"HOTLINE_PLATFORM_DELIVER_SECONDS": "0.2", "CITY_SVC_PW": PASSWORD,
                              "HOTLINE_CITY_PREFIX": "SC"})
    try:
        city.start()
        add_users(_sqlite_url(city), USERS, PASSWORD)
        city.cli("link", "add", "--name", LINK, "--kind", "child", "--url", proxy.url,
                 "--account", account, "--password-env", "CITY_SVC_PW")
        yield city, proxy
    finally:
        city.stop()
        proxy.close()


def wait_for(check: Callable[[], Any], timeout: float = 30.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError("not reached in time")


def create_ticket(city: ServerProcess, **fields: Any) -> dict[str, Any]:
    token = city.login("agent1", PASSWORD)
    client_id = str(uuid.uuid4())
    payload = {"channel": "电话", "request_type": "投诉", "caller_name": "李四",
               "caller_phone": "13912345678", "category1": "城乡建设", "category2": "市政设施",
               "category3": "路灯", "district": "梁园区", "address": "凯旋路与神火大道交叉口",
               "title": "路灯不亮", "description": "凯旋路路灯连续三晚不亮", "urgency": "一般", **fields}
    answer = requests.post(f"{city.url}/api/v1/sync/push", timeout=10,
                           headers={"Authorization": f"Bearer {token}"},
                           json={"mutations": [mutation(client_id, "create", 0, payload)]}).json()
    assert answer["answers"][0]["status"] == "applied", answer
    ticket: dict[str, Any] = city.get(f"/tickets?official_no={answer['answers'][0]['official_no']}",
                                      token).json()["items"][0]
    return ticket


def transfer(city: ServerProcess, client_id: str, user: str = "dispatcher") -> requests.Response:
    token = city.login(user, PASSWORD)
    return requests.post(f"{city.url}/api/v1/platform/transfer", timeout=10,
                         headers={"Authorization": f"Bearer {token}"},
                         json={"ticket_client_id": client_id, "link": LINK, "note": "属县级事权"})


def county_copies(county: ServerProcess, origin_no: str) -> list[dict[str, Any]]:
    token = county.login("dispatcher", PASSWORD)
    items = county.get("/tickets", token, page_size=500).json()["items"]
    return [t for t in items if t["local_no"] == origin_no]


def city_ticket(city: ServerProcess, official_no: str) -> dict[str, Any]:
    found: dict[str, Any] = city.get("/tickets", city.login("dispatcher", PASSWORD),
                                     official_no=official_no).json()["items"][0]
    return found


def test_a_transfer_arrives_once_over_a_link_that_drops_answers(
        server: ServerProcess, city: tuple[ServerProcess, FaultProxy]) -> None:
    center, proxy = city
    ticket = create_ticket(center)
    # The first answer is lost after the county applied it, the second comes back as a 500.
    proxy.plan = ["drop_after", "error_after"]
    queued = transfer(center, ticket["client_id"])
    assert queued.status_code == 200, queued.text
    copies = wait_for(lambda: proxy.plan == [] and county_copies(server, ticket["official_no"]))
    # Answered at last (replayed): the city's copy stays with the county platform.
    wait_for(lambda: len(proxy.seen) >= 3)
    (copy,) = county_copies(server, ticket["official_no"])
    assert copy["official_no"] != ticket["official_no"]  # the county's own number beside ours
    assert copy["channel"] == "省平台" and copy["status"] == "受理"
    assert copy["deadline"] == ticket["deadline"]  # as the city gave it
    assert copy["title"] == "路灯不亮" and copy["caller_phone"] == "139****5678"
    here = city_ticket(center, ticket["official_no"])
    assert here["status"] == "派单" and here["handling_unit"] == LINK
    assert copies  # (found while waiting)


def test_only_a_dispatcher_transfers_a_ticket_not_yet_dispatched(
        city: tuple[ServerProcess, FaultProxy]) -> None:
    center, _ = city
    ticket = create_ticket(center)
    refused = transfer(center, ticket["client_id"], user="agent1")
    assert refused.status_code == 409 and "派单员" in refused.json()["detail"]
    assert transfer(center, ticket["client_id"]).status_code == 200
    again = transfer(center, ticket["client_id"])
    assert again.status_code == 409 and "受理或退单" in again.json()["detail"]


def test_a_transfer_the_county_refuses_returns_to_the_city_dispatcher(
        server: ServerProcess, city: tuple[ServerProcess, FaultProxy]) -> None:
    center, _ = city
    ticket = create_ticket(center, category3="窨井盖")  # unknown at the county
    assert transfer(center, ticket["client_id"]).status_code == 200
    back = wait_for(lambda: (t := city_ticket(center, ticket["official_no"]))["status"] == "退单" and t)
    assert back["handling_unit"] == ""
    assert county_copies(server, ticket["official_no"]) == []


def test_a_county_account_that_is_no_parent_link_cannot_send_tickets(server: ServerProcess) -> None:
    token = server.login("dispatcher", PASSWORD)
    answer = requests.post(f"{server.url}/api/v1/platform/receive", timeout=10,
                           headers={"Authorization": f"Bearer {token}"}, json={"transfers": []})
    assert answer.status_code == 403


def test_links_are_listed_without_any_password(city: tuple[ServerProcess, FaultProxy]) -> None:
    center, _ = city
    listed = center.get("/platform/links", center.login("admin", PASSWORD)).json()
    assert [(link["name"], link["password_env"]) for link in listed] == [(LINK, "CITY_SVC_PW")]
    assert PASSWORD not in str(listed)
    assert PASSWORD not in Path(center.log_path).read_text(errors="replace")
