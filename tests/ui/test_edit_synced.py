"""修改 on a ticket that came from the center (issue 13.4): the masked number is not loaded as the
number (saving failed on 138****5678), and a unit handler, who has no capture form, gets no 修改."""

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.desk import Desk
from app.domain.roles import Role
from app.domain.ticket import TicketInput
from app.seat import Seat
from app.store.models import OutboxEntry, Ticket
from app.sync.identity import Identity, remember_identity
from app.tickets.service import create_ticket
from ui.main_window import MainWindow

COMPLAINT = {"request_type": "投诉", "caller_name": "王女士", "caller_phone": "13812345678",
             "category1": "城市管理", "district": "梁园区", "address": "凯旋路88号",
             "title": "楼下餐馆夜间噪音扰民", "description": "楼下餐馆夜间噪音扰民，每天到凌晨两点"}


@pytest.fixture
def synced(seat: Seat) -> int:
    """A ticket as a pull from another seat leaves it: official number, the number masked."""
    with seat.store.session() as session, session.begin():
        ticket = create_ticket(session, data=TicketInput.from_dict(COMPLAINT), context=seat.context)
        ticket.caller_phone, ticket.official_no = "138****5678", "SQ20261205000001"
        session.query(OutboxEntry).delete()
        return ticket.id


@pytest.fixture
def window(seat: Seat, qtbot: QtBot) -> Iterator[MainWindow]:
    main = MainWindow(Desk(seat))
    qtbot.addWidget(main)
    main.show()
    yield main
    main.form.wait_for_writes()


def _stored(seat: Seat, ticket_id: int) -> Ticket:
    with seat.store.session() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        return ticket


def test_a_synced_ticket_is_edited_and_keeps_its_number(
        window: MainWindow, seat: Seat, synced: int, qtbot: QtBot) -> None:
    detail = window.open_ticket(synced)
    assert detail.edit_button is not None
    detail.edit_button.click()
    form = window.form
    assert window.tabs.currentIndex() == 0
    assert form.caller_phone.text() == "" and "138****5678" in form.caller_phone.placeholderText()
    form.title.setText("楼下餐馆夜间噪音扰民（已核实地址）")
    with qtbot.waitSignal(form.ticket_saved, timeout=10000):
        form.save()
    ticket = _stored(seat, synced)
    assert ticket.title == "楼下餐馆夜间噪音扰民（已核实地址）" and ticket.caller_phone == "138****5678"
    with seat.store.session() as session:
        assert session.scalars(select(OutboxEntry.kind)).all() == ["update"]
    assert "138****5678" not in form.caller_phone.placeholderText()  # the next ticket is a new one


def test_a_new_number_typed_over_the_kept_one_replaces_it(
        window: MainWindow, seat: Seat, synced: int, qtbot: QtBot) -> None:
    window.open_ticket(synced).edit_button.click()  # type: ignore[union-attr]
    window.form.caller_phone.setText("13900001111")
    with qtbot.waitSignal(window.form.ticket_saved, timeout=10000):
        window.form.save()
    assert _stored(seat, synced).caller_phone == "13900001111"


def test_a_unit_handler_gets_no_edit_button(seat: Seat, synced: int, qtbot: QtBot) -> None:
    remember_identity(seat, Identity("chengguan", "城管张", Role.UNIT, "市城市管理局"))
    window = MainWindow(Desk(seat))
    qtbot.addWidget(window)
    detail = window.open_ticket(synced)
    assert detail.edit_button is None
    assert not window.tabs.isTabVisible(0)
    window.form.wait_for_writes()
