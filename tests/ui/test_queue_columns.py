"""The queue's columns (issue 13.8): at 1280 px 状态, 承办单位 and 办理期限 show without a
horizontal scrollbar; widths and chosen columns are remembered; 本地编号 stays the seat's number
after sync (the center's has a column of its own); 督办 notes are not cut."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.desk import Desk
from app.domain.roles import Role
from app.seat import Seat
from app.settings import load_settings
from app.store.models import Ticket
from app.sync.identity import Identity, remember_identity
from app.tickets import lifecycle
from app.tickets.demo import insert_demo_tickets
from ui.main_window import MainWindow
from ui.queue_model import QueueModel


def _window(seat: Seat, qtbot: QtBot) -> MainWindow:
    window = MainWindow(Desk(seat))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentIndex(1)
    return window


def test_at_1280_the_important_columns_fit_and_the_numbers_are_the_seats(seat: Seat, qtbot: QtBot) -> None:
    insert_demo_tickets(seat.store, seat.context, 60)
    with seat.store.session() as session, session.begin():  # synced: the center's number came back
        ticket = session.scalars(select(Ticket).order_by(Ticket.id)).first()
        assert ticket is not None
        ticket.official_no = "SQ20261205000007"
        local_no, ticket_id = ticket.local_no, ticket.id
    window = _window(seat, qtbot)
    queue = window.queue
    qtbot.waitUntil(queue.model.is_fully_loaded)
    table = queue.table
    assert not table.horizontalScrollBar().isVisible()
    for column in (QueueModel.COL_STATUS, QueueModel.COL_UNIT, QueueModel.COL_DEADLINE, QueueModel.COL_LOCAL_NO):
        assert not table.isColumnHidden(column)
        x = table.columnViewportPosition(column)
        assert x >= 0 and x + table.columnWidth(column) <= table.viewport().width(), column
    row = queue.model.row_of(ticket_id)
    assert queue.model.index(row, QueueModel.COL_LOCAL_NO).data() == local_no
    assert queue.model.index(row, QueueModel.COL_OFFICIAL_NO).data() == "SQ20261205000007"
    window.form.wait_for_writes()


def test_column_choice_and_widths_are_remembered(seat: Seat, qtbot: QtBot) -> None:
    window = _window(seat, qtbot)
    queue = window.queue
    menu = queue.column_menu()
    official = next(a for a in menu.actions() if a.text() == "工单编号")
    official.setChecked(True)
    queue.table.setColumnWidth(QueueModel.COL_UNIT, 210)
    queue.save_columns()
    stored = load_settings(seat.data_dir).queue_columns
    assert stored["official_no"] > 0 and stored["handling_unit"] == 210
    window.form.wait_for_writes()
    window.close()

    again = _window(seat, qtbot)
    assert not again.queue.table.isColumnHidden(QueueModel.COL_OFFICIAL_NO)
    assert again.queue.table.columnWidth(QueueModel.COL_UNIT) == 210
    again.form.wait_for_writes()


def test_an_escalation_note_is_not_cut(seat: Seat, qtbot: QtBot) -> None:
    insert_demo_tickets(seat.store, seat.context, 200)
    remember_identity(seat, Identity("boss", "李班长", Role.SUPERVISOR))
    with seat.store.session() as session, session.begin():
        ticket = session.scalars(select(Ticket).where(Ticket.status.in_(("派单", "签收", "办理")))).first()
        assert ticket is not None
        lifecycle.escalate(session, ticket=ticket, level="二级", note="三日内回复", context=seat.context)
        ticket_id = ticket.id
    window = _window(seat, qtbot)
    queue = window.queue
    queue.select_view("all")
    qtbot.waitUntil(queue.model.is_fully_loaded)
    index = queue.model.index(queue.model.row_of(ticket_id), QueueModel.COL_STATUS)
    text = index.data(Qt.ItemDataRole.DisplayRole)
    assert "督办二级" in text
    needed = queue.table.fontMetrics().horizontalAdvance(text) + 12  # the cell's margins
    assert queue.table.columnWidth(QueueModel.COL_STATUS) >= needed
    window.form.wait_for_writes()


def test_the_supervisor_drills_into_one_unit_from_its_count(seat: Seat, qtbot: QtBot) -> None:
    insert_demo_tickets(seat.store, seat.context, 300)
    remember_identity(seat, Identity("boss", "李班长", Role.SUPERVISOR))
    window = _window(seat, qtbot)
    queue = window.queue
    queue.select_view("by_unit")
    assert queue.units_list.isVisible()
    qtbot.waitUntil(lambda: queue.units_list.count() > 2, timeout=10000)
    qtbot.waitUntil(queue.model.is_fully_loaded)
    everything = queue.model.rowCount()
    assert f"（{everything}）" in queue.units_list.item(0).text()
    first = queue.units_list.item(1).text()  # the unit with most open tickets
    unit, shown = first.split("（")[0], int(first.split("（")[1].split("）")[0])
    with qtbot.waitSignal(queue.model.count_changed, timeout=10000) as counted:
        queue.units_list.setCurrentRow(1)
    assert counted.args == [shown] and shown < everything
    qtbot.waitUntil(queue.model.is_fully_loaded)
    units = {queue.model.index(r, QueueModel.COL_UNIT).data() for r in range(queue.model.rowCount())}
    assert units == {unit}
    queue.select_view("all")
    assert not queue.units_list.isVisible()
    window.form.wait_for_writes()
