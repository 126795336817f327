"""The store: durable pragmas, migrations from empty and from the previous schema."""

from datetime import datetime
from pathlib import Path

from alembic.command import downgrade
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from app.store.convert import plain_backup
from app.store.db import (
    MIGRATIONS_DIR,
    STORE_FILENAME,
    IntegrityError,
    Store,
    alembic_config,
    create_store_engine,
    is_plain,
    upgrade,
)
from app.store.keys import KEY_FILENAME
from app.store.unlock import open_store
from app.store.wal import WalCheckpointer
from app.tickets.queue import QueueFilter, count


def head_revision() -> str:
    config = alembic_config(create_store_engine(Path(":memory:"), None))
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def test_pragmas_on_every_connection(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        raw = store.raw_connection()
        assert raw.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        raw.close()


def test_empty_database_upgrades_to_head(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        tables = set(inspect(store.engine).get_table_names())
        assert {"tickets", "ticket_events", "outbox", "drafts", "counters", "ticket_search",
                "alembic_version"} <= tables
        with store.engine.connect() as connection:
            assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    # Opening again is a no-op, not an error.
    open_store(tmp_path).close()


def test_store_at_0001_with_tickets_upgrades_and_old_tickets_are_searchable(tmp_path: Path) -> None:
    path = tmp_path / STORE_FILENAME
    engine = create_store_engine(path, None)  # a plain store, as versions before encryption made
    upgrade(engine, "0001")
    now = datetime(2025, 6, 1, 2, 0)
    with engine.begin() as connection:
        for number, (title, description, caller) in enumerate([
            ("小区路灯不亮", "凯旋路12号楼前的路灯坏了一个月", "王女士"),
            ("拖欠工资", "工地拖欠农民工工资三个月", "李先生"),
        ], start=1):
            connection.execute(text(
                "INSERT INTO tickets (id, client_id, local_no, channel, request_type, caller_name,"
                " caller_phone, anonymous, confidential, category1, category2, category3, district,"
                " street, address, title, description, urgency, handling_unit, status, result,"
                " satisfaction, created_at, updated_at, created_seat, created_by, version) VALUES"
                " (:id, :cid, :no, '电话', '投诉', :caller, '13812345678', 0, 0, '城市管理', '', '',"
                " '梁园区', '', '凯旋路', :title, :description, '一般', '', '受理', '', '', :now, :now,"
                " 'S01', '座席员', 1)"),
                {"id": number, "cid": f"00000000-0000-0000-0000-00000000000{number}",
                 "no": f"S01-20250601-000{number}", "caller": caller, "title": title,
                 "description": description, "now": now})
            connection.execute(text(
                "INSERT INTO ticket_events (ticket_id, at, seat, actor, kind, detail)"
                " VALUES (:id, :now, 'S01', '座席员', 'create', '{}')"), {"id": number, "now": now})
    engine.dispose()

    with open_store(tmp_path) as store, store.raw_connection() as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
        assert connection.execute("SELECT count(*) FROM tickets").fetchone()[0] == 2
        assert connection.execute("SELECT count(*) FROM ticket_events").fetchone()[0] == 2
        assert count(connection, QueueFilter(search="路灯")) == 1
        assert count(connection, QueueFilter(search="工资")) == 1
        assert count(connection, QueueFilter(search="12号楼")) == 1
        assert count(connection, QueueFilter(search="王女士")) == 1
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # Converted in place: encrypted, and the plain backup gone once the copy checked out.
    assert not is_plain(path)
    assert not plain_backup(tmp_path).exists()
    assert {p.name for p in tmp_path.iterdir()} <= {STORE_FILENAME, f"{STORE_FILENAME}-wal",
                                                    f"{STORE_FILENAME}-shm", KEY_FILENAME}
    assert all(b"13812345678" not in p.read_bytes() for p in tmp_path.iterdir())


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    with open_store(tmp_path) as store, store.raw_connection() as connection:
        try:
            connection.execute("INSERT INTO ticket_events (ticket_id, at, seat, actor, kind, detail)"
                               " VALUES (999, '2025-01-01', 'S01', 'x', 'create', '{}')")
        except IntegrityError as error:
            assert "FOREIGN KEY" in str(error)
        else:
            raise AssertionError("an event for a missing ticket was accepted")


def test_overdue_and_due_soon_counts_read_only_an_index(tmp_path: Path) -> None:
    from datetime import date

    from app.domain.deadline import DeadlineClock
    from app.tickets import queue

    with open_store(tmp_path) as store, store.raw_connection() as connection:
        for due in ("overdue", "due_soon"):
            where, params = queue._where(QueueFilter(due=due, clock=DeadlineClock(date(2026, 3, 20))))
            plan = " ".join(row[3] for row in connection.execute(
                f"EXPLAIN QUERY PLAN SELECT count(*) FROM tickets t{where}", params))
            assert "COVERING INDEX ix_tickets_status_deadline" in plan


def _wal_size(store: Store) -> int:
    wal = store.path.with_name(store.path.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def _write_pages(store: Store, rows: int, batch: str) -> None:
    with store.session() as session, session.begin():
        for n in range(rows):
            session.execute(text("INSERT INTO counters(name, value) VALUES (:n, 1)"),
                            {"n": f"filler-{batch}-{n:06d}-" + "x" * 3000})


def test_the_app_store_leaves_checkpoints_to_the_background_checkpointer(tmp_path: Path) -> None:
    with open_store(tmp_path, background_checkpoints=True) as store:
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
        checkpointer = WalCheckpointer(store)
        _write_pages(store, 1500, 'a')  # more than SQLite's automatic 1,000 pages
        grown = _wal_size(store)
        assert grown > 1000 * 4096  # no save copied the WAL into the file
        assert checkpointer.due()
        result = checkpointer.run()
        assert result.complete and result.wal_frames > 1000
        assert not checkpointer.due()  # nothing written since
        _write_pages(store, 10, 'b')
        assert checkpointer.due()
        # The WAL restarted from its beginning instead of growing.
        assert _wal_size(store) == grown
        assert checkpointer.run().complete
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert connection.exec_driver_sql(
                "SELECT count(*) FROM counters WHERE name LIKE 'filler-%'").scalar() == 1510


def test_tools_keep_sqlite_automatic_checkpoints(tmp_path: Path) -> None:
    with open_store(tmp_path) as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 1000


def test_store_at_0007_stops_merging_the_search_index_in_saves_and_back(tmp_path: Path) -> None:
    def merge_settings(engine: Engine) -> dict[str, int]:
        with engine.connect() as connection:
            return {k: v for k, v in connection.exec_driver_sql(
                "SELECT k, v FROM ticket_search_config WHERE k IN ('automerge', 'crisismerge')")}

    engine = create_store_engine(tmp_path / STORE_FILENAME, None)
    upgrade(engine, "0007_queue_indexes")
    assert merge_settings(engine) == {}  # FTS5's defaults: merge inside every 64 pages' commit
    upgrade(engine)
    assert merge_settings(engine) == {"automerge": 0, "crisismerge": 64}
    downgrade(alembic_config(engine), "0007_queue_indexes")
    assert merge_settings(engine) == {"automerge": 4, "crisismerge": 16}
    engine.dispose()
