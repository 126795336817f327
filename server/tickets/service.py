"""Reading tickets with per-object access: who sees what, and the wire form of a ticket."""

import json
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.domain.phone import mask_phone
from app.domain.roles import CONFIDENTIAL_CALLER_ROLES, Role
from app.domain.rules import parse_units
from app.sync.protocol import CALLER_FIELDS
from app.ticket_shape import to_wire, utc_iso
from server.auth.models import User
from server.tickets.models import Ticket, TicketEvent


def platform_scope(user: User) -> tuple[str, str] | None:
    """(kind, link name) when ``user`` is another center's service account here (set by
    server.deps.current_user from the platform links), else None."""
    scope: tuple[str, str] | None = getattr(user, "platform_scope", None)
    return scope


def visible(user: User, ticket: Ticket) -> bool:
    """A unit handler sees only the tickets its unit leads (主办) or assists (协办); another
    center's service account only what went over its link (a parent's: the tickets it sent us;
    a child's: the tickets we sent it); every other role sees all."""
    scope = platform_scope(user)
    if scope is not None:
        kind, link = scope
        return ticket.created_user == user.username if kind == "parent" else ticket.handling_unit == link
    return (user.role != Role.UNIT.value or ticket.handling_unit == user.unit
            or user.unit in parse_units(ticket.co_units))


def restrict(statement: Select[Any], user: User) -> Select[Any]:
    scope = platform_scope(user)
    if scope is not None:
        kind, link = scope
        return statement.where(Ticket.created_user == user.username if kind == "parent"
                               else Ticket.handling_unit == link)
    if user.role == Role.UNIT.value:
        # co_units is a JSON list: the quoted name matches one whole element.
        quoted = json.dumps(user.unit, ensure_ascii=False)
        return statement.where((Ticket.handling_unit == user.unit)
                               | Ticket.co_units.contains(quoted, autoescape=True))
    return statement


def caller_hidden(user: User, ticket: Ticket) -> bool:
    return (ticket.confidential and Role(user.role) not in CONFIDENTIAL_CALLER_ROLES
            and ticket.created_user != user.username)


def ticket_dict(ticket: Ticket, user: User) -> dict[str, Any]:
    """The wire form of a ticket (app.ticket_shape) as ``user`` may see it."""
    data = to_wire(ticket)
    data.update(
        id=ticket.id, redacted=False,
        # Numbers leave the center masked, for every role: the full one only through
        # POST /tickets/{id}/reveal, which is audited.
        caller_phone=mask_phone(ticket.caller_phone), phone_masked=bool(ticket.caller_phone),
    )
    if caller_hidden(user, ticket):
        data.update(dict.fromkeys(CALLER_FIELDS, ""), redacted=True)
    return data


def event_dict(event: TicketEvent, hide_caller: bool) -> dict[str, Any]:
    detail = json.loads(event.detail)
    changes = detail.get("changes") if isinstance(detail, dict) else None
    if isinstance(detail, dict) and isinstance(detail.get("caller_phone"), str):
        detail["caller_phone"] = mask_phone(detail["caller_phone"])
    if isinstance(changes, dict) and isinstance(changes.get("caller_phone"), list):
        changes["caller_phone"] = [mask_phone(str(v or "")) for v in changes["caller_phone"]]
    if hide_caller and isinstance(detail, dict):
        for key in CALLER_FIELDS:
            detail.pop(key, None)
            if isinstance(changes, dict):
                changes.pop(key, None)
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
