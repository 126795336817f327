"""Every lifecycle action, allowed and refused, for every role; what each needs and does."""

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from app.domain.enums import Status
from app.domain.lifecycle import TRANSITIONS, Action
from app.domain.roles import Role
from app.domain.rules import (
    Performer,
    TicketState,
    available_actions,
    check_action,
    permission_errors,
    plan_action,
)
from app.reference import REFERENCE_DIR, load_calendar

CALENDAR = load_calendar(REFERENCE_DIR / "holidays.csv")
TODAY = date(2026, 3, 9)
MAIN_UNIT, CO_UNIT = "市城管局", "梁园区政府"
PERFORMERS: dict[str, Performer] = {
    "agent": Performer(Role.AGENT, "", "agent1"),
    "dispatcher": Performer(Role.DISPATCHER, "", "disp"),
    "unit": Performer(Role.UNIT, MAIN_UNIT, "cg01"),
    "co_unit": Performer(Role.UNIT, CO_UNIT, "lq01"),
    "other_unit": Performer(Role.UNIT, "市人社局", "rs01"),
    "supervisor": Performer(Role.SUPERVISOR, "", "boss"),
    "admin": Performer(Role.ADMIN, "", "root"),
}
WORKING = TicketState(Status.SIGNED, handling_unit=MAIN_UNIT, co_units=(CO_UNIT,),
                      deadline=date(2026, 3, 20), request_type="投诉", client_id="t-1", number="SQ1")
NEW = TicketState(Status.ACCEPTED, deadline=date(2026, 3, 20), request_type="咨询", client_id="t-2",
                  number="SQ2")
MAIN = TicketState(Status.DISPATCHED, handling_unit=MAIN_UNIT, client_id="t-main", number="SQ9")
DESK = {"dispatcher", "supervisor"}

# (action, ticket, params, who may, expected columns)
CASES: list[tuple[Action, TicketState, dict[str, Any], set[str], dict[str, Any]]] = [
    (Action.DISPATCH, NEW, {"units": [MAIN_UNIT, CO_UNIT], "deadline": "2026-03-20"}, DESK,
     {"status": "派单", "handling_unit": MAIN_UNIT, "co_units": f'["{CO_UNIT}"]', "deadline": date(2026, 3, 20)}),
    (Action.DISPATCH, replace(WORKING, status=Status.RETURNED), {"units": ["市人社局"]}, DESK,
     {"status": "派单", "handling_unit": "市人社局", "co_units": "[]"}),
    (Action.SIGN, replace(WORKING, status=Status.DISPATCHED), {}, {"unit"}, {"status": "签收"}),
    (Action.START, WORKING, {}, {"unit"}, {"status": "办理"}),
    (Action.RETURN, WORKING, {"reason": "不属于本单位职责"}, {"unit"}, {"status": "退单"}),
    (Action.REQUEST_EXTENSION, replace(WORKING, status=Status.IN_PROGRESS),
     {"reason": "需协调燃气公司", "requested_deadline": "2026-03-31"}, {"unit"},
     {"extension_to": date(2026, 3, 31), "extension_since": TODAY, "status": "办理"}),
    (Action.DECIDE_EXTENSION, replace(WORKING, extension_to=date(2026, 3, 31), extension_since=TODAY),
     {"approved": True}, DESK, {"deadline": date(2026, 3, 31), "extension_to": None}),
    (Action.COMPLETE, WORKING, {"result": "已修复路灯并回复", "solved": "解决"}, {"unit"},
     {"status": "办结", "solved": "解决", "result": "已修复路灯并回复"}),
    (Action.COMPLETE, NEW, {"result": "已当场解答", "solved": "解决"}, {"agent", *DESK}, {"status": "办结"}),
    (Action.CALLBACK, replace(WORKING, status=Status.COMPLETED), {"satisfaction": "满意"}, {"agent", "supervisor"},
     {"status": "回访", "satisfaction": "满意"}),
    (Action.CALLBACK, replace(WORKING, status=Status.CALLED_BACK, satisfaction="未联系上"),
     {"satisfaction": "基本满意"}, {"agent", "supervisor"}, {"status": "回访", "satisfaction": "基本满意"}),
    (Action.REOPEN, replace(WORKING, status=Status.CALLED_BACK, satisfaction="满意"), {"reason": "复查仍未修好"},
     DESK, {"status": "派单", "reopen_count": 1}),
    (Action.ESCALATE, WORKING, {"level": "二级", "note": "超期未办"}, {"supervisor"}, {"escalation_level": "二级"}),
    (Action.MERGE, NEW, {"main": "t-main"}, DESK, {"status": "归档", "merged_into": "t-main"}),
    (Action.ARCHIVE, replace(WORKING, status=Status.CALLED_BACK, satisfaction="满意"), {}, DESK, {"status": "归档"}),
]


