"""Wire shapes of /api/v1/auth."""

from datetime import datetime

from pydantic import BaseModel, Field

from server.validation import SafeStr


class LoginRequest(BaseModel):
    username: SafeStr = Field(min_length=1, max_length=64)
    password: SafeStr = Field(min_length=1, max_length=256)


class UserRead(BaseModel):
    username: str
    display_name: str
    role: str
    unit: str


class LoginResponse(BaseModel):
    token: str
    token_type: str = "bearer"
    expires_at: datetime
    user: UserRead


class Message(BaseModel):
    detail: str
