"""The deadline rule on a table of dates: weekends, the 2025/2026 holidays, make-up working days
(调休) and pauses while an extension request waits."""

from datetime import date

import pytest

from app.domain.calendar import resume_after_pause
from app.domain.deadline import DeadlineClock, DeadlineMark, due_soon_until
from app.reference import REFERENCE_DIR, load_calendar
from app.store.models import Ticket
from app.tickets.lifecycle import deadline_info

CALENDAR = load_calendar(REFERENCE_DIR / "holidays.csv")
D = date.fromisoformat


@pytest.mark.parametrize(("start", "days", "expected", "why"), [
    ("2026-03-06", 1, "2026-03-09", "Friday + 1 skips the weekend"),
    ("2026-03-06", 3, "2026-03-11", "plain week"),
    ("2025-01-24", 1, "2025-01-26", "Sunday 2025-01-26 is a make-up working day (春节)"),
    ("2025-01-27", 1, "2025-02-05", "春节 2025-01-28..02-04 off"),
    ("2025-09-30", 3, "2025-10-11", "国庆 off to 10-08, Saturday 10-11 worked"),
    ("2025-12-31", 1, "2026-01-04", "元旦 2026-01-01..03 off, Sunday 01-04 worked"),
    ("2026-02-13", 1, "2026-02-14", "Saturday 2026-02-14 is a make-up working day"),
    ("2026-02-13", 2, "2026-02-24", "then 春节 2026-02-15..23 off"),
    ("2026-09-18", 13, "2026-10-13", "a 投诉's 13 days across 中秋, 国庆 and two make-up days"),
])
def test_add_working_days(start: str, days: int, expected: str, why: str) -> None:
    assert CALENDAR.add_working_days(D(start), days) == D(expected), why


def _ticket(deadline: str | None, since: str | None = None, status: str = "办理") -> Ticket:
    return Ticket(status=status, deadline=D(deadline) if deadline else None,
                  extension_to=D("2026-12-31") if since else None, extension_since=D(since) if since else None)


@pytest.mark.parametrize(("today", "deadline", "since", "mark", "left"), [
    ("2026-03-09", "2026-03-09", None, DeadlineMark.DUE_SOON, 0),  # the deadline day itself
    ("2026-03-09", "2026-03-10", None, DeadlineMark.DUE_SOON, 1),
    ("2026-03-09", "2026-03-11", None, DeadlineMark.ON_TIME, 2),
    ("2026-03-10", "2026-03-09", None, DeadlineMark.OVERDUE, -1),
    ("2026-03-13", "2026-03-09", None, DeadlineMark.OVERDUE, -4),
    ("2026-03-06", "2026-03-09", None, DeadlineMark.DUE_SOON, 1),  # Friday, due Monday
    ("2026-03-06", "2026-03-08", None, DeadlineMark.DUE_SOON, 0),  # due on a Sunday
    ("2026-03-09", "2026-03-08", None, DeadlineMark.OVERDUE, -1),  # Sunday passed
    ("2026-02-13", "2026-02-24", None, DeadlineMark.ON_TIME, 2),  # make-up Saturday + Tuesday
    ("2026-02-14", "2026-02-24", None, DeadlineMark.DUE_SOON, 1),  # nine days of 春节 between
    ("2026-02-25", "2026-02-24", None, DeadlineMark.OVERDUE, -1),
    # A request made in time stops the clock: past the deadline, still the 2 days it had left.
    ("2026-03-11", "2026-03-09", "2026-03-05", DeadlineMark.PAUSED, 2),
    ("2026-03-11", "2026-03-09", None, DeadlineMark.OVERDUE, -2),
    ("2026-03-14", "2026-03-12", "2026-03-12", DeadlineMark.PAUSED, 0),  # asked on the last day
    # Asked after the deadline: the ticket was late already, the wait excuses nothing.
    ("2026-03-13", "2026-03-09", "2026-03-10", DeadlineMark.OVERDUE, -4),
    ("2026-10-09", "2026-09-30", "2026-09-29", DeadlineMark.PAUSED, 1),  # paused across 国庆
])
def test_deadline_marks(today: str, deadline: str, since: str | None, mark: DeadlineMark, left: int) -> None:
    clock = DeadlineClock(D(today), CALENDAR)
    ticket = _ticket(deadline, since)
    assert clock.mark(ticket.status, ticket.deadline, ticket.extension_to, ticket.extension_since) is mark
    info = deadline_info(ticket, clock=clock)
    assert (info.mark, info.days_left, info.paused) == (mark, left, mark is DeadlineMark.PAUSED)


def test_no_deadline_or_a_closed_ticket_has_no_mark() -> None:
    clock = DeadlineClock(D("2026-03-09"), CALENDAR)
    assert clock.mark("办理", None) is DeadlineMark.NONE
    assert clock.mark("办结", D("2026-03-01")) is DeadlineMark.NONE
    assert deadline_info(_ticket("2026-03-01", status="归档"), clock=clock).days_left is None


@pytest.mark.parametrize(("today", "until"), [
    ("2026-03-06", "2026-03-09"),  # Friday: Monday's deadlines are due soon
    ("2026-03-05", "2026-03-08"),  # Thursday: Friday and the weekend after it
    ("2026-02-13", "2026-02-23"),  # make-up Saturday, then 春节 to 02-23
])
def test_due_soon_until_for_queue_filters(today: str, until: str) -> None:
    assert due_soon_until(D(today), CALENDAR) == D(until)
    assert DeadlineClock(D(today), CALENDAR).due_soon_until == D(until)


def test_a_paused_ticket_shows_the_deadline_a_refusal_would_give_today() -> None:
    clock = DeadlineClock(D("2026-03-11"), CALENDAR)
    # Asked on Thursday 03-05 with the deadline Monday 03-09; waited 03-06, 03-09, 03-10, 03-11.
    assert deadline_info(_ticket("2026-03-09", "2026-03-05"), clock=clock).effective == D("2026-03-13")
    assert resume_after_pause(D("2026-03-09"), paused_since=D("2026-03-05"), resumed_on=D("2026-03-06"),
                              calendar=CALENDAR) == D("2026-03-10")
    assert resume_after_pause(D("2026-02-12"), paused_since=D("2026-02-12"), resumed_on=D("2026-02-24"),
                              calendar=CALENDAR) == D("2026-02-24")  # waited 02-13, 02-14 (班), 02-24: 3 more
