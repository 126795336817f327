"""Passwords (argon2id), opaque tokens stored hashed, and login throttling kept in the database."""

import hashlib
import secrets
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import HTTPException, status
from sqlalchemy import Table, delete, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.domain.passwords import password_problem
from app.domain.roles import Role
from server.auth.models import AuthToken, LoginThrottle, User
from server.config import ServerSettings

_hasher = PasswordHasher()  # argon2id with the library's recommended parameters
# Verified against when the user does not exist, so that timing does not reveal usernames.
_DUMMY_HASH = _hasher.hash("not-a-real-password")
USER_THRESHOLD_FACTOR = 10  # failures from many addresses against one user
TOUCH_INTERVAL = timedelta(seconds=60)
UNKNOWN_ALL_KEY = "unknown:*"
HASH_SLOTS = 2
_HASH_SLOTS = threading.BoundedSemaphore(HASH_SLOTS)
_UNKNOWN_SLOT = threading.Lock()


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class LoginThrottled(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after
        self.attempt: Attempt | None = None


class InvalidCredentials(Exception):
    pass


class WeakPassword(ValueError):
    """A new password the rule (app/domain/passwords.py) refuses; the message says why."""


def refused_password(message: str) -> HTTPException:
    """409 with the reason, as every refused admin change: the request had the documented
    shape (a 422 would say it had not), the rule refused its content."""
    return HTTPException(status.HTTP_409_CONFLICT, detail=message)


def check_new_password(password: str, *, username: str, display_name: str = "") -> None:
    """Every password the center stores passes here first: CLI, admin, the user's own change."""
    problem = password_problem(password, username=username, display_name=display_name)
    if problem is not None:
        raise WeakPassword(problem)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


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
    check_new_password(password, username=username, display_name=display_name)
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


def unknown_keys(address: str) -> tuple[str, str]:
    """Attempts on names that do not exist: counted per address and for the whole center,
    never per name (a flood of random names would leave a row for each)."""
    return f"addr:{address}", UNKNOWN_ALL_KEY


class FloodGate:
    """This process's memory of the throttles on unknown names (per address and overall), so
    that a flood is answered 429 without a thread, a database connection or argon2. The names
    that exist are read again at most every ``NAMES_FOR`` while a block is on: a real user's
    login from a blocked address still reaches the database and its own throttles."""

    NAMES_FOR = timedelta(seconds=10)

    def __init__(self) -> None:
        self._blocked: dict[str, datetime] = {}
        self.names: frozenset[str] = frozenset()
        self._names_at: datetime | None = None
        self._loading = False

    def retry_after(self, address: str) -> int:
        """Seconds an unknown name from ``address`` must wait (0: not blocked here)."""
        now = utc_now()
        waits = [until for key in unknown_keys(address) if (until := self._blocked.get(key)) and until > now]
        return int((max(waits) - now).total_seconds()) + 1 if waits else 0

    def unknown_name(self, username: str) -> bool:
        """Known not to exist by names loaded and not being reloaded (while they load, the
        database answers: a real user is never refused for the gate's not knowing)."""
        return self._names_at is not None and not self._loading and username not in self.names

    def claim_refresh(self) -> bool:
        """True (once, until the names are loaded) when the names are older than NAMES_FOR;
        called on the event loop, so two floods never both reload."""
        if self._loading or (self._names_at is not None and utc_now() - self._names_at <= self.NAMES_FOR):
            return False
        self._loading = True
        return True

    def load_names(self, session: Session) -> None:
        try:
            self.names = frozenset(session.scalars(select(User.username)))
            self._names_at = utc_now()
        finally:
            self._loading = False

    def blocked(self, attempt: "Attempt", retry_after: int) -> None:
        if attempt.known:
            return
        now = utc_now()
        until = now + timedelta(seconds=retry_after)
        if len(self._blocked) > 10_000:  # many addresses: keep only the live blocks
            self._blocked = {k: v for k, v in self._blocked.items() if v > now}
        for key in unknown_keys(attempt.address):
            self._blocked[key] = max(until, self._blocked.get(key, until))


@dataclass(frozen=True)
class Attempt:
    """What a login needs from the database, read before the password is hashed."""

    username: str
    address: str
    user_id: int | None
    password_hash: str
    active: bool

    @property
    def known(self) -> bool:
        return self.user_id is not None

    def keys(self) -> tuple[str, str]:
        return throttle_keys(self.username, self.address) if self.known else unknown_keys(self.address)


def begin_login(session: Session, *, username: str, address: str) -> Attempt:
    """Read the user and check the throttles (raises LoginThrottled); a read transaction only."""
    user = session.scalar(select(User).where(User.username == username))
    attempt = Attempt(username, address, user.id if user else None,
                      user.password_hash if user else _DUMMY_HASH, bool(user and user.active))
    try:
        check_throttle(session, list(attempt.keys()), utc_now())
    except LoginThrottled as throttled:
        throttled.attempt = attempt
        raise
    return attempt


def verify_password(attempt: Attempt, password: str) -> tuple[bool, str | None]:
    """argon2 outside any transaction (it held the write lock that pushes need), at most
    ``HASH_SLOTS`` at a time (each takes 64 MiB and a core: fifty at once took seconds each);
    returns (ok, a new hash when the parameters changed).

    An unknown name is hashed against a dummy (so that timing does not tell names apart) by
    one thread at a time; while one runs, further unknown names fail at once: a flood of
    random names costs one core at most, and real users keep the others."""
    if not attempt.known:
        if _UNKNOWN_SLOT.acquire(blocking=False):
            try:
                _hasher.verify(_DUMMY_HASH, password)
            except (VerificationError, InvalidHashError):
                pass
            finally:
                _UNKNOWN_SLOT.release()
        return False, None
    with _HASH_SLOTS:
        try:
            _hasher.verify(attempt.password_hash, password)
        except (VerificationError, InvalidHashError):
            return False, None
        if not attempt.active:
            return False, None
        rehash = _hasher.hash(password) if _hasher.check_needs_rehash(attempt.password_hash) else None
    return True, rehash


def finish_login(session: Session, *, attempt: Attempt, rehash: str | None,
                 settings: ServerSettings) -> IssuedToken:
    """Issue the token in a short write transaction (the caller commits)."""
    now = utc_now()
    user = session.get(User, attempt.user_id)
    if user is None or not user.active:  # removed or disabled while the hash ran
        raise InvalidCredentials()
    session.execute(delete(LoginThrottle).where(LoginThrottle.key == attempt.keys()[0]))
    if rehash is not None:
        user.password_hash = rehash
    token = secrets.token_urlsafe(32)  # 256 bits
    expires_at = now + timedelta(hours=settings.token_absolute_hours)
    session.add(AuthToken(token_hash=hash_token(token), user_id=user.id, created_at=now,
                          last_used_at=now, expires_at=expires_at, revoked_at=None))
    return IssuedToken(token, expires_at, user)


def record_failure(session: Session, *, attempt: Attempt, settings: ServerSettings) -> None:
    """Count a failed login under its keys and forget expired rows (the table stays small)."""
    now = utc_now()
    window = timedelta(seconds=settings.login_block_max_seconds)
    # Failures older than the window are forgotten: nobody stays locked out for good.
    session.execute(delete(LoginThrottle).where(
        LoginThrottle.last_failure_at < now - window,
        or_(LoginThrottle.blocked_until.is_(None), LoginThrottle.blocked_until < now)))
    first, second = attempt.keys()
    if attempt.known:
        limits = ((first, settings.login_max_failures),
                  (second, settings.login_max_failures * USER_THRESHOLD_FACTOR))
    else:
        limits = ((first, settings.login_unknown_per_address), (second, settings.login_unknown_overall))
    for key, threshold in limits:
        failures = _upsert_failure(session, key, now)
        seconds = _blocked_for(failures, threshold, settings.login_block_max_seconds)
        if seconds:
            session.execute(update(LoginThrottle).where(LoginThrottle.key == key).values(
                blocked_until=now + timedelta(seconds=seconds)))


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


def replace_password(session: Session, *, user_id: int, old_hash: str, new_hash: str,
                     keep_token_hash: str) -> bool:
    """Store ``new_hash`` if the password is still ``old_hash`` (a concurrent change wins, not
    both), and sign the user out everywhere but the session that changed it: someone who
    knew the old password keeps no token. False when it had changed meanwhile."""
    now = utc_now()
    changed = session.execute(
        update(User).where(User.id == user_id, User.password_hash == old_hash)
        .values(password_hash=new_hash))
    if not cast(Any, changed).rowcount:
        return False
    session.execute(update(AuthToken).where(
        AuthToken.user_id == user_id, AuthToken.token_hash != keep_token_hash,
        AuthToken.revoked_at.is_(None)).values(revoked_at=now))
    return True


def revoke(session: Session, token_hash: str) -> None:
    session.execute(update(AuthToken).where(AuthToken.token_hash == token_hash)
                    .values(revoked_at=utc_now()))
