"""The signed-in role's work in the window, with no server at all: restart offline, logout,
the action buttons a role gets, and escalated tickets standing out in the queue."""

from collections.abc import Iterator
from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.desk import Desk
from app.domain.enums import Status
from app.domain.lifecycle import Action
from app.domain.roles import Role
from app.domain.ticket import TicketInput
from app.seat import Seat
from app.settings import save_settings
from app.store.models import Ticket
from app.sync.credentials import TokenStore
from app.sync.identity import Identity, remember_identity
from app.tickets import lifecycle
from app.tickets.demo import insert_demo_tickets
from app.tickets.service import create_ticket
from tests.e2e.e2e_support import MemoryKeyring
from ui.main_window import MainWindow
from ui.queue_model import ESCALATED_BRUSH, QueueModel, TicketIdRole
from ui.sync_controller import SyncController

DISPATCHER = Identity("wangfang", "王芳", Role.DISPATCHER)
COMPLAINT = {"request_type": "投诉", "caller_name": "王女士", "caller_phone": "13812345678",
             "category1": "城市管理", "district": "梁园区", "address": "凯旋路88号",
             "description": "楼下餐馆夜间噪音扰民"}


@pytest.fixture
def dispatcher_window(seat: Seat, qtbot: QtBot) -> Iterator[MainWindow]:
    # A seat that was signed in as a dispatcher, restarted with the center unreachable.
    seat.settings = replace(seat.settings, server_url="http://127.0.0.1:9", server_user="wangfang",
                            sync_interval=3600)
    save_settings(seat.data_dir, seat.settings)
    insert_demo_tickets(seat.store, seat.context, 120)
    with seat.store.session() as session, session.begin():  # three calls just taken
        for n in range(3):
            create_ticket(session, data=TicketInput.from_dict({**COMPLAINT, "title": f"噪音扰民{n}"}),
                          context=seat.context)
    remember_identity(seat, DISPATCHER)
    desk = Desk(seat)
    window = MainWindow(desk, SyncController(desk, tokens=TokenStore(MemoryKeyring())))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.form.wait_for_writes()


def _tab_titles(window: MainWindow) -> list[str]:
    bar = window.queue.views
    return [bar.tabText(i).split(" (")[0] for i in range(bar.count())]


def test_a_restart_without_network_opens_the_dispatchers_work(
        dispatcher_window: MainWindow, seat: Seat, qtbot: QtBot) -> None:
    window = dispatcher_window
    assert _tab_titles(window) == ["待派单", "退单待改派", "延期申请待审批", "疑似重复，待合并", "全部工单"]
    assert window.tabs.currentIndex() == 1 and "王芳" in window.identity_label.text()
    model = window.queue.model
    qtbot.waitUntil(model.is_fully_loaded)
    with seat.store.session() as session:
        accepted = set(session.scalars(select(Ticket.id).where(Ticket.status == Status.ACCEPTED.value)))
    assert accepted and {model.index(r, 0).data(TicketIdRole) for r in range(model.rowCount())} == accepted
    qtbot.waitUntil(lambda: window.queue.views.tabText(0) == f"待派单 ({len(accepted)})")


def test_logging_out_drops_the_role_views_and_actions(
        dispatcher_window: MainWindow, seat: Seat, qtbot: QtBot) -> None:
    window = dispatcher_window
    with qtbot.waitSignal(window.sync.identity_changed):
        window.sync.logout()
    assert window.queue.views.isHidden() and "未登录" in window.identity_label.text()
    assert seat.context.actor.role is None
    with seat.store.session() as session:
        ticket_id = session.scalars(select(Ticket.id).where(Ticket.status == Status.ACCEPTED.value)).first()
    assert ticket_id is not None
    detail = window.open_ticket(ticket_id)
    qtbot.addWidget(detail)
    assert detail.action_buttons == {}


def test_the_dispatcher_gets_dispatch_and_a_refusal_keeps_what_was_typed(
        dispatcher_window: MainWindow, seat: Seat, qtbot: QtBot) -> None:
    with seat.store.session() as session:
        ticket_id = session.scalars(select(Ticket.id).where(Ticket.status == Status.ACCEPTED.value)).first()
    assert ticket_id is not None
    detail = dispatcher_window.open_ticket(ticket_id)
    qtbot.addWidget(detail)
    assert Action.DISPATCH in detail.action_buttons and Action.SIGN not in detail.action_buttons
    dialog = detail.open_action(Action.DISPATCH)
    dialog.units.setCurrentText("不存在的单位")
    dialog.note.setText("请尽快处理")
    dialog.submit()
    assert dialog.isVisible() and "不存在的单位" in dialog.errors.text()
    assert dialog.note.text() == "请尽快处理"  # nothing typed is lost
    dialog.units.setCurrentText("市城市管理局")
    with qtbot.waitSignal(detail.ticket_changed):
        dialog.submit()
    with seat.store.session() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None and ticket.status == Status.DISPATCHED.value
        assert ticket.handling_unit == "市城市管理局"


def test_an_escalated_ticket_stands_out_in_the_queue(seat: Seat, qtbot: QtBot) -> None:
    insert_demo_tickets(seat.store, seat.context, 200)
    remember_identity(seat, Identity("boss", "李班长", Role.SUPERVISOR))
    with seat.store.session() as session, session.begin():
        ticket = session.scalars(select(Ticket).where(Ticket.status.in_(("派单", "签收", "办理")))).first()
        assert ticket is not None
        lifecycle.escalate(session, ticket=ticket, level="一级", note="今天内回复", context=seat.context)
        ticket_id = ticket.id
    model = QueueModel(Desk(seat))
    with qtbot.waitSignal(model.ids_loaded, timeout=5000):
        model.set_query(model.query_filter)
    row = model.row_of(ticket_id)
    assert "督办一级" in model.index(row, QueueModel.COL_STATUS).data()
    assert model.index(row, QueueModel.COL_TITLE).data(8) == ESCALATED_BRUSH  # BackgroundRole


def test_merging_finds_the_main_ticket_by_its_number_and_refuses_an_unknown_one(
        dispatcher_window: MainWindow, seat: Seat, qtbot: QtBot) -> None:
    with seat.store.session() as session:
        keep, duplicate = session.scalars(select(Ticket).where(Ticket.status == Status.ACCEPTED.value)
                                          .order_by(Ticket.id).limit(2)).all()
    detail = dispatcher_window.open_ticket(duplicate.id)
    qtbot.addWidget(detail)
    dialog = detail.open_action(Action.MERGE)
    dialog.main_no.setText("S99-不存在")
    dialog.submit()
    assert dialog.isVisible() and "S99-不存在" in dialog.errors.text()
    dialog.main_no.setText(keep.local_no)
    with qtbot.waitSignal(detail.ticket_changed):
        dialog.submit()
    with seat.store.session() as session:
        merged = session.get(Ticket, duplicate.id)
        assert merged is not None and merged.merged_into == keep.client_id