@pytest.mark.parametrize("who", list(PERFORMERS))
@pytest.mark.parametrize(("action", "state", "params", "allowed", "expected"), CASES,
                         ids=[f"{c[0].value}-{c[1].status.value}" for c in CASES])
def test_every_action_for_every_role(action: Action, state: TicketState, params: dict[str, Any],
                                     allowed: set[str], expected: dict[str, Any], who: str) -> None:
    plan = plan_action(state, action, PERFORMERS[who], params, today=TODAY, calendar=CALENDAR, main=MAIN,
                       known_units=frozenset({MAIN_UNIT, CO_UNIT, "市人社局"}))
    if who in allowed:
        assert plan.ok, plan.errors
        assert {k: plan.changes[k] for k in expected} == expected
        assert plan.detail["from"] == state.status.value and plan.detail["to"] == plan.changes["status"]
        assert action in available_actions(state, PERFORMERS[who])
    else:
        assert plan.errors and all(isinstance(e, str) and e.endswith(("。", "）")) for e in plan.errors)
        assert action not in available_actions(state, PERFORMERS[who])


@pytest.mark.parametrize("action", list(Action))
def test_every_status_outside_an_actions_sources_is_refused(action: Action) -> None:
    for status in set(Status) - TRANSITIONS[action].sources:
        state = replace(WORKING, status=status, satisfaction="未联系上", extension_to=date(2026, 3, 31))
        for performer in PERFORMERS.values():
            errors = permission_errors(state, action, performer)
            assert errors, (action, status, performer.role)


def test_unit_messages_say_who_leads_and_what_to_do() -> None:
    (co,) = permission_errors(WORKING, Action.COMPLETE, PERFORMERS["co_unit"])
    assert "协办单位" in co and MAIN_UNIT in co
    (other,) = permission_errors(WORKING, Action.START, PERFORMERS["other_unit"])
    assert MAIN_UNIT in other and "派单员" in other
    (role,) = permission_errors(WORKING, Action.ESCALATE, PERFORMERS["agent"])
    assert "座席员不能执行“督办”" in role and "班长/质检" in role


def plan(state: TicketState, action: Action, who: str, **params: Any) -> Any:
    return plan_action(state, action, PERFORMERS[who], params, today=TODAY, calendar=CALENDAR, main=MAIN,
                       known_units=frozenset({MAIN_UNIT, CO_UNIT}))


def test_dispatch_needs_a_known_unit_and_a_future_deadline() -> None:
    assert "请选择主办单位" in plan(NEW, Action.DISPATCH, "dispatcher").errors[0]
    assert "名录" in plan(NEW, Action.DISPATCH, "dispatcher", units=["不存在局"]).errors[0]
    assert "已过" in plan(NEW, Action.DISPATCH, "dispatcher", units=[MAIN_UNIT], deadline="2026-03-01").errors[0]
    assert "日期" in plan(NEW, Action.DISPATCH, "dispatcher", units=[MAIN_UNIT], deadline="明天").errors[0]
    kept = plan(NEW, Action.DISPATCH, "dispatcher", units=[MAIN_UNIT])
    assert kept.changes["deadline"] == date(2026, 3, 20)  # the deadline set at acceptance
    late = plan(replace(NEW, deadline=date(2026, 3, 1)), Action.DISPATCH, "dispatcher", units=[MAIN_UNIT])
    assert late.changes["deadline"] == date(2026, 3, 12)  # 咨询: 3 working days from today
    # The wire form (unit + co_units, as the event detail travels) plans the same.
    again = plan(NEW, Action.DISPATCH, "dispatcher", unit=MAIN_UNIT, co_units=[CO_UNIT])
    assert again.changes["co_units"] == f'["{CO_UNIT}"]'
    # Reports contract: 派单 detail.unit
    assert kept.detail["unit"] == MAIN_UNIT and kept.detail["co_units"] == []


