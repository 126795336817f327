"""Open311 GeoReport v2 on the center's own rules: the category tree as services, a partner's
request as a ticket created through the same push path as a seat's (validation, deadline,
official number, timeline), and a ticket's lifecycle read back as status and status_notes.

What is published: requests filed through Open311 only (a phone ticket's text is written by an
agent and may name people), never a caller's name or number, and a confidential one (every 举报)
only to the partner that filed it, when it shows its key.
"""

import hashlib
import json
import secrets
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import Select, Table, delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.domain.enums import Channel, RequestType, Status
from app.domain.roles import Role
from app.reference import ReferenceData
from app.sync.protocol import MutationStatus
from server.auth.models import User
from server.open311.models import Open311Key, Open311Request, Open311Window
from server.sync import service as sync_service
from server.sync.schemas import MutationIn
from server.tickets.models import Ticket

KEY_PREFIX = "o311_"
PARTNER_CHANNELS: tuple[str, ...] = (Channel.WEBSITE.value, Channel.APP.value)
SEAT = "open311"  # the "seat" a partner's ticket was taken at, in its timeline
MAX_RANGE = timedelta(days=90)  # the specification's widest start_date..end_date
MAX_RESULTS = 1000
LOCAL = timedelta(hours=8)  # times are published in China Standard Time
CLOSED_STATUSES = frozenset({Status.COMPLETED.value, Status.CALLED_BACK.value, Status.ARCHIVED.value})
# attribute[request_type] keys: ASCII for partners' code, the Chinese word accepted too.
REQUEST_TYPE_KEYS: dict[str, RequestType] = {
    "consult": RequestType.CONSULT, "help": RequestType.HELP, "complaint": RequestType.COMPLAINT,
    "report": RequestType.REPORT, "suggestion": RequestType.SUGGESTION,
    "praise": RequestType.PRAISE, "other": RequestType.OTHER,
}

# A ticket field's error names the form field the partner sent.
FORM_NAMES: dict[str, str] = {
    "caller_phone": "phone", "caller_name": "last_name/first_name", "description": "description",
    "title": "attribute[title]", "district": "attribute[district]", "address": "address_string",
    "request_type": "attribute[request_type]", "category1": "service_code",
    "category2": "service_code", "category3": "service_code",
}


class Open311Error(Exception):
    """An answer in the specification's error form: HTTP status and [{code, description}]."""

    def __init__(self, status: int, *descriptions: str) -> None:
        super().__init__("; ".join(descriptions))
        self.status = status
        self.descriptions = descriptions or ("请求有误。",)


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# ---- partners' keys ---------------------------------------------------------------------------

def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_key(session: Session, *, partner: str, channel: str,
               rate_per_minute: int | None = None) -> str:
    """A new key for ``partner``; returned once, only its hash is kept."""
    partner = partner.strip()
    if not partner or len(partner) > 64:
        raise ValueError("合作方名称不能为空，最多64字。")
    if channel not in PARTNER_CHANNELS:
        raise ValueError(f"受理渠道只能是{'或'.join(PARTNER_CHANNELS)}。")
    if rate_per_minute is not None and not 1 <= rate_per_minute <= 100_000:
        raise ValueError("每分钟请求上限应在1到100000之间。")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    session.add(Open311Key(partner=partner, key_hash=hash_key(key), channel=channel,
                           rate_per_minute=rate_per_minute, created_at=utc_now(), revoked_at=None))
    return key


def revoke_keys(session: Session, *, partner: str) -> int:
    """Revoke every active key of ``partner``; returns how many."""
    result = session.execute(update(Open311Key).where(
        Open311Key.partner == partner.strip(), Open311Key.revoked_at.is_(None))
        .values(revoked_at=utc_now()))
    return int(getattr(result, "rowcount", 0) or 0)


def list_keys(session: Session) -> list[Open311Key]:
    return list(session.scalars(select(Open311Key).order_by(Open311Key.partner, Open311Key.id)))


def active_key(session: Session, key: str) -> Open311Key | None:
    if not key:
        return None
    found = session.scalar(select(Open311Key).where(Open311Key.key_hash == hash_key(key)))
    return found if found is not None and found.revoked_at is None else None


def take_rate(session: Session, *, key: Open311Key, limit: int, now: datetime) -> bool:
    """Count one call of ``key`` in this minute; False when it is over its limit (its own, else
    ``limit``). The window lives in the database: every server process sees the same count."""
    limit = key.rate_per_minute or limit
    minute = now.replace(second=0, microsecond=0)
    table = cast(Table, Open311Window.__table__)
    insert_: Any = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert_(table).values(key_id=key.id, minute=minute, count=1)
    count = int(session.execute(statement.on_conflict_do_update(
        index_elements=["key_id", "minute"], set_={"count": table.c.count + 1},
    ).returning(table.c.count)).scalar_one())
    if count == 1:  # a new minute: forget this key's old ones
        session.execute(delete(Open311Window).where(
            Open311Window.key_id == key.id, Open311Window.minute < minute - timedelta(minutes=5)))
    return count <= limit


