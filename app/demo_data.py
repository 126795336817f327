"""Realistic demo tickets generated from the project's own templates.

The generator reads ``resources/demo/templates.json`` (text written for this project) and the
reference CSVs in ``resources/reference/`` and yields plain dicts, one per ticket, with the
field names of the ticket model. It knows nothing of Qt or of the store: the caller decides
what to do with the dicts (``main.py --demo`` saves them through the app's services).

Example:
    >>> from datetime import datetime, timedelta
    >>> end = datetime(2024, 1, 15, tzinfo=SHANGHAI)
    >>> tickets = list(generate_demo_tickets(3, start=end - timedelta(days=30), end=end))
    >>> sorted(tickets[0]) == sorted(TICKET_FIELDS)
    True
"""

from __future__ import annotations

import bisect
import csv
import itertools
import json
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.domain.calendar import LOCAL_TZ
from app.resources import resource_path

__all__ = [
    "CHANNELS",
    "REQUEST_TYPES",
    "RESOURCES_DIR",
    "SATISFACTIONS",
    "SHANGHAI",
    "STATUSES",
    "TICKET_FIELDS",
    "URGENCIES",
    "generate_demo_tickets",
]

RESOURCES_DIR = resource_path()
TEMPLATES_PATH = RESOURCES_DIR / "demo" / "templates.json"
REFERENCE_DIR = RESOURCES_DIR / "reference"

#: 商丘 keeps China Standard Time all year, so a fixed offset is exact.
SHANGHAI = LOCAL_TZ  # the city's clock (app.domain.calendar)

TICKET_FIELDS: tuple[str, ...] = (
    "channel",
    "request_type",
    "caller_name",
    "caller_phone",
    "anonymous",
    "confidential",
    "category1",
    "category2",
    "category3",
    "district",
    "street",
    "address",
    "title",
    "description",
    "urgency",
    "handling_unit",
    "status",
    "result",
    "satisfaction",
    "created_at",
)

# Weights follow the seed's week (12,647 tickets: 电话 11,471, 微信 1,038, 省平台 103,
# 有诉即办 20, App 8, 网站 7), with the rare channels nudged up so a demo shows each of them.
CHANNELS: dict[str, int] = {
    "电话": 9050,
    "微信": 820,
    "省平台": 80,
    "有诉即办": 16,
    "人民网留言板": 8,
    "App": 8,
    "网站": 8,
    "微博": 5,
    "邮箱": 5,
}
REQUEST_TYPES: dict[str, int] = {
    "咨询": 33,
    "投诉": 30,
    "求助": 20,
    "建议": 5,
    "举报": 5,
    "其他": 4,
    "表扬": 3,
}
URGENCIES: tuple[str, ...] = ("一般", "紧急", "特急")
STATUSES: tuple[str, ...] = ("受理", "派单", "签收", "办理", "办结", "回访", "归档")
SATISFACTIONS: dict[str, int] = {"满意": 72, "基本满意": 14, "不满意": 6, "未联系上": 8}

# The seed's weekly report: 公共服务 39.7 %, 城市管理 12.5 %, 劳动和社会保障 7.7 %.
_CATEGORY_WEIGHTS: dict[str, float] = {"公共服务": 4.0, "城市管理": 2.0, "劳动和社会保障": 1.5}
# Most calls come from the city proper.
_DISTRICT_WEIGHTS: dict[str, float] = {"梁园区": 6.0, "睢阳区": 6.0, "示范区": 3.0}
_HOTLINE_UNIT_TYPE = "热线"

# Kinds of district-level unit a template may prefer ("local_unit"), matched by name.
_ROLE_NAME_PARTS: dict[str, tuple[str, ...]] = {
    "政府": ("人民政府",),
    "住建": ("住房和城乡建设局", "住建局", "市政建设局"),
    "城管": ("城市管理局",),
    "人社": ("人力资源和社会保障局",),
    "教育": ("教育局",),
    "市场监管": ("市场监督管理局",),
    "卫健": ("卫生健康委员会",),
    "民政": ("民政局",),
    "农业农村": ("农业农村局",),
    "交通": ("交通运输局",),
    "公安": ("公安",),
    "生态环境": ("生态环境",),
}
_VILLAGE_SUFFIXES: tuple[str, ...] = ("庄村", "楼村", "集村", "营村", "寨村", "庙村")
_RESULT_STATUSES = frozenset({"办结", "回访", "归档"})
# Request types whose callers press for action (and get follow-up sentences, higher urgency).
_PRESSING_TYPES = frozenset({"投诉", "求助", "举报"})
# Number blocks of the three mobile carriers; the 8 digits after them are random.
_MOBILE_PREFIXES: tuple[str, ...] = (
    *(f"13{d}" for d in "0123456789"),
    *(f"15{d}" for d in "012356789"),
    "166",
    *(f"17{d}" for d in "35678"),
    *(f"18{d}" for d in "012356789"),
    *("191", "198", "199"),
)


