"""The agent's confirmation that a call was handed off to 110/119/120/122.

Like a link, it is a line in the ticket's timeline written in the caller's transaction when the
ticket is saved: "已转119" at the moment the agent confirmed the transfer (not the moment of the
save), so the record says when the emergency service took over.
"""

import json
from collections.abc import Sequence

from sqlalchemy.orm import Session

from app.domain.handoff import EMERGENCY_SERVICES, Handoff, handoff_text
from app.store.models import Ticket, TicketEvent
from app.tickets.service import Actor

HANDOFF_KIND = "handoff"


def record_handoffs(session: Session, *, ticket: Ticket, handoffs: Sequence[Handoff],
                    actor: Actor) -> int:
    """One timeline line per confirmed hand-off (unknown services ignored); returns count."""
    session.flush()  # a new ticket needs its id
    n = 0
    for h in handoffs:
        if h.service not in EMERGENCY_SERVICES:
            continue
        session.add(TicketEvent(
            ticket_id=ticket.id, at=h.at, seat=actor.seat, actor=actor.agent, kind=HANDOFF_KIND,
            detail=json.dumps({"service": h.service, "text": handoff_text(h.service)},
                              ensure_ascii=False)))
        n += 1
    return n
