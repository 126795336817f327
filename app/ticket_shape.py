"""The ticket's shape, declared once: the columns every copy of a ticket keeps and its wire form.

The seat's store (``app.store.models``) and the center's database (``server.tickets.models``)
each add only their own columns; the reports' tables (``app.reports.schema``) are read from the
seat's models. The wire form is the JSON of /api/v1 (ticket lists, pull, push answers), written
by the center (``to_wire``) and read by the seats (``from_wire``): every shared column and both
numbers under their own names, dates as ISO dates, times as RFC 3339 UTC, ``co_units`` as a
list. The center adds its own ``id`` and the privacy flags ``redacted`` and ``phone_masked``.
"""

import json
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any, get_args, get_type_hints

from sqlalchemy import Date, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column


class TicketColumns:
    """The columns both sides keep, with their lengths (a declarative mixin).

    Times are naive UTC. The seat adds its numbering (``local_no`` unique per store,
    ``official_no`` once the center gave one) and its timeline; the center its numbering, the
    account that created the ticket and the change number its feed is ordered by.
    """

    # The seat's id is SQLite's rowid (the queue and the search index key on it); the center's
    # is its own. client_id is what travels between them.
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[str] = mapped_column(String(36), unique=True)
    channel: Mapped[str] = mapped_column(String(16))
    request_type: Mapped[str] = mapped_column(String(8))
    caller_name: Mapped[str] = mapped_column(String(50), default="")
    caller_phone: Mapped[str] = mapped_column(String(32), default="")
    anonymous: Mapped[bool] = mapped_column(default=False)
    confidential: Mapped[bool] = mapped_column(default=False)
    category1: Mapped[str] = mapped_column(String(32), default="")
    category2: Mapped[str] = mapped_column(String(32), default="")
    category3: Mapped[str] = mapped_column(String(32), default="")
    district: Mapped[str] = mapped_column(String(32), default="")
    street: Mapped[str] = mapped_column(String(32), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text)
    urgency: Mapped[str] = mapped_column(String(8))
    handling_unit: Mapped[str] = mapped_column(String(100), default="")
    deadline: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(8))
    result: Mapped[str] = mapped_column(Text, default="")
    satisfaction: Mapped[str] = mapped_column(String(8), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    created_seat: Mapped[str] = mapped_column(String(32), default="")
    created_by: Mapped[str] = mapped_column(String(50), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Lifecycle state (app.domain.rules): 协办 units as a JSON list, the 督办 level, a waiting
    # extension request (requested date, reason, the day the clock paused), how often it was
    # reopened (重办), the main ticket it was merged into, 办结's solved.
    co_units: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    escalation_level: Mapped[str] = mapped_column(String(4), default="", server_default="")
    extension_to: Mapped[date | None] = mapped_column(Date, default=None)
    extension_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    extension_since: Mapped[date | None] = mapped_column(Date, default=None)
    reopen_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    merged_into: Mapped[str] = mapped_column(String(36), default="", server_default="")
    solved: Mapped[str] = mapped_column(String(8), default="", server_default="")


SHARED_COLUMNS: tuple[str, ...] = tuple(
    name for name, value in vars(TicketColumns).items() if hasattr(value, "column"))


# Both sides number a ticket, each under its own constraints (see the models).
NUMBER_COLUMNS: tuple[str, ...] = ("local_no", "official_no")
# What a ticket is on the wire; the center adds its own "id" and its privacy flags.
WIRE_FIELDS: tuple[str, ...] = (*(n for n in SHARED_COLUMNS if n != "id"), *NUMBER_COLUMNS)


def _annotated(kind: type) -> frozenset[str]:
    """The shared columns whose Python type is ``kind`` (``date | None`` included)."""
    found = set()
    for name, hint in get_type_hints(TicketColumns).items():
        inner = get_args(hint)[0]
        if kind in (get_args(inner) or (inner,)):
            found.add(name)
    return frozenset(found)


_DATES = _annotated(date)
_TIMES = _annotated(datetime)
_LISTS = frozenset({"co_units"})  # JSON text in the databases, a list on the wire
# A copy from an older center may lack the lifecycle columns: they read as their defaults.
_DEFAULTS: dict[str, Any] = {
    name: value.column.default.arg for name, value in vars(TicketColumns).items()
    if hasattr(value, "column") and value.column.default is not None and name not in _LISTS}


def utc_iso(moment: datetime) -> str:
    """Stored times are naive UTC; on the wire they say so (RFC 3339)."""
    if moment.tzinfo is None:
        return moment.isoformat() + "+00:00"  # what .replace(tzinfo=UTC) gives, at half the cost
    return moment.astimezone(UTC).isoformat()


def naive_utc(value: str) -> datetime:
    """A wire time as the databases store it (naive UTC)."""
    if value.endswith("+00:00"):  # the center's own form (utc_iso): no conversion needed
        return datetime.fromisoformat(value[:-6])
    parsed = datetime.fromisoformat(value)
    return parsed.astimezone(UTC).replace(tzinfo=None) if parsed.tzinfo else parsed


def to_wire(ticket: Any) -> dict[str, Any]:
    """The wire form of a stored ticket (an ORM object or a row with the same attributes)."""
    data = {name: getattr(ticket, name) for name in WIRE_FIELDS}
    for name in _DATES:
        data[name] = data[name].isoformat() if data[name] else None
    for name in _TIMES:
        data[name] = utc_iso(data[name])
    for name in _LISTS:
        data[name] = json.loads(data[name] or "[]")
    return data


def from_wire(data: Mapping[str, Any]) -> dict[str, Any]:
    """The stored columns of a ticket's wire form (a column the copy lacks or leaves empty
    reads as its default)."""
    row: dict[str, Any] = {name: data.get(name) for name in WIRE_FIELDS}
    for name, default in _DEFAULTS.items():
        if row[name] is None:
            row[name] = default
    for name in _DATES:
        row[name] = date.fromisoformat(row[name]) if row[name] else None
    for name in _TIMES:
        row[name] = naive_utc(row[name])
    for name in _LISTS:
        row[name] = json.dumps(list(row[name] or []), ensure_ascii=False)
    return row
