"""The two tables reports read, as SQLAlchemy Core copies of the seat's models (the tickets'
columns are the shape the center shares, ``app.ticket_shape``), and the dialect helpers that let
the same queries run on SQLite and PostgreSQL.

Dialect differences (local day of a timestamp, hours between two timestamps, a key of a JSON text)
are kept in the three helpers below.
"""

from typing import Any
from typing import cast as type_cast

from sqlalchemy import JSON, Date, Table, TableClause, cast, column, func, table, text
from sqlalchemy.sql.elements import ColumnElement

from app.store.models import Ticket, TicketEvent
from app.sync.protocol import CALLER_FIELDS
from app.tickets.service import LOCAL_TZ


def _read_only_copy(model: type[Any], *, leave_out: tuple[str, ...] = ()) -> TableClause:
    """The columns of a store table as its model declares them, bar ``leave_out``."""
    table_ = type_cast(Table, model.__table__)
    return table(table_.name, *(column(c.name, c.type) for c in table_.columns if c.name not in leave_out))


# The caller's identity is not even a column here: no report can read it.
tickets = _read_only_copy(Ticket, leave_out=CALLER_FIELDS)
ticket_events = _read_only_copy(TicketEvent)

_OFFSET_HOURS = int((LOCAL_TZ.utcoffset(None).total_seconds()) // 3600)


def local_day(dialect: str, moment: ColumnElement[object]) -> ColumnElement[object]:
    """The local (UTC+8) calendar date of a naive-UTC timestamp column."""
    if dialect == "sqlite":
        return func.date(moment, f"{_OFFSET_HOURS:+d} hours")
    return cast(moment + text(f"INTERVAL '{_OFFSET_HOURS} hours'"), Date)


def seconds_between(
    dialect: str, start: ColumnElement[Any], end: ColumnElement[Any]
) -> ColumnElement[Any]:
    """``end - start`` in whole seconds (julianday's float error rounded away)."""
    if dialect == "sqlite":
        return func.round((func.julianday(end) - func.julianday(start)) * 86400.0)
    return func.round(func.extract("epoch", end - start))


def json_text(dialect: str, document: ColumnElement[object], key: str) -> ColumnElement[str]:
    """One top-level key of a JSON document stored as text, as text (NULL when absent)."""
    if dialect == "sqlite":
        return func.json_extract(document, f"$.{key}")
    return func.json_extract_path_text(cast(document, JSON), key)
