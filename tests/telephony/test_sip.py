"""The seat's SIP user agent against real SIPp on loopback: every call recorded once in the real
store with the right outcome and times; CANCEL while ringing, REFER, OPTIONS, a call while the
agent is busy, the headless listener and a SIGKILL mid-call."""

import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.seat import Seat
from app.store.models import Call, CallStep, OutboxEntry
from app.store.unlock import open_store
from app.sync.protocol import CALL_KIND
from app.telephony.adapter import CallEvent, CallRecorder
from app.telephony.model import CallState
from app.telephony.sip import SipAdapter
from tests.telephony.sipp_support import callers_csv, need_sipp, run_sipp, wait_for

NUMBERS = ["13912345678", "13800001111", "03703221234", "15600002222", "18937001234"]


@pytest.fixture
def sip(seat: Seat) -> Iterator[SipAdapter]:
    need_sipp()
    adapter = SipAdapter(("127.0.0.1", 0), CallRecorder(seat.store, seat.settings), answer_after=0.05)
    adapter.start()
    yield adapter
    adapter.stop()


def recorded(seat: Seat) -> list[Call]:
    with seat.store.session() as session:
        return list(session.scalars(select(Call).order_by(Call.id)))


def final_count(seat: Seat) -> int:
    with seat.store.session() as session:
        return session.scalar(select(func.count()).select_from(Call).where(
            Call.state.in_(["ended", "abandoned", "transferred"]))) or 0


def test_answered_calls_are_recorded_once_with_their_times(sip: SipAdapter, seat: Seat, tmp_path: Path) -> None:
    done = run_sipp("answered", sip.address[1], callers_csv(tmp_path, NUMBERS), calls=5)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert wait_for(lambda: final_count(seat) == 5)
    calls = recorded(seat)
    assert len(calls) == 5 and {c.state for c in calls} == {"ended"}
    assert sorted(c.caller_number for c in calls) == sorted(
        ["13912345678", "13800001111", "0370-3221234", "15600002222", "18937001234"])
    for call in calls:
        assert call.line == "12345" and call.seat == seat.settings.seat_id
        assert call.ringing_at and call.answered_at and call.ended_at
        assert call.offered_at <= call.ringing_at <= call.answered_at <= call.ended_at
    with seat.store.session() as session:  # each call's record queued for the center once
        assert session.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.kind == CALL_KIND)) == 5


def test_a_caller_who_hangs_up_while_ringing_is_abandoned(seat: Seat, tmp_path: Path) -> None:
    need_sipp()
    adapter = SipAdapter(("127.0.0.1", 0), CallRecorder(seat.store, seat.settings), answer_after=None)
    adapter.start()
    try:
        done = run_sipp("abandoned", adapter.address[1], callers_csv(tmp_path, NUMBERS), calls=3)
    finally:
        adapter.stop()
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    calls = recorded(seat)
    assert [(c.state, c.end_reason, c.answered_at) for c in calls] == [("abandoned", "caller_hung_up", None)] * 3
    assert all(c.ended_at and c.ringing_at and c.ended_at > c.ringing_at for c in calls)


def test_a_transferred_call_is_recorded_as_transferred(sip: SipAdapter, seat: Seat, tmp_path: Path) -> None:
    recorder = sip._sink
    assert isinstance(recorder, CallRecorder)

    def hand_over(event: CallEvent) -> None:  # the agent presses 转119 once the call is up
        if event.state is CallState.ANSWERED:
            sip.transfer(event.call_id, "119")

    recorder.listeners.append(hand_over)
    done = run_sipp("transferred", sip.address[1], callers_csv(tmp_path, NUMBERS), calls=3)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert wait_for(lambda: final_count(seat) == 3)
    calls = recorded(seat)
    assert [(c.state, c.transfer_to) for c in calls] == [("transferred", "119")] * 3
    assert all(c.answered_at and c.ended_at for c in calls)


def test_a_call_while_busy_is_refused_and_kept_as_missed(sip: SipAdapter, seat: Seat, tmp_path: Path) -> None:
    sip.available = False  # 示忙
    done = run_sipp("busy", sip.address[1], callers_csv(tmp_path, NUMBERS[:1]), calls=1)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert wait_for(lambda: final_count(seat) == 1)
    (call,) = recorded(seat)
    assert (call.state, call.end_reason, call.caller_number) == ("abandoned", "refused_busy", "13912345678")


def test_options_are_answered(sip: SipAdapter, seat: Seat, tmp_path: Path) -> None:
    done = run_sipp("options", sip.address[1], callers_csv(tmp_path, NUMBERS[:1]), calls=2)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert recorded(seat) == []  # no call


