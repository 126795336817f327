"""The seat's number and agent name (issue 13.12): set on the first-run screen and in 设置…, used
by the next ticket and the title; 我今天受理的工单 counts a call taken here before signing in."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.desk import Desk
from app.domain.roles import Role
from app.domain.ticket import TicketInput
from app.seat import Seat
from app.settings import load_settings
from app.store.models import Ticket, TicketEvent
from app.sync.identity import Identity, remember_identity
from app.tickets.service import create_ticket
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog

CALL = {"request_type": "咨询", "caller_phone": "13812345678", "category1": "城市管理",
        "district": "梁园区", "address": "凯旋路88号", "title": "垃圾清运时间", "description": "问垃圾清运时间"}


def test_the_first_run_screen_names_the_seat_and_its_agent(seat: Seat, qtbot: QtBot) -> None:
    desk = Desk(seat)
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    assert window.welcome.isVisible() and window.welcome_seat.text() == "S01"
    window.welcome_seat.setText("S 01")
    window.welcome_name.setText("李娜")
    assert not window.save_seat_identity()
    assert window.welcome_seat_error.isVisible() and load_settings(seat.data_dir).seat_id == "S01"
    window.welcome_seat.setText("A12")
    assert window.save_seat_identity()
    stored = load_settings(seat.data_dir)
    assert (stored.seat_id, stored.agent_name) == ("A12", "李娜")
    assert window.windowTitle() == "座席 A12 · 李娜"
    saved = desk.save_ticket(TicketInput.from_dict(CALL), form_key="k1")
    assert saved.local_no.startswith("A12-")
    with seat.store.session() as session:
        event = session.scalars(select(TicketEvent).where(TicketEvent.ticket_id == saved.id)).one()
        assert (event.seat, event.actor) == ("A12", "李娜")
    window.form.wait_for_writes()


def test_the_settings_dialog_has_the_seat_number_and_name(seat: Seat, qtbot: QtBot) -> None:
    dialog = SettingsDialog(seat.settings)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.seat_id.text() == "S01"
    dialog.seat_id.setText("")
    with qtbot.assertNotEmitted(dialog.settings_accepted):
        qtbot.keyClick(dialog.seat_id, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.seat_error.isVisible() and "座席编号" in dialog.seat_error.text()
    dialog.seat_id.setText("B07")
    dialog.agent_name.setText("王强")
    with qtbot.waitSignal(dialog.settings_accepted) as accepted:
        qtbot.keyClick(dialog.agent_name, Qt.Key.Key_Return)
    assert (accepted.args[0].seat_id, accepted.args[0].agent_name) == ("B07", "王强")


def test_my_calls_today_include_one_taken_here_before_signing_in(seat: Seat) -> None:
    with seat.store.session() as session, session.begin():
        mine = create_ticket(session, data=TicketInput.from_dict(CALL), context=seat.context).id
        other = replace_seat_copy(session)
    remember_identity(seat, Identity("lina", "李娜", Role.AGENT))
    desk = Desk(seat)
    views = {v.key: v for v in desk.role_views(Identity("lina", "李娜", Role.AGENT))}
    flt = views["my_today"].filter
    assert flt is not None
    assert desk.count_queues([flt]) == [1]
    with seat.store.session() as session:
        assert session.get(Ticket, mine) is not None and session.get(Ticket, other) is not None


def replace_seat_copy(session: object) -> int:
    """A call another seat's 座席员 took today, pulled here: not this agent's."""
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    ticket = session.scalars(select(Ticket)).one()
    copy = Ticket(**{c.name: getattr(ticket, c.name) for c in Ticket.__table__.columns
                     if c.name not in ("id", "client_id", "local_no")},
                  client_id="00000000-0000-0000-0000-000000000002", local_no="S02-20261205-0001")
    copy.created_seat = "S02"
    session.add(copy)
    session.flush()
    return copy.id
