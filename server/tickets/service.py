"""Reading tickets with per-object access: who sees what, and the wire form of a ticket."""

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.domain.roles import CONFIDENTIAL_CALLER_ROLES, Role
from app.sync.protocol import CALLER_FIELDS, EDITABLE_FIELDS
from server.auth.models import User
from server.tickets.models import Ticket, TicketEvent


def utc_iso(moment: datetime) -> str:
    """Stored times are naive UTC; on the wire they say so (RFC 3339)."""
    if moment.tzinfo is None:
        return moment.isoformat() + "+00:00"  # what .replace(tzinfo=UTC) gives, at half the cost
    return moment.astimezone(UTC).isoformat()


def visible(user: User, ticket: Ticket) -> bool:
    """A unit handler sees only its own unit's tickets; every other role sees all."""
    return user.role != Role.UNIT.value or ticket.handling_unit == user.unit


def restrict(statement: Select[Any], user: User) -> Select[Any]:
    if user.role == Role.UNIT.value:
        return statement.where(Ticket.handling_unit == user.unit)
    return statement


def caller_hidden(user: User, ticket: Ticket) -> bool:
    return (ticket.confidential and Role(user.role) not in CONFIDENTIAL_CALLER_ROLES
            and ticket.created_user != user.username)


def ticket_dict(ticket: Ticket, user: User) -> dict[str, Any]:
    data: dict[str, Any] = {name: getattr(ticket, name) for name in EDITABLE_FIELDS}
    data.update(
        id=ticket.id, client_id=ticket.client_id, official_no=ticket.official_no,
        local_no=ticket.local_no, status=ticket.status, satisfaction=ticket.satisfaction,
        deadline=ticket.deadline.isoformat() if ticket.deadline else None,
        created_at=utc_iso(ticket.created_at), updated_at=utc_iso(ticket.updated_at),
        created_seat=ticket.created_seat, created_by=ticket.created_by, version=ticket.version,
        redacted=False,
    )
    if caller_hidden(user, ticket):
        data.update(dict.fromkeys(CALLER_FIELDS, ""), redacted=True)
    return data


def event_dict(event: TicketEvent, hide_caller: bool) -> dict[str, Any]:
    import json

    detail = json.loads(event.detail)
    if hide_caller and isinstance(detail, dict):
        for key in CALLER_FIELDS:
            detail.pop(key, None)
            if isinstance(detail.get("changes"), dict):
                detail["changes"].pop(key, None)
    return {
        "event_id": event.event_id, "at": utc_iso(event.at), "seat": event.seat,
        "actor": event.actor, "kind": event.kind, "detail": detail,
    }


def list_tickets(
    session: Session, *, user: User, page: int, page_size: int, status: str | None = None,
    handling_unit: str | None = None, request_type: str | None = None,
    district: str | None = None, official_no: str | None = None,
    created_from: date | None = None, created_to: date | None = None,
) -> tuple[list[Ticket], int]:
    statement = restrict(select(Ticket), user)
    for column, value in ((Ticket.status, status), (Ticket.handling_unit, handling_unit),
                          (Ticket.request_type, request_type), (Ticket.district, district),
                          (Ticket.official_no, official_no)):
        if value is not None:
            statement = statement.where(column == value)
    if created_from is not None:
        statement = statement.where(func.date(Ticket.created_at) >= created_from)
    if created_to is not None:
        statement = statement.where(func.date(Ticket.created_at) <= created_to)
    total = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    rows = session.scalars(
        statement.order_by(Ticket.created_at.desc(), Ticket.id.desc())
        .offset((page - 1) * page_size).limit(page_size)
    ).all()
    return list(rows), int(total)


def get_ticket(session: Session, *, user: User, ticket_id: int) -> Ticket | None:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None or not visible(user, ticket):
        return None
    return ticket
