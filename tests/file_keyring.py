"""The system keyring for the test suite: a JSON file named by $HOTLINE_DESK_TEST_KEYRING.

The keyring is a boundary we do not own (tests/e2e/test_keyring.py runs the real Secret
Service). Stores made in a test and reopened by a subprocess of that test (the command lines,
the SIGKILLed workers) need one keyring between processes; tests/conftest.py selects this one
through PYTHON_KEYRING_BACKEND, which the subprocesses inherit.
"""

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend

PATH_ENV = "HOTLINE_DESK_TEST_KEYRING"


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    @staticmethod
    def _path() -> Path:
        return Path(os.environ[PATH_ENV])

    def _read(self) -> dict[str, str]:
        try:
            return dict(json.loads(self._path().read_text(encoding="utf-8")))
        except FileNotFoundError:
            return {}

    def _write(self, secrets: dict[str, str]) -> None:
        temporary = self._path().with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(secrets), encoding="utf-8")
        temporary.replace(self._path())

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        self._write(self._read() | {f"{service}\n{username}": password})

    def delete_password(self, service: str, username: str) -> None:
        secrets = self._read()
        secrets.pop(f"{service}\n{username}", None)
        self._write(secrets)


def keyring_env() -> dict[str, str]:
    """The variables a subprocess with an environment of its own needs to find this keyring."""
    return {name: os.environ[name] for name in (PATH_ENV, "PYTHON_KEYRING_BACKEND", "PYTHONPATH")}
