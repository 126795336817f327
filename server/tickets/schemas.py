"""Wire shapes of tickets (Base/Read pattern)."""

from datetime import date, datetime

from pydantic import BaseModel, Field


class TicketBase(BaseModel):
    channel: str
    request_type: str
    caller_name: str = ""
    caller_phone: str = ""
    anonymous: bool = False
    confidential: bool = False
    category1: str = ""
    category2: str = ""
    category3: str = ""
    district: str = ""
    street: str = ""
    address: str = ""
    title: str
    description: str
    urgency: str
    handling_unit: str = ""
    result: str = ""


class TicketRead(TicketBase):
    id: int
    client_id: str
    official_no: str
    local_no: str
    status: str
    satisfaction: str
    deadline: date | None
    created_at: datetime
    updated_at: datetime
    created_seat: str
    created_by: str
    version: int
    redacted: bool = Field(default=False, description="来电人信息因保密被隐去")


class TicketPage(BaseModel):
    items: list[TicketRead]
    total: int
    page: int
    page_size: int