# ---- services: the category tree --------------------------------------------------------------

@dataclass(frozen=True)
class Service:
    code: str
    path: tuple[str, ...]  # level 1, 2, 3 (a level-2 leaf has two)

    @property
    def name(self) -> str:
        return self.path[-1]

    @property
    def group(self) -> str:
        return self.path[0]


def service_code(path: Sequence[str]) -> str:
    """A stable ASCII code for a category path (the same tree gives the same codes)."""
    return "c" + hashlib.sha256("/".join(path).encode()).hexdigest()[:10]


def services(reference: ReferenceData) -> list[Service]:
    """A service per level-3 category; a level-2 category without level 3 is one itself."""
    found: list[Service] = []
    for level1, seconds in reference.categories.children.items():
        for level2, thirds in seconds.items():
            paths: list[tuple[str, ...]] = [(level1, level2, t) for t in thirds] or [(level1, level2)]
            found.extend(Service(service_code(p), p) for p in paths)
    return found


def find_service(reference: ReferenceData, code: str) -> Service:
    for item in services(reference):
        if item.code == code:
            return item
    raise Open311Error(404, f"没有服务代码为“{code[:40]}”的服务，请先读取 services 列表。")


def service_dict(item: Service) -> dict[str, Any]:
    return {
        "service_code": item.code, "service_name": item.name,
        "description": " / ".join(item.path), "metadata": True, "type": "realtime",
        "keywords": ",".join(item.path), "group": item.group,
    }


def definition_dict(item: Service, reference: ReferenceData) -> dict[str, Any]:
    attributes = [
        {"variable": True, "code": "request_type", "datatype": "singlevaluelist", "required": True,
         "datatype_description": "", "order": 1, "description": "诉求类型",
         "values": [{"key": key, "name": kind.value} for key, kind in REQUEST_TYPE_KEYS.items()]},
        {"variable": True, "code": "district", "datatype": "singlevaluelist", "required": False,
         "datatype_description": "投诉、举报、求助须有区县：不填时从 address_string 中识别",
         "order": 2, "description": "区县",
         "values": [{"key": name, "name": name} for name in reference.districts]},
        {"variable": True, "code": "title", "datatype": "string", "required": False,
         "datatype_description": "最多100字；不填时取诉求内容的开头", "order": 3,
         "description": "标题"},
    ]
    return {"service_code": item.code, "attributes": attributes}


# ---- filing a request -------------------------------------------------------------------------

def partner_user(key: Open311Key) -> User:
    """The account a partner's ticket is created under (never stored: the key is the partner's
    identity); created_user ``open311:PARTNER`` records who filed it."""
    return User(id=0, username=f"open311:{key.partner}"[:64], display_name=key.partner[:64],
                role=Role.AGENT.value, unit="", password_hash="", active=True, created_at=utc_now())


