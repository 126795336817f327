"""The desk's calls with the SIP adapter the settings choose, against real SIPp: calls refused
until the agent is 示闲, the states kept as spans, a ticket saved during the call linked to it."""

import contextlib
import logging
import os
import re
import signal
import socket
import subprocess
import threading
from dataclasses import replace

from sqlalchemy import select

from app.desk import Desk
from app.domain.handoff import Handoff, HandoffWay
from app.domain.ticket import TicketInput
from app.seat import Seat
from app.store.models import AgentStateSpan, Call, CallTicket
from app.telephony.adapter import CallEvent
from app.telephony.agent import AgentState
from app.telephony.calls import record_step
from app.telephony.model import CallState
from app.tickets.service import utc_now
from tests.telephony.sipp_support import SCENARIOS, callers_csv, need_sipp, run_sipp, wait_for


def test_calls_reach_the_agent_only_when_available_and_link_the_tickets(seat: Seat, tmp_path) -> None:  # type: ignore[no-untyped-def]
    need_sipp()
    seat.settings = replace(seat.settings, telephony="sip", sip_address="127.0.0.1:0")
    desk = Desk(seat)
    events: list[CallEvent] = []
    seen = threading.Lock()

    def on_event(event: CallEvent) -> None:
        with seen:
            events.append(event)

    assert desk.calls.start(on_event, answer_after=0.05)
    try:
        adapter = desk.calls.adapter
        assert adapter is not None
        port = adapter.address[1]  # type: ignore[attr-defined]
        csv = callers_csv(tmp_path, ["13912345678"])
        assert desk.calls.status.state is AgentState.BUSY  # a seat starts 示忙 until the agent is ready
        assert run_sipp("busy", port, csv, calls=1).returncode == 0
        desk.calls.set_agent_state(AgentState.AVAILABLE)
        done = run_sipp("answered", port, csv, calls=1)
        assert done.returncode == 0, done.stdout[-2000:]
        assert wait_for(lambda: len([e for e in events if e.state is CallState.ENDED]) == 1)
        answered = next(e for e in events if e.state is CallState.ANSWERED)
        view = desk.calls.call(answered.call_id)
        assert view is not None and (view.caller_masked, view.line) == ("139****5678", "12345")
        desk.save_ticket(TicketInput(request_type="投诉", caller_phone=view.caller_number, title="路灯不亮", district="梁园区", address="凯旋路100号",
                                     description="凯旋路路灯连续三晚不亮", category1="城乡建设"),
                         form_key="f1", call_id=answered.call_id)
        desk.calls.set_agent_state(AgentState.AFTER_CALL)
        desk.calls.set_agent_state(AgentState.AVAILABLE)
    finally:
        desk.calls.stop()
    with seat.store.session() as session:
        assert [s.state for s in session.scalars(select(AgentStateSpan).order_by(AgentStateSpan.id))] == [
            "示闲", "话后整理", "示闲"]
        assert len(session.scalars(select(CallTicket)).all()) == 1
    refused = [e for e in events if e.state is CallState.ABANDONED]
    assert len(refused) == 1 and refused[0].end_reason is not None and refused[0].end_reason.value == "refused_busy"


