"""The two tables reports read, declared as plain SQLAlchemy Core so the same queries run on the
seat's SQLite store and on the server's database (PostgreSQL), given the same column names.

Dialect differences (local day of a timestamp, hours between two timestamps, a key of a JSON text)
are kept in the three helpers below.
"""

from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Integer,
    String,
    Text,
    cast,
    column,
    func,
    table,
    text,
)
from sqlalchemy.sql.elements import ColumnElement

from app.tickets.service import LOCAL_TZ

tickets = table(
    "tickets",
    column("id", Integer),
    column("local_no", String),
    column("official_no", String),
    column("title", String),
    column("channel", String),
    column("request_type", String),
    column("category1", String),
    column("category2", String),
    column("district", String),
    column("street", String),
    column("address", String),
    column("description", Text),
    column("confidential", Boolean),
    column("urgency", String),
    column("handling_unit", String),
    column("deadline", Date),
    column("extension_to", Date),
    column("extension_since", Date),
    column("status", String),
    column("result", Text),
    column("satisfaction", String),
    column("created_at", DateTime),
    column("reopen_count", Integer),
    column("escalation_level", String),
)

ticket_events = table(
    "ticket_events",
    column("id", Integer),
    column("ticket_id", Integer),
    column("at", DateTime),
    column("kind", String),
    column("detail", Text),
)

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
