"""ORM tables of the local store (SQLAlchemy 2.0 typed mapping).

Times are stored as naive UTC; the UI converts to the seat's local time.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.call_shape import CALL_ID_LENGTH, CallColumns
from app.ticket_shape import TicketColumns


class Base(DeclarativeBase):
    pass


class Ticket(TicketColumns, Base):
    """A ticket as this seat keeps it: the shared columns (app.ticket_shape), its numbers and
    its timeline."""

    __tablename__ = "tickets"

    local_no: Mapped[str] = mapped_column(String(32), unique=True)
    official_no: Mapped[str | None] = mapped_column(String(32), unique=True)

    events: Mapped[list["TicketEvent"]] = relationship(
        back_populates="ticket", order_by="TicketEvent.id", cascade="all, delete-orphan"
    )

    __table_args__ = (
        # One index per column the queue filters or sorts on; created_at breaks ties by id.
        Index("ix_tickets_created", "created_at", "id"),
        Index("ix_tickets_updated", "updated_at"),
        Index("ix_tickets_status", "status", "created_at"),
        Index("ix_tickets_channel", "channel", "created_at"),
        Index("ix_tickets_type", "request_type", "created_at"),
        Index("ix_tickets_category", "category1", "category2", "created_at"),
        Index("ix_tickets_district", "district", "street", "created_at"),
        Index("ix_tickets_urgency", "urgency", "created_at"),
        Index("ix_tickets_deadline", "deadline"),
        # Overdue / due soon: open statuses and a deadline range, newest first, and the deadline
        # rule's pause (app.domain.deadline), from the index alone.
        Index("ix_tickets_status_deadline", "status", "deadline", "created_at", "extension_to",
              "extension_since"),
        Index("ix_tickets_phone", "caller_phone"),
        Index("ix_tickets_unit", "handling_unit", "created_at"),
        Index("ix_tickets_escalation", "escalation_level", "created_at"),
        Index("ix_tickets_extension", "extension_to"),
    )


class TicketEvent(Base):
    """One line of a ticket's timeline: who did what, when."""

    __tablename__ = "ticket_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    seat: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(50))
    kind: Mapped[str] = mapped_column(String(16))
    # JSON: changed fields {"field": [old, new]} or the transition's details.
    detail: Mapped[str] = mapped_column(Text, default="{}")
    # The outbox mutation (or server event) this line belongs to: pulled events are not doubled.
    mutation_id: Mapped[str | None] = mapped_column(String(36), index=True, default=None)

    ticket: Mapped[Ticket] = relationship(back_populates="events")

    __table_args__ = (
        # Reports: invalid (合并/作废) ticket ids, escalations (督办) and returns (退单) by kind.
        Index("ix_ticket_events_kind", "kind", "ticket_id"),
    )


class OutboxEntry(Base):
    """A local change waiting to be pushed to the server; written with the change itself."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mutation_id: Mapped[str] = mapped_column(String(36), unique=True)
    ticket_client_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    base_version: Mapped[int]
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class Draft(Base):
    """The form as it was being typed; one row per seat form, replaced on every keystroke pause."""

    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    form_key: Mapped[str] = mapped_column(String(36), unique=True)
    # client_id of the ticket being edited, or empty for a new one.
    ticket_client_id: Mapped[str] = mapped_column(String(36), default="")
    content: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]


class Counter(Base):
    """Per-seat sequences (local ticket numbers)."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(default=0)


class SyncState(Base):
    """Sync bookkeeping of the seat: cursor, last success, server address (key → value)."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class SyncConflict(Base):
    """A ticket changed here and at the center since the last sync; waits for the agent."""

    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_client_id: Mapped[str] = mapped_column(String(36), unique=True)
    # JSON snapshots of both sides and the local mutations that could not be applied.
    server_copy: Mapped[str] = mapped_column(Text)
    local_copy: Mapped[str] = mapped_column(Text)
    mutations: Mapped[str] = mapped_column(Text, default="[]")
    reason: Mapped[str] = mapped_column(Text, default="")
    detected_at: Mapped[datetime]


class SyncRejection(Base):
    """A change the center refused (validation or permission), shown on its ticket."""

    __tablename__ = "sync_rejections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mutation_id: Mapped[str] = mapped_column(String(36), unique=True)
    ticket_client_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    payload: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    errors: Mapped[str] = mapped_column(Text, default="{}")
    rejected_at: Mapped[datetime]
    dismissed: Mapped[bool] = mapped_column(default=False)


class ReferenceItem(Base):
    """Reference data and configuration pulled from the center (kind, key → JSON value)."""

    __tablename__ = "reference_items"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class TicketLink(Base):
    """A ticket linked at capture to an earlier one (the assistant's duplicate/similar hint).

    Linking records the relation only; merging duplicates (closing one into another) is the
    dispatcher's action and is not done here.
    """

    __tablename__ = "ticket_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    related_client_id: Mapped[str] = mapped_column(String(36), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime]
    seat: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(50))


class Call(CallColumns, Base):
    """One call at this seat (app.telephony.model): who called which line, and when each step
    happened. Written at every step, so a seat that stops mid-call keeps what it had. The
    shared columns: app.call_shape; call_id (the adapter's own) is unique at a seat."""

    __tablename__ = "calls"

    call_id: Mapped[str] = mapped_column(String(CALL_ID_LENGTH), unique=True)

    steps: Mapped[list["CallStep"]] = relationship(
        back_populates="call", order_by="CallStep.id", cascade="all, delete-orphan")
    tickets: Mapped[list["CallTicket"]] = relationship(
        back_populates="call", order_by="CallTicket.id", cascade="all, delete-orphan")

    __table_args__ = (
        Index("ix_calls_offered", "offered_at"),
        Index("ix_calls_state", "state", "offered_at"),
        Index("ix_calls_number", "caller_number"),
    )


class CallStep(Base):
    """One step of a call (rang, answered, held, resumed, …) with its time."""

    __tablename__ = "call_steps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    call_pk: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True)
    state: Mapped[str] = mapped_column(String(12))
    at: Mapped[datetime]
    detail: Mapped[str] = mapped_column(Text, default="")

    call: Mapped[Call] = relationship(back_populates="steps")


class CallTicket(Base):
    """A ticket taken during a call (several may be)."""

    __tablename__ = "call_tickets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    call_pk: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"))
    ticket_client_id: Mapped[str] = mapped_column(String(36), index=True)
    at: Mapped[datetime]

    call: Mapped[Call] = relationship(back_populates="tickets")

    __table_args__ = (UniqueConstraint("call_pk", "ticket_client_id", name="uq_call_tickets"),)


class AgentStateSpan(Base):
    """A stretch of time the seat's agent spent in one state (app.telephony.agent); the open
    span has no end yet."""

    __tablename__ = "agent_states"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seat: Mapped[str] = mapped_column(String(32))
    agent: Mapped[str] = mapped_column(String(50), default="")
    state: Mapped[str] = mapped_column(String(8))
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]

    __table_args__ = (Index("ix_agent_states_seat", "seat", "started_at"),)


class CallbackAttempt(Base):
    """An agent called back a lost call (漏接回拨): reached or not, and the ticket it led to."""

    __tablename__ = "callback_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    call_pk: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True)
    reached: Mapped[bool]
    at: Mapped[datetime]
    seat: Mapped[str] = mapped_column(String(32), default="")
    agent: Mapped[str] = mapped_column(String(50), default="")
