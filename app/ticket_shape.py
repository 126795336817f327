"""The ticket's shape, declared once: the columns every copy of a ticket keeps. The seat's store
(``app.store.models``) and the center's database (``server.tickets.models``) each add only
their own; the reports' tables (``app.reports.schema``) are read from here.
"""

from datetime import date, datetime

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
