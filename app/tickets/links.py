"""Linking a ticket to earlier ones (a duplicate or the same problem reported again).

The link is a row in ``ticket_links`` plus a "link" line in the ticket's timeline, written in the
caller's transaction. It does not close or merge anything: merging is a dispatcher's decision.
"""

import json
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.models import Ticket, TicketEvent, TicketLink
from app.tickets.service import Actor, utc_now


def link_tickets(session: Session, *, ticket: Ticket, related: Mapping[int, str],
                 actor: Actor) -> int:
    """Link ``ticket`` to the tickets with the given store ids (id -> reason); returns count."""
    session.flush()  # a new ticket needs its id
    known = {
        row.id: row.client_id
        for row in session.execute(select(Ticket.id, Ticket.client_id)
                                   .where(Ticket.id.in_(list(related))))
    }
    existing = set(session.scalars(select(TicketLink.related_client_id)
                                   .where(TicketLink.ticket_id == ticket.id)))
    now = utc_now()
    added = []
    for ticket_id, reason in related.items():
        client_id = known.get(ticket_id)
        if client_id is None or client_id in existing or ticket_id == ticket.id:
            continue
        session.add(TicketLink(ticket_id=ticket.id, related_client_id=client_id, reason=reason,
                               at=now, seat=actor.seat, actor=actor.agent))
        added.append({"related": client_id, "reason": reason})
    if added:
        session.add(TicketEvent(ticket_id=ticket.id, at=now, seat=actor.seat, actor=actor.agent,
                                kind="link", detail=json.dumps({"links": added},
                                                               ensure_ascii=False)))
    return len(added)


def linked_client_ids(session: Session, ticket_id: int) -> list[str]:
    return list(session.scalars(select(TicketLink.related_client_id)
                                .where(TicketLink.ticket_id == ticket_id)
                                .order_by(TicketLink.id)))
