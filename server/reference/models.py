"""Reference data and configuration items that travel to seats through the change feed."""

from sqlalchemy import BigInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base


class ReferenceItem(Base):
    """kind: category | district | unit | hotline | holiday | user | config; value is JSON."""

    __tablename__ = "reference_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(200))
    value: Mapped[str] = mapped_column(Text)
    change_seq: Mapped[int] = mapped_column(BigInteger, unique=True)

    __table_args__ = (UniqueConstraint("kind", "key"),)
