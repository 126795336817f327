"""Feedback up a link: what happens to a received ticket goes back to the center it came from.

Every lifecycle event on a ticket received from a parent (its status, 办结's result, 回访's
satisfaction) queues an outbox row to that parent in the same transaction as the change; the
parent applies it to its own ticket (the one it transferred) and, when that ticket came from a
parent of its own, queues it further up: the province sees the whole path. Kept free of
server.sync so that sync's push can call it.
"""

import json
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ticket_shape import utc_iso
from server.platform.models import PlatformOutbox, TransferOrigin
from server.tickets.models import Ticket

FEEDBACK_KIND = "反馈"
# Timeline events that are not lifecycle news for the origin.
_QUIET_KINDS = frozenset({"create", "update"})


def queue_feedback(session: Session, tickets: Mapping[str, Ticket],
                   events: Iterable[Mapping[str, Any]], now: datetime) -> int:
    """An outbox row to the origin for each lifecycle event on a received ticket."""
    news = [e for e in events if e["kind"] not in _QUIET_KINDS and e["ticket_client_id"] in tickets]
    if not news:
        return 0
    origins = {o.ticket_client_id: o for o in session.scalars(select(TransferOrigin).where(
        TransferOrigin.ticket_client_id.in_({e["ticket_client_id"] for e in news})))}
    queued = 0
    for event in news:
        origin = origins.get(event["ticket_client_id"])
        if origin is None:
            continue
        ticket = tickets[event["ticket_client_id"]]
        detail = event.get("detail")
        note = ""
        if isinstance(detail, str):
            try:
                note = str(json.loads(detail).get("note") or "")
            except (ValueError, AttributeError):
                note = ""
        payload = {
            "origin_client_id": origin.origin_client_id, "remote_no": ticket.official_no,
            "event": event["kind"], "at": utc_iso(event.get("at") or now), "note": note[:500],
            "status": ticket.status, "handling_unit": ticket.handling_unit,
            "result": ticket.result, "solved": ticket.solved, "satisfaction": ticket.satisfaction,
        }
        session.add(PlatformOutbox(
            mutation_id=str(uuid.uuid4()), link=origin.link, ticket_client_id=ticket.client_id,
            kind=FEEDBACK_KIND, payload=json.dumps(payload, ensure_ascii=False), created_at=now,
            attempts=0, next_attempt_at=now, done_at=None, status="", remote_no="", last_error=""))
        queued += 1
    return queued
