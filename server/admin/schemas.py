"""Wire shapes of /api/v1/admin."""

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from app.domain.accounts import MAX_PASSWORD, USERNAME_CHARS, USERNAME_MAX
from server.validation import SafeStr

RoleName = Literal["agent", "dispatcher", "unit", "supervisor", "admin"]


class UserAdminRead(BaseModel):
    username: str
    display_name: str
    role: str
    unit: str
    active: bool
    created_at: datetime


class UserCreate(BaseModel):
    username: SafeStr = Field(min_length=1, max_length=USERNAME_MAX, pattern=rf"^{USERNAME_CHARS}+$")
    display_name: SafeStr = Field(default="", max_length=64)
    role: RoleName
    unit: SafeStr = Field(default="", max_length=100, description="role=unit 时必填")
    # The rule itself (12+ characters, not common) is app/domain/passwords.py, said in Chinese.
    password: SafeStr = Field(min_length=1, max_length=MAX_PASSWORD)


class UserUpdate(BaseModel):
    display_name: SafeStr | None = Field(default=None, max_length=64)
    role: RoleName | None = None
    unit: SafeStr | None = Field(default=None, max_length=100)
    active: bool | None = Field(default=None, description="false：停用（立即注销其登录）")


class PasswordReset(BaseModel):
    password: SafeStr = Field(min_length=1, max_length=MAX_PASSWORD)


class UnitWrite(BaseModel):
    kind: SafeStr = Field(default="", max_length=32, description="市直 / 区县 / 公共服务企业 …")
    district: SafeStr = Field(default="", max_length=32)
    duties: list[SafeStr] = Field(default_factory=list, max_length=200)


class CategoryWrite(BaseModel):
    path: list[SafeStr] = Field(min_length=1, max_length=3, description="[一级, 二级, 三级]")


class HolidayWrite(BaseModel):
    type: Literal["休", "班"] = Field(description="休：放假；班：调休上班")
    name: SafeStr = Field(default="", max_length=32)


class ReferenceWritten(BaseModel):
    kind: str
    key: str
    value: dict[str, Any]
