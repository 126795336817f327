"""One interface for every way calls reach the seat (SIP, a desk phone's Action URL events), and
the recorder that turns their events into steps in the seat's store.

An adapter reports what the network tells it as ``CallEvent``s to a sink, from its own thread;
the desk asks it to answer, transfer or hang up a call by the adapter's call id.
"""

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from app.settings import Settings
from app.store.db import Store
from app.telephony.calls import record_step
from app.telephony.model import CallState, CallStateError, EndReason
from app.tickets.service import utc_now

log = logging.getLogger("app.telephony")


@dataclass(frozen=True)
class CallEvent:
    """A call reached ``state`` at ``at`` (naive UTC). The caller and line come with the first
    event of a call; later ones may leave them empty."""

    call_id: str
    state: CallState
    at: datetime
    caller: str = ""
    line: str = ""
    end_reason: EndReason | None = None
    transfer_to: str = ""


CallSink = Callable[[CallEvent], None]


class CallAdapter(Protocol):
    """A source of calls. ``available`` False (示忙, 小休, 话后整理) refuses new calls where the
    protocol can (SIP answers 486 Busy Here); the refused call is recorded as missed.
    ``transfers`` False: the adapter only hears about calls (a desk phone transfers on its own
    keys), so a hand-off is the agent's, confirmed on the screen. ``dial`` calls a number back
    (漏接回拨); False when the adapter has no way to, and the agent dials by hand."""

    available: bool
    transfers: bool

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def answer(self, call_id: str) -> None: ...

    def transfer(self, call_id: str, target: str) -> None: ...

    def hang_up(self, call_id: str) -> None: ...

    def dial(self, number: str) -> bool: ...


class CallRecorder:
    """The sink that records each event as a step of its call, then tells the listeners (the
    window's screen pop) once the step is durable. Events heard together are written in one
    transaction (``record_all``): one fsync for a burst instead of one per step."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self._store = store
        self._settings = settings
        self._lock = threading.Lock()
        self.listeners: list[CallSink] = []

    def __call__(self, event: CallEvent) -> None:
        self.record_all([event])

    def record_all(self, events: Sequence[CallEvent]) -> None:
        """Record ``events`` in order in one transaction, each in a savepoint of its own."""
        recorded: list[CallEvent] = []
        # The lock: the adapter's thread and a desk action may both record.
        with self._lock, self._store.session() as session, session.begin():
            # The driver begins a transaction only before a write, not before a SAVEPOINT, and the
            # first savepoint's release would then commit alone: begin it here, one commit for all.
            session.connection().exec_driver_sql("BEGIN")
            for event in events:
                try:
                    with session.begin_nested():
                        record_step(session, call_id=event.call_id, state=event.state, at=event.at,
                                    caller=event.caller, line=event.line, seat=self._settings.seat_id,
                                    extension=self._settings.extension, agent=self._settings.agent_name,
                                    end_reason=event.end_reason, transfer_to=event.transfer_to,
                                    area_code=self._settings.default_area_code)
                except CallStateError as error:
                    # A late or reordered signal; the call's record stays as it was. No number logged.
                    log.warning("call step ignored state=%s: %s", event.state.value, error)
                    continue
                recorded.append(event)
        for event in recorded:
            for listener in list(self.listeners):
                listener(event)


def now() -> datetime:
    return utc_now()
