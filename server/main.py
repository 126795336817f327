"""The FastAPI application: routers by feature under /api/v1, health, OpenAPI."""

import logging

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel
from sqlalchemy import text
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.types import Message as AsgiMessage

from app.sync.protocol import API_PREFIX
from server.admin.routes import router as admin_router
from server.audit.routes import reveal_router
from server.audit.routes import router as audit_router
from server.auth.routes import router as auth_router
from server.auth.schemas import Message
from server.calls.routes import router as calls_router
from server.config import ServerSettings
from server.db import Database, open_database, upgrade
from server.deps import DatabaseDep
from server.open311.routes import router as open311_router
from server.platform.routes import router as platform_router
from server.reference.service import seed_reference
from server.safety import install as install_safety
from server.sync.routes import router as sync_router
from server.sync.service import allocate_seqs
from server.tickets.routes import router as tickets_router

log = logging.getLogger("server")
VERSION = "0.1.0"


# Every answer of the API carries tokens, callers' data or the audit: no cache (a proxy's, the
# browser's) may keep one; no content sniffing. uvicorn's "server" banner is off (__main__).
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"cache-control", b"no-store"),
    (b"x-content-type-options", b"nosniff"),
)


class SecurityHeaders:
    """Plain ASGI (no BaseHTTPMiddleware): a push costs nothing extra but two headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: AsgiMessage) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class Health(BaseModel):
    status: str
    version: str


def prepare_database(settings: ServerSettings) -> Database:
    """Open the database, migrate to head and import the reference data on first start."""
    database = open_database(settings.resolved_database_url())
    upgrade(database)
    with database.write_session() as session, session.begin():
        count = seed_reference(session, settings.reference_dir, allocate_seqs)
    if count:
        log.info("imported %d reference items", count)
    return database


def create_app(settings: ServerSettings, database: Database | None = None) -> FastAPI:
    app = FastAPI(
        title="Hotline Desk central server",
        version=VERSION,
        description="12345 热线座席工作台中心服务：工单查询与离线同步（/api/v1）。",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs" if settings.debug else None,
        redoc_url=None,
    )
    app.state.settings = settings
    install_safety(app, max_body_bytes=settings.max_body_mb * 1024 * 1024)
    app.state.database = database or prepare_database(settings)

    # Every route may refuse a missing token (401) or a role (403): documented once for all, so
    # that a new feature's refusal is never an undocumented status (schemathesis checks it).
    api = APIRouter(prefix=API_PREFIX, responses={401: {"model": Message}, 403: {"model": Message}})

    @api.get("/health", tags=["health"])
    def health(db: DatabaseDep) -> Health:
        with db.read_session() as session, session.begin():
            session.execute(text("SELECT 1"))
        return Health(status="ok", version=VERSION)

    api.include_router(auth_router)
    api.include_router(tickets_router)
    api.include_router(sync_router)
    api.include_router(reveal_router)
    api.include_router(audit_router)
    api.include_router(admin_router)
    api.include_router(calls_router)
    api.include_router(platform_router)
    app.include_router(api)
    app.include_router(open311_router)  # /open311/v2, outside /api/v1: its own specification
    app.add_middleware(SecurityHeaders)
    return app
