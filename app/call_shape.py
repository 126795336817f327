"""A call's record, declared once: the columns the seat's store (``app.store.models.Call``) and the
center's copy (``server.calls.models.CallRecord``) both keep, and the lengths their texts are cut
to when a signal or a pushed record brings them. Each model adds only its own columns (the seat
its steps and tickets as tables and a unique adapter call id; the center the account that pushed
it, the steps as JSON and when it came). Times are naive UTC.
"""

from datetime import datetime
from typing import cast

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, MappedColumn, mapped_column

# The adapter's own id (a SIP Call-ID, a phone's call id): each side declares its column with it.
CALL_ID_LENGTH = 128


class CallColumns:
    """The columns both sides keep (a declarative mixin). client_id is what travels."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[str] = mapped_column(String(36), unique=True)
    # The full number, like a ticket's caller_phone: it is shown and leaves the center masked.
    caller_number: Mapped[str] = mapped_column(String(32), default="")
    line: Mapped[str] = mapped_column(String(16), default="")
    seat: Mapped[str] = mapped_column(String(32), default="")
    extension: Mapped[str] = mapped_column(String(32), default="")
    agent: Mapped[str] = mapped_column(String(50), default="")
    state: Mapped[str] = mapped_column(String(12))
    end_reason: Mapped[str] = mapped_column(String(16), default="")
    transfer_to: Mapped[str] = mapped_column(String(32), default="")
    offered_at: Mapped[datetime] = mapped_column(DateTime)
    ringing_at: Mapped[datetime | None] = mapped_column(DateTime)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)


def _lengths() -> dict[str, int]:
    found = {"call_id": CALL_ID_LENGTH}
    for name, value in vars(CallColumns).items():
        column = cast(MappedColumn[object], value).column if isinstance(value, MappedColumn) else None
        # The ids and the state are checked, not cut: only what a signal or a seat brings is.
        if (column is not None and isinstance(column.type, String) and column.type.length
                and name not in ("client_id", "state")):
            found[name] = column.type.length
    return found


# Every text of a call record and the length both sides keep of it (longer is cut, not refused).
CALL_TEXT_LENGTHS: dict[str, int] = _lengths()
