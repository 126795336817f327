"""Report queries: GROUP BY aggregates over the ``tickets`` and ``ticket_events`` tables.

Every function takes an open SQLAlchemy ``Connection`` (the seat's SQLite store or the server's
database) and a ``Period`` of local dates; nothing here commits or writes.

A valid ticket (有效事件) is one accepted (created_at) in the period that has no ticket event of an
invalidating kind (``INVALIDATING_KINDS``: 合并 = merged as a duplicate, 作废 = voided as a test or
prank). A returned ticket (退单) stays valid: the citizen's request still exists and is redispatched.
"""

from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Select, and_, case, func, select
from sqlalchemy.sql.elements import ColumnElement

from app.domain.deadline import DeadlineClock, DeadlineColumns, DeadlineMark, deadline_condition
from app.domain.enums import Satisfaction, Status
from app.reports.data import (
    INVALIDATING_KINDS,
    UNFILLED,
    CountRow,
    DayCount,
    Dimension,
    ShareBase,
    TicketLine,
    Totals,
    share,
)
from app.reports.period import Period
from app.reports.schema import json_text, local_day, ticket_events, tickets

T = tickets.c
E = ticket_events.c

DONE_STATUSES = (Status.COMPLETED.value, Status.CALLED_BACK.value, Status.ARCHIVED.value)


def in_period(period: Period) -> ColumnElement[bool]:
    start, stop = period.utc_bounds()
    return and_(T.created_at >= start, T.created_at < stop)


def invalid_ids() -> Select[Any]:
    return select(E.ticket_id).where(E.kind.in_(INVALIDATING_KINDS))


def valid_in_period(period: Period) -> ColumnElement[bool]:
    return and_(in_period(period), T.id.not_in(invalid_ids()))


def as_date(value: object) -> date | None:
    """Dates come back as ``date`` (PostgreSQL) or ISO text (SQLite)."""
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(str(value)[:10])


def as_datetime(value: object) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def totals(conn: Connection, period: Period) -> Totals:
    row = conn.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((T.id.in_(invalid_ids()), 0), else_=1)), 0),
        ).where(in_period(period))
    ).one()
    return Totals(valid=int(row[1]), received=int(row[0]))


def share_base(total: Totals, base: ShareBase) -> int:
    return total.received if base is ShareBase.RECEIVED else total.valid


def counts_by(
    conn: Connection, period: Period, dimension: Dimension, *, base: int, limit: int | None = None
) -> list[CountRow]:
    """Valid tickets per value of ``dimension``, largest first, shares of ``base``."""
    col = T[dimension.value]
    n = func.count().label("n")
    query = select(col, n).where(valid_in_period(period)).group_by(col).order_by(n.desc(), col)
    if limit is not None:
        query = query.limit(limit)
    return [
        CountRow(label=str(value) if value else UNFILLED, count=int(count), share=share(int(count), base))
        for value, count in conn.execute(query)
    ]


def daily_trend(conn: Connection, period: Period) -> list[DayCount]:
    """Valid tickets per local day; days without tickets count 0."""
    day = local_day(conn.dialect.name, T.created_at).label("day")
    rows = conn.execute(select(day, func.count()).where(valid_in_period(period)).group_by(day))
    by_day = {as_date(d): int(n) for d, n in rows}
    return [DayCount(d, by_day.get(d, 0)) for d in period.days()]


def _urgency_rank() -> ColumnElement[int]:
    return case((T.urgency == "特急", 0), (T.urgency == "紧急", 1), else_=2)


def _line(row: Any, **extra: Any) -> TicketLine:
    return TicketLine(
        ticket_id=int(row.id),
        number=str(row.official_no or row.local_no),
        title=str(row.title),
        unit=str(row.handling_unit or ""),
        status=str(row.status),
        created_at=as_datetime(row.created_at),
        deadline=as_date(row.deadline),
        result=str(row.result or ""),
        **extra,
    )


_LINE_COLUMNS = (
    T.id, T.local_no, T.official_no, T.title, T.handling_unit, T.status, T.created_at,
    T.deadline, T.result,
)


def satisfied_examples(conn: Connection, period: Period, limit: int = 3) -> list[TicketLine]:
    """Tickets handled to the caller's full satisfaction, with a unit and a written result.

    Urgent ones first (a burst pipe fixed tells more than an answered question), then by time.
    """
    query = (
        select(*_LINE_COLUMNS)
        .where(
            valid_in_period(period),
            T.satisfaction == Satisfaction.SATISFIED.value,
            T.status.in_(DONE_STATUSES),
            T.result != "",
            T.handling_unit != "",
        )
        .order_by(_urgency_rank(), T.created_at, T.id)
        .limit(limit)
    )
    return [_line(row) for row in conn.execute(query)]


def _overdue(period: Period, as_of: date) -> ColumnElement[bool]:
    # The deadline is wrapped so the planner walks the period (created_at index, ~2k rows a day)
    # rather than every ticket whose deadline has passed (half the store).
    columns = DeadlineColumns(T.status, func.coalesce(T.deadline, as_of), T.extension_to, T.extension_since)
    return and_(valid_in_period(period),
                deadline_condition(DeadlineMark.OVERDUE, DeadlineClock(as_of), columns))


def overdue_count(conn: Connection, period: Period, *, as_of: date) -> int:
    return int(conn.execute(select(func.count()).where(_overdue(period, as_of))).scalar_one())


def escalated_count(conn: Connection, period: Period) -> int:
    query = select(func.count(func.distinct(E.ticket_id))).where(
        E.kind == "督办", E.ticket_id.in_(select(T.id).where(valid_in_period(period)))
    )
    return int(conn.execute(query).scalar_one())


def overdue_tickets(conn: Connection, period: Period, *, as_of: date, limit: int = 500) -> list[TicketLine]:
    """Tickets of the period still open after their deadline (as of ``as_of``), oldest deadline first."""
    query = (
        select(*_LINE_COLUMNS)
        .where(_overdue(period, as_of))
        .order_by(T.deadline, T.id)
        .limit(limit)
    )
    lines = []
    for row in conn.execute(query):
        deadline = as_date(row.deadline)
        lines.append(_line(row, overdue_days=(as_of - deadline).days if deadline else 0))
    return lines


def escalated_tickets(conn: Connection, period: Period, *, limit: int = 500) -> list[TicketLine]:
    """Tickets of the period with at least one 督办 event, most escalated first."""
    dialect = conn.dialect.name
    esc = (
        select(
            E.ticket_id.label("ticket_id"),
            func.count().label("times"),
            func.max(E.id).label("last_id"),
        )
        .where(E.kind == "督办", E.ticket_id.in_(select(T.id).where(valid_in_period(period))))
        .group_by(E.ticket_id)
        .subquery()
    )
    last = ticket_events.alias("last_escalation")
    query = (
        select(*_LINE_COLUMNS, esc.c.times, json_text(dialect, last.c.detail, "note").label("note"))
        .select_from(tickets.join(esc, esc.c.ticket_id == T.id).join(last, last.c.id == esc.c.last_id))
        .order_by(esc.c.times.desc(), T.created_at, T.id)
        .limit(limit)
    )
    return [
        _line(row, escalations=int(row.times), note=str(row.note or "")) for row in conn.execute(query)
    ]

