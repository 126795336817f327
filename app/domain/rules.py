"""The lifecycle rules: who may take which action on which ticket, what it needs, what it does.

One definition for the desktop client and the server. Both call :func:`plan_action` with the
ticket's state (:class:`TicketState`, read from either ORM ticket), the acting user
(:class:`Performer`: role, unit, username) and the action's parameters (the JSON payload the
mutation carries); the plan holds the errors (messages, each saying what to do), the ticket
columns to set and the event detail to write. The client applies the plan to its local copy
and sends the detail as the mutation payload; the server plans again from its own copy and
that payload, and has the last word.

Rules (status sources from ``app.domain.lifecycle.TRANSITIONS``, roles from
``app.domain.roles.ACTION_ROLES``):

====== ==================== ========================== ==========================================
action roles                from                       needs → does (event detail keys)
====== ==================== ========================== ==========================================
派单   dispatcher,supervisor 受理, 退单                 units (主办 first, then 协办), deadline ≥
                                                        today (default: the current one, else the
                                                        type's working days) → 派单; unit,
                                                        co_units, deadline
签收   unit (主办 only)      派单                       → 签收; unit
办理   unit (主办 only)      签收                       → 办理; unit
退单   unit (主办 only)      派单, 签收, 办理           reason → 退单 (back to the dispatcher);
                                                        unit, reason
延期   unit (主办 only)      签收, 办理                 reason, requested_deadline after the
                                                        deadline, none waiting → clock pauses;
                                                        unit, reason, requested_deadline
延期审批 dispatcher,superv.  签收, 办理 (one waiting)   approved; reason when refused → approved:
                                                        deadline = requested date; refused: the
                                                        waiting working days are given back;
                                                        approved, deadline, previous_deadline
办结   unit (主办) from 签收/办理; agent, dispatcher,   result (办理结果), solved 解决/部分解决/
       supervisor from 受理 (直接办结)                  未解决 → 办结; solved, result, unit
回访   agent, supervisor     办结; 回访 after 未联系上  satisfaction → 回访; 不满意 → 派单 (重办) to
                                                        the same unit, reopen_count + 1, new
                                                        deadline; satisfaction, reopened, deadline
重办   dispatcher,supervisor 办结, 回访                 reason → 派单, reopen_count + 1; reason,
                                                        deadline
督办   supervisor            受理,退单,派单,签收,办理   level 一级/二级/三级, note → level kept on
                                                        the ticket; level, note
合并   dispatcher,supervisor 受理,退单,派单,签收,办理   main ticket (another, not merged/archived)
                                                        → 归档 with merged_into; main, main_no
归档   dispatcher,supervisor 办结, 回访 (not 不满意)    → 归档
====== ==================== ========================== ==========================================

Every event detail also has ``from``, ``to`` and ``note`` (the reports contract in
``app.reports``: 派单 unit, 办结 solved, 退单 unit, 督办 note).
"""

import difflib
import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.domain.calendar import (
    DEFAULT_DEADLINE_DAYS,
    WorkCalendar,
    deadline_for,
    resume_after_pause,
)
from app.domain.enums import RequestType, Satisfaction, Status
from app.domain.lifecycle import TRANSITIONS, Action, TransitionError, next_status
from app.domain.roles import Role, action_denied_message, can_act
from app.messages import Message, Text, term

SOLVED_VALUES: tuple[str, ...] = (
    term("Vocabulary", "解决"), term("Vocabulary", "部分解决"), term("Vocabulary", "未解决"))
ESCALATION_LEVELS: tuple[str, ...] = (
    term("Vocabulary", "一级"), term("Vocabulary", "二级"), term("Vocabulary", "三级"))
# 受理 → 办结 (a 咨询 answered on the spot) by these roles; from 签收/办理 only the unit.
DIRECT_COMPLETE_ROLES: frozenset[Role] = frozenset({Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR})
# Actions a unit handler takes only on tickets its unit leads (主办).
UNIT_ACTIONS: frozenset[Action] = frozenset(
    {Action.SIGN, Action.START, Action.RETURN, Action.REQUEST_EXTENSION, Action.COMPLETE}
)
MAX_NOTE = 500
MAX_RESULT = 5000
OPEN_STATUSES_ORDER: tuple[Status, ...] = (
    Status.ACCEPTED, Status.RETURNED, Status.DISPATCHED, Status.SIGNED, Status.IN_PROGRESS
)

