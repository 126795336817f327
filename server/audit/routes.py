"""/api/v1/audit (admins read the log) and /api/v1/tickets/{id}/reveal (an audited reveal)."""

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field

from app.domain.roles import ROLE_LABELS, Role, can_reveal
from server.audit import service
from server.audit.service import AuditAction
from server.auth.models import User
from server.auth.schemas import Message
from server.db import Database
from server.deps import CurrentUser, DatabaseDep, ReadSessionDep
from server.tickets.models import Ticket
from server.tickets.service import visible
from server.validation import NO_NUL_PATTERN, SafeStr

router = APIRouter(prefix="/audit", tags=["audit"])
reveal_router = APIRouter(prefix="/tickets", tags=["tickets"])


class AuditRead(BaseModel):
    id: int
    at: datetime
    username: str
    role: str
    action: str
    ticket_client_id: str
    ticket_no: str
    reason: str
    detail: Any
    address: str


class AuditPage(BaseModel):
    items: list[AuditRead]
    total: int
    page: int
    page_size: int


class RevealRequest(BaseModel):
    reason: SafeStr = Field(min_length=2, max_length=200, description="为什么需要完整号码（如：回访、联系核实）")


class RevealResponse(BaseModel):
    caller_phone: str
    caller_name: str


def address_of(request: Request) -> str:
    return request.client.host if request.client else ""


def refuse(database: Database, user: User, request: Request, reason: str, *, code: int = 403,
           ticket: Ticket | None = None, detail: dict[str, Any] | None = None) -> HTTPException:
    """Audit a refused access in its own transaction and return the error to raise."""
    with database.write_session() as session, session.begin():
        service.record(session, action=AuditAction.REFUSED, username=user.username, role=user.role,
                       ticket_client_id=ticket.client_id if ticket else "",
                       ticket_no=ticket.official_no if ticket else "", reason=reason,
                       detail=detail or {"path": request.url.path}, address=address_of(request))
    return HTTPException(code, detail=reason)


def require_admin(database: Database, user: User, request: Request) -> None:
    if user.role != Role.ADMIN.value:
        raise refuse(database, user, request, "只有管理员可以使用此功能；如需变更账号或基础数据，请联系管理员。")


@router.get("", responses={401: {"model": Message}, 403: {"model": Message}})
def audit_log(
    user: CurrentUser, request: Request, database: DatabaseDep, session: ReadSessionDep,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=500)] = 50,
    action: Annotated[str | None, Query(max_length=16, pattern=NO_NUL_PATTERN)] = None,
    username: Annotated[str | None, Query(max_length=64, pattern=NO_NUL_PATTERN)] = None,
    ticket: Annotated[str | None, Query(max_length=36, pattern=NO_NUL_PATTERN,
                                        description="工单 client_id 或正式编号")] = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> AuditPage:
    """The audit log, newest first (admins): reveal, export, login, login_failed, refused, admin,
    password (a user changed their own)."""
    require_admin(database, user, request)
    rows, total = service.search(session, page=page, page_size=page_size, action=action,
                                 username=username, ticket=ticket, since=since, until=until)
    return AuditPage(items=[AuditRead.model_validate(service.entry_dict(r)) for r in rows],
                     total=total, page=page, page_size=page_size)


@reveal_router.post("/{ticket_id}/reveal",
                    responses={401: {"model": Message}, 403: {"model": Message}, 404: {"model": Message}})
def reveal(ticket_id: Annotated[int, Path(ge=1, le=2**31 - 1)], body: RevealRequest,
           user: CurrentUser, request: Request, database: DatabaseDep) -> RevealResponse:
    """The caller's full number (and name), for the roles that need it, with the reason audited."""
    role = Role(user.role)
    with database.read_session() as session, session.begin():
        ticket = session.get(Ticket, ticket_id)
        if ticket is not None:
            session.expunge(ticket)
    if ticket is None or not visible(user, ticket):
        raise refuse(database, user, request, "没有这张工单，或您无权查看；请核对编号。", code=404,
                     detail={"path": request.url.path})
    allowed = can_reveal(role, confidential=ticket.confidential,
                         own_unit=role is Role.UNIT and user.unit == ticket.handling_unit,
                         creator=ticket.created_user == user.username)
    if not allowed:
        if ticket.confidential:
            message = "这是保密工单，来电人信息只有班长/质检和受理座席可以查看；如确需联系，请找班长/质检。"
        elif role is Role.UNIT:
            message = "只有主办单位可以查看来电人完整号码；协办单位请通过主办单位联系来电人。"
        else:
            allowed_roles = "、".join(ROLE_LABELS[r] for r in (Role.AGENT, Role.SUPERVISOR, Role.UNIT))
            message = f"{ROLE_LABELS[role]}不能查看来电人完整号码；需要联系来电人时请交{allowed_roles}处理。"
        raise refuse(database, user, request, message, ticket=ticket)
    with database.write_session() as session, session.begin():
        service.record(session, action=AuditAction.REVEAL, username=user.username, role=user.role,
                       ticket_client_id=ticket.client_id, ticket_no=ticket.official_no,
                       reason=body.reason, address=address_of(request))
    return RevealResponse(caller_phone=ticket.caller_phone, caller_name=ticket.caller_name)
