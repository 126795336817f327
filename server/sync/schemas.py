"""Wire shapes of /api/v1/sync."""

from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, Field, field_validator

from app.sync.protocol import ChangeType, MutationStatus
from server.tickets.schemas import TicketRead
from server.validation import SafeStr, clean_json


class MutationIn(BaseModel):
    mutation_id: SafeStr = Field(min_length=1, max_length=36)
    ticket_client_id: SafeStr = Field(min_length=1, max_length=36)
    kind: SafeStr = Field(min_length=1, max_length=16, description="create | update | 派单 等流转动作")
    base_version: int = Field(ge=0, le=2**31 - 1)
    payload: dict[str, Any]
    at: datetime | None = None
    seat: SafeStr = Field(default="", max_length=32)
    actor: SafeStr = Field(default="", max_length=50)

    @field_validator("payload")
    @classmethod
    def _payload(cls, value: dict[str, Any]) -> dict[str, Any]:
        return dict(clean_json(value))

    @field_validator("at")
    @classmethod
    def _at(cls, value: datetime | None) -> datetime | None:
        """Naive UTC; a time that cannot be converted is dropped (the server's time is used)."""
        if value is None or value.tzinfo is None:
            return value
        try:
            return value.astimezone(UTC).replace(tzinfo=None)
        except (OverflowError, ValueError):
            return None


class PushRequest(BaseModel):
    mutations: list[MutationIn] = Field(max_length=1000)


class MutationAnswer(BaseModel):
    mutation_id: str
    ticket_client_id: str
    status: MutationStatus
    original_status: MutationStatus | None = Field(
        default=None, description="replayed 时：第一次的答复状态")
    version: int | None = None
    official_no: str | None = None
    reason: str | None = None
    errors: dict[str, str] | None = None
    ticket: TicketRead | None = Field(default=None, description="conflict/rejected 时：中心副本")


class PushResponse(BaseModel):
    answers: list[MutationAnswer]


class EventRead(BaseModel):
    event_id: str
    at: datetime
    seat: str
    actor: str
    kind: str
    detail: Any


class Change(BaseModel):
    seq: int
    type: ChangeType
    ticket: TicketRead | None = None
    events: list[EventRead] | None = None
    kind: str | None = Field(default=None, description="reference: 类别")
    key: str | None = Field(default=None, description="tombstone: client_id；reference: 键")
    value: Any = None


class PullResponse(BaseModel):
    changes: list[Change]
    cursor: int
    has_more: bool
