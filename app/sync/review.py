"""What the agent reviews after a sync: conflicts side by side, rejections on their ticket.

Read-only views of the engine's ``sync_conflicts`` and ``sync_rejections`` rows, plus the one
write the agent makes on a rejection (acknowledging it). Qt-free, tested without a window.
"""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.store.models import SyncConflict, SyncRejection, Ticket
from app.sync.protocol import CALLER_FIELDS, EDITABLE_FIELDS


@dataclass(frozen=True)
class FieldDifference:
    name: str
    local: Any
    server: Any


@dataclass(frozen=True)
class ConflictView:
    client_id: str
    ticket_id: int | None
    number: str
    title: str
    local: dict[str, Any]
    server: dict[str, Any]
    differences: tuple[FieldDifference, ...]
    # Local changes other than field edits (lifecycle actions) that wait in the conflict.
    other_changes: int


@dataclass(frozen=True)
class RejectionView:
    mutation_id: str
    kind: str
    reason: str
    errors: dict[str, str]
    changed_fields: tuple[str, ...]
    rejected_at: datetime


def differences(local: dict[str, Any], server: dict[str, Any]) -> tuple[FieldDifference, ...]:
    """The editable fields whose values differ (caller fields only when the server shows them)."""
    hidden = CALLER_FIELDS if server.get("redacted") else ()
    return tuple(FieldDifference(name, local.get(name), server.get(name))
                 for name in EDITABLE_FIELDS
                 if name not in hidden and name in server and local.get(name) != server.get(name))


def merged_values(conflict: ConflictView, keep_local: set[str]) -> dict[str, Any]:
    """The editable values after the agent's choices: the local value for ``keep_local``, the
    server's for every other field (what ``SyncEngine.resolve_conflict`` expects)."""
    values = {name: conflict.server[name] for name in EDITABLE_FIELDS if name in conflict.server}
    for difference in conflict.differences:
        if difference.name in keep_local:
            values[difference.name] = difference.local
    return values


def conflicts(session: Session) -> list[ConflictView]:
    rows = session.scalars(select(SyncConflict).order_by(SyncConflict.detected_at, SyncConflict.id)).all()
    tickets = {t.client_id: t for t in session.scalars(select(Ticket).where(
        Ticket.client_id.in_([r.ticket_client_id for r in rows])))}
    views = []
    for row in rows:
        local, server = json.loads(row.local_copy), json.loads(row.server_copy)
        ticket = tickets.get(row.ticket_client_id)
        mutations = json.loads(row.mutations)
        views.append(ConflictView(
            client_id=row.ticket_client_id, ticket_id=ticket.id if ticket else None,
            number=(ticket.official_no or ticket.local_no) if ticket else server.get("official_no", ""),
            title=ticket.title if ticket else server.get("title", ""),
            local=local, server=server, differences=differences(local, server),
            other_changes=sum(1 for m in mutations if m.get("kind") not in ("create", "update")),
        ))
    return views


def rejections(session: Session, client_id: str) -> list[RejectionView]:
    """The ticket's rejections the agent has not acknowledged yet, oldest first."""
    rows = session.scalars(select(SyncRejection).where(
        SyncRejection.ticket_client_id == client_id, SyncRejection.dismissed.is_(False))
        .order_by(SyncRejection.id)).all()
    views = []
    for row in rows:
        payload = json.loads(row.payload or "{}")
        changed = tuple(payload.get("changes", {})) if isinstance(payload, dict) else ()
        views.append(RejectionView(row.mutation_id, row.kind, row.reason,
                                   json.loads(row.errors or "{}"), changed, row.rejected_at))
    return views


def marked_tickets(session: Session) -> tuple[set[int], set[int]]:
    """Local ids of tickets with an open rejection, and of tickets in conflict."""
    rejected = set(session.scalars(select(Ticket.id).join(
        SyncRejection, SyncRejection.ticket_client_id == Ticket.client_id).where(
        SyncRejection.dismissed.is_(False))))
    conflicted = set(session.scalars(select(Ticket.id).join(
        SyncConflict, SyncConflict.ticket_client_id == Ticket.client_id)))
    return rejected, conflicted


def dismiss_rejections(session: Session, client_id: str) -> None:
    """The agent has read the ticket's rejections; they leave the status bar's count."""
    session.execute(update(SyncRejection).where(SyncRejection.ticket_client_id == client_id)
                    .values(dismissed=True))
