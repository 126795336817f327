"""What the desk hands the windows: plain, frozen values, never a row bound to a session."""

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app.domain.lifecycle import Action
from app.domain.phone import mask_phone
from app.domain.ticket import TicketInput
from app.store.models import Ticket, TicketEvent
from app.sync.review import RejectionView
from app.tickets.lifecycle import DeadlineInfo, TicketFlags, ticket_flags


@dataclass(frozen=True)
class SavedTicket:
    """A ticket just captured or edited: its store id, local number and the caller, masked."""

    id: int
    local_no: str
    caller_masked: str  # "" when the caller left no number


@dataclass(frozen=True)
class EditableTicket:
    """A ticket opened in the capture form: its fields as typed, under its own client id."""

    client_id: str
    local_no: str
    values: TicketInput  # caller_phone "" when the seat has the number only masked
    kept_phone: str = ""  # that masked number: kept unless a new one is typed


@dataclass(frozen=True)
class TicketView:
    """One ticket as the detail window shows it. The caller's number is masked here; only
    ``Desk.reveal`` gives the full number, and audits it. A confidential ticket's caller is
    left out altogether."""

    id: int
    client_id: str
    local_no: str
    official_no: str | None
    created_at: datetime  # naive UTC, as stored
    status: str
    channel: str
    request_type: str
    urgency: str
    caller_name: str  # "" on a confidential ticket
    caller_phone_masked: str  # "" on a confidential ticket
    has_phone: bool
    anonymous: bool
    confidential: bool
    category1: str
    category2: str
    category3: str
    district: str
    street: str
    address: str
    title: str
    description: str
    handling_unit: str
    result: str
    deadline: date | None
    flags: TicketFlags

    @property
    def number(self) -> str:
        """The number people read out: the center's once it has one, else the seat's."""
        return self.official_no or self.local_no

    @classmethod
    def of(cls, ticket: Ticket) -> "TicketView":
        hidden = ticket.confidential
        return cls(
            id=ticket.id, client_id=ticket.client_id, local_no=ticket.local_no,
            official_no=ticket.official_no, created_at=ticket.created_at, status=ticket.status,
            channel=ticket.channel, request_type=ticket.request_type, urgency=ticket.urgency,
            caller_name="" if hidden else ticket.caller_name,
            caller_phone_masked="" if hidden else mask_phone(ticket.caller_phone),
            has_phone=bool(ticket.caller_phone),
            anonymous=ticket.anonymous, confidential=ticket.confidential,
            category1=ticket.category1, category2=ticket.category2, category3=ticket.category3,
            district=ticket.district, street=ticket.street, address=ticket.address,
            title=ticket.title, description=ticket.description, handling_unit=ticket.handling_unit,
            result=ticket.result, deadline=ticket.deadline, flags=ticket_flags(ticket),
        )


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a ticket's timeline; ``detail`` is the event's JSON, decoded ({} if unreadable)."""

    at: datetime  # naive UTC
    seat: str
    actor: str
    kind: str
    detail: dict[str, Any]

    @classmethod
    def of(cls, event: TicketEvent) -> "TimelineEntry":
        try:
            detail = json.loads(event.detail)
        except ValueError:
            detail = {}
        return cls(event.at, event.seat, event.actor, event.kind, detail if isinstance(detail, dict) else {})


@dataclass(frozen=True)
class ActionDefaults:
    """What the action dialogs propose before the user changes it."""

    dispatch_deadline: date | None
    extension_deadline: date


@dataclass(frozen=True)
class TicketDetail:
    """A ticket with its timeline and everything its window offers the signed-in user."""

    ticket: TicketView
    timeline: tuple[TimelineEntry, ...]
    deadline: DeadlineInfo
    rejections: tuple[RejectionView, ...]
    in_conflict: bool
    actions: tuple[Action, ...]  # the buttons to enable (status, role, unit)
    may_reveal: bool
    signed_in: bool
    defaults: ActionDefaults
    demo: bool = False  # made by 生成演示数据: stays on this seat, never sent to the center
    editable: bool = True  # 修改 opens the capture form (roles that have one)
