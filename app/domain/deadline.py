"""The deadline rule: overdue, due soon, paused or on time, for a ticket at one moment, and the
same rule as SQL beside it (queue filters, role tabs and reports select with the SQL form, row
colours and the ticket window use the Python form; a property test keeps the two in step).

The rule, for a ticket at ``today`` on a work calendar:

- no mark: the ticket is closed (not in ``OPEN_STATUSES``) or has no deadline;
- paused: an extension request waits for the dispatcher and was made on or before the deadline
  day; the clock stands still until the answer (a refusal gives the waiting time back,
  ``calendar.resume_after_pause``). A request made after the deadline stops nothing: the
  ticket was already late;
- overdue: the deadline day has passed;
- due soon: at most ``due_soon_days`` working days are left after today (the deadline day
  itself included, and the days off right after the last of them: on a Friday a ticket due on
  Monday is due soon);
- on time otherwise.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

from sqlalchemy import and_, false, or_
from sqlalchemy.sql.elements import ColumnElement

from app.domain.calendar import WorkCalendar
from app.domain.enums import OPEN_STATUS_VALUES
from app.messages import term

DUE_SOON_WORKING_DAYS = 1


class DeadlineMark(StrEnum):
    NONE = ""  # no deadline, or not counted (closed tickets)
    ON_TIME = term("Vocabulary", "正常")
    DUE_SOON = term("Vocabulary", "即将到期")
    OVERDUE = term("Vocabulary", "已超期")
    PAUSED = term("Vocabulary", "计时暂停")


def due_soon_until(today: date, calendar: WorkCalendar, due_soon_days: int = DUE_SOON_WORKING_DAYS) -> date:
    """The last deadline that is due soon today: working days in (today, deadline] are at most
    ``due_soon_days`` exactly when the deadline is in [today, due_soon_until]."""
    last = calendar.add_working_days(today, due_soon_days)
    # Days off right after it are still within the same number of working days.
    while not calendar.is_working_day(last + timedelta(days=1)):
        last += timedelta(days=1)
    return last


def is_paused(deadline: date | None, extension_to: date | None, extension_since: date | None) -> bool:
    """An extension request waits, made on or before the deadline day: the clock stands still."""
    return extension_to is not None and (
        extension_since is None or deadline is None or extension_since <= deadline)


@dataclass(frozen=True)
class DeadlineClock:
    """The rule at one moment: ``today`` on ``calendar`` (weekends only unless given: overdue
    never depends on the calendar, due soon does)."""

    today: date
    calendar: WorkCalendar = field(default_factory=WorkCalendar)
    due_soon_days: int = DUE_SOON_WORKING_DAYS
    due_soon_until: date = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "due_soon_until", due_soon_until(self.today, self.calendar, self.due_soon_days))

    def mark(self, status: str, deadline: date | None, extension_to: date | None = None,
             extension_since: date | None = None) -> DeadlineMark:
        """The ticket's mark (see the module's docstring); ``deadline_condition`` is its SQL."""
        if status not in OPEN_STATUS_VALUES or deadline is None:
            return DeadlineMark.NONE
        if is_paused(deadline, extension_to, extension_since):
            return DeadlineMark.PAUSED
        if deadline < self.today:
            return DeadlineMark.OVERDUE
        if deadline <= self.due_soon_until:
            return DeadlineMark.DUE_SOON
        return DeadlineMark.ON_TIME

    def working_days_left(self, deadline: date) -> int:
        """Working days after today up to ``deadline``: 0 on the deadline day, negative (working
        days late, at least 1) once it has passed."""
        if self.today > deadline:
            return -max(self.calendar.working_days_between(deadline, self.today), 1)
        return self.calendar.working_days_between(self.today, deadline)


class DeadlineColumns(NamedTuple):
    """The columns (or expressions) the SQL form reads, as the caller's query names them."""

    status: ColumnElement[str]
    deadline: ColumnElement[date]
    extension_to: ColumnElement[date]
    extension_since: ColumnElement[date]


def deadline_condition(mark: DeadlineMark, clock: DeadlineClock, c: DeadlineColumns) -> ColumnElement[bool]:
    """SQL that holds exactly for the tickets ``clock.mark`` gives ``mark`` (any dialect).

    A running clock reads ``extension_to IS NULL`` first: with the (status, deadline, ...)
    index SQLite then looks up a ticket's row only when an extension request waits.
    """
    counted = and_(c.status.in_(OPEN_STATUS_VALUES), c.deadline.is_not(None))
    paused = and_(c.extension_to.is_not(None),
                  or_(c.extension_since.is_(None), c.extension_since <= c.deadline))
    running = or_(c.extension_to.is_(None), c.extension_since > c.deadline)
    if mark is DeadlineMark.NONE:
        return or_(c.status.not_in(OPEN_STATUS_VALUES), c.deadline.is_(None))
    if mark is DeadlineMark.PAUSED:
        return and_(counted, paused)
    if mark is DeadlineMark.OVERDUE:
        return and_(counted, c.deadline < clock.today, running)
    if mark is DeadlineMark.DUE_SOON:
        return and_(counted, c.deadline.between(clock.today, clock.due_soon_until), running)
    if mark is DeadlineMark.ON_TIME:
        return and_(counted, c.deadline > clock.due_soon_until, running)
    return false()
