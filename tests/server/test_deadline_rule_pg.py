"""The deadline rule's SQL form on the center's PostgreSQL selects what the Python form marks
(dates are typed there, text in the seat's SQLite)."""

from hypothesis import HealthCheck, given, settings

from app.domain.deadline import DeadlineClock, DeadlineMark
from server.db import Database
from server.tickets.models import Ticket
from tests.core.test_deadline_rule_sql import (
    TicketSpec,
    clocks,
    insert_tickets,
    marks,
    selected,
    tickets,
)


@given(clock=clocks, specs=tickets)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_sql_form_selects_what_the_rule_marks_on_postgresql(
        pg_database: Database, clock: DeadlineClock, specs: list[TicketSpec]) -> None:
    table = Ticket.__table__
    with pg_database.write_engine.connect() as conn, conn.begin() as transaction:
        # Other tests share this database: these tickets live only inside this transaction.
        insert_tickets(conn, table, specs, lambda n: {"official_no": f"SQ{n}", "change_seq": n})
        expected = marks(clock, specs)
        for mark in DeadlineMark:
            assert selected(conn, table, mark, clock) == {n for n, m in expected.items() if m is mark}, mark
        transaction.rollback()
