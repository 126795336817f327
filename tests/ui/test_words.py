"""Words (issue 13.9): statuses read as states, the callback script leaves room for the timeline
and says no "。。", the window title names the seat once, no alembic chatter at start."""

import logging
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

import main
from app.assistant.callback import callback_script
from app.desk import Desk
from app.domain.enums import Status
from app.seat import Seat, open_seat
from app.store.models import Ticket
from app.tickets.demo import insert_demo_tickets
from ui.main_window import MainWindow
from ui.queue_model import QueueModel


def test_statuses_read_as_states_in_the_queue_its_filter_and_the_ticket(seat: Seat, qtbot: QtBot) -> None:
    insert_demo_tickets(seat.store, seat.context, 80)
    # 80 demo tickets over 60 days hold a 派单 one only when one was made in the last three days,
    # which depends on the hour the test runs (none at 10:00 UTC): one with a unit is made 派单.
    with seat.store.session() as session, session.begin():
        ticket = session.scalars(select(Ticket).where(Ticket.handling_unit != "", Ticket.status.in_(
            [Status.DISPATCHED.value, Status.SIGNED.value, Status.IN_PROGRESS.value])).order_by(Ticket.id)).first()
        assert ticket is not None
        ticket.status = Status.DISPATCHED.value
        ticket_id = ticket.id
    window = MainWindow(Desk(seat))
    qtbot.addWidget(window)
    model = window.queue.model
    qtbot.waitUntil(model.is_fully_loaded)
    assert model.index(model.row_of(ticket_id), QueueModel.COL_STATUS).data() == "已派单"
    choices = [window.queue.status.itemText(i) for i in range(window.queue.status.count())]
    assert choices[1:] == ["已受理", "已派单", "已签收", "办理中", "已办结", "已回访", "已归档", "已退单"]
    detail = window.open_ticket(ticket_id)
    assert "已派单" in [label.text() for label in detail.findChildren(type(window.count_label))]
    assert window.windowTitle() == "座席 S01"  # Qt adds the application's name once
    window.form.wait_for_writes()


def test_a_completed_tickets_script_leaves_the_timeline_readable(seat: Seat, qtbot: QtBot) -> None:
    insert_demo_tickets(seat.store, seat.context, 120)
    with seat.store.session() as session:
        ticket_id = session.scalars(select(Ticket.id).where(Ticket.status == Status.COMPLETED.value)).first()
    assert ticket_id is not None
    window = MainWindow(Desk(seat))
    qtbot.addWidget(window)
    detail = window.open_ticket(ticket_id)
    qtbot.waitExposed(detail)
    assert detail.callback_box is not None
    rows = detail.timeline.viewport().height() // detail.timeline.verticalHeader().defaultSectionSize()
    assert rows >= 3
    window.form.wait_for_writes()


def test_the_callback_script_does_not_double_a_full_stop() -> None:
    steps = callback_script(title="井盖缺失", request_type="投诉", unit="市城市管理局",
                            result="已换装新井盖。", caller_name="王女士")
    assert all("。。" not in step.say for step in steps)
    assert any("已换装新井盖。请问" in step.say for step in steps)


def test_a_start_logs_nothing_from_alembic(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    main.configure_logging()
    caplog.set_level(logging.INFO)
    seat = open_seat(tmp_path / "seat")  # a fresh store: every migration runs
    seat.close()
    assert not [r for r in caplog.records if r.name.startswith("alembic")]
    assert "merged-into" not in caplog.text


def test_the_timeline_shows_its_time_on_one_line(seat: Seat, qtbot: QtBot) -> None:
    insert_demo_tickets(seat.store, seat.context, 20)
    with seat.store.session() as session:
        ticket_id = session.scalars(select(Ticket.id)).first()
    assert ticket_id is not None
    window = MainWindow(Desk(seat))
    qtbot.addWidget(window)
    detail = window.open_ticket(ticket_id)
    qtbot.waitExposed(detail)
    moment = detail.timeline_model.index(0, 0).data()
    assert detail.timeline.columnWidth(0) >= detail.timeline.fontMetrics().horizontalAdvance(moment)
    window.form.wait_for_writes()
