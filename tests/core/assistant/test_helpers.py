from __future__ import annotations

from datetime import datetime, timedelta

from app.assistant.callback import SATISFACTION_OPTIONS, callback_script
from app.assistant.category import CategoryScore
from app.assistant.knowledge import KnowledgeBase
from app.assistant.models import DraftInput, PastTicket
from app.assistant.quality import check_draft
from app.assistant.similar import SimilarIndex
from app.assistant.units import UnitHistory, UnitRules, suggest_units

NOW = datetime(2024, 5, 1, 10, 0)


def _t(i: str, text: str, **kw: object) -> PastTicket:
    return PastTicket(id=i, title=text[:10], description=text, created_at=kw.pop("at", NOW),
                      **kw)  # type: ignore[arg-type]


def test_near_duplicate_found_and_unrelated_not() -> None:
    idx = SimilarIndex()
    base = "A3区某某小区三栋楼下的烧烤店每天晚上营业到凌晨两点，油烟和噪音严重扰民，请相关部门处理"
    idx.add(_t("1", base))
    idx.add(_t("2", "A5区某某中学门口道路坑洼不平，下雨天积水严重，学生上下学很不方便"))
    # The same complaint posted again with a different closing sentence.
    hits = idx.matches(base.removesuffix("请相关部门处理") + "希望尽快解决")
    assert [(m.ticket_id, m.kind) for m in hits] == [("1", "duplicate")]


def test_same_caller_open_first_and_same_address_recent_only() -> None:
    idx = SimilarIndex()
    idx.add(_t("old", "路灯不亮", caller_phone="13800001111", status="已办结",
               at=NOW - timedelta(days=30)))
    idx.add(_t("open", "井盖丢失", caller_phone="138-0000-1111", status="办理中",
               at=NOW - timedelta(days=40)))
    idx.add(_t("addr", "垃圾没人清运", address="幸福路 8 号", category="城市管理",
               at=NOW - timedelta(days=2)))
    idx.add(_t("stale", "垃圾没人清运", address="幸福路8号", category="城市管理",
               at=NOW - timedelta(days=20)))
    hits = idx.matches("绿化带被毁", phone="13800001111", address="幸福路8号",
                       category="城市管理", now=NOW)
    caller = [m.ticket_id for m in hits if m.kind == "same_caller"]
    assert caller == ["open", "old"]
    assert [m.ticket_id for m in hits if m.kind == "same_address"] == ["addr"]


def test_unit_rules_and_history_reasons() -> None:
    rules = UnitRules.from_files()
    top = suggest_units("小区门口占道经营严重", "城乡建设", "", rules)
    assert top[0].unit == "市城市管理局" and "占道" in top[0].reason
    history = UnitHistory()
    for _ in range(5):
        history.add(category="城乡建设", district="A3区", cues=[], unit="街道办事处")
    top = suggest_units("楼道堆放杂物", "城乡建设", "A3区", rules, history)
    assert top[0].unit == "街道办事处"
    assert "5 件中 5 件" in top[0].reason


def test_agency_named_in_reply_is_found() -> None:
    rules = UnitRules.from_files()
    reply = "网友您好！针对您反映A3区某镇道路的问题，A3区住建局高度重视，现回复如下"
    assert rules.agency_in(reply) == "市住房和城乡建设局"
    assert rules.agency_in("您好，感谢您的留言") is None


def test_knowledge_answers_common_questions_with_source() -> None:
    kb = KnowledgeBase.from_file()
    assert len(kb) >= 40
    ans = kb.search("社保卡丢了怎么补办")
    assert ans and ans[0].title == "社保卡补办" and "人力资源" in ans[0].source
    assert kb.search("新生儿怎么上户口")[0].title == "新生儿落户"
    assert kb.search("今天天气不错") == []


def test_quality_findings_point_at_the_field() -> None:
    d = DraftInput(title="问题", description="路灯坏了", category="城市管理", request_type="投诉",
                   confidential=True, caller_name="张三",
                   caller_phone="13912345678")
    fields = {(f.field, f.severity) for f in check_draft(d)}
    assert ("title", "warning") in fields and ("description", "warning") in fields
    assert ("address", "warning") in fields
    leak = DraftInput(title="举报某餐馆无证经营", description="举报人张三，电话13912345678，反映某餐馆无证经营",
                      category="商贸旅游", address="幸福路8号", confidential=True,
                      caller_name="张三", caller_phone="13912345678")
    msgs = [f.message for f in check_draft(leak) if f.field == "description"]
    assert any("姓名" in m for m in msgs) and any("电话" in m for m in msgs)
    clean = DraftInput(title="幸福路8号餐馆油烟扰民", description="幸福路8号一楼餐馆排放油烟，影响楼上住户",
                       category="城市管理", address="幸福路8号", caller_phone="13912345678")
    assert check_draft(clean) == []


def test_quality_flags_confident_disagreement_and_abuse() -> None:
    d = DraftInput(title="拖欠工资", description="老板拖欠工资，他妈的不给钱", category="交通运输",
                   address="x")
    pred = [CategoryScore("劳动和社会保障", 0.9, ("工资",)), CategoryScore("交通运输", 0.05)]
    msgs = [f.message for f in check_draft(d, pred)]
    assert any("劳动和社会保障" in m for m in msgs)
    assert any("不文明" in m for m in msgs)


def test_callback_script_ends_in_satisfaction_field() -> None:
    steps = callback_script(title="路灯不亮", request_type="投诉", unit="市城市管理局",
                            result="已更换灯具")
    assert steps[0].step == "问候与身份核实"
    sat = next(s for s in steps if s.record_to == "satisfaction")
    assert set(sat.options) <= set(SATISFACTION_OPTIONS)
    assert any("已更换灯具" in s.say for s in steps)
    consult = callback_script(title="公积金提取", request_type="咨询", unit="", result="可线上办理")
    assert [s.step for s in consult] != [s.step for s in steps]
