"""Lifecycle actions at the center: the same app.domain.rules the seats use, on the center's copy.

``plan_pushed_action`` plans one pushed action (kind = the action's name, payload = the detail
the seat wrote) for the pushing user; ``apply_plan`` writes the planned columns. Refusals
caused by the user's role or unit (not by the ticket's status or missing parameters) are
refused accesses and go to the audit log.
"""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from app.domain.calendar import LOCAL_TZ
from app.domain.enums import RequestType
from app.domain.lifecycle import Action
from app.domain.roles import Role, can_act
from app.domain.rules import UNIT_ACTIONS, Performer, Plan, TicketState, plan_action
from app.reference import ReferenceData
from server.auth.models import User
from server.tickets.models import Ticket

LOCAL_OFFSET = LOCAL_TZ.utcoffset(None)  # the city's clock: "today" of an action


def performer_of(user: User) -> Performer:
    return Performer(Role(user.role), user.unit, user.username)


def is_access_refusal(user: User, action: Action, ticket: Ticket) -> bool:
    """A refusal by role or unit (audited), not by status or parameters."""
    role = Role(user.role)
    return not can_act(role, action) or (
        role is Role.UNIT and action in UNIT_ACTIONS and user.unit != ticket.handling_unit)


def plan_pushed_action(
    *, user: User, ticket: Ticket, action: Action, payload: dict[str, Any], at: datetime,
    reference: ReferenceData, deadline_days: dict[RequestType, int],
    find_ticket: Callable[[str], Ticket | None],
) -> Plan:
    """Plan ``action`` as the seat asked; ``at`` (naive UTC) dates it; ``find_ticket`` finds the
    main ticket of a 合并 by client id (None when unknown or not visible to the user)."""
    main = None
    if action is Action.MERGE and isinstance(payload.get("main"), str):
        found = find_ticket(payload["main"])
        main = TicketState.of(found) if found is not None else None
    units = reference.unit_names()
    return plan_action(
        TicketState.of(ticket), action, performer_of(user), payload,
        today=(at + LOCAL_OFFSET).date(), calendar=reference.calendar, main=main,
        known_units=frozenset(units) if units else None, deadline_days=deadline_days,
    )


def apply_plan(ticket: Ticket, plan: Plan) -> None:
    for name, value in plan.changes.items():
        setattr(ticket, name, value)


def refusal_reason(plan: Plan) -> str:
    return "中心未接受：" + "；".join(plan.errors)
