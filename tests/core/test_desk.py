"""The seat's use cases through the application layer, without a window: each call is one
transaction over a real SQLite store, and returns plain views."""

import json
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from app.desk import Desk, MergeTargetMissing, NumberAtCenter, QueueQueryError, TicketMissing
from app.domain.enums import Status
from app.domain.lifecycle import Action
from app.domain.roles import Role
from app.domain.ticket import TicketInput
from app.seat import Seat
from app.settings import Settings, load_settings
from app.store.models import Draft, OutboxEntry, Ticket, TicketLink
from app.sync.client import ApiClient, RetryPolicy
from app.sync.identity import Identity
from app.sync.protocol import EXPORT_KIND, REVEAL_KIND
from app.tickets.queue import QueueFilter, QueueSort
from app.tickets.service import TicketValidationError

LAMP = TicketInput(request_type="投诉", caller_name="李先生", caller_phone="13912345678",
                   category1="城乡建设", district="梁园区", address="凯旋路100号",
                   title="路灯不亮", description="凯旋路路灯连续三晚不亮")
DISPATCHER = Identity("wangfang", "王芳", Role.DISPATCHER)


@pytest.fixture
def desk(seat: Seat) -> Desk:
    return Desk(seat)


def capture(desk: Desk, values: TicketInput = LAMP) -> int:
    return desk.save_ticket(values, form_key="form-" + values.title).id


def kinds(seat: Seat) -> list[str]:
    with seat.store.session() as session:
        return list(session.scalars(select(OutboxEntry.kind).order_by(OutboxEntry.id)))


def test_capture_links_and_discards_the_draft_in_one_transaction(desk: Desk, seat: Seat) -> None:
    earlier = capture(desk, replace(LAMP, title="路灯又不亮"))
    desk.save_draft(LAMP, form_key="form-1")
    assert [d.values for d in desk.pending_drafts()] == [LAMP]
    saved = desk.save_ticket(LAMP, form_key="form-1", links={earlier: "同一路段"})
    assert saved.caller_masked == "139****5678" and saved.local_no.startswith("S01-")
    assert desk.pending_drafts() == []
    with seat.store.session() as session:
        links = session.scalars(select(TicketLink)).all()
        assert [(link.ticket_id, link.reason) for link in links] == [(saved.id, "同一路段")]


def test_a_refused_capture_keeps_the_draft_and_writes_nothing(desk: Desk, seat: Seat) -> None:
    broken = replace(LAMP, caller_phone="1391234")
    desk.save_draft(broken, form_key="form-2")
    assert "11位" in desk.validate(broken)["caller_phone"]
    with pytest.raises(TicketValidationError) as refused:
        desk.save_ticket(broken, form_key="form-2")
    assert "caller_phone" in refused.value.errors
    assert [d.values for d in desk.pending_drafts()] == [broken]
    assert not desk.has_tickets()
    with seat.store.session() as session:
        assert session.scalars(select(Draft.form_key)).all() == ["form-2"]


def test_an_edit_saves_under_the_tickets_client_id(desk: Desk, seat: Seat) -> None:
    ticket_id = capture(desk)
    editable = desk.editable_ticket(ticket_id)
    assert editable.values == LAMP
    desk.save_ticket(replace(editable.values, title="路灯仍不亮"), form_key="edit",
                     client_id=editable.client_id)
    detail = desk.ticket(ticket_id)
    assert detail.ticket.title == "路灯仍不亮"
    assert [e.kind for e in detail.timeline] == ["create", "update"]
    assert detail.timeline[1].detail["changes"]["title"] == ["路灯不亮", "路灯仍不亮"]
    assert kinds(seat) == ["create", "update"]


def test_the_ticket_view_masks_the_caller_and_hides_a_confidential_one(desk: Desk) -> None:
    plain = desk.ticket(capture(desk)).ticket
    assert (plain.caller_name, plain.caller_phone_masked, plain.has_phone) == ("李先生", "139****5678", True)
    assert "13912345678" not in repr(plain)
    secret = desk.ticket(capture(desk, replace(LAMP, title="举报", confidential=True))).ticket
    assert (secret.caller_name, secret.caller_phone_masked, secret.has_phone) == ("", "", True)
    with pytest.raises(TicketMissing):
        desk.ticket(999_999)


