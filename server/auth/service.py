"""Passwords (argon2id), opaque tokens stored hashed, and login throttling kept in the database."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Table, delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.domain.roles import Role
from server.auth.models import AuthToken, LoginThrottle, User
from server.config import ServerSettings

_hasher = PasswordHasher()  # argon2id with the library's recommended parameters
# Verified against when the user does not exist, so that timing does not reveal usernames.
_DUMMY_HASH = _hasher.hash("not-a-real-password")
USER_THRESHOLD_FACTOR = 10  # failures from many addresses against one user
TOUCH_INTERVAL = timedelta(seconds=60)


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class LoginThrottled(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


class InvalidCredentials(Exception):
    pass


@dataclass(frozen=True)
class IssuedToken:
    token: str
    expires_at: datetime
    user: User


def create_user(
    session: Session, *, username: str, role: Role, password: str, unit: str = "",
    display_name: str = "",
) -> User:
    if role is Role.UNIT and not unit:
        raise ValueError("承办单位账号必须指定 --unit（单位名称）。")
    user = User(
        username=username, display_name=display_name or username, role=role.value,
        unit=unit, password_hash=_hasher.hash(password),
        active=True, created_at=utc_now(),
    )
    session.add(user)
    session.flush()
    return user


def _upsert_failure(session: Session, key: str, now: datetime) -> int:
    table = cast(Table, LoginThrottle.__table__)
    dialect = session.get_bind().dialect.name
    insert: Any = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(table).values(key=key, failures=1, last_failure_at=now, blocked_until=None)
    upsert = statement.on_conflict_do_update(
        index_elements=["key"],
        set_={"failures": table.c.failures + 1, "last_failure_at": now},
    ).returning(table.c.failures)
    return int(session.execute(upsert).scalar_one())


def _blocked_for(failures: int, threshold: int, cap: int) -> int:
    if failures < threshold:
        return 0
    return min(cap, int(2 ** min(failures - threshold, 16)) * 15)


def check_throttle(session: Session, keys: list[str], now: datetime) -> None:
    rows = session.scalars(select(LoginThrottle).where(LoginThrottle.key.in_(keys))).all()
    waits = [int((r.blocked_until - now).total_seconds()) + 1
             for r in rows if r.blocked_until and r.blocked_until > now]
    if waits:
        raise LoginThrottled(max(waits))


def throttle_keys(username: str, address: str) -> tuple[str, str]:
    name = username.strip().lower()
    return f"pair:{name}|{address}", f"user:{name}"


def record_failure(session: Session, *, username: str, address: str, settings: ServerSettings) -> None:
    now = utc_now()
    pair_key, user_key = throttle_keys(username, address)
    window = timedelta(seconds=settings.login_block_max_seconds)
    # Failures older than the window are forgotten: nobody stays locked out for good.
    session.execute(delete(LoginThrottle).where(
        LoginThrottle.key.in_([pair_key, user_key]), LoginThrottle.last_failure_at < now - window,
    ))
    for key, threshold in ((pair_key, settings.login_max_failures),
                           (user_key, settings.login_max_failures * USER_THRESHOLD_FACTOR)):
        failures = _upsert_failure(session, key, now)
        seconds = _blocked_for(failures, threshold, settings.login_block_max_seconds)
        if seconds:
            session.execute(update(LoginThrottle).where(LoginThrottle.key == key).values(
                blocked_until=now + timedelta(seconds=seconds)))


def login(
    session: Session, *, username: str, password: str, address: str, settings: ServerSettings
) -> IssuedToken:
    """Check the password; raises LoginThrottled or InvalidCredentials. Caller commits."""
    now = utc_now()
    pair_key, user_key = throttle_keys(username, address)
    check_throttle(session, [pair_key, user_key], now)
    user = session.scalar(select(User).where(User.username == username))
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
        ok = user is not None and user.active
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok or user is None:
        raise InvalidCredentials()  # the caller records the failure in its own transaction
    session.execute(delete(LoginThrottle).where(LoginThrottle.key == pair_key))
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    token = secrets.token_urlsafe(32)  # 256 bits
    expires_at = now + timedelta(hours=settings.token_absolute_hours)
    session.add(AuthToken(token_hash=hash_token(token), user_id=user.id, created_at=now,
                          last_used_at=now, expires_at=expires_at, revoked_at=None))
    return IssuedToken(token, expires_at, user)


def authenticate(
    session: Session, token: str, settings: ServerSettings
) -> tuple[User, AuthToken] | None:
    """The user of a valid token, or None (unknown, revoked, idle too long, too old)."""
    now = utc_now()
    row = session.execute(
        select(AuthToken, User).join(User, User.id == AuthToken.user_id)
        .where(AuthToken.token_hash == hash_token(token))
    ).first()
    if row is None:
        return None
    stored, user = row.tuple()
    if (stored.revoked_at is not None or stored.expires_at <= now or not user.active
            or stored.last_used_at + timedelta(minutes=settings.token_idle_minutes) <= now):
        return None
    return user, stored


def needs_touch(stored: AuthToken) -> bool:
    return utc_now() - stored.last_used_at > TOUCH_INTERVAL


def touch(session: Session, token_hash: str) -> None:
    session.execute(update(AuthToken).where(AuthToken.token_hash == token_hash)
                    .values(last_used_at=utc_now()))


def revoke(session: Session, token_hash: str) -> None:
    session.execute(update(AuthToken).where(AuthToken.token_hash == token_hash)
                    .values(revoked_at=utc_now()))
