"""The seat's calls, for the windows: the adapter the settings choose, the agent's state, the
screen pop's caller, tickets linked to the call, the 漏接回拨 list. Each method is one unit of
work; events from the adapter arrive on the adapter's thread (the window hands them to its own).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.domain.handoff import Handoff, HandoffWay
from app.domain.phone import mask_phone
from app.seat import Seat
from app.store.models import Call
from app.telephony import agent, callbacks
from app.telephony.adapter import CallAdapter, CallEvent, CallRecorder
from app.telephony.agent import AgentState
from app.telephony.callbacks import CallbackItem
from app.telephony.calls import close_interrupted, find_call
from app.telephony.choose import adapter_for
from app.telephony.model import CallState
from app.tickets.service import utc_now


@dataclass(frozen=True)
class CallView:
    """A call as the screen pop shows it: the number masked, and in full for the capture form
    (the seat took the call: the agent would type it anyway)."""

    call_id: str
    state: CallState
    caller_masked: str
    caller_number: str
    line: str
    offered_at: datetime
    answered_at: datetime | None


@dataclass(frozen=True)
class AgentStatus:
    state: AgentState
    since: datetime  # naive UTC


class CallDesk:
    """Calls at one seat (``Desk.calls``)."""

    def __init__(self, seat: Seat) -> None:
        self._seat = seat
        self.adapter: CallAdapter | None = None
        self._status = AgentStatus(AgentState.BUSY, utc_now())

    def start(self, on_event: Callable[[CallEvent], None], *, answer_after: float | None = None) -> bool:
        """Close the calls a stopped run left open, then start the adapter the settings choose
        (False: none chosen). Events go to ``on_event`` after they are recorded.

        Raises:
            ValueError: the settings name no known adapter or a malformed address.
            OSError: the address cannot be listened on.
        """
        store, settings = self._seat.store, self._seat.settings
        with store.session() as session, session.begin():
            close_interrupted(session, at=utc_now())
        recorder = CallRecorder(store, settings)
        recorder.listeners.append(on_event)
        adapter = adapter_for(settings, recorder, answer_after=answer_after)
        if adapter is None:
            return False
        adapter.available = self._status.state is AgentState.AVAILABLE
        adapter.start()
        self.adapter = adapter
        return True

    def stop(self) -> None:
        if self.adapter is not None:
            self.adapter.stop()
            self.adapter = None

    # -- the agent -----------------------------------------------------------------------------

    @property
    def status(self) -> AgentStatus:
        return self._status

    def set_agent_state(self, state: AgentState) -> AgentStatus:
        """Record the agent's new state; calls are offered only in 示闲."""
        settings, now = self._seat.settings, utc_now()
        with self._seat.store.session() as session, session.begin():
            span = agent.set_state(session, seat=settings.seat_id, agent=settings.agent_name, state=state, at=now)
            self._status = AgentStatus(state, span.started_at)
        if self.adapter is not None:
            self.adapter.available = state is AgentState.AVAILABLE
        return self._status

    # -- one call ------------------------------------------------------------------------------

    def call(self, call_id: str) -> CallView | None:
        with self._seat.store.session() as session:
            found = find_call(session, call_id)
            if found is None:
                return None
            return CallView(found.call_id, CallState(found.state), mask_phone(found.caller_number),
                            found.caller_number, found.line, found.offered_at, found.answered_at)

    def answer(self, call_id: str) -> None:
        if self.adapter is not None:
            self.adapter.answer(call_id)

    def can_transfer(self, call_id: str) -> bool:
        """Whether the adapter can transfer call ``call_id`` now (it is up: answered or held)."""
        adapter = self.adapter
        if adapter is None or not adapter.transfers or not call_id:
            return False
        view = self.call(call_id)
        return view is not None and view.state in (CallState.ANSWERED, CallState.HELD)

    def hand_off(self, call_id: str, service: str) -> Handoff:
        """Hand the caller of ``call_id`` to ``service`` (110/119/120/122 or a department line):
        transferred through the adapter when it can (SIP REFER), else the agent's own hand-off,
        which this records as confirmed now. The ticket's timeline gets it when the ticket is saved."""
        if self.adapter is not None and self.can_transfer(call_id):
            self.adapter.transfer(call_id, service)
            return Handoff(service, utc_now(), HandoffWay.TRANSFERRED)
        return Handoff(service, utc_now(), HandoffWay.MANUAL)

    def hang_up(self, call_id: str) -> None:
        if self.adapter is not None:
            self.adapter.hang_up(call_id)

    def recent_calls(self, limit: int = 50) -> list[CallView]:
        with self._seat.store.session() as session:
            rows = session.scalars(select(Call).order_by(Call.offered_at.desc(), Call.id.desc()).limit(limit))
            return [CallView(c.call_id, CallState(c.state), mask_phone(c.caller_number), c.caller_number,
                             c.line, c.offered_at, c.answered_at) for c in rows]

    # -- 漏接回拨 -------------------------------------------------------------------------------

    def callback_list(self) -> list[CallbackItem]:
        with self._seat.store.session() as session:
            return callbacks.callback_list(session)

    def dial_back(self, call_id: str) -> bool:
        """Call a lost call's caller back through the adapter (SIP INVITE, a desk phone's dial
        URL); False when it cannot dial and the agent dials the number by hand.

        Raises:
            OSError: the phone did not take the request (the text says what to do).
        """
        number = self.number_to_dial(call_id)
        return self.adapter is not None and bool(number) and self.adapter.dial(number)

    def number_to_dial(self, call_id: str) -> str:
        """The caller's full number, shown when the agent calls back (the seat took the call)."""
        with self._seat.store.session() as session:
            return callbacks.number_to_dial(session, call_id=call_id)

    def record_callback(self, call_id: str, *, reached: bool) -> bool:
        settings = self._seat.settings
        with self._seat.store.session() as session, session.begin():
            return callbacks.record_attempt(session, call_id=call_id, reached=reached, at=utc_now(),
                                            seat=settings.seat_id, agent=settings.agent_name)
