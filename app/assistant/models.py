"""Plain data passed into and out of the assistant (no Qt, no ORM)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class DraftInput:
    """What the agent has typed so far; every field may still be empty."""

    title: str = ""
    description: str = ""
    caller_phone: str = ""
    caller_name: str = ""
    address: str = ""
    district: str = ""
    category: str = ""
    request_type: str = ""  # 投诉 / 咨询 / 求助 / 建议 / 举报 / 表扬
    confidential: bool = False
    created_at: datetime | None = None

    @property
    def text(self) -> str:
        return "。".join(p for p in (self.title.strip(), self.description.strip()) if p)


@dataclass(frozen=True)
class PastTicket:
    """A ticket from the store's history, as the assistant needs it."""

    id: str
    title: str
    description: str
    created_at: datetime
    caller_phone: str = ""
    address: str = ""
    district: str = ""
    category: str = ""
    unit: str = ""  # the handling unit it went to, if any
    status: str = ""  # e.g. 待派单 / 办理中 / 已办结
    result: str = ""  # 办理结果 or the official reply, for "how was this answered before"

    @property
    def text(self) -> str:
        return "。".join(p for p in (self.title.strip(), self.description.strip()) if p)
