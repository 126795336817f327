"""Bulk insertion of many tickets at once (spreadsheet import, demo data, benchmarks).

Rows go in with executemany, ids assigned up front, each with its search entry, its
"import" event and its outbox entry, in the caller's transaction. A row already in the store
(same client id, local number or official number) is skipped, so a rerun inserts nothing twice.
"""

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.domain.calendar import deadline_for
from app.domain.enums import RequestType
from app.domain.ticket import TicketInput
from app.store.db import Store, driver_connection
from app.store.models import Counter, OutboxEntry, Ticket, TicketEvent
from app.store.search_merge import merge_after_bulk_write
from app.store.search_text import index_text
from app.tickets.service import DEMO_KIND, TicketContext, local_date, local_no_counter

_INPUT_FIELDS = tuple(f.name for f in fields(TicketInput))
# Import namespace for content-derived client ids: the same row always gets the same id.
IMPORT_NAMESPACE = uuid.UUID("3f1c8a52-6f0e-4d7b-9a57-12345c0ffee0")


@dataclass(frozen=True)
class NewTicket:
    """A validated ticket ready for bulk insertion."""

    values: TicketInput
    created_at: datetime  # naive UTC
    status: str
    satisfaction: str = ""
    client_id: str = ""
    local_no: str = ""
    official_no: str | None = None

    def key(self) -> str:
        """Stable client id: given, else derived from what identifies the row's content."""
        if self.client_id:
            return self.client_id
        basis = "|".join([self.local_no, self.official_no or "", self.created_at.isoformat(),
                          self.values.caller_phone, self.values.title, self.values.description])
        return str(uuid.uuid5(IMPORT_NAMESPACE, basis))


def _existing(session: Session, column: InstrumentedAttribute[Any], values: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(values), 900):
        chunk = list(values[start : start + 900])
        found.update(session.scalars(select(column).where(column.in_(chunk))))
    return found


def insert_batch(store: Store, tickets: Sequence[NewTicket], context: TicketContext,
                 *, kind: str = "import") -> int:
    """Insert ``tickets`` in a transaction of their own, then merge the search index's new
    segments (app.store.search_merge: a save never merges, a bulk write merges right after)."""
    with store.session() as session, session.begin():
        inserted = insert_tickets(session, tickets, context, kind=kind)
    merge_after_bulk_write(store)
    return inserted


