"""The screen pop in the real window: a desk phone's ringing (Action URL over real HTTP) fills a
new capture form with the number and channel 电话 and shows the caller masked; the agent's state
sits in the status bar; a hang-up starts 话后整理; a ticket saved then is linked to the call."""

import threading
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.desk import Desk
from app.domain.handoff import HandoffWay
from app.domain.ticket import TicketInput
from app.seat import Seat
from app.store.models import CallTicket
from app.telephony.action_url import ActionUrlAdapter
from app.telephony.agent import AgentState
from app.tickets.service import create_ticket
from ui.main_window import MainWindow

SHOTS = Path("/tmp")


@pytest.fixture
def desk_phone() -> Iterator[tuple[ThreadingHTTPServer, list[str]]]:
    """A small HTTP server standing in for the desk phone's Action URI (its dial URL)."""
    asked: list[str] = []

    class Phone(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Phone)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, asked
    server.shutdown()
    server.server_close()


@pytest.fixture
def window(seat: Seat, qtbot: QtBot, desk_phone: tuple[ThreadingHTTPServer, list[str]]) -> Iterator[MainWindow]:
    dial_url = f"http://127.0.0.1:{desk_phone[0].server_address[1]}/servlet?key=number={{number}}"
    seat.settings = replace(seat.settings, telephony="action_url", action_url_address="127.0.0.1:0", acw_limit_s=60,
                            phone_dial_url=dial_url)
    main = MainWindow(Desk(seat))
    qtbot.addWidget(main)
    main.show()
    yield main
    main.form.wait_for_writes()
    main.desk.calls.stop()


def phone(window: MainWindow, event: str, **params: str) -> None:
    adapter = window.desk.calls.adapter
    assert isinstance(adapter, ActionUrlAdapter)
    answer = requests.get(f"http://127.0.0.1:{adapter.address[1]}/yealink/{event}",
                          params={"call_id": "42", **params}, timeout=10)
    assert answer.status_code == 200, answer.text


def test_ringing_pops_the_caller_and_a_filled_form(window: MainWindow, seat: Seat, qtbot: QtBot) -> None:
    with seat.store.session() as session, session.begin():  # the caller rang before
        create_ticket(session, data=TicketInput(request_type="投诉", caller_phone="13912345678", category1="城乡建设",
                                                district="梁园区", address="凯旋路100号", title="路灯不亮",
                                                description="凯旋路路灯连续三晚不亮"), context=seat.context)
    assert window.agent_state is not None and window.agent_state.isVisible()
    window.agent_state.set_state(AgentState.AVAILABLE)
    window.tabs.setCurrentIndex(1)
    phone(window, "incoming", remote="13912345678", local="12345")
    qtbot.waitUntil(lambda: window.call_pop.isVisible(), timeout=10000)
    assert window.tabs.currentIndex() == 0
    assert window.form.caller_phone.text() == "13912345678"
    assert window.form.channel.currentText() == "电话"
    assert "139****5678" in window.call_pop.caller.text() and "12345" in window.call_pop.caller.text()
    assert window.call_pop.answer_button.isVisible()
    # The caller's history, masked, open tickets first (the assistant's panel).
    qtbot.waitUntil(lambda: "此前有 1 件工单" in window.sidebar.caller_summary.text(), timeout=10000)
    assert "139****5678" in window.sidebar.caller_summary.text()
    window.grab().save(str(SHOTS / "calls-screen-pop.png"))

    phone(window, "established")
    qtbot.waitUntil(lambda: window.call_pop.hand_off["119"].isVisible(), timeout=10000)
    assert "通话" in window.call_pop.timer_label.text()
    # A desk phone transfers on its own keys: 转119 records the agent's hand-off for the ticket.
    assert window.sidebar.handoff_button.text().startswith("确认已转接")
    window.call_pop.hand_off["119"].click()
    assert [(h.service, h.way) for h in window.form.handoffs] == [("119", HandoffWay.MANUAL)]
    window.grab().save(str(SHOTS / "calls-talking.png"))
    phone(window, "terminated")
    qtbot.waitUntil(lambda: window.desk.calls.status.state is AgentState.AFTER_CALL, timeout=10000)
    assert not window.call_pop.isVisible()
    assert window.agent_state.buttons[AgentState.AFTER_CALL].isChecked()
    assert "秒后示闲" in window.agent_state.duration.text()

    window.form.set_field("request_type", "咨询")
    for name, value in (("category1", "城乡建设"), ("district", "梁园区"), ("address", "凯旋路100号"),
                        ("title", "路灯修好了吗"), ("description", "询问凯旋路路灯维修进度")):
        window.form.set_field(name, value)
    with qtbot.waitSignal(window.form.ticket_saved, timeout=10000) as saved:
        window.form.save()
    with seat.store.session() as session:
        assert len(session.scalars(select(CallTicket)).all()) == 1
    (line,) = [e for e in window.desk.ticket(saved.args[0]).timeline if e.kind == "handoff"]
    assert (line.detail["text"], line.detail["way"]) == ("已转119", "manual")

    def another(title: str) -> None:
        window.form.new_ticket()
        for name, value in (("request_type", "咨询"), ("caller_phone", "13912345678"), ("category1", "城乡建设"),
                            ("district", "梁园区"),
                            ("address", "凯旋路100号"), ("title", title), ("description", title + "，来电询问")):
            window.form.set_field(name, value)
        with qtbot.waitSignal(window.form.ticket_saved, timeout=10000):
            window.form.save()

    another("井盖缺失")  # the caller's second matter, still in 话后整理: linked to the same call
    window.agent_state.set_state(AgentState.AVAILABLE)  # done with that call
    another("下一位的事")
    with seat.store.session() as session:
        assert len(session.scalars(select(CallTicket)).all()) == 2


def test_lost_calls_are_called_back_from_their_tab(window: MainWindow, qtbot: QtBot, qtmodeltester,  # type: ignore[no-untyped-def]
                                                   desk_phone: tuple[ThreadingHTTPServer, list[str]]) -> None:
    phone(window, "incoming", remote="13800001111", local="12345")
    phone(window, "terminated")  # never picked up
    panel = window.callbacks
    assert panel is not None
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10000)
    qtmodeltester.check(panel.model)
    window.tabs.setCurrentWidget(panel)
    assert panel.model.index(0, 1).data() == "138****1111"
    panel.call_button.click()  # the desk phone dials (its Action URI); the number stays masked here
    qtbot.waitUntil(lambda: desk_phone[1] == ["/servlet?key=number=13800001111"], timeout=10000)
    qtbot.waitUntil(lambda: "已通过话务系统回拨 138****1111" in panel.dial.text(), timeout=10000)
    desk_phone[0].shutdown()  # the phone is gone: the agent is told and given the number to dial
    desk_phone[0].server_close()
    panel.call_button.click()
    qtbot.waitUntil(lambda: panel.dial.text().endswith("请拨打 13800001111"), timeout=10000)
    assert "话机没有响应" in panel.dial.text()
    window.grab().save(str(SHOTS / "calls-callbacks.png"))
    panel.missed_button.click()
    assert panel.model.index(0, 5).data() == "1"
    panel.ticket_button.click()
    assert window.tabs.currentIndex() == 0 and window.form.caller_phone.text() == "13800001111"
    window.tabs.setCurrentWidget(panel)
    panel.reached_button.click()
    assert panel.model.rowCount() == 0
