"""Call records pushed by the seats (kinds app.sync.protocol.CALL_KIND and CALL_LINK_KIND) and
the list read back, numbers masked like a ticket's caller.

A call is stored once: its client id is unique, a replay of the same mutation gets the first
answer (server.sync.service), and another mutation for a call already here is refused.
"""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.call_shape import CALL_TEXT_LENGTHS
from app.domain.phone import mask_phone
from app.domain.roles import CONFIDENTIAL_CALLER_ROLES, CREATE_ROLES, Role
from app.telephony.agent import AgentState
from app.telephony.model import CallState
from app.ticket_shape import naive_utc, utc_iso
from server.auth.models import User
from server.calls.models import CallRecord, CallTicketLink, SeatState
from server.tickets.models import Ticket

_TIMES = ("offered_at", "ringing_at", "answered_at", "ended_at")
# Who reads calls: the supervisor and the admin every seat's, an agent or a dispatcher the calls
# their own account took; a unit handler none (a unit takes no calls).
_ALL_CALLS_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})


class CallRefused(Exception):
    """A call record the center cannot take; the text says why, for the seat's agent."""


@dataclass(frozen=True)
class CallPage:
    items: list[dict[str, Any]]
    total: int


def _time(payload: dict[str, Any], name: str) -> datetime | None:
    value = payload.get(name)
    if value is None:
        return None
    try:
        return naive_utc(str(value))
    except ValueError:
        raise CallRefused(f"来电记录的时间“{name}”格式不对，请升级客户端。") from None


def _check_role(user: User) -> None:
    if Role(user.role) not in CREATE_ROLES:
        raise CallRefused("承办单位账号不接听热线来电，不能提交来电记录。")


def record_call(session: Session, *, user: User, client_id: str, payload: dict[str, Any],
                pending: set[str], now: datetime) -> None:
    """Store a call's record (its wire form, app.telephony.calls.call_wire) with its tickets.

    Raises:
        CallRefused: the payload is not a call record, or the call is already here.
    """
    _check_role(user)
    state = payload.get("state")
    if state not in {s.value for s in CallState}:
        raise CallRefused("来电记录的状态无法识别，请升级客户端。")
    offered_at = _time(payload, "offered_at")
    if offered_at is None:
        raise CallRefused("来电记录缺少呼入时间，请升级客户端。")
    if client_id in pending or session.scalar(
            select(CallRecord.id).where(CallRecord.client_id == client_id)) is not None:
        raise CallRefused("中心已有这通来电的记录，未重复记录。")
    pending.add(client_id)
    steps = payload.get("steps")
    session.add(CallRecord(
        client_id=client_id, username=user.username, state=state, received_at=now,
        **{name: str(payload.get(name) or "")[:size] for name, size in CALL_TEXT_LENGTHS.items()},
        offered_at=offered_at, ringing_at=_time(payload, "ringing_at"),
        answered_at=_time(payload, "answered_at"), ended_at=_time(payload, "ended_at"),
        steps=json.dumps(steps if isinstance(steps, list) else [], ensure_ascii=False)))
    tickets = payload.get("tickets")
    for ticket in dict.fromkeys(tickets if isinstance(tickets, list) else []):
        session.add(CallTicketLink(call_client_id=client_id, ticket_client_id=str(ticket)[:36]))


def link_ticket(session: Session, *, user: User, payload: dict[str, Any], pending: set[str]) -> None:
    """Link a ticket to a call already recorded (or recorded earlier in the same batch).

    Raises:
        CallRefused: no such call, or not a link.
    """
    _check_role(user)
    call, ticket = str(payload.get("call", ""))[:36], str(payload.get("ticket", ""))[:36]
    if not call or not ticket:
        raise CallRefused("来电与工单的关联缺少编号，请升级客户端。")
    if call not in pending and session.scalar(
            select(CallRecord.id).where(CallRecord.client_id == call)) is None:
        raise CallRefused("中心没有这通来电的记录，无法关联工单。")
    session.flush()  # links of the same batch first
    if session.scalar(select(CallTicketLink.id).where(CallTicketLink.call_client_id == call,
                                                      CallTicketLink.ticket_client_id == ticket)) is None:
        session.add(CallTicketLink(call_client_id=call, ticket_client_id=ticket))


