"""Admin changes: users and reference data (units, categories, holidays). Every change is put in
the change feed (seats pull it as reference data) and in the audit log. The caller commits."""

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.domain.roles import Role
from app.sync.protocol import ReferenceKind
from server.audit.service import AuditAction, record, utc_now
from server.auth.models import AuthToken, User
from server.auth.service import _hasher
from server.reference.service import put_item, unit_problem
from server.sync.service import allocate_seqs


class AdminError(ValueError):
    """A change that cannot be made; the message says why, in Chinese."""


def _publish_user(session: Session, user: User) -> None:
    put_item(session, ReferenceKind.USER, user.username, {
        "display_name": user.display_name, "role": user.role, "unit": user.unit, "active": user.active,
    }, allocate_seqs)


def _revoke_all(session: Session, user: User) -> None:
    session.execute(update(AuthToken).where(AuthToken.user_id == user.id, AuthToken.revoked_at.is_(None))
                    .values(revoked_at=utc_now()))


def audit(session: Session, admin: User, what: str, key: str, address: str, **detail: Any) -> None:
    record(session, action=AuditAction.ADMIN, username=admin.username, role=admin.role,
           reason=what, detail={"key": key, **detail}, address=address)


def get_user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise LookupError(f"没有账号“{username}”。")
    return user


def update_user(session: Session, user: User, *, display_name: str | None, role: str | None,
                unit: str | None, active: bool | None, admin: User) -> dict[str, list[Any]]:
    changes: dict[str, list[Any]] = {}
    new_role = Role(role) if role else Role(user.role)
    new_unit = unit if unit is not None else user.unit
    if new_role is Role.UNIT and not new_unit:
        raise AdminError("承办单位账号必须指定所属单位。")
    if new_role is not Role.UNIT:
        new_unit = ""
    elif (new_unit != user.unit or new_role.value != user.role) and (
            problem := unit_problem(session, new_unit)):
        raise AdminError(problem)
    if user.id == admin.id and (active is False or new_role is not Role.ADMIN):
        raise AdminError("不能停用自己或取消自己的管理员角色；请由另一位管理员操作。")
    for name, value in (("display_name", display_name), ("role", new_role.value), ("unit", new_unit),
                        ("active", active)):
        if value is not None and getattr(user, name) != value:
            changes[name] = [getattr(user, name), value]
            setattr(user, name, value)
    if changes:
        if {"role", "unit", "active"} & set(changes):
            _revoke_all(session, user)  # the new rights apply from the next login
        _publish_user(session, user)
    return changes


def reset_password(session: Session, user: User, password: str) -> None:
    user.password_hash = _hasher.hash(password)
    _revoke_all(session, user)


def publish_user(session: Session, user: User) -> None:
    _publish_user(session, user)


def put_reference(session: Session, kind: ReferenceKind, key: str, value: dict[str, Any]) -> None:
    put_item(session, kind, key, value, allocate_seqs)


def delete_reference(session: Session, kind: ReferenceKind, key: str) -> None:
    """Seats pull the removal as the item with {"deleted": true}."""
    put_item(session, kind, key, {"deleted": True}, allocate_seqs)
