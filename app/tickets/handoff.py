"""A caller handed off to 110/119/120/122 or a department line (12333/12315/12328/12348).

Like a link, it is a line in the ticket's timeline written in the caller's transaction when the
ticket is saved: "已转119" at the moment the caller was transferred or the agent confirmed it
(not the moment of the save), so the record says when the other line took over. Unlike a link,
it travels to the center (mutation kind HANDOFF_KIND, the event's own id), so the dispatcher and
the supervisor see it too.
"""

from collections.abc import Sequence

from sqlalchemy.orm import Session

from app.domain.handoff import HANDOFF_SERVICES, Handoff, handoff_text
from app.store.models import Ticket
from app.sync.protocol import HANDOFF_KIND
from app.tickets.service import Actor, record_change


def record_handoffs(session: Session, *, ticket: Ticket, handoffs: Sequence[Handoff],
                    actor: Actor) -> int:
    """One timeline line per hand-off (unknown services ignored), queued for the center; returns count."""
    session.flush()  # a new ticket needs its id
    n = 0
    for h in handoffs:
        if h.service not in HANDOFF_SERVICES:
            continue
        record_change(session, ticket, actor, HANDOFF_KIND,
                      {"service": h.service, "text": handoff_text(h.service), "way": h.way.value},
                      at=h.at, base_version=ticket.version)
        n += 1
    return n
