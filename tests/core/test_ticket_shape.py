"""The ticket's one shape: both sides' models keep the shared columns, the wire form carries every
one of them there and back, and the API's documented ticket is that wire form."""

import json
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table

from app.store.models import Ticket as SeatTicket
from app.ticket_shape import SHARED_COLUMNS, WIRE_FIELDS, from_wire, to_wire
from server.tickets.models import Ticket as CenterTicket
from server.tickets.schemas import TicketRead

STORED: dict[str, Any] = {
    "client_id": "6f1c0a52-95a4-4c55-9d59-2f1d8f6c8a11", "local_no": "S01-20260305-0007",
    "official_no": "SQ20260305000012", "channel": "电话", "request_type": "投诉", "caller_name": "王女士",
    "caller_phone": "13812345678", "anonymous": False, "confidential": True, "category1": "城市管理",
    "category2": "市容环境", "category3": "", "district": "梁园区", "street": "平原街道", "address": "凯旋路88号",
    "title": "夜间噪音", "description": "楼下餐馆夜间噪音扰民", "urgency": "紧急", "handling_unit": "市城市管理局",
    "deadline": date(2026, 3, 24), "status": "办理", "result": "", "satisfaction": "",
    "created_at": datetime(2026, 3, 5, 1, 2, 3, 456789), "updated_at": datetime(2026, 3, 9, 8, 0),
    "created_seat": "S01", "created_by": "李娜", "version": 4, "co_units": '["梁园区人民政府"]',
    "escalation_level": "二级", "extension_to": date(2026, 4, 3), "extension_reason": "等待配件",
    "extension_since": date(2026, 3, 20), "reopen_count": 1, "merged_into": "", "solved": "",
}


def _columns(model: type[Any]) -> set[str]:
    return {c.name for c in cast(Table, model.__table__).columns}


def test_both_sides_keep_every_shared_column_and_the_wire_carries_all_but_the_ids() -> None:
    assert set(SHARED_COLUMNS) <= _columns(SeatTicket) & _columns(CenterTicket)
    assert _columns(SeatTicket) == {"id", *WIRE_FIELDS}
    assert _columns(CenterTicket) - {"id", *WIRE_FIELDS} == {"created_user", "change_seq"}


def test_a_ticket_crosses_the_wire_unchanged() -> None:
    center = CenterTicket(**STORED, created_user="lina", change_seq=77)
    wire = json.loads(json.dumps(to_wire(center), ensure_ascii=False))
    assert wire["created_at"] == "2026-03-05T01:02:03.456789+00:00" and wire["co_units"] == ["梁园区人民政府"]
    assert from_wire(wire) == STORED


def test_a_copy_from_a_center_without_lifecycle_columns_reads_as_their_defaults() -> None:
    wire = json.loads(json.dumps(to_wire(CenterTicket(**STORED))))
    for name in ("co_units", "escalation_level", "extension_to", "extension_reason", "extension_since",
                 "reopen_count", "merged_into", "solved"):
        del wire[name]
    row = from_wire(wire)
    assert (row["co_units"], row["escalation_level"], row["extension_to"], row["reopen_count"]) == ("[]", "", None, 0)


def test_the_documented_ticket_is_the_wire_form() -> None:
    assert set(TicketRead.model_fields) == {"id", "redacted", "phone_masked", *WIRE_FIELDS}
