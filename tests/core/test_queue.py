"""Queue queries: each filter, sorts, overdue/due soon, date ranges, counts, paging."""

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime

import pytest

from app.domain.deadline import DeadlineClock
from app.domain.lifecycle import Action
from app.domain.ticket import TicketInput
from app.seat import Seat
from app.store.db import Connection
from app.tickets.queue import (
    QueueFilter,
    QueueSort,
    count,
    describe_filter,
    fetch_rows,
    ids_page,
    iter_ids,
)
from app.tickets.service import apply_action, create_ticket

BASE = TicketInput(request_type="投诉", caller_phone="13812345678", category1="城市管理",
                   district="梁园区", street="平原街道", address="凯旋路", title="噪音", description="噪音扰民")
# name: (changes, created_at (UTC), actions)
SPEC: dict[str, tuple[dict[str, str], datetime, tuple[Action, ...]]] = {
    "a": ({}, datetime(2026, 3, 2, 1), ()),
    "b": ({"channel": "微信", "request_type": "咨询", "district": "睢阳区", "street": "",
           "category1": "劳动和社会保障", "title": "社保"}, datetime(2026, 3, 3, 1), (Action.COMPLETE,)),
    "c": ({"urgency": "紧急", "caller_phone": "0370-3221234", "category1": "城乡建设",
           "category2": "安全生产"}, datetime(2026, 3, 4, 1), (Action.DISPATCH,)),
    "d": ({"request_type": "建议", "channel": "App", "district": "", "street": "", "address": ""},
          datetime(2026, 3, 20, 1), ()),
}
TODAY = date(2026, 3, 20)


@pytest.fixture
def ids(seat: Seat) -> dict[str, int]:
    found = {}
    with seat.store.session() as session, session.begin():
        for name, (changes, created, actions) in SPEC.items():
            ticket = create_ticket(session, data=replace(BASE, **changes), context=seat.context,
                                   created_at=created)
            for action in actions:
                apply_action(session, ticket=ticket, action=action, context=seat.context)
            found[name] = ticket.id
    return found


@pytest.fixture
def connection(seat: Seat) -> Iterator[Connection]:
    with seat.store.raw_connection() as opened:
        yield opened


def names(ids: dict[str, int], found: list[int]) -> list[str]:
    by_id = {v: k for k, v in ids.items()}
    return [by_id[i] for i in found]


@pytest.mark.parametrize(("flt", "expected"), [
    (QueueFilter(), "dcba"),
    (QueueFilter(statuses=("受理",)), "da"),
    (QueueFilter(statuses=("办结", "派单")), "cb"),
    (QueueFilter(channels=("微信",)), "b"),
    (QueueFilter(channels=("App", "微信")), "db"),
    (QueueFilter(request_types=("咨询", "建议")), "db"),
    (QueueFilter(category1="城乡建设"), "c"),
    (QueueFilter(category1="城乡建设", category2="安全生产"), "c"),
    (QueueFilter(category1="城市管理", category2="安全生产"), ""),
    (QueueFilter(district="梁园区"), "ca"),
    (QueueFilter(district="梁园区", street="平原街道"), "ca"),
    (QueueFilter(urgencies=("紧急", "特急")), "c"),
    (QueueFilter(caller_phone="0370-3221234"), "c"),
    (QueueFilter(search="社保"), "b"),
    (QueueFilter(search="噪音", statuses=("受理",)), "da"),
    (QueueFilter(created_from=datetime(2026, 3, 3, 1)), "dcb"),  # inclusive
    (QueueFilter(created_to=datetime(2026, 3, 4, 1)), "ba"),     # exclusive
    (QueueFilter(created_from=datetime(2026, 3, 3), created_to=datetime(2026, 3, 5)), "cb"),
])
def test_filters(ids: dict[str, int], connection: Connection, flt: QueueFilter, expected: str) -> None:
    found = ids_page(connection, flt, QueueSort(), 0, 100)
    assert "".join(names(ids, found)) == expected
    assert count(connection, flt) == len(expected)


