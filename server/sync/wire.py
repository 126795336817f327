"""Strict wire schemas of pushed mutations: one pydantic model per mutation kind.

A payload holds exactly what the seat writes for its kind (``app.tickets.service.ticket_snapshot``
for create, ``{"changes": {field: [old, new]}}`` for update, the plan's detail for an action, the
audit reports of exports and offline reveals): no other key, texts and lists of bounded size, no
nesting beyond the shape, integers and booleans as such (never NaN or infinity), dates and times
inside years that make sense. Anything else is refused for that one mutation, with the reason.
"""

from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationError,
)

from app.domain.handoff import HANDOFF_SERVICES, HandoffWay
from app.domain.lifecycle import Action
from app.domain.ticket import MAX_LENGTH
from app.sync.protocol import (
    AGENT_STATE_KIND,
    CALL_KIND,
    CALL_LINK_KIND,
    EXPORT_KIND,
    HANDOFF_KIND,
    REVEAL_KIND,
)
from server.safety import error_message

EARLIEST = datetime(2000, 1, 1)
LATEST = datetime(2100, 1, 1)
MAX_REASONS = 3


def _check_date(value: str) -> str:
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise ValueError("应为日期，如 2026-03-02") from None
    if not EARLIEST.date() <= parsed < LATEST.date():
        raise ValueError(f"日期{value}超出允许范围（2000—2099年）")
    return value


def wire_time(value: datetime) -> datetime:
    """A pushed time as naive UTC, inside 2000—2099 (year 1 or 9999 cannot even be converted)."""
    try:
        naive = value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value
    except (OverflowError, ValueError):
        raise ValueError("时间超出允许范围（2000—2099年）") from None
    if not EARLIEST <= naive < LATEST:
        raise ValueError("时间超出允许范围（2000—2099年）")
    return naive


def _check_time(value: str) -> str:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("应为时间，如 2026-03-02T09:30:00") from None
    wire_time(parsed)
    return value


WireDate = Annotated[StrictStr, Field(max_length=10), AfterValidator(_check_date)]
WireTime = Annotated[StrictStr, Field(max_length=40), AfterValidator(_check_time)]
Count = Annotated[StrictInt, Field(ge=0, le=10_000_000)]
# The rules keep 500 characters of a note; a longer paste is cut, not refused.
Note = Annotated[StrictStr, Field(max_length=2000)]
UnitName = Annotated[StrictStr, Field(max_length=MAX_LENGTH["handling_unit"])]
Units = Annotated[list[UnitName], Field(max_length=50)]
Scalar = StrictStr | StrictBool | None
# Twice the form's limits: the domain's validation says "too long, N characters" in its own words.
_LONG = 2 * max(MAX_LENGTH.values())


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, populate_by_name=True)


class TicketPayload(_Strict):
    """create: the ticket's fields and what the seat knows of it (ticket_snapshot, an import row)."""

    channel: StrictStr = Field(default="", max_length=16)
    request_type: StrictStr = Field(default="", max_length=16)
    caller_name: StrictStr = Field(default="", max_length=2 * MAX_LENGTH["caller_name"])
    caller_phone: StrictStr = Field(default="", max_length=40)
    anonymous: StrictBool = False
    confidential: StrictBool = False
    category1: StrictStr = Field(default="", max_length=100)
    category2: StrictStr = Field(default="", max_length=100)
    category3: StrictStr = Field(default="", max_length=100)
    district: StrictStr = Field(default="", max_length=100)
    street: StrictStr = Field(default="", max_length=100)
    address: StrictStr = Field(default="", max_length=2 * MAX_LENGTH["address"])
    title: StrictStr = Field(default="", max_length=2 * MAX_LENGTH["title"])
    description: StrictStr = Field(default="", max_length=_LONG)
    urgency: StrictStr = Field(default="", max_length=16)
    handling_unit: UnitName = ""
    result: StrictStr = Field(default="", max_length=_LONG)
    client_id: StrictStr = Field(default="", max_length=36)
    local_no: StrictStr = Field(default="", max_length=40)
    status: StrictStr = Field(default="", max_length=16)
    satisfaction: StrictStr = Field(default="", max_length=16)
    solved: StrictStr = Field(default="", max_length=16)
    deadline: WireDate | None = None
    created_at: WireTime | None = None
    created_seat: StrictStr = Field(default="", max_length=32)
    created_by: StrictStr = Field(default="", max_length=50)


