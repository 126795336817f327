"""Synthetic tickets for tests, the benchmark and the dashboard's demo: raw bulk inserts.

``insert_rows`` writes tickets and their lifecycle events with executemany in the store's own
formats (naive UTC as ``YYYY-MM-DD HH:MM:SS.ffffff``, dates as ISO). The ticket search index is
not filled: reports never read it.
"""

import json
import random
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection

from app.tickets.service import LOCAL_TZ

TICKET_COLUMNS = (
    "id", "client_id", "local_no", "official_no", "channel", "request_type", "caller_name",
    "caller_phone", "anonymous", "confidential", "category1", "category2", "category3", "district",
    "street", "address", "title", "description", "urgency", "handling_unit", "deadline", "status",
    "result", "satisfaction", "created_at", "updated_at", "created_seat", "created_by", "version",
)
EVENT_COLUMNS = ("ticket_id", "at", "seat", "actor", "kind", "detail")

_TICKET_SQL = (
    f"INSERT INTO tickets ({', '.join(TICKET_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in TICKET_COLUMNS)})"
)
_EVENT_SQL = f"INSERT INTO ticket_events ({', '.join(EVENT_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?)"

SEED_WEEK = (date(2024, 1, 8), date(2024, 1, 14))
SEED_CHANNELS = {"电话": 11471, "微信": 1038, "App": 8, "网站": 7, "有诉即办": 20, "省平台": 103}
SEED_TOP_CATEGORIES = {"公共服务": 5030, "城市管理": 1582, "劳动和社会保障": 978}
SEED_OTHER_CATEGORIES = (
    "城乡建设", "交通运输", "环境保护", "教育文体", "卫生计生", "民政", "农村农业", "政法",
    "商贸旅游", "国土资源", "经济管理", "党务政务", "科技与信息产业", "纪检监察",
)
SEED_VALID = 12647
SEED_INVALID = 26  # 12,673 received: the base that gives the published shares
SEED_BEST_UNITS = (
    "市城市管理局", "市公安局", "梁园区人民政府", "虞城县人民政府", "睢县人民政府",
    "梁园区市政建设局", "梁园区王楼乡政府", "梁园区平原街道办事处", "睢阳区住房保障中心",
    "睢阳区郭村镇政府", "睢阳区新城街道办事处", "示范区住建局", "示范区张阁镇政府",
    "示范区平安街道办事处",
)
OTHER_UNITS = (
    "梁园区园林绿化事务中心", "市人力资源和社会保障局", "市住房和城乡建设局", "市交通运输局",
    "市市场监督管理局", "市教育局", "国网商丘供电公司", "商丘市自来水公司", "睢阳区人民政府",
    "永城市人民政府",
)
# The seed's three tickets "经现场办理群众较满意": title, unit, result.
SEED_EXAMPLES = (
    ("梁园区凯旋路与株洲路交叉口东侧污水管道堵塞，向上返水问题", "梁园区市政建设局", "疏通清理。"),
    ("梁园区步行街两侧梧桐树因大风导致枝干断裂，存在安全隐患", "梁园区园林绿化事务中心", "及时处理完毕。"),
    ("示范区北海路与中州路交叉口西南角处下水道井盖缺损问题", "市城市管理局", "修复处理。"),
)
DISTRICTS = ("梁园区", "睢阳区", "示范区", "虞城县", "睢县", "永城市", "夏邑县", "柘城县", "宁陵县", "民权县")
REQUEST_TYPES = ("咨询", "求助", "投诉", "举报", "建议")


