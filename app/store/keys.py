"""The key of a seat's encrypted store, and where it lives.

A random 256-bit key kept in the system keyring (Windows Credential Manager, macOS Keychain,
Secret Service) under an account named in ``store-key.json``; or, on a machine without a
keyring, derived from a passphrase the agent types at each start with argon2id (memory-hard,
RFC 9106's second recommended parameters), never stored. ``store-key.json`` lies beside the
store and holds nothing secret: which of the two it is, the keyring account or the
passphrase's salt and cost. The store is then opened with the raw key (app.store.db), so no
connection pays SQLCipher's own PBKDF2 (~150 ms each).
"""

from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring
from argon2.low_level import Type, hash_secret_raw
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError

from app.messages import Text
from app.paths import write_private_text
from app.sync.credentials import SERVICE, usable_backend

KEY_FILENAME = "store-key.json"
KEY_BYTES = 32
# RFC 9106 §4, second recommended option: 3 passes over 64 MiB, 4 lanes (~1 s once per start
# on a busy 2-core machine).
ARGON2_TIME_COST = 3
ARGON2_MEMORY_KIB = 64 * 1024
ARGON2_PARALLELISM = 4
MIN_PASSPHRASE_CHARS = 10

# What the key's keeper says (app.messages: the passphrase dialog and the error box say it in
# the user's language, the terminal prompt in Chinese).
NO_KEYRING_REASON = Text("keys.no_keyring", "本机没有可用的系统密钥环，无法替您保管工单库的密钥。"
                         "工单库将用您设置的口令加密：每次启动都要输入，口令不会保存在任何地方，忘记口令就无法打开本机工单库"
                         "（已同步到中心的工单不受影响，可重新同步）。")()
LOST_KEY_ADVICE = Text("keys.lost_key_advice",
                       "已同步到中心的工单都还在中心。请把数据目录 {data_dir} 改名保留，重新启动程序、登录并同步，"
                       "座席会从中心取回全部工单；只有从未同步的工单和草稿留在旧目录里，找回密钥后仍可打开。")
UNREADABLE_KEY_FILE = Text("keys.unreadable_key_file", "无法读取 {path}（{error}）：请从备份恢复这个文件。")
UNKNOWN_KEY_FILE = Text("keys.unknown_key_file", "{path} 的内容无法识别：请从备份恢复这个文件。")
NO_KEY_FILE = Text("keys.no_key_file", "本机工单库已加密，但数据目录中没有 {file}，找不到它的密钥。{advice}")
KEYRING_GONE = Text("keys.keyring_gone", "本机工单库的密钥保存在系统密钥环中，但现在没有可用的密钥环"
                                         "（例如在没有桌面会话的终端里）。请在登录了桌面的同一用户下运行。")
KEYRING_REFUSED = Text("keys.keyring_refused", "系统密钥环拒绝读取工单库的密钥（{error}）：请解锁密钥环后重试。")
KEY_NOT_IN_KEYRING = Text("keys.key_not_in_keyring", "系统密钥环中没有本机工单库的密钥（可能换了系统用户、重装了系统，"
                                                     "或密钥被删除）。{advice}")
WRONG_PASSPHRASE = Text("keys.wrong_passphrase", "口令不正确，本机工单库没有打开，也没有任何改动。忘记口令时：{advice}")
NOT_ENTERED = Text("keys.not_entered", "没有输入口令，本机工单库没有打开。")
SHORT_PASSPHRASE = Text("keys.short_passphrase", "口令至少要 {length} 个字符。")


class StoreKeyError(Exception):
    """The store cannot be unlocked; ``str()`` says why and what to do, in the user's language."""


class WrongKeyError(StoreKeyError):
    """The key or passphrase does not open this store; nothing was changed."""


class KeyLostError(StoreKeyError):
    """The store is encrypted but its key is nowhere to be found."""


class PassphraseCancelled(StoreKeyError):
    """The agent closed the passphrase prompt."""


@dataclass(frozen=True, repr=False)
class StoreKey:
    """256 raw key bytes; never printed (``repr`` hides them)."""

    raw: bytes

    def __post_init__(self) -> None:
        if len(self.raw) != KEY_BYTES:
            raise ValueError("a store key has 32 bytes")

    @classmethod
    def generate(cls) -> StoreKey:
        return cls(secrets.token_bytes(KEY_BYTES))

    @classmethod
    def from_hex(cls, value: str) -> StoreKey:
        return cls(bytes.fromhex(value))

    def sql_literal(self) -> str:
        """SQLCipher's raw-key form, used as is (no key derivation on each connection)."""
        return f"\"x'{self.raw.hex()}'\""

    def __repr__(self) -> str:
        return "StoreKey(<hidden>)"


@dataclass(frozen=True)
class PassphraseRequest:
    """What the passphrase prompt should say: a new passphrase (asked twice) or the existing one."""

    new: bool
    reason: str
    retry: bool = False  # the previous passphrase did not open the store


PassphrasePrompt = Callable[[PassphraseRequest], "str | None"]


@dataclass(frozen=True)
class Argon2Params:
    salt: bytes
    time_cost: int = ARGON2_TIME_COST
    memory_kib: int = ARGON2_MEMORY_KIB
    parallelism: int = ARGON2_PARALLELISM

    def derive(self, passphrase: str) -> StoreKey:
        return StoreKey(hash_secret_raw(passphrase.encode("utf-8"), self.salt, time_cost=self.time_cost,
                                        memory_cost=self.memory_kib, parallelism=self.parallelism,
                                        hash_len=KEY_BYTES, type=Type.ID))


