"""Ticket lifecycle for the desktop: one function per action, Qt-free. API for the UI.

Every function takes the caller's session (``with seat.store.session() as s, s.begin():``), the
ticket (``app.store.models.Ticket``, e.g. from ``service.get_ticket``) and the seat's
``TicketContext`` whose ``actor`` carries the signed-in user's ``role`` (``app.domain.roles.Role``)
and ``unit`` (unit handlers). It checks the shared rules (``app.domain.rules``: status, role,
unit, parameters), then writes the ticket columns, a timeline event and an outbox entry in the
caller's transaction (nothing here commits), and returns the ticket. When the rules refuse, it
raises :class:`LifecycleError` (a ``ValueError``; ``errors`` is a list of Chinese sentences
that each say what to do) and writes nothing. The center checks again on push and has the last
word: a refusal comes back as a ``SyncRejection`` on the ticket (``reason`` in Chinese) and the
ticket is restored to the center's copy.

Before signing in (``actor.role is None``) every action raises ``LifecycleError``.

Actions (keyword-only; ``note`` is always optional free text, at most 500 characters):

==================== ======================================================= ===================
function             parameters                                              who
==================== ======================================================= ===================
dispatch             units: list[str] (主办 first, then 协办), deadline:     dispatcher,
                     date | None (None: the ticket's deadline if not past,   supervisor
                     else the request type's working days from today)
sign                 —                                                       主办 unit handler
start                — (optional 办理 step after 签收)                        主办 unit handler
return_ticket        reason: str (required)                                  主办 unit handler
request_extension    new_deadline: date (after the deadline), reason: str    主办 unit handler
decide_extension     approved: bool, reason: str (required when refusing)    dispatcher, superv.
complete             result: str (办理结果), solved: "解决"|"部分解决"|"未解决" 主办 unit; agent/
                                                                             dispatcher/superv.
                                                                             only from 受理
callback             satisfaction: "满意"|"基本满意"|"不满意"|"未联系上"      agent, supervisor
                     (不满意 reopens: 重办 → 派单 to the same unit)
reopen               reason: str                                             dispatcher, superv.
escalate             level: "一级"|"二级"|"三级", note: str (required)        supervisor
merge                main: Ticket (the ticket to keep)                       dispatcher, superv.
archive              —                                                       dispatcher, superv.
==================== ======================================================= ===================

Helpers for the views:

- ``available_actions(ticket, context) -> list[Action]``: the buttons to enable (status, role
  and unit; parameters are checked when the action is taken).
- ``check(ticket, action, context, **params) -> list[str]``: the errors the action would raise
  (e.g. to validate a dialog before closing it); params as the functions above take them.
- ``deadline_info(ticket, *, clock) -> DeadlineInfo``: the mark of ``app.domain.deadline``
  (正常/即将到期/已超期/计时暂停, "" for closed tickets), working days left and, while the clock
  is paused, the deadline a refusal would give today.
- ``ticket_flags(ticket) -> TicketFlags``: co_units, escalation level, extension request
  (date, reason), reopen count, merged_into, solved, for badges and the detail pane.
- ``record_export(session, *, rows, file_format, description, context)``: call after writing
  an export file; queues an audit report (kind 导出) that syncs like any change.
- Queues per role: ``app.tickets.queues.role_views(role, username=..., unit=..., today=...,
  calendar=...)`` → list of ``RoleView(key, title, filter)``; ``filter`` is a
  ``app.tickets.queue.QueueFilter`` for the existing queue model, or None for the admin's
  server-side views (users, units, categories, holidays, audit; see README.md, "Central server").

Server endpoints the UI calls through ``app.sync.client.ApiClient.request`` (all under /api/v1):
``POST /tickets/{id}/reveal {reason}`` → ``{caller_phone, caller_name}`` (audited; agent,
supervisor, the 主办 unit's handler; confidential tickets only supervisor and the agent who took
the call), ``GET /audit`` (admin) and ``/admin/...`` (admin). The local ``tickets.id`` is not
the server's id: look the server id up with ``GET /tickets?official_no=...``.
"""

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.domain.calendar import resume_after_pause
from app.domain.deadline import DeadlineClock, DeadlineMark
from app.domain.lifecycle import Action
from app.domain.roles import Role, can_reveal
from app.domain.rules import (
    Performer,
    Plan,
    TicketState,
    dispatch_deadline,
    parse_units,
    permission_errors,
    plan_action,
)
from app.messages import Message, Text
from app.store.models import OutboxEntry, Ticket
from app.sync.protocol import EXPORT_KIND, REVEAL_KIND
from app.tickets.service import TicketContext, is_demo, local_date, record_change, utc_now

# An extension request proposes this many working days after the current deadline.
EXTENSION_PROPOSAL_DAYS = 5

