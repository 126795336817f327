"""Annotated dependencies: the database session and the current user."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.auth import service as auth_service
from server.auth.models import User
from server.config import ServerSettings
from server.db import Database
from server.platform.models import PlatformLink

_bearer = HTTPBearer(auto_error=False, description="登录得到的令牌")

UNAUTHORIZED = HTTPException(
    status.HTTP_401_UNAUTHORIZED, detail="登录已失效或未登录，请重新登录。",
    headers={"WWW-Authenticate": "Bearer"},
)


def get_database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


def get_settings(request: Request) -> ServerSettings:
    settings: ServerSettings = request.app.state.settings
    return settings


DatabaseDep = Annotated[Database, Depends(get_database)]
SettingsDep = Annotated[ServerSettings, Depends(get_settings)]


def read_session(database: DatabaseDep) -> Iterator[Session]:
    with database.read_session() as session, session.begin():
        yield session


def write_session(database: DatabaseDep) -> Iterator[Session]:
    """A write transaction; committed when the endpoint returns without error."""
    with database.write_session() as session, session.begin():
        yield session


ReadSessionDep = Annotated[Session, Depends(read_session)]
WriteSessionDep = Annotated[Session, Depends(write_session)]


def current_user(
    database: DatabaseDep, settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> User:
    if credentials is None or not credentials.credentials:
        raise UNAUTHORIZED
    token = credentials.credentials
    with database.read_session() as session, session.begin():
        found = auth_service.authenticate(session, token, settings)
        if found is None:
            raise UNAUTHORIZED
        user, stored = found
        # Another center's service account sees only what went over its link.
        link = session.execute(select(PlatformLink.kind, PlatformLink.name).where(
            PlatformLink.peer_account == user.username, PlatformLink.active.is_(True))).first()
        session.expunge(user)
        if link is not None:
            user.platform_scope = (link.kind, link.name)  # type: ignore[attr-defined]
    if auth_service.needs_touch(stored):
        with database.write_session() as session, session.begin():
            auth_service.touch(session, stored.token_hash)
    return user


CurrentUser = Annotated[User, Depends(current_user)]
TokenDep = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