Pair = Annotated[list[Annotated[Scalar, Field(union_mode="left_to_right")]],
                 Field(min_length=2, max_length=2)]


def _bounded_pair(pair: list[Any]) -> list[Any]:
    if any(isinstance(v, str) and len(v) > _LONG for v in pair):
        raise ValueError(f"内容过长（最多{_LONG}字）")
    return pair


class UpdatePayload(_Strict):
    """update: the changed fields, each as [old value, new value]."""

    changes: Annotated[dict[Annotated[StrictStr, Field(max_length=32)],
                            Annotated[Pair, AfterValidator(_bounded_pair)]],
                       Field(min_length=1, max_length=40)]


class ActionPayload(_Strict):
    """An action's detail as the seat planned it (the center plans again from its own copy)."""

    from_: StrictStr = Field(default="", alias="from", max_length=16)
    to: StrictStr = Field(default="", max_length=16)
    note: Note = ""
    unit: UnitName = ""


class DispatchPayload(ActionPayload):
    units: Units = Field(default_factory=list)
    co_units: Units = Field(default_factory=list)
    deadline: WireDate | None = None


class ReasonPayload(ActionPayload):
    reason: Note = ""


class ExtensionPayload(ReasonPayload):
    requested_deadline: WireDate | None = None


class DecisionPayload(ReasonPayload):
    approved: StrictBool | None = None
    requested_deadline: WireDate | None = None
    previous_deadline: WireDate | None = None
    deadline: WireDate | None = None


class CompletePayload(ActionPayload):
    result: StrictStr = Field(default="", max_length=_LONG)
    solved: StrictStr = Field(default="", max_length=16)


class ReopenPayload(ReasonPayload):
    reopened: StrictBool = False
    reopen_count: Annotated[StrictInt, Field(ge=0, le=10_000)] = 0
    deadline: WireDate | None = None


class CallbackPayload(ReopenPayload):
    satisfaction: StrictStr = Field(default="", max_length=16)


class EscalatePayload(ActionPayload):
    level: StrictStr = Field(default="", max_length=16)


class MergePayload(ActionPayload):
    main: StrictStr = Field(default="", max_length=36)
    main_no: StrictStr = Field(default="", max_length=40)


class ExportPayload(_Strict):
    """导出: a seat's report of an export (how many rows, which filter)."""

    rows: Count = 0
    format: StrictStr = Field(default="", max_length=16)
    filter: StrictStr = Field(default="", max_length=500)
    confidential: Count = 0
    seat: StrictStr = Field(default="", max_length=32)


class RevealPayload(_Strict):
    """查看号码: a number shown at a seat while the center could not be reached."""

    ticket: StrictStr = Field(default="", max_length=36)
    reason: StrictStr = Field(default="", max_length=200)
    seat: StrictStr = Field(default="", max_length=32)


class CallStepPayload(_Strict):
    state: StrictStr = Field(default="", max_length=16)
    at: WireTime | None = None
    detail: StrictStr = Field(default="", max_length=500)


