"""Working days and deadlines with China's 2025/2026 holidays and make-up working days (调休)."""

from datetime import date

import pytest

from app.domain.calendar import DEFAULT_DEADLINE_DAYS, WorkCalendar, deadline_for
from app.domain.enums import RequestType
from app.reference import ReferenceData


@pytest.fixture
def calendar(reference: ReferenceData) -> WorkCalendar:
    return reference.calendar


def test_plain_weekends_are_skipped() -> None:
    plain = WorkCalendar()
    friday = date(2026, 3, 13)
    assert plain.add_working_days(friday, 1) == date(2026, 3, 16)  # Monday
    assert plain.add_working_days(friday, 0) == friday
    assert plain.working_days_between(friday, date(2026, 3, 20)) == 5
    assert plain.working_days_between(date(2026, 3, 20), friday) == -5


def test_negative_days_are_refused() -> None:
    with pytest.raises(ValueError):
        WorkCalendar().add_working_days(date(2026, 3, 13), -1)


@pytest.mark.parametrize(("day", "working"), [
    (date(2026, 2, 14), True),    # Saturday, make-up day before the Spring Festival
    (date(2026, 2, 16), False),   # Monday in the Spring Festival week
    (date(2026, 2, 23), False),   # the last day off
    (date(2026, 2, 24), True),
    (date(2026, 2, 28), True),    # Saturday, make-up day after
    (date(2026, 10, 1), False),
    (date(2026, 10, 8), True),    # Thursday after the 10-01..10-07 holiday
    (date(2026, 10, 10), True),   # Saturday make-up day
    (date(2026, 9, 20), True),    # Sunday make-up day
    (date(2025, 1, 26), True),
    (date(2025, 10, 8), False),
    (date(2025, 10, 11), True),
    (date(2026, 1, 4), True),     # Sunday make-up day after New Year
])
def test_holidays_and_makeup_days(calendar: WorkCalendar, day: date, working: bool) -> None:
    assert calendar.is_working_day(day) is working


def test_spring_festival_2026_week_counts_nothing(calendar: WorkCalendar) -> None:
    # Accepted Friday 2026-02-13: 14 (Sat, make-up) is day 1, then 15-23 off, 24 is day 2.
    assert calendar.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 14)
    assert calendar.add_working_days(date(2026, 2, 13), 3) == date(2026, 2, 25)
    assert calendar.working_days_between(date(2026, 2, 14), date(2026, 2, 23)) == 0


def test_national_day_2025(calendar: WorkCalendar) -> None:
    # Accepted Tuesday 2025-09-30: 10-01..10-08 off, 10-09 (Thu), 10-10 (Fri), 10-11 (Sat, 班).
    assert calendar.add_working_days(date(2025, 9, 30), 3) == date(2025, 10, 11)


@pytest.mark.parametrize(("request_type", "days"), [
    (RequestType.CONSULT, 3), (RequestType.HELP, 3), (RequestType.COMPLAINT, 13),
    (RequestType.REPORT, 13), (RequestType.SUGGESTION, 13),
])
def test_deadline_by_request_type(calendar: WorkCalendar, request_type: RequestType, days: int) -> None:
    assert DEFAULT_DEADLINE_DAYS[request_type] == days
    accepted = date(2026, 3, 2)  # an ordinary Monday in March
    deadline = deadline_for(request_type, accepted, calendar)
    assert calendar.working_days_between(accepted, deadline) == days
    assert calendar.is_working_day(deadline)


def test_complaint_accepted_before_national_day_2026(calendar: WorkCalendar) -> None:
    # 09-29 (Tue) accepted; 09-30 is day 1; 10-01..07 off; 10-08, 09 days 2-3; 10-10 (Sat 班) 4;
    # 10-12..16 days 5-9; 10-19..22 days 10-13.
    assert deadline_for(RequestType.COMPLAINT, date(2026, 9, 29), calendar) == date(2026, 10, 22)


def test_configured_days_replace_the_defaults(calendar: WorkCalendar) -> None:
    days = {**DEFAULT_DEADLINE_DAYS, RequestType.CONSULT: 1}
    assert deadline_for(RequestType.CONSULT, date(2026, 3, 6), calendar, days) == date(2026, 3, 9)
