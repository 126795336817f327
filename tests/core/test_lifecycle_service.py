"""The desktop's lifecycle functions: rules checked for the signed-in role, ticket + event +
outbox written together, nothing written when refused."""

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from app.domain.deadline import DeadlineClock, DeadlineMark
from app.domain.enums import Status
from app.domain.lifecycle import Action
from app.domain.roles import Role
from app.domain.ticket import TicketInput
from app.seat import Seat
from app.store.models import OutboxEntry, Ticket, TicketEvent
from app.tickets import lifecycle
from app.tickets.service import Actor, TicketContext, create_ticket, timeline

LAMP = TicketInput(request_type="投诉", caller_name="李先生", caller_phone="13912345678",
                   category1="城乡建设", district="梁园区", address="凯旋路100号",
                   title="路灯不亮", description="凯旋路路灯连续三晚不亮")


def as_role(seat: Seat, role: Role | None, unit: str = "") -> TicketContext:
    return replace(seat.context, actor=Actor(seat.context.actor.seat, f"user-{role}", role, unit))


def new_ticket(seat: Seat) -> int:
    with seat.store.session() as s, s.begin():
        return create_ticket(s, data=LAMP, context=seat.context).id


def test_a_whole_life_on_one_seat_writes_events_per_the_reports_contract(seat: Seat) -> None:
    unit = seat.context.reference.unit_names()[0]
    ticket_id = new_ticket(seat)
    dispatcher, handler = as_role(seat, Role.DISPATCHER), as_role(seat, Role.UNIT, unit)
    agent, boss = as_role(seat, Role.AGENT), as_role(seat, Role.SUPERVISOR)
    steps = [
        (lambda s, t: lifecycle.dispatch(s, ticket=t, units=[unit], context=dispatcher)),
        (lambda s, t: lifecycle.sign(s, ticket=t, context=handler)),
        (lambda s, t: lifecycle.request_extension(s, ticket=t, new_deadline=t.deadline + timedelta(days=10),
                                                  reason="需协调供电公司", context=handler)),
        (lambda s, t: lifecycle.decide_extension(s, ticket=t, approved=True, context=dispatcher)),
        (lambda s, t: lifecycle.escalate(s, ticket=t, level="一级", note="群众反映强烈", context=boss)),
        (lambda s, t: lifecycle.complete(s, ticket=t, result="已更换灯具", solved="解决", context=handler)),
        (lambda s, t: lifecycle.callback(s, ticket=t, satisfaction="满意", context=agent)),
        (lambda s, t: lifecycle.archive(s, ticket=t, context=boss)),
    ]
    for step in steps:
        with seat.store.session() as s, s.begin():
            step(s, s.get(Ticket, ticket_id))
    with seat.store.session() as s:
        ticket = s.get(Ticket, ticket_id)
        assert ticket is not None and ticket.status == "归档" and ticket.version == 1 + len(steps)
        assert ticket.escalation_level == "一级" and ticket.solved == "解决" and ticket.extension_to is None
        events = {e.kind: json.loads(e.detail) for e in timeline(s, ticket_id)}
        assert events["派单"]["unit"] == unit
        assert events["办结"]["solved"] == "解决"
        assert events["督办"]["note"] == "群众反映强烈"
        outbox = [json.loads(o.payload) for o in s.scalars(select(OutboxEntry).order_by(OutboxEntry.id))]
        assert outbox[1:] == [json.loads(e.detail) for e in timeline(s, ticket_id)][1:]


def test_refused_action_writes_nothing_and_says_what_to_do(seat: Seat) -> None:
    ticket_id = new_ticket(seat)
    with pytest.raises(lifecycle.LifecycleError) as refused, seat.store.session() as s, s.begin():
        lifecycle.sign(s, ticket=s.get(Ticket, ticket_id), context=as_role(seat, Role.UNIT, "市城管局"))
    assert "只有处于派单状态" in refused.value.errors[0]
    with pytest.raises(lifecycle.LifecycleError) as anonymous, seat.store.session() as s, s.begin():
        lifecycle.dispatch(s, ticket=s.get(Ticket, ticket_id), units=["市城管局"], context=as_role(seat, None))
    assert "登录" in anonymous.value.errors[0]
    with seat.store.session() as s:
        assert s.scalar(select(func.count()).select_from(TicketEvent)) == 1
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 1
        ticket = s.get(Ticket, ticket_id)
        assert ticket is not None and ticket.status == "受理" and ticket.version == 1
        agent = as_role(seat, Role.AGENT)
        assert lifecycle.available_actions(ticket, agent) == [Action.COMPLETE]
        assert lifecycle.check(ticket, Action.COMPLETE, agent, result="已解答") == [
            "请选择问题是否解决：解决、部分解决或未解决。"]


def test_deadline_info_pauses_while_an_extension_waits(seat: Seat) -> None:
    ticket_id = new_ticket(seat)
    calendar = seat.context.reference.calendar
    with seat.store.session() as s, s.begin():
        ticket = s.get(Ticket, ticket_id)
        assert ticket is not None and ticket.deadline is not None
        ticket.deadline, ticket.status = date(2026, 3, 9), Status.SIGNED.value
        clock = DeadlineClock(date(2026, 3, 11), calendar)
        assert lifecycle.deadline_info(ticket, clock=clock).mark is DeadlineMark.OVERDUE
        ticket.extension_to, ticket.extension_since = date(2026, 3, 31), date(2026, 3, 5)
        info = lifecycle.deadline_info(ticket, clock=clock)
        assert info.paused and info.mark is DeadlineMark.PAUSED and info.effective == date(2026, 3, 13)
        assert info.days_left == 2


def test_every_report_is_confidential_and_exports_are_queued_for_the_audit(seat: Seat) -> None:
    with seat.store.session() as s, s.begin():
        report = create_ticket(s, data=replace(LAMP, request_type="举报"), context=seat.context)
        assert report.confidential
        lifecycle.record_export(s, rows=3, file_format="xlsx", description="全部工单", context=seat.context)
    with seat.store.session() as s:
        kinds = [o.kind for o in s.scalars(select(OutboxEntry))]
        assert kinds == ["create", "导出"]


def test_reports_never_read_a_callers_identity() -> None:
    """Briefs, dashboards and ratings are built without caller fields (sample.py only writes
    test rows)."""
    from pathlib import Path

    import app.reports

    package = Path(app.reports.__file__).parent
    for source in package.glob("*.py"):
        if source.name != "sample.py":
            text = source.read_text(encoding="utf-8")
            assert "caller_name" not in text and "caller_phone" not in text, source.name


def test_the_dispatch_dialogs_default_date_is_the_date_a_dispatch_without_one_gets(seat: Seat) -> None:
    ticket_id = new_ticket(seat)
    dispatcher = as_role(seat, Role.DISPATCHER)
    with seat.store.session() as s, s.begin():
        ticket = s.get(Ticket, ticket_id)
        assert ticket is not None
        ticket.deadline = None  # past or missing: the request type's working days from today
        offered = lifecycle.default_dispatch_deadline(ticket, dispatcher)
        lifecycle.dispatch(s, ticket=ticket, units=[seat.context.reference.unit_names()[0]], context=dispatcher)
        assert offered is not None and ticket.deadline == offered