@dataclass(frozen=True, slots=True)
class _Template:
    request_type: str
    category: tuple[str, str, str]
    title: str
    descriptions: tuple[str, ...]
    unit: str
    local_unit: str
    result: str
    urgency: str
    address: str
    channel: str


@dataclass(frozen=True, slots=True)
class _Resources:
    templates_by_type: dict[str, tuple[_Template, ...]]
    template_cum_weights: dict[str, tuple[float, ...]]
    slots: dict[str, tuple[str, ...]]
    follow_ups: tuple[str, ...]
    districts: tuple[str, ...]
    district_cum_weights: tuple[float, ...]
    streets: dict[str, tuple[str, ...]]
    local_units: dict[tuple[str, str], tuple[str, ...]]
    street_units: dict[tuple[str, str], str]
    hotline_units: frozenset[str]


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _str_tuple(value: Any, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value) or not value:
        raise ValueError(f"templates.json: {what} must be a non-empty list of strings")
    return tuple(value)


def _parse_template(raw: Any) -> _Template:
    if not isinstance(raw, dict):
        raise ValueError("templates.json: every template must be an object")
    category = _str_tuple(raw.get("category"), "category")
    if len(category) != 3:
        raise ValueError(f"templates.json: category needs three levels: {category}")
    fields: dict[str, str] = {}
    for key in ("request_type", "title", "unit", "local_unit", "result", "urgency", "address"):
        value = raw.get(key)
        if not isinstance(value, str):
            raise ValueError(f"templates.json: {key} must be a string in {raw.get('title')!r}")
        fields[key] = value
    channel = raw.get("channel", "")
    if not isinstance(channel, str) or (channel and channel not in CHANNELS):
        raise ValueError(f"templates.json: unknown channel {channel!r}")
    return _Template(
        request_type=fields["request_type"],
        category=(category[0], category[1], category[2]),
        title=fields["title"],
        descriptions=_str_tuple(raw.get("descriptions"), "descriptions"),
        unit=fields["unit"],
        local_unit=fields["local_unit"],
        result=fields["result"],
        urgency=fields["urgency"],
        address=fields["address"],
        channel=channel,
    )


@lru_cache(maxsize=1)
def _load() -> _Resources:
    doc = json.loads(TEMPLATES_PATH.read_text(encoding="utf-8"))
    if not isinstance(doc, dict):
        raise ValueError("templates.json must hold an object")
    raw_slots = doc.get("slots")
    if not isinstance(raw_slots, dict):
        raise ValueError("templates.json: slots must be an object")
    slots = {str(k): _str_tuple(v, f"slots.{k}") for k, v in raw_slots.items()}
    follow_ups = _str_tuple(doc.get("follow_ups"), "follow_ups")
    raw_templates = doc.get("templates")
    if not isinstance(raw_templates, list):
        raise ValueError("templates.json: templates must be a list")
    templates = [_parse_template(t) for t in raw_templates]

    by_type: dict[str, tuple[_Template, ...]] = {}
    cum: dict[str, tuple[float, ...]] = {}
    for rtype in REQUEST_TYPES:
        group = tuple(t for t in templates if t.request_type == rtype)
        if not group:
            raise ValueError(f"templates.json: no template for request type {rtype}")
        by_type[rtype] = group
        weights = (_CATEGORY_WEIGHTS.get(t.category[0], 1.0) for t in group)
        cum[rtype] = tuple(itertools.accumulate(weights))

    streets: dict[str, list[str]] = {}
    for row in _read_csv(REFERENCE_DIR / "districts.csv"):
        streets.setdefault(row["区县"], []).append(row["乡镇街道"])
    districts = tuple(streets)
    district_cum = tuple(itertools.accumulate(_DISTRICT_WEIGHTS.get(d, 1.0) for d in districts))

    local: dict[tuple[str, str], list[str]] = {}
    street_units: dict[tuple[str, str], str] = {}
    hotline_units: set[str] = set()
    for row in _read_csv(REFERENCE_DIR / "units.csv"):
        name, kind, county = row["单位名称"], row["类型"], row["区县"]
        if kind == _HOTLINE_UNIT_TYPE:
            hotline_units.add(name)
        if not county:
            continue
        if kind == "乡镇街道":
            street = name.removeprefix(county).removesuffix("办事处").removesuffix("政府")
            street_units[(county, street)] = name
            continue
        for role, parts in _ROLE_NAME_PARTS.items():
            if any(p in name for p in parts):
                local.setdefault((county, role), []).append(name)

    return _Resources(
        templates_by_type=by_type,
        template_cum_weights=cum,
        slots=slots,
        follow_ups=follow_ups,
        districts=districts,
        district_cum_weights=district_cum,
        streets={d: tuple(s) for d, s in streets.items()},
        local_units={k: tuple(v) for k, v in local.items()},
        street_units=street_units,
        hotline_units=frozenset(hotline_units),
    )


