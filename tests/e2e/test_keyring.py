"""The token lives in the system keyring only; without one it stays in memory and we say so."""

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from keyring.backend import KeyringBackend
from keyring.backends.fail import Keyring as FailKeyring

from app.sync.credentials import NO_KEYRING_NOTICE, TokenStore


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


class PlaintextLike(MemoryKeyring):
    """Stands in for keyrings.alt's plaintext file backend."""


PlaintextLike.__module__ = "keyrings.alt.file"


def test_token_goes_to_a_real_backend() -> None:
    backend = MemoryKeyring()
    store = TokenStore(backend)
    account = TokenStore.account("https://center", "zhang")
    store.set(account, "secret-token")
    assert store.persistent and store.notice is None
    assert backend.secrets == {("hotline-desk", account): "secret-token"}
    assert TokenStore(backend).get(account) == "secret-token"
    store.delete(account)
    assert store.get(account) is None


@pytest.mark.parametrize("backend", [FailKeyring(), PlaintextLike()])
def test_no_usable_backend_keeps_the_token_in_memory_and_says_so(backend: KeyringBackend) -> None:
    store = TokenStore(backend)
    store.set("acct", "secret-token")
    assert not store.persistent and store.notice == NO_KEYRING_NOTICE
    assert store.get("acct") == "secret-token"
    assert TokenStore(backend).get("acct") is None  # gone with the session
    if isinstance(backend, PlaintextLike):
        assert backend.secrets == {}  # never written to a plaintext file


SCRIPT = textwrap.dedent("""
    from app.sync.credentials import TokenStore
    store = TokenStore()
    assert store.persistent, type(store.backend)
    store.set("acct@test", "tok-123")
    print(type(store.backend).__name__, TokenStore().get("acct@test"))
""")


def test_real_secret_service_under_dbus(tmp_path: Any) -> None:
    missing = [tool for tool in ("dbus-run-session", "gnome-keyring-daemon") if not shutil.which(tool)]
    if missing:
        pytest.skip(f"SKIPPING the real Secret Service test — not installed: {', '.join(missing)} "
                    "(make test-setup installs Debian's gnome-keyring)")
    # A fresh HOME: the daemon creates and unlocks a "login" keyring with this password.
    shell = ("echo -n 'test-keyring-password' | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; "
             f"exec {sys.executable} -c \"$HD_SCRIPT\"")
    done = subprocess.run(["dbus-run-session", "--", "sh", "-c", shell], capture_output=True, text=True,
                          timeout=60, env={"HD_SCRIPT": SCRIPT, "PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                               "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    if done.returncode and "org.freedesktop.secrets" in done.stderr:
        pytest.skip(f"SKIPPING the real Secret Service test — the daemon did not start: {done.stderr[-300:]}")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["Keyring", "tok-123"]