class CallPayload(_Strict):
    """来电: a call's record when it is over (app.telephony.calls.call_wire)."""

    client_id: StrictStr = Field(default="", max_length=36)
    call_id: StrictStr = Field(default="", max_length=256)
    caller_number: StrictStr = Field(default="", max_length=64)
    line: StrictStr = Field(default="", max_length=32)
    seat: StrictStr = Field(default="", max_length=32)
    extension: StrictStr = Field(default="", max_length=64)
    agent: StrictStr = Field(default="", max_length=50)
    state: StrictStr = Field(default="", max_length=16)
    end_reason: StrictStr | None = Field(default=None, max_length=16)
    transfer_to: StrictStr = Field(default="", max_length=64)
    offered_at: WireTime | None = None
    ringing_at: WireTime | None = None
    answered_at: WireTime | None = None
    ended_at: WireTime | None = None
    steps: Annotated[list[CallStepPayload], Field(max_length=200)] = Field(default_factory=list)
    tickets: Annotated[list[Annotated[StrictStr, Field(max_length=36)]], Field(max_length=100)] = Field(
        default_factory=list)


class CallLinkPayload(_Strict):
    """来电工单: a ticket linked to a call after the call's record went."""

    call: StrictStr = Field(default="", max_length=36)
    ticket: StrictStr = Field(default="", max_length=36)


class AgentStatePayload(_Strict):
    """座席状态: the seat's agent state (the supervisor's live view)."""

    seat: StrictStr = Field(default="", max_length=32)
    agent: StrictStr = Field(default="", max_length=50)
    state: StrictStr = Field(default="", max_length=16)
    since: WireTime | None = None


def _check_service(value: str) -> str:
    if value not in HANDOFF_SERVICES:
        raise ValueError("只能转接 " + "、".join(HANDOFF_SERVICES))
    return value


class HandoffPayload(_Strict):
    """handoff: the caller handed off to an emergency service or a department line."""

    service: Annotated[StrictStr, Field(max_length=8), AfterValidator(_check_service)]
    text: StrictStr = Field(default="", max_length=16)
    way: Literal[HandoffWay.TRANSFERRED, HandoffWay.MANUAL] = HandoffWay.MANUAL


PAYLOADS: dict[str, type[_Strict]] = {
    "create": TicketPayload,
    "update": UpdatePayload,
    Action.DISPATCH.value: DispatchPayload,
    Action.SIGN.value: ActionPayload,
    Action.START.value: ActionPayload,
    Action.RETURN.value: ReasonPayload,
    Action.REQUEST_EXTENSION.value: ExtensionPayload,
    Action.DECIDE_EXTENSION.value: DecisionPayload,
    Action.COMPLETE.value: CompletePayload,
    Action.CALLBACK.value: CallbackPayload,
    Action.REOPEN.value: ReopenPayload,
    Action.ESCALATE.value: EscalatePayload,
    Action.ARCHIVE.value: ActionPayload,
    Action.MERGE.value: MergePayload,
    EXPORT_KIND: ExportPayload,
    REVEAL_KIND: RevealPayload,
    CALL_KIND: CallPayload,
    CALL_LINK_KIND: CallLinkPayload,
    AGENT_STATE_KIND: AgentStatePayload,
    HANDOFF_KIND: HandoffPayload,
}
assert set(PAYLOADS) >= {a.value for a in Action}, "every action needs its payload model"


def describe(error: ValidationError, prefix: tuple[str, ...] = ()) -> str:
    """The first few reasons, in Chinese, with where they are; never the refused value."""
    parts = []
    for item in error.errors()[:MAX_REASONS]:
        loc = ".".join(str(p).encode("utf-8", "backslashreplace").decode()[:40]
                       for p in (*prefix, *item.get("loc", ())))
        parts.append(f"{loc}：{error_message(dict(item))}" if loc else error_message(dict(item)))
    more = len(error.errors()) - MAX_REASONS
    return "；".join(parts) + (f"；另有{more}处" if more > 0 else "")


def check_payload(kind: str, payload: dict[str, Any]) -> None:
    """Raise ValueError (Chinese) when ``payload`` is not what a seat sends for ``kind``."""
    model = PAYLOADS.get(kind)
    if model is None:
        raise ValueError(f"未知的变更类型“{kind}”，请升级客户端")
    try:
        model.model_validate(payload)
    except ValidationError as error:
        raise ValueError(describe(error, ("payload",))) from None
