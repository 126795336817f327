"""Runs the sync engine in the background, on a timer and on demand, and reports its state.

Every network call and every store write of the engine runs on one private one-thread pool
(through ``run_task``), so two syncs never overlap and the GUI thread never waits on the
network; the callbacks turn results into a ``SyncStatus`` for the status bar.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from app.admin.client import AdminClient
from app.desk import Desk
from app.domain.roles import Role
from app.settings import Settings
from app.sync.client import ApiClient, LoginResult, RetryPolicy
from app.sync.credentials import TokenStore
from app.sync.engine import SyncEngine, SyncReport
from app.sync.errors import ApiError, AuthRequired, ServerUnavailable
from app.sync.identity import Identity, identity_from_user
from ui.messages import say_error
from ui.tasks import run_task

log = logging.getLogger(__name__)

# In the app a sync that cannot reach the center gives up quickly and tries again on the timer.
APP_RETRY = RetryPolicy(attempts=2, backoff=0.5, max_backoff=2.0)
SOON_MS = 2000  # a saved ticket goes out this long after the last save


class SyncState(StrEnum):
    UNCONFIGURED = "unconfigured"  # no server address yet
    LOGGED_OUT = "logged_out"  # no token, or the server refused it
    UNKNOWN = "unknown"  # configured, not tried yet
    ONLINE = "online"
    OFFLINE = "offline"
    ERROR = "error"


@dataclass(frozen=True)
class SyncStatus:
    state: SyncState
    busy: bool = False
    pending: int = 0
    conflicts: int = 0
    rejected: int = 0
    last_sync: datetime | None = None  # UTC, naive
    error: str = ""  # the failure of the last round, for the agent (may quote the server)
    keyring_ok: bool = True


class _NoToken(AuthRequired):
    """No token for this account yet: a first login, not an expired one."""


class SyncController(QObject):
    """The seat's link to the center.

    Signals:
        status_changed(object): a new ``SyncStatus`` (state, counts, last sync, error).
        login_required(bool): the center wants a login; True when it refused the token (401),
            False when there is none yet.
        login_finished(bool, str): a login attempt ended; on failure, the message for the agent.
        password_change_finished(bool, str): the user's own password change ended; on failure,
            the message for the agent (the center's reason when it gave one).
        synced(object): a round ended well; the ``SyncReport``.
        review_changed(): conflicts or rejections may have changed (resolve, dismiss, sync).
        identity_changed(object): who is signed in changed (``Identity`` or None after logout);
            the seat's actor already carries the new role and unit.
    """

    status_changed = Signal(object)
    login_required = Signal(bool)
    login_finished = Signal(bool, str)
    password_change_finished = Signal(bool, str)
    synced = Signal(object)
    review_changed = Signal()
    identity_changed = Signal(object)

    def __init__(self, desk: Desk, *, tokens: TokenStore | None = None,
                 retry: RetryPolicy = APP_RETRY, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.tokens = tokens or TokenStore()
        self._retry = retry
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one round at a time, in order
        self._api: ApiClient | None = None
        self._engine: SyncEngine | None = None
        self._running = False
        self._again = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(SOON_MS)
        self._soon.timeout.connect(self.sync_now)
        self.status = SyncStatus(SyncState.UNCONFIGURED, keyring_ok=self.tokens.persistent)
        # Offline first: the last login's role holds until a logout (the center checks anyway).
        self.identity = desk.restore_identity()
        self._identity_confirmed = False  # asked the center (GET /auth/me) in this run
        self._configure()
        self.refresh_counts()

    # -- configuration ---------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self._desk.settings

    @property
    def configured(self) -> bool:
        return bool(self.settings.server_url and self.settings.server_user)

    @property
    def account(self) -> str:
        return TokenStore.account(self.settings.server_url, self.settings.server_user)

    def _configure(self) -> None:
        settings = self.settings
        if settings.server_url:
            self._api = ApiClient(settings.server_url, ca_bundle=settings.ca_bundle or None,
                                  retry=self._retry, allow_plain_http=settings.allow_plain_http)
            self._engine = self._desk.sync_engine(self._api)
        else:
            self._api = self._engine = None
        self._timer.setInterval(max(5, settings.sync_interval) * 1000)
        state = SyncState.UNKNOWN if self.configured else (
            SyncState.LOGGED_OUT if settings.server_url else SyncState.UNCONFIGURED)
        self._set(state=state, error="")

    def apply_settings(self, settings: Settings) -> None:
        """New settings from the dialog: saved in the seat's data directory and put to use."""
        changed = ((settings.server_url, settings.ca_bundle, settings.allow_plain_http)
                   != (self.settings.server_url, self.settings.ca_bundle, self.settings.allow_plain_http))
        self._desk.save_settings(settings)
        if changed:
            self._configure()
        else:
            self._timer.setInterval(max(5, settings.sync_interval) * 1000)

    def start(self) -> None:
        """Start the timer; when a server is set, a first round runs now."""
        self._timer.start()
        if self.configured:
            self.sync_now()

    def shutdown(self) -> None:
        """Stop the timers and wait for a round in flight (it only ever takes seconds)."""
        self._timer.stop()
        self._soon.stop()
        self._pool.waitForDone(30000)

    # -- status ----------------------------------------------------------------------------

    def _set(self, **changes: Any) -> None:
        self.status = replace(self.status, keyring_ok=self.tokens.persistent, **changes)
        self.status_changed.emit(self.status)

    def refresh_counts(self) -> None:
        """Re-read the counts from the local store (a few indexed COUNTs: cheap on any thread)."""
        now, last = self._desk.sync_counts()
        self._set(pending=now.pending, conflicts=now.conflicts, rejected=now.rejected, last_sync=last)

    def local_change(self) -> None:
        """A ticket was saved here: count it and send it soon (if the center is set up)."""
        self.refresh_counts()
        if self.configured and self.status.state != SyncState.LOGGED_OUT:
            self._soon.start()

    # -- rounds ----------------------------------------------------------------------------

    def _on_timer(self) -> None:
        # A refused login waits for the agent; the timer does not nag with dialogs.
        if self.configured and self.status.state != SyncState.LOGGED_OUT:
            self.sync_now()

    def sync_now(self) -> None:
        """One round (push, then pull) in the background; asked during a round, one more follows."""
        if not self.configured:
            self._set(state=SyncState.UNCONFIGURED if not self.settings.server_url
                      else SyncState.LOGGED_OUT)
            self.login_required.emit(False)
            return
        if self._running:
            self._again = True
            return
        engine, api, tokens, account = self._engine, self._api, self.tokens, self.account
        assert engine is not None and api is not None

        ask_identity = not self._identity_confirmed

        def sync() -> tuple[SyncReport, Identity | None]:
            if api.token is None:
                api.token = tokens.get(account)
                if api.token is None:
                    raise _NoToken()
            try:
                # Once a run, the center says who this token is (an admin may have renamed the
                # user; a role or unit change ends the session and the next login brings it).
                me = identity_from_user(api.request("GET", "/auth/me").json()) if ask_identity else None
                return engine.sync_once(), me
            except AuthRequired:
                tokens.delete(account)  # revoked or expired: useless from now on
                api.token = None
                raise

        self._running = True
        self._again = False
        self._set(busy=True)
        run_task(sync, self._on_synced, self._on_sync_failed, pool=self._pool, owner=self)

    def _on_synced(self, outcome: tuple[SyncReport, Identity | None]) -> None:
        report, me = outcome
        if me is not None:
            self._identity_confirmed = True
            if me != self.identity:
                self._set_identity(me)
        self._running = False
        self._set(state=SyncState.ONLINE, busy=False, error="")
        self.refresh_counts()
        self.synced.emit(report)
        self.review_changed.emit()
        self._next()

    def _on_sync_failed(self, error: Exception) -> None:
        self._running = False
        if isinstance(error, AuthRequired):
            self._set(state=SyncState.LOGGED_OUT, busy=False, error="")
        elif isinstance(error, ServerUnavailable):
            self._set(state=SyncState.OFFLINE, busy=False, error=say_error(error))
        else:
            log.warning("sync failed: %s", type(error).__name__)
            self._set(state=SyncState.ERROR, busy=False, error=say_error(error))
        self.refresh_counts()  # part of the outbox may have gone out before the failure
        self.review_changed.emit()
        if isinstance(error, AuthRequired):
            self._again = False
            self.login_required.emit(not isinstance(error, _NoToken))
        else:
            self._next()

    def _next(self) -> None:
        if self._again:
            self.sync_now()

    # -- login -----------------------------------------------------------------------------

    def login(self, server_url: str, username: str, password: str) -> None:
        """Log in off the GUI thread; the token goes to the keyring (or memory, said so)."""
        server_url = server_url.strip().rstrip("/")
        username = username.strip()
        tokens, ca_bundle, retry = self.tokens, self.settings.ca_bundle or None, self._retry
        allow_plain_http = self.settings.allow_plain_http

        def log_in() -> tuple[ApiClient, LoginResult]:
            api = ApiClient(server_url, ca_bundle=ca_bundle, retry=retry, allow_plain_http=allow_plain_http)
            try:
                result = api.login(username, password)
            except Exception:
                api.close()
                raise
            tokens.set(TokenStore.account(server_url, username), result.token)
            return api, result

        def done(outcome: tuple[ApiClient, LoginResult]) -> None:
            api, result = outcome
            self._desk.save_settings(replace(self.settings, server_url=server_url, server_user=username))
            self._configure()
            assert self._api is not None
            self._api.token = api.token
            api.close()
            self._set_identity(Identity(result.username, result.display_name, Role(result.role), result.unit))
            self._identity_confirmed = True
            self.login_finished.emit(True, "")
            self.sync_now()

        run_task(log_in, done, self._on_login_failed, pool=self._pool, owner=self)

    def _on_login_failed(self, error: Exception) -> None:
        if isinstance(error, AuthRequired):
            message = self.tr("用户名或密码不正确。")
        elif isinstance(error, ApiError) and error.status == 429:
            message = self.tr("登录失败次数过多，请稍后再试。")
        elif isinstance(error, ServerUnavailable):
            message = self.tr("连不上中心服务器，请检查服务器地址和网络。")
        else:
            message = self.tr("登录失败：%s") % say_error(error)
        self.login_finished.emit(False, message)

    def change_password(self, current: str, new: str) -> None:
        """Change the signed-in user's password at the center, off the GUI thread. The center
        signs out every other session of the user; this seat's stays."""
        def done(_: object) -> None:
            self.password_change_finished.emit(True, "")

        def failed(error: Exception) -> None:
            if isinstance(error, AuthRequired):
                message = self.tr("登录已失效，密码没有修改：请重新登录后再修改。")
            elif isinstance(error, ApiError | ServerUnavailable):
                message = str(error)  # the center's reason, or why it could not be reached
            else:
                message = self.tr("密码没有修改：%s") % error
            self.password_change_finished.emit(False, message)

        self.call_center(lambda api: api.change_password(current, new), done, failed)

    def logout(self) -> None:
        """Forget the token here and at the center (the center is told when it can be reached)."""
        if not self.configured or self._api is None:
            return
        api, tokens, account = self._api, self.tokens, self.account

        def log_out() -> None:
            try:
                if api.token is None:
                    api.token = tokens.get(account)
                api.logout()
            except Exception as error:  # offline: the token still expires at the center
                log.info("logout not confirmed by the center: %s", type(error).__name__)
            finally:
                api.token = None
                tokens.delete(account)

        self._set(state=SyncState.LOGGED_OUT)
        self._set_identity(None)
        run_task(log_out, lambda _: None, pool=self._pool, owner=self)

    def _set_identity(self, identity: Identity | None) -> None:
        self._desk.remember_identity(identity)
        self.identity = identity
        self.identity_changed.emit(identity)

    def admin_client(self) -> AdminClient | None:
        """A client of the center's admin endpoints with this seat's session, for requests made
        on another thread than the sync rounds (the caller closes it); None without a center."""
        if not self.configured:
            return None
        api = ApiClient(self.settings.server_url, ca_bundle=self.settings.ca_bundle or None,
                        retry=self._retry, allow_plain_http=self.settings.allow_plain_http)
        api.token = self._api.token if self._api is not None else None
        tokens, account = self.tokens, self.account
        return AdminClient(api, lambda: tokens.get(account))

    def call_center(self, work: Callable[[ApiClient], Any], on_done: Callable[[Any], None],
                    on_error: Callable[[Exception], None]) -> None:
        """One request to the center with this seat's token, off the GUI thread, after any
        running round (one client, one thread). Not signed in: ``on_error(AuthRequired())``."""
        api, tokens = self._api, self.tokens
        if not self.configured or api is None or self.status.state == SyncState.LOGGED_OUT:
            on_error(AuthRequired())
            return
        account = self.account

        def run() -> Any:
            if api.token is None:
                api.token = tokens.get(account)
                if api.token is None:
                    raise _NoToken()
            return work(api)

        run_task(run, on_done, on_error, pool=self._pool, owner=self)

    # -- the agent's decisions ---------------------------------------------------------------

    def _decide(self, work: Callable[[SyncEngine], None], *, push: bool = True) -> None:
        if self._engine is None:
            return
        engine = self._engine

        def done(_: object) -> None:
            self.refresh_counts()
            self.review_changed.emit()
            if push and self.configured and self.status.state != SyncState.LOGGED_OUT:
                self.sync_now()

        def failed(error: Exception) -> None:
            self._set(error=say_error(error))
            self.review_changed.emit()

        run_task(lambda: work(engine), done, failed, pool=self._pool, owner=self)

    def resolve_conflict(self, client_id: str, values: dict[str, Any]) -> None:
        """Settle a conflict with the agent's values, then push the result."""
        actor = self._desk.actor
        self._decide(lambda engine: engine.resolve_conflict(client_id, values, actor=actor))

    def resubmit(self, client_id: str) -> None:
        """Send a rejected new ticket again (after the agent fixed it)."""
        self._decide(lambda engine: engine.resubmit(client_id))

    def dismiss_rejections(self, client_id: str) -> None:
        desk = self._desk
        self._decide(lambda _engine: desk.dismiss_rejections(client_id), push=False)
