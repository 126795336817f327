"""Links to other centers, the durable outbox of what is sent over them, and where a received
ticket came from."""

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base


class PlatformLink(Base):
    """Another center running this server; ``kind`` says what it is to us: parent (it sends us
    tickets, we send it feedback) or child (we send it tickets, it sends us feedback). We sign
    in there as ``account`` with the password in the environment variable ``password_env`` (no
    secret is stored); it signs in here as ``peer_account``, one of our users."""

    __tablename__ = "platform_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(8))
    url: Mapped[str] = mapped_column(String(300), default="")
    account: Mapped[str] = mapped_column(String(64), default="")
    password_env: Mapped[str] = mapped_column(String(64), default="")
    peer_account: Mapped[str] = mapped_column(String(64), default="")
    # The channel a ticket received from a parent is taken on (省平台 …).
    channel: Mapped[str] = mapped_column(String(16), default="")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]


class PlatformOutbox(Base):
    """One message to a linked center, kept until it is answered: its mutation id makes a
    retry after a lost answer a replay at the other end, never a second ticket."""

    __tablename__ = "platform_outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mutation_id: Mapped[str] = mapped_column(String(36), unique=True)
    link: Mapped[str] = mapped_column(String(64))
    ticket_client_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(16))
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    # Set when answered (applied, replayed or rejected); status and the other side's number.
    done_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16), default="")
    remote_no: Mapped[str] = mapped_column(String(32), default="")
    last_error: Mapped[str] = mapped_column(String(300), default="")

    __table_args__ = (Index("ix_platform_outbox_due", "done_at", "next_attempt_at"),)


class TransferOrigin(Base):
    """A ticket received from a parent center: its number and id there, kept beside ours."""

    __tablename__ = "platform_origins"

    ticket_client_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    link: Mapped[str] = mapped_column(String(64))
    origin_client_id: Mapped[str] = mapped_column(String(36))
    origin_no: Mapped[str] = mapped_column(String(32))
    received_at: Mapped[datetime]
