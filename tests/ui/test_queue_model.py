"""The queue model: lazy rows, masked numbers, sorting by re-query, background id loading."""

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.desk import Desk
from app.domain.deadline import DeadlineClock
from app.domain.ticket import TicketInput
from app.seat import Seat
from app.tickets.bulk import NewTicket, insert_tickets
from app.tickets.queue import QueueFilter, QueueSort
from ui import queue_model
from ui.queue_model import QueueModel, TicketIdRole


def _fill(seat: Seat, count: int) -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC).replace(tzinfo=None)
    tickets = [
        NewTicket(
            values=TicketInput(
                request_type="投诉" if i % 2 else "咨询", caller_name=f"市民{i}",
                caller_phone=f"138{i:08d}", confidential=i % 10 == 0,
                category1="城市管理", district="梁园区", address=f"凯旋路{i}号",
                title=f"第{i}号工单 噪音扰民" if i % 3 == 0 else f"第{i}号工单 路灯不亮",
                description="晚上施工噪音很大" if i % 3 == 0 else "小区路灯坏了",
            ),
            created_at=start + timedelta(minutes=i), status="受理",
        )
        for i in range(count)
    ]
    with seat.store.session() as session, session.begin():
        insert_tickets(session, tickets, seat.context)


@pytest.fixture
def model(seat: Seat, qtbot: QtBot) -> QueueModel:
    _fill(seat, 450)
    queue = QueueModel(Desk(seat))
    with qtbot.waitSignal(queue.ids_loaded, timeout=5000):
        queue.set_query(QueueFilter())
    return queue


