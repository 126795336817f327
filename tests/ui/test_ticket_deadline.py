"""The ticket window says what the deadline rule says: a ticket whose extension request was made
in time stands still past its deadline; one asked for after the deadline is overdue."""

from datetime import datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from app.desk import Desk
from app.domain.ticket import TicketInput
from app.seat import Seat
from app.tickets.service import LOCAL_TZ, create_ticket
from ui.ticket_detail import TicketDetail

LAMP = TicketInput(request_type="求助", caller_phone="13812345678", category1="城市管理", district="梁园区",
                   address="凯旋路1号", title="路灯不亮", description="小区门口路灯坏了")


@pytest.mark.parametrize(("asked_days_after_deadline", "shown", "not_shown"), [
    (-1, "计时暂停", "已超期"),
    (1, "已超期", "计时暂停"),
])
def test_the_deadline_line_follows_the_rule(seat: Seat, qtbot: QtBot, asked_days_after_deadline: int,
                                            shown: str, not_shown: str) -> None:
    deadline = datetime.now(LOCAL_TZ).date() - timedelta(days=10)
    with seat.store.session() as session, session.begin():
        ticket = create_ticket(session, data=LAMP, context=seat.context)
        ticket.status, ticket.deadline = "签收", deadline
        ticket.extension_to = deadline + timedelta(days=30)
        ticket.extension_since = deadline + timedelta(days=asked_days_after_deadline)
        ticket_id = ticket.id
    window = TicketDetail(Desk(seat), ticket_id)
    qtbot.addWidget(window)
    assert shown in window.deadline_label.text() and not_shown not in window.deadline_label.text()
