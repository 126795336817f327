"""The search index merges off the saving path: saves leave small segments, the background
merger (or a bulk write, right after its commit) merges them, a save arriving during a
background merge does not wait for the whole run, and search finds the same tickets throughout."""

import random
import threading
from dataclasses import replace
from datetime import datetime

from sqlalchemy import text

from app.domain.ticket import TicketInput
from app.seat import Seat
from app.store.search_merge import SearchIndexMerger
from app.tickets.bulk import NewTicket, insert_batch
from app.tickets.queue import QueueFilter, count
from app.tickets.service import create_ticket

BASE = TicketInput(request_type="投诉", caller_phone="13812345678", category1="城市管理",
                   district="梁园区", address="凯旋路88号", title="油烟扰民", description="楼下餐馆油烟很大")


def save_tickets(seat: Seat, n: int) -> None:
    """``n`` single saves, as an agent makes them (each its own transaction)."""
    for k in range(n):
        with seat.store.session() as session, session.begin():
            create_ticket(session, data=replace(BASE, title=f"油烟扰民{k}号"), context=seat.context)


def index_settings(seat: Seat) -> dict[str, int]:
    with seat.store.engine.connect() as connection:
        return {k: v for k, v in connection.execute(text("SELECT k, v FROM ticket_search_config"))}


def index_pages(seat: Seat) -> int:
    """Rows of FTS5's data table: every segment's pages, plus two of bookkeeping."""
    with seat.store.engine.connect() as connection:
        return int(connection.exec_driver_sql("SELECT count(*) FROM ticket_search_data").scalar_one())


def found(seat: Seat, word: str) -> int:
    with seat.store.raw_connection() as connection:
        return count(connection, QueueFilter(search=word))


def test_saves_leave_the_merging_to_the_background_merger(seat: Seat) -> None:
    assert index_settings(seat) | {"automerge": 0, "crisismerge": 64} == index_settings(seat)
    save_tickets(seat, 40)
    # Each save wrote a segment of its own and merged nothing (with FTS5's crisismerge of 16,
    # the 16th and 32nd saves would have merged: 12 pages left, not 42).
    assert index_pages(seat) >= 40
    assert found(seat, "油烟") == 40
    merger = SearchIndexMerger(seat.store)
    steps, done = merger.run(pause_s=0)
    assert steps > 0 and done
    assert index_pages(seat) < 10
    assert found(seat, "油烟") == 40 and found(seat, "15号") == 1
    assert merger.run() == (0, True)  # merged as far as it goes
    with seat.store.engine.connect() as connection:
        connection.exec_driver_sql("INSERT INTO ticket_search(ticket_search) VALUES ('integrity-check')")


def test_no_budget_no_merge(seat: Seat) -> None:
    save_tickets(seat, 5)
    pages = index_pages(seat)
    assert SearchIndexMerger(seat.store).run(budget_s=0) == (0, False)
    assert index_pages(seat) == pages


def test_a_save_during_a_background_merge_waits_for_one_step_not_the_run(seat: Seat) -> None:
    # Long, varied descriptions: segments of many pages, a merge of many steps.
    rng = random.Random(7)
    ideographs = [chr(0x4E00 + i) for i in range(3000)]
    for k in range(300):
        with seat.store.session() as session, session.begin():
            create_ticket(session, data=replace(BASE, title=f"油烟扰民{k}号",
                                                description="".join(rng.choices(ideographs, k=1500))),
                          context=seat.context)
    merger = SearchIndexMerger(seat.store)
    # After each merge step the merger's thread looks whether the save has committed yet: the
    # store orders the two, so no thread's speed decides what this test sees.
    watcher = seat.store.connect()
    saved_before_step: list[bool] = []
    first_step = threading.Event()

    def after_step() -> None:
        saved_before_step.append(watcher.execute("SELECT count(*) FROM tickets").fetchone()[0] == 301)
        first_step.set()

    result: list[tuple[int, bool]] = []
    run = threading.Thread(target=lambda: result.append(merger.run(budget_s=60, on_step=after_step)))
    run.start()
    assert first_step.wait(timeout=30)
    with seat.store.session() as session, session.begin():
        create_ticket(session, data=replace(BASE, title="merge 期间的受理"), context=seat.context)
    run.join(timeout=60)
    watcher.close()
    steps, done = result[0]
    assert steps > 3 and done
    # The save got the lock in a pause between two steps: the merger merged on after it.
    assert saved_before_step.count(True) >= 2, saved_before_step
    assert found(seat, "油烟") == 301


def test_a_bulk_write_merges_right_after_its_commit(seat: Seat) -> None:
    for batch in range(5):
        tickets = [NewTicket(values=replace(BASE, title=f"噪音扰民{batch}-{k}"),
                             created_at=datetime(2026, 3, 1, 8, batch, k % 60), status="受理",
                             client_id=f"bulk-{batch}-{k}") for k in range(100)]
        assert insert_batch(seat.store, tickets, seat.context) == 100
    # Five batches, five segments: left alone, the merger would find a level of 4+ to merge.
    assert SearchIndexMerger(seat.store).run() == (0, True)
    assert index_settings(seat)["automerge"] == 0
    assert found(seat, "噪音") == 500
