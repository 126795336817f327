"""/api/v1/auth: login, logout, who am I."""

import asyncio
import logging
from datetime import UTC

from fastapi import APIRouter, HTTPException, Request, Response, status
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from server.audit import service as audit
from server.audit.service import AuditAction
from server.auth import service
from server.auth.schemas import LoginRequest, LoginResponse, Message, UserRead
from server.config import ServerSettings
from server.db import Database
from server.deps import UNAUTHORIZED, CurrentUser, DatabaseDep, TokenDep

log = logging.getLogger("server.auth")
router = APIRouter(prefix="/auth", tags=["auth"])


def user_read(user: object) -> UserRead:
    return UserRead.model_validate(user, from_attributes=True)


GATE = service.FloodGate()
TARPIT_SECONDS = 1.0


def _throttled(retry_after: int) -> HTTPException:
    return HTTPException(
        status.HTTP_429_TOO_MANY_REQUESTS,
        detail=f"登录失败次数过多，请 {retry_after} 秒后再试；忘记密码请联系管理员。",
        headers={"Retry-After": str(retry_after)},
    )


@router.post("/login", responses={401: {"model": Message}, 429: {"model": Message}})
async def login(body: LoginRequest, request: Request) -> LoginResponse:
    """A flood of unknown names is answered 429 here, on the event loop, from this process's
    memory; the rest reads and throttles, hashes with no transaction open, then writes briefly
    (argon2 ran inside the write lock that pushes need)."""
    address = request.client.host if request.client else "unknown"
    database: Database = request.app.state.database
    settings: ServerSettings = request.app.state.settings
    wait = GATE.retry_after(address)
    if wait:
        if GATE.claim_refresh():
            await run_in_threadpool(_load_names, database)
        if GATE.unknown_name(body.username):
            # A tarpit: a flooding connection waits a second per refusal (on the event loop,
            # no thread held) instead of asking again at once hundreds of times a second.
            await asyncio.sleep(TARPIT_SECONDS)
            raise _throttled(wait)
    return await run_in_threadpool(_login, body, address, database, settings)


def _load_names(database: Database) -> None:
    with database.read_session() as session, session.begin():
        GATE.load_names(session)


def _login(body: LoginRequest, address: str, database: Database, settings: ServerSettings) -> LoginResponse:
    try:
        with database.read_session() as session, session.begin():
            attempt = service.begin_login(session, username=body.username, address=address)
        ok, rehash = service.verify_password(attempt, body.password)
        if not ok:
            raise service.InvalidCredentials()
        with database.write_session() as session, session.begin():
            issued = service.finish_login(session, attempt=attempt, rehash=rehash, settings=settings)
            result = LoginResponse(token=issued.token, expires_at=issued.expires_at.replace(tzinfo=UTC),
                                   user=user_read(issued.user))
            user_id = issued.user.id
            audit.record(session, action=AuditAction.LOGIN, username=issued.user.username,
                         role=issued.user.role, address=address)
    except service.LoginThrottled as throttled:
        if throttled.attempt is not None:
            GATE.blocked(throttled.attempt, throttled.retry_after)
        log.warning("login throttled retry_after=%s", throttled.retry_after)
        raise _throttled(throttled.retry_after) from None
    except service.InvalidCredentials:
        with database.write_session() as session, session.begin():
            service.record_failure(session, attempt=attempt, settings=settings)
            audit.record(session, action=AuditAction.LOGIN_FAILED, username=body.username, address=address)
        return JSONResponse(  # type: ignore[return-value]
            status_code=status.HTTP_401_UNAUTHORIZED,
            content={"detail": "用户名或密码不正确，请检查后重试。"},
        )
    log.info("login ok user_id=%s", user_id)
    return result


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT,
             responses={401: {"model": Message}})
def logout(user: CurrentUser, credentials: TokenDep, database: DatabaseDep) -> Response:
    if credentials is None:
        raise UNAUTHORIZED
    with database.write_session() as session, session.begin():
        service.revoke(session, service.hash_token(credentials.credentials))
    log.info("logout user_id=%s", user.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/me", responses={401: {"model": Message}})
def me(user: CurrentUser) -> UserRead:
    return user_read(user)
