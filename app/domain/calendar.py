"""Working days: weekends and public holidays are off, make-up working days (调休) are on."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from app.domain.enums import RequestType

# Working days allowed per request type (咨询/求助 3, 投诉/举报/建议 13); configurable in settings.
DEFAULT_DEADLINE_DAYS: Mapping[RequestType, int] = {
    RequestType.CONSULT: 3,
    RequestType.HELP: 3,
    RequestType.COMPLAINT: 13,
    RequestType.REPORT: 13,
    RequestType.SUGGESTION: 13,
    RequestType.PRAISE: 3,
    RequestType.OTHER: 13,
}


@dataclass(frozen=True)
class WorkCalendar:
    holidays: frozenset[date] = field(default_factory=frozenset)
    makeup_workdays: frozenset[date] = field(default_factory=frozenset)

    @classmethod
    def from_days(cls, holidays: Iterable[date], makeup_workdays: Iterable[date]) -> "WorkCalendar":
        return cls(frozenset(holidays), frozenset(makeup_workdays))

    def is_working_day(self, day: date) -> bool:
        if day in self.makeup_workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def add_working_days(self, start: date, days: int) -> date:
        """The date ``days`` working days after ``start``; the day of acceptance does not count."""
        if days < 0:
            raise ValueError("days must not be negative")
        current = start
        remaining = days
        while remaining:
            current += timedelta(days=1)
            if self.is_working_day(current):
                remaining -= 1
        return current

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative when end is before start."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(
            self.is_working_day(start + timedelta(days=i)) for i in range(1, (end - start).days + 1)
        )


def deadline_for(
    request_type: RequestType,
    accepted_on: date,
    calendar: WorkCalendar,
    days_by_type: Mapping[RequestType, int] = DEFAULT_DEADLINE_DAYS,
) -> date:
    """The last day on which a ticket accepted on ``accepted_on`` is still on time."""
    return calendar.add_working_days(accepted_on, days_by_type[request_type])


# ----------------------------------------------------------------------------- the clock
#
# A ticket's clock counts working days up to its deadline (the last day on which it is on
# time). While an extension request waits for the dispatcher the clock stands still: every
# working day the request waits moves the effective deadline one working day later. Marks:
# overdue once the effective deadline has passed, due soon on its last DUE_SOON_WORKING_DAYS
# working days (the deadline day included), on time before that.

DUE_SOON_WORKING_DAYS = 1


class DeadlineMark(StrEnum):
    NONE = ""  # no deadline, or not counted (closed tickets)
    ON_TIME = "正常"
    DUE_SOON = "即将到期"
    OVERDUE = "已超期"


def paused_working_days(paused_since: date | None, today: date, calendar: WorkCalendar) -> int:
    """Working days in (paused_since, today]: how long an extension request has waited."""
    if paused_since is None or today <= paused_since:
        return 0
    return calendar.working_days_between(paused_since, today)


def effective_deadline(
    deadline: date, *, today: date, calendar: WorkCalendar, paused_since: date | None = None
) -> date:
    """The deadline with the pause of a waiting extension request added."""
    paused = paused_working_days(paused_since, today, calendar)
    return calendar.add_working_days(deadline, paused) if paused else deadline


def working_days_left(
    deadline: date, *, today: date, calendar: WorkCalendar, paused_since: date | None = None
) -> int:
    """Working days after today up to the (effective) deadline: 0 on the deadline day, negative
    (working days late, at least 1) once overdue."""
    end = effective_deadline(deadline, today=today, calendar=calendar, paused_since=paused_since)
    if today > end:
        return -max(calendar.working_days_between(end, today), 1)
    return calendar.working_days_between(today, end)


def deadline_mark(
    deadline: date | None, *, today: date, calendar: WorkCalendar,
    paused_since: date | None = None, due_soon_days: int = DUE_SOON_WORKING_DAYS,
) -> DeadlineMark:
    """Overdue / due soon / on time for an open ticket (the caller skips closed ones)."""
    if deadline is None:
        return DeadlineMark.NONE
    left = working_days_left(deadline, today=today, calendar=calendar, paused_since=paused_since)
    if left < 0:
        return DeadlineMark.OVERDUE
    return DeadlineMark.DUE_SOON if left <= due_soon_days else DeadlineMark.ON_TIME


def due_soon_until(today: date, calendar: WorkCalendar, due_soon_days: int = DUE_SOON_WORKING_DAYS) -> date:
    """The last deadline that is due soon today, for queue filters in SQL: a deadline in
    [today, due_soon_until] is due soon, one before today overdue (pauses not counted)."""
    last = calendar.add_working_days(today, due_soon_days)
    # Days off right after it are still within the same number of working days.
    while not calendar.is_working_day(last + timedelta(days=1)):
        last += timedelta(days=1)
    return last


def resume_after_pause(
    deadline: date, *, paused_since: date, resumed_on: date, calendar: WorkCalendar
) -> date:
    """The deadline after a refused extension: the waiting time is given back."""
    return calendar.add_working_days(deadline, paused_working_days(paused_since, resumed_on, calendar))
