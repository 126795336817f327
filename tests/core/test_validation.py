"""Validation field by field, in Chinese; nothing the agent typed is discarded."""

from dataclasses import fields, replace

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.domain.ticket import FIELD_LABELS, MAX_LENGTH, TicketInput, validate_ticket
from app.reference import ReferenceData
from app.seat import Seat
from app.store.models import Ticket
from app.tickets.service import create_ticket, ticket_to_input

GOOD = TicketInput(
    request_type="投诉", caller_name="王女士", caller_phone="13812345678",
    category1="城市管理", district="梁园区", street="平原街道", address="凯旋路88号",
    title="夜间施工噪音扰民", description="工地每晚十一点后还在打桩。",
)


def errors_of(reference: ReferenceData, **changes: object) -> dict[str, str]:
    return validate_ticket(replace(GOOD, **changes), reference).errors  # type: ignore[arg-type]


def test_a_complete_complaint_is_valid(reference: ReferenceData) -> None:
    assert validate_ticket(GOOD, reference).ok


@pytest.mark.parametrize(("request_type", "required"), [
    ("投诉", {"category1", "district", "address"}),
    ("举报", {"category1", "district", "address"}),
    ("求助", {"category1", "district", "address"}),
    ("咨询", {"category1"}),
    ("建议", {"category1"}),
    ("表扬", set()),
    ("其他", set()),
])
def test_required_fields_depend_on_request_type(
    reference: ReferenceData, request_type: str, required: set[str]
) -> None:
    bare = TicketInput(request_type=request_type, caller_phone="13812345678",
                       title="标题", description="内容")
    assert set(validate_ticket(bare, reference).errors) == required


def test_missing_everything_names_each_field(reference: ReferenceData) -> None:
    errors = validate_ticket(TicketInput(channel="", urgency=""), reference).errors
    assert errors["channel"] == "请选择受理渠道。"
    assert errors["request_type"] == "请选择诉求类型。"
    assert errors["urgency"] == "请选择紧急程度。"
    assert errors["title"].startswith("请填写标题")
    assert errors["description"].startswith("请填写诉求内容")
    assert errors["caller_phone"].startswith("请填写联系电话")


def test_unknown_choices_are_refused(reference: ReferenceData) -> None:
    errors = errors_of(reference, channel="传真", request_type="闲聊", urgency="很急")
    assert errors["channel"] == "“传真”不是可选的受理渠道，请从列表中选择。"
    assert errors["request_type"] == "“闲聊”不是可选的诉求类型，请从列表中选择。"
    assert errors["urgency"] == "“很急”不是可选的紧急程度，请从列表中选择。"


def test_anonymous_caller_needs_no_number(reference: ReferenceData) -> None:
    assert "caller_phone" in errors_of(reference, caller_phone="")
    assert errors_of(reference, caller_phone="", anonymous=True) == {}


def test_bad_number_keeps_what_was_typed(reference: ReferenceData) -> None:
    result = validate_ticket(replace(GOOD, caller_phone=" 138123 "), reference)
    assert "手机号码应为11位" in result.errors["caller_phone"]
    assert result.values.caller_phone == "138123"


def test_number_is_stored_normalised(reference: ReferenceData) -> None:
    result = validate_ticket(replace(GOOD, caller_phone="３２２１２３４"), reference)
    assert result.ok and result.values.caller_phone == "0370-3221234"


@pytest.mark.parametrize("name", list(MAX_LENGTH))
def test_length_limits_count_and_keep_the_text(reference: ReferenceData, name: str) -> None:
    limit = MAX_LENGTH[name]
    assert name not in errors_of(reference, **{name: "字" * limit})
    long_text = "长" * (limit + 7)
    result = validate_ticket(replace(GOOD, **{name: long_text}), reference)  # type: ignore[arg-type]
    assert result.errors[name] == (
        f"{FIELD_LABELS[name]}最多{limit}字，现在有{limit + 7}字，请删减7字（可把附件内容放到备注中）。")
    assert getattr(result.values, name) == long_text


def test_a_50000_character_paste_is_refused_not_truncated(reference: ReferenceData) -> None:
    paste = "楼下装修噪音很大，" * 5000 + "请处理"
    assert len(paste) == 45003
    paste += "x" * 4997
    result = validate_ticket(replace(GOOD, description=paste), reference)
    assert result.errors == {"description": "诉求内容最多5000字，现在有50000字，请删减45000字（可把附件内容放到备注中）。"}
    assert result.values.description == paste


