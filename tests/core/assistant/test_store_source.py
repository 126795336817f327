"""The assistant over a real local store: caller history, recent index, past answers, model."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from app.assistant.category import CategoryModel
from app.assistant.models import DraftInput
from app.assistant.quality import save_gate
from app.assistant.store_source import RETRAIN_STEP, SidebarEngine, draft_from_input
from app.domain.ticket import TicketInput
from app.seat import Seat
from app.store.models import Ticket, TicketLink
from app.tickets.links import link_tickets, linked_client_ids
from app.tickets.service import create_ticket, utc_now

PHONE = "13900001111"


def add_ticket(seat: Seat, *, title: str, description: str, phone: str = PHONE,
               status: str = "受理", days_ago: float = 1, result: str = "",
               category: str = "城市管理", unit: str = "", confidential: bool = False) -> int:
    data = TicketInput(request_type="投诉", caller_phone=phone, category1=category,
                       district="梁园区", address="幸福小区3号楼", title=title,
                       description=description, handling_unit=unit, confidential=confidential)
    with seat.store.session() as session, session.begin():
        ticket = create_ticket(session, data=data, context=seat.context,
                               created_at=utc_now() - timedelta(days=days_ago))
        session.flush()
        session.execute(update(Ticket).where(Ticket.id == ticket.id)
                        .values(status=status, result=result))
        return ticket.id


@pytest.fixture
def engine(seat: Seat, tiny_category_model: CategoryModel) -> SidebarEngine:
    e = SidebarEngine.for_store(seat.store, seat.data_dir)
    e.set_model(tiny_category_model)
    return e


def test_caller_history_lists_every_ticket_of_the_number_open_first(seat: Seat,
                                                                    engine: SidebarEngine) -> None:
    closed = add_ticket(seat, title="路灯不亮", description="小区路灯不亮", status="办结",
                        days_ago=2, result="已修复")
    old = add_ticket(seat, title="很久以前的噪音", description="夜间施工噪音", status="归档",
                     days_ago=400)
    open_ = add_ticket(seat, title="井盖缺失", description="小区门口井盖缺失", status="办理",
                       days_ago=5)
    add_ticket(seat, title="别人的工单", description="与本来电无关", phone="13800002222")
    history = engine.source.caller_history(engine.source.canonical_phone("139 0000 1111"))
    assert [int(c.ticket.id) for c in history] == [open_, closed, old]
    assert [c.open for c in history] == [True, False, False]
    assert engine.source.caller_history(engine.source.canonical_phone("1390000")) == []


def test_confidential_tickets_stay_out_of_the_duplicate_index_by_number(
        seat: Seat, engine: SidebarEngine) -> None:
    tid = add_ticket(seat, title="举报", description="举报某单位违规收费情况属实", confidential=True)
    recent = engine.build_recent()
    assert recent.index.ticket(str(tid)).caller_phone == ""
    history = engine.source.caller_history(PHONE)
    assert history[0].confidential


def test_recent_index_skips_old_tickets_and_catches_up_with_saves(seat: Seat,
                                                                  engine: SidebarEngine) -> None:
    text = "幸福小区3号楼门口的路灯已经坏了一个星期，晚上出行很不方便，希望尽快修好"
    add_ticket(seat, title="路灯坏了", description=text, days_ago=90, status="归档")
    recent_id = add_ticket(seat, title="路灯坏了", description=text, days_ago=3)
    recent = engine.build_recent()
    meanwhile = add_ticket(seat, title="路灯坏了", description=text, days_ago=0)
    assert engine.install(recent) == 2  # the 90-day-old one is not indexed; the new one is
    result = engine.compute(DraftInput(title="路灯坏了", description=text,
                                       caller_phone="13800009999"))
    found = {int(t.id): m.kind for m, t in result.similar}
    assert found == {recent_id: "duplicate", meanwhile: "duplicate"}
    later = add_ticket(seat, title="路灯坏了", description=text, days_ago=0)
    engine.note_saved(later)
    engine.note_saved(later)  # twice is harmless
    assert later in {int(t.id) for _, t in engine.compute(
        DraftInput(title="路灯坏了", description=text)).similar}


def test_compute_gives_every_part_and_past_answers_from_completed_tickets(
        seat: Seat, engine: SidebarEngine) -> None:
    add_ticket(seat, title="凯旋路路灯不亮", description="凯旋路路灯不亮夜间出行不便",
               status="办结", days_ago=60, result="已更换灯具，路灯恢复照明",
               unit="市城市管理局")
    engine.install(engine.build_recent())
    r = engine.compute(DraftInput(title="路灯不亮", description="南京路路灯不亮，夜间出行不便",
                                  caller_phone=PHONE))
    assert r.model_ready and r.history_ready
    assert len(r.suggestions.categories) == 3
    assert r.suggestions.triage.emergency is None
    assert [c.ticket.title for c in r.caller_history] == ["凯旋路路灯不亮"]
    assert any("恢复照明" in a.answer and "历史工单" in a.source for a in r.past_answers)
    fire = engine.compute(DraftInput(description="我家厨房着火了，火很大，快来人"))
    assert fire.suggestions.triage.emergency == "119"
    hydrant = engine.compute(DraftInput(description="小区消防栓漏水好几天了"))
    assert hydrant.suggestions.triage.emergency is None


def test_compute_works_before_the_model_is_loaded(seat: Seat) -> None:
    engine = SidebarEngine.for_store(seat.store, seat.data_dir)
    r = engine.compute(DraftInput(description="我家厨房着火了，火很大，快来人",
                                  caller_phone=PHONE))
    # The emergency's own category needs no model; the model's guesses wait for it.
    assert not r.model_ready and [c.label for c in r.suggestions.categories] == ["政法"]
    assert r.suggestions.triage.emergency == "119"


def test_model_file_is_loaded_when_current_and_retrained_when_behind(
        seat: Seat, tiny_category_model: CategoryModel, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = SidebarEngine.for_store(seat.store, seat.data_dir)
    assert engine.model_path is not None and engine.model_path.exists()  # the seat fixture's
    assert engine.load_model().meta == CategoryModel.load(engine.model_path).meta
    trained: list[int] = []
    monkeypatch.setattr(SidebarEngine, "train_model",
                        lambda self, confirmed=None: trained.append(confirmed) or
                        tiny_category_model)
    monkeypatch.setattr(type(engine.source), "count_confirmed", lambda self: RETRAIN_STEP + 1)
    engine.load_model()
    assert trained == [RETRAIN_STEP + 1]
    engine.set_model(replace_meta(tiny_category_model, confirmed_count=RETRAIN_STEP + 1))
    assert not engine.needs_retrain()


def replace_meta(model: CategoryModel, **meta: object) -> CategoryModel:
    return CategoryModel(labels=model.labels, vocabulary=model.vocabulary, idf=model.idf,
                         coef=model.coef, intercept=model.intercept, meta={**model.meta, **meta})


def test_training_from_the_store_uses_confirmed_tickets_only(seat: Seat) -> None:
    for i in range(3):
        add_ticket(seat, title=f"路灯不亮{i}", description="路灯不亮", status="办结")
        add_ticket(seat, title=f"学校收费{i}", description="学校乱收费", category="教育文体",
                   status="派单")
        add_ticket(seat, title=f"未确认{i}", description="还在受理", category="政法")
    engine = SidebarEngine.for_store(seat.store, seat.data_dir)
    assert engine.source.count_confirmed() == 6
    assert {lab for _, lab in engine.source.training_pairs()} == {"城市管理", "教育文体"}


def test_save_gate_refuses_a_confidential_ticket_naming_the_caller_number() -> None:
    values = TicketInput(request_type="举报", caller_phone=PHONE, confidential=True,
                         category1="政法", title="举报某单位", description=f"来电人{PHONE}举报某单位违规")
    gate = save_gate(draft_from_input(values))
    assert gate.refuse and "电话号码" in gate.refuse[0].message
    fixed = save_gate(draft_from_input(replace(values, description="来电人举报某单位违规收费")))
    assert fixed.ok and not fixed.refuse


def test_links_are_stored_once_with_a_timeline_line(seat: Seat) -> None:
    first = add_ticket(seat, title="路灯不亮", description="小区路灯不亮")
    second = add_ticket(seat, title="路灯又不亮", description="小区路灯不亮")
    with seat.store.session() as session, session.begin():
        ticket = session.get(Ticket, second)
        assert ticket is not None
        assert link_tickets(session, ticket=ticket, related={first: "疑似重复"},
                            actor=seat.context.actor) == 1
        assert link_tickets(session, ticket=ticket, related={first: "疑似重复"},
                            actor=seat.context.actor) == 0
    with seat.store.session() as session:
        first_client = session.scalar(select(Ticket.client_id).where(Ticket.id == first))
        assert linked_client_ids(session, second) == [first_client]
        assert len(session.scalars(select(TicketLink)).all()) == 1
