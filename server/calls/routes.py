"""/api/v1/calls: the calls the seats recorded, numbers masked (server.calls.service)."""

from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status
from pydantic import BaseModel

from app.domain.roles import Role
from server.auth.schemas import Message
from server.calls import service
from server.deps import CurrentUser, ReadSessionDep
from server.validation import NO_NUL_PATTERN

router = APIRouter(prefix="/calls", tags=["calls"])


class CallRead(BaseModel):
    client_id: str
    call_id: str
    caller_number: str
    phone_masked: bool
    redacted: bool
    line: str
    seat: str
    extension: str
    agent: str
    username: str
    state: str
    end_reason: str
    transfer_to: str
    tickets: list[str]
    offered_at: datetime
    ringing_at: datetime | None
    answered_at: datetime | None
    ended_at: datetime | None


class CallPage(BaseModel):
    items: list[CallRead]
    total: int
    page: int
    page_size: int


class SeatRead(BaseModel):
    seat: str
    agent: str
    state: str
    since: datetime
    offered_today: int
    answered_today: int


_LOCAL = timedelta(hours=8)  # the center's day (China Standard Time)


@router.get("/seats", responses={401: {"model": Message}, 403: {"model": Message}})
def live_view(user: CurrentUser, session: ReadSessionDep) -> list[SeatRead]:
    """The supervisor's live view: each seat's latest state and its calls today."""
    if user.role not in (Role.SUPERVISOR.value, Role.ADMIN.value):
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="只有班长和管理员能查看座席实时状态。")
    local_now = datetime.now(UTC).replace(tzinfo=None) + _LOCAL
    day_start = datetime.combine(local_now.date(), datetime.min.time()) - _LOCAL
    return [SeatRead.model_validate(vars(seat)) for seat in service.live_view(session, day_start=day_start)]


@router.get("", responses={401: {"model": Message}, 403: {"model": Message}})
def list_calls(
    user: CurrentUser, session: ReadSessionDep,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=500)] = 100,
    offered_from: datetime | None = None,
    offered_to: datetime | None = None,
    seat: Annotated[str | None, Query(max_length=32, pattern=NO_NUL_PATTERN)] = None,
) -> CallPage:
    if user.role == Role.UNIT.value:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="承办单位账号不能查看热线来电记录。")
    found = service.list_calls(session, user=user, offered_from=_naive(offered_from),
                               offered_to=_naive(offered_to), seat=seat, page=page, page_size=page_size)
    return CallPage(items=[CallRead.model_validate(item) for item in found.items], total=found.total,
                    page=page, page_size=page_size)


def _naive(moment: datetime | None) -> datetime | None:
    """Naive UTC, as the database keeps times; a time without a zone is taken as UTC."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)
