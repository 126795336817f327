"""Roles and what each may do: one definition for the desktop client and the server."""

from enum import StrEnum

from app.domain.lifecycle import Action
from app.messages import Message, Text, term


class Role(StrEnum):
    AGENT = "agent"  # 座席/话务员
    DISPATCHER = "dispatcher"  # 派单员
    UNIT = "unit"  # 承办单位 handler, bound to one unit
    SUPERVISOR = "supervisor"  # 班长/质检/督办
    ADMIN = "admin"

    @property
    def label(self) -> str:
        """The role's name as users read it (Chinese; the UI translates it)."""
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.AGENT: term("RoleViews", "座席员"),
    Role.DISPATCHER: term("RoleViews", "派单员"),
    Role.UNIT: term("RoleViews", "承办单位"),
    Role.SUPERVISOR: term("RoleViews", "班长/质检"),
    Role.ADMIN: term("RoleViews", "管理员"),
}
ACTION_DENIED = Text("roles.action_denied", "{role}不能执行“{action}”；请联系{allowed}处理。")

# Who may take each lifecycle action (the status and the unit are checked in app.domain.rules).
# The admin manages accounts and reference data, not tickets: no lifecycle action.
_DESK = frozenset({Role.DISPATCHER, Role.SUPERVISOR})
ACTION_ROLES: dict[Action, frozenset[Role]] = {
    Action.DISPATCH: _DESK,
    # Only a handler of the ticket's 主办 unit (rules.unit_errors).
    Action.SIGN: frozenset({Role.UNIT}),
    Action.START: frozenset({Role.UNIT}),
    Action.RETURN: frozenset({Role.UNIT}),
    Action.REQUEST_EXTENSION: frozenset({Role.UNIT}),
    Action.DECIDE_EXTENSION: _DESK,
    # The unit completes its work; 受理 → 办结 is a 咨询 answered on the spot (直接办结) by the
    # agent, a dispatcher or a supervisor (rules.DIRECT_COMPLETE_ROLES).
    Action.COMPLETE: frozenset({Role.UNIT, Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR}),
    Action.CALLBACK: frozenset({Role.AGENT, Role.SUPERVISOR}),
    Action.REOPEN: _DESK,
    Action.ESCALATE: frozenset({Role.SUPERVISOR}),
    Action.MERGE: _DESK,
    Action.ARCHIVE: _DESK,
}

CREATE_ROLES: frozenset[Role] = frozenset(
    {Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN}
)
# A unit handler writes only the result of its own tickets; other roles edit every field.
UNIT_EDITABLE_FIELDS: frozenset[str] = frozenset({"result"})
# Roles that see the caller of a confidential (保密) ticket; the creating user also does.
CONFIDENTIAL_CALLER_ROLES: frozenset[Role] = frozenset({Role.SUPERVISOR, Role.ADMIN})
# Roles that may reveal a caller's full number (an audited, explicit action with a reason):
# the agent calls back, the supervisor checks quality, the 主办 unit's handler contacts the
# citizen about the work. The dispatcher routes and the admin manages accounts: neither needs
# a citizen's number. A confidential ticket's number only to CONFIDENTIAL_CALLER_ROLES (and
# never to an admin: not a ticket role) and to the user who took the call.
REVEAL_ROLES: frozenset[Role] = frozenset({Role.AGENT, Role.SUPERVISOR, Role.UNIT})
ADMIN_ROLES: frozenset[Role] = frozenset({Role.ADMIN})


def can_act(role: Role, action: Action) -> bool:
    return role in ACTION_ROLES[action]


def has_capture_form(role: Role | None) -> bool:
    """Whether the seat offers this role the capture form (and so 修改 in a ticket's window):
    a unit handler writes results through its actions and an admin manages, neither captures.
    Not signed in: the seat's own agent."""
    return role is None or role not in (Role.UNIT, Role.ADMIN)


def can_edit_field(role: Role, field: str) -> bool:
    return role is not Role.UNIT or field in UNIT_EDITABLE_FIELDS


def action_denied_message(role: Role, action: Action) -> Message:
    allowed = tuple(r for r in Role if r in ACTION_ROLES[action])
    return ACTION_DENIED(role=role, action=action, allowed=allowed)


def can_reveal(role: Role, *, confidential: bool, own_unit: bool, creator: bool) -> bool:
    """May this user see the full number of a caller (after giving a reason)?"""
    if creator:
        return True
    if confidential:
        return role in CONFIDENTIAL_CALLER_ROLES and role in REVEAL_ROLES
    if role is Role.UNIT:
        return own_unit
    return role in REVEAL_ROLES
