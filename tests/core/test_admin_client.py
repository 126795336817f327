"""The admin's Qt-free side: messages that say what to do, checks before sending, the local lists."""

from datetime import date, datetime

from app.admin import reference
from app.admin.client import (
    NOT_SIGNED_IN,
    AuditQuery,
    ReferenceChange,
    check_user,
    describe,
    summarize_detail,
)
from app.seat import Seat
from app.sync.errors import ApiError, AuthRequired, ServerUnavailable


def test_every_failure_says_what_to_do_next_in_chinese() -> None:
    offline = describe(ServerUnavailable("暂时连不上中心服务器（无法连接）"))
    assert "连不上中心服务器" in offline and "刷新" in offline
    assert "（500）" in describe(ServerUnavailable("…", 500)) and "运维" in describe(ServerUnavailable("…", 500))
    assert "重新登录" in describe(AuthRequired())
    assert describe(AuthRequired(NOT_SIGNED_IN)) == NOT_SIGNED_IN
    assert describe(ApiError("只有管理员可以使用此功能；", 403)).startswith("中心拒绝了这个操作：只有管理员")
    assert "用户名 li4 已存在" in describe(ApiError("用户名 li4 已存在，请换一个。", 409))
    invalid = ApiError("服务器拒绝了请求（422）。", 422,
                       [{"loc": ["body", "password"], "msg": "too short"}, {"loc": ["body", "username"]}])
    assert describe(invalid) == "填写的内容不符合中心的要求（密码、用户名）：请检查后重试。"
    assert describe(ApiError("这是常见密码，很容易被猜中：请换一个。", 409)) == (
        "中心未接受这个修改：这是常见密码，很容易被猜中：请换一个。")


def test_a_new_account_is_checked_before_it_is_sent() -> None:
    assert check_user(username="li4", role="dispatcher", unit="", password="long-enough-now") == []
    assert check_user(username="李四", role="dispatcher", unit="", password="long-enough-now") == [
        "用户名只能用英文字母、数字和 _ . -，最长 64 个字符。"]
    assert check_user(username="cg01", role="unit", unit=" ", password=None) == ["承办单位账号必须选择所属单位。"]
    assert check_user(username="a", role="agent", unit="", password="short") == [
        "密码至少 12 个字符（现在 5 个）：可以用几个词加数字组成一句好记的话。"]
    # The center's own rule, said before sending: a common password however long.
    assert check_user(username="zhang3", role="agent", unit="", password="password1234") == [
        "这是常见密码，很容易被猜中：请换一个。"]
    assert check_user(username="a", role="agent", unit="", password="long-enough-now", repeated="other-one") == [
        "两次输入的密码不一致。"]


def test_audit_filters_and_details_read_well() -> None:
    query = AuditQuery(action="reveal", username=" li4 ", since=datetime(2026, 3, 8, 16), page=2)
    assert query.params() == {"page": 2, "page_size": 100, "action": "reveal", "username": "li4",
                              "since": "2026-03-08T16:00:00"}
    assert summarize_detail({"key": "li4", "role": "unit", "changes": {"active": [True, False]}}) == (
        "对象：li4；角色：unit；修改：状态 [True, False]")
    assert summarize_detail({"rows": 12, "confidential": False}) == "行数：12；含保密工单：否"
    assert summarize_detail({"path": "/api/v1/tickets/8/reveal"}) == "请求路径：/api/v1/tickets/8/reveal"
    assert summarize_detail(None) == ""


def test_the_lists_show_what_the_center_sent_and_what_it_confirmed(seat: Seat) -> None:
    with seat.store.session() as s, s.begin():
        reference.remember(s, [
            ReferenceChange("unit", "市城管局", {"kind": "市直", "district": "", "duties": ["路灯"]}),
            ReferenceChange("unit", "旧单位", {"deleted": True}),
            ReferenceChange("category", "城乡建设", {"path": ["城乡建设"]}),
            ReferenceChange("category", "城乡建设/市政设施", {"path": ["城乡建设", "市政设施"]}),
            ReferenceChange("category", "环境保护", {"path": ["环境保护"]}),
            ReferenceChange("holiday", "2026-10-01", {"type": "休", "name": "国庆节"}),
            ReferenceChange("holiday", "2026-10-10", {"type": "班", "name": "国庆调休"}),
        ])
    with seat.store.session() as s, s.begin():
        assert reference.units(s) == [reference.UnitRow("市城管局", "市直", "", ("路灯",))]
        assert reference.categories(s) == [("城乡建设",), ("城乡建设", "市政设施"), ("环境保护",)]
        assert [(h.day, h.type) for h in reference.holidays(s)] == [
            (date(2026, 10, 1), "休"), (date(2026, 10, 10), "班")]
        reference.remember(s, reference.removed_category(s, ("城乡建设",)))
        reference.remember(s, [ReferenceChange("unit", "市城管局", {"kind": "市直", "district": "", "duties": []})])
    with seat.store.session() as s:
        assert reference.categories(s) == [("环境保护",)]
        assert reference.units(s)[0].duties == ()