# The rules' refusals, each saying what to do (app.messages: the UI says them in its language).
UNIT_NAMED = Text("rules.unit_named", "“{unit}”")
UNIT_UNNAMED = Text("rules.unit_unnamed", "派单时指定的单位")
MERGED = Text("rules.merged", "这张工单已合并到主工单，不能再{action}；请在主工单上办理。")
UNIT_COMPLETES_OWN = Text("rules.unit_completes_own",
                          "承办单位只能办结已派给本单位并签收的工单；请先由派单员派单。")
DIRECT_COMPLETE_ONLY = Text("rules.direct_complete_only",
                            "{role}只能直接办结刚受理的工单；已派单的工单请由{unit}办结。")
CO_UNIT_CANNOT = Text("rules.co_unit_cannot",
                      "贵单位是这张工单的协办单位，只有主办单位{unit}可以{action}；请把协办意见交主办单位。")
OTHER_UNIT_CANNOT = Text("rules.other_unit_cannot",
                         "这张工单由{unit}主办，您所在单位不能{action}；如派错了单位，请联系派单员。")
CALLED_BACK_ALREADY = Text("rules.called_back_already",
                           "这张工单已回访过；只有上次“未联系上”的工单可以再次回访。")
UNSATISFIED_NOT_ARCHIVED = Text("rules.unsatisfied_not_archived", "来电人不满意的工单不能归档；请重办。")
NO_EXTENSION_WAITING = Text("rules.no_extension_waiting", "这张工单没有待审批的延期申请。")
EXTENSION_WAITING = Text("rules.extension_waiting",
                         "已有一项延期申请（延至{requested}）等待审批；请等派单员答复后再申请。")
CHOOSE_UNITS = Text("rules.choose_units", "请选择主办单位（可再加协办单位）后再派单。")
UNKNOWN_UNITS = Text("rules.unknown_units", "“{units}”不在承办单位名录中，请从列表中选择；名录由管理员维护。")
UNKNOWN_UNITS_CLOSE = Text("rules.unknown_units_close",
                           "“{units}”不在承办单位名录中，是否是“{close}”？名录由管理员维护。")
DEADLINE_NOT_DATE = Text("rules.deadline_not_date", "办理时限应为日期，如 2026-03-02。")
DEADLINE_PAST = Text("rules.deadline_past", "办理时限{deadline}已过，请选择今天（{today}）或以后的日期。")
RETURN_REASON = Text("rules.return_reason",
                     "请填写退单理由（例如不属于本单位职责、应由哪个单位办理），派单员据此改派。")
EXTENSION_REASON = Text("rules.extension_reason", "请填写延期理由（为什么不能按期办结、还需做什么）。")
EXTENSION_DATE = Text("rules.extension_date", "请填写申请延至的日期。")
EXTENSION_NOT_LATER = Text("rules.extension_not_later", "申请的日期应晚于当前办理时限{deadline}。")
EXTENSION_BEFORE_TODAY = Text("rules.extension_before_today", "申请的日期不能早于今天（{today}）。")
DECIDE_CHOOSE = Text("rules.decide_choose", "请选择同意或不同意延期。")
DECIDE_REASON = Text("rules.decide_reason", "不同意延期时请填写理由，承办单位会看到。")
RESULT_NEEDED = Text("rules.result_needed", "请填写办理结果：做了什么、结果如何、是否已告知来电人。")
SOLVED_NEEDED = Text("rules.solved_needed", "请选择问题是否解决：解决、部分解决或未解决。")
SATISFACTION_NEEDED = Text("rules.satisfaction_needed", "请选择回访结果：满意、基本满意、不满意或未联系上。")
REOPEN_REASON = Text("rules.reopen_reason", "请填写重办理由（来电人哪里不满意、需要再做什么）。")
LEVEL_NEEDED = Text("rules.level_needed", "请选择督办级别：一级、二级或三级。")
ESCALATION_NOTE = Text("rules.escalation_note", "请填写督办意见（为什么督办、要求何时办结）。")
MAIN_NEEDED = Text("rules.main_needed", "请选择要合并到的主工单。")
MAIN_IS_SELF = Text("rules.main_is_self", "不能把工单合并到它自己；请选择另一张主工单。")
MAIN_MISSING = Text("rules.main_missing", "找不到主工单；请先同步，或核对主工单编号。")
MAIN_MERGED = Text("rules.main_merged", "主工单{number}本身已合并到其他工单；请合并到最终的主工单。")
MAIN_ARCHIVED = Text("rules.main_archived", "主工单{number}已归档；请选择仍在办理的主工单，或另行派单。")


