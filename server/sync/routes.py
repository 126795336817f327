"""/api/v1/sync: push mutations, pull changes."""

import json
import logging
import time
from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Response, status
from sqlalchemy.exc import IntegrityError, OperationalError

from server.auth.schemas import Message
from server.deps import CurrentUser, DatabaseDep, SettingsDep
from server.reference.service import current_reference
from server.sync import service
from server.sync.schemas import PullResponse, PushRequest, PushResponse
from server.validation import finite

log = logging.getLogger("server.sync")
router = APIRouter(prefix="/sync", tags=["sync"])
ATTEMPTS = 5


@router.post("/push", response_model=PushResponse,
             responses={401: {"model": Message}, 413: {"model": Message}, 503: {"model": Message}})
def push(body: PushRequest, user: CurrentUser, database: DatabaseDep,
         settings: SettingsDep) -> dict[str, Any]:
    if len(body.mutations) > settings.max_push_batch:
        raise HTTPException(status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
                            detail=f"一次最多提交{settings.max_push_batch}条变更，请分批提交。")
    answers: list[dict[str, Any]] = []
    for attempt in range(ATTEMPTS):
        try:
            with database.write_session() as session, session.begin():
                reference, config = current_reference(session, database.url)
                answers = service.push(session, user=user, mutations=body.mutations,
                                       reference=reference, config=config,
                                       city_prefix=settings.city_prefix,
                                       window=service.ClockWindow(
                                           skew=timedelta(seconds=settings.clock_skew_seconds),
                                           offline=timedelta(days=settings.offline_limit_days)))
            break
        except (IntegrityError, OperationalError) as error:
            # A concurrent push of the same mutation or ticket won the race (or a deadlock):
            # run the batch again; what the other one applied now answers as replayed.
            if attempt == ATTEMPTS - 1:
                # Still busy after every retry: the seat keeps its outbox and tries again later.
                log.warning("push gave up attempts=%d error=%s", ATTEMPTS, type(error).__name__)
                raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE,
                                    detail="中心服务器正忙，这批变更没有提交；本机会稍后自动重试。",
                                    headers={"Retry-After": "2"}) from None
            log.info("push retry attempt=%d error=%s", attempt + 1, type(error).__name__)
            time.sleep(0.01 * (attempt + 1))
    return {"answers": answers}  # validated once, by response_model


@router.get("/pull", response_model=PullResponse,
            responses={401: {"model": Message}, 410: {"model": Message}})
def pull(
    user: CurrentUser, database: DatabaseDep, settings: SettingsDep,
    cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> Response:
    try:
        with database.read_session() as session, session.begin():
            page = service.pull(session, user=user, cursor=cursor,
                                limit=min(limit, settings.max_pull_limit))
    except service.ResyncRequired:
        raise HTTPException(
            status.HTTP_410_GONE,
            detail="本机离线时间过长，部分删除记录已过期；需要完整重新同步（客户端会自动进行）。",
        ) from None
    # Built in the shape of PullResponse by the service and encoded once here: validating and
    # re-encoding thousands of tickets through the response model cost more than the query.
    try:
        body = json.dumps(page, ensure_ascii=False, separators=(",", ":"), check_circular=False,
                          allow_nan=False)
    except ValueError:
        # NaN or infinity stored before payloads were checked: sent as null, never as the
        # non-standard JSON a seat cannot read.
        body = json.dumps(finite(page), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Response(content=body.encode(), media_type="application/json")
