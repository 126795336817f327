"""Working days: weekends and public holidays are off, make-up working days (调休) are on."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta, timezone

from app.domain.enums import RequestType

# The city keeps China Standard Time; "today", deadlines and local numbers are counted in it
# (seat and center alike: the one definition of the offset).
LOCAL_TZ = timezone(timedelta(hours=8), "Asia/Shanghai")

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


# While an extension request waits for the dispatcher a ticket's clock stands still (the rule:
# app.domain.deadline); a refusal gives every working day waited back.


def paused_working_days(paused_since: date | None, today: date, calendar: WorkCalendar) -> int:
    """Working days in (paused_since, today]: how long an extension request has waited."""
    if paused_since is None or today <= paused_since:
        return 0
    return calendar.working_days_between(paused_since, today)


def resume_after_pause(
    deadline: date, *, paused_since: date, resumed_on: date, calendar: WorkCalendar
) -> date:
    """The deadline after a refused extension: the waiting time is given back."""
    return calendar.add_working_days(deadline, paused_working_days(paused_since, resumed_on, calendar))
