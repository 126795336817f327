"""The lifecycle against the real server: every action for every role through sync push, a
ticket's whole life across seats, and the server's last word on a tampered client."""

from datetime import date, timedelta
from typing import Any

import pytest
from e2e_support import PASSWORD, server_tickets
from lifecycle_support import local, mutation, sign_in, step

from app.domain.lifecycle import Action
from app.sync.client import ApiClient
from app.tickets import lifecycle
from server.testing import ServerProcess

UNIT_A, UNIT_B = "市城管局", "梁园区政府"
USERS = ["agent1", "dispatcher", "unit_a", "unit_b", "boss", "admin"]


def center(server: ServerProcess, client_id: str) -> dict[str, Any]:
    token = server.login("boss", PASSWORD)
    return server_tickets(server, token)[client_id]


def push_as(server: ServerProcess, username: str, client_id: str, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    api = ApiClient(server.url)
    try:
        api.login(username, PASSWORD)
        version = center(server, client_id)["version"]
        (answer,) = api.push([mutation(client_id, kind, version, payload)])
        return answer
    finally:
        api.close()


IN_TEN_DAYS = (date.today() + timedelta(days=40)).isoformat()
DISPATCH = {"unit": UNIT_A, "co_units": [UNIT_B]}
# (action, steps to reach the state, payload, the roles the server accepts)
MATRIX: list[tuple[Action, list[tuple[str, Action, dict[str, Any]]], dict[str, Any], set[str]]] = [
    (Action.DISPATCH, [], DISPATCH, {"dispatcher", "boss"}),
    (Action.SIGN, [("dispatcher", Action.DISPATCH, DISPATCH)], {}, {"unit_a"}),
    (Action.RETURN, [("dispatcher", Action.DISPATCH, DISPATCH)], {"reason": "不归我局"}, {"unit_a"}),
    (Action.REQUEST_EXTENSION, [("dispatcher", Action.DISPATCH, DISPATCH), ("unit_a", Action.SIGN, {})],
     {"reason": "等配件", "requested_deadline": IN_TEN_DAYS}, {"unit_a"}),
    (Action.DECIDE_EXTENSION, [("dispatcher", Action.DISPATCH, DISPATCH), ("unit_a", Action.SIGN, {}),
                               ("unit_a", Action.REQUEST_EXTENSION, {"reason": "等配件", "requested_deadline": IN_TEN_DAYS})],
     {"approved": True}, {"dispatcher", "boss"}),
    (Action.COMPLETE, [("dispatcher", Action.DISPATCH, DISPATCH), ("unit_a", Action.SIGN, {})],
     {"result": "已修复", "solved": "解决"}, {"unit_a"}),
    (Action.CALLBACK, [("dispatcher", Action.DISPATCH, DISPATCH), ("unit_a", Action.SIGN, {}),
                       ("unit_a", Action.COMPLETE, {"result": "已修复", "solved": "解决"})],
     {"satisfaction": "满意"}, {"agent1", "boss"}),
    (Action.ESCALATE, [("dispatcher", Action.DISPATCH, DISPATCH)], {"level": "一级", "note": "久拖不办"}, {"boss"}),
    (Action.ARCHIVE, [("dispatcher", Action.DISPATCH, DISPATCH), ("unit_a", Action.SIGN, {}),
                      ("unit_a", Action.COMPLETE, {"result": "已修复", "solved": "解决"}),
                      ("agent1", Action.CALLBACK, {"satisfaction": "满意"})], {}, {"dispatcher", "boss"}),
]


@pytest.mark.parametrize(("action", "setup", "payload", "allowed"), MATRIX, ids=[m[0].value for m in MATRIX])
def test_every_action_for_every_role_through_sync_push(
        make_seat: Any, server: ServerProcess, action: Action, setup: list[tuple[str, Action, dict[str, Any]]],
        payload: dict[str, Any], allowed: set[str]) -> None:
    agent = make_seat("agent1")
    client_id = agent.create(title=f"矩阵-{action.value}")
    agent.sync()
    for username, done, params in setup:
        answer = push_as(server, username, client_id, done.value, params)
        assert answer["status"] == "applied", (username, done, answer)
    before = center(server, client_id)
    for username in [u for u in USERS if u not in allowed]:  # refused: nothing changes
        answer = push_as(server, username, client_id, action.value, payload)
        assert answer["status"] == "rejected", (username, answer)
        assert answer["reason"].startswith("中心") and answer["reason"].endswith("。")
    assert center(server, client_id)["version"] == before["version"]
    answer = push_as(server, sorted(allowed)[0], client_id, action.value, payload)
    assert answer["status"] == "applied", answer
    assert center(server, client_id)["version"] == before["version"] + 1


def test_a_whole_life_across_seats(make_seat: Any, server: ServerProcess) -> None:
    agent = sign_in(make_seat("agent1"))
    dispatcher = sign_in(make_seat("dispatcher"))
    unit = sign_in(make_seat("unit_a"))
    boss = sign_in(make_seat("boss"))

    def sync_all(*seats: Any) -> None:
        for seat in seats:
            report = seat.sync()
            assert report.rejected == 0 and report.pending == 0, (seat.username, report)

    client_id = agent.create(title="凯旋路路灯不亮")
    sync_all(agent, dispatcher)
    step(dispatcher, client_id, lifecycle.dispatch, units=[UNIT_A, UNIT_B], note="请尽快处理")
    sync_all(dispatcher, unit)
    step(unit, client_id, lifecycle.sign)
    step(unit, client_id, lifecycle.return_ticket, reason="路灯归区政府管养")
    sync_all(unit, dispatcher)
    assert local(dispatcher, client_id).status == "退单"
    step(dispatcher, client_id, lifecycle.dispatch, units=[UNIT_A], note="经核实仍属市城管局")
    sync_all(dispatcher, unit)
    step(unit, client_id, lifecycle.sign)
    deadline = local(unit, client_id).deadline
    assert deadline is not None
    step(unit, client_id, lifecycle.request_extension, new_deadline=deadline + timedelta(days=10),
         reason="需更换电缆，等待供电部门停电")
    sync_all(unit, dispatcher)
    assert local(dispatcher, client_id).extension_to == deadline + timedelta(days=10)
    step(dispatcher, client_id, lifecycle.decide_extension, approved=True)
    sync_all(dispatcher, unit)
    assert local(unit, client_id).deadline == deadline + timedelta(days=10)
    step(unit, client_id, lifecycle.complete, result="已更换电缆，路灯恢复", solved="解决")
    sync_all(unit, agent)
    step(agent, client_id, lifecycle.callback, satisfaction="不满意", note="只修好一半")
    sync_all(agent, boss, unit)
    assert local(unit, client_id).status == "派单" and local(unit, client_id).reopen_count == 1
    step(boss, client_id, lifecycle.escalate, level="二级", note="重办件，限期办结")
    sync_all(boss, unit)
    assert local(unit, client_id).escalation_level == "二级"
    step(unit, client_id, lifecycle.sign)
    step(unit, client_id, lifecycle.complete, result="其余路灯已修复", solved="解决")
    sync_all(unit, agent)
    step(agent, client_id, lifecycle.callback, satisfaction="满意")
    sync_all(agent, boss)
    step(boss, client_id, lifecycle.archive)
    sync_all(boss, agent, dispatcher, unit)

    final = center(server, client_id)
    assert final["status"] == "归档" and final["satisfaction"] == "满意" and final["reopen_count"] == 1
    assert final["escalation_level"] == "二级" and final["solved"] == "解决"
    for seat in (agent, dispatcher, unit, boss):
        mine = local(seat, client_id)
        assert (mine.status, mine.version) == ("归档", final["version"]), seat.username
    with unit.store.session() as s:
        from app.tickets.service import timeline
        kinds = [e.kind for e in timeline(s, local(unit, client_id).id)]
    assert kinds == ["create", "派单", "签收", "退单", "派单", "签收", "延期", "延期审批", "办结", "回访",
                     "督办", "签收", "办结", "回访", "归档"]


def test_the_server_has_the_last_word_over_a_tampered_client(make_seat: Any) -> None:
    from dataclasses import replace

    from app.domain.roles import Role
    from app.tickets.service import Actor

    agent = sign_in(make_seat("agent1"))
    client_id = agent.create(title="越权派单")
    agent.context = replace(agent.context, actor=Actor(agent.seat_id, "agent1", Role.DISPATCHER))
    step(agent, client_id, lifecycle.dispatch, units=[UNIT_A])
    report = agent.sync()
    assert report.rejected == 1
    with agent.store.session() as s:
        from sqlalchemy import select

        from app.store.models import SyncRejection
        (rejection,) = s.scalars(select(SyncRejection)).all()
    assert "座席员不能执行“派单”" in rejection.reason and "请联系派单员" in rejection.reason
    assert local(agent, client_id).status == "受理"  # restored from the center's copy