@dataclass(frozen=True)
class Performer:
    """Who acts: the signed-in user's role, unit (for unit handlers) and username."""

    role: Role
    unit: str = ""
    username: str = ""


@dataclass(frozen=True)
class TicketState:
    """What the rules read of a ticket; the same on the seat and at the center."""

    status: Status
    handling_unit: str = ""
    co_units: tuple[str, ...] = ()
    deadline: date | None = None
    request_type: str = ""
    result: str = ""
    satisfaction: str = ""
    escalation_level: str = ""
    extension_to: date | None = None
    extension_since: date | None = None
    reopen_count: int = 0
    merged_into: str = ""
    client_id: str = ""
    number: str = ""  # official number, else local number (shown in messages)

    @classmethod
    def of(cls, ticket: Any) -> "TicketState":
        """From a local (app.store) or server (server.tickets) ORM ticket."""
        return cls(
            status=Status(ticket.status), handling_unit=ticket.handling_unit or "",
            co_units=parse_units(getattr(ticket, "co_units", "")),
            deadline=ticket.deadline, request_type=ticket.request_type or "",
            result=ticket.result or "", satisfaction=ticket.satisfaction or "",
            escalation_level=getattr(ticket, "escalation_level", "") or "",
            extension_to=getattr(ticket, "extension_to", None),
            extension_since=getattr(ticket, "extension_since", None),
            reopen_count=getattr(ticket, "reopen_count", 0) or 0,
            merged_into=getattr(ticket, "merged_into", "") or "",
            client_id=ticket.client_id, number=ticket.official_no or ticket.local_no or "",
        )

    @property
    def extension_pending(self) -> bool:
        return self.extension_to is not None


@dataclass
class Plan:
    """The outcome of planning an action: errors, or the columns to set and the event detail."""

    action: Action
    errors: list[Message] = field(default_factory=list)
    changes: dict[str, Any] = field(default_factory=dict)
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def parse_units(value: object) -> tuple[str, ...]:
    """co_units as stored (JSON list text) or as sent (a list)."""
    if isinstance(value, str):
        if not value:
            return ()
        try:
            value = json.loads(value)
        except ValueError:
            return ()
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value if str(v))
    return ()


def dump_units(units: tuple[str, ...] | list[str]) -> str:
    return json.dumps(list(units), ensure_ascii=False)


def unknown_units_message(unknown: Sequence[str], known: Collection[str]) -> Message:
    """The refusal of unit names not in the directory, naming the closest ones (市城管局 →
    市城市管理局): a ticket or an account bound to an unknown name reaches nobody."""
    # The closest name only: one name reads back from the text a center or a store keeps.
    close = [m for u in unknown for m in difflib.get_close_matches(u, list(known), n=1, cutoff=0.5)]
    if not close:
        return UNKNOWN_UNITS(units=tuple(unknown))
    return UNKNOWN_UNITS_CLOSE(units=tuple(unknown), close=close[0])


def _text(params: Mapping[str, Any], key: str, limit: int = MAX_NOTE) -> str:
    value = params.get(key)
    return str(value).strip()[:limit] if value is not None else ""


def _date(params: Mapping[str, Any], key: str) -> date | str | None:
    """A date parameter: None when absent, the date, or "" when it is not a date."""
    value = params.get(key)
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return ""


def _unit_label(state: TicketState) -> Message:
    return UNIT_NAMED(unit=state.handling_unit) if state.handling_unit else UNIT_UNNAMED()


