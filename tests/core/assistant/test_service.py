from __future__ import annotations

from datetime import datetime

from app.assistant.category import CategoryModel
from app.assistant.models import DraftInput, PastTicket
from app.assistant.service import Assistant


def test_suggest_for_a_fire_draft_gives_every_part(prior_model: CategoryModel) -> None:
    a = Assistant(prior_model)
    past = PastTicket(id="t1", title="幸福小区路灯不亮", description="幸福小区3栋门口路灯不亮一周了",
                      created_at=datetime(2024, 4, 1), caller_phone="13900001111",
                      category="城乡建设", unit="市城市管理局", status="已办结",
                      result="已安排维修人员更换灯具")
    a.remember([past])
    s = a.suggest(DraftInput(title="小区着火", description="幸福小区3栋楼下着火了，浓烟很大",
                             caller_phone="13900001111"))
    assert s.triage.emergency == "119"
    assert len(s.categories) == 3
    assert s.units
    assert [t.id for t in s.caller_history] == ["t1"]


def test_past_answers_come_from_similar_completed_tickets(prior_model: CategoryModel) -> None:
    a = Assistant(prior_model)
    text = "幸福小区3栋门口路灯不亮一周了，晚上出行很不方便"
    a.remember([PastTicket(id="t9", title="路灯不亮", description=text,
                           created_at=datetime(2024, 4, 1), unit="市城市管理局",
                           result="已安排维修人员更换灯具")])
    s = a.suggest(DraftInput(title="路灯不亮", description=text))
    assert s.past_answers and s.past_answers[0].ticket_id == "t9"
    assert "更换灯具" in s.past_answers[0].answer
    assert s.triage.emergency is None
