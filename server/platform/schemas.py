"""Wire shapes of /api/v1/platform."""

from typing import Any

from pydantic import BaseModel, Field, field_validator

from server.validation import SafeStr, clean_json


class TransferIn(BaseModel):
    ticket_client_id: SafeStr = Field(min_length=1, max_length=36)
    link: SafeStr = Field(min_length=1, max_length=64, description="下级平台链接名称")
    note: SafeStr = Field(default="", max_length=500)


class ReturnIn(BaseModel):
    ticket_client_id: SafeStr = Field(min_length=1, max_length=36)
    reason: SafeStr = Field(default="", max_length=500)


class TransferOut(BaseModel):
    mutation_id: str
    link: str
    status: str


class ReceivedTransfer(BaseModel):
    mutation_id: SafeStr = Field(min_length=1, max_length=36)
    ticket_client_id: SafeStr = Field(min_length=1, max_length=36)
    origin_client_id: SafeStr = Field(min_length=1, max_length=36)
    origin_no: SafeStr = Field(default="", max_length=32)
    ticket: dict[str, Any]
    deadline: SafeStr | None = Field(default=None, max_length=10)
    note: SafeStr = Field(default="", max_length=500)

    @field_validator("ticket")
    @classmethod
    def _ticket(cls, value: dict[str, Any]) -> dict[str, Any]:
        return dict(clean_json(value))


class ReceiveIn(BaseModel):
    transfers: list[ReceivedTransfer] = Field(max_length=1000)


class LinkOut(BaseModel):
    name: str
    kind: str
    url: str
    account: str
    password_env: str
    peer_account: str
    channel: str
    active: bool


class FeedbackItem(BaseModel):
    mutation_id: SafeStr = Field(min_length=1, max_length=36)
    origin_client_id: SafeStr = Field(min_length=1, max_length=36)
    remote_no: SafeStr = Field(default="", max_length=32)
    event: SafeStr = Field(default="", max_length=16)
    at: SafeStr = Field(default="", max_length=40)
    note: SafeStr = Field(default="", max_length=500)
    status: SafeStr = Field(default="", max_length=8)
    handling_unit: SafeStr = Field(default="", max_length=100)
    result: SafeStr = Field(default="", max_length=5000)
    solved: SafeStr = Field(default="", max_length=8)
    satisfaction: SafeStr = Field(default="", max_length=8)


class FeedbackIn(BaseModel):
    items: list[FeedbackItem] = Field(max_length=1000)
