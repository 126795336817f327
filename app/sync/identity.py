"""Who is signed in at this seat: the center's account, kept in the store so that a restart
without network still shows the user's role views. Never the token (that is in the keyring).

The role here only decides what the window offers; the center checks every action again.
"""

import json
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy.orm import Session

from app.domain.roles import Role
from app.seat import Seat
from app.sync.engine import get_state, set_state
from app.tickets.service import Actor

_KEY = "identity"


@dataclass(frozen=True)
class Identity:
    username: str
    display_name: str
    role: Role
    unit: str = ""


def identity_from_user(user: dict[str, Any]) -> Identity:
    """From the center's user record (login answer or GET /auth/me)."""
    return Identity(str(user["username"]), str(user.get("display_name") or ""), Role(user["role"]),
                    str(user.get("unit") or ""))


def load_identity(session: Session) -> Identity | None:
    try:
        stored = json.loads(get_state(session, _KEY) or "null")
        return None if stored is None else Identity(
            stored["username"], stored.get("display_name", ""), Role(stored["role"]), stored.get("unit", ""))
    except (ValueError, KeyError, TypeError):
        return None  # unreadable: as if signed out, the next login writes it again


def save_identity(session: Session, identity: Identity | None) -> None:
    set_state(session, _KEY, "null" if identity is None else json.dumps({
        "username": identity.username, "display_name": identity.display_name,
        "role": identity.role.value, "unit": identity.unit}, ensure_ascii=False))


def apply_identity(seat: Seat, identity: Identity | None) -> None:
    """The seat's actor acts as ``identity`` (None: the seat's own name, no role)."""
    actor = (Actor(seat.settings.seat_id, identity.username, identity.role, identity.unit)
             if identity else Actor(seat.settings.seat_id, seat.settings.agent_name))
    seat.context = replace(seat.context, actor=actor)


def restore_identity(seat: Seat) -> Identity | None:
    with seat.store.session() as session:
        identity = load_identity(session)
    apply_identity(seat, identity)
    return identity


def remember_identity(seat: Seat, identity: Identity | None) -> None:
    with seat.store.session() as session, session.begin():
        save_identity(session, identity)
    apply_identity(seat, identity)
