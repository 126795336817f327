"""Unit ratings on a case small enough to compute by hand (see the docstring of app.reports.ratings)."""

from datetime import date, datetime, timedelta

import pytest

from app.reports.data import ReportOptions, Weights
from app.reports.period import Period
from app.reports.ratings import unit_ratings
from app.reports.sample import TicketRow, insert_rows, local_to_utc
from app.store.db import Store

DAY = date(2024, 3, 4)
AS_OF = date(2024, 3, 20)


def _row(ticket_id: int, unit: str, *, hour: int, deadline: date, status: str, satisfaction: str = "") -> TicketRow:
    return TicketRow(
        id=ticket_id, created_at=local_to_utc(DAY, hour * 3600), handling_unit=unit,
        deadline=deadline, status=status, satisfaction=satisfaction, result="已处理。",
    )


def _at(row: TicketRow, hours: float) -> datetime:
    return row.created_at + timedelta(hours=hours)


@pytest.fixture
def small_store(empty_store: Store) -> Store:
    late = DAY + timedelta(days=1)
    t1 = _row(1, "甲单位", hour=9, deadline=DAY + timedelta(days=5), status="回访", satisfaction="满意")
    t1.events.add("派单", _at(t1, 0)).add("签收", _at(t1, 1)).add("办结", _at(t1, 20), solved="解决")
    # Signed 3 h after dispatch (late), partly solved, completed after its deadline, unsatisfied.
    t2 = _row(2, "甲单位", hour=10, deadline=late, status="回访", satisfaction="不满意")
    t2.events.add("派单", _at(t2, 0)).add("签收", _at(t2, 3)).add("办结", _at(t2, 72), solved="部分解决")
    # Returned by 甲 (named in the event), now dispatched to 乙 which has not signed yet.
    t3 = _row(3, "乙单位", hour=11, deadline=AS_OF + timedelta(days=3), status="派单")
    t3.events.add("派单", _at(t3, 0), unit="甲单位").add("退单", _at(t3, 2), unit="甲单位")
    t3.events.add("派单", _at(t3, 4), unit="乙单位")
    # Signed exactly at the 2-hour limit (in time) but still open after its deadline.
    t4 = _row(4, "甲单位", hour=12, deadline=late, status="办理")
    t4.events.add("派单", _at(t4, 0)).add("签收", _at(t4, 2))
    # Solved on time; the callback could not reach the caller.
    t5 = _row(5, "甲单位", hour=13, deadline=DAY + timedelta(days=5), status="回访", satisfaction="未联系上")
    t5.events.add("派单", _at(t5, 0)).add("签收", _at(t5, 0.5)).add("办结", _at(t5, 5), solved="解决")
    # Merged as a duplicate: not valid, counts nowhere.
    t6 = _row(6, "甲单位", hour=14, deadline=late, status="归档")
    t6.events.add("派单", _at(t6, 0)).add("合并", _at(t6, 1))
    with empty_store.engine.begin() as conn:
        insert_rows(conn, [t1, t2, t3, t4, t5, t6])
    return empty_store


def test_rates_and_score_by_hand(small_store: Store) -> None:
    options = ReportOptions(min_ranked_tickets=1)
    with small_store.engine.connect() as conn:
        ratings = {r.unit: r for r in unit_ratings(conn, Period.day(DAY), as_of=AS_OF, options=options)}
    a = ratings["甲单位"]
    assert a.tickets == 4
    assert (a.response.numerator, a.response.denominator) == (3, 4)
    assert (a.solution.numerator, a.solution.denominator) == (2.5, 3)
    assert (a.satisfaction.numerator, a.satisfaction.denominator) == (1, 2)
    assert (a.on_time.numerator, a.on_time.denominator) == (2, 4)
    assert (a.returns.numerator, a.returns.denominator) == (1, 5)
    # All five by default, 20/30/30/10/10: 0.2×0.75 + 0.3×0.8333 + 0.3×0.5 + 0.1×0.5 + 0.1×(1 − 0.2)
    assert a.score == 68.0
    assert a.rank == 1
    b = ratings["乙单位"]
    assert (b.tickets, b.response.numerator, b.response.denominator) == (1, 0, 1)
    assert b.solution.value is None and b.satisfaction.value is None and b.on_time.value is None
    # Only the response and return rates have figures: scored, not ranked (issue 13.11).
    assert b.score == 33.33 and b.rank is None
    three = ReportOptions(weights=Weights(30, 35, 35, 0, 0), min_ranked_tickets=1)
    with small_store.engine.connect() as conn:
        again = {r.unit: r for r in unit_ratings(conn, Period.day(DAY), as_of=AS_OF, options=three)}
    # 30/35/35: 0.30×3/4 + 0.35×2.5/3 + 0.35×1/2 = 0.691667
    assert again["甲单位"].score == 69.17 and again["乙单位"].rank is None


def test_other_weights_and_unranked_small_units(small_store: Store) -> None:
    five = ReportOptions(weights=Weights(20, 30, 30, 10, 10), min_ranked_tickets=2)
    with small_store.engine.connect() as conn:
        ratings = unit_ratings(conn, Period.day(DAY), as_of=AS_OF, options=five)
    # 甲: 0.2×0.75 + 0.3×0.8333 + 0.3×0.5 + 0.1×0.5 + 0.1×(1 − 0.2) = 0.68
    # 乙: response 0/1 (20) and returns 1 − 0/1 (10) only: 10 / 30
    assert [(r.unit, r.score, r.rank) for r in ratings] == [("甲单位", 68.0, 1), ("乙单位", 33.33, None)]


def test_equal_scores_share_a_rank(empty_store: Store) -> None:
    rows = []
    for i, unit in enumerate(("丙", "丁")):
        row = _row(i + 1, unit, hour=9, deadline=DAY, status="回访", satisfaction="满意")
        rows.append(row)
    with empty_store.engine.begin() as conn:
        insert_rows(conn, rows)
    with empty_store.engine.connect() as conn:
        # Weighted on the one rate these rows have figures for (satisfaction).
        only = ReportOptions(weights=Weights(0, 0, 100, 0, 0), min_ranked_tickets=1)
        ratings = unit_ratings(conn, Period.day(DAY), as_of=AS_OF, options=only)
    assert [(r.unit, r.score, r.rank) for r in ratings] == [("丁", 100.0, 1), ("丙", 100.0, 1)]  # then by name
