"""Bulk insertion keeps each day's local numbers unique and in sequence, across batches,
numbers brought by an imported file, and single saves in the same session."""

from datetime import datetime, timedelta

from app.domain.ticket import TicketInput
from app.seat import Seat
from app.tickets.bulk import NewTicket, insert_batch, insert_tickets
from app.tickets.service import create_ticket, local_date, utc_now

NOISE = TicketInput(request_type="投诉", caller_phone="13812345678", category1="城市管理",
                    district="梁园区", address="凯旋路88号", title="噪音扰民", description="夜里施工")
DAY = datetime(2026, 3, 4, 2, 0)  # 10:00 in the city, 2026-03-04


def tickets(n: int, at: datetime, tag: str, local_no: str = "") -> list[NewTicket]:
    return [NewTicket(values=NOISE, created_at=at + timedelta(minutes=k), status="受理",
                      client_id=f"{tag}-{k}", local_no=local_no) for k in range(n)]


def numbers(seat: Seat) -> list[str]:
    with seat.store.raw_connection() as connection:
        return [n for (n,) in connection.execute("SELECT local_no FROM tickets ORDER BY id")]


def test_batches_continue_the_day_and_skip_numbers_already_taken(seat: Seat) -> None:
    assert insert_batch(seat.store, tickets(3, DAY, "a"), seat.context) == 3
    # A file from another seat also called S01 brings 0005 with it.
    assert insert_batch(seat.store, tickets(1, DAY, "b", local_no="S01-20260304-0005"), seat.context) == 1
    assert insert_batch(seat.store, tickets(3, DAY, "c") + tickets(1, DAY + timedelta(days=1), "d"),
                        seat.context) == 4
    assert numbers(seat) == [
        "S01-20260304-0001", "S01-20260304-0002", "S01-20260304-0003", "S01-20260304-0005",
        "S01-20260304-0004", "S01-20260304-0006", "S01-20260304-0007", "S01-20260305-0001"]


def test_a_save_after_a_bulk_insert_in_the_same_session_takes_the_next_number(seat: Seat) -> None:
    now = utc_now()
    day = local_date(now).strftime("%Y%m%d")
    with seat.store.session() as session, session.begin():
        first = create_ticket(session, data=NOISE, context=seat.context)  # loads today's counter
        insert_tickets(session, tickets(2, now, "bulk"), seat.context)
        last = create_ticket(session, data=NOISE, context=seat.context)
    assert first.local_no == f"S01-{day}-0001"
    assert last.local_no == f"S01-{day}-0004"
    assert sorted(numbers(seat)) == [f"S01-{day}-000{k}" for k in range(1, 5)]
