"""Saving tickets: each change writes the ticket, a timeline event and an outbox entry together.

The caller owns the session and its transaction; nothing here commits.
"""

import json
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session

from app.domain.calendar import LOCAL_TZ as LOCAL_TZ  # re-exported: defined once in the domain
from app.domain.calendar import deadline_for
from app.domain.enums import RequestType, Status
from app.domain.lifecycle import Action, next_status
from app.domain.phone import is_masked
from app.domain.roles import Role
from app.domain.ticket import EDITABLE_FIELDS, TicketInput, validate_ticket
from app.messages import Message
from app.reference import ReferenceData
from app.settings import Settings
from app.store.models import Counter, OutboxEntry, Ticket, TicketEvent
from app.store.search_text import index_text


@dataclass(frozen=True)
class Actor:
    """Who saves: the seat, the user's name, and (once signed in to the center) the user's role
    and unit, which the lifecycle functions (app.tickets.lifecycle) check before the server does."""

    seat: str
    agent: str
    role: Role | None = None
    unit: str = ""


@dataclass(frozen=True)
class TicketContext:
    """Who is saving and against which rules; built once per seat."""

    actor: Actor
    reference: ReferenceData
    settings: Settings


class TicketValidationError(ValueError):
    """The input cannot be saved; ``errors`` maps each field to what to fix (app.messages)."""

    def __init__(self, errors: dict[str, Message]) -> None:
        super().__init__("；".join(errors.values()))
        self.errors = errors


def utc_now() -> datetime:
    """Naive UTC, the store's time format."""
    return datetime.now(UTC).replace(tzinfo=None)


def local_date(moment: datetime) -> "datetime":
    return moment.replace(tzinfo=UTC).astimezone(LOCAL_TZ)


def searchable_text(ticket: Ticket) -> str:
    return index_text(ticket.title, ticket.description, ticket.address, ticket.caller_name)


def ticket_to_input(ticket: Ticket) -> TicketInput:
    return TicketInput(**{name: getattr(ticket, name) for name in EDITABLE_FIELDS})


def ticket_snapshot(ticket: Ticket) -> dict[str, object]:
    """The ticket's fields as they travel in outbox payloads and exports."""
    snapshot: dict[str, object] = {name: getattr(ticket, name) for name in EDITABLE_FIELDS}
    snapshot.update(
        client_id=ticket.client_id,
        local_no=ticket.local_no,
        status=ticket.status,
        satisfaction=ticket.satisfaction,
        deadline=ticket.deadline.isoformat() if ticket.deadline else None,
        created_at=ticket.created_at.isoformat(),
        created_seat=ticket.created_seat,
        created_by=ticket.created_by,
    )
    return snapshot


def local_no_counter(seat: str, day: str) -> str:
    """The name of the counter of a seat's local numbers on ``day`` (YYYYMMDD)."""
    return f"local_no:{seat}:{day}"


def next_local_no(session: Session, seat: str, day: str) -> str:
    """Readable and unique per seat: S01-20261128-0007."""
    name = local_no_counter(seat, day)
    counter = session.get(Counter, name)
    if counter is None:
        counter = Counter(name=name, value=0)
        session.add(counter)
    while True:
        counter.value += 1
        local_no = f"{seat}-{day}-{counter.value:04d}"
        # An imported file may already hold this number (another seat also called S01).
        if session.scalar(select(Ticket.id).where(Ticket.local_no == local_no)) is None:
            return local_no


# The timeline kind of a demo ticket's first event. Demo tickets never leave the seat: they get
# no outbox rows, neither when made nor when changed later (a center would take them as calls).
DEMO_KIND = "demo"


def is_demo(session: Session, ticket_id: int) -> bool:
    return session.scalar(select(TicketEvent.id).where(
        TicketEvent.ticket_id == ticket_id, TicketEvent.kind == DEMO_KIND).limit(1)) is not None


def record_change(
    session: Session, ticket: Ticket, actor: Actor, kind: str, detail: dict[str, object],
    *, at: datetime, base_version: int,
) -> None:
    # The event and its outbox entry share the mutation id: the server's copy of the event
    # comes back under that id on pull and is recognised instead of doubled.
    mutation_id = str(uuid.uuid4())
    session.add(TicketEvent(
        ticket_id=ticket.id, at=at, seat=actor.seat, actor=actor.agent, kind=kind,
        detail=json.dumps(detail, ensure_ascii=False, default=str), mutation_id=mutation_id,
    ))
    if ticket.id is not None and is_demo(session, ticket.id):
        return
    session.add(OutboxEntry(
        mutation_id=mutation_id, ticket_client_id=ticket.client_id, kind=kind,
        base_version=base_version, created_at=at,
        payload=json.dumps(detail, ensure_ascii=False, default=str),
    ))


def _validated(data: TicketInput, context: TicketContext) -> TicketInput:
    validation = validate_ticket(
        data, context.reference, default_area_code=context.settings.default_area_code
    )
    if not validation.ok:
        raise TicketValidationError(validation.errors)
    return validation.values


