"""Sync bookkeeping: the mutation log (idempotency), tombstones and counters."""

from datetime import datetime

from sqlalchemy import BigInteger, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base


class MutationRecord(Base):
    """Every mutation ever answered: the same id again gets the first answer again."""

    __tablename__ = "mutations"

    mutation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    body_hash: Mapped[str] = mapped_column(String(64))
    username: Mapped[str] = mapped_column(String(64))
    answer: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime]

    __table_args__ = (Index("ix_mutations_received", "received_at"),)


class Tombstone(Base):
    """A deleted ticket (or reference item), kept for tombstone_retention_days."""

    __tablename__ = "tombstones"

    change_seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    entity: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(200))
    handling_unit: Mapped[str] = mapped_column(String(100), default="")
    deleted_at: Mapped[datetime]


class Counter(Base):
    """Named counters: "change_seq", "purged_seq" and per-day "official:YYYYMMDD"."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)
