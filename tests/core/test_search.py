"""Search of every word length in Chinese, Latin and digits, and queries that look like FTS5 syntax."""

from collections.abc import Iterator
from dataclasses import replace

import pytest

from app.domain.ticket import TicketInput
from app.seat import Seat
from app.store.search_text import index_text, match_query
from app.tickets.queue import QueueFilter, QueueSort, count, ids_page
from app.tickets.service import create_ticket

BASE = TicketInput(request_type="投诉", caller_phone="13812345678", category1="城市管理",
                   district="梁园区", address="x", title="t", description="d")
TICKETS = {
    "noise": dict(title="夜间施工噪音扰民", description="工地每晚打桩，噪音很大。",
                  address="凯旋路12号楼", caller_name="王女士"),
    "lamp": dict(title="路灯不亮", description="小区物业不管，井盖也丢了。",
                 address="神火大道A5区3栋", caller_name="李先生"),
    "wage": dict(title="拖欠工资", description="ABC建筑公司拖欠农民工工资，WiFi也没有。",
                 address="归德路128号", caller_name="Zhang Wei"),
}


@pytest.fixture
def ids(seat: Seat) -> dict[str, int]:
    found: dict[str, int] = {}
    with seat.store.session() as session, session.begin():
        for name, fields in TICKETS.items():
            found[name] = create_ticket(session, data=replace(BASE, **fields), context=seat.context).id
    return found


@pytest.fixture
def connection(seat: Seat) -> Iterator[object]:
    with seat.store.raw_connection() as opened:
        yield opened


def search(connection: object, query: str) -> set[int]:
    return set(ids_page(connection, QueueFilter(search=query), QueueSort(), 0, 100))  # type: ignore[arg-type]


@pytest.mark.parametrize(("query", "expected"), [
    ("噪", {"noise"}),                 # 1 character
    ("井", {"lamp"}),
    ("噪音", {"noise"}),               # 2 characters
    ("工资", {"wage"}),
    ("路灯", {"lamp"}),
    ("打桩", {"noise"}),
    ("农民工", {"wage"}),              # 3
    ("小区物业", {"lamp"}),            # 4+
    ("夜间施工噪音扰民", {"noise"}),
    ("拖欠农民工工资", {"wage"}),
    ("abc", {"wage"}),                 # Latin, any case
    ("WIFI", {"wage"}),
    ("128", {"wage"}),                 # digits
    ("12号楼", {"noise"}),             # spanning digits and CJK
    ("12号", {"noise"}),
    ("A5区", {"lamp"}),
    ("a5", {"lamp"}),
    ("王女士", {"noise"}),             # caller name
    ("Zhang", {"wage"}),
    ("噪音 打桩", {"noise"}),          # several words: AND
    ("噪音 路灯", set()),
    ("拖欠 ABC", {"wage"}),
    ("噪音扰", {"noise"}),
    ("音扰民", {"noise"}),
    ("不存在的词", set()),
    ("噪声", set()),                   # no fuzzy matching
])
def test_search(ids: dict[str, int], connection: object, query: str, expected: set[str]) -> None:
    assert search(connection, query) == {ids[name] for name in expected}


@pytest.mark.parametrize("query", [
    '"', '""', '"噪音', "噪音\"", "*", "噪*", "**", "AND", "OR", "NOT", "噪音 AND", "AND 噪音",
    "NEAR(噪音 施工)", "NEAR", "(", ")", "(噪音", "噪音)", "^噪音", "噪音:", "body:噪音", "-噪音",
    "+", "{噪音}", "'", "\\", "噪音 OR 路灯", "\u3000", "，。", "😀", "%", "_",
])
def test_query_with_fts_syntax_never_raises(ids: dict[str, int], connection: object, query: str) -> None:
    flt = QueueFilter(search=query)
    found = search(connection, query)
    assert count(connection, flt) == len(found)  # type: ignore[arg-type]
    if "噪音" in query and "路灯" not in query and "AND" not in query.split() and "OR" not in query.split() \
            and "NEAR" not in query and "body" not in query:
        assert found == {ids["noise"]}


def test_nothing_searchable_finds_nothing(ids: dict[str, int], connection: object) -> None:
    assert match_query("，。！") is None
    assert search(connection, "，。！") == set()


def test_results_are_newest_first(seat: Seat, connection: object) -> None:
    from datetime import datetime
    created = []
    with seat.store.session() as session, session.begin():
        for day in (3, 1, 2):
            ticket = create_ticket(session, data=replace(BASE, title=f"噪音{day}"), context=seat.context,
                                   created_at=datetime(2026, 3, day, 8))
            created.append((day, ticket.id))
    found = ids_page(connection, QueueFilter(search="噪音"), QueueSort(), 0, 10)  # type: ignore[arg-type]
    assert found == [i for _, i in sorted(created, reverse=True)]


def test_index_text_holds_bigrams_and_words() -> None:
    assert index_text("噪音扰民", "A5区") == "噪音 音扰 扰民 民 a5 区"


@pytest.mark.parametrize("descending", [True, False])
def test_common_word_plan_gives_the_same_tickets_in_the_same_order(
    seat: Seat, monkeypatch: pytest.MonkeyPatch, descending: bool
) -> None:
    from datetime import datetime

    from app.tickets import queue

    with seat.store.session() as session, session.begin():
        for day in (5, 1, 3, 3, 2, 4):
            create_ticket(session, data=replace(BASE, title=f"噪音{day}", description="路灯" if day % 2 else "d"),
                          context=seat.context, created_at=datetime(2026, 3, day, 8))
    sort = QueueSort(descending=descending)
    with seat.store.raw_connection() as connection:
        def results() -> tuple[list[int], list[int], list[int], int]:
            flt = QueueFilter(search="噪音")
            return (ids_page(connection, flt, sort, 0, 10), ids_page(connection, flt, sort, 2, 2),
                    [i for batch in queue.iter_ids(connection, flt, sort) for i in batch], count(connection, flt))
        by_rows = results()
        monkeypatch.setattr(queue, "ORDERED_SCAN_MIN_MATCHES", 1)
        assert "INDEXED BY" in queue._source(connection, QueueFilter(search="噪音"), sort)
        assert results() == by_rows
        assert len(by_rows[0]) == 6 and by_rows[3] == 6
        # With another filter, or another order, the usual plan answers.
        assert "INDEXED BY" not in queue._source(connection, QueueFilter(search="噪音", district="梁园区"), sort)
        assert "INDEXED BY" not in queue._source(connection, QueueFilter(search="噪音"), QueueSort("status"))
        assert count(connection, QueueFilter(search="噪音 路灯")) == 4  # days 5, 1, 3, 3
