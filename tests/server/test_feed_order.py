"""The pull cursor never skips a row that a concurrent transaction commits late (PostgreSQL)."""

import threading
import uuid
from typing import Any

from sqlalchemy import text

from app.domain.roles import Role
from app.reference import ReferenceData
from server.auth.models import User
from server.auth.service import create_user
from server.db import Database
from server.sync.schemas import MutationIn
from server.sync.service import pull, push
from server.testing import write_sample_reference

PAYLOAD = {"request_type": "咨询", "caller_phone": "13812345678", "title": "咨询社保",
           "description": "如何办理社保转移", "category1": "劳动保障", "channel": "电话", "urgency": "一般"}


def _create(title: str) -> MutationIn:
    return MutationIn(mutation_id=str(uuid.uuid4()), ticket_client_id=str(uuid.uuid4()),
                      kind="create", base_version=0, payload={**PAYLOAD, "title": title})


def _setup(database: Database, tmp_path: Any) -> tuple[User, ReferenceData, dict[str, Any]]:
    from app.reference import load_reference

    reference = load_reference(write_sample_reference(tmp_path / "ref"))
    with database.write_session() as session, session.begin():
        user = create_user(session, username=f"w{uuid.uuid4().hex[:6]}", role=Role.AGENT, password="feed-order-writer-2026")
        session.expunge(user)
    return user, reference, {}


def _push(database: Database, user: User, reference: ReferenceData, m: MutationIn) -> None:
    with database.write_session() as session, session.begin():
        push(session, user=user, mutations=[m], reference=reference, config={}, city_prefix="SQ")


def _pull_all(database: Database, user: User, cursor: int) -> tuple[set[str], int]:
    seen: set[str] = set()
    while True:
        with database.read_session() as session, session.begin():
            page = pull(session, user=user, cursor=cursor, limit=100)
        seen |= {c["ticket"]["client_id"] for c in page["changes"] if c["type"] == "ticket"}
        cursor = page["cursor"]
        if not page["has_more"]:
            return seen, cursor


def test_late_committing_writer_is_not_skipped(pg_database: Database, tmp_path: Any) -> None:
    user, reference, _ = _setup(pg_database, tmp_path)
    _, cursor = _pull_all(pg_database, user, 0)
    early, late = _create("先开始后提交"), _create("后开始先提交")

    # Writer 1 starts first and stays open; writer 2 starts later and commits first.
    held = pg_database.write_session()
    held.begin()
    held.execute(text("SELECT 1"))
    _push(pg_database, user, reference, late)
    between, cursor_between = _pull_all(pg_database, user, cursor)
    assert late.ticket_client_id in between and early.ticket_client_id not in between
    push(held, user=user, mutations=[early], reference=reference, config={}, city_prefix="SQ")
    held.commit()
    held.close()

    after, _ = _pull_all(pg_database, user, cursor_between)
    assert early.ticket_client_id in after  # committed late, numbered after what was seen


def test_writer_holding_its_change_number_blocks_later_numbers(pg_database: Database, tmp_path: Any) -> None:
    user, reference, _ = _setup(pg_database, tmp_path)
    _, cursor = _pull_all(pg_database, user, 0)
    first, second = _create("持有编号"), _create("等待编号")

    held = pg_database.write_session()
    held.begin()
    push(held, user=user, mutations=[first], reference=reference, config={}, city_prefix="SQ")
    started = threading.Event()

    def other_writer() -> None:
        started.set()
        _push(pg_database, user, reference, second)

    thread = threading.Thread(target=other_writer)
    thread.start()
    started.wait(5)
    # The puller runs while writer 1 is open and writer 2 waits for the change counter.
    between, cursor_between = _pull_all(pg_database, user, cursor)
    assert first.ticket_client_id not in between and second.ticket_client_id not in between
    held.commit()
    held.close()
    thread.join(30)
    after, _ = _pull_all(pg_database, user, cursor_between)
    assert {first.ticket_client_id, second.ticket_client_id} <= after


def test_concurrent_writers_and_a_puller(pg_database: Database, tmp_path: Any) -> None:
    user, reference, _ = _setup(pg_database, tmp_path)
    _, cursor = _pull_all(pg_database, user, 0)
    written: list[str] = []
    lock = threading.Lock()
    done = threading.Event()
    pulled: set[str] = set()
    state = {"cursor": cursor}

    def writer(index: int) -> None:
        for n in range(15):
            batch = [_create(f"并发{index}-{n}-{k}") for k in range(4)]
            with pg_database.write_session() as session, session.begin():
                push(session, user=user, mutations=batch, reference=reference, config={}, city_prefix="SQ")
            with lock:
                written.extend(m.ticket_client_id for m in batch)

    def puller() -> None:
        while not done.is_set():
            seen, state["cursor"] = _pull_all(pg_database, user, state["cursor"])
            pulled.update(seen)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(4)]
    reader = threading.Thread(target=puller)
    reader.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    done.set()
    reader.join(60)
    seen, _ = _pull_all(pg_database, user, state["cursor"])
    pulled |= seen
    assert len(written) == 240 and set(written) <= pulled