class _Fill(dict[str, str]):
    """Slot values for one ticket, drawn the first time a pattern asks for them."""

    def __init__(self, rng: random.Random, slots: dict[str, tuple[str, ...]]) -> None:
        super().__init__()
        self._rng = rng
        self._slots = slots

    def __missing__(self, key: str) -> str:
        if key == "road2":
            roads = self._slots["road"]
            first = self["road"]
            value = first
            while value == first:
                value = self._rng.choice(roads)
        else:
            value = self._rng.choice(self._slots[key])
        self[key] = value
        return value


@dataclass(slots=True)
class _Caller:
    name: str
    phone: str
    district: str
    street: str


def _pick_weighted(rng: random.Random, items: Sequence[str], cum: Sequence[float]) -> str:
    return items[bisect.bisect_right(cum, rng.random() * cum[-1])]


def _fake_phone(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return f"0370-{rng.randint(2, 8)}{rng.randint(0, 999999):06d}"
    return f"{rng.choice(_MOBILE_PREFIXES)}{rng.randint(0, 99999999):08d}"


def _fake_name(rng: random.Random, slots: dict[str, tuple[str, ...]]) -> str:
    surname = rng.choice(slots["surname"])
    if rng.random() < 0.4:
        return surname + rng.choice(("先生", "女士"))
    return surname + rng.choice(slots["given_name"])


def _timestamps(rng: random.Random, count: int, start: datetime, end: datetime) -> list[datetime]:
    """Sorted creation times, most of them in waking hours as a hotline's calls are."""
    span = (end - start).total_seconds()
    times: list[float] = []
    for _ in range(count):
        offset = rng.random() * span
        for _retry in range(2):
            hour = (start + timedelta(seconds=offset)).astimezone(SHANGHAI).hour
            if hour >= 7 or rng.random() < 0.25:
                break
            offset = rng.random() * span
        times.append(offset)
    times.sort()
    return [(start + timedelta(seconds=int(t))).astimezone(SHANGHAI) for t in times]


def _status_for_age(rng: random.Random, age: timedelta, answered_on_the_spot: bool) -> str:
    hours = age.total_seconds() / 3600
    if answered_on_the_spot:
        # The seat answered it during the call: closed at once, called back and archived later.
        if hours < 24:
            return "办结"
        return rng.choices(("办结", "回访", "归档"), (1, 2, 12 if hours > 72 else 2))[0]
    if hours < 2:
        weights: tuple[int, ...] = (6, 3, 1, 0, 0, 0, 0)
    elif hours < 24:
        weights = (1, 4, 3, 2, 0, 0, 0)
    elif hours < 72:
        weights = (0, 1, 3, 4, 2, 0, 0)
    elif hours < 24 * 14:
        weights = (0, 0, 1, 3, 4, 3, 1)
    else:
        weights = (0, 0, 0, 1, 1, 2, 14)
    return rng.choices(STATUSES, weights)[0]


def _urgency(rng: random.Random, template_urgency: str, request_type: str) -> str:
    if request_type not in _PRESSING_TYPES:
        return "一般"
    if template_urgency == "特急":
        return "特急"
    if template_urgency == "紧急":
        return rng.choices(URGENCIES, (25, 65, 10))[0]
    return rng.choices(URGENCIES, (97, 3, 0))[0]


def _choose_unit(
    rng: random.Random, res: _Resources, tpl: _Template, district: str, street: str
) -> str:
    if tpl.unit in res.hotline_units and not tpl.local_unit:
        return tpl.unit
    local: tuple[str, ...] = ()
    if tpl.local_unit == "街道":
        unit = res.street_units.get((district, street))
        local = (unit,) if unit else ()
    elif tpl.local_unit:
        local = res.local_units.get((district, tpl.local_unit), ())
    if local and rng.random() < 0.75:
        return rng.choice(local)
    return tpl.unit


def generate_demo_tickets(
    count: int, *, seed: int = 0, start: datetime, end: datetime
) -> Iterator[dict[str, object]]:
    """Yield ``count`` demo tickets created between ``start`` and ``end``, oldest first.

    Args:
        count: How many tickets to make (0 or more).
        seed: The same seed, count and period always give the same tickets.
        start: Earliest creation time; a naive datetime is read as 商丘 local time.
        end: Latest creation time (exclusive); tickets near it are still early in their
            lifecycle, older ones are further along (办结, 回访, 归档).

    Yields:
        Plain dicts whose keys are exactly :data:`TICKET_FIELDS`; ``created_at`` is a
        timezone-aware datetime in UTC+8.

    Raises:
        ValueError: ``count`` is negative or ``end`` is not after ``start``.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    if start.tzinfo is None:
        start = start.replace(tzinfo=SHANGHAI)
    if end.tzinfo is None:
        end = end.replace(tzinfo=SHANGHAI)
    if end <= start:
        raise ValueError("end must be after start")

    res = _load()
    rng = random.Random(seed)
    slots = res.slots
    channels = tuple(CHANNELS)
    channel_cum = tuple(itertools.accumulate(CHANNELS.values()))
    rtypes = tuple(REQUEST_TYPES)
    rtype_cum = tuple(itertools.accumulate(REQUEST_TYPES.values()))
    satisfactions = tuple(SATISFACTIONS)
    satisfaction_weights = tuple(SATISFACTIONS.values())
    callers: list[_Caller] = []

    for created_at in _timestamps(rng, count, start, end):
        rtype = _pick_weighted(rng, rtypes, rtype_cum)
        group = res.templates_by_type[rtype]
        cum = res.template_cum_weights[rtype]
        tpl = group[bisect.bisect_right(cum, rng.random() * cum[-1])]
        channel = tpl.channel or _pick_weighted(rng, channels, channel_cum)

        anonymous = rng.random() < (0.35 if rtype == "举报" else 0.06)
        if anonymous:
            district = _pick_weighted(rng, res.districts, res.district_cum_weights)
            street = rng.choice(res.streets[district])
            name = ""
            phone = _fake_phone(rng) if rng.random() < 0.5 else ""
        elif callers and rng.random() < 0.22:
            # Someone calling again, often about the same place.
            caller = rng.choice(callers)
            name, phone = caller.name, caller.phone
            district, street = caller.district, caller.street
        else:
            district = _pick_weighted(rng, res.districts, res.district_cum_weights)
            street = rng.choice(res.streets[district])
            name = _fake_name(rng, slots)
            phone = "" if channel == "人民网留言板" and rng.random() < 0.5 else _fake_phone(rng)
            callers.append(_Caller(name, phone, district, street))

        fill = _Fill(rng, slots)
        fill["district"] = district
        fill["street"] = street
        title = tpl.title.format_map(fill)
        description = rng.choice(tpl.descriptions).format_map(fill)
        if rtype in _PRESSING_TYPES and rng.random() < 0.25:
            description += rng.choice(res.follow_ups).format_map(fill)
        if tpl.address:
            address = district + tpl.address.format_map(fill)
        elif street.endswith(("镇", "乡")) and rng.random() < 0.7:
            address = (
                f"{district}{street}{rng.choice(slots['surname'])}{rng.choice(_VILLAGE_SUFFIXES)}"
            )
        else:
            address = district + street

        unit = _choose_unit(rng, res, tpl, district, street)
        on_the_spot = unit in res.hotline_units
        status = _status_for_age(rng, end - created_at, on_the_spot)
        handling_unit = "" if status == "受理" and not on_the_spot else unit
        fill["handler"] = unit
        result = tpl.result.format_map(fill) if status in _RESULT_STATUSES else ""
        satisfaction = ""
        if status == "归档" or (status == "回访" and rng.random() < 0.7):
            if phone:
                satisfaction = rng.choices(satisfactions, satisfaction_weights)[0]
            else:
                satisfaction = "未联系上"

        yield {
            "channel": channel,
            "request_type": rtype,
            "caller_name": name,
            "caller_phone": phone,
            "anonymous": anonymous,
            "confidential": rtype == "举报" or rng.random() < 0.02,
            "category1": tpl.category[0],
            "category2": tpl.category[1],
            "category3": tpl.category[2],
            "district": district,
            "street": street,
            "address": address,
            "title": title,
            "description": description,
            "urgency": _urgency(rng, tpl.urgency, rtype),
            "handling_unit": handling_unit,
            "status": status,
            "result": result,
            "satisfaction": satisfaction,
            "created_at": created_at,
        }