def _listener(data_dir: Path, *extra: str) -> tuple[subprocess.Popen[str], int]:
    process = subprocess.Popen(
        [sys.executable, "-m", "app.telephony", "listen", "--data-dir", str(data_dir),
         "--sip", "127.0.0.1:0", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith("listening sip=127.0.0.1:"), line + (process.stderr.read() if process.poll() else "")
    return process, int(line.strip().rpartition(":")[2])


def _calls(data_dir: Path) -> list[tuple[str, str, bool]]:
    with open_store(data_dir, migrate=False) as store, store.session() as session:
        return [(c.state, c.end_reason, c.answered_at is not None) for c in session.scalars(select(Call))]


def test_a_sigkill_mid_call_loses_no_answered_call_and_the_listener_records_calls(tmp_path: Path) -> None:
    need_sipp()
    data_dir = tmp_path / "seat"
    csv = callers_csv(tmp_path, NUMBERS)
    # A caller who stays on the line for a minute: the seat is killed while the call is answered.
    (tmp_path / "long.xml").write_text((Path(__file__).parent / "sipp" / "answered.xml").read_text().replace(
        '<pause milliseconds="300"/>', '<pause milliseconds="60000"/>'))
    listener, port = _listener(data_dir, "--answer-after", "0")
    caller = subprocess.Popen([need_sipp(), f"127.0.0.1:{port}", "-sf", str(tmp_path / "long.xml"), "-inf", str(csv),
                               "-i", "127.0.0.1", "-p", "0", "-m", "1", "-nostdin"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path)
    try:
        assert wait_for(lambda: _calls(data_dir) == [("answered", "", True)])
        listener.send_signal(signal.SIGKILL)
        listener.wait(timeout=10)
        assert _calls(data_dir) == [("answered", "", True)]  # durable the moment it was answered
    finally:
        caller.kill()
        caller.wait()
        if listener.poll() is None:
            listener.kill()

    # Started again: the interrupted call is closed and queued; new calls are recorded.
    listener, port = _listener(data_dir, "--answer-after", "0")
    try:
        done = run_sipp("answered", port, csv, calls=2)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
        assert wait_for(lambda: sorted(_calls(data_dir)).count(("ended", "", True)) == 2)
    finally:
        listener.send_signal(signal.SIGTERM)
        out, err = listener.communicate(timeout=30)
    assert listener.returncode == 0, err
    assert out.strip().splitlines()[-1] == "calls=2 answered=2 abandoned=0 transferred=0"
    assert "未结束的来电" in err
    assert sorted(_calls(data_dir)) == [("ended", "", True), ("ended", "", True), ("ended", "interrupted", True)]
    with open_store(data_dir, migrate=False) as store, store.session() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.kind == CALL_KIND)) == 3


def test_a_retransmitted_invite_is_the_same_call(seat: Seat) -> None:
    """A caller who heard nothing within 500 ms sends the INVITE again: one call, one dialog (one
    To tag), or its ACK and BYE would match nothing and the call would stay answered forever."""
    import re
    import socket

    adapter = SipAdapter(("127.0.0.1", 0), CallRecorder(seat.store, seat.settings), answer_after=None)
    adapter.start()
    peer = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    peer.bind(("127.0.0.1", 0))
    peer.settimeout(5)
    port = peer.getsockname()[1]
    invite = (f"INVITE sip:12345@127.0.0.1:{adapter.address[1]} SIP/2.0\r\n"
              f"Via: SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bK-retrans-1\r\n"
              f"From: <sip:13912345678@127.0.0.1:{port}>;tag=caller1\r\n"
              f"To: <sip:12345@127.0.0.1:{adapter.address[1]}>\r\n"
              "Call-ID: retrans-1@127.0.0.1\r\nCSeq: 1 INVITE\r\n"
              f"Contact: <sip:13912345678@127.0.0.1:{port}>\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n")
    tags: list[str] = []
    try:
        for _ in range(2):
            peer.sendto(invite.encode(), ("127.0.0.1", adapter.address[1]))
            while True:
                reply = peer.recv(65535).decode()
                if reply.startswith("SIP/2.0 180"):
                    tags += re.findall(r"^To:.*;tag=([^;\s]+)", reply, re.MULTILINE)
                    break
    finally:
        peer.close()
        adapter.stop()
    assert len(tags) == 2 and tags[0] == tags[1]
    (call,) = recorded(seat)
    with seat.store.session() as session:
        steps = session.scalars(select(CallStep.state).where(CallStep.call_pk == call.id).order_by(CallStep.id)).all()
    assert steps == ["offered", "ringing"]
