"""漏接回拨: the lost calls (abandoned while ringing, refused while busy, unanswered) to call back,
oldest first, worked like a queue. A call leaves the list once a callback reached the caller,
after ``MAX_ATTEMPTS`` unreached attempts, or when the same number rang again and was answered.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session, aliased

from app.domain.phone import mask_phone
from app.store.models import Call, CallbackAttempt, CallTicket
from app.telephony.model import CallState

MAX_ATTEMPTS = 3


@dataclass(frozen=True)
class CallbackItem:
    call_id: str
    caller_masked: str
    line: str
    offered_at: datetime  # naive UTC
    waited_s: float  # how long the caller waited before the call was lost
    end_reason: str
    attempts: int
    tickets: int  # tickets linked to the call


def callback_list(session: Session, *, limit: int = 200) -> list[CallbackItem]:
    """The lost calls still to call back, oldest first."""
    later = aliased(Call)
    attempts = (select(func.count()).where(CallbackAttempt.call_pk == Call.id)
                .correlate(Call).scalar_subquery())
    reached = exists().where(CallbackAttempt.call_pk == Call.id, CallbackAttempt.reached.is_(True))
    answered_later = exists().where(and_(later.caller_number == Call.caller_number, later.offered_at > Call.offered_at,
                                         later.answered_at.is_not(None)))
    tickets = select(func.count()).where(CallTicket.call_pk == Call.id).correlate(Call).scalar_subquery()
    rows = session.execute(
        select(Call, attempts, tickets).where(
            Call.state == CallState.ABANDONED.value, Call.caller_number != "", ~reached, ~answered_later,
            attempts < MAX_ATTEMPTS)
        .order_by(Call.offered_at, Call.id).limit(limit)).all()
    return [CallbackItem(call.call_id, mask_phone(call.caller_number), call.line, call.offered_at,
                         ((call.ended_at or call.offered_at) - call.offered_at).total_seconds(),
                         call.end_reason, int(count), int(linked)) for call, count, linked in rows]


def record_attempt(session: Session, *, call_id: str, reached: bool, at: datetime, seat: str, agent: str) -> bool:
    """Record one callback of a lost call; False when the call is unknown."""
    call = session.scalar(select(Call).where(Call.call_id == call_id))
    if call is None:
        return False
    session.add(CallbackAttempt(call_pk=call.id, reached=reached, at=at, seat=seat[:32], agent=agent[:50]))
    session.flush()
    return True


def number_to_dial(session: Session, *, call_id: str) -> str:
    """The full number of a lost call this seat took, for the agent to dial back."""
    return session.scalar(select(Call.caller_number).where(Call.call_id == call_id)) or ""
