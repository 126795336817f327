"""生成演示数据 says where demo tickets stay before making any, and a demo ticket says so
(issue 13.3; that they never reach the center: tests/e2e/test_demo_stays.py)."""

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.desk import Desk
from app.seat import Seat
from app.store.models import OutboxEntry, Ticket
from ui.main_window import MainWindow


def test_demo_data_is_asked_for_and_its_tickets_say_they_stay_here(seat: Seat, qtbot: QtBot) -> None:
    window = MainWindow(Desk(seat))
    qtbot.addWidget(window)
    window.show()
    box = window.ask_demo()
    assert "不会同步到中心" in box.text() and box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.No).click()
    assert not seat_has_tickets(seat)  # No made nothing

    box = window.ask_demo()
    with qtbot.waitSignal(window.queue.model.ids_loaded, timeout=20000):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert seat_has_tickets(seat)
    with seat.store.session() as session:
        assert session.scalar(select(OutboxEntry.id)) is None
        ticket_id = session.scalars(select(Ticket.id)).first()
    assert ticket_id is not None
    detail = window.open_ticket(ticket_id)
    assert detail.demo_banner is not None and "只保存在本机" in detail.demo_banner.text()
    kinds = [detail.timeline_model.index(r, 2).data() for r in range(detail.timeline_model.rowCount())]
    assert "demo" not in kinds and "生成演示工单" in kinds
    window.form.wait_for_writes()


def seat_has_tickets(seat: Seat) -> bool:
    with seat.store.session() as session:
        return session.scalar(select(Ticket.id)) is not None