def test_the_hand_off_transfers_the_caller_and_puts_已转119_on_the_ticket(seat: Seat, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 15, item 5: the banner's button sends REFER to 119 through the seat's SIP user agent
    (SIPp accepts it and leaves); the call is recorded transferred to 119 and the ticket taken in
    it says 已转119 at the time of the transfer, transferred (not only confirmed)."""
    need_sipp()
    seat.settings = replace(seat.settings, telephony="sip", sip_address="127.0.0.1:0")
    desk = Desk(seat)
    handoffs: list[Handoff] = []

    def on_event(event: CallEvent) -> None:  # the agent presses 转接 119 once the call is up
        if event.state is CallState.ANSWERED:
            handoffs.append(desk.calls.hand_off(event.call_id, "119"))

    assert desk.calls.start(on_event, answer_after=0.05)
    try:
        desk.calls.set_agent_state(AgentState.AVAILABLE)
        adapter = desk.calls.adapter
        assert adapter is not None
        done = run_sipp("transferred", adapter.address[1], callers_csv(tmp_path, ["13912345678"]),  # type: ignore[attr-defined]
                        calls=1)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
        with seat.store.session() as session:
            assert wait_for(lambda: session.scalar(select(Call.state)) == "transferred")
            call = session.scalars(select(Call)).one()
            assert (call.transfer_to, call.answered_at is not None) == ("119", True)
            call_id = call.call_id
        assert not desk.calls.can_transfer(call_id)  # over: a second press is the agent's own
    finally:
        desk.calls.stop()
    (handoff,) = handoffs
    assert (handoff.service, handoff.way) == ("119", HandoffWay.TRANSFERRED)
    fire = TicketInput(request_type="求助", caller_phone="13912345678", title="楼道着火", district="梁园区",
                       address="幸福小区3号楼", description="楼道里着火了，有人被困", category1="城乡建设")
    saved = desk.save_ticket(fire, form_key="f1", handoffs=handoffs, call_id=call_id)
    (line,) = [e for e in desk.ticket(saved.id).timeline if e.kind == "handoff"]
    assert (line.detail["text"], line.detail["way"], line.at) == ("已转119", "transferred", handoff.at)


def test_without_an_adapter_the_hand_off_is_the_agents_own(seat: Seat) -> None:
    desk = Desk(seat)  # the settings choose no adapter: the agent transfers on the phone
    handoff = desk.calls.hand_off("", "12315")
    assert (handoff.service, handoff.way) == ("12315", HandoffWay.MANUAL)
    saved = desk.save_ticket(TicketInput(request_type="投诉", caller_phone="13912345678", title="买到坏冰箱",
                                         district="梁园区", address="凯旋路100号", description="商家不退货",
                                         category1="城乡建设"), form_key="f2", handoffs=[handoff])
    (line,) = [e for e in desk.ticket(saved.id).timeline if e.kind == "handoff"]
    assert (line.detail["text"], line.detail["way"]) == ("已转12315", "manual")


def _free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_calling_back_a_lost_call_dials_it_through_the_switch(seat: Seat, tmp_path, caplog) -> None:  # type: ignore[no-untyped-def]
    """Issue 15, item 6: 回拨 sends the seat's INVITE for the lost caller's number to the switch
    (SIPp as the switch answers it); the number never shows unmasked nor reaches the log."""
    sipp = need_sipp()
    caplog.set_level(logging.DEBUG)
    with seat.store.session() as session, session.begin():
        for state in (CallState.RINGING, CallState.ABANDONED):
            record_step(session, call_id="lost-1", state=state, at=utc_now(), caller="13800001111", line="12345")
    port = _free_udp_port()
    switch = subprocess.Popen(
        [sipp, "-sf", str(SCENARIOS / "called_back.xml"), "-i", "127.0.0.1", "-p", str(port), "-m", "1",
         "-trace_logs", "-timeout", "30s", "-timeout_error", "-nostdin", "-bg"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    switch.wait(timeout=30)  # -bg: SIPp forks once it listens and prints the background pid
    found = re.search(r"PID=\[(\d+)\]", switch.stdout.read() if switch.stdout else "")
    background = int(found.group(1)) if found else 0
    seat.settings = replace(seat.settings, telephony="sip", sip_address="127.0.0.1:0",
                            sip_proxy=f"127.0.0.1:{port}", extension="8001")
    desk = Desk(seat)
    assert desk.calls.start(lambda _event: None)
    try:
        assert desk.calls.dial_back("lost-1")
        def logged() -> str:
            return "".join(p.read_text() for p in tmp_path.glob("called_back_*_logs.log"))

        assert wait_for(lambda: "dialled 13800001111 in INVITE" in logged(), timeout=20), logged()
    finally:
        desk.calls.stop()
        if background:
            with contextlib.suppress(ProcessLookupError):
                os.kill(background, signal.SIGTERM)
    assert not desk.calls.dial_back("lost-1")  # stopped: no adapter, the agent dials by hand
    assert "13800001111" not in caplog.text