# 转办: a dispatcher sends a ticket not yet dispatched to a linked center (省、市、县互联互通).
TRANSFER_ROLES: frozenset[Role] = frozenset({Role.DISPATCHER, Role.SUPERVISOR})
TRANSFER_SOURCES: frozenset[Status] = frozenset({Status.ACCEPTED, Status.RETURNED})
TRANSFER_ROLE = Text("rules.transfer_role", "{role}不能转办工单；请由派单员转办。")
TRANSFER_MERGED = Text("rules.transfer_merged", "这张工单已合并到主工单，不能转办；请在主工单上办理。")
TRANSFER_STATUS = Text("rules.transfer_status",
                       "工单当前状态为“{status}”，只有受理或退单状态的工单可以转办。")


def transfer_errors(state: TicketState, performer: Performer) -> list[Message]:
    """May this user transfer (转办) this ticket to a linked center? Empty when yes."""
    if performer.role not in TRANSFER_ROLES:
        return [TRANSFER_ROLE(role=performer.role)]
    if state.merged_into:
        return [TRANSFER_MERGED()]
    if state.status not in TRANSFER_SOURCES:
        return [TRANSFER_STATUS(status=state.status)]
    return []


RETURN_ORIGIN_STATUS = Text("rules.return_origin_status",
                            "工单当前状态为“{status}”，只有尚未派单（受理或退单）的工单可以退回上级平台。")
RETURN_ORIGIN_REASON = Text("rules.return_origin_reason",
                            "请填写退回理由（例如不属于本地事权、应由哪一级办理），上级平台据此改派。")


def return_to_origin_errors(state: TicketState, performer: Performer, reason: str) -> list[Message]:
    """May this user send a ticket received from a parent platform back to it (退回)?"""
    if performer.role not in TRANSFER_ROLES:
        return [TRANSFER_ROLE(role=performer.role)]
    if state.status not in TRANSFER_SOURCES:
        return [RETURN_ORIGIN_STATUS(status=state.status)]
    if not reason.strip():
        return [RETURN_ORIGIN_REASON()]
    return []


def permission_errors(state: TicketState, action: Action, performer: Performer) -> list[Message]:
    """Status, role and unit: may this user take this action on this ticket at all?

    The desktop enables an action's button when this is empty (parameters come later)."""
    if state.merged_into:
        return [MERGED(action=action)]
    try:
        next_status(state.status, action)
    except TransitionError as error:
        return [error.message]
    role = performer.role
    if not can_act(role, action):
        return [action_denied_message(role, action)]
    if action is Action.COMPLETE:
        if state.status is Status.ACCEPTED and role not in DIRECT_COMPLETE_ROLES:
            return [UNIT_COMPLETES_OWN()]
        if state.status is not Status.ACCEPTED and role is not Role.UNIT:
            return [DIRECT_COMPLETE_ONLY(role=role, unit=_unit_label(state))]
    if role is Role.UNIT and action in UNIT_ACTIONS and performer.unit != state.handling_unit:
        if performer.unit and performer.unit in state.co_units:
            return [CO_UNIT_CANNOT(unit=_unit_label(state), action=action)]
        return [OTHER_UNIT_CANNOT(unit=_unit_label(state), action=action)]
    if action is Action.CALLBACK and state.status is Status.CALLED_BACK \
            and state.satisfaction != Satisfaction.UNREACHABLE.value:
        return [CALLED_BACK_ALREADY()]
    if action is Action.ARCHIVE and state.satisfaction == Satisfaction.UNSATISFIED.value \
            and state.status is Status.CALLED_BACK:
        return [UNSATISFIED_NOT_ARCHIVED()]
    if action is Action.DECIDE_EXTENSION and not state.extension_pending:
        return [NO_EXTENSION_WAITING()]
    if action is Action.REQUEST_EXTENSION and state.extension_pending:
        return [EXTENSION_WAITING(requested=state.extension_to or "")]
    return []


def check_action(
    state: TicketState, action: Action, performer: Performer, params: Mapping[str, Any], *,
    today: date, calendar: WorkCalendar | None = None, main: TicketState | None = None,
    known_units: frozenset[str] | None = None,
) -> list[Message]:
    """Every reason (a message) why ``performer`` may not take ``action`` with ``params``."""
    return plan_action(state, action, performer, params, today=today, calendar=calendar or WorkCalendar(),
                       main=main, known_units=known_units).errors


