"""Partners' API keys (stored hashed), their rate windows, and what each Open311 request said."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base


class Open311Key(Base):
    """One partner's key; only its SHA-256 is stored. Revoked keys stay (requests name them)."""

    __tablename__ = "open311_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    partner: Mapped[str] = mapped_column(String(64), index=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The channel its requests are taken on: 网站 or App.
    channel: Mapped[str] = mapped_column(String(16))
    # Calls a minute this key may make; None: the server's default (open311_rate_per_minute).
    rate_per_minute: Mapped[int | None]
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class Open311Window(Base):
    """Requests one key made in one minute (in the database: several server processes share it)."""

    __tablename__ = "open311_windows"

    key_id: Mapped[int] = mapped_column(ForeignKey("open311_keys.id", ondelete="CASCADE"),
                                        primary_key=True)
    minute: Mapped[datetime] = mapped_column(primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)


class Open311Request(Base):
    """A service request filed through Open311: the ticket it became and what the partner sent
    beyond the ticket's own columns (location, attributes, media)."""

    __tablename__ = "open311_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(36), unique=True)
    ticket_client_id: Mapped[str] = mapped_column(String(36), unique=True)
    key_id: Mapped[int] = mapped_column(ForeignKey("open311_keys.id"))
    partner: Mapped[str] = mapped_column(String(64))
    service_code: Mapped[str] = mapped_column(String(16))
    lat: Mapped[float | None]
    long: Mapped[float | None]
    address_string: Mapped[str] = mapped_column(String(200), default="")
    address_id: Mapped[str] = mapped_column(String(64), default="")
    media_url: Mapped[str] = mapped_column(String(500), default="")
    attributes: Mapped[str] = mapped_column(Text, default="{}")
    requested_at: Mapped[datetime]

    __table_args__ = (Index("ix_open311_requests_at", "requested_at"),)
