"""/api/v1/auth: login, logout, who am I."""

import logging
from datetime import UTC

from fastapi import APIRouter, HTTPException, Request, Response, status
from fastapi.responses import JSONResponse

from server.audit import service as audit
from server.audit.service import AuditAction
from server.auth import service
from server.auth.schemas import LoginRequest, LoginResponse, Message, UserRead
from server.deps import UNAUTHORIZED, CurrentUser, DatabaseDep, SettingsDep, TokenDep

log = logging.getLogger("server.auth")
router = APIRouter(prefix="/auth", tags=["auth"])


def user_read(user: object) -> UserRead:
    return UserRead.model_validate(user, from_attributes=True)


@router.post("/login", responses={401: {"model": Message}, 429: {"model": Message}})
def login(body: LoginRequest, request: Request, database: DatabaseDep,
          settings: SettingsDep) -> LoginResponse:
    address = request.client.host if request.client else "unknown"
    try:
        with database.write_session() as session, session.begin():
            issued = service.login(session, username=body.username, password=body.password,
                                   address=address, settings=settings)
            result = LoginResponse(token=issued.token, expires_at=issued.expires_at.replace(tzinfo=UTC),
                                   user=user_read(issued.user))
            user_id = issued.user.id
            audit.record(session, action=AuditAction.LOGIN, username=issued.user.username,
                         role=issued.user.role, address=address)
    except service.LoginThrottled as throttled:
        log.warning("login throttled retry_after=%s", throttled.retry_after)
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            detail=f"登录失败次数过多，请 {throttled.retry_after} 秒后再试；忘记密码请联系管理员。",
            headers={"Retry-After": str(throttled.retry_after)},
        ) from None
    except service.InvalidCredentials:
        # The failure was committed in its own transaction above (the with-block rolled back).
        with database.write_session() as session, session.begin():
            service.record_failure(session, username=body.username, address=address,
                                   settings=settings)
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