def test_sql_looking_text_is_stored_verbatim(seat: Seat) -> None:
    nasty = "'); DROP TABLE tickets; -- \" OR 1=1 /* 井盖 */"
    data = replace(GOOD, title=nasty, address="1' OR '1'='1", caller_name="Robert'); --")
    with seat.store.session() as session, session.begin():
        ticket = create_ticket(session, data=data, context=seat.context)
    with seat.store.session() as session:
        stored = session.get(Ticket, ticket.id)
        assert stored is not None
        assert (stored.title, stored.address, stored.caller_name) == (
            nasty, "1' OR '1'='1", "Robert'); --")


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"category1": "天文地理"}, "category1", "一级分类不在分类目录中，请从列表中选择。"),
    ({"category1": "城乡建设", "category2": "不存在"}, "category2", "二级分类不在分类目录中"),
    ({"category1": "城乡建设", "category2": "安全生产", "category3": "不存在"}, "category3", "三级分类不在"),
    ({"category1": "城乡建设", "category3": "事故处理"}, "category3", "三级分类不在"),
    ({"district": "海淀区", "street": ""}, "district", "“海淀区”不是本市的区县"),
    ({"street": "不存在街道"}, "street", "“不存在街道”不属于梁园区"),
    ({"district": "睢阳区", "street": "平原街道"}, "street", "不属于睢阳区"),
])
def test_membership_in_reference_data(
    reference: ReferenceData, changes: dict[str, str], field: str, message: str
) -> None:
    errors = errors_of(reference, **changes)
    assert list(errors) == [field]
    assert message in errors[field]


def test_full_category_path_is_accepted(reference: ReferenceData) -> None:
    assert errors_of(reference, category1="城乡建设", category2="安全生产", category3="事故处理") == {}


def test_fields_are_normalised(reference: ReferenceData) -> None:
    result = validate_ticket(replace(GOOD, title="  凯旋路１２号\u3000", description="第一行\r\n第二行 "),
                             reference)
    assert result.ok
    assert result.values.title == "凯旋路12号"
    assert result.values.description == "第一行\n第二行"


# -- generated input ---------------------------------------------------------------------------

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
INPUTS = st.builds(
    TicketInput,
    channel=st.one_of(TEXT, st.sampled_from(["电话", "微信", "App"])),
    request_type=st.one_of(TEXT, st.sampled_from(["投诉", "咨询", "表扬"])),
    caller_name=TEXT, caller_phone=st.one_of(TEXT, st.from_regex(r"1[3-9]\d{9}", fullmatch=True)),
    anonymous=st.booleans(), confidential=st.booleans(),
    category1=st.one_of(TEXT, st.just("城市管理")), category2=TEXT, category3=TEXT,
    district=st.one_of(TEXT, st.just("梁园区")), street=TEXT, address=TEXT,
    title=TEXT, description=st.text(max_size=300), urgency=st.one_of(TEXT, st.just("一般")),
    handling_unit=TEXT, result=TEXT,
)
FIELD_NAMES = {f.name for f in fields(TicketInput)}


@given(INPUTS)
@settings(max_examples=300, deadline=None)
def test_validation_never_raises_and_names_only_known_fields(data: TicketInput) -> None:
    from app.reference import default_reference

    result = validate_ticket(data, default_reference())
    assert set(result.errors) <= FIELD_NAMES
    assert all(isinstance(m, str) and m for m in result.errors.values())


@given(INPUTS)
@settings(max_examples=300, deadline=None)
def test_normalisation_is_idempotent(data: TicketInput) -> None:
    from app.reference import default_reference

    once = validate_ticket(data, default_reference())
    twice = validate_ticket(once.values, default_reference())
    assert twice.values == once.values
    assert set(twice.errors) == set(once.errors)


VALID = st.builds(
    TicketInput,
    request_type=st.sampled_from(["投诉", "咨询", "求助", "表扬"]),
    caller_name=st.text(st.characters(whitelist_categories=("Lo", "Ll", "Nd", "Zs")), max_size=20),
    caller_phone=st.from_regex(r"1[3-9]\d{9}", fullmatch=True),
    confidential=st.booleans(),
    category1=st.just("城市管理"), district=st.just("梁园区"), street=st.just("平原街道"),
    address=st.text(min_size=1, max_size=50).filter(lambda s: s.strip()),
    title=st.text(min_size=1, max_size=50).filter(lambda s: s.strip()),
    description=st.text(min_size=1, max_size=500).filter(lambda s: s.strip()),
)


@given(VALID)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.filter_too_much])
def test_any_valid_input_saved_reads_back_equal(seat: Seat, data: TicketInput) -> None:
    result = validate_ticket(data, seat.context.reference)
    assume(result.ok)  # e.g. a title of only control characters normalises to nothing
    with seat.store.session() as session, session.begin():
        ticket = create_ticket(session, data=data, context=seat.context)
    with seat.store.session() as session:
        stored = session.get(Ticket, ticket.id)
        assert stored is not None
        assert ticket_to_input(stored) == result.values
