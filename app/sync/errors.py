"""What can go wrong talking to the center; every message says what to do next (app.messages:
the windows say it in the user's language, str() is the Chinese)."""

from typing import Any

from app.messages import Text

SIGNED_OUT = Text("sync.signed_out", "登录已失效，请重新登录后再同步。")


class SyncError(Exception):
    """Base of sync failures; str() is a message for the agent."""


class AuthRequired(SyncError):
    """The server answered 401: the UI shows the login dialog."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(SIGNED_OUT() if message is None else message)


class ServerUnavailable(SyncError):
    """Timeouts, refused connections, 5xx after every retry: work goes on offline.

    ``status`` is the center's last HTTP status (5xx, 429), or None when it was not reached.
    """

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class ResyncRequired(SyncError):
    """The cursor is older than the server keeps deletions: pull everything again."""


class ApiError(SyncError):
    """A 4xx other than 401 and 410; ``status`` is the HTTP status, ``detail`` the body's
    ``detail`` as sent (a list of field errors for 422)."""

    def __init__(self, message: str, status: int, detail: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.detail = detail


class InsecureTransport(SyncError):
    """The center's address is plain http on another machine and the seat was not told to
    allow it: nothing is sent (a password, a token or a caller's number would cross the
    network in clear)."""
