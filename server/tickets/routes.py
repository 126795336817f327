"""/api/v1/tickets: paged, filterable reading for tools and tests; deletion for admins."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Response, status

from app.domain.roles import Role
from server.auth.schemas import Message
from server.deps import CurrentUser, ReadSessionDep, WriteSessionDep
from server.sync.service import delete_ticket
from server.tickets import service
from server.tickets.schemas import TicketPage, TicketRead
from server.validation import NO_NUL_PATTERN

router = APIRouter(prefix="/tickets", tags=["tickets"])
NOT_FOUND = HTTPException(status.HTTP_404_NOT_FOUND, detail="没有这张工单，或您无权查看；请核对编号。")


@router.get("", responses={401: {"model": Message}})
def list_tickets(
    user: CurrentUser, session: ReadSessionDep,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=500)] = 50,
    status_: Annotated[str | None, Query(alias="status", max_length=16, pattern=NO_NUL_PATTERN)] = None,
    handling_unit: Annotated[str | None, Query(max_length=100, pattern=NO_NUL_PATTERN)] = None,
    request_type: Annotated[str | None, Query(max_length=16, pattern=NO_NUL_PATTERN)] = None,
    district: Annotated[str | None, Query(max_length=32, pattern=NO_NUL_PATTERN)] = None,
    official_no: Annotated[str | None, Query(max_length=32, pattern=NO_NUL_PATTERN)] = None,
    created_from: date | None = None,
    created_to: date | None = None,
) -> TicketPage:
    rows, total = service.list_tickets(
        session, user=user, page=page, page_size=page_size, status=status_,
        handling_unit=handling_unit, request_type=request_type, district=district,
        official_no=official_no, created_from=created_from, created_to=created_to,
    )
    return TicketPage(
        items=[TicketRead.model_validate(service.ticket_dict(t, user)) for t in rows],
        total=total, page=page, page_size=page_size,
    )


@router.get("/{ticket_id}", responses={401: {"model": Message}, 404: {"model": Message}})
def get_ticket(ticket_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
               user: CurrentUser, session: ReadSessionDep) -> TicketRead:
    ticket = service.get_ticket(session, user=user, ticket_id=ticket_id)
    if ticket is None:
        raise NOT_FOUND
    return TicketRead.model_validate(service.ticket_dict(ticket, user))


@router.delete("/{ticket_id}", status_code=status.HTTP_204_NO_CONTENT,
               responses={401: {"model": Message}, 403: {"model": Message}, 404: {"model": Message}})
def remove_ticket(ticket_id: Annotated[int, Path(ge=1, le=2**31 - 1)], user: CurrentUser, session: WriteSessionDep) -> Response:
    if user.role != Role.ADMIN.value:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="只有管理员可以删除工单。")
    ticket = service.get_ticket(session, user=user, ticket_id=ticket_id)
    if ticket is None:
        raise NOT_FOUND
    delete_ticket(session, ticket=ticket)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
