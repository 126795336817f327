"""The center's copy of every ticket and its timeline."""

from datetime import datetime

from sqlalchemy import BigInteger, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.ticket_shape import TicketColumns
from server.db import Base


class Ticket(TicketColumns, Base):
    """A ticket as the center keeps it: the shared columns (app.ticket_shape), its numbers, the
    account that created it and its place in the change feed."""

    __tablename__ = "tickets"

    official_no: Mapped[str] = mapped_column(String(32), unique=True)
    local_no: Mapped[str] = mapped_column(String(32), default="")
    created_user: Mapped[str] = mapped_column(String(64), default="")
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