def test_model_passes_qt_model_tester(model: QueueModel, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(model)


def test_newest_first_with_masked_phone_and_hidden_confidential_caller(model: QueueModel) -> None:
    assert model.rowCount() == 450
    top = model.index(0, QueueModel.COL_TITLE).data()
    assert top.startswith("第449号")
    assert model.index(0, QueueModel.COL_PHONE).data() == "138****0449"
    confidential_row = model.row_of(model.index(9, 0).data(TicketIdRole))  # #440
    assert model.index(confidential_row, QueueModel.COL_CALLER).data() == "（保密）"
    assert model.index(confidential_row, QueueModel.COL_PHONE).data() == "******"


def test_first_screen_shows_at_once_then_the_count_then_rows_beyond_it(
        seat: Seat, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(seat, 450)
    background: list[tuple[Callable[[], Any], Callable[[Any], None]]] = []
    monkeypatch.setattr(queue_model, "run_task",
                        lambda func, on_done, *args, **kwargs: background.append((func, on_done)))
    queue = QueueModel(Desk(seat))
    with qtbot.waitSignal(queue.count_pending) as pending:
        queue.set_query(QueueFilter(search="工单"))
    assert pending.args == [200] and queue.rowCount() == 200  # nothing waits for the count
    count, on_counted = background[0]  # the count ends first; the id list never does here
    with qtbot.waitSignal(queue.count_changed) as counted:
        on_counted(count())
    assert counted.args == [450] and queue.rowCount() == 450
    assert not queue.is_fully_loaded()
    assert queue.index(449, QueueModel.COL_TITLE).data().startswith("第0号")


def test_sort_requeries_in_the_new_order(model: QueueModel, qtbot: QtBot) -> None:
    with qtbot.waitSignal(model.modelReset):
        model.sort(QueueModel.COL_CREATED, Qt.SortOrder.AscendingOrder)
    assert model.index(0, QueueModel.COL_TITLE).data().startswith("第0号")
    assert model.query_sort == QueueSort("created_at", False)


def test_search_and_filter_change_the_count(model: QueueModel, qtbot: QtBot) -> None:
    with qtbot.waitSignal(model.count_changed) as counted:
        model.set_query(QueueFilter(search="噪音"))
    assert counted.args == [150]
    model.set_query(QueueFilter(request_types=("咨询",), search="路灯"))
    assert model.rowCount() == 150


def test_a_changed_ticket_and_new_sync_marks_show_on_rows_already_painted(
        seat: Seat, model: QueueModel, qtbot: QtBot) -> None:
    ticket_id = model.index(0, 0).data(TicketIdRole)
    assert model.index(0, QueueModel.COL_TITLE).data().startswith("第449号")  # row now prepared
    with seat.store.session() as session, session.begin():
        session.execute(text("UPDATE tickets SET title = '井盖缺失' WHERE id = :id"), {"id": ticket_id})
    with qtbot.waitSignal(model.dataChanged):
        model.refresh_ticket(ticket_id)
    assert model.index(0, QueueModel.COL_TITLE).data() == "井盖缺失"
    assert model.index(0, QueueModel.COL_TITLE).data(Qt.ItemDataRole.ToolTipRole) == "井盖缺失"

    model.set_sync_marks({ticket_id}, set())
    assert model.index(0, QueueModel.COL_LOCAL_NO).data().startswith("⚠ ")
    assert "退回" in model.index(0, QueueModel.COL_LOCAL_NO).data(Qt.ItemDataRole.ToolTipRole)
    model.set_sync_marks(set(), set())
    assert not model.index(0, QueueModel.COL_LOCAL_NO).data().startswith("⚠")


def test_each_column_reads_as_the_agent_expects_and_urgent_tickets_stand_out(seat: Seat, qtbot: QtBot) -> None:
    base = TicketInput(request_type="求助", caller_name="王女士", caller_phone="0370-3216789", category1="城市管理",
                       district="梁园区", address="凯旋路1号", title="井盖丢失", description="路中间井盖没了")
    with seat.store.session() as session, session.begin():
        insert_tickets(session, [
            NewTicket(values=replace(base, urgency="紧急", category2="市政设施", street="平原街道"),
                      created_at=datetime(2026, 1, 1, 16, 30), status="派单"),
            NewTicket(values=replace(base, title="路灯不亮"), created_at=datetime(2026, 1, 1, 15, 0),
                      status="受理"),
        ], seat.context)
    model = QueueModel(Desk(seat))
    with qtbot.waitSignal(model.ids_loaded, timeout=5000):
        model.set_query(QueueFilter())
    urgent = [model.index(0, c).data() for c in range(model.columnCount())]
    assert urgent[QueueModel.COL_CREATED] == "2026-01-02 00:30"  # stored in UTC, shown in China time
    assert urgent[QueueModel.COL_CHANNEL] == "电话" and urgent[QueueModel.COL_TYPE] == "求助"
    assert urgent[QueueModel.COL_PHONE] == "0370-***6789"
    assert urgent[QueueModel.COL_CATEGORY] == "城市管理/市政设施"
    assert urgent[QueueModel.COL_DISTRICT] == "梁园区 平原街道"
    assert urgent[QueueModel.COL_URGENCY] == "紧急" and urgent[QueueModel.COL_STATUS] == "已派单"  # a state
    assert model.index(1, QueueModel.COL_CATEGORY).data() == "城市管理"
    assert model.index(1, QueueModel.COL_DISTRICT).data() == "梁园区"
    foreground = Qt.ItemDataRole.ForegroundRole
    for column in (QueueModel.COL_TITLE, QueueModel.COL_URGENCY, QueueModel.COL_STATUS):
        assert model.index(0, column).data(foreground) == queue_model.URGENT_BRUSH
        assert model.index(1, column).data(foreground) is None
    assert model.index(0, QueueModel.COL_CALLER).data(foreground) is None
    model.close()


def test_row_colours_follow_the_deadline_rule_at_the_querys_moment(seat: Seat, qtbot: QtBot) -> None:
    base = TicketInput(request_type="咨询", caller_phone="13812345678", category1="城市管理",
                       title="路灯", description="路灯不亮")
    # title: (deadline, extension requested on); the window's moment is Friday 2026-03-06.
    cases = {"周一到期": ("2026-03-09", None), "周二到期": ("2026-03-10", None),
             "已超期": ("2026-03-05", None), "按时申请延期": ("2026-03-04", "2026-03-03"),
             "超期后申请延期": ("2026-03-04", "2026-03-05")}
    with seat.store.session() as session, session.begin():
        insert_tickets(session, [NewTicket(values=replace(base, title=title), status="签收",
                                           created_at=datetime(2026, 3, 1, 1, n))
                                 for n, title in enumerate(cases)], seat.context)
        for title, (deadline, since) in cases.items():
            session.execute(text("UPDATE tickets SET deadline = :d, extension_since = :s,"
                                 " extension_to = CASE WHEN :s IS NULL THEN NULL ELSE '2026-04-30' END"
                                 " WHERE title = :t"), {"d": deadline, "s": since, "t": title})
    model = QueueModel(Desk(seat))
    with qtbot.waitSignal(model.ids_loaded, timeout=5000):
        model.set_query(QueueFilter(clock=DeadlineClock(date(2026, 3, 6), seat.context.reference.calendar)))
    colours = {model.index(row, QueueModel.COL_TITLE).data():
               model.index(row, QueueModel.COL_TITLE).data(Qt.ItemDataRole.BackgroundRole)
               for row in range(model.rowCount())}
    assert colours == {"周一到期": queue_model.DUE_SOON_BRUSH, "周二到期": None,
                       "已超期": queue_model.OVERDUE_BRUSH, "按时申请延期": None,
                       "超期后申请延期": queue_model.OVERDUE_BRUSH}
    model.close()
