"""The audit log: one row per reveal, export, login, refused access or admin change."""

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime]
    username: Mapped[str] = mapped_column(String(64), default="")
    role: Mapped[str] = mapped_column(String(16), default="")
    # AuditAction values.
    action: Mapped[str] = mapped_column(String(16))
    ticket_client_id: Mapped[str] = mapped_column(String(36), default="")
    ticket_no: Mapped[str] = mapped_column(String(32), default="")
    # Why (a reveal's reason, a refusal's message); never a phone number, name or token.
    reason: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")
    address: Mapped[str] = mapped_column(String(64), default="")

    __table_args__ = (
        Index("ix_audit_at", "at"),
        Index("ix_audit_action_at", "action", "at"),
        Index("ix_audit_user_at", "username", "at"),
        Index("ix_audit_ticket", "ticket_client_id"),
    )
