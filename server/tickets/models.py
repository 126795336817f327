"""The center's copy of every ticket and its timeline."""

from datetime import date, datetime

from sqlalchemy import BigInteger, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base


class Ticket(Base):
    __tablename__ = "tickets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[str] = mapped_column(String(36), unique=True)
    official_no: Mapped[str] = mapped_column(String(32), unique=True)
    local_no: Mapped[str] = mapped_column(String(32), default="")
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
    deadline: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(8))
    result: Mapped[str] = mapped_column(Text, default="")
    satisfaction: Mapped[str] = mapped_column(String(8), default="")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    created_seat: Mapped[str] = mapped_column(String(32), default="")
    created_by: Mapped[str] = mapped_column(String(50), default="")
    created_user: Mapped[str] = mapped_column(String(64), default="")
    version: Mapped[int] = mapped_column(default=1)
    # Lifecycle state (app.domain.rules; migration 0002), as on the seats.
    co_units: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    escalation_level: Mapped[str] = mapped_column(String(4), default="", server_default="")
    extension_to: Mapped[date | None] = mapped_column(default=None)
    extension_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    extension_since: Mapped[date | None] = mapped_column(default=None)
    reopen_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    merged_into: Mapped[str] = mapped_column(String(36), default="", server_default="")
    solved: Mapped[str] = mapped_column(String(8), default="", server_default="")
    # Commit-ordered change number (see server.sync.service.allocate_seqs): the pull cursor.
    change_seq: Mapped[int] = mapped_column(BigInteger, unique=True)

    __table_args__ = (
        Index("ix_srv_tickets_unit_seq", "handling_unit", "change_seq"),
        Index("ix_srv_tickets_status", "status", "created_at"),
        Index("ix_srv_tickets_created", "created_at", "id"),
    )


class TicketEvent(Base):
    """One line of a ticket's timeline; event_id is the mutation id that made it."""

    __tablename__ = "ticket_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    ticket_client_id: Mapped[str] = mapped_column(String(36))
    at: Mapped[datetime]
    seat: Mapped[str] = mapped_column(String(32), default="")
    actor: Mapped[str] = mapped_column(String(50), default="")
    username: Mapped[str] = mapped_column(String(64), default="")
    kind: Mapped[str] = mapped_column(String(16))
    detail: Mapped[str] = mapped_column(Text, default="{}")
    change_seq: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (Index("ix_srv_events_ticket_seq", "ticket_client_id", "change_seq"),)
