"""Privacy against the real server: masked numbers on every route, confidential callers hidden from
unit handlers and other agents (API, sync, export), audited reveals, exports and refusals, an
admin-only audit log, and logs without numbers, names or tokens."""

import json
import logging
from datetime import date
from pathlib import Path
from typing import Any

import requests
from e2e_support import PASSWORD
from lifecycle_support import local, sign_in, step
from sqlalchemy import select

from app.domain.phone import mask_phone
from app.seat import open_seat
from app.store.models import ReferenceItem, TicketEvent
from app.tickets import lifecycle
from app.tickets.exporter import export_file
from app.tickets.queue import QueueFilter, QueueSort
from server.testing import ServerProcess

WHISTLEBLOWER = {"name": "举报人欧阳甲", "phone": "13955556666"}
CITIZEN = {"name": "市民司马乙", "phone": "13766667777"}


def post(server: ServerProcess, path: str, token: str, body: dict[str, Any]) -> requests.Response:
    return requests.post(f"{server.url}/api/v1{path}", json=body, timeout=10,
                         headers={"Authorization": f"Bearer {token}"})


def server_id(server: ServerProcess, token: str, client_id: str) -> int:
    items = server.get("/tickets", token, page_size=500).json()["items"]
    return int(next(t["id"] for t in items if t["client_id"] == client_id))


def seat_text(seat: Any, tmp_path: Path) -> str:
    """Everything a seat holds about tickets: rows, timeline, an export file."""
    export = tmp_path / f"{seat.username}-export.csv"
    with seat.store.raw_connection() as connection:
        export_file(connection, export, QueueFilter(), QueueSort())
        rows = connection.execute("SELECT * FROM tickets").fetchall()
    with seat.store.session() as s:
        details = [e.detail for e in s.scalars(select(TicketEvent))]
    return json.dumps([list(map(str, r)) for r in rows], ensure_ascii=False) + "".join(details) \
        + export.read_text(encoding="utf-8-sig")


def test_confidential_caller_never_reaches_units_or_other_agents(make_seat: Any, server: ServerProcess,
                                                                 tmp_path: Path) -> None:
    agent1, dispatcher = sign_in(make_seat("agent1")), sign_in(make_seat("dispatcher"))
    client_id = agent1.create(request_type="举报", title="工地夜间违规施工", caller_name=WHISTLEBLOWER["name"],
                              caller_phone=WHISTLEBLOWER["phone"])
    assert local(agent1, client_id).confidential  # every 举报 is confidential
    agent1.sync()
    dispatcher.sync()
    step(dispatcher, client_id, lifecycle.dispatch, units=["市城管局"])
    assert dispatcher.sync().rejected == 0
    unit, agent2 = sign_in(make_seat("unit_a")), sign_in(make_seat("agent2"))
    for seat in (unit, agent2, dispatcher):
        seat.sync()
        held = seat_text(seat, tmp_path)
        assert WHISTLEBLOWER["name"] not in held and WHISTLEBLOWER["phone"] not in held, seat.username
        # Not even the masked form (the bare last four digits could occur by chance in random ids).
        assert mask_phone(WHISTLEBLOWER["phone"]) not in held
        token = server.login(seat.username, PASSWORD)
        ticket_id = server_id(server, token, client_id)
        for body in (server.get(f"/tickets/{ticket_id}", token).json(),
                     *server.get("/tickets", token, page_size=500).json()["items"]):
            if body["client_id"] == client_id:
                assert body["redacted"] and body["caller_name"] == "" and body["caller_phone"] == ""
        refused = post(server, f"/tickets/{ticket_id}/reveal", token, {"reason": "想联系举报人"})
        assert refused.status_code == 403 and "保密工单" in refused.json()["detail"]
    boss_token = server.login("boss", PASSWORD)
    ticket_id = server_id(server, boss_token, client_id)
    shown = post(server, f"/tickets/{ticket_id}/reveal", boss_token, {"reason": "督办核实举报情况"})
    assert shown.json() == {"caller_phone": WHISTLEBLOWER["phone"], "caller_name": WHISTLEBLOWER["name"]}
    admin = server.login("admin", PASSWORD)
    audit = server.get("/audit", admin, ticket=client_id, page_size=100).json()["items"]
    assert {(a["username"], a["action"]) for a in audit} >= {
        ("boss", "reveal"), ("unit_a", "refused"), ("agent2", "refused"), ("dispatcher", "refused")}
    assert next(a for a in audit if a["action"] == "reveal")["reason"] == "督办核实举报情况"
    assert WHISTLEBLOWER["phone"] not in json.dumps(audit, ensure_ascii=False)


