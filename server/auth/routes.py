"""/api/v1/auth: login, logout, who am I, change my password."""

import asyncio
import logging
from datetime import UTC

from fastapi import APIRouter, HTTPException, Request, Response, status
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from server.audit import service as audit
from server.audit.service import AuditAction
from server.auth import service
from server.auth.schemas import LoginRequest, LoginResponse, Message, PasswordChange, UserRead
from server.config import ServerSettings
from server.db import Database
from server.deps import UNAUTHORIZED, CurrentUser, DatabaseDep, SettingsDep, TokenDep

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


@router.post("/password", status_code=status.HTTP_204_NO_CONTENT,
             responses={401: {"model": Message}, 403: {"model": Message}, 409: {"model": Message},
                        429: {"model": Message}})
def change_password(body: PasswordChange, user: CurrentUser, credentials: TokenDep, request: Request,
                    database: DatabaseDep, settings: SettingsDep) -> Response:
    """The signed-in user's own password. A wrong current password counts as a failed login
    (same throttle): a token left on an open seat cannot be used to guess it."""
    if credentials is None:
        raise UNAUTHORIZED
    address = request.client.host if request.client else "unknown"
    with database.read_session() as session, session.begin():
        try:
            attempt = service.begin_login(session, username=user.username, address=address)
        except service.LoginThrottled as throttled:
            raise HTTPException(
                status.HTTP_429_TOO_MANY_REQUESTS,
                detail=f"密码输错次数过多，请 {throttled.retry_after} 秒后再试。",
                headers={"Retry-After": str(throttled.retry_after)}) from None
    old_hash = attempt.password_hash
    # argon2 runs outside any write transaction (and within the login's hashing slots).
    ok, _rehash = service.verify_password(attempt, body.current_password)
    if not ok:
        with database.write_session() as session, session.begin():
            service.record_failure(session, attempt=attempt, settings=settings)
            audit.record(session, action=AuditAction.LOGIN_FAILED, username=user.username,
                         role=user.role, address=address, detail={"path": "/auth/password"})
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="当前密码不正确，密码没有修改。")
    if body.new_password == body.current_password:
        raise service.refused_password("新密码不能与当前密码相同。")
    try:
        service.check_new_password(body.new_password, username=user.username,
                                   display_name=user.display_name)
    except service.WeakPassword as weak:
        raise service.refused_password(str(weak)) from None
    new_hash = service.hash_password(body.new_password)
    with database.write_session() as session, session.begin():
        if not service.replace_password(session, user_id=user.id, old_hash=old_hash, new_hash=new_hash,
                                        keep_token_hash=service.hash_token(credentials.credentials)):
            raise HTTPException(status.HTTP_409_CONFLICT,
                                detail="密码刚被修改过（另一处或管理员），这次没有修改：请重新登录后再试。")
        audit.record(session, action=AuditAction.PASSWORD, username=user.username, role=user.role,
                     address=address)
    log.info("password changed user_id=%s", user.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/me", responses={401: {"model": Message}})
def me(user: CurrentUser) -> UserRead:
    return user_read(user)
