"""The issue's "done when": the server and four running apps signed in as agent, dispatcher,
unit handler and supervisor take one ticket through its whole life — a return, an extension,
an unsatisfied callback and an escalation included — through the windows' own work queues and
action dialogs, and each sees only what their role should."""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from e2e_support import PASSWORD, USERS, server_tickets
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from test_desktop_sync import Workstation, center, open_desk

from app.domain.lifecycle import Action
from app.domain.roles import Role
from app.store.models import Ticket
from app.tickets.service import get_by_client_id
from server.testing import ServerProcess, add_users
from ui.lifecycle_dialogs import ActionDialog
from ui.queue_model import QueueModel, TicketIdRole

__all__ = ["center", "open_desk"]


def _tabs(desk: Workstation) -> list[str]:
    bar = desk.window.queue.views
    return [bar.tabText(i).split(" (")[0] for i in range(bar.count())] if not bar.isHidden() else []


def _in_view(desk: Workstation, qtbot: QtBot, key: str, client_id: str) -> bool:
    """Whether the ticket is listed in the desk's work queue ``key`` (after the query ran)."""
    queue = desk.window.queue
    queue.select_view(key)
    model = queue.model
    qtbot.waitUntil(model.is_fully_loaded)
    with desk.seat.store.session() as session:
        ticket = get_by_client_id(session, client_id)
    return ticket is not None and model.row_of(ticket.id) >= 0


def _act(desk: Workstation, qtbot: QtBot, client_id: str, action: Action,
         fill: Callable[[ActionDialog], Any] = lambda dialog: None) -> None:
    """Open the ticket, press the action's button, fill the dialog, confirm, and sync."""
    with desk.seat.store.session() as session:
        ticket = get_by_client_id(session, client_id)
        assert ticket is not None, f"{desk.seat.context.actor.agent} has no copy"
        ticket_id = ticket.id
    detail = desk.window.open_ticket(ticket_id)
    qtbot.addWidget(detail)
    assert action in detail.action_buttons, f"{action} not offered to {desk.seat.context.actor.role}: " \
                                            f"{list(detail.action_buttons)}"
    detail.action_buttons[action].click()
    dialog = detail.action_dialog
    assert dialog is not None and dialog.isVisible()
    fill(dialog)
    with qtbot.waitSignal(detail.ticket_changed, timeout=10000, raising=False) as changed:
        dialog.submit()
    assert changed.signal_triggered and not dialog.isVisible(), dialog.errors.text()
    _settle(desk, qtbot)
    assert desk.sync.status.rejected == 0


def _settle(desk: Workstation, qtbot: QtBot) -> None:
    """F5, then until nothing is left to send and no round is under way: a round that was
    already running when F5 was pressed may have pushed or pulled before the last change."""
    desk.sync_now(qtbot)
    while desk.sync.status.busy or desk.sync.status.pending:
        with qtbot.waitSignal(desk.sync.synced, timeout=30000):
            pass


def _status(center: ServerProcess, token: str, client_id: str) -> str:
    return str(server_tickets(center, token)[client_id]["status"])


CITY_UNIT = "市城市管理局"  # in the app's own unit directory, which this center serves


@pytest.fixture(scope="module")
def city_handler(center: ServerProcess) -> str:
    add_users(f"sqlite:///{center.data_dir / 'hotline-server.sqlite3'}",
              [("chengguan", Role.UNIT, CITY_UNIT)], PASSWORD)
    return "chengguan"


@pytest.fixture
def four(open_desk: Callable[..., Workstation], city_handler: str) -> Iterator[dict[str, Workstation]]:
    yield {name: open_desk(name) for name in ("agent1", "dispatcher", city_handler, "boss")}


