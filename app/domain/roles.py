"""Roles and what each may do: one definition for the desktop client and the server."""

from enum import StrEnum

from app.domain.lifecycle import Action


class Role(StrEnum):
    AGENT = "agent"  # 座席/话务员
    DISPATCHER = "dispatcher"  # 派单员
    UNIT = "unit"  # 承办单位 handler, bound to one unit
    SUPERVISOR = "supervisor"  # 班长/质检/督办
    ADMIN = "admin"


ROLE_LABELS: dict[Role, str] = {
    Role.AGENT: "座席员",
    Role.DISPATCHER: "派单员",
    Role.UNIT: "承办单位",
    Role.SUPERVISOR: "班长/质检",
    Role.ADMIN: "管理员",
}

# Who may take each lifecycle action.
ACTION_ROLES: dict[Action, frozenset[Role]] = {
    Action.DISPATCH: frozenset({Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN}),
    Action.SIGN: frozenset({Role.UNIT, Role.DISPATCHER, Role.ADMIN}),
    Action.START: frozenset({Role.UNIT, Role.DISPATCHER, Role.ADMIN}),
    Action.RETURN: frozenset({Role.UNIT, Role.ADMIN}),
    Action.REQUEST_EXTENSION: frozenset({Role.UNIT, Role.ADMIN}),
    # 受理 → 办结 is also the agent answering a 咨询 on the spot.
    Action.COMPLETE: frozenset({Role.AGENT, Role.UNIT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN}),
    Action.CALLBACK: frozenset({Role.AGENT, Role.SUPERVISOR, Role.ADMIN}),
    Action.REOPEN: frozenset({Role.SUPERVISOR, Role.DISPATCHER, Role.ADMIN}),
    Action.ESCALATE: frozenset({Role.SUPERVISOR, Role.ADMIN}),
    Action.ARCHIVE: frozenset({Role.SUPERVISOR, Role.ADMIN}),
}

CREATE_ROLES: frozenset[Role] = frozenset(
    {Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN}
)
# A unit handler writes only the result of its own tickets; other roles edit every field.
UNIT_EDITABLE_FIELDS: frozenset[str] = frozenset({"result"})
# Roles that see the caller of a confidential (保密) ticket; the creating user also does.
CONFIDENTIAL_CALLER_ROLES: frozenset[Role] = frozenset({Role.SUPERVISOR, Role.ADMIN})


def can_act(role: Role, action: Action) -> bool:
    return role in ACTION_ROLES[action]


def can_edit_field(role: Role, field: str) -> bool:
    return role is not Role.UNIT or field in UNIT_EDITABLE_FIELDS


def action_denied_message(role: Role, action: Action) -> str:
    allowed = "、".join(ROLE_LABELS[r] for r in Role if r in ACTION_ROLES[action])
    return f"{ROLE_LABELS[role]}不能执行“{action.value}”；请联系{allowed}处理。"
