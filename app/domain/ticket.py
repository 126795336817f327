"""The editable fields of a ticket and their validation, field by field, in Chinese.

Validation never discards what was typed: it returns the normalised values beside the errors,
and the caller keeps the agent's text in the form (and in the draft) until it is fixed.
"""

from dataclasses import dataclass, fields, replace

from app.domain.enums import Channel, RequestType, Urgency
from app.domain.phone import PhoneError, normalize_phone
from app.domain.text import normalize_text
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

FIELD_LABELS: dict[str, str] = {
    "channel": "受理渠道",
    "request_type": "诉求类型",
    "caller_name": "来电人",
    "caller_phone": "联系电话",
    "anonymous": "匿名",
    "confidential": "保密",
    "category1": "一级分类",
    "category2": "二级分类",
    "category3": "三级分类",
    "district": "区县",
    "street": "乡镇/街道",
    "address": "详细地址",
    "title": "标题",
    "description": "诉求内容",
    "urgency": "紧急程度",
    "handling_unit": "承办单位",
    "result": "办理结果",
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
    errors: dict[str, str]

    @property
    def ok(self) -> bool:
        return not self.errors


def always_confidential(request_type: str) -> bool:
    """Whistleblowers are protected: every 举报 is confidential (保密), whatever was ticked."""
    return request_type == RequestType.REPORT.value


def _check_choice(errors: dict[str, str], name: str, value: str, choices: list[str]) -> None:
    if not value:
        errors[name] = f"请选择{FIELD_LABELS[name]}。"
    elif value not in choices:
        errors[name] = f"“{value}”不是可选的{FIELD_LABELS[name]}，请从列表中选择。"


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
    errors: dict[str, str] = {}

    _check_choice(errors, "channel", values.channel, [c.value for c in Channel])
    _check_choice(errors, "request_type", values.request_type, [t.value for t in RequestType])
    _check_choice(errors, "urgency", values.urgency, [u.value for u in Urgency])

    for name, limit in MAX_LENGTH.items():
        length = len(getattr(values, name))
        if length > limit:
            errors[name] = (
                f"{FIELD_LABELS[name]}最多{limit}字，现在有{length}字，请删减"
                f"{length - limit}字（可把附件内容放到备注中）。"
            )

    if not values.title:
        errors["title"] = "请填写标题，用一句话概括诉求，例如“凯旋路污水井返水”。"
    if not values.description:
        errors["description"] = "请填写诉求内容：发生了什么、在哪里、希望怎么解决。"

    if values.caller_phone:
        try:
            values = replace(values, caller_phone=normalize_phone(values.caller_phone, default_area_code))
        except PhoneError as error:
            errors["caller_phone"] = str(error)
    elif not values.anonymous:
        errors["caller_phone"] = "请填写联系电话，以便承办单位联系和回访；来电人不愿留号码时请勾选“匿名”。"

    try:
        request_type: RequestType | None = RequestType(values.request_type)
    except ValueError:
        request_type = None

    if always_confidential(values.request_type) and not values.confidential:
        values = replace(values, confidential=True)

    if request_type in _NEEDS_CATEGORY and not values.category1:
        errors["category1"] = "请选择一级分类（可参考右侧助手的建议）。"
    if values.category1 and not reference.categories.contains(
        values.category1, values.category2, values.category3
    ):
        field_name = (
            "category1" if values.category1 not in reference.categories.children
            else "category2" if not reference.categories.contains(values.category1, values.category2)
            else "category3"
        )
        errors[field_name] = f"{FIELD_LABELS[field_name]}不在分类目录中，请从列表中选择。"

    if values.district and values.district not in reference.districts:
        errors["district"] = f"“{values.district}”不是本市的区县，请从列表中选择。"
    elif values.street and values.street not in reference.streets(values.district):
        errors["street"] = f"“{values.street}”不属于{values.district or '所选区县'}，请重新选择乡镇/街道。"
    if request_type in _NEEDS_PLACE:
        if not values.district:
            errors.setdefault("district", f"{request_type.value}类工单请选择问题发生的区县。")
        if not values.address:
            errors["address"] = f"{request_type.value}类工单请填写详细地址（路名、小区、门牌或参照物）。"

    return Validation(values, errors)
