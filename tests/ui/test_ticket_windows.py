"""One window per ticket (issue 13.1): a double-click opens one, opening it again raises that one,
and it always shows the ticket as it is now, after an action and after a sync round."""

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.desk import Desk
from app.domain.enums import Status
from app.domain.lifecycle import Action
from app.domain.roles import Role
from app.domain.ticket import TicketInput
from app.seat import Seat
from app.settings import save_settings
from app.store.models import Ticket
from app.sync.credentials import TokenStore
from app.sync.engine import SyncReport
from app.sync.identity import Identity, remember_identity
from app.tickets import lifecycle
from app.tickets.service import create_ticket
from tests.e2e.e2e_support import MemoryKeyring
from ui.main_window import MainWindow
from ui.queue_model import QueueModel
from ui.sync_controller import SyncController
from ui.ticket_detail import TicketDetail

COMPLAINT = {"request_type": "投诉", "caller_name": "王女士", "caller_phone": "13812345678",
             "category1": "城市管理", "district": "梁园区", "address": "凯旋路88号",
             "title": "楼下餐馆夜间噪音扰民", "description": "楼下餐馆夜间噪音扰民，每天到凌晨两点"}


@pytest.fixture
def dispatcher(seat: Seat, qtbot: QtBot) -> Iterator[tuple[MainWindow, int]]:
    """A dispatcher's window (center unreachable) with one ticket waiting to be dispatched."""
    seat.settings = replace(seat.settings, server_url="http://127.0.0.1:9", server_user="wangfang",
                            sync_interval=3600)
    save_settings(seat.data_dir, seat.settings)
    with seat.store.session() as session, session.begin():
        ticket_id = create_ticket(session, data=TicketInput.from_dict(COMPLAINT), context=seat.context).id
    remember_identity(seat, Identity("wangfang", "王芳", Role.DISPATCHER))
    desk = Desk(seat)
    window = MainWindow(desk, SyncController(desk, tokens=TokenStore(MemoryKeyring())))
    qtbot.addWidget(window)
    window.show()
    yield window, ticket_id
    window.form.wait_for_writes()


def _open_windows(window: MainWindow) -> list[TicketDetail]:
    """The ticket windows of ``window`` on screen (not only those it remembers)."""
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, TicketDetail) and w.isVisible() and w.parent() is window]


def _double_click(window: MainWindow, qtbot: QtBot, ticket_id: int) -> None:
    table = window.queue.table
    qtbot.waitUntil(window.queue.model.is_fully_loaded)
    index = window.queue.model.index(window.queue.model.row_of(ticket_id), QueueModel.COL_TITLE)
    point = table.visualRect(index).center()
    # What a mouse sends: a click, then the double-click (the view checks both hit one row).
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_a_double_click_opens_one_window_and_again_raises_it(
        dispatcher: tuple[MainWindow, int], qtbot: QtBot) -> None:
    window, ticket_id = dispatcher
    window.tabs.setCurrentIndex(1)
    window.queue.select_view("all")
    _double_click(window, qtbot, ticket_id)
    opened = _open_windows(window)
    assert len(opened) == 1 and opened[0].ticket.id == ticket_id
    _double_click(window, qtbot, ticket_id)
    assert _open_windows(window) == opened
    opened[0].close()
    qtbot.waitUntil(lambda: not window.ticket_windows)
    _double_click(window, qtbot, ticket_id)
    assert len(_open_windows(window)) == 1


def test_after_an_action_the_one_window_shows_the_new_state(
        dispatcher: tuple[MainWindow, int], qtbot: QtBot) -> None:
    window, ticket_id = dispatcher
    detail = window.open_ticket(ticket_id)
    assert Action.DISPATCH in detail.action_buttons
    dialog = detail.open_action(Action.DISPATCH)
    dialog.units.setCurrentText("市城市管理局")
    with qtbot.waitSignal(detail.ticket_changed):
        dialog.submit()
    # The same window, still open, no longer offering 派单 on a ticket just dispatched.
    assert detail.isVisible() and _open_windows(window) == [detail]
    assert Action.DISPATCH not in detail.action_buttons
    assert detail.ticket.status == Status.DISPATCHED.value
    assert window.open_ticket(ticket_id) is detail


def test_a_sync_round_that_changes_the_ticket_redraws_its_window(
        dispatcher: tuple[MainWindow, int], seat: Seat, qtbot: QtBot) -> None:
    window, ticket_id = dispatcher
    detail = window.open_ticket(ticket_id)
    assert Action.DISPATCH in detail.action_buttons
    with seat.store.session() as session, session.begin():  # what a pull brings: another seat's step
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        lifecycle.dispatch(session, ticket=ticket, units=["市城市管理局"], context=seat.context)
    window.sync.synced.emit(SyncReport(pushed=0, pulled=1, pending=0, conflicts=0, rejected=0))
    assert detail.ticket.status == Status.DISPATCHED.value and detail.ticket.handling_unit == "市城市管理局"
    assert Action.DISPATCH not in detail.action_buttons