def dispatch_deadline(state: TicketState, today: date, calendar: WorkCalendar,
                      deadline_days: Mapping[RequestType, int]) -> date | None:
    """A 派单 without a date: the ticket's deadline if not past, else the request type's working
    days from today (the dispatch dialog shows the same date as its default)."""
    if state.deadline and state.deadline >= today:
        return state.deadline
    try:
        return deadline_for(RequestType(state.request_type), today, calendar, deadline_days)
    except (ValueError, KeyError):
        return None


def plan_action(
    state: TicketState, action: Action, performer: Performer, params: Mapping[str, Any], *,
    today: date, calendar: WorkCalendar, main: TicketState | None = None,
    known_units: frozenset[str] | None = None,
    deadline_days: Mapping[RequestType, int] = DEFAULT_DEADLINE_DAYS,
) -> Plan:
    """Check ``action`` and work out what it does. ``today`` is the local date of the action;
    ``main`` the main ticket of a 合并; ``known_units`` the units a 派单 may name (None: any)."""
    plan = Plan(action)
    plan.errors = permission_errors(state, action, performer)
    if plan.errors:
        return plan
    note = _text(params, "note")
    target = TRANSITIONS[action].target or state.status
    detail: dict[str, Any] = {"from": state.status.value, "to": target.value, "note": note}
    changes: dict[str, Any] = {}
    errors: list[Message] = []
    clear_extension = {"extension_to": None, "extension_reason": "", "extension_since": None}

    def fresh_deadline() -> date | None:
        try:
            return deadline_for(RequestType(state.request_type), today, calendar, deadline_days)
        except (ValueError, KeyError):
            return None

    if action is Action.DISPATCH:
        units = list(parse_units(params.get("units")))
        if not units and params.get("unit"):
            units = [str(params["unit"]), *parse_units(params.get("co_units"))]
        if not units and state.handling_unit:
            units = [state.handling_unit]  # chosen on the form beforehand
        units = list(dict.fromkeys(u.strip() for u in units if u.strip()))
        deadline = _date(params, "deadline")
        if not units:
            errors.append(CHOOSE_UNITS())
        elif known_units is not None:
            unknown = [u for u in units if u not in known_units]
            if unknown:
                errors.append(unknown_units_message(unknown, known_units))
        if isinstance(deadline, str):
            errors.append(DEADLINE_NOT_DATE())
        elif deadline is None:
            deadline = dispatch_deadline(state, today, calendar, deadline_days)
        elif deadline < today:
            errors.append(DEADLINE_PAST(deadline=deadline, today=today))
        if not errors:
            changes.update(handling_unit=units[0], co_units=dump_units(units[1:]), deadline=deadline,
                           **clear_extension)
            detail.update(unit=units[0], co_units=units[1:],
                          deadline=deadline.isoformat() if isinstance(deadline, date) else None)
    elif action in (Action.SIGN, Action.START):
        detail["unit"] = state.handling_unit
    elif action is Action.RETURN:
        reason = _text(params, "reason") or note
        if not reason:
            errors.append(RETURN_REASON())
        changes.update(clear_extension)
        detail.update(unit=state.handling_unit, reason=reason, note=note or reason)
    elif action is Action.REQUEST_EXTENSION:
        reason = _text(params, "reason") or note
        requested = _date(params, "requested_deadline")
        if not reason:
            errors.append(EXTENSION_REASON())
        if not isinstance(requested, date):
            errors.append(EXTENSION_DATE())
        elif state.deadline and requested <= state.deadline:
            errors.append(EXTENSION_NOT_LATER(deadline=state.deadline))
        elif requested < today:
            errors.append(EXTENSION_BEFORE_TODAY(today=today))
        if not errors and isinstance(requested, date):
            changes.update(extension_to=requested, extension_reason=reason, extension_since=today)
            detail.update(unit=state.handling_unit, reason=reason, note=note or reason,
                          requested_deadline=requested.isoformat())
    elif action is Action.DECIDE_EXTENSION:
        approved = params.get("approved")
        reason = _text(params, "reason") or note
        if not isinstance(approved, bool):
            errors.append(DECIDE_CHOOSE())
        elif not approved and not reason:
            errors.append(DECIDE_REASON())
        if not errors and state.extension_to is not None:
            if approved:
                new_deadline = state.extension_to
            elif state.deadline is not None:
                new_deadline = resume_after_pause(state.deadline, paused_since=state.extension_since or today,
                                                  resumed_on=today, calendar=calendar)
            else:
                new_deadline = None
            changes.update(deadline=new_deadline, **clear_extension)
            detail.update(approved=approved, reason=reason, note=note or reason,
                          requested_deadline=state.extension_to.isoformat(),
                          previous_deadline=state.deadline.isoformat() if state.deadline else None,
                          deadline=new_deadline.isoformat() if new_deadline else None)
    elif action is Action.COMPLETE:
        result = _text(params, "result", MAX_RESULT) or state.result
        solved = _text(params, "solved")
        if not result:
            errors.append(RESULT_NEEDED())
        if solved not in SOLVED_VALUES:
            errors.append(SOLVED_NEEDED())
        changes.update(result=result, solved=solved, **clear_extension)
        detail.update(solved=solved, result=result, unit=state.handling_unit)
    elif action is Action.CALLBACK:
        satisfaction = _text(params, "satisfaction")
        if satisfaction not in Satisfaction._value2member_map_:
            errors.append(SATISFACTION_NEEDED())
        changes["satisfaction"] = satisfaction
        detail["satisfaction"] = satisfaction
        if satisfaction == Satisfaction.UNSATISFIED.value:
            if not state.handling_unit:
                # 直接办结 (no unit yet): back to the dispatcher to be dispatched.
                changes.update(status=Status.RETURNED.value, reopen_count=state.reopen_count + 1)
                detail.update(to=Status.RETURNED.value, reopened=True, reopen_count=state.reopen_count + 1)
            else:
                deadline = fresh_deadline()
                changes.update(status=Status.DISPATCHED.value, reopen_count=state.reopen_count + 1,
                               deadline=deadline, solved="")
                detail.update(to=Status.DISPATCHED.value, reopened=True, unit=state.handling_unit,
                              reopen_count=state.reopen_count + 1,
                              deadline=deadline.isoformat() if deadline else None)
    elif action is Action.REOPEN:
        reason = _text(params, "reason") or note
        if not reason:
            errors.append(REOPEN_REASON())
        deadline = fresh_deadline()
        changes.update(reopen_count=state.reopen_count + 1, deadline=deadline, solved="")
        if not state.handling_unit:  # 直接办结 before: back to the dispatcher
            changes["status"] = Status.RETURNED.value
            detail["to"] = Status.RETURNED.value
        detail.update(reason=reason, note=note or reason, unit=state.handling_unit,
                      reopen_count=state.reopen_count + 1,
                      deadline=deadline.isoformat() if deadline else None)
    elif action is Action.ESCALATE:
        level = _text(params, "level")
        if level not in ESCALATION_LEVELS:
            errors.append(LEVEL_NEEDED())
        if not note:
            errors.append(ESCALATION_NOTE())
        changes["escalation_level"] = level
        detail.update(level=level, unit=state.handling_unit)
    elif action is Action.MERGE:
        main_id = _text(params, "main", 36)
        if not main_id:
            errors.append(MAIN_NEEDED())
        elif main_id == state.client_id:
            errors.append(MAIN_IS_SELF())
        elif main is None:
            errors.append(MAIN_MISSING())
        elif main.merged_into:
            errors.append(MAIN_MERGED(number=main.number))
        elif main.status is Status.ARCHIVED:
            errors.append(MAIN_ARCHIVED(number=main.number))
        if not errors and main is not None:
            changes.update(merged_into=main_id, **clear_extension)
            detail.update(main=main_id, main_no=main.number)
    if errors:
        plan.errors = errors
        return plan
    changes.setdefault("status", detail["to"])
    plan.changes = changes
    plan.detail = detail
    return plan


def available_actions(state: TicketState, performer: Performer) -> list[Action]:
    """The actions this user may take on this ticket now (the buttons to enable)."""
    return [action for action in Action if not permission_errors(state, action, performer)]