def test_numbers_masked_for_every_role_reveals_and_exports_audited(make_seat: Any, server: ServerProcess,
                                                                   tmp_path: Path) -> None:
    agent1, dispatcher = sign_in(make_seat("agent1")), sign_in(make_seat("dispatcher"))
    client_id = agent1.create(title="小区供暖不热", caller_name=CITIZEN["name"], caller_phone=CITIZEN["phone"])
    agent1.sync()
    dispatcher.sync()
    step(dispatcher, client_id, lifecycle.dispatch, units=["市城管局"])
    dispatcher.sync()
    agent1.sync()
    assert local(agent1, client_id).caller_phone == CITIZEN["phone"]  # the seat that took the call keeps it
    assert local(dispatcher, client_id).caller_phone == mask_phone(CITIZEN["phone"])

    codes = {}
    for username in ("agent2", "dispatcher", "unit_a", "unit_b", "boss", "admin"):
        token = server.login(username, PASSWORD)
        listed = server.get("/tickets", token, page_size=500).json()["items"]
        assert CITIZEN["phone"] not in json.dumps(listed), username
        boss_token = server.login("boss", PASSWORD)
        ticket_id = server_id(server, boss_token, client_id)
        codes[username] = post(server, f"/tickets/{ticket_id}/reveal", token, {"reason": "回访核实"}).status_code
    assert codes == {"agent2": 200, "dispatcher": 403, "unit_a": 200, "unit_b": 404, "boss": 200, "admin": 403}
    assert post(server, f"/tickets/{ticket_id}/reveal", boss_token, {"reason": ""}).status_code == 422

    # A seat holding only the masked number edits the ticket: the center keeps the real one.
    dispatcher.edit(client_id, title="小区供暖温度不达标")
    assert dispatcher.sync().rejected == 0
    assert post(server, f"/tickets/{ticket_id}/reveal", boss_token, {"reason": "核对"}).json()["caller_phone"] \
        == CITIZEN["phone"]

    # Exports are reported to the audit through sync.
    with dispatcher.store.raw_connection() as connection:
        rows = export_file(connection, tmp_path / "out.xlsx", QueueFilter(), QueueSort())
    with dispatcher.store.session() as s, s.begin():
        lifecycle.record_export(s, rows=rows, file_format="xlsx", description="全部工单", context=dispatcher.context)
    assert dispatcher.sync().pending == 0
    admin = server.login("admin", PASSWORD)
    exports = server.get("/audit", admin, action="export", username="dispatcher").json()["items"]
    assert exports and exports[0]["detail"]["rows"] == rows and exports[0]["detail"]["format"] == "xlsx"
    reveals = server.get("/audit", admin, action="reveal", ticket=client_id).json()
    assert {a["username"] for a in reveals["items"]} == {"agent2", "unit_a", "boss"} and reveals["total"] == 4
    assert server.get("/audit", admin, action="login", username="agent2").json()["total"] >= 1
    # The log is the admin's: anyone else is refused, and that refusal is itself audited.
    assert server.get("/audit", server.login("boss", PASSWORD)).status_code == 403
    refused = server.get("/audit", admin, action="refused", username="boss").json()["items"]
    assert any("/audit" in json.dumps(a["detail"]) for a in refused)


def test_logs_hold_no_number_name_or_token(make_seat: Any, server: ServerProcess, tmp_path: Path) -> None:
    client_log = tmp_path / "client.log"
    handler = logging.FileHandler(client_log, encoding="utf-8")
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        agent1, dispatcher = sign_in(make_seat("agent1")), sign_in(make_seat("dispatcher"))
        unit, boss = sign_in(make_seat("unit_a")), sign_in(make_seat("boss"))
        client_id = agent1.create(title="日志检查", caller_name=CITIZEN["name"], caller_phone=CITIZEN["phone"])
        secret = agent1.create(request_type="举报", title="日志检查保密", caller_name=WHISTLEBLOWER["name"],
                               caller_phone=WHISTLEBLOWER["phone"])
        agent1.sync()
        dispatcher.sync()
        for ticket in (client_id, secret):
            step(dispatcher, ticket, lifecycle.dispatch, units=["市城管局"])
        dispatcher.sync()
        unit.sync()
        step(unit, client_id, lifecycle.sign)
        step(unit, client_id, lifecycle.complete, result="已处理", solved="解决")
        unit.sync()
        boss.sync()
        token = boss.api.token
        assert token
        ticket_id = server_id(server, token, secret)
        post(server, f"/tickets/{ticket_id}/reveal", token, {"reason": "核实"})
        requests.post(f"{server.url}/api/v1/auth/login", json={"username": "agent1", "password": "wrong-password"},
                      timeout=10)
        tokens = [s.api.token for s in (agent1, dispatcher, unit, boss) if s.api.token]
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)
        handler.close()
    logs = {"client": client_log.read_text(encoding="utf-8"),
            "server": server.log_path.read_text(encoding="utf-8", errors="replace")}
    assert "sync pushed" in logs["client"] and "push user_id" in logs["server"]  # the logs did record the flow
    for where, text in logs.items():
        for secret_text in (CITIZEN["phone"], CITIZEN["name"], WHISTLEBLOWER["phone"], WHISTLEBLOWER["name"],
                            "13812345678", "张先生", PASSWORD, "wrong-password", *tokens):
            assert secret_text not in text, f"{secret_text[:6]}… in the {where} log"