def create_ticket(
    session: Session, *, data: TicketInput, context: TicketContext,
    client_id: str | None = None, created_at: datetime | None = None,
) -> Ticket:
    """Validate and store a new ticket (受理) with its event and outbox entry."""
    values = _validated(data, context)
    now = created_at or utc_now()
    accepted_on = local_date(now).date()
    ticket = Ticket(
        **{name: getattr(values, name) for name in EDITABLE_FIELDS},
        client_id=client_id or str(uuid.uuid4()),
        local_no=next_local_no(session, context.actor.seat, accepted_on.strftime("%Y%m%d")),
        deadline=deadline_for(
            RequestType(values.request_type), accepted_on, context.reference.calendar,
            context.settings.deadline_days_by_type(),
        ),
        status=Status.ACCEPTED.value, satisfaction="",
        created_at=now, updated_at=now, created_seat=context.actor.seat,
        created_by=context.actor.agent, version=1,
    )
    session.add(ticket)
    session.flush()
    session.execute(
        text("INSERT INTO ticket_search(rowid, body) VALUES (:id, :body)"),
        {"id": ticket.id, "body": searchable_text(ticket)},
    )
    record_change(session, ticket, context.actor, "create", ticket_snapshot(ticket), at=now, base_version=0)
    return ticket


_ANY_PHONE = "13800000000"  # stands in for a kept masked number while the rest is checked


def keeps_masked_phone(stored: str, typed: str) -> bool:
    """A number the center sent masked is kept when the form leaves 联系电话 empty (the form
    never loads a masked number as the number) or as shown; anything else replaces it."""
    return is_masked(stored) and typed.strip() in ("", stored)


def checkable(data: TicketInput, stored_phone: str) -> TicketInput:
    """``data`` as the rules check it when ``stored_phone`` (masked) is kept."""
    return replace(data, caller_phone=_ANY_PHONE) if keeps_masked_phone(stored_phone, data.caller_phone) else data


def update_ticket(
    session: Session, *, ticket: Ticket, data: TicketInput, context: TicketContext
) -> dict[str, list[object]]:
    """Apply the agent's edits; returns the changed fields {name: [old, new]} (empty: no change)."""
    if keeps_masked_phone(ticket.caller_phone, data.caller_phone):
        # The center sent this number masked; it stays as it is and is not checked again.
        values = replace(_validated(checkable(data, ticket.caller_phone), context),
                         caller_phone=ticket.caller_phone)
    else:
        values = _validated(data, context)
    changes: dict[str, list[object]] = {
        name: [getattr(ticket, name), getattr(values, name)]
        for name in EDITABLE_FIELDS
        if getattr(ticket, name) != getattr(values, name)
    }
    if changes:
        apply_field_changes(session, ticket=ticket, changes=changes, actor=context.actor)
    return changes


def apply_field_changes(
    session: Session, *, ticket: Ticket, changes: dict[str, list[object]], actor: Actor
) -> None:
    """Set changed fields {name: [old, new]}, bump the version, reindex, record the update."""
    old_body = searchable_text(ticket)
    for name, (_, new) in changes.items():
        setattr(ticket, name, new)
    base_version = ticket.version
    ticket.version += 1
    ticket.updated_at = utc_now()
    new_body = searchable_text(ticket)
    if new_body != old_body:
        # Contentless FTS5 forgets a row only when told its old tokens.
        session.execute(
            text("INSERT INTO ticket_search(ticket_search, rowid, body) VALUES ('delete', :id, :body)"),
            {"id": ticket.id, "body": old_body},
        )
        session.execute(
            text("INSERT INTO ticket_search(rowid, body) VALUES (:id, :body)"),
            {"id": ticket.id, "body": new_body},
        )
    record_change(session, ticket, actor, "update", {"changes": changes},
                  at=ticket.updated_at, base_version=base_version)


def apply_action(
    session: Session, *, ticket: Ticket, action: Action, context: TicketContext, note: str = ""
) -> None:
    """Move the ticket along its lifecycle (rules from app.domain.lifecycle)."""
    old = ticket.status
    ticket.status = next_status(Status(old), action).value
    base_version = ticket.version
    ticket.version += 1
    ticket.updated_at = utc_now()
    record_change(session, ticket, context.actor, action.value,
            {"from": old, "to": ticket.status, "note": note},
            at=ticket.updated_at, base_version=base_version)


def get_ticket(session: Session, ticket_id: int) -> Ticket | None:
    return session.get(Ticket, ticket_id)


def get_by_client_id(session: Session, client_id: str) -> Ticket | None:
    return session.scalar(select(Ticket).where(Ticket.client_id == client_id))


def get_by_number(session: Session, number: str) -> Ticket | None:
    """A ticket by its local or official number (what agents read out and type)."""
    if not number:
        return None
    return session.scalar(select(Ticket).where(or_(Ticket.local_no == number, Ticket.official_no == number)))


def timeline(session: Session, ticket_id: int) -> list[TicketEvent]:
    return list(session.scalars(
        select(TicketEvent).where(TicketEvent.ticket_id == ticket_id).order_by(TicketEvent.id)
    ))
