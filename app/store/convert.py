"""Converting a plain (pre-encryption) store in place, and checking an encrypted copy.

The plain file is moved aside as a backup first, the encrypted copy is written beside it
(SQLCipher's ``sqlcipher_export``), checked (``PRAGMA integrity_check``, every table's row
count against the backup) and only then renamed into place; the backup goes last. Each step
can be interrupted: the next start sees which files are there and goes on from that step.
"""

import os
from pathlib import Path

from app.store.db import STORE_FILENAME, Connection, DatabaseError, connect_file, is_plain
from app.store.keys import StoreKey, StoreKeyError

BACKUP_SUFFIX = ".plain-backup"
WRITING_SUFFIX = ".encrypting"


class CopyCheckFailed(StoreKeyError):
    """An encrypted copy does not match its source; the source was kept."""


def plain_backup(data_dir: Path) -> Path:
    return data_dir / (STORE_FILENAME + BACKUP_SUFFIX)


def needs_conversion(data_dir: Path) -> bool:
    path = data_dir / STORE_FILENAME
    return plain_backup(data_dir).exists() or (path.exists() and path.stat().st_size > 0 and is_plain(path))


def table_counts(connection: Connection) -> dict[str, int]:
    """Rows of every ordinary table (FTS5's shadow tables included, its virtual table not)."""
    names = [row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {name: int(connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]) for name in names}


def check_intact(connection: Connection, *, what: str) -> int:
    """Raise unless ``PRAGMA integrity_check`` passes; returns the tickets in it."""
    try:  # a page whose authentication code fails stops the check with an error
        verdict = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
        tickets = table_counts(connection).get("tickets", 0)
    except DatabaseError as error:
        verdict = [str(error)]
    if verdict != ["ok"]:
        raise CopyCheckFailed(f"{what}未通过完整性检查（{verdict[0]}），原文件保持不变。")
    return tickets


def check_copy(source: Connection, copy: Connection, *, what: str) -> int:
    """Raise unless ``copy`` is intact and holds as many rows as ``source`` in every table;
    returns the tickets in it."""
    check_intact(copy, what=what)
    expected, found = table_counts(source), table_counts(copy)
    if expected != found:
        differing = sorted(name for name in expected.keys() | found.keys() if expected.get(name) != found.get(name))
        raise CopyCheckFailed(f"{what}与原库的行数不一致（{'、'.join(differing)}），原文件保持不变。")
    return found.get("tickets", 0)


def export_encrypted(source: Connection, target: Path, key: StoreKey) -> None:
    """Write ``source``'s schema and rows into a new file encrypted with ``key``."""
    source.execute(f"ATTACH DATABASE ? AS encrypted KEY {key.sql_literal()}", (str(target),))
    try:
        source.execute("SELECT sqlcipher_export('encrypted')")
        version = int(source.execute("PRAGMA main.user_version").fetchone()[0])
        source.execute(f"PRAGMA encrypted.user_version = {version}")
    finally:
        source.execute("DETACH DATABASE encrypted")


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove_with_sidecars(path: Path) -> None:
    for name in (path.name, path.name + "-wal", path.name + "-shm", path.name + "-journal"):
        (path.parent / name).unlink(missing_ok=True)


def convert_plain_store(data_dir: Path, key: StoreKey) -> int:
    """Encrypt the plain store of ``data_dir`` with ``key`` in place; returns its tickets."""
    path = data_dir / STORE_FILENAME
    backup = plain_backup(data_dir)
    writing = data_dir / (STORE_FILENAME + WRITING_SUFFIX)
    if path.exists() and is_plain(path):
        plain = connect_file(path, None, isolation_level=None)
        try:  # fold the WAL into the file, so that the file alone is the whole store
            plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            plain.execute("PRAGMA journal_mode=DELETE")
        finally:
            plain.close()
        os.replace(path, backup)
        _fsync(data_dir)
    source = connect_file(backup, None, isolation_level=None)
    try:
        if not path.exists():
            _remove_with_sidecars(writing)
            export_encrypted(source, writing, key)
            copy = connect_file(writing, key)
            try:
                check_copy(source, copy, what="加密后的工单库")
            finally:
                copy.close()
            _fsync(writing)
            os.replace(writing, path)
            _fsync(data_dir)
        copy = connect_file(path, key)
        try:
            tickets = check_copy(source, copy, what="加密后的工单库")
        finally:
            copy.close()
    finally:
        source.close()
    _remove_with_sidecars(backup)
    return tickets
