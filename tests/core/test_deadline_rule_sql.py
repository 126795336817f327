"""The deadline rule's two forms agree: for random tickets, calendars (holidays, make-up days)
and moments, the SQL form selects in the seat's store exactly the tickets the Python form marks,
through the queue's filters and the reports' overdue count as the window uses them."""

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, delete, insert, select

from app.domain.calendar import WorkCalendar
from app.domain.deadline import DeadlineClock, DeadlineColumns, DeadlineMark, deadline_condition
from app.domain.enums import Status
from app.reports.period import Period
from app.reports.queries import overdue_count
from app.store.db import Store
from app.store.models import Ticket
from app.store.unlock import open_store
from app.tickets import queue
from app.tickets.queue import QueueFilter, QueueSort

DAY0 = date(2026, 1, 1)
FRIDAY, MONDAY = date(2026, 3, 6), date(2026, 3, 9)
days = st.integers(0, 100).map(lambda n: DAY0 + timedelta(days=n))
calendars = st.builds(WorkCalendar.from_days, st.sets(days, max_size=20), st.sets(days, max_size=6))
# (status, deadline, extension requested to, requested on).
TicketSpec = tuple[str, date | None, date | None, date | None]


@st.composite
def ticket_specs(draw: st.DrawFn) -> TicketSpec:
    status = draw(st.sampled_from([s.value for s in Status]))
    deadline = draw(st.none() | days)
    requested_to = draw(st.none() | days)
    # Requests made around the deadline day (before, on, after it) more often than by chance.
    near = st.integers(-3, 3).map(lambda n: (deadline or DAY0) + timedelta(days=n))
    return status, deadline, requested_to, draw(st.none() | near | days)


tickets = st.lists(ticket_specs(), max_size=20)
clocks = st.builds(DeadlineClock, days, calendars, st.integers(0, 3))


def marks(clock: DeadlineClock, specs: list[TicketSpec]) -> dict[int, DeadlineMark]:
    return {n: clock.mark(*spec) for n, spec in enumerate(specs, start=1)}


def insert_tickets(conn: Connection, table: Any, specs: list[TicketSpec],
                   side_columns: Callable[[int], dict[str, Any]]) -> None:
    """Replace the table's tickets by these (ids from 1); ``side_columns`` fills what one side
    requires of ticket ``n``."""
    conn.execute(delete(table))
    now = datetime(2026, 1, 1, 2)
    if specs:
        conn.execute(insert(table), [dict(
            id=n, client_id=f"c{n}", local_no=f"L{n}", channel="电话", request_type="投诉", title="t",
            description="d", urgency="一般", status=status, deadline=deadline, extension_to=to,
            extension_since=since, created_at=now, updated_at=now, **side_columns(n))
            for n, (status, deadline, to, since) in enumerate(specs, start=1)])


def selected(conn: Connection, table: Any, mark: DeadlineMark, clock: DeadlineClock) -> set[int]:
    c = table.c
    columns = DeadlineColumns(c.status, c.deadline, c.extension_to, c.extension_since)
    return set(conn.scalars(select(c.id).where(deadline_condition(mark, clock, columns))))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with open_store(Path(tmp_path_factory.mktemp("deadline-rule"))) as opened:
        yield opened


@given(clock=clocks, specs=tickets)
@example(clock=DeadlineClock(FRIDAY), specs=[("办理", MONDAY, None, None)])  # Friday → Monday: due soon
@example(clock=DeadlineClock(MONDAY + timedelta(days=3)),  # paused past its deadline, asked in time
         specs=[("签收", MONDAY, MONDAY + timedelta(days=20), MONDAY - timedelta(days=1)),
                ("签收", MONDAY, MONDAY + timedelta(days=20), MONDAY + timedelta(days=1))])
@example(clock=DeadlineClock(date(2026, 2, 13), WorkCalendar.from_days(  # 春节 after a make-up Saturday
    [date(2026, 2, 15) + timedelta(days=n) for n in range(9)], [date(2026, 2, 14)])),
    specs=[("派单", date(2026, 2, 23), None, None), ("派单", date(2026, 2, 24), None, None)])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_sql_form_selects_what_the_rule_marks(store: Store, clock: DeadlineClock,
                                                 specs: list[TicketSpec]) -> None:
    table = Ticket.__table__
    with store.engine.begin() as conn:
        insert_tickets(conn, table, specs, lambda n: {"created_seat": "S01", "created_by": "agent"})
    expected = marks(clock, specs)
    with store.engine.connect() as conn:
        for mark in DeadlineMark:
            assert selected(conn, table, mark, clock) == {n for n, m in expected.items() if m is mark}, mark
        everything = Period(date(2025, 12, 1), date(2026, 1, 31))
        assert overdue_count(conn, everything, as_of=clock.today) == sum(
            m is DeadlineMark.OVERDUE for m in expected.values())
    # The queue's filters (role tabs and the due picker) on the raw connection the queue uses.
    with store.raw_connection() as connection:
        for due, mark in (("overdue", DeadlineMark.OVERDUE), ("due_soon", DeadlineMark.DUE_SOON)):
            found = queue.ids_page(connection, QueueFilter(due=due, clock=clock), QueueSort(), 0, 100)
            assert set(found) == {n for n, m in expected.items() if m is mark}, due
            assert queue.count(connection, QueueFilter(due=due, clock=clock)) == len(found)