def test_return_and_extension_need_reasons_and_dates() -> None:
    assert "退单理由" in plan(WORKING, Action.RETURN, "unit").errors[0]
    returned = plan(WORKING, Action.RETURN, "unit", reason="应由区政府办理")
    assert returned.detail["unit"] == MAIN_UNIT and returned.detail["note"] == "应由区政府办理"
    errors = plan(WORKING, Action.REQUEST_EXTENSION, "unit").errors
    assert any("延期理由" in e for e in errors) and any("日期" in e for e in errors)
    early = plan(WORKING, Action.REQUEST_EXTENSION, "unit", reason="等材料", requested_deadline="2026-03-20")
    assert "晚于当前办理时限" in early.errors[0]
    pending = replace(WORKING, extension_to=date(2026, 3, 31), extension_since=date(2026, 3, 5))
    assert "等待审批" in plan(pending, Action.REQUEST_EXTENSION, "unit", reason="再延", requested_deadline="2026-04-30").errors[0]
    assert "没有待审批" in plan(WORKING, Action.DECIDE_EXTENSION, "dispatcher", approved=True).errors[0]
    assert "理由" in plan(pending, Action.DECIDE_EXTENSION, "dispatcher", approved=False).errors[0]
    refused = plan(pending, Action.DECIDE_EXTENSION, "dispatcher", approved=False, reason="可以按期办结")
    # Waited 03-06 and 03-09: the deadline moves two working days, no more.
    assert refused.changes["deadline"] == date(2026, 3, 24) and refused.changes["extension_to"] is None
    assert refused.detail["approved"] is False and refused.detail["previous_deadline"] == "2026-03-20"


def test_complete_needs_result_and_solved() -> None:
    errors = plan(replace(WORKING, result=""), Action.COMPLETE, "unit").errors
    assert any("办理结果" in e for e in errors) and any("解决" in e for e in errors)
    done = plan(replace(WORKING, result="已修复"), Action.COMPLETE, "unit", solved="部分解决")
    assert done.ok and done.detail["solved"] == "部分解决"  # reports contract: 办结 detail.solved
    assert "只能直接办结刚受理" in plan(WORKING, Action.COMPLETE, "dispatcher", result="x", solved="解决").errors[0]
    assert "先由派单员派单" in plan(NEW, Action.COMPLETE, "unit", result="x", solved="解决").errors[0]


def test_unsatisfied_callback_reopens_to_the_same_unit_with_a_new_deadline() -> None:
    done = replace(WORKING, status=Status.COMPLETED)
    back = plan(done, Action.CALLBACK, "agent", satisfaction="不满意", note="路灯仍不亮")
    assert back.changes["status"] == "派单" and back.changes["reopen_count"] == 1
    assert back.changes["deadline"] == date(2026, 3, 26)  # 投诉: 13 working days from 03-09
    assert back.detail["reopened"] is True and back.detail["to"] == "派单"
    assert back.detail["satisfaction"] == "不满意"
    assert "回访结果" in plan(done, Action.CALLBACK, "agent").errors[0]
    assert "已回访过" in plan(replace(done, status=Status.CALLED_BACK, satisfaction="满意"), Action.CALLBACK,
                             "agent", satisfaction="满意").errors[0]
    direct = plan(replace(NEW, status=Status.COMPLETED), Action.CALLBACK, "agent", satisfaction="不满意")
    assert direct.changes["status"] == "退单"  # answered on the spot: back to the dispatcher


def test_escalation_needs_level_and_note() -> None:
    errors = plan(WORKING, Action.ESCALATE, "supervisor").errors
    assert any("督办级别" in e for e in errors) and any("督办意见" in e for e in errors)
    escalated = plan(WORKING, Action.ESCALATE, "supervisor", level="三级", note="推诿扯皮")
    assert escalated.detail["note"] == "推诿扯皮" and escalated.detail["level"] == "三级"


def test_merge_checks_the_main_ticket_and_the_merged_one_is_frozen() -> None:
    def merge(main: TicketState | None, main_id: str = "t-main") -> list[str]:
        return check_action(NEW, Action.MERGE, PERFORMERS["dispatcher"], {"main": main_id}, today=TODAY, main=main)

    assert "请选择" in merge(MAIN, "")[0]
    assert "它自己" in merge(NEW, NEW.client_id)[0]
    assert "找不到主工单" in merge(None)[0]
    assert "已合并" in merge(replace(MAIN, merged_into="t-x"))[0]
    assert "已归档" in merge(replace(MAIN, status=Status.ARCHIVED))[0]
    merged = plan(NEW, Action.MERGE, "dispatcher", main="t-main")
    assert merged.detail["main"] == "t-main" and merged.detail["main_no"] == "SQ9"
    frozen = replace(NEW, merged_into="t-main")
    assert all("已合并" in permission_errors(frozen, a, PERFORMERS["supervisor"])[0] for a in Action)
