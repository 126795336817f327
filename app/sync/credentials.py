"""The session token lives in the system keyring only.

With no usable backend (headless Linux has only keyring's fail backend) the token stays in
memory for this run and ``notice`` says so. keyrings.alt's plaintext files are never used.
"""

import contextlib
import logging

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError

from app.messages import Text

log = logging.getLogger("app.sync.credentials")
SERVICE = "hotline-desk"
NO_KEYRING_NOTICE = Text("sync.no_keyring",
                         "本机没有可用的系统密钥环，登录凭据只保存在本次运行的内存中；关闭程序后需要重新登录。")()


def _unsafe(backend: KeyringBackend) -> bool:
    module = type(backend).__module__
    return module.startswith("keyrings.alt") or module == "keyring.backends.fail"


def usable_backend(backend: KeyringBackend) -> bool:
    """A backend that really keeps secrets: not the fail backend, not a plaintext file."""
    children = getattr(backend, "backends", None)
    if children is not None:  # the chainer: usable if any real backend is inside
        return any(usable_backend(child) for child in children)
    try:
        priority = float(backend.priority)
    except Exception:
        return False
    return not _unsafe(backend) and priority > 0


class TokenStore:
    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self.backend = backend or keyring.get_keyring()
        self.persistent = usable_backend(self.backend)
        self._memory: dict[str, str] = {}
        self.notice: str | None = None if self.persistent else NO_KEYRING_NOTICE

    @staticmethod
    def account(server_url: str, username: str) -> str:
        return f"{username}@{server_url.rstrip('/')}"

    def _fall_back(self, error: Exception) -> None:
        log.warning("keyring unavailable: %s", type(error).__name__)
        self.persistent = False
        self.notice = NO_KEYRING_NOTICE

    def get(self, account: str) -> str | None:
        if self.persistent:
            try:
                value = self.backend.get_password(SERVICE, account)
                return None if value is None else str(value)
            except KeyringError as error:
                self._fall_back(error)
        return self._memory.get(account)

    def set(self, account: str, token: str) -> None:
        if self.persistent:
            try:
                self.backend.set_password(SERVICE, account, token)
                return
            except KeyringError as error:
                self._fall_back(error)
        self._memory[account] = token

    def delete(self, account: str) -> None:
        self._memory.pop(account, None)
        if self.persistent:
            with contextlib.suppress(KeyringError):
                self.backend.delete_password(SERVICE, account)
