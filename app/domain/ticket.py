"""The editable fields of a ticket and their validation, field by field (messages: app.messages).

Validation never discards what was typed: it returns the normalised values beside the errors,
and the caller keeps the agent's text in the form (and in the draft) until it is fixed.
"""

from dataclasses import dataclass, fields, replace

from app.domain.enums import Channel, RequestType, Urgency
from app.domain.phone import PhoneError, normalize_phone
from app.domain.text import normalize_text
from app.messages import Message, Text
from app.reference import ReferenceData

# Longest text a field accepts; a 50,000-character paste is refused with the count, not cut.
MAX_LENGTH: dict[str, int] = {
    "caller_name": 50,
    "address": 200,
    "title": 100,
    "description": 5000,
    "handling_unit": 100,
    "result": 5000,
}
MULTILINE_FIELDS = frozenset({"description", "result"})

CHOOSE = Text("ticket.choose", "请选择{field}。")
NOT_A_CHOICE = Text("ticket.not_a_choice", "“{value}”不是可选的{field}，请从列表中选择。")
TOO_LONG = Text("ticket.too_long", "{field}最多{limit}字，现在有{length}字，请删减{over}字（可把附件内容放到备注中）。")
TITLE_NEEDED = Text("ticket.title_needed", "请填写标题，用一句话概括诉求，例如“凯旋路污水井返水”。")
DESCRIPTION_NEEDED = Text("ticket.description_needed", "请填写诉求内容：发生了什么、在哪里、希望怎么解决。")
PHONE_NEEDED = Text("ticket.phone_needed",
                    "请填写联系电话，以便承办单位联系和回访；来电人不愿留号码时请勾选“匿名”。")
CATEGORY_NEEDED = Text("ticket.category_needed", "请选择一级分类（可参考右侧助手的建议）。")
NOT_IN_CATEGORIES = Text("ticket.not_in_categories", "{field}不在分类目录中，请从列表中选择。")
NOT_A_DISTRICT = Text("ticket.not_a_district", "“{district}”不是本市的区县，请从列表中选择。")
NOT_IN_DISTRICT = Text("ticket.not_in_district", "“{street}”不属于{district}，请重新选择乡镇/街道。")
NOT_IN_CHOSEN_DISTRICT = Text("ticket.not_in_chosen_district", "“{street}”不属于所选区县，请重新选择乡镇/街道。")
DISTRICT_NEEDED = Text("ticket.district_needed", "{type}类工单请选择问题发生的区县。")
ADDRESS_NEEDED = Text("ticket.address_needed", "{type}类工单请填写详细地址（路名、小区、门牌或参照物）。")

# The fields as the agent reads them (app.messages: the UI says them in its language).
FIELD_LABELS: dict[str, Message] = {
    "channel": Text("field.channel", "受理渠道")(),
    "request_type": Text("field.request_type", "诉求类型")(),
    "caller_name": Text("field.caller_name", "来电人")(),
    "caller_phone": Text("field.caller_phone", "联系电话")(),
    "anonymous": Text("field.anonymous", "匿名")(),
    "confidential": Text("field.confidential", "保密")(),
    "category1": Text("field.category1", "一级分类")(),
    "category2": Text("field.category2", "二级分类")(),
    "category3": Text("field.category3", "三级分类")(),
    "district": Text("field.district", "区县")(),
    "street": Text("field.street", "乡镇/街道")(),
    "address": Text("field.address", "详细地址")(),
    "title": Text("field.title", "标题")(),
    "description": Text("field.description", "诉求内容")(),
    "urgency": Text("field.urgency", "紧急程度")(),
    "handling_unit": Text("field.handling_unit", "承办单位")(),
    "result": Text("field.result", "办理结果")(),
}

# Types whose problem happens somewhere: the unit must know where to go.
_NEEDS_PLACE = frozenset({RequestType.COMPLAINT, RequestType.REPORT, RequestType.HELP})
# Types counted by category in every report.
_NEEDS_CATEGORY = frozenset(RequestType) - {RequestType.PRAISE, RequestType.OTHER}