@dataclass(frozen=True)
class KeyFile:
    """``store-key.json``: where the key is. Exactly one of ``account`` and ``argon2``."""

    account: str | None = None
    argon2: Argon2Params | None = None

    @classmethod
    def read(cls, data_dir: Path) -> KeyFile | None:
        path = data_dir / KEY_FILENAME
        try:
            stored: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            raise StoreKeyError(UNREADABLE_KEY_FILE(path=str(path), error=type(error).__name__)) from error
        if stored.get("source") == "keyring" and isinstance(stored.get("account"), str):
            return cls(account=stored["account"])
        if stored.get("source") == "passphrase" and stored.get("kdf") == "argon2id":
            return cls(argon2=Argon2Params(bytes.fromhex(stored["salt"]), int(stored["time_cost"]),
                                           int(stored["memory_kib"]), int(stored["parallelism"])))
        raise StoreKeyError(UNKNOWN_KEY_FILE(path=str(path)))

    def write(self, data_dir: Path) -> None:
        if self.account is not None:
            stored: dict[str, Any] = {"source": "keyring", "service": SERVICE, "account": self.account}
        else:
            assert self.argon2 is not None
            stored = {"source": "passphrase", "kdf": "argon2id", "salt": self.argon2.salt.hex(),
                      "time_cost": self.argon2.time_cost, "memory_kib": self.argon2.memory_kib,
                      "parallelism": self.argon2.parallelism}
        write_private_text(data_dir / KEY_FILENAME, json.dumps(stored, indent=2))


class KeySource:
    """Finds (or, for a new store, makes) the key of the store in ``data_dir``.

    ``store_exists``: an encrypted store is there (a plain one, about to be converted, gets a
    new key); ``opens(key)`` tells whether a key opens it (a wrong passphrase is asked again,
    up to three times).
    """

    ATTEMPTS = 3

    def __init__(self, data_dir: Path, *, backend: KeyringBackend | None = None,
                 prompt: PassphrasePrompt | None = None) -> None:
        self.data_dir = data_dir
        self.backend = backend or keyring.get_keyring()
        self.prompt = prompt

    def key(self, *, store_exists: bool, opens: Callable[[StoreKey], bool]) -> StoreKey:
        described = KeyFile.read(self.data_dir)
        if described is None:
            if store_exists:
                raise KeyLostError(NO_KEY_FILE(file=KEY_FILENAME,
                                               advice=LOST_KEY_ADVICE(data_dir=str(self.data_dir))))
            return self._new_key()
        if described.account is not None:
            return self._keyring_key(described.account, store_exists)
        assert described.argon2 is not None
        return self._passphrase_key(described.argon2, store_exists=store_exists, opens=opens)

    # -- a store's first key ---------------------------------------------------------------
    def _new_key(self) -> StoreKey:
        if usable_backend(self.backend):
            account = f"store-key:{uuid.uuid4()}"
            key = StoreKey.generate()
            try:
                self.backend.set_password(SERVICE, account, key.raw.hex())
                kept = self.backend.get_password(SERVICE, account)
            except KeyringError:
                kept = None
            if kept == key.raw.hex():  # written and read back: only then does the store rely on it
                KeyFile(account=account).write(self.data_dir)
                return key
        params = Argon2Params(secrets.token_bytes(16))
        passphrase = self._ask(PassphraseRequest(new=True, reason=NO_KEYRING_REASON))
        key = params.derive(passphrase)
        KeyFile(argon2=params).write(self.data_dir)
        return key

    # -- an existing store's key -----------------------------------------------------------
    def _keyring_key(self, account: str, store_exists: bool) -> StoreKey:
        if not usable_backend(self.backend):
            raise StoreKeyError(KEYRING_GONE())
        try:
            stored = self.backend.get_password(SERVICE, account)
        except KeyringError as error:
            raise StoreKeyError(KEYRING_REFUSED(error=type(error).__name__)) from error
        if stored is None:
            if not store_exists:  # the store was never written: start it again with a fresh key
                (self.data_dir / KEY_FILENAME).unlink()
                return self._new_key()
            raise KeyLostError(KEY_NOT_IN_KEYRING(advice=LOST_KEY_ADVICE(data_dir=str(self.data_dir))))
        return StoreKey.from_hex(str(stored))

    def _passphrase_key(self, params: Argon2Params, *, store_exists: bool,
                        opens: Callable[[StoreKey], bool]) -> StoreKey:
        retry = False
        for _ in range(self.ATTEMPTS):
            passphrase = self._ask(PassphraseRequest(new=False, reason=NO_KEYRING_REASON, retry=retry))
            key = params.derive(passphrase)
            if not store_exists or opens(key):
                return key
            retry = True
        raise WrongKeyError(WRONG_PASSPHRASE(advice=LOST_KEY_ADVICE(data_dir=str(self.data_dir))))

    def _ask(self, request: PassphraseRequest) -> str:
        if self.prompt is None:
            raise StoreKeyError(request.reason + "这里无法输入口令：请在图形界面或终端中启动。")
        passphrase = self.prompt(request)
        if passphrase is None:
            raise PassphraseCancelled(NOT_ENTERED())
        if request.new and len(passphrase) < MIN_PASSPHRASE_CHARS:
            raise StoreKeyError(SHORT_PASSPHRASE(length=MIN_PASSPHRASE_CHARS))
        return passphrase

