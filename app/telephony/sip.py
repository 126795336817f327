"""The seat's SIP user agent (aiosipua over UDP): it listens, answers an INVITE with 180 Ringing,
with 200 OK when the agent takes the call (or after ``answer_after`` seconds), records CANCEL
as abandoned, BYE as ended, answers OPTIONS, transfers with REFER and refuses calls with
486 Busy Here while the agent is not available. Audio is the desk phone's or the softphone's:
no media here.

The asyncio loop runs on a thread of its own; the desk's requests (answer, transfer, hang up)
are handed to it with ``call_soon_threadsafe``. The steps it hears are recorded on another
thread, in order, each stamped when it was heard: a store write (an fsync) or a screen pop on the
loop held every SIP answer behind it, so under 20 calls a second callers retransmitted INVITEs
and BYEs and the seat lost track of their dialogs (481; calls left answered).
"""

import asyncio
import logging
import queue
import threading
from typing import Any

from aiosipua import (
    DialogState,
    IncomingCall,
    SipRequest,
    SipUAC,
    SipUAS,
    UdpSipTransport,
    parse_uri,
)
from aiosipua.transport import _UdpProtocol

from app.telephony.adapter import CallEvent, CallSink, now
from app.telephony.model import CallState, EndReason

log = logging.getLogger("app.telephony.sip")
_BATCH = 200  # steps written in one transaction at most
# aiosipua logs each INVITE's From and To at INFO: a caller's number would reach the log.
logging.getLogger("aiosipua").setLevel(logging.WARNING)


def parse_address(text: str) -> tuple[str, int]:
    """``host:port`` → (host, port).

    Raises:
        ValueError: not host:port with a port number; the text says so in Chinese.
    """
    host, _, port = text.strip().rpartition(":")
    if not host or not port.isdigit() or not 0 <= int(port) < 65536:
        raise ValueError(f"SIP 地址“{text}”应写成 主机:端口，例如 127.0.0.1:5060。")
    return host, int(port)


def _user(uri: str) -> str:
    try:
        return parse_uri(uri).user or ""
    except ValueError:
        return ""


