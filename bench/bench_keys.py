"""The benchmarks' stores are encrypted as a keyring-less seat's store is: the key comes from a
passphrase through argon2id, once per open (a bench machine has no keyring; bench data only)."""

from pathlib import Path
from typing import Any

from keyring.backends.fail import Keyring as NoKeyring

from app.store.db import Store
from app.store.unlock import open_store

BENCH_PASSPHRASE = "bench-passphrase-not-secret"
NO_KEYRING = NoKeyring()


def open_bench_store(data_dir: Path, **kwargs: Any) -> Store:
    return open_store(data_dir, backend=NO_KEYRING, prompt=lambda _request: BENCH_PASSPHRASE, **kwargs)
