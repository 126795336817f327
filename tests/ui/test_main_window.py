"""The whole window: first run, Ctrl+N from anywhere, opening a ticket, import and export."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.desk import Desk
from app.domain.ticket import TicketInput
from app.seat import Seat
from app.store.models import OutboxEntry
from app.sync.protocol import REVEAL_KIND
from app.tickets.demo import insert_demo_tickets
from app.tickets.service import create_ticket
from ui.main_window import MainWindow
from ui.queue_model import QueueModel


@pytest.fixture
def window(seat: Seat, qtbot: QtBot) -> Iterator[MainWindow]:
    main = MainWindow(Desk(seat))
    qtbot.addWidget(main)
    main.show()
    yield main
    main.form.wait_for_writes()


def test_first_run_explains_what_to_do(window: MainWindow) -> None:
    assert window.welcome.isVisible()
    assert window.tabs.currentIndex() == 0


def test_ctrl_n_from_the_queue_asks_before_leaving_a_half_typed_ticket(window: MainWindow, qtbot: QtBot) -> None:
    window.form.title.setText("半截的标题")
    window.tabs.setCurrentIndex(1)
    window.queue.search.setFocus()
    qtbot.keyClick(window.queue.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0
    question = window.new_question
    assert question is not None and question.isVisible()
    assert question.defaultButton() is question.button(QMessageBox.StandardButton.No)
    question.button(QMessageBox.StandardButton.No).click()  # 继续填写
    assert window.form.title.text() == "半截的标题"
    qtbot.keyClick(window.form.title, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    question = window.new_question
    assert question is not None
    question.button(QMessageBox.StandardButton.Yes).click()  # 新建: the half-typed one waits as a draft
    assert window.form.title.text() == ""
    assert not window.form.has_unsaved_input()
    assert window.start_new_ticket() is None  # an empty form: no question


def test_demo_data_fills_the_queue_and_hides_the_welcome(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.queue.model.ids_loaded, timeout=20000):
        window.fill_demo()
    assert window.queue.model.rowCount() > 2000
    assert not window.welcome.isVisible()
    assert "工单" in window.count_label.text()


def test_double_click_opens_the_ticket_with_its_timeline(window: MainWindow, seat: Seat,
                                                         qtbot: QtBot) -> None:
    insert_demo_tickets(seat.store, seat.context, 50)
    # A real call (a demo ticket's made-up number is never reported to the center's audit).
    with seat.store.session() as session, session.begin():  # a caller who left a number
        ticket = create_ticket(session, data=TicketInput.from_dict({
            "request_type": "投诉", "caller_name": "王女士", "caller_phone": "13812345678",
            "category1": "城市管理", "district": "梁园区", "address": "凯旋路88号", "title": "夜间施工噪音",
            "description": "工地夜间施工噪音扰民"}), context=seat.context)
    phone = ticket.caller_phone
    with qtbot.waitSignal(window.queue.model.ids_loaded, timeout=10000):
        window.queue.model.reload()
    index = window.queue.model.index(window.queue.model.row_of(ticket.id), QueueModel.COL_TITLE)
    window.tabs.setCurrentIndex(1)
    with qtbot.waitSignal(window.queue.ticket_activated) as activated:
        point = window.queue.table.visualRect(index).center()
        qtbot.mouseClick(window.queue.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
        qtbot.mouseDClick(window.queue.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert activated.args == [ticket.id]
    detail = window.open_ticket(activated.args[0])
    qtbot.addWidget(detail)
    assert detail.timeline_model.rowCount() == 1
    assert detail.ticket.title == index.data() == ticket.title
    assert detail.reveal_button.isVisibleTo(detail) and detail.reveal_button.isEnabled()
    assert phone not in detail.caller_label.text()
    detail.reveal_button.click()
    dialog = detail.reveal_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.submit()  # no reason given: refused, nothing shown
    assert dialog.isVisible() and dialog.errors.isVisible()
    assert phone not in detail.caller_label.text()
    dialog.reason.setCurrentText("回访需要")
    dialog.submit()
    assert phone in detail.caller_label.text()
    with seat.store.session() as session:  # not signed in: the reveal waits to be audited
        reports = session.scalars(select(OutboxEntry.payload).where(OutboxEntry.kind == REVEAL_KIND)).all()
    assert [json.loads(r)["reason"] for r in reports] == ["回访需要"]


def test_export_then_import_into_another_seat(window: MainWindow, seat: Seat, qtbot: QtBot,
                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    insert_demo_tickets(seat.store, seat.context, 120)
    window.queue.model.reload()
    target = tmp_path / "queue.xlsx"
    window.export_path(target)
    qtbot.waitUntil(target.exists, timeout=10000)
    sheet = load_workbook(target, read_only=True).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("本地编号", "工单编号") and len(rows) == 121

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: shown.append(text))
    window.import_path(target)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "导入 0 条，已存在跳过 120 条" in shown[0]