def test_actions_follow_the_signed_in_role(desk: Desk, seat: Seat) -> None:
    ticket_id = capture(desk)
    before = desk.ticket(ticket_id)
    assert not before.signed_in and before.actions == ()
    assert desk.take_action(ticket_id, Action.DISPATCH, {"units": ["市城市管理局"]})  # refused
    desk.remember_identity(DISPATCHER)
    detail = desk.ticket(ticket_id)
    assert Action.DISPATCH in detail.actions and Action.SIGN not in detail.actions
    assert detail.defaults.dispatch_deadline == detail.ticket.deadline
    refused = desk.take_action(ticket_id, Action.DISPATCH, {"units": ["不存在的单位"], "note": ""})
    assert any("不存在的单位" in e for e in refused)
    assert desk.ticket(ticket_id).ticket.status == Status.ACCEPTED.value
    assert desk.take_action(ticket_id, Action.DISPATCH, {"units": ["市城市管理局"], "note": "请尽快"}) == []
    after = desk.ticket(ticket_id)
    assert (after.ticket.status, after.ticket.handling_unit) == (Status.DISPATCHED.value, "市城市管理局")
    assert kinds(seat) == ["create", Action.DISPATCH.value]


def test_a_merge_finds_the_ticket_to_keep_by_its_number(desk: Desk) -> None:
    keep, duplicate = capture(desk), capture(desk, replace(LAMP, title="路灯不亮（重复）"))
    desk.remember_identity(DISPATCHER)
    with pytest.raises(MergeTargetMissing) as missing:
        desk.take_action(duplicate, Action.MERGE, {"main_no": "S99-不存在", "note": ""})
    assert missing.value.number == "S99-不存在"
    number = desk.ticket(keep).ticket.local_no
    assert desk.take_action(duplicate, Action.MERGE, {"main_no": number, "note": ""}) == []
    assert desk.ticket(duplicate).ticket.flags.merged_into == desk.ticket(keep).ticket.client_id


def test_a_reveal_is_audited_and_falls_back_to_the_seat_when_the_center_is_away(
        desk: Desk, seat: Seat) -> None:
    ticket_id = capture(desk)
    assert desk.ticket(ticket_id).may_reveal  # the agent who took the call
    revealed = desk.reveal(ticket_id, "回访需要")
    assert (revealed.caller_phone, revealed.caller_name) == ("13912345678", "李先生")
    with seat.store.session() as session:  # the center is known, and unreachable
        session.execute(update(Ticket).values(official_no="12345-0001"))
        session.commit()
    away = ApiClient("http://127.0.0.1:9", retry=RetryPolicy(attempts=1, backoff=0.01))
    assert desk.reveal(ticket_id, "核实信息", center=away).caller_phone == "13912345678"
    with seat.store.session() as session:
        reports = session.scalars(select(OutboxEntry.payload).where(OutboxEntry.kind == REVEAL_KIND)).all()
    assert [json.loads(r)["reason"] for r in reports] == ["回访需要", "核实信息"]


def test_a_number_the_center_sent_masked_is_only_at_the_center(desk: Desk, seat: Seat) -> None:
    ticket_id = capture(desk)
    with seat.store.session() as session, session.begin():
        session.execute(update(Ticket).values(caller_phone="139****5678"))
    with pytest.raises(NumberAtCenter) as only_there:
        desk.reveal(ticket_id, "回访需要")
    assert only_there.value.cause is None
    assert REVEAL_KIND not in kinds(seat)  # nothing shown, nothing audited


def test_queue_pages_rows_and_counts_through_a_reader(desk: Desk) -> None:
    ids = [capture(desk, replace(LAMP, title=f"路灯不亮{n}")) for n in range(5)]
    reader = desk.queue_reader()
    try:
        newest_first = QueueSort()
        assert reader.ids_page(QueueFilter(), newest_first, 0, 3) == ids[::-1][:3]
        assert list(reader.all_ids(QueueFilter(), QueueSort("created_at", False))) == ids
        assert reader.count(QueueFilter(search="路灯")) == 5
        rows = reader.rows(ids[:2])
        assert rows[ids[0]].title == "路灯不亮0" and rows[ids[0]].caller_phone == "13912345678"
        reader.interrupt()  # nothing running: nothing happens
    finally:
        reader.close()
    reader.interrupt()  # closed: still nothing
    with pytest.raises(QueueQueryError):
        reader.count(QueueFilter())
    assert desk.count_queues([QueueFilter(), QueueFilter(statuses=("办结",))]) == [5, 0]


def test_role_views_are_the_signed_in_roles_work(desk: Desk) -> None:
    assert desk.role_views(None) == []
    assert [v.key for v in desk.role_views(DISPATCHER)] == ["to_dispatch", "returned", "extensions",
                                                             "duplicates"]
    unit = desk.role_views(Identity("li", "李", Role.UNIT, "市城市管理局"))
    assert all(v.filter is not None and v.filter.clock.today == desk.today() for v in unit)


