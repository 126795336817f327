"""Calls in the seat's store: each signal from an adapter becomes one step of one call, committed
by the caller's transaction; a call that is over queues its record for the center (once).

The caller owns the session and the transaction (``with store.session() as s, s.begin()``).
"""

import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.call_shape import CALL_TEXT_LENGTHS
from app.domain.phone import PhoneError, normalize_phone
from app.store.models import Call, CallStep, CallTicket, OutboxEntry
from app.sync.protocol import CALL_KIND, CALL_LINK_KIND
from app.telephony.model import FINAL_STATES, CallState, EndReason, check_step
from app.ticket_shape import utc_iso


def caller_number(raw: str, default_area_code: str = "0370") -> str:
    """The caller's number as tickets keep it (13812345678, 0370-3221234), so that the caller's
    history matches; a number that is no phone (a withheld id, an internal extension) is kept
    as sent, digits and + only."""
    try:
        return normalize_phone(raw, default_area_code)
    except PhoneError:
        return "".join(c for c in raw if c.isdigit() or c == "+")[:CALL_TEXT_LENGTHS["caller_number"]]


def find_call(session: Session, call_id: str) -> Call | None:
    return session.scalar(select(Call).where(Call.call_id == call_id))


def record_step(
    session: Session, *, call_id: str, state: CallState, at: datetime, caller: str = "",
    line: str = "", seat: str = "", extension: str = "", agent: str = "",
    end_reason: EndReason | None = None, transfer_to: str = "", detail: str = "",
    area_code: str = "0370",
) -> Call:
    """Record that call ``call_id`` reached ``state`` at ``at`` (naive UTC).

    A call first heard of in a later state (the adapter started mid-call) is offered at that
    moment. A repeated signal changes nothing. The caller's details are taken when the call
    is first seen; the number as tickets keep it (``caller_number`` with the seat's area code).

    Raises:
        CallStateError: the step cannot follow the call's current state.
    """
    call = find_call(session, call_id)
    if call is None:
        texts = {"call_id": call_id, "caller_number": caller_number(caller, area_code) if caller else "",
                 "line": line, "seat": seat, "extension": extension, "agent": agent}
        call = Call(client_id=str(uuid.uuid4()), state=CallState.OFFERED.value, end_reason="", transfer_to="",
                    offered_at=at, **{name: text[:CALL_TEXT_LENGTHS[name]] for name, text in texts.items()})
        session.add(call)
        call.steps.append(CallStep(state=CallState.OFFERED.value, at=at, detail=""))
        if state is CallState.OFFERED:
            session.flush()
            return call
        if state is not CallState.RINGING and state not in FINAL_STATES:
            # Answered before this seat heard it ring: it rang at the same moment.
            _apply(call, CallState.RINGING, at, None, "", "")
    if not check_step(CallState(call.state), state):
        return call
    _apply(call, state, at, end_reason, transfer_to, detail)
    if state in FINAL_STATES:
        _queue(session, CALL_KIND, call.client_id, call_wire(call), at)
    session.flush()
    return call


def _apply(call: Call, state: CallState, at: datetime, end_reason: EndReason | None,
           transfer_to: str, detail: str) -> None:
    call.state = state.value
    if state is CallState.RINGING:
        call.ringing_at = at
    elif state is CallState.ANSWERED and call.answered_at is None:  # not again on resume
        call.answered_at = at
    elif state in FINAL_STATES:
        call.ended_at = at
        if state is CallState.ABANDONED:
            call.end_reason = (end_reason or EndReason.CALLER_HUNG_UP).value
        elif end_reason is not None:
            call.end_reason = end_reason.value
        if state is CallState.TRANSFERRED:
            call.transfer_to = transfer_to[:CALL_TEXT_LENGTHS["transfer_to"]]
    call.steps.append(CallStep(state=state.value, at=at, detail=detail))


def link_ticket(session: Session, *, call_id: str, ticket_client_id: str, at: datetime) -> bool:
    """Link a ticket taken during call ``call_id``; False when the call is unknown. A link made
    after the call's record left for the center follows it as a mutation of its own."""
    call = find_call(session, call_id)
    if call is None:
        return False
    if any(link.ticket_client_id == ticket_client_id for link in call.tickets):
        return True
    call.tickets.append(CallTicket(ticket_client_id=ticket_client_id, at=at))
    if CallState(call.state) in FINAL_STATES:
        _queue(session, CALL_LINK_KIND, call.client_id, {"call": call.client_id, "ticket": ticket_client_id}, at)
    session.flush()
    return True


def close_interrupted(session: Session, *, at: datetime) -> int:
    """Close the calls a stopped seat left open (run at start): an answered call ended, one
    still ringing abandoned, both marked interrupted; what was recorded before is kept."""
    open_calls = session.scalars(select(Call).where(
        Call.state.not_in([s.value for s in FINAL_STATES])).order_by(Call.id)).all()
    for call in open_calls:
        answered = call.answered_at is not None
        record_step(session, call_id=call.call_id, state=CallState.ENDED if answered else CallState.ABANDONED,
                    at=at, end_reason=EndReason.INTERRUPTED)
    return len(open_calls)


def call_wire(call: Call) -> dict[str, Any]:
    """A call's record as it travels to the center (times RFC 3339 UTC)."""
    def when(moment: datetime | None) -> str | None:
        return utc_iso(moment) if moment is not None else None

    return {
        "client_id": call.client_id, "call_id": call.call_id, "caller_number": call.caller_number,
        "line": call.line, "seat": call.seat, "extension": call.extension, "agent": call.agent,
        "state": call.state, "end_reason": call.end_reason, "transfer_to": call.transfer_to,
        "offered_at": when(call.offered_at), "ringing_at": when(call.ringing_at),
        "answered_at": when(call.answered_at), "ended_at": when(call.ended_at),
        "steps": [{"state": s.state, "at": when(s.at), "detail": s.detail} for s in call.steps],
        "tickets": [link.ticket_client_id for link in call.tickets],
    }


def _queue(session: Session, kind: str, client_id: str, payload: dict[str, Any], at: datetime) -> None:
    session.add(OutboxEntry(mutation_id=str(uuid.uuid4()), ticket_client_id=client_id, kind=kind,
                            base_version=0, created_at=at,
                            payload=json.dumps(payload, ensure_ascii=False)))
