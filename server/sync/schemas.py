"""Wire shapes of /api/v1/sync."""

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from app.sync.protocol import ChangeType, MutationStatus
from server.tickets.schemas import TicketRead


class MutationIn(BaseModel):
    mutation_id: str = Field(min_length=1, max_length=36)
    ticket_client_id: str = Field(min_length=1, max_length=36)
    kind: str = Field(min_length=1, max_length=16, description="create | update | 派单 等流转动作")
    base_version: int = Field(ge=0, le=2**31 - 1)
    payload: dict[str, Any]
    at: datetime | None = None
    seat: str = Field(default="", max_length=32)
    actor: str = Field(default="", max_length=50)


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