def record_seat_state(session: Session, *, user: User, payload: dict[str, Any], now: datetime) -> None:
    """Keep a seat's state if it is newer than the one the center has (pushes may arrive late).

    Raises:
        CallRefused: not a seat state.
    """
    _check_role(user)
    seat, state, since = str(payload.get("seat", ""))[:32], payload.get("state"), _time(payload, "since")
    if not seat or state not in {s.value for s in AgentState} or since is None:
        raise CallRefused("座席状态缺少座席、状态或时间，请升级客户端。")
    current = session.get(SeatState, seat)
    if current is None:
        session.add(SeatState(seat=seat, agent=str(payload.get("agent", ""))[:50], username=user.username,
                              state=state, since=since, received_at=now))
    elif since >= current.since:
        current.agent, current.username = str(payload.get("agent", ""))[:50], user.username
        current.state, current.since, current.received_at = state, since, now


@dataclass(frozen=True)
class SeatView:
    seat: str
    agent: str
    state: str
    since: str
    offered_today: int
    answered_today: int


def live_view(session: Session, *, day_start: datetime) -> list[SeatView]:
    """Every seat's latest state and its calls since ``day_start`` (naive UTC), by seat."""
    counts = {row[0]: (int(row[1]), int(row[2] or 0)) for row in session.execute(
        select(CallRecord.seat, func.count(), func.sum(case((CallRecord.answered_at.is_not(None), 1), else_=0)))
        .where(CallRecord.offered_at >= day_start).group_by(CallRecord.seat))}
    return [SeatView(s.seat, s.agent, s.state, utc_iso(s.since), *counts.get(s.seat, (0, 0)))
            for s in session.scalars(select(SeatState).order_by(SeatState.seat))]


def list_calls(session: Session, *, user: User, offered_from: datetime | None, offered_to: datetime | None,
               seat: str | None, page: int, page_size: int) -> CallPage:
    """Calls newest first, as ``user`` may see them: numbers masked, and hidden where a ticket
    taken during the call is confidential and the user may not see its caller."""
    statement = select(CallRecord)
    if Role(user.role) not in _ALL_CALLS_ROLES:
        statement = statement.where(CallRecord.username == user.username)
    if offered_from is not None:
        statement = statement.where(CallRecord.offered_at >= offered_from)
    if offered_to is not None:
        statement = statement.where(CallRecord.offered_at < offered_to)
    if seat is not None:
        statement = statement.where(CallRecord.seat == seat)
    total = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    rows = session.scalars(statement.order_by(CallRecord.offered_at.desc(), CallRecord.id.desc())
                           .offset((page - 1) * page_size).limit(page_size)).all()
    links: dict[str, list[str]] = {}
    for call_id, ticket_id in session.execute(select(
            CallTicketLink.call_client_id, CallTicketLink.ticket_client_id).where(
            CallTicketLink.call_client_id.in_([r.client_id for r in rows])).order_by(CallTicketLink.id)):
        links.setdefault(call_id, []).append(ticket_id)
    hidden_tickets: set[str] = set()
    if Role(user.role) not in CONFIDENTIAL_CALLER_ROLES:
        linked = [t for ids in links.values() for t in ids]
        hidden_tickets = set(session.scalars(select(Ticket.client_id).where(
            Ticket.client_id.in_(linked), Ticket.confidential.is_(True),
            Ticket.created_user != user.username)))
    return CallPage([_call_dict(row, links.get(row.client_id, []), hidden_tickets) for row in rows], int(total))


def _call_dict(row: CallRecord, tickets: list[str], hidden_tickets: set[str]) -> dict[str, Any]:
    redacted = any(t in hidden_tickets for t in tickets)
    return {
        "client_id": row.client_id, "call_id": row.call_id,
        "caller_number": "" if redacted else mask_phone(row.caller_number),
        "phone_masked": bool(row.caller_number) and not redacted, "redacted": redacted,
        "line": row.line, "seat": row.seat, "extension": row.extension, "agent": row.agent,
        "username": row.username, "state": row.state, "end_reason": row.end_reason,
        "transfer_to": row.transfer_to, "tickets": tickets,
        **{name: (utc_iso(value) if (value := getattr(row, name)) is not None else None) for name in _TIMES},
    }
