"""The center's copy of every call a seat recorded, and the tickets taken during each."""

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base


class CallRecord(Base):
    """A call as its seat reported it when it was over (one row per call: client_id unique)."""

    __tablename__ = "call_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[str] = mapped_column(String(36), unique=True)
    call_id: Mapped[str] = mapped_column(String(128), default="")
    # The full number, like a ticket's caller_phone: it leaves the center masked.
    caller_number: Mapped[str] = mapped_column(String(32), default="")
    line: Mapped[str] = mapped_column(String(16), default="")
    seat: Mapped[str] = mapped_column(String(32), default="")
    extension: Mapped[str] = mapped_column(String(32), default="")
    agent: Mapped[str] = mapped_column(String(50), default="")
    username: Mapped[str] = mapped_column(String(64), default="")
    state: Mapped[str] = mapped_column(String(12))
    end_reason: Mapped[str] = mapped_column(String(16), default="")
    transfer_to: Mapped[str] = mapped_column(String(32), default="")
    offered_at: Mapped[datetime]
    ringing_at: Mapped[datetime | None]
    answered_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    # JSON list of {"state", "at", "detail"}: the seat's steps as it recorded them.
    steps: Mapped[str] = mapped_column(Text, default="[]")
    received_at: Mapped[datetime]

    __table_args__ = (
        Index("ix_call_records_offered", "offered_at"),
        Index("ix_call_records_seat", "seat", "offered_at"),
        Index("ix_call_records_line", "line", "offered_at"),
    )


class CallTicketLink(Base):
    """A ticket taken during a call."""

    __tablename__ = "call_ticket_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    call_client_id: Mapped[str] = mapped_column(String(36))
    ticket_client_id: Mapped[str] = mapped_column(String(36), index=True)

    __table_args__ = (UniqueConstraint("call_client_id", "ticket_client_id", name="uq_call_ticket_links"),)


class SeatState(Base):
    """The latest state each seat reported (示闲/示忙/小休/话后整理): the supervisor's live view."""

    __tablename__ = "seat_states"

    seat: Mapped[str] = mapped_column(String(32), primary_key=True)
    agent: Mapped[str] = mapped_column(String(50), default="")
    username: Mapped[str] = mapped_column(String(64), default="")
    state: Mapped[str] = mapped_column(String(8))
    since: Mapped[datetime]
    received_at: Mapped[datetime]
