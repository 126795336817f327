"""Opening the local SQLite store: durable pragmas, migrations to head, a session factory."""

import sqlite3
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
STORE_FILENAME = "hotline-desk.sqlite3"
READER_CACHE_KB = 16 * 1024


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the queue read while a save writes; FULL makes a returned save survive a power cut.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.close()


def _defer_checkpoints(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # See app.store.wal: a background checkpointer copies the WAL, not the saving commit.
    dbapi_connection.execute("PRAGMA wal_autocheckpoint=0")


def create_store_engine(path: Path, *, background_checkpoints: bool = False) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    if background_checkpoints:
        event.listen(engine, "connect", _defer_checkpoints)
    return engine


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    command.upgrade(alembic_config(engine), revision)


def driver_connection(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under ``session``'s transaction, for bulk statements where
    SQLAlchemy's per-statement and per-row cost would exceed SQLite's own work."""
    connection = session.connection().connection.driver_connection
    assert isinstance(connection, sqlite3.Connection)
    return connection


class Store:
    """The store of one seat: its file, its engine and a session factory.

    The caller owns each session and its transaction (``with store.session() as s, s.begin()``).
    With ``background_checkpoints`` the saving connections never checkpoint the WAL themselves;
    the owner must then run ``app.store.wal.WalCheckpointer`` now and then (the desktop does).
    """

    def __init__(self, data_dir: Path, *, migrate: bool = True, background_checkpoints: bool = False) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.path = data_dir / STORE_FILENAME
        self.background_checkpoints = background_checkpoints
        self.engine = create_store_engine(self.path, background_checkpoints=background_checkpoints)
        if migrate:
            upgrade(self.engine)
        self.session = sessionmaker(self.engine, expire_on_commit=False)

    def raw_connection(self) -> sqlite3.Connection:
        """A plain sqlite3 connection with the store's pragmas, for bulk reads of ids."""
        connection = sqlite3.connect(self.path, check_same_thread=False)
        _set_pragmas(connection, None)
        # Readers (the queue keeps one, each background id load opens another) need less page
        # cache than the writer: the OS caches the file anyway, and SQLite's sorter may use as
        # much memory as the page cache, so 64 MB each put the queue at 1M tickets over 600 MB.
        connection.execute(f"PRAGMA cache_size=-{READER_CACHE_KB}")
        return connection

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def new_session(self) -> Session:
        return self.session()
