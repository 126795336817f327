"""Opening the local store: SQLCipher-encrypted SQLite, durable pragmas, migrations to head,
a session factory. Every connection to the store, SQLAlchemy's and the raw ones, is made and
keyed by ``Store.connect``.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from app.paths import secure_data_dir
from app.store.keys import StoreKey, WrongKeyError

if TYPE_CHECKING:
    # sqlcipher3 is Python's sqlite3 module built on SQLCipher: the same DB-API, no type stubs.
    import sqlite3 as driver
    from sqlite3 import (
        Connection,
        DatabaseError,
        Error,
        IntegrityError,
        OperationalError,
        ProgrammingError,
    )
else:
    from sqlcipher3 import dbapi2 as driver
    from sqlcipher3.dbapi2 import (
        Connection,
        DatabaseError,
        Error,
        IntegrityError,
        OperationalError,
        ProgrammingError,
    )

__all__ = ["Connection", "DatabaseError", "Error", "IntegrityError", "OperationalError", "ProgrammingError"]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
STORE_FILENAME = "hotline-desk.sqlite3"
READER_CACHE_KB = 16 * 1024
PLAIN_HEADER = b"SQLite format 3\x00"
# None: autocommit (the driver begins no transaction of its own).
IsolationLevel = Literal["DEFERRED", "IMMEDIATE", "EXCLUSIVE"] | None


def is_plain(path: Path) -> bool:
    """A plain (unencrypted) SQLite file: an encrypted one starts with its random salt."""
    with path.open("rb") as handle:
        return handle.read(len(PLAIN_HEADER)) == PLAIN_HEADER


def connect_file(path: Path, key: StoreKey | None, *, timeout: float = 10.0,
                 isolation_level: IsolationLevel = "DEFERRED") -> Connection:
    """A driver connection to ``path`` keyed with ``key`` (None: a plain file). Nothing is
    read yet: a wrong key shows at the first statement."""
    connection = driver.connect(path, timeout=timeout, isolation_level=isolation_level,
                                check_same_thread=False)
    # SQLCipher logs a failed page check to stderr; a wrong key is reported by check_key instead.
    connection.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        connection.execute(f"PRAGMA key = {key.sql_literal()}")
    return connection


def check_key(connection: Connection) -> bool:
    """Whether the connection's key opens its file (an empty or missing file opens with any)."""
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as error:
        if "file is not a database" in str(error):
            return False
        raise
    return True


def _set_pragmas(dbapi_connection: Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the queue read while a save writes; FULL makes a returned save survive a power cut.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.close()


def _defer_checkpoints(dbapi_connection: Connection, _record: Any) -> None:
    # See app.store.wal: a background checkpointer copies the WAL, not the saving commit.
    dbapi_connection.execute("PRAGMA wal_autocheckpoint=0")


def create_store_engine(path: Path, key: StoreKey | None, *, background_checkpoints: bool = False) -> Engine:
    """SQLAlchemy's pysqlite dialect on the sqlcipher3 module, each connection keyed by
    ``connect_file``. (Its ``sqlite+pysqlcipher`` dialect takes the key in the URL, cannot open
    a plain file, and pools one connection per thread.)"""
    engine = create_engine(f"sqlite:///{path}", module=driver, poolclass=QueuePool,
                           creator=lambda: connect_file(path, key))
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


def driver_connection(session: Session) -> Connection:
    """The driver connection under ``session``'s transaction, for bulk statements where
    SQLAlchemy's per-statement and per-row cost would exceed SQLite's own work."""
    connection = session.connection().connection.driver_connection
    assert isinstance(connection, Connection)
    return connection


class Store:
    """The store of one seat: its file, its key, its engine and a session factory.

    ``key`` None makes a plain SQLite file: only the benchmark's plain figures do that; a seat
    is opened through ``app.store.unlock.open_store``, which finds the key.
    The caller owns each session and its transaction (``with store.session() as s, s.begin()``).
    With ``background_checkpoints`` the saving connections never checkpoint the WAL themselves;
    the owner must then run ``app.store.wal.WalCheckpointer`` now and then (the desktop does).

    Raises:
        WrongKeyError: ``key`` does not open the existing file (nothing was changed).
    """

    def __init__(self, data_dir: Path, *, key: StoreKey | None, migrate: bool = True,
                 background_checkpoints: bool = False) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.path = data_dir / STORE_FILENAME
        self.key = key
        if self.path.exists():
            probe = self.connect()
            try:
                if not check_key(probe):
                    raise WrongKeyError("这个密钥打不开本机工单库，工单库没有打开，也没有任何改动。")
            finally:
                probe.close()
        self.background_checkpoints = background_checkpoints
        self.engine = create_store_engine(self.path, key, background_checkpoints=background_checkpoints)
        if migrate:
            upgrade(self.engine)
        self.session = sessionmaker(self.engine, expire_on_commit=False)
        # SQLite made the file with the process's umask (0644); its -wal and -shm copy the
        # store's mode, so they are private from here on too.
        secure_data_dir(data_dir)

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    def connect(self, *, timeout: float = 10.0, isolation_level: IsolationLevel = "DEFERRED") -> Connection:
        """A driver connection of its own (keyed), for work beside the sessions: checkpoints,
        index merges, backups."""
        return connect_file(self.path, self.key, timeout=timeout, isolation_level=isolation_level)

    def raw_connection(self) -> Connection:
        """A driver connection with the store's pragmas, for bulk reads of ids."""
        connection = self.connect()
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
