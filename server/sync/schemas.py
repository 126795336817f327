"""Wire shapes of /api/v1/sync."""

from datetime import datetime
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from app.sync.protocol import ChangeType, MutationStatus
from server.sync.wire import check_payload, describe, wire_time
from server.tickets.schemas import TicketRead
from server.validation import SafeStr, clean_json


class MutationIn(BaseModel):
    """One pushed mutation. A mutation that does not fit its schema is kept as ``invalid``
    (with the reason) and answered ``rejected`` alone; the rest of the batch is applied. Only
    an item without a usable mutation id fails the whole request (422): it cannot be answered."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    mutation_id: SafeStr = Field(min_length=1, max_length=36)
    ticket_client_id: SafeStr = Field(min_length=1, max_length=36)
    kind: SafeStr = Field(min_length=1, max_length=16, description="create | update | 派单 等流转动作")
    base_version: int = Field(ge=0, le=2**31 - 1)
    payload: dict[str, Any] = Field(description="按 kind 的严格结构（server/sync/wire.py）；不接受多余字段")
    at: datetime | None = Field(default=None, description="座席上的操作时间；须在中心的时钟窗口内")
    seat: SafeStr = Field(default="", max_length=32)
    actor: SafeStr = Field(default="", max_length=50)
    _invalid: str = PrivateAttr(default="")

    @property
    def invalid(self) -> str:
        """Why this mutation was refused by its schema ("" when it fits)."""
        return self._invalid

    @field_validator("at")
    @classmethod
    def _at(cls, value: datetime | None) -> datetime | None:
        return None if value is None else wire_time(value)

    @model_validator(mode="after")
    def _payload(self) -> "MutationIn":
        check_payload(self.kind, self.payload)
        # NUL cannot be stored by PostgreSQL (the strict models above keep everything else out).
        self.payload = dict(clean_json(self.payload))
        return self

    @model_validator(mode="wrap")
    @classmethod
    def _alone(cls, data: Any, handler: ModelWrapValidatorHandler["MutationIn"]) -> "MutationIn":
        try:
            return handler(data)
        except ValidationError as error:
            mutation_id = data.get("mutation_id") if isinstance(data, dict) else None
            if not _usable_id(mutation_id):
                raise
            client_id = data.get("ticket_client_id")
            refused = cls.model_construct(
                mutation_id=mutation_id, ticket_client_id=client_id if _usable_id(client_id) else "",
                kind="", base_version=0, payload={}, at=None, seat="", actor="")
            refused._invalid = "变更格式不对，中心未接受：" + describe(error) + "。请升级客户端或联系管理员。"
            return refused


def _usable_id(value: object) -> bool:
    """An id the answer can carry back (no lone surrogate: it could not be encoded)."""
    if not isinstance(value, str) or not 0 < len(value) <= 36:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class PushRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

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