def _float(form: Mapping[str, str], name: str, low: float, high: float) -> float | None:
    raw = form.get(name, "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise Open311Error(400, f"{name} 应为数字（十进制度），收到“{raw[:20]}”。") from None
    if not low <= value <= high:
        raise Open311Error(400, f"{name} 应在 {low} 到 {high} 之间。")
    return value


def _attributes(form: Mapping[str, str]) -> dict[str, str]:
    """attribute[CODE] (and attribute[CODE][] for lists, the first value kept) → {CODE: value}."""
    found: dict[str, str] = {}
    for name, value in form.items():
        if name.startswith("attribute[") and "]" in name:
            code = name[len("attribute["):name.index("]")]
            found.setdefault(code, value.strip())
    return found


def ticket_values(form: Mapping[str, str], item: Service, key: Open311Key,
                  reference: ReferenceData) -> tuple[dict[str, Any], dict[str, Any]]:
    """The ticket's fields from a POST, and what is kept beside it; bad input → Open311Error."""
    lat = _float(form, "lat", -90, 90)
    long = _float(form, "long", -180, 180)
    address_string = form.get("address_string", "").strip()
    address_id = form.get("address_id", "").strip()
    if (lat is None) != (long is None):
        raise Open311Error(400, "lat 和 long 须同时提供。")
    if lat is None and not address_string and not address_id:
        raise Open311Error(400, "缺少位置：请提供 address_string，或 lat 与 long。")
    attributes = _attributes(form)
    raw_type = attributes.get("request_type", "")
    if not raw_type:
        raise Open311Error(400, "缺少 attribute[request_type]（诉求类型），可选值见服务定义。")
    request_type = REQUEST_TYPE_KEYS.get(raw_type) or (
        RequestType(raw_type) if raw_type in RequestType._value2member_map_ else None)
    if request_type is None:
        raise Open311Error(400, f"attribute[request_type] 的值“{raw_type[:20]}”不在服务定义的可选值中。")
    district = attributes.get("district", "")
    if not district:  # a district named in the address is the district
        district = next((name for name in reference.districts if name in address_string), "")
    description = form.get("description", "").strip()
    title = attributes.get("title", "") or (description.splitlines()[0][:30] if description else "")
    phone = form.get("phone", "").strip()
    name = (form.get("last_name", "").strip() + form.get("first_name", "").strip())[:50]
    values = {
        "channel": key.channel, "request_type": request_type.value,
        "caller_name": name, "caller_phone": phone, "anonymous": not phone,
        "category1": item.path[0], "category2": item.path[1] if len(item.path) > 1 else "",
        "category3": item.path[2] if len(item.path) > 2 else "",
        "district": district, "street": "",
        "address": address_string or (f"经纬度 {lat},{long}" if lat is not None else
                                      f"地址编号 {address_id}"),
        "title": title, "description": description, "urgency": "一般",
    }
    extra = {"lat": lat, "long": long, "address_string": address_string[:200],
             "address_id": address_id[:64], "media_url": form.get("media_url", "").strip()[:500],
             "attributes": json.dumps(attributes, ensure_ascii=False)}
    return values, extra


def file_request(
    session: Session, *, form: Mapping[str, str], key: Open311Key, reference: ReferenceData,
    config: dict[str, Any], city_prefix: str,
) -> dict[str, Any]:
    """Create the ticket (through sync's push, as a seat's create) and remember the request."""
    item = find_service(reference, form.get("service_code", "").strip())
    values, extra = ticket_values(form, item, key, reference)
    now = utc_now()
    mutation = MutationIn(
        mutation_id=str(uuid.uuid4()), ticket_client_id=str(uuid.uuid4()), kind="create",
        base_version=0, payload={**values, "created_at": now.isoformat() + "+00:00"},
        at=now, seat=SEAT, actor=key.partner[:50])
    (answer,) = sync_service.push(session, user=partner_user(key), mutations=[mutation],
                                  reference=reference, config=config, city_prefix=city_prefix)
    if answer["status"] != MutationStatus.APPLIED.value:
        errors: dict[str, str] = answer.get("errors") or {}
        raise Open311Error(400, *([f"{FORM_NAMES.get(name, name)}：{text}" for name, text in errors.items()]
                                  or [answer.get("reason") or "未能受理。"]))
    token = str(uuid.uuid4())
    session.add(Open311Request(token=token, ticket_client_id=mutation.ticket_client_id,
                               key_id=key.id, partner=key.partner, service_code=item.code,
                               requested_at=now, **extra))
    return {"token": token, "service_request_id": answer["official_no"],
            "service_notice": "已受理，办理进展可按 service_request_id 查询。", "account_id": None}


# ---- reading requests back --------------------------------------------------------------------

def w3c(moment: datetime | None) -> str | None:
    """A stored (naive UTC) time in China Standard Time, as the specification's w3c format."""
    if moment is None:
        return None
    return (moment + LOCAL).replace(microsecond=0).isoformat() + "+08:00"


def parse_w3c(name: str, value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise Open311Error(400, f"{name} 应为 w3c 时间，如 2026-12-01T00:00:00+08:00。") from None
    return parsed.astimezone(UTC).replace(tzinfo=None) if parsed.tzinfo else parsed - LOCAL


def status_notes(ticket: Ticket, main_no: str = "") -> str:
    unit = ticket.handling_unit
    notes = {
        Status.ACCEPTED.value: "已受理，正在派单。",
        Status.RETURNED.value: "正在重新派单。",
        Status.DISPATCHED.value: f"已派至{unit}办理。",
        Status.SIGNED.value: f"{unit}已签收，即将办理。",
        Status.IN_PROGRESS.value: f"{unit}正在办理。",
        Status.COMPLETED.value: f"已办结：{ticket.result}",
        Status.CALLED_BACK.value: f"已办结并回访：{ticket.result}",
        Status.ARCHIVED.value: f"已办结：{ticket.result}",
    }
    if ticket.merged_into:
        return f"与同一诉求合并办理（主工单{main_no}）。" if main_no else "与同一诉求合并办理。"
    return notes.get(ticket.status, "")


def request_dict(ticket: Ticket, filed: Open311Request, main_no: str = "") -> dict[str, Any]:
    """A ticket as the specification's request: no caller's name or number, ever."""
    path = [p for p in (ticket.category1, ticket.category2, ticket.category3) if p]
    expected = None
    if ticket.deadline is not None and ticket.status not in CLOSED_STATUSES:
        expected = datetime.combine(ticket.deadline, time(23, 59, 59)) - LOCAL
    return {
        "service_request_id": ticket.official_no,
        "status": "closed" if ticket.status in CLOSED_STATUSES else "open",
        "status_notes": status_notes(ticket, main_no),
        "service_name": path[-1] if path else "", "service_code": service_code(path) if path else "",
        "description": ticket.description, "agency_responsible": ticket.handling_unit,
        "service_notice": "", "requested_datetime": w3c(ticket.created_at),
        "updated_datetime": w3c(ticket.updated_at), "expected_datetime": w3c(expected),
        "address": filed.address_string or ticket.address, "address_id": filed.address_id,
        "zipcode": "", "lat": filed.lat, "long": filed.long, "media_url": filed.media_url,
    }


def _published(key: Open311Key | None) -> Select[Ticket, Open311Request]:
    """Requests filed through Open311 with their tickets; confidential ones only to the partner
    that filed them."""
    statement = select(Ticket, Open311Request).join(
        Open311Request, Open311Request.ticket_client_id == Ticket.client_id)
    if key is None:
        return statement.where(Ticket.confidential.is_(False))
    return statement.where(Ticket.confidential.is_(False) | (Open311Request.partner == key.partner))


def _with_main_numbers(session: Session, rows: Sequence[Any]) -> list[dict[str, Any]]:
    mains = {t.merged_into for t, _ in rows if t.merged_into}
    numbers: dict[str, str] = dict(session.execute(select(Ticket.client_id, Ticket.official_no)
                                                   .where(Ticket.client_id.in_(mains))).all()) if mains else {}
    return [request_dict(t, f, numbers.get(t.merged_into, "")) for t, f in rows]


def get_request(session: Session, *, request_id: str, key: Open311Key | None) -> list[dict[str, Any]]:
    rows = session.execute(_published(key).where(Ticket.official_no == request_id)).all()
    if not rows:
        raise Open311Error(404, f"没有编号为“{request_id[:40]}”的诉求。")
    return _with_main_numbers(session, rows)


def get_token(session: Session, *, token: str) -> list[dict[str, Any]]:
    row = session.execute(select(Ticket.official_no, Open311Request.token).join(
        Open311Request, Open311Request.ticket_client_id == Ticket.client_id)
        .where(Open311Request.token == token)).first()
    if row is None:
        raise Open311Error(404, "没有这个 token：请检查，或直接用 service_request_id 查询。")
    return [{"service_request_id": row.official_no, "token": row.token}]


def _csv(params: Mapping[str, str], name: str) -> list[str]:
    return [part.strip() for part in params.get(name, "").split(",") if part.strip()]


def find_requests(session: Session, *, params: Mapping[str, str], key: Open311Key | None,
                  now: datetime) -> list[dict[str, Any]]:
    """GET requests with the specification's filters (service_request_id overrides the rest)."""
    statement = _published(key)
    ids = _csv(params, "service_request_id")
    if ids:
        statement = statement.where(Ticket.official_no.in_(ids[:MAX_RESULTS]))
    else:
        start = parse_w3c("start_date", params["start_date"]) if params.get("start_date") else None
        end = parse_w3c("end_date", params["end_date"]) if params.get("end_date") else None
        if start is not None and end is not None and end < start:
            raise Open311Error(400, "end_date 早于 start_date。")
        if start is not None and end is not None and end - start > MAX_RANGE:
            raise Open311Error(400, "start_date 到 end_date 最多90天。")
        if start is None:
            start = (end or now) - MAX_RANGE
        if end is None:
            end = start + MAX_RANGE
        statement = statement.where(Ticket.created_at >= start, Ticket.created_at <= end)
        statuses = _csv(params, "status")
        if any(s not in ("open", "closed") for s in statuses):
            raise Open311Error(400, "status 只能是 open 或 closed（可用逗号分隔）。")
        if len(set(statuses)) == 1:
            closed = Ticket.status.in_(sorted(CLOSED_STATUSES))
            statement = statement.where(closed if statuses[0] == "closed" else ~closed)
        codes = _csv(params, "service_code")
        if codes:
            statement = statement.where(Open311Request.service_code.in_(codes))
    rows = session.execute(statement.order_by(Ticket.created_at.desc(), Ticket.id.desc())
                           .limit(MAX_RESULTS)).all()
    return _with_main_numbers(session, rows)


def discovery(base_url: str, now: date) -> dict[str, Any]:
    return {
        "changeset": f"{now.isoformat()}T00:00:00+08:00",
        "contact": "12345 政务服务便民热线中心",
        "key_service": "合作方密钥由热线中心管理员签发：python -m server open311-key --name 合作方",
        "endpoints": [{
            "specification": "http://wiki.open311.org/GeoReport_v2", "url": base_url,
            "changeset": f"{now.isoformat()}T00:00:00+08:00", "type": "production",
            "formats": ["application/json", "text/xml"],
        }],
    }