def test_an_export_writes_the_file_and_queues_its_audit(desk: Desk, seat: Seat, tmp_path: Path) -> None:
    for n in range(3):
        capture(desk, replace(LAMP, title=f"路灯不亮{n}"))
    target = tmp_path / "queue.xlsx"
    assert desk.export_queue(target, QueueFilter(search="路灯"), QueueSort()) == 3
    sheet = load_workbook(target, read_only=True).active
    assert sheet is not None and len(list(sheet.iter_rows(values_only=True))) == 4
    with seat.store.session() as session:
        (payload,) = session.scalars(select(OutboxEntry.payload).where(OutboxEntry.kind == EXPORT_KIND))
    assert json.loads(payload)["rows"] == 3 and "路灯" not in json.loads(payload)["filter"]


def test_sync_counts_and_marks_read_the_local_ledger(desk: Desk) -> None:
    capture(desk)
    waiting, last = desk.sync_counts()
    assert (waiting.pending, waiting.conflicts, waiting.rejected, last) == (1, 0, 0, None)
    assert desk.sync_marks() == (set(), set())
    assert desk.conflicts() == []


def test_new_settings_are_kept_and_used_at_once(desk: Desk, seat: Seat) -> None:
    desk.save_settings(Settings(agent_name="张三", deadline_days={"投诉": 5}))
    assert desk.settings.agent_name == "张三"
    assert desk.context.settings.deadline_days == {"投诉": 5}  # the rules follow
    assert load_settings(seat.data_dir).agent_name == "张三"


def test_a_confirmed_handoff_is_on_the_timeline_at_its_time(desk: Desk) -> None:
    """Issue 14: confirming the hand-off records 已转119 with the time on the ticket's timeline."""
    from datetime import datetime

    from app.domain.handoff import Handoff

    fire = replace(LAMP, title="楼道着火", description="楼道里着火了，有人被困", urgency="特急")
    confirmed = datetime(2026, 12, 5, 3, 21, 7)
    saved = desk.save_ticket(fire, form_key="form-fire",
                             handoffs=[Handoff("119", confirmed), Handoff("999", confirmed)])
    lines = [e for e in desk.ticket(saved.id).timeline if e.kind == "handoff"]
    assert [(e.detail["text"], e.at) for e in lines] == [("已转119", confirmed)]


def test_tickets_taken_in_a_call_start_their_clock_when_it_was_answered(desk: Desk, seat: Seat) -> None:
    """Issue 15, item 3: taking the call starts the ticket's clock (its acceptance time is the
    answer, not the save minutes later), and each ticket taken in the call is linked to it; a
    ticket for a lost call called back, or typed with no call, starts when it is saved."""
    from datetime import timedelta

    from app.store.models import Call, CallTicket, Ticket
    from app.telephony.calls import record_step
    from app.telephony.model import CallState
    from app.tickets.service import utc_now

    answered = (utc_now() - timedelta(minutes=4)).replace(microsecond=0)
    with seat.store.session() as session, session.begin():
        for state, at in ((CallState.RINGING, answered - timedelta(seconds=6)), (CallState.ANSWERED, answered)):
            record_step(session, call_id="sip-7", state=state, at=at, caller="13912345678", line="12345")
        for state in (CallState.RINGING, CallState.ABANDONED):
            record_step(session, call_id="sip-8", state=state, at=answered, caller="13800001111", line="12345")
    first = desk.save_ticket(LAMP, form_key="a", call_id="sip-7")
    second = desk.save_ticket(replace(LAMP, title="井盖缺失", description="凯旋路井盖缺失"), form_key="b",
                              call_id="sip-7")
    before = utc_now()
    called_back = desk.save_ticket(replace(LAMP, title="回拨补录"), form_key="c", call_id="sip-8")
    typed = desk.save_ticket(replace(LAMP, title="手工录入"), form_key="d")
    with seat.store.session() as session:
        created = {t.id: t.created_at for t in session.scalars(select(Ticket))}
        assert created[first.id] == created[second.id] == answered
        assert created[called_back.id] >= before and created[typed.id] >= before
        links = {(c.call_id, t.ticket_client_id) for c in session.scalars(select(Call)) for t in c.tickets}
        ids = {t.id: t.client_id for t in session.scalars(select(Ticket))}
        assert links == {("sip-7", ids[first.id]), ("sip-7", ids[second.id]), ("sip-8", ids[called_back.id])}
        assert len(session.scalars(select(CallTicket)).all()) == 3
        (payload,) = [json.loads(p) for p in session.scalars(select(OutboxEntry.payload).where(
            OutboxEntry.kind == "create", OutboxEntry.ticket_client_id == ids[first.id]))]
    assert payload["created_at"].startswith(answered.strftime("%Y-%m-%dT%H:%M:%S"))  # the center gets it too