__all__ = [
    "DeadlineInfo", "LifecycleError", "TicketFlags", "archive", "available_actions", "callback",
    "check", "complete", "deadline_info", "decide_extension", "default_dispatch_deadline",
    "default_extension_deadline", "dispatch", "escalate", "merge",
    "record_export", "reopen", "request_extension", "return_ticket", "sign", "start", "ticket_flags",
]


SIGN_IN_FIRST = Text("lifecycle.sign_in_first", "请先登录中心账号；登录后按您的角色办理工单。")


class LifecycleError(ValueError):
    """The rules refuse the action; ``errors`` are messages saying what to do (app.messages)."""

    def __init__(self, errors: list[Message]) -> None:
        super().__init__("；".join(errors))
        self.errors = errors


def _performer(context: TicketContext) -> Performer:
    actor = context.actor
    if actor.role is None:
        raise LifecycleError([SIGN_IN_FIRST()])
    return Performer(actor.role, actor.unit, actor.agent)


def _today() -> date:
    return local_date(utc_now()).date()


def _plan(ticket: Ticket, action: Action, context: TicketContext, params: Mapping[str, Any],
          main: Ticket | None = None) -> Plan:
    units = context.reference.unit_names()
    return plan_action(
        TicketState.of(ticket), action, _performer(context), params, today=_today(),
        calendar=context.reference.calendar, main=TicketState.of(main) if main is not None else None,
        known_units=frozenset(units) if units else None,
        deadline_days=context.settings.deadline_days_by_type(),
    )


def default_dispatch_deadline(ticket: Ticket, context: TicketContext) -> date | None:
    """The date a 派单 without one gets (the dispatch dialog's default)."""
    return dispatch_deadline(TicketState.of(ticket), _today(), context.reference.calendar,
                             context.settings.deadline_days_by_type())


def default_extension_deadline(ticket: Ticket, context: TicketContext) -> date:
    """The date an extension request proposes: a week of work after the deadline (or today)."""
    return context.reference.calendar.add_working_days(ticket.deadline or _today(),
                                                       EXTENSION_PROPOSAL_DAYS)


def _perform(session: Session, ticket: Ticket, action: Action, context: TicketContext,
             params: Mapping[str, Any], main: Ticket | None = None) -> Ticket:
    plan = _plan(ticket, action, context, params, main)
    if not plan.ok:
        raise LifecycleError(plan.errors)
    for name, value in plan.changes.items():
        setattr(ticket, name, value)
    base_version = ticket.version
    ticket.version += 1
    ticket.updated_at = utc_now()
    # The detail is the event (reports read it) and the mutation payload (the server plans
    # again from it): one dict for both.
    record_change(session, ticket, context.actor, action.value, plan.detail,
                  at=ticket.updated_at, base_version=base_version)
    return ticket


def available_actions(ticket: Ticket, context: TicketContext) -> list[Action]:
    if context.actor.role is None:
        return []
    state = TicketState.of(ticket)
    performer = _performer(context)
    return [a for a in Action if not permission_errors(state, a, performer)]


_PARAM_NAMES = {"new_deadline": "requested_deadline"}


def check(ticket: Ticket, action: Action, context: TicketContext, *, main: Ticket | None = None,
          **params: Any) -> list[Message]:
    """What ``action`` with ``params`` would be refused for (empty: it would be taken)."""
    try:
        wire = {_PARAM_NAMES.get(k, k): (v.isoformat() if isinstance(v, date) else v) for k, v in params.items()}
        if action is Action.MERGE and main is not None:
            wire["main"] = main.client_id
        return _plan(ticket, action, context, wire, main).errors
    except LifecycleError as error:
        return error.errors


def dispatch(session: Session, *, ticket: Ticket, units: list[str], deadline: date | None = None,
             note: str = "", context: TicketContext) -> Ticket:
    return _perform(session, ticket, Action.DISPATCH, context, {
        "units": units, "deadline": deadline.isoformat() if deadline else None, "note": note})


def sign(session: Session, *, ticket: Ticket, note: str = "", context: TicketContext) -> Ticket:
    return _perform(session, ticket, Action.SIGN, context, {"note": note})


def start(session: Session, *, ticket: Ticket, note: str = "", context: TicketContext) -> Ticket:
    return _perform(session, ticket, Action.START, context, {"note": note})


def return_ticket(session: Session, *, ticket: Ticket, reason: str, context: TicketContext) -> Ticket:
    return _perform(session, ticket, Action.RETURN, context, {"reason": reason})


def request_extension(session: Session, *, ticket: Ticket, new_deadline: date, reason: str,
                      context: TicketContext) -> Ticket:
    return _perform(session, ticket, Action.REQUEST_EXTENSION, context, {
        "requested_deadline": new_deadline.isoformat(), "reason": reason})


def decide_extension(session: Session, *, ticket: Ticket, approved: bool, reason: str = "",
                     context: TicketContext) -> Ticket:
    return _perform(session, ticket, Action.DECIDE_EXTENSION, context, {"approved": approved, "reason": reason})