def test_overdue_and_due_soon(ids: dict[str, int], connection: Connection, seat: Seat) -> None:
    with seat.store.session() as session:
        from app.store.models import Ticket
        deadlines = {name: session.get(Ticket, i).deadline for name, i in ids.items()}  # type: ignore[union-attr]
    # a (投诉, accepted 03-02 local): 13 working days → 03-19; c (03-04) → 03-23; b is finished.
    assert deadlines["a"] == date(2026, 3, 19) and deadlines["c"] == date(2026, 3, 23)
    overdue = QueueFilter(due="overdue", clock=DeadlineClock(TODAY))
    assert names(ids, ids_page(connection, overdue, QueueSort(), 0, 10)) == ["a"]
    # Due soon: one working day or less left, open tickets only; on Friday 03-20 Monday's too.
    assert names(ids, ids_page(connection, QueueFilter(due="due_soon", clock=DeadlineClock(date(2026, 3, 22))),
                               QueueSort(), 0, 10)) == ["c"]
    assert count(connection, QueueFilter(due="due_soon", clock=DeadlineClock(date(2026, 3, 20)))) == 1
    assert count(connection, QueueFilter(due="due_soon", clock=DeadlineClock(date(2026, 3, 19)))) == 1  # a
    # A finished ticket is never overdue.
    assert count(connection, QueueFilter(due="overdue", clock=DeadlineClock(date(2027, 1, 1)))) == 3


@pytest.mark.parametrize(("sort", "expected"), [
    (QueueSort("created_at", True), "dcba"),
    (QueueSort("created_at", False), "abcd"),
    (QueueSort("urgency", False), "abdc"),      # 一般 < 紧急 by code point, ties by time
    (QueueSort("channel", False), "dbac"),      # App < 微信 < 电话
    (QueueSort("district", True), "bcad"),      # 睢阳区 > 梁园区 > (none), ties newest first
    (QueueSort("no_such_column", True), "dcba"),  # unknown: newest first
])
def test_sorts(ids: dict[str, int], connection: Connection, sort: QueueSort, expected: str) -> None:
    assert "".join(names(ids, ids_page(connection, QueueFilter(), sort, 0, 10))) == expected
    assert [i for batch in iter_ids(connection, QueueFilter(), sort, batch=3) for i in batch] == \
        ids_page(connection, QueueFilter(), sort, 0, 10)


def test_paging(ids: dict[str, int], connection: Connection) -> None:
    pages = [ids_page(connection, QueueFilter(), QueueSort(), offset, 2) for offset in (0, 2, 4)]
    assert [names(ids, page) for page in pages] == [["d", "c"], ["b", "a"], []]


def test_fetch_rows_builds_display_rows(ids: dict[str, int], connection: Connection) -> None:
    rows = fetch_rows(connection, [ids["c"], ids["a"], 9999])
    assert set(rows) == {ids["c"], ids["a"]}
    row = rows[ids["c"]]
    assert (row.status, row.urgency, row.caller_phone, row.category2, row.deadline) == (
        "派单", "紧急", "0370-3221234", "安全生产", "2026-03-23")
    assert row.local_no.startswith("S01-20260304-")


def test_search_with_nothing_searchable_matches_nothing(ids: dict[str, int], connection: Connection) -> None:
    assert count(connection, QueueFilter(search="！？")) == 0
    assert count(connection, QueueFilter(search="   ")) == 4  # blank: no search at all


def test_an_export_is_described_in_words_without_the_callers_number_or_search_words() -> None:
    described = describe_filter(QueueFilter(statuses=("受理",), caller_phone="13812345678",
                                            search="王建国 13812345678", district="梁园区"))
    assert "13812345678" not in described and "王建国" not in described
    assert "状态：受理" in described and "梁园区" in described and "按来电号码筛选" in described