class _Protocol(_UdpProtocol):
    """aiosipua 0.7.1 asserts that the socket is an asyncio.DatagramTransport, which Python
    3.11's selector transport is not (3.12's is): the assertion fails in a logged callback."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._owner._udp_transport = transport  # type: ignore[assignment]


class _Transport(UdpSipTransport):
    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._udp_transport, _ = await loop.create_datagram_endpoint(
            lambda: _Protocol(self), local_addr=self.local_addr)


def _branch(request: SipRequest) -> str:
    vias = request.via
    return (vias[0].branch or "") if vias else ""


class _Uas(SipUAS):
    """aiosipua 0.7.1 takes a retransmitted INVITE (the caller heard nothing within 500 ms, as
    happens on a busy seat) for a new call: a second dialog with another tag replaced the first,
    the caller's ACK and BYE then matched neither and the call stayed answered. A retransmission
    (same Call-ID and branch, dialog not yet confirmed) is answered with 180 again, or ignored
    once the 200 is out (its own retransmission covers it)."""

    def _handle_invite(self, request: SipRequest, addr: tuple[str, int]) -> None:
        existing = self._calls.get(request.call_id or "")
        if (existing is not None and existing.dialog.state != DialogState.CONFIRMED
                and _branch(existing.invite) == _branch(request)):
            if not existing._answered:
                existing.ringing()
            return
        super()._handle_invite(request, addr)


class SipAdapter:
    """Calls over SIP (app.telephony.adapter.CallAdapter)."""

    def __init__(self, address: tuple[str, int], sink: CallSink, *, answer_after: float | None = None,
                 user_agent: str = "HotlineDesk", proxy: tuple[str, int] | None = None,
                 extension: str = "") -> None:
        self.address = address
        self.available = True
        self.transfers = True
        self._sink = sink
        self._answer_after = answer_after
        self._user_agent = user_agent
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="sip", daemon=True)
        self._events: queue.SimpleQueue[CallEvent | None] = queue.SimpleQueue()
        self._recorder = threading.Thread(target=self._record, name="sip-recorder", daemon=True)
        self._uas: SipUAS | None = None
        self._transferred: set[str] = set()
        # Where a callback's INVITE goes: the configured switch, else the one that offered the last call.
        self._proxy = proxy
        self._extension = extension or "hotline"

    # -- lifecycle -----------------------------------------------------------------------------

    def start(self) -> None:
        """Bind the address and start listening.

        Raises:
            OSError: the address cannot be bound (in use, not this machine's).
        """
        self._recorder.start()
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(timeout=10)

    async def _start(self) -> None:
        transport = _Transport(local_addr=self.address)
        uas = _Uas(transport, user_agent=self._user_agent, uac=SipUAC(transport))
        uas.on_invite = self._on_invite
        uas.on_cancel = self._on_cancel
        uas.on_bye = self._on_bye
        uas.on_transfer_progress = self._on_transfer_progress
        await uas.start()
        self._uas = uas
        udp = transport._udp_transport  # the port the system gave for port 0
        bound = udp.get_extra_info("sockname") if udp is not None else self.address
        self.address = (str(bound[0]), int(bound[1]))

    def stop(self) -> None:
        if self._loop.is_closed():
            return
        if self._thread.is_alive():
            if self._uas is not None:
                asyncio.run_coroutine_threadsafe(self._uas.stop(), self._loop).result(timeout=10)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
        self._loop.close()
        if self._recorder.is_alive():  # what was heard is recorded before stop returns
            self._events.put(None)
            self._recorder.join(timeout=30)

    # -- the desk's requests -------------------------------------------------------------------

    def answer(self, call_id: str) -> None:
        self._loop.call_soon_threadsafe(self._answer, call_id)

    def transfer(self, call_id: str, target: str) -> None:
        self._loop.call_soon_threadsafe(self._transfer, call_id, target)

    def hang_up(self, call_id: str) -> None:
        self._loop.call_soon_threadsafe(self._hang_up, call_id)

    def dial(self, number: str) -> bool:
        """Call ``number`` back with an INVITE through the switch; False when no switch is known
        (none configured and no call came in yet)."""
        target = self._proxy
        if target is None or not number:
            return False
        self._loop.call_soon_threadsafe(self._dial, number, target)
        return True

    # -- on the loop's thread ------------------------------------------------------------------

    def _emit(self, call_id: str, state: CallState, **extra: Any) -> None:
        self._events.put(CallEvent(call_id=call_id, state=state, at=now(), **extra))

    # -- on the recorder's thread --------------------------------------------------------------

    def _record(self) -> None:
        # The recorder writes what queued up meanwhile in one transaction (CallRecorder.record_all).
        record_all = getattr(self._sink, "record_all", None)
        running = True
        while running:
            batch = [self._events.get()]
            while not self._events.empty() and len(batch) < _BATCH:
                batch.append(self._events.get())
            running = None not in batch
            events = [e for e in batch if e is not None]
            try:
                if record_all is not None:
                    record_all(events)
                else:
                    for event in events:
                        self._sink(event)
            except Exception:  # a store error must not stop the recorder: later calls go on
                log.exception("call steps not recorded count=%d", len(events))

    def _on_invite(self, call: IncomingCall) -> None:
        if self._proxy is None:
            self._proxy = call.source_addr  # the switch that carries this seat's calls
        caller, line = _user(call.caller), _user(call.callee) or _user(str(call.invite.uri))
        self._emit(call.call_id, CallState.OFFERED, caller=caller, line=line)
        if not self.available:
            call.reject(486, "Busy Here")
            self._emit(call.call_id, CallState.ABANDONED, end_reason=EndReason.REFUSED_BUSY)
            return
        call.ringing()
        self._emit(call.call_id, CallState.RINGING)
        if self._answer_after is not None:
            self._loop.call_later(self._answer_after, self._answer, call.call_id)

    def _answer(self, call_id: str) -> None:
        call = self._uas.get_call(call_id) if self._uas else None
        if call is None or call._answered:
            return  # hung up meanwhile, or answered already
        call.accept()
        self._emit(call_id, CallState.ANSWERED)

    def _on_cancel(self, request: SipRequest, _addr: tuple[str, int]) -> None:
        self._emit(request.call_id or "", CallState.ABANDONED, end_reason=EndReason.CALLER_HUNG_UP)

    def _on_bye(self, call: IncomingCall, _request: SipRequest) -> None:
        self._transferred.discard(call.call_id)
        self._emit(call.call_id, CallState.ENDED)

    def _transfer(self, call_id: str, target: str) -> None:
        call = self._uas.get_call(call_id) if self._uas else None
        if call is None or self._uas is None or self._uas.uac is None:
            return
        # The target is dialled through the switch that offered the call.
        self._uas.uac.send_refer(call.dialog, f"sip:{target}@{call.source_addr[0]}", call.source_addr)
        self._transferred.add(call_id)
        self._emit(call_id, CallState.TRANSFERRED, transfer_to=target)

    def _on_transfer_progress(self, call_id: str, status: int, reason: str) -> None:
        log.info("transfer progress status=%d", status)

    def _dial(self, number: str, target: tuple[str, int]) -> None:
        if self._uas is None or self._uas.uac is None:
            return
        host, port = self.address
        self._uas.uac.send_invite(f"sip:{self._extension}@{host}:{port}", f"sip:{number}@{target[0]}:{target[1]}",
                                  target, user_agent=self._user_agent)

    def _hang_up(self, call_id: str) -> None:
        call = self._uas.get_call(call_id) if self._uas else None
        if call is None:
            return
        call.hangup()
        self._emit(call_id, CallState.ENDED)