def test_admin_manages_users_and_reference_data_through_the_server(make_seat: Any, server: ServerProcess) -> None:
    admin = server.login("admin", PASSWORD)
    url = f"{server.url}/api/v1/admin"
    headers = {"Authorization": f"Bearer {admin}"}
    created = requests.post(f"{url}/users", headers=headers, timeout=10, json={
        "username": "newunit", "display_name": "新单位办理员", "role": "unit", "unit": "梁园区政府",
        "password": "first-password-1"})
    assert created.status_code in (201, 409)
    assert requests.post(f"{url}/users", headers=headers, timeout=10, json={
        "username": "newunit", "role": "agent", "password": "first-password-1"}).status_code == 409
    assert requests.patch(f"{url}/users/newunit", headers=headers, timeout=10, json={"role": "agent"}).json()["unit"] == ""
    assert requests.patch(f"{url}/users/newunit", headers=headers, timeout=10, json={"active": False}).ok
    login = {"username": "newunit", "password": "first-password-1"}
    assert requests.post(f"{server.url}/api/v1/auth/login", json=login, timeout=10).status_code == 401
    requests.patch(f"{url}/users/newunit", headers=headers, timeout=10, json={"active": True})
    assert requests.post(f"{url}/users/newunit/password", headers=headers, timeout=10,
                         json={"password": "second-password-2"}).status_code == 204
    assert requests.post(f"{server.url}/api/v1/auth/login", json=login, timeout=10).status_code == 401
    assert requests.post(f"{server.url}/api/v1/auth/login", timeout=10,
                         json={"username": "newunit", "password": "second-password-2"}).ok
    assert requests.patch(f"{url}/users/admin", headers=headers, timeout=10, json={"active": False}).status_code == 409

    assert requests.put(f"{url}/units/市水务局", headers=headers, timeout=10,
                        json={"kind": "市直", "duties": ["供水"]}).ok
    assert requests.put(f"{url}/holidays/2026-12-31", headers=headers, timeout=10, json={"type": "休"}).ok
    assert requests.put(f"{url}/categories", headers=headers, timeout=10, json={"path": ["城乡建设", "供水"]}).ok
    seat = sign_in(make_seat("dispatcher"))
    assert seat.sync().reference_changes > 0  # the desktop rebuilds its rules on this
    with seat.store.session() as s:
        items = {(i.kind, i.key): json.loads(i.value) for i in s.scalars(select(ReferenceItem))}
    reopened = open_seat(seat.data_dir)
    rules = reopened.context.reference
    reopened.close()
    assert next(u for u in rules.units if u.name == "市水务局").duties == ("供水",)
    assert rules.categories.contains("城乡建设", "供水")
    assert not rules.calendar.is_working_day(date(2026, 12, 31))  # a Thursday
    assert items[("unit", "市水务局")]["duties"] == ["供水"]
    assert items[("holiday", "2026-12-31")]["type"] == "休"
    assert ("category", "城乡建设/供水") in items
    assert items[("user", "newunit")]["role"] == "agent" and "password" not in json.dumps(list(items.values()), ensure_ascii=False)
    assert requests.delete(f"{url}/units/市水务局", headers=headers, timeout=10).status_code == 204
    seat.sync()
    with seat.store.session() as s:
        item = s.get(ReferenceItem, ("unit", "市水务局"))
        assert item is not None and json.loads(item.value) == {"deleted": True}
    reopened = open_seat(seat.data_dir)
    assert "市水务局" not in reopened.context.reference.unit_names()
    reopened.close()

    boss = server.login("boss", PASSWORD)
    assert requests.put(f"{url}/units/假单位", headers={"Authorization": f"Bearer {boss}"}, timeout=10,
                        json={}).status_code == 403
    changes = server.get("/audit", admin, action="admin", username="admin", page_size=100).json()["items"]
    assert {"新建账号", "修改账号", "重置密码", "保存承办单位", "保存节假日", "删除承办单位"} <= {a["reason"] for a in changes}
    assert "password" not in json.dumps(changes)
    assert server.get("/audit", admin, action="refused", username="boss").json()["total"] >= 1
