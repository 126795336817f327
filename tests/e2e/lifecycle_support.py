"""Seats signed in with their role, and lifecycle steps taken through app.tickets.lifecycle."""

import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from e2e_support import PASSWORD, Seat

from app.domain.roles import Role
from app.store.models import Ticket
from app.tickets.service import Actor, get_by_client_id


def sign_in(seat: Seat) -> Seat:
    """What the desktop does after login: the actor carries the role and unit the center gave."""
    result = seat.api.login(seat.username, PASSWORD)
    seat.context = replace(seat.context, actor=Actor(seat.seat_id, seat.username, Role(result.role), result.unit))
    return seat


def step(seat: Seat, client_id: str, action: Callable[..., Any], **params: Any) -> None:
    """Take one lifecycle action on the seat's copy, in one transaction."""
    with seat.store.session() as s, s.begin():
        ticket = get_by_client_id(s, client_id)
        assert ticket is not None, f"{seat.username} has no copy of {client_id}"
        if "main" in params and isinstance(params["main"], str):
            params["main"] = get_by_client_id(s, params["main"])
        action(s, ticket=ticket, context=seat.context, **params)


def local(seat: Seat, client_id: str) -> Ticket:
    with seat.store.session() as s:
        ticket = get_by_client_id(s, client_id)
        assert ticket is not None
        return ticket


def mutation(client_id: str, kind: str, version: int, payload: dict[str, Any]) -> dict[str, Any]:
    return {"mutation_id": str(uuid.uuid4()), "ticket_client_id": client_id, "kind": kind,
            "base_version": version, "payload": payload, "seat": "T01", "actor": "test"}