def test_one_ticket_through_its_whole_life_across_four_desks(
        four: dict[str, Workstation], center: ServerProcess, qtbot: QtBot) -> None:
    agent, dispatcher, unit, boss = four.values()
    admin_token = center.login("admin", PASSWORD)
    assert {u for u, *_ in USERS} >= {"agent1", "dispatcher", "boss"}

    # Each window offers its role's work, not the others'.
    assert _tabs(agent)[:3] == ["我今天受理的工单", "待我回访", "未联系上，待再次回访"]
    assert _tabs(dispatcher)[:4] == ["待派单", "退单待改派", "延期申请待审批", "疑似重复，待合并"]
    assert _tabs(unit)[:5] == ["待签收", "办理中", "即将到期", "已超期", "协办"]
    assert "超期工单" in _tabs(boss) and "督办中" in _tabs(boss)
    assert not unit.window.tabs.isTabVisible(0) and not unit.window.tabs.isTabVisible(2)  # no capture, no reports
    assert agent.window.tabs.isTabVisible(0)

    local_id = agent.capture(qtbot, "井盖缺失：凯旋路与神火大道路口")
    with agent.seat.store.session() as session:
        client_id = session.scalars(select(Ticket.client_id).where(Ticket.id == local_id)).one()
    assert _in_view(agent, qtbot, "my_today", client_id)
    _settle(agent, qtbot)

    # 派单 — refused without a unit (the dialog says what to fix and stays open), then to the city's 城管局.
    _settle(dispatcher, qtbot)
    assert _in_view(dispatcher, qtbot, "to_dispatch", client_id)
    with dispatcher.seat.store.session() as session:
        ticket = get_by_client_id(session, client_id)
        assert ticket is not None
    detail = dispatcher.window.open_ticket(ticket.id)
    qtbot.addWidget(detail)
    detail.action_buttons[Action.DISPATCH].click()
    assert detail.action_dialog is not None
    detail.action_dialog.units.setCurrentText("")
    detail.action_dialog.submit()
    assert detail.action_dialog.isVisible() and detail.action_dialog.errors.isVisible()
    detail.close()
    _act(dispatcher, qtbot, client_id, Action.DISPATCH, lambda d: d.units.setCurrentText(CITY_UNIT))
    assert _status(center, admin_token, client_id) == "派单"

    # The unit handler sees it to sign for, with the caller's number masked, and returns it.
    _settle(unit, qtbot)
    assert _in_view(unit, qtbot, "to_sign", client_id)
    model = unit.window.queue.model
    with unit.seat.store.session() as session:
        copy = get_by_client_id(session, client_id)
        assert copy is not None
    phone = model.index(model.row_of(copy.id), QueueModel.COL_PHONE).data()
    assert "****" in phone and "13812345678" not in copy.caller_phone
    _act(unit, qtbot, client_id, Action.RETURN,
         lambda d: d.reason.setPlainText("井盖属于市政设施，应由市政部门处理"))
    assert _status(center, admin_token, client_id) == "退单"

    _settle(dispatcher, qtbot)
    assert _in_view(dispatcher, qtbot, "returned", client_id)
    _act(dispatcher, qtbot, client_id, Action.DISPATCH, lambda d: d.units.setCurrentText(CITY_UNIT))

    # Signed for, an extension asked and approved.
    _settle(unit, qtbot)
    _act(unit, qtbot, client_id, Action.SIGN)
    _act(unit, qtbot, client_id, Action.REQUEST_EXTENSION, lambda d: (
        d.deadline.setDate(d.deadline.date().addDays(7)), d.reason.setPlainText("需要订购新井盖，到货约一周")))
    _settle(dispatcher, qtbot)
    assert _in_view(dispatcher, qtbot, "extensions", client_id)
    _act(dispatcher, qtbot, client_id, Action.DECIDE_EXTENSION)
    server = server_tickets(center, admin_token)[client_id]
    assert server["status"] == "签收" and not server["extension_to"]

    # Completed; the callback finds the citizen unsatisfied: 重办, back to the unit.
    _settle(unit, qtbot)
    _act(unit, qtbot, client_id, Action.COMPLETE, lambda d: (
        d.result_text.setPlainText("已临时加盖钢板并设置警示"), d.choice.setCurrentText("部分解决")))
    _settle(agent, qtbot)
    assert _in_view(agent, qtbot, "my_callbacks", client_id)
    _act(agent, qtbot, client_id, Action.CALLBACK, lambda d: d.choice.setCurrentText("不满意"))
    assert _status(center, admin_token, client_id) == "派单"

    # The supervisor sees the unsatisfied ticket and escalates it; the unit's queue marks it.
    _settle(boss, qtbot)
    assert _in_view(boss, qtbot, "unsatisfied", client_id)
    _act(boss, qtbot, client_id, Action.ESCALATE, lambda d: (
        d.choice.setCurrentText("二级"), d.reason.setPlainText("三日内换装新井盖并回复")))
    _settle(unit, qtbot)
    assert _in_view(unit, qtbot, "to_sign", client_id)
    row = unit.window.queue.model.row_of(copy.id)
    assert "督办二级" in unit.window.queue.model.index(row, QueueModel.COL_STATUS).data()
    assert unit.window.queue.model.index(row, 0).data(TicketIdRole) == copy.id
    _act(unit, qtbot, client_id, Action.SIGN)
    _act(unit, qtbot, client_id, Action.COMPLETE, lambda d: (
        d.result_text.setPlainText("已换装新井盖"), d.choice.setCurrentText("解决")))

    _settle(agent, qtbot)
    _act(agent, qtbot, client_id, Action.CALLBACK, lambda d: d.choice.setCurrentText("满意"))
    _settle(dispatcher, qtbot)
    _act(dispatcher, qtbot, client_id, Action.ARCHIVE)
    final = server_tickets(center, admin_token)[client_id]
    assert final["status"] == "归档" and final["satisfaction"] == "满意"

    # Closed: nothing left for the unit to do on it.
    _settle(unit, qtbot)
    with unit.seat.store.session() as session:
        archived = get_by_client_id(session, client_id)
        assert archived is not None
    unit_detail = unit.window.open_ticket(archived.id)
    qtbot.addWidget(unit_detail)
    assert unit_detail.action_buttons == {}


