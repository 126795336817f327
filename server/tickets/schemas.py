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
    phone_masked: bool = Field(default=False, description="联系电话已打码；完整号码经 POST /tickets/{id}/reveal 查看（留审计）")
    co_units: list[str] = Field(default_factory=list, description="协办单位（主办单位为 handling_unit）")
    escalation_level: str = Field(default="", description="督办级别：一级/二级/三级，空为未督办")
    extension_to: date | None = Field(default=None, description="待审批的延期申请：申请延至")
    extension_reason: str = ""
    extension_since: date | None = Field(default=None, description="延期申请提出日（计时暂停起点）")
    reopen_count: int = Field(default=0, description="重办次数")
    merged_into: str = Field(default="", description="已合并到的主工单 client_id")
    solved: str = Field(default="", description="办结时：解决/部分解决/未解决")


class TicketPage(BaseModel):
    items: list[TicketRead]
    total: int
    page: int
    page_size: int
