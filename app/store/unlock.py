"""Opening a seat's store: find its key (app.store.keys), encrypt a plain store left by an
earlier version (app.store.convert), open it (app.store.db). Every program that opens a
seat's store, the window and the command lines, comes through ``open_store``.
"""

import logging
from pathlib import Path

from keyring.backend import KeyringBackend

from app.paths import secure_data_dir
from app.store.convert import convert_plain_store, needs_conversion
from app.store.db import STORE_FILENAME, Store, check_key, connect_file, is_plain
from app.store.keys import KeySource, PassphrasePrompt, StoreKey

log = logging.getLogger(__name__)


def encrypted_store_exists(data_dir: Path) -> bool:
    path = data_dir / STORE_FILENAME
    return path.exists() and path.stat().st_size > 0 and not is_plain(path)


def key_opens(path: Path, key: StoreKey) -> bool:
    connection = connect_file(path, key)
    try:
        return check_key(connection)
    finally:
        connection.close()


def find_key(data_dir: Path, *, backend: KeyringBackend | None = None,
             prompt: PassphrasePrompt | None = None) -> StoreKey:
    """The key of the store in ``data_dir`` (made, and kept, if there is no encrypted store yet).

    Raises:
        StoreKeyError: no key could be found or asked for; its text says what to do.
    """
    secure_data_dir(data_dir)  # before the first byte of a new store, and every start after
    path = data_dir / STORE_FILENAME
    source = KeySource(data_dir, backend=backend, prompt=prompt)
    return source.key(store_exists=encrypted_store_exists(data_dir), opens=lambda key: key_opens(path, key))


def open_store(data_dir: Path, *, backend: KeyringBackend | None = None,
               prompt: PassphrasePrompt | None = None, background_checkpoints: bool = False,
               migrate: bool = True) -> Store:
    """The seat's store, encrypted, migrated to head (unless ``migrate`` is off: a read-only tool).

    Raises:
        StoreKeyError: the store could not be unlocked (wrong key or passphrase, lost key, no
            way to ask); nothing in ``data_dir`` was changed.
    """
    key = find_key(data_dir, backend=backend, prompt=prompt)
    if needs_conversion(data_dir):
        tickets = convert_plain_store(data_dir, key)
        log.info("plain store encrypted in place (%d tickets)", tickets)
    return Store(data_dir, key=key, migrate=migrate, background_checkpoints=background_checkpoints)
