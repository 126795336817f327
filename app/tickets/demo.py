"""Filling a store with demo tickets (``main.py --demo`` and the menu action)."""

from datetime import UTC, datetime, timedelta

from app.demo_data import generate_demo_tickets
from app.domain.ticket import TicketInput, validate_ticket
from app.store.db import Store
from app.tickets.bulk import NewTicket, insert_batch
from app.tickets.service import DEMO_KIND, TicketContext

DEMO_COUNT = 3000


def insert_demo_tickets(store: Store, context: TicketContext, count: int = DEMO_COUNT,
                        *, seed: int = 0, now: datetime | None = None) -> int:
    """Insert ``count`` demo tickets accepted over the last 60 days; returns how many went in.

    They stay on this seat: never queued for the center (app.tickets.service.DEMO_KIND)."""
    end = now or datetime.now(UTC)
    tickets: list[NewTicket] = []
    for record in generate_demo_tickets(count, seed=seed, start=end - timedelta(days=60), end=end):
        validation = validate_ticket(TicketInput.from_dict(record), context.reference,
                                     default_area_code=context.settings.default_area_code)
        if not validation.ok:
            continue  # the generator and the reference data disagree: leave that one out
        created = record["created_at"]
        assert isinstance(created, datetime)
        tickets.append(NewTicket(
            values=validation.values,
            created_at=created.astimezone(UTC).replace(tzinfo=None),
            status=str(record["status"]), satisfaction=str(record["satisfaction"] or ""),
        ))
    return insert_batch(store, tickets, context, kind=DEMO_KIND)