def insert_tickets(session: Session, tickets: Sequence[NewTicket], context: TicketContext,
                   *, kind: str = "import") -> int:
    """Insert ``tickets`` not already present; returns how many were inserted."""
    keyed = {t.key(): t for t in tickets}
    seen = _existing(session, Ticket.client_id, list(keyed))
    seen_local = _existing(session, Ticket.local_no, [t.local_no for t in tickets if t.local_no])
    seen_official = _existing(
        session, Ticket.official_no, [t.official_no for t in tickets if t.official_no]
    )
    fresh: list[tuple[str, NewTicket]] = []
    taken: set[str] = set()  # local numbers this batch brings with it
    for key, t in keyed.items():
        if key in seen or t.local_no in seen_local or t.local_no in taken:
            continue
        if t.official_no is not None and t.official_no in seen_official:
            continue
        if t.local_no:
            taken.add(t.local_no)
        if t.official_no is not None:
            # Two rows of one file with the same 工单编号 are one ticket, not a failed batch.
            seen_official.add(t.official_no)
        fresh.append((key, t))
    if not fresh:
        return 0

    next_id = (session.scalar(select(func.max(Ticket.id))) or 0) + 1
    # A spreadsheet spans many days, each with its own counter: read them all at once.
    counters = _stored_counters(session, context.actor.seat, [t for _, t in fresh if not t.local_no])
    ticket_rows: list[dict[str, object]] = []
    search_rows: list[dict[str, object]] = []
    event_rows: list[dict[str, object]] = []
    outbox_rows: list[dict[str, object]] = []
    counted: set[str] = set()
    # One look per day of the batch: through the driver, SQLAlchemy's statement cost is 15× SQLite's.
    raw = driver_connection(session)
    actor = context.actor
    days_by_type = context.settings.deadline_days_by_type()
    for offset, (key, t) in enumerate(fresh):
        ticket_id = next_id + offset
        accepted_on = local_date(t.created_at).date()
        local_no = t.local_no
        if not local_no:
            day = accepted_on.strftime("%Y%m%d")
            name = local_no_counter(actor.seat, day)
            prefix = f"{actor.seat}-{day}-"
            if name not in counted:
                counted.add(name)
                # Numbers of that day already in the store (e.g. imported from another seat
                # also named S01) are skipped, not reused.
                taken.update(local_no for (local_no,) in raw.execute(
                    "SELECT local_no FROM tickets WHERE local_no >= ? AND local_no < ?",
                    (prefix, f"{actor.seat}-{day}.")))
            while True:
                counters[name] += 1
                local_no = f"{prefix}{counters[name]:04d}"
                if local_no not in taken:
                    break
        values = {name: getattr(t.values, name) for name in _INPUT_FIELDS}
        deadline = deadline_for(
            RequestType(t.values.request_type), accepted_on, context.reference.calendar, days_by_type
        )
        ticket_rows.append(values | {
            "id": ticket_id, "client_id": key, "local_no": local_no, "official_no": t.official_no,
            "deadline": deadline, "status": t.status, "satisfaction": t.satisfaction,
            "created_at": t.created_at, "updated_at": t.created_at, "created_seat": actor.seat,
            "created_by": actor.agent, "version": 1,
        })
        search_rows.append({"rowid": ticket_id, "body": index_text(
            t.values.title, t.values.description, t.values.address, t.values.caller_name)})
        payload = json.dumps(values | {"client_id": key, "local_no": local_no,
                                       "status": t.status, "created_at": t.created_at.isoformat()},
                             ensure_ascii=False)
        event_rows.append({"ticket_id": ticket_id, "at": t.created_at, "seat": actor.seat,
                           "actor": actor.agent, "kind": kind, "detail": "{}"})
        if kind == DEMO_KIND:
            continue  # demo tickets stay on this seat: nothing to send
        outbox_rows.append({"mutation_id": str(uuid.uuid4()), "ticket_client_id": key,
                            "kind": "create", "base_version": 0, "payload": payload,
                            "created_at": t.created_at})

    # Core inserts: the ORM's bulk path costs more per row than SQLite's own work here.
    connection = session.connection()
    connection.execute(insert(Ticket), ticket_rows)
    connection.exec_driver_sql(
        "INSERT INTO ticket_search(rowid, body) VALUES (?, ?)",
        [(r["rowid"], r["body"]) for r in search_rows],
    )
    connection.execute(insert(TicketEvent), event_rows)
    if outbox_rows:
        connection.execute(insert(OutboxEntry), outbox_rows)
    if counters:
        connection.execute(
            sqlite_insert(Counter).on_conflict_do_update(
                index_elements=["name"], set_={"value": sqlite_insert(Counter).excluded.value}),
            [{"name": name, "value": value} for name, value in counters.items()],
        )
        # Counter objects this session already holds must not write their old values back.
        for counter in [o for o in session.identity_map.values() if isinstance(o, Counter)]:
            session.expire(counter)
    return len(fresh)


def _stored_counters(session: Session, seat: str, tickets: Sequence[NewTicket]) -> dict[str, int]:
    """The local-number counters of the days ``tickets`` were accepted on (0 for a new day)."""
    names = sorted({local_no_counter(seat, local_date(t.created_at).strftime("%Y%m%d")) for t in tickets})
    counters = dict.fromkeys(names, 0)
    for start in range(0, len(names), 500):
        rows = session.execute(
            select(Counter.name, Counter.value).where(Counter.name.in_(names[start : start + 500])))
        counters.update((name, value) for name, value in rows)
    return counters
