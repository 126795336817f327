"""Backups of a seat's store, taken while the desk runs, and restoring one.

A backup is SQLite's online backup of the store into a new file under the same key, so it
is as encrypted as the store and consistent (one read transaction: saves go on meanwhile in
WAL mode). Beside it, ``<backup>.key.json`` is a copy of ``store-key.json``: nothing secret,
but without it nobody could tell which keyring entry or which passphrase salt opens it.

A restore opens the backup with its key, checks it (``PRAGMA integrity_check``, the rows of
every table) and only then moves the seat's current store aside (into ``replaced-<time>/``
in the data directory, still encrypted) and the backup in.
"""

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from keyring.backend import KeyringBackend

from app.paths import make_private, private_dir
from app.store.convert import check_copy, check_intact
from app.store.db import STORE_FILENAME, Store, check_key, connect_file
from app.store.keys import KEY_FILENAME, KeyLostError, PassphrasePrompt, StoreKeyError
from app.store.unlock import find_key

KEY_SUFFIX = ".key.json"
STAGING_DIRNAME = "restore-staging"


class BackupError(StoreKeyError):
    """A backup could not be written or restored; its text says why and what to do."""


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    tickets: int
    size_bytes: int


def key_description(backup: Path) -> Path:
    return backup.with_name(backup.name + KEY_SUFFIX)


def write_backup(store: Store, out: Path) -> BackupSummary:
    """Copy the open store into ``out`` (a new file) and check the copy."""
    if out.exists():
        raise BackupError(f"{out} 已存在：请换一个文件名，备份不会覆盖已有文件。")
    out.parent.mkdir(parents=True, exist_ok=True)
    writing = out.with_name(out.name + ".writing")
    writing.unlink(missing_ok=True)
    source = store.connect(isolation_level=None)
    try:
        target = connect_file(writing, store.key)
        try:
            # One read transaction: the copy and the counts it is checked against see the same
            # snapshot while saves go on (WAL).
            source.execute("BEGIN")
            source.execute("SELECT count(*) FROM sqlite_master").fetchone()
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")  # a single file, no WAL beside it
            check_copy(source, target, what="备份")
            source.execute("COMMIT")
        finally:
            target.close()
    except BaseException:
        writing.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    os.chmod(writing, 0o600)
    shutil.copyfile(store.path.parent / KEY_FILENAME, key_description(out))
    make_private(key_description(out))
    os.replace(writing, out)
    check = connect_file(out, store.key)
    try:
        tickets = check_intact(check, what="备份")
    finally:
        check.close()
    return BackupSummary(out, tickets, out.stat().st_size)


def restore_backup(data_dir: Path, backup: Path, *, backend: KeyringBackend | None = None,
                   prompt: PassphrasePrompt | None = None) -> BackupSummary:
    """Replace the seat's store with ``backup`` once the backup has checked out.

    The desk must be closed. The store it replaces is kept in ``replaced-<time>/``.
    """
    if not backup.is_file():
        raise BackupError(f"找不到备份文件 {backup}。")
    described = key_description(backup)
    if not described.is_file():
        raise BackupError(f"备份旁边缺少 {described.name}（写明由哪个密钥打开它），无法恢复。"
                          "请把备份时一同生成的这个文件放回备份旁边。")
    staging = data_dir / STAGING_DIRNAME
    shutil.rmtree(staging, ignore_errors=True)
    private_dir(staging)
    try:
        shutil.copyfile(backup, staging / STORE_FILENAME)
        shutil.copyfile(described, staging / KEY_FILENAME)
        try:
            # find_key makes the staging folder and the copies private (secure_data_dir).
            key = find_key(staging, backend=backend, prompt=prompt)
        except KeyLostError as error:
            raise BackupError("本机的系统密钥环中没有这个备份的密钥：用密钥环保管密钥的备份只能在做备份的"
                              "那台电脑、那个系统用户下恢复。本机工单库没有任何改动；已同步到中心的工单"
                              "可以从中心重新同步。") from error
        copy = connect_file(staging / STORE_FILENAME, key)
        try:
            if not check_key(copy):
                raise BackupError("密钥打不开这个备份，本机工单库没有任何改动。")
            tickets = check_intact(copy, what="备份")
        finally:
            copy.close()
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    replaced = data_dir / f"replaced-{datetime.now():%Y%m%d-%H%M%S}"
    current = [data_dir / name for name in (STORE_FILENAME, f"{STORE_FILENAME}-wal",
                                            f"{STORE_FILENAME}-shm", KEY_FILENAME)]
    if any(path.exists() for path in current):
        private_dir(replaced)
        for path in current:
            if path.exists():
                os.replace(path, replaced / path.name)
    os.replace(staging / KEY_FILENAME, data_dir / KEY_FILENAME)
    os.replace(staging / STORE_FILENAME, data_dir / STORE_FILENAME)
    staging.rmdir()
    restored = data_dir / STORE_FILENAME
    return BackupSummary(restored, tickets, restored.stat().st_size)
