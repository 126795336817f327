"""Writing and reading the audit log. The caller owns the transaction."""

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.sync.protocol import (
    AuditAction as AuditAction,  # re-exported: one list for seat and center
)
from server.audit.models import AuditEntry


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def record(
    session: Session, *, action: AuditAction, username: str = "", role: str = "",
    ticket_client_id: str = "", ticket_no: str = "", reason: str = "",
    detail: dict[str, Any] | None = None, address: str = "", at: datetime | None = None,
) -> None:
    session.add(AuditEntry(
        at=at or utc_now(), username=username[:64], role=role[:16], action=action.value,
        ticket_client_id=ticket_client_id[:36], ticket_no=ticket_no[:32], reason=reason[:1000],
        detail=json.dumps(detail or {}, ensure_ascii=False, default=str), address=address[:64],
    ))


def entry_dict(entry: AuditEntry) -> dict[str, Any]:
    return {
        "id": entry.id, "at": entry.at.replace(tzinfo=UTC).isoformat(), "username": entry.username,
        "role": entry.role, "action": entry.action, "ticket_client_id": entry.ticket_client_id,
        "ticket_no": entry.ticket_no, "reason": entry.reason, "detail": json.loads(entry.detail),
        "address": entry.address,
    }


def search(
    session: Session, *, page: int, page_size: int, action: str | None = None,
    username: str | None = None, ticket: str | None = None,
    since: datetime | None = None, until: datetime | None = None,
) -> tuple[list[AuditEntry], int]:
    """Newest first; ``ticket`` matches the client id or the official number."""
    statement = select(AuditEntry)
    if action:
        statement = statement.where(AuditEntry.action == action)
    if username:
        statement = statement.where(AuditEntry.username == username)
    if ticket:
        statement = statement.where((AuditEntry.ticket_client_id == ticket) | (AuditEntry.ticket_no == ticket))
    if since:
        statement = statement.where(AuditEntry.at >= since)
    if until:
        statement = statement.where(AuditEntry.at < until)
    total = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    rows = session.scalars(statement.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
                           .offset((page - 1) * page_size).limit(page_size)).all()
    return list(rows), int(total)
