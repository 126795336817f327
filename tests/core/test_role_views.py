"""Each role's queues find the tickets that role has to work on."""

import random
from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy import select

from app.domain.deadline import DeadlineClock
from app.domain.enums import OPEN_STATUS_VALUES
from app.domain.roles import Role
from app.seat import Seat
from app.store.models import Ticket
from app.tickets import lifecycle
from app.tickets.queue import QueueFilter, QueueSort, count, iter_ids
from app.tickets.queues import narrow, role_views
from app.tickets.service import Actor, TicketContext, create_ticket, local_date, utc_now
from tests.core.test_lifecycle_service import LAMP


def ctx(seat: Seat, role: Role, unit: str = "", name: str = "") -> TicketContext:
    return replace(seat.context, actor=Actor("S01", name or f"u-{role}", role, unit))


def test_views_per_role(seat: Seat) -> None:
    units = seat.context.reference.unit_names()
    main, other = units[0], units[1]
    agent = ctx(seat, Role.AGENT, name="agent1")
    disp, boss = ctx(seat, Role.DISPATCHER), ctx(seat, Role.SUPERVISOR)
    handler = ctx(seat, Role.UNIT, main)
    with seat.store.session() as s, s.begin():
        fresh = create_ticket(s, data=LAMP, context=agent)
        twin = create_ticket(s, data=LAMP, context=agent)  # same number and address: a duplicate
        worked = create_ticket(s, data=replace(LAMP, caller_phone="13700001111", address="别处1号"), context=agent)
        lifecycle.dispatch(s, ticket=worked, units=[main, other], context=disp)
        lifecycle.sign(s, ticket=worked, context=handler)
        late = create_ticket(s, data=replace(LAMP, caller_phone="13700002222", address="别处2号"), context=agent)
        lifecycle.dispatch(s, ticket=late, units=[main], context=disp)
        late.deadline = local_date(utc_now()).date() - timedelta(days=1)
        lifecycle.escalate(s, ticket=late, level="二级", note="超期", context=boss)
        ids = (fresh.id, twin.id, worked.id, late.id)
    today = local_date(utc_now()).date()
    calendar = seat.context.reference.calendar

    def counts(role: Role, **kw: str) -> dict[str, int]:
        views = role_views(role, username=kw.get("username", ""), unit=kw.get("unit", ""), today=today,
                           calendar=calendar)
        with seat.store.raw_connection() as connection:
            return {v.key: count(connection, v.filter) for v in views if v.filter is not None}

    assert counts(Role.AGENT, username="agent1") == {"my_today": 4, "my_callbacks": 0, "my_unreached": 0}
    assert counts(Role.DISPATCHER) == {"to_dispatch": 2, "returned": 0, "extensions": 0, "duplicates": 2}
    unit_counts = counts(Role.UNIT, unit=main)
    assert unit_counts["to_sign"] == 1 and unit_counts["in_progress"] == 1 and unit_counts["overdue"] == 1
    assert counts(Role.UNIT, unit=other)["assisting"] == 1
    boss_counts = counts(Role.SUPERVISOR)
    assert boss_counts["escalated"] == 1 and boss_counts["overdue"] == 1
    with seat.store.session() as s, s.begin():
        ticket = s.get(Ticket, ids[2])
        assert ticket is not None and ticket.deadline is not None
        lifecycle.request_extension(s, ticket=ticket, new_deadline=ticket.deadline + timedelta(days=5),
                                    reason="等待配件", context=handler)
    assert counts(Role.DISPATCHER)["extensions"] == 1
    assert [v.key for v in role_views(Role.ADMIN, username="root", today=date(2026, 3, 9), calendar=calendar)] == [
        "users", "units", "categories", "holidays", "audit"]


def test_the_users_pickers_narrow_a_view_and_contradictions_match_nothing(seat: Seat) -> None:
    # From the roles engineer's branch (narrow() was taken from there).
    clock = DeadlineClock(date(2026, 11, 20))
    to_dispatch = QueueFilter(statuses=("受理",), clock=clock)
    working = QueueFilter(statuses=("派单", "签收", "办理"), handling_unit="市城市管理局", clock=clock)
    assert narrow(to_dispatch, QueueFilter(clock=clock)) == to_dispatch
    searched = narrow(to_dispatch, QueueFilter(search="路灯", district="梁园区", clock=clock))
    assert (searched.statuses, searched.search, searched.district) == (("受理",), "路灯", "梁园区")
    assert narrow(working, QueueFilter(statuses=("办理", "派单"), clock=clock)).statuses == ("派单", "办理")
    assert narrow(to_dispatch, QueueFilter(statuses=("办结",), clock=clock)).match_nothing
    assert narrow(working, QueueFilter(handling_unit="市水务局", clock=clock)).match_nothing
    with seat.store.session() as session, session.begin():
        create_ticket(session, data=LAMP, context=seat.context)
    connection = seat.store.raw_connection()
    try:
        assert count(connection, narrow(to_dispatch, QueueFilter(clock=clock))) == 1
        assert count(connection, narrow(to_dispatch, QueueFilter(statuses=("办结",), clock=clock))) == 0
    finally:
        connection.close()


def test_duplicates_are_tickets_sharing_a_number_or_an_address_and_category_with_an_open_one(
        seat: Seat) -> None:
    """Checked against the definition, over every mix of status, merge, number and address."""
    rng = random.Random(7)
    with seat.store.session() as s, s.begin():
        for i in range(120):
            ticket = create_ticket(s, data=replace(LAMP, title=f"路灯{i}"), context=seat.context)
            ticket.caller_phone = rng.choice(["13700000001", "13700000002", "13700000003", ""])
            ticket.address = rng.choice(["凯旋路1号", "凯旋路2号", ""])
            ticket.category1 = rng.choice(["城乡建设", "城市管理"])
            ticket.status = rng.choice(["受理", "派单", "办结", "归档"])
            ticket.merged_into = rng.choice(["", "", "", "x"])
        s.flush()
        rows = [(t.id, t.status, t.merged_into, t.caller_phone, t.address, t.category1)
                for t in s.scalars(select(Ticket))]

    def live(row: tuple[int, str, str, str, str, str]) -> bool:
        return row[1] in OPEN_STATUS_VALUES and row[2] == ""

    expected = {t[0] for t in rows if any(
        d[0] != t[0] and live(d) and ((t[3] != "" and d[3] == t[3]) or (t[4] != "" and (d[4], d[5]) == (t[4], t[5])))
        for d in rows)}
    with seat.store.raw_connection() as connection:
        found = {i for batch in iter_ids(connection, QueueFilter(duplicates=True), QueueSort()) for i in batch}
    assert found == expected and 0 < len(found) < len(rows)
