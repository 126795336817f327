"""The center's copy of every call a seat recorded, and the tickets taken during each."""

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.call_shape import CALL_ID_LENGTH, CallColumns
from server.db import Base


class CallRecord(CallColumns, Base):
    """A call as its seat reported it when it was over (one row per call: client_id unique).
    The shared columns: app.call_shape; the center adds who pushed it, the steps and when."""

    __tablename__ = "call_records"

    call_id: Mapped[str] = mapped_column(String(CALL_ID_LENGTH), default="")
    username: Mapped[str] = mapped_column(String(64), default="")
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
