"""Saving a ticket writes the ticket, its timeline event and its outbox entry together."""

import pytest
from sqlalchemy import func, select

from app.domain.lifecycle import Action, TransitionError
from app.domain.ticket import TicketInput
from app.seat import Seat
from app.store.models import OutboxEntry, Ticket, TicketEvent
from app.tickets.queue import QueueFilter, QueueSort, count, ids_page
from app.tickets.service import (
    TicketValidationError,
    apply_action,
    create_ticket,
    timeline,
    update_ticket,
)

NOISE = TicketInput(
    request_type="投诉", caller_name="王女士", caller_phone="138 1234 5678",
    category1="城市管理", district="梁园区", street="平原街道", address="株洲路财政局家属院",
    title="餐饮店大喇叭扰民", description="楼下两家小餐饮店用大喇叭播放录音揽客，影响午休。",
)


def test_save_writes_ticket_event_and_outbox_in_one_go(seat: Seat) -> None:
    with seat.store.session() as session, session.begin():
        ticket = create_ticket(session, data=NOISE, context=seat.context)
    with seat.store.session() as session:
        stored = session.get(Ticket, ticket.id)
        assert stored is not None
        assert stored.caller_phone == "13812345678"
        assert stored.status == "受理"
        assert stored.local_no.startswith("S01-")
        assert stored.deadline is not None and stored.deadline > stored.created_at.date()
        assert [e.kind for e in timeline(session, ticket.id)] == ["create"]
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 1


def test_refused_save_leaves_nothing_behind(seat: Seat) -> None:
    with pytest.raises(TicketValidationError) as refused, seat.store.session() as session, session.begin():
        create_ticket(session, data=TicketInput(request_type="投诉", caller_phone="12345"), context=seat.context)
    assert set(refused.value.errors) >= {"title", "description", "caller_phone", "address"}
    with seat.store.session() as session:
        assert session.scalar(select(func.count()).select_from(Ticket)) == 0
        assert session.scalar(select(func.count()).select_from(TicketEvent)) == 0


def test_local_numbers_are_unique_and_readable(seat: Seat) -> None:
    numbers = set()
    for _ in range(3):
        with seat.store.session() as session, session.begin():
            numbers.add(create_ticket(session, data=NOISE, context=seat.context).local_no)
    assert len(numbers) == 3
    assert sorted(n[-4:] for n in numbers) == ["0001", "0002", "0003"]


def test_edit_is_recorded_and_searchable(seat: Seat) -> None:
    with seat.store.session() as session, session.begin():
        ticket = create_ticket(session, data=NOISE, context=seat.context)
    edited = TicketInput(**{**NOISE.to_dict(), "description": "路灯不亮已经一周，晚上井盖看不见"})  # type: ignore[arg-type]
    with seat.store.session() as session, session.begin():
        stored = session.get(Ticket, ticket.id)
        assert stored is not None
        changes = update_ticket(session, ticket=stored, data=edited, context=seat.context)
    assert list(changes) == ["description"]
    with seat.store.raw_connection() as connection:
        assert count(connection, QueueFilter(search="路灯")) == 1
        assert count(connection, QueueFilter(search="喇叭")) == 1  # title still says it
        assert count(connection, QueueFilter(search="午休")) == 0  # old description forgotten
    with seat.store.session() as session:
        stored = session.get(Ticket, ticket.id)
        assert stored is not None and stored.version == 2
        assert [e.kind for e in timeline(session, ticket.id)] == ["create", "update"]


def test_lifecycle_refusal_says_why(seat: Seat) -> None:
    with seat.store.session() as session, session.begin():
        ticket = create_ticket(session, data=NOISE, context=seat.context)
        with pytest.raises(TransitionError, match="不能执行“签收”"):
            apply_action(session, ticket=ticket, action=Action.SIGN, context=seat.context)
        apply_action(session, ticket=ticket, action=Action.DISPATCH, context=seat.context)
        assert ticket.status == "派单"


@pytest.mark.parametrize("word", ["噪", "喇叭", "大喇叭", "餐饮店大喇叭", "株洲路", "王女士"])
def test_search_finds_words_of_every_length(seat: Seat, word: str) -> None:
    with seat.store.session() as session, session.begin():
        wanted = create_ticket(session, data=NOISE, context=seat.context)
        other = TicketInput(**{**NOISE.to_dict(), "title": "路灯不亮", "description": "小区路灯坏了",  # type: ignore[arg-type]
                               "caller_name": "李先生", "address": "凯旋路"})
        create_ticket(session, data=other, context=seat.context)
    with seat.store.raw_connection() as connection:
        found = ids_page(connection, QueueFilter(search=word), QueueSort(), 0, 10)
    if word == "噪":
        assert found == []  # no ticket says 噪
    else:
        assert found == [wanted.id]