def _reveal(desk: Workstation, qtbot: QtBot, client_id: str, reason: str) -> str:
    with desk.seat.store.session() as session:
        ticket = get_by_client_id(session, client_id)
        assert ticket is not None
    detail = desk.window.open_ticket(ticket.id)
    qtbot.addWidget(detail)
    assert detail.reveal_button.isEnabled()
    detail.reveal_button.click()
    assert detail.reveal_dialog is not None
    detail.reveal_dialog.reason.setCurrentText(reason)
    detail.reveal_dialog.submit()
    qtbot.waitUntil(lambda: "****" not in detail.caller_label.text(), timeout=10000)
    return detail.caller_label.text()


def test_reveals_go_through_the_center_and_the_admin_reads_them_in_the_audit_view(
        open_desk: Callable[..., Workstation], city_handler: str, qtbot: QtBot) -> None:
    agent, dispatcher, unit = open_desk("agent1"), open_desk("dispatcher"), open_desk(city_handler)
    local_id = agent.capture(qtbot, "路灯不亮：归德路北段")
    _settle(agent, qtbot)
    with agent.seat.store.session() as session:
        client_id = session.scalars(select(Ticket.client_id).where(Ticket.id == local_id)).one()
    _settle(dispatcher, qtbot)
    _act(dispatcher, qtbot, client_id, Action.DISPATCH, lambda d: d.units.setCurrentText(CITY_UNIT))

    # The dispatcher has no reason to call the citizen: the button is there, but off.
    with dispatcher.seat.store.session() as session:
        copy = get_by_client_id(session, client_id)
        assert copy is not None
    detail = dispatcher.window.open_ticket(copy.id)
    qtbot.addWidget(detail)
    assert not detail.reveal_button.isEnabled()

    # The unit's copy came masked; the center gives the number to the 主办 unit, with a reason.
    _settle(unit, qtbot)
    assert "13812345678" in _reveal(unit, qtbot, client_id, "上门核实需要联系")

    admin = open_desk("admin")
    panel = admin.window.admin
    assert panel is not None and admin.window.tabs.currentWidget() is panel
    qtbot.waitUntil(lambda: any(u.username == city_handler for u in panel.users.model.records()), timeout=10000)
    panel.select("audit")
    panel.audit.action.setCurrentIndex(panel.audit.action.findData("reveal"))
    panel.audit.reload()
    qtbot.waitUntil(lambda: any(e.reason == "上门核实需要联系" for e in panel.audit.entries()), timeout=10000)
    entry = next(e for e in panel.audit.entries() if e.reason == "上门核实需要联系")
    assert entry.username == city_handler and entry.action == "reveal"
    assert "13812345678" not in repr(entry)


def test_a_unit_the_admin_adds_in_the_window_reaches_a_dispatchers_rules(
        open_desk: Callable[..., Workstation], qtbot: QtBot) -> None:
    # The units page and its dialog are the roles engineer's (ui/admin); this drives them.
    admin = open_desk("admin")
    panel = admin.window.admin
    assert panel is not None
    panel.select("units")
    units = panel.units
    qtbot.waitUntil(lambda: CITY_UNIT in [u.name for u in units.model.records()], timeout=10000)
    dialog = units.new_unit()
    dialog.name.setText("市数据管理局")
    dialog.duties.setText("政务数据、信息公开")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "市数据管理局" in [u.name for u in units.model.records()], timeout=10000)

    dispatcher = open_desk("dispatcher")  # its login's sync pulls the change
    _settle(dispatcher, qtbot)
    assert "市数据管理局" in dispatcher.seat.context.reference.unit_names()
    assert dispatcher.window.form.handling_unit.findText("市数据管理局") >= 0
