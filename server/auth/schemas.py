"""Wire shapes of /api/v1/auth."""

from datetime import datetime

from pydantic import BaseModel, Field

from server.validation import SafeStr


class LoginRequest(BaseModel):
    username: SafeStr = Field(min_length=1, max_length=64)
    password: SafeStr = Field(min_length=1, max_length=256)


class PasswordChange(BaseModel):
    """The user's own change: the current password proves it is them, not a left-open seat.
    The new one's rule (length, not common) is checked by the route, in the user's words."""

    current_password: SafeStr = Field(min_length=1, max_length=256)
    new_password: SafeStr = Field(min_length=1, max_length=256)


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
