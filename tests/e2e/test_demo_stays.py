"""Demo tickets never leave the seat (issue 13.3): 生成演示数据 queued 3,000 tickets and the next
login pushed them all to the center, where dispatchers and supervisors saw them as real calls."""

import json
import uuid
from dataclasses import replace
from typing import Any

from e2e_support import PASSWORD, server_tickets
from sqlalchemy import select

from app.domain.ticket import TicketInput
from app.reference import default_reference
from app.store.models import OutboxEntry, Ticket
from app.tickets.demo import insert_demo_tickets
from app.tickets.service import ticket_snapshot, ticket_to_input, update_ticket, utc_now
from server.testing import ServerProcess


def test_demo_tickets_and_their_changes_stay_on_the_seat(make_seat: Any, server: ServerProcess) -> None:
    seat = make_seat("agent1")
    # Made against the app's own directory (the center's sample one knows few categories).
    context = replace(seat.context, reference=default_reference())
    assert insert_demo_tickets(seat.store, context, 40) > 30
    with seat.store.session() as session:
        demo = list(session.scalars(select(Ticket.client_id)))
        assert session.scalar(select(OutboxEntry.id)) is None  # nothing queued, so 待同步 says 0
    real = seat.create(title="真实来电：路灯不亮")
    with seat.store.session() as session, session.begin():  # a later change stays too
        ticket = session.scalars(select(Ticket).where(Ticket.client_id == demo[0])).one()
        changed = TicketInput.from_dict({**ticket_to_input(ticket).to_dict(), "description": "演示工单改过"})
        update_ticket(session, ticket=ticket, data=changed, context=context)
    # What an earlier version queued for a demo ticket is dropped, not sent.
    with seat.store.session() as session, session.begin():
        ticket = session.scalars(select(Ticket).where(Ticket.client_id == demo[1])).one()
        session.add(OutboxEntry(mutation_id=str(uuid.uuid4()), ticket_client_id=demo[1], kind="create",
                                base_version=0, created_at=utc_now(),
                                payload=json.dumps(ticket_snapshot(ticket), ensure_ascii=False, default=str)))

    report = seat.sync()
    assert (report.pushed, report.pending, report.rejected) == (1, 0, 0)
    on_center = server_tickets(server, server.login("admin", PASSWORD))
    assert real in on_center
    assert not set(demo) & set(on_center)
    assert seat.tickets()[real].official_no
    assert not any(seat.tickets()[c].official_no for c in demo)