def complete(session: Session, *, ticket: Ticket, result: str, solved: str, note: str = "",
             context: TicketContext) -> Ticket:
    return _perform(session, ticket, Action.COMPLETE, context, {"result": result, "solved": solved, "note": note})


def callback(session: Session, *, ticket: Ticket, satisfaction: str, note: str = "",
             context: TicketContext) -> Ticket:
    return _perform(session, ticket, Action.CALLBACK, context, {"satisfaction": satisfaction, "note": note})


def reopen(session: Session, *, ticket: Ticket, reason: str, context: TicketContext) -> Ticket:
    return _perform(session, ticket, Action.REOPEN, context, {"reason": reason})


def escalate(session: Session, *, ticket: Ticket, level: str, note: str, context: TicketContext) -> Ticket:
    return _perform(session, ticket, Action.ESCALATE, context, {"level": level, "note": note})


def merge(session: Session, *, ticket: Ticket, main: Ticket, note: str = "", context: TicketContext) -> Ticket:
    return _perform(session, ticket, Action.MERGE, context, {"main": main.client_id, "note": note}, main)


def archive(session: Session, *, ticket: Ticket, note: str = "", context: TicketContext) -> Ticket:
    return _perform(session, ticket, Action.ARCHIVE, context, {"note": note})


@dataclass(frozen=True)
class DeadlineInfo:
    mark: DeadlineMark
    days_left: int | None  # working days after today; negative: working days late
    effective: date | None  # a paused ticket: its deadline if the extension were refused today
    paused: bool  # the clock stands still while an extension request waits


def deadline_info(ticket: Ticket, *, clock: DeadlineClock) -> DeadlineInfo:
    mark = clock.mark(ticket.status, ticket.deadline, ticket.extension_to, ticket.extension_since)
    if ticket.deadline is None or mark is DeadlineMark.NONE:
        return DeadlineInfo(mark, None, ticket.deadline, False)
    if mark is DeadlineMark.PAUSED:
        # The days left stay as they were on the day of the request until the answer.
        since = ticket.extension_since or clock.today
        return DeadlineInfo(
            mark, clock.calendar.working_days_between(since, ticket.deadline),
            resume_after_pause(ticket.deadline, paused_since=since, resumed_on=clock.today,
                               calendar=clock.calendar),
            True)
    return DeadlineInfo(mark, clock.working_days_left(ticket.deadline), ticket.deadline, False)


@dataclass(frozen=True)
class TicketFlags:
    co_units: tuple[str, ...]
    escalation_level: str
    extension_to: date | None
    extension_reason: str
    reopen_count: int
    merged_into: str
    solved: str


def ticket_flags(ticket: Ticket) -> TicketFlags:
    return TicketFlags(parse_units(ticket.co_units), ticket.escalation_level, ticket.extension_to,
                       ticket.extension_reason, ticket.reopen_count, ticket.merged_into, ticket.solved)


def record_export(session: Session, *, rows: int, file_format: str, description: str,
                  context: TicketContext, confidential_rows: int = 0) -> None:
    """Queue the audit report of an export (who, when, how many rows, which filter)."""
    mutation_id = str(uuid.uuid4())
    payload = {"rows": rows, "format": file_format, "filter": description[:500],
               "confidential": confidential_rows, "seat": context.actor.seat}
    session.add(OutboxEntry(mutation_id=mutation_id, ticket_client_id=mutation_id, kind=EXPORT_KIND,
                            base_version=0, created_at=utc_now(),
                            payload=json.dumps(payload, ensure_ascii=False)))


def may_reveal(ticket: Ticket, context: TicketContext) -> bool:
    """Whether the signed-in user may see this caller's full number (the center's own rule).
    Before signing in, the seat's agent may see the numbers of the calls the seat took."""
    actor = context.actor
    creator = ticket.created_by == actor.agent and ticket.created_seat == actor.seat
    if actor.role is None:
        return creator and not ticket.confidential
    return can_reveal(actor.role, confidential=ticket.confidential,
                      own_unit=actor.role is Role.UNIT and actor.unit == ticket.handling_unit,
                      creator=creator)


def record_reveal(session: Session, *, ticket: Ticket, reason: str, context: TicketContext) -> None:
    """Queue the audit report of a number shown from the local store (the center unreachable)."""
    if is_demo(session, ticket.id):
        return  # a made-up number of a ticket the center never sees
    mutation_id = str(uuid.uuid4())
    payload = {"ticket": ticket.client_id, "reason": reason[:200], "seat": context.actor.seat}
    session.add(OutboxEntry(mutation_id=mutation_id, ticket_client_id=mutation_id, kind=REVEAL_KIND,
                            base_version=0, created_at=utc_now(),
                            payload=json.dumps(payload, ensure_ascii=False)))
