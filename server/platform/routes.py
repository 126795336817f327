"""/api/v1/platform: 转办 to a linked center, and receiving a parent center's transfers."""

import logging
import time
from typing import Any

from fastapi import APIRouter, HTTPException, status
from sqlalchemy.exc import IntegrityError, OperationalError

from app.domain.roles import Role
from server.auth.schemas import Message
from server.deps import CurrentUser, DatabaseDep, ReadSessionDep, SettingsDep
from server.platform import service
from server.platform.schemas import (
    FeedbackIn,
    LinkOut,
    ReceiveIn,
    ReturnIn,
    TransferIn,
    TransferOut,
)

log = logging.getLogger("server.platform")
router = APIRouter(prefix="/platform", tags=["platform"])
ATTEMPTS = 5


@router.post("/transfer", response_model=TransferOut,
             responses={401: {"model": Message}, 409: {"model": Message}})
def transfer(body: TransferIn, user: CurrentUser, database: DatabaseDep) -> dict[str, Any]:
    try:
        with database.write_session() as session, session.begin():
            outbox = service.transfer(session, user=user, ticket_client_id=body.ticket_client_id,
                                      link_name=body.link, note=body.note)
            answer = {"mutation_id": outbox.mutation_id, "link": outbox.link, "status": "queued"}
    except service.TransferRefused as refused:
        raise HTTPException(status.HTTP_409_CONFLICT, detail=str(refused)) from None
    return answer


@router.post("/return", status_code=status.HTTP_204_NO_CONTENT,
             responses={401: {"model": Message}, 409: {"model": Message}})
def return_to_origin(body: ReturnIn, user: CurrentUser, database: DatabaseDep) -> None:
    """退回: a ticket received from the parent platform goes back to it, with the reason."""
    try:
        with database.write_session() as session, session.begin():
            service.return_to_origin(session, user=user, ticket_client_id=body.ticket_client_id,
                                     reason=body.reason)
    except service.TransferRefused as refused:
        raise HTTPException(status.HTTP_409_CONFLICT, detail=str(refused)) from None


@router.post("/receive", responses={401: {"model": Message}, 403: {"model": Message}})
def receive(body: ReceiveIn, user: CurrentUser, database: DatabaseDep,
            settings: SettingsDep) -> dict[str, Any]:
    answers: list[dict[str, Any]] = []
    for attempt in range(ATTEMPTS):
        try:
            with database.write_session() as session, session.begin():
                link = service.parent_link(session, user)
                if link is None:
                    raise HTTPException(status.HTTP_403_FORBIDDEN,
                                        detail="这个账号不是上级平台的服务账号，不能转来工单。")
                answers = service.receive(
                    session, user=user, link=link,
                    transfers=[t.model_dump() for t in body.transfers],
                    database_url=database.url, city_prefix=settings.city_prefix)
            break
        except (IntegrityError, OperationalError) as error:
            # A retry of the same transfer raced this one: run again, it answers as replayed.
            if attempt == ATTEMPTS - 1:
                raise
            log.info("receive retry attempt=%d error=%s", attempt + 1, type(error).__name__)
            time.sleep(0.01 * (attempt + 1))
    return {"answers": [{k: a.get(k) for k in ("mutation_id", "status", "original_status",
                                                 "official_no", "reason")} for a in answers]}


@router.post("/feedback", responses={401: {"model": Message}, 403: {"model": Message}})
def feedback(body: FeedbackIn, user: CurrentUser, database: DatabaseDep) -> dict[str, Any]:
    answers: list[dict[str, Any]] = []
    for attempt in range(ATTEMPTS):
        try:
            with database.write_session() as session, session.begin():
                link = service.child_link(session, user)
                if link is None:
                    raise HTTPException(status.HTTP_403_FORBIDDEN,
                                        detail="这个账号不是下级平台的服务账号，不能反馈。")
                answers = service.receive_feedback(session, user=user, link=link,
                                                   items=[i.model_dump() for i in body.items])
            break
        except (IntegrityError, OperationalError) as error:
            if attempt == ATTEMPTS - 1:
                raise
            log.info("feedback retry attempt=%d error=%s", attempt + 1, type(error).__name__)
            time.sleep(0.01 * (attempt + 1))
    return {"answers": [{k: a.get(k) for k in ("mutation_id", "status", "original_status",
                                                 "official_no", "reason")} for a in answers]}


@router.get("/links", response_model=list[LinkOut],
            responses={401: {"model": Message}, 403: {"model": Message}})
def links(user: CurrentUser, session: ReadSessionDep) -> list[dict[str, Any]]:
    if user.role not in (Role.ADMIN.value, Role.SUPERVISOR.value):
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="只有管理员和班长可以查看平台链接。")
    return [service.link_dict(link) for link in service.list_links(session)]