@dataclass(frozen=True)
class TicketInput:
    """What the agent types: plain strings and flags, valid or not."""

    channel: str = Channel.PHONE.value
    request_type: str = ""
    caller_name: str = ""
    caller_phone: str = ""
    anonymous: bool = False
    confidential: bool = False
    category1: str = ""
    category2: str = ""
    category3: str = ""
    district: str = ""
    street: str = ""
    address: str = ""
    title: str = ""
    description: str = ""
    urgency: str = Urgency.NORMAL.value
    handling_unit: str = ""
    result: str = ""

    def to_dict(self) -> dict[str, str | bool]:
        # Flat fields: a plain copy (dataclasses.asdict deep-copies and is slow in bulk sync).
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> "TicketInput":
        """Build from any mapping (a draft, an import row); unknown keys are ignored."""
        values: dict[str, str | bool] = {}
        for f in fields(cls):
            if f.name in data and data[f.name] is not None:
                raw = data[f.name]
                values[f.name] = bool(raw) if f.type in (bool, "bool") else str(raw)
        return cls(**values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Validation:
    values: TicketInput
    errors: dict[str, Message]

    @property
    def ok(self) -> bool:
        return not self.errors


# The fields an agent edits: what a ticket edit, a draft and the wire's ticket edit carry.
EDITABLE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(TicketInput))


def always_confidential(request_type: str) -> bool:
    """Whistleblowers are protected: every 举报 is confidential (保密), whatever was ticked."""
    return request_type == RequestType.REPORT.value


def _check_choice(errors: dict[str, Message], name: str, value: str, choices: list[str]) -> None:
    if not value:
        errors[name] = CHOOSE(field=FIELD_LABELS[name])
    elif value not in choices:
        errors[name] = NOT_A_CHOICE(value=value, field=FIELD_LABELS[name])


def validate_ticket(
    data: TicketInput, reference: ReferenceData, *, default_area_code: str = "0370"
) -> Validation:
    """Normalise every field and report what must be fixed before the ticket can be saved."""
    cleaned = {
        f.name: normalize_text(getattr(data, f.name), multiline=f.name in MULTILINE_FIELDS)
        for f in fields(TicketInput)
        if isinstance(getattr(data, f.name), str)
    }
    values = TicketInput.from_dict({**data.to_dict(), **cleaned})
    errors: dict[str, Message] = {}

    _check_choice(errors, "channel", values.channel, [c.value for c in Channel])
    _check_choice(errors, "request_type", values.request_type, [t.value for t in RequestType])
    _check_choice(errors, "urgency", values.urgency, [u.value for u in Urgency])

    for name, limit in MAX_LENGTH.items():
        length = len(getattr(values, name))
        if length > limit:
            errors[name] = TOO_LONG(field=FIELD_LABELS[name], limit=limit, length=length,
                                    over=length - limit)

    if not values.title:
        errors["title"] = TITLE_NEEDED()
    if not values.description:
        errors["description"] = DESCRIPTION_NEEDED()

    if values.caller_phone:
        try:
            values = replace(values, caller_phone=normalize_phone(values.caller_phone, default_area_code))
        except PhoneError as error:
            errors["caller_phone"] = error.message
    elif not values.anonymous:
        errors["caller_phone"] = PHONE_NEEDED()

    try:
        request_type: RequestType | None = RequestType(values.request_type)
    except ValueError:
        request_type = None

    if always_confidential(values.request_type) and not values.confidential:
        values = replace(values, confidential=True)

    if request_type in _NEEDS_CATEGORY and not values.category1:
        errors["category1"] = CATEGORY_NEEDED()
    if values.category1 and not reference.categories.contains(
        values.category1, values.category2, values.category3
    ):
        field_name = (
            "category1" if values.category1 not in reference.categories.children
            else "category2" if not reference.categories.contains(values.category1, values.category2)
            else "category3"
        )
        errors[field_name] = NOT_IN_CATEGORIES(field=FIELD_LABELS[field_name])

    if values.district and values.district not in reference.districts:
        errors["district"] = NOT_A_DISTRICT(district=values.district)
    elif values.street and values.street not in reference.streets(values.district):
        errors["street"] = (NOT_IN_DISTRICT(street=values.street, district=values.district) if values.district
                            else NOT_IN_CHOSEN_DISTRICT(street=values.street))
    if request_type in _NEEDS_PLACE:
        if not values.district:
            errors.setdefault("district", DISTRICT_NEEDED(type=request_type))
        if not values.address:
            errors["address"] = ADDRESS_NEEDED(type=request_type)

    return Validation(values, errors)
