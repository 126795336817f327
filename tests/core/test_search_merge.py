"""The search index merges off the saving path: saves leave small segments, the background
merger (or a bulk write, as it goes) merges them, and search finds the same tickets throughout."""

from dataclasses import replace
from datetime import datetime

import pytest
from sqlalchemy import text

from app.domain.ticket import TicketInput
from app.seat import Seat
from app.store.search_merge import SearchIndexMerger
from app.tickets.bulk import NewTicket, insert_tickets
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


def found(seat: Seat, word: str) -> int:
    with seat.store.raw_connection() as connection:
        return count(connection, QueueFilter(search=word))


def index_pages(seat: Seat) -> int:
    """Rows of FTS5's data table: a segment's pages, plus two of bookkeeping."""
    with seat.store.engine.connect() as connection:
        return int(connection.exec_driver_sql("SELECT count(*) FROM ticket_search_data").scalar_one())


def test_saves_leave_the_merging_to_the_background_merger(seat: Seat) -> None:
    assert index_settings(seat) | {"automerge": 0, "crisismerge": 64} == index_settings(seat)
    save_tickets(seat, 40)
    # Each save wrote its own small segment and merged nothing (FTS5's defaults would have
    # merged inside the 16th and 32nd saves: 12 pages left, not 42).
    assert index_pages(seat) == 42
    assert found(seat, "油烟") == 40
    merger = SearchIndexMerger(seat.store.path)
    steps, done = merger.run()
    assert steps > 0 and done
    assert index_pages(seat) < 10
    assert found(seat, "油烟") == 40 and found(seat, "15号") == 1
    assert merger.run() == (0, True)  # merged as far as it goes
    with seat.store.engine.connect() as connection:
        connection.exec_driver_sql("INSERT INTO ticket_search(ticket_search) VALUES ('integrity-check')")


def test_no_budget_no_merge(seat: Seat) -> None:
    save_tickets(seat, 5)
    assert SearchIndexMerger(seat.store.path).run(budget_s=0) == (0, False)
    assert index_pages(seat) == 7


def test_a_bulk_write_merges_as_it_goes_and_sets_saves_back(seat: Seat) -> None:
    tickets = [NewTicket(values=replace(BASE, title=f"噪音扰民{k}"), created_at=datetime(2026, 3, 1, 8, 0, k % 60),
                         status="受理", client_id=f"bulk-{k}") for k in range(300)]
    with seat.store.session() as session, session.begin():
        assert insert_tickets(session, tickets, seat.context) == 300
    assert index_settings(seat)["automerge"] == 0
    # A bulk write that fails rolls its settings back with its rows.
    with pytest.raises(RuntimeError), seat.store.session() as session, session.begin():
        insert_tickets(session, [replace(t, client_id=f"again-{k}") for k, t in enumerate(tickets)], seat.context)
        raise RuntimeError("the disk is full")
    assert index_settings(seat)["automerge"] == 0
    assert found(seat, "噪音") == 300
