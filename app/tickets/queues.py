"""The views each role gets in the window: titled queues (QueueFilter for the queue model) and,
for the admin, the server-side set-up views. The window shows exactly these for the signed-in
user's role; the server refuses what a role may not see or do, so nothing is merely hidden.

    role_views(role, *, username, unit, today, calendar) -> list[RoleView]

``RoleView.filter`` is None for admin views (``key`` names what to open: users, units,
categories, holidays, audit — all through /api/v1/admin and /api/v1/audit).
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from app.domain.calendar import WorkCalendar, due_soon_until
from app.domain.enums import Satisfaction, Status
from app.domain.roles import Role
from app.tickets.queue import OPEN_STATUS_VALUES, QueueFilter
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
               calendar: WorkCalendar) -> list[RoleView]:
    working = (Status.DISPATCHED.value, Status.SIGNED.value, Status.IN_PROGRESS.value)
    open_ = OPEN_STATUS_VALUES
    if role is Role.AGENT:
        return [
            RoleView("my_today", "我今天受理的工单", QueueFilter(
                created_by=username, created_from=_day_start_utc(today), today=today)),
            RoleView("my_callbacks", "待我回访", QueueFilter(
                statuses=(Status.COMPLETED.value,), created_by=username, today=today)),
            RoleView("my_unreached", "未联系上，待再次回访", QueueFilter(
                statuses=(Status.CALLED_BACK.value,), satisfactions=(Satisfaction.UNREACHABLE.value,),
                created_by=username, today=today)),
        ]
    if role is Role.DISPATCHER:
        return [
            RoleView("to_dispatch", "待派单", QueueFilter(statuses=(Status.ACCEPTED.value,), today=today)),
            RoleView("returned", "退单待改派", QueueFilter(statuses=(Status.RETURNED.value,), today=today)),
            RoleView("extensions", "延期申请待审批", QueueFilter(extension_pending=True, today=today)),
            RoleView("duplicates", "疑似重复，待合并", QueueFilter(
                statuses=open_, duplicates=True, exclude_merged=True, today=today)),
        ]
    if role is Role.UNIT:
        soon = due_soon_until(today, calendar)
        return [
            RoleView("to_sign", "待签收", QueueFilter(
                statuses=(Status.DISPATCHED.value,), handling_unit=unit, today=today)),
            RoleView("in_progress", "办理中", QueueFilter(
                statuses=(Status.SIGNED.value, Status.IN_PROGRESS.value), handling_unit=unit, today=today)),
            RoleView("due_soon", "即将到期", QueueFilter(
                statuses=working, handling_unit=unit, due="due_soon", due_soon_until=soon, today=today)),
            RoleView("overdue", "已超期", QueueFilter(
                statuses=working, handling_unit=unit, due="overdue", today=today)),
            RoleView("assisting", "协办", QueueFilter(statuses=open_, co_unit=unit, today=today)),
        ]
    if role is Role.SUPERVISOR:
        return [
            RoleView("overdue", "超期工单", QueueFilter(due="overdue", exclude_merged=True, today=today)),
            RoleView("escalated", "督办中", QueueFilter(statuses=open_, escalated=True, today=today)),
            RoleView("callbacks_due", "待回访", QueueFilter(statuses=(Status.COMPLETED.value,), today=today)),
            RoleView("unsatisfied", "不满意 / 重办", QueueFilter(reopened=True, statuses=open_, today=today)),
            RoleView("extensions", "延期申请", QueueFilter(extension_pending=True, today=today)),
            # "By unit": the queue's handling_unit column sorts and the reports rate units.
            RoleView("by_unit", "按承办单位", QueueFilter(statuses=open_, exclude_merged=True, today=today)),
        ]
    return [RoleView(key, title, None) for key, title in (
        ("users", "用户与角色"), ("units", "承办单位"), ("categories", "分类目录"),
        ("holidays", "节假日与调休"), ("audit", "审计日志"))]
