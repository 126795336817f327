"""The views each role gets in the window: titled queues (QueueFilter for the queue model) and,
for the admin, the server-side set-up views. The window shows exactly these for the signed-in
user's role; the server refuses what a role may not see or do, so nothing is merely hidden.

    role_views(role, *, username, unit, today, calendar) -> list[RoleView]

``RoleView.filter`` is None for admin views (``key`` names what to open: users, units,
categories, holidays, audit — all through /api/v1/admin and /api/v1/audit).
"""

from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime, time
from typing import Any

from app.domain.calendar import WorkCalendar
from app.domain.deadline import DeadlineClock
from app.domain.enums import OPEN_STATUS_VALUES, Satisfaction, Status
from app.domain.roles import Role
from app.messages import term
from app.tickets.queue import QueueFilter
from app.tickets.service import LOCAL_TZ


@dataclass(frozen=True)
class RoleView:
    key: str
    title: str
    filter: QueueFilter | None


def _day_start_utc(today: date) -> datetime:
    """Local midnight of ``today`` as naive UTC (the store's time format)."""
    return datetime.combine(today, time(), LOCAL_TZ).astimezone(UTC).replace(tzinfo=None)


def role_views(role: Role, *, username: str, unit: str = "", today: date,
               calendar: WorkCalendar, here: tuple[str, str] | tuple[()] = ()) -> list[RoleView]:
    """``here``: (seat, the seat's agent name) — an agent's calls taken on this seat before
    signing in carry that name and are theirs too (我今天受理的工单 showed 0 after sign-in)."""
    clock = DeadlineClock(today, calendar)
    working = (Status.DISPATCHED.value, Status.SIGNED.value, Status.IN_PROGRESS.value)
    open_ = OPEN_STATUS_VALUES
    if role is Role.AGENT:
        return [
            RoleView("my_today", term("RoleViews", "我今天受理的工单"), QueueFilter(
                created_by=username, also_taken_here_as=here, created_from=_day_start_utc(today),
                clock=clock)),
            RoleView("my_callbacks", term("RoleViews", "待我回访"), QueueFilter(
                statuses=(Status.COMPLETED.value,), created_by=username, also_taken_here_as=here,
                clock=clock)),
            RoleView("my_unreached", term("RoleViews", "未联系上，待再次回访"), QueueFilter(
                statuses=(Status.CALLED_BACK.value,), satisfactions=(Satisfaction.UNREACHABLE.value,),
                created_by=username, also_taken_here_as=here, clock=clock)),
        ]
    if role is Role.DISPATCHER:
        return [
            RoleView("to_dispatch", term("RoleViews", "待派单"), QueueFilter(
                statuses=(Status.ACCEPTED.value,), clock=clock)),
            RoleView("returned", term("RoleViews", "退单待改派"), QueueFilter(
                statuses=(Status.RETURNED.value,), clock=clock)),
            RoleView("extensions", term("RoleViews", "延期申请待审批"), QueueFilter(
                extension_pending=True, clock=clock)),
            RoleView("duplicates", term("RoleViews", "疑似重复，待合并"), QueueFilter(
                statuses=open_, duplicates=True, exclude_merged=True, clock=clock)),
        ]
    if role is Role.UNIT:
        return [
            RoleView("to_sign", term("RoleViews", "待签收"), QueueFilter(
                statuses=(Status.DISPATCHED.value,), handling_unit=unit, clock=clock)),
            RoleView("in_progress", term("RoleViews", "办理中"), QueueFilter(
                statuses=(Status.SIGNED.value, Status.IN_PROGRESS.value), handling_unit=unit, clock=clock)),
            RoleView("due_soon", term("RoleViews", "即将到期"), QueueFilter(
                statuses=working, handling_unit=unit, due="due_soon", clock=clock)),
            RoleView("overdue", term("RoleViews", "已超期"), QueueFilter(
                statuses=working, handling_unit=unit, due="overdue", clock=clock)),
            RoleView("assisting", term("RoleViews", "协办"), QueueFilter(
                statuses=open_, co_unit=unit, clock=clock)),
        ]
    if role is Role.SUPERVISOR:
        return [
            RoleView("overdue", term("RoleViews", "超期工单"), QueueFilter(
                due="overdue", exclude_merged=True, clock=clock)),
            RoleView("escalated", term("RoleViews", "督办中"), QueueFilter(
                statuses=open_, escalated=True, clock=clock)),
            RoleView("callbacks_due", term("RoleViews", "待回访"), QueueFilter(
                statuses=(Status.COMPLETED.value,), clock=clock)),
            RoleView("unsatisfied", term("RoleViews", "不满意 / 重办"), QueueFilter(
                reopened=True, statuses=open_, clock=clock)),
            RoleView("extensions", term("RoleViews", "延期申请"), QueueFilter(
                extension_pending=True, clock=clock)),
            # "By unit": the queue's handling_unit column sorts and the reports rate units.
            RoleView("by_unit", term("RoleViews", "按承办单位"), QueueFilter(
                statuses=open_, exclude_merged=True, clock=clock)),
        ]
    return [RoleView(key, title, None) for key, title in (
        ("users", term("RoleViews", "用户与角色")), ("units", term("RoleViews", "承办单位")),
        ("categories", term("RoleViews", "分类目录")), ("holidays", term("RoleViews", "节假日与调休")),
        ("audit", term("RoleViews", "审计日志")))]


def _both(view: tuple[str, ...], user: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    """The values both allow (an empty tuple allows all); True when none is left."""
    if not view or not user:
        return view or user, False
    kept = tuple(v for v in view if v in user)
    return kept, not kept


def narrow(view: QueueFilter, user: QueueFilter) -> QueueFilter:
    """The tickets of ``view`` that also match ``user`` (the queue's own pickers, search and
    period) at the user's moment (``user.clock``): every condition of both holds. Two
    conditions that cannot both hold (status 办结 picked in 待派单, two different units) give
    ``match_nothing``."""
    values: dict[str, Any] = {}
    nothing = view.match_nothing or user.match_nothing
    for f in fields(QueueFilter):
        a, b = getattr(view, f.name), getattr(user, f.name)
        if f.name in ("clock", "match_nothing"):
            continue
        if f.name == "search":
            values[f.name] = " ".join(t for t in (a.strip(), b.strip()) if t)
        elif f.name == "created_from":
            values[f.name] = max((d for d in (a, b) if d is not None), default=None)
        elif f.name == "created_to":
            values[f.name] = min((d for d in (a, b) if d is not None), default=None)
        elif isinstance(a, bool):
            values[f.name] = a or b
        elif isinstance(a, tuple):
            values[f.name], empty = _both(a, b)
            nothing = nothing or empty
        else:  # one value each (a unit, a district, due): both set and different → nothing
            nothing = nothing or bool(a and b and a != b)
            values[f.name] = a or b
    return replace(user, **values, match_nothing=nothing)