def utc_text(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def local_to_utc(day: date, seconds: int) -> datetime:
    local = datetime.combine(day, time(), tzinfo=LOCAL_TZ) + timedelta(seconds=seconds)
    return local.astimezone(UTC).replace(tzinfo=None)


@dataclass
class Events:
    """Lifecycle events of one ticket, relative to its creation."""

    items: list[tuple[str, datetime, dict[str, Any]]] = field(default_factory=list)

    def add(self, kind: str, at: datetime, **detail: Any) -> "Events":
        self.items.append((kind, at, detail))
        return self


@dataclass
class TicketRow:
    id: int
    created_at: datetime
    channel: str = "电话"
    request_type: str = "投诉"
    category1: str = "城市管理"
    district: str = "梁园区"
    title: str = "示例工单"
    urgency: str = "一般"
    handling_unit: str = ""
    deadline: date | None = None
    status: str = "受理"
    result: str = ""
    satisfaction: str = ""
    events: Events = field(default_factory=Events)

    def values(self) -> tuple[Any, ...]:
        created = utc_text(self.created_at)
        return (
            self.id, str(uuid.UUID(int=self.id)), f"T-{self.id:08d}", None, self.channel,
            self.request_type, "", "", False, False, self.category1, "", "", self.district, "",
            "", self.title, self.title, self.urgency, self.handling_unit,
            self.deadline.isoformat() if self.deadline else None, self.status, self.result,
            self.satisfaction, created, created, "S01", "测试", 1,
        )

    def event_values(self) -> Iterator[tuple[Any, ...]]:
        for kind, at, detail in self.events.items:
            yield (self.id, utc_text(at), "S01", "测试", kind, json.dumps(detail, ensure_ascii=False))


def insert_rows(conn: Connection, rows: Iterable[TicketRow], *, batch: int = 20000) -> int:
    """Insert tickets and their events in batches; returns the number of tickets."""
    count = 0
    tickets: list[tuple[Any, ...]] = []
    events: list[tuple[Any, ...]] = []

    def flush() -> None:
        if tickets:
            conn.exec_driver_sql(_TICKET_SQL, tickets)
        if events:
            conn.exec_driver_sql(_EVENT_SQL, events)
        tickets.clear()
        events.clear()

    for row in rows:
        tickets.append(row.values())
        events.extend(row.event_values())
        count += 1
        if len(tickets) >= batch:
            flush()
    flush()
    return count


def next_id(conn: Connection) -> int:
    return int(conn.exec_driver_sql("SELECT COALESCE(MAX(id), 0) FROM tickets").scalar_one()) + 1


def _handled(row: TicketRow, *, sign_hours: float, solved: str, satisfaction: str, done_hours: float) -> None:
    """派单 → 签收 → 办结 → 回访 with the given quality."""
    dispatched = row.created_at + timedelta(minutes=20)
    completed = dispatched + timedelta(hours=done_hours)
    row.events.add("派单", dispatched, **{"from": "受理", "to": "派单", "note": "", "unit": row.handling_unit})
    row.events.add("签收", dispatched + timedelta(hours=sign_hours), **{"from": "派单", "to": "签收", "note": ""})
    row.events.add(
        "办结", completed, **{"from": "办理", "to": "办结", "note": "", "solved": solved}
    )
    row.satisfaction = satisfaction
    row.status = "回访" if satisfaction else "办结"
    row.result = row.result or "已办理，已答复市民。"
    if satisfaction:
        row.events.add("回访", completed + timedelta(hours=20), **{"from": "办结", "to": "回访", "satisfaction": satisfaction})


def seed_week_rows(first_id: int = 1) -> list[TicketRow]:
    """Tickets reproducing the seed's "一周速递" of 1月8日至14日 2024 (plus a few outside it)."""
    rng = random.Random(20240108)
    start, end = SEED_WEEK
    days = (end - start).days + 1
    channels = [c for c, n in SEED_CHANNELS.items() for _ in range(n)]
    other_total = SEED_VALID - sum(SEED_TOP_CATEGORIES.values())
    per_other, extra = divmod(other_total, len(SEED_OTHER_CATEGORIES))
    categories = [c for c, n in SEED_TOP_CATEGORIES.items() for _ in range(n)]
    for i, name in enumerate(SEED_OTHER_CATEGORIES):
        categories += [name] * (per_other + (1 if i < extra else 0))
    rng.shuffle(channels)
    rng.shuffle(categories)
    # The best units get a falling share of the tickets, in the seed's order; the rest go elsewhere.
    best_counts = [400 - 12 * i for i in range(len(SEED_BEST_UNITS))]
    units = [u for u, n in zip(SEED_BEST_UNITS, best_counts, strict=True) for _ in range(n)]
    units += [rng.choice(OTHER_UNITS) for _ in range(SEED_VALID - len(units))]
    best = set(SEED_BEST_UNITS)
    rows: list[TicketRow] = []
    ticket_id = first_id
    for i in range(SEED_VALID):
        day = start + timedelta(days=i % days)
        seconds = (i * 7919) % 86400
        row = TicketRow(
            id=ticket_id, created_at=local_to_utc(day, seconds), channel=channels[i],
            category1=categories[i], district=DISTRICTS[i % len(DISTRICTS)],
            request_type=REQUEST_TYPES[i % len(REQUEST_TYPES)], handling_unit=units[i],
            title=f"{categories[i]}诉求{i}", deadline=day + timedelta(days=10),
        )
        if row.handling_unit in best:
            _handled(row, sign_hours=1, solved="解决", satisfaction="基本满意" if i % 3 else "满意", done_hours=30)
        elif i % 10 == 0:
            row.status, row.deadline = "办理", day + timedelta(days=3)  # open and overdue
            row.events.add("派单", row.created_at + timedelta(minutes=20), unit=row.handling_unit)
            if i % 20 == 0:
                row.events.add("督办", row.created_at + timedelta(days=4), note="逾期未办结，提级督办")
        else:
            _handled(
                row, sign_hours=1 if i % 4 else 5, solved=("解决", "部分解决", "未解决")[i % 3],
                satisfaction=("满意", "基本满意", "不满意", "未联系上")[i % 4], done_hours=50,
            )
        rows.append(row)
        ticket_id += 1
    # The three satisfied tickets the seed quotes: urgent, so they lead the examples.
    for k, (title, unit, result) in enumerate(SEED_EXAMPLES):
        row = rows[k * 1000 + 5]
        row.title, row.handling_unit, row.result, row.urgency = title, unit, result, "紧急"
        row.created_at = local_to_utc(start, 3600 * (9 + k))
        row.events = Events()
        _handled(row, sign_hours=0.5, solved="解决", satisfaction="满意", done_hours=4)
    # Not valid: merged duplicates and voided test calls, still counted as received. The
    # duplicates are more calls about the sewer the first example fixed (its hot issue).
    for k in range(SEED_INVALID):
        row = TicketRow(
            id=ticket_id, created_at=local_to_utc(start + timedelta(days=k % days), 40000 + k),
            category1="公共服务", status="归档", title=SEED_EXAMPLES[0][0] if k < 20 else "测试工单",
        )
        row.events.add("合并" if k < 20 else "作废", row.created_at + timedelta(hours=1), note="")
        rows.append(row)
        ticket_id += 1
    # Just outside the week (local time): the evening before and the midnight after.
    for moment in (local_to_utc(start, -1), local_to_utc(end + timedelta(days=1), 0)):
        rows.append(TicketRow(id=ticket_id, created_at=moment, category1="城乡建设"))
        ticket_id += 1
    return rows


def synthetic_rows(
    first_id: int, count: int, *, start: date, days: int, seed: int = 12345,
    units: Sequence[str] = SEED_BEST_UNITS + OTHER_UNITS,
) -> Iterator[TicketRow]:
    """``count`` plausible tickets spread over ``days`` local days from ``start``."""
    rng = random.Random(seed)
    channel_weights = list(SEED_CHANNELS.values())
    channel_names = list(SEED_CHANNELS)
    categories = list(SEED_TOP_CATEGORIES) + list(SEED_OTHER_CATEGORIES)
    category_weights = [5030, 1582, 978] + [361] * len(SEED_OTHER_CATEGORIES)
    for offset in range(count):
        ticket_id = first_id + offset
        day = start + timedelta(days=offset * days // count)
        created = local_to_utc(day, rng.randrange(86400))
        row = TicketRow(
            id=ticket_id, created_at=created,
            channel=rng.choices(channel_names, channel_weights)[0],
            category1=rng.choices(categories, category_weights)[0],
            district=rng.choice(DISTRICTS), request_type=rng.choice(REQUEST_TYPES),
            handling_unit=rng.choice(units), deadline=day + timedelta(days=rng.choice((3, 5, 17))),
            title=f"工单{ticket_id}",
        )
        roll = rng.random()
        if roll < 0.85:
            _handled(
                row, sign_hours=rng.choice((0.5, 1, 1.5, 3)),
                solved=rng.choices(("解决", "部分解决", "未解决"), (8, 1, 1))[0],
                satisfaction=rng.choices(("满意", "基本满意", "不满意", "未联系上", ""), (6, 2, 1, 1, 1))[0],
                done_hours=rng.choice((4, 30, 100, 400)),
            )
            row.urgency = rng.choices(("一般", "紧急"), (20, 1))[0]
        elif roll < 0.95:
            row.status = "办理"
            row.events.add("派单", created + timedelta(minutes=15), unit=row.handling_unit)
            if rng.random() < 0.2:
                row.events.add("督办", created + timedelta(days=5), note="久拖不办")
        elif roll < 0.99:
            row.status = "退单"
            row.events.add("派单", created + timedelta(minutes=15), unit=row.handling_unit)
            row.events.add("退单", created + timedelta(hours=3), unit=row.handling_unit, note="非本单位职责")
        else:
            row.status = "归档"
            row.events.add("合并", created + timedelta(hours=1), note="重复来电")
        yield row
