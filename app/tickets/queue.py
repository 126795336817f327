"""Queue queries on the raw SQLite connection: ids for a filter and sort, rows for those ids.

The queue keeps only ids (as Anki's browser does) and builds rows for what is on screen, so a
million tickets cost a few megabytes. Everything here is read-only and runs off the GUI thread.
"""

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Date, String, literal_column
from sqlalchemy.dialects import sqlite

from app.domain.deadline import DeadlineClock, DeadlineColumns, DeadlineMark, deadline_condition
from app.domain.enums import OPEN_STATUS_VALUES
from app.store.db import Connection
from app.store.search_text import match_query
from app.tickets.service import LOCAL_TZ

# Sortable columns are the indexed ones; ties fall back on acceptance time in the same
# direction, which the (column, created_at) indexes serve without a sort step.
SORTABLE: dict[str, str] = {
    "created_at": "t.created_at",
    "local_no": "t.local_no",
    "official_no": "t.official_no",
    "status": "t.status",
    "channel": "t.channel",
    "request_type": "t.request_type",
    "category1": "t.category1",
    "district": "t.district",
    "urgency": "t.urgency",
    "deadline": "t.deadline",
    "handling_unit": "t.handling_unit",
    "updated_at": "t.updated_at",
}

# From this many matches on, a search in time order walks the time index (see _source).
ORDERED_SCAN_MIN_MATCHES = 5000
# The deadline rule's columns as the queries below name them. Unary + keeps SQLite off the
# extension index (nearly every row is NULL there): the (status, deadline, created_at,
# extension_to) index answers a due filter, a ticket's row is read only while a request waits.
_DEADLINE_COLUMNS = DeadlineColumns(
    literal_column("t.status", String), literal_column("t.deadline", Date),
    literal_column("+t.extension_to", Date), literal_column("t.extension_since", Date))
_DUE_MARKS = {"overdue": DeadlineMark.OVERDUE, "due_soon": DeadlineMark.DUE_SOON}
_SQLITE = sqlite.dialect()


@dataclass(frozen=True)
class QueueFilter:
    statuses: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    request_types: tuple[str, ...] = ()
    category1: str = ""
    category2: str = ""
    district: str = ""
    street: str = ""
    urgencies: tuple[str, ...] = ()
    # "" (any), "overdue" or "due_soon" by the deadline rule (app.domain.deadline) at ``clock``.
    due: str = ""
    created_from: datetime | None = None
    created_to: datetime | None = None
    search: str = ""
    caller_phone: str = ""
    # The moment and work calendar of the deadline rule (due filters, row colours). Windows pass
    # the seat's calendar; the default knows weekends only.
    clock: DeadlineClock = field(default_factory=lambda: DeadlineClock(datetime.now(LOCAL_TZ).date()))
    # Lifecycle queues (app.tickets.queues.role_views builds them per role).
    handling_unit: str = ""  # the 主办 unit
    co_unit: str = ""  # a 协办 unit
    created_by: str = ""  # the user who took the call (callbacks assigned to an agent)
    # … or, with created_by, the seat's own agent name on this seat: calls taken here before
    # signing in carry it (seat, name). Only a role view sets it.
    also_taken_here_as: tuple[str, ...] = ()
    satisfactions: tuple[str, ...] = ()
    escalated: bool = False  # 督办 level set
    extension_pending: bool = False  # an extension request waits for the dispatcher
    reopened: bool = False  # 重办 at least once
    exclude_merged: bool = False
    duplicates: bool = False  # another open ticket with the same number, or address + category
    # Filters that contradict each other (a role view narrowed by the user's own pickers,
    # app.tickets.queues.narrow): no ticket can match.
    match_nothing: bool = False


@dataclass(frozen=True)
class QueueSort:
    column: str = "created_at"
    descending: bool = True


class QueueRow(NamedTuple):
    id: int
    local_no: str
    official_no: str | None
    created_at: str
    channel: str
    request_type: str
    title: str
    caller_name: str
    caller_phone: str
    confidential: int
    category1: str
    category2: str
    district: str
    street: str
    urgency: str
    status: str
    handling_unit: str
    deadline: str | None
    escalation_level: str
    extension_to: str | None
    extension_since: str | None
    reopen_count: int


_ROW_COLUMNS = ", ".join(QueueRow._fields)


def describe_filter(flt: QueueFilter) -> str:
    """The filter in words, for the audit of an export; never the caller's number it names."""
    parts: list[str] = []
    for label, values in (("状态", flt.statuses), ("渠道", flt.channels), ("诉求类型", flt.request_types),
                          ("紧急程度", flt.urgencies), ("满意度", flt.satisfactions)):
        if values:
            parts.append(f"{label}：{'、'.join(values)}")
    category = "/".join(v for v in (flt.category1, flt.category2) if v)
    place = " ".join(v for v in (flt.district, flt.street) if v)
    for label, value in (("分类", category), ("区域", place), ("主办单位", flt.handling_unit),
                         ("协办单位", flt.co_unit), ("受理人", flt.created_by)):
        if value:
            parts.append(f"{label}：{value}")
    if flt.created_from or flt.created_to:
        start = flt.created_from.date().isoformat() if flt.created_from else "…"
        end = flt.created_to.date().isoformat() if flt.created_to else "…"
        parts.append(f"受理时间：{start} 至 {end}")
    flags = {"overdue": "已超期", "due_soon": "即将到期"}
    if flt.due:
        parts.append(flags.get(flt.due, flt.due))
    for flag, label in ((flt.escalated, "督办件"), (flt.extension_pending, "延期待审批"),
                        (flt.reopened, "重办件"), (flt.exclude_merged, "不含已合并"),
                        (flt.duplicates, "疑似重复")):
        if flag:
            parts.append(label)
    if flt.caller_phone:
        parts.append("按来电号码筛选")
    if flt.search.strip():
        # The words themselves may be a caller's name or number: the audit keeps neither.
        parts.append(f"按关键词搜索（{len(flt.search.split())} 个词）")
    return "；".join(parts) or "全部工单"


def _duplicates_clause() -> str:
    """Another open, unmerged ticket has the same number, or the same address and category.

    The groups of open, unmerged tickets sharing a key are found once (one pass over the open
    tickets, non-correlated subqueries); a ticket inside such a group needs one other member (two
    in all), a closed or merged ticket one. The former correlated EXISTS per ticket could not use
    an index for address + category: it ran for more than 12 minutes at 200,000 tickets.
    """
    open_list = ", ".join(f"'{v}'" for v in OPEN_STATUS_VALUES)
    live = f"t.status IN ({open_list}) AND t.merged_into = ''"

    def sharing(key: str, members: int) -> str:
        return (f"SELECT {key} FROM tickets WHERE status IN ({open_list}) AND merged_into = ''"
                f" GROUP BY {key} HAVING count(*) >= {members}")

    def shared(key: str, value: str) -> str:
        return (f"(({live}) AND {value} IN ({sharing(key, 2)})"
                f" OR NOT ({live}) AND {value} IN ({sharing(key, 1)}))")

    return (f"((t.caller_phone != '' AND {shared('caller_phone', 't.caller_phone')})"
            f" OR (t.address != '' AND {shared('address, category1', '(t.address, t.category1)')}))")


_DUPLICATES = _duplicates_clause()


def _where(flt: QueueFilter) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []

    def any_of(column: str, values: Sequence[str]) -> None:
        if values:
            clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
            params.extend(values)

    any_of("t.status", flt.statuses)
    any_of("t.channel", flt.channels)
    any_of("t.request_type", flt.request_types)
    any_of("t.urgency", flt.urgencies)
    for column, value in (("t.category1", flt.category1), ("t.category2", flt.category2),
                          ("t.district", flt.district), ("t.street", flt.street),
                          ("t.caller_phone", flt.caller_phone)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    if flt.created_from:
        clauses.append("t.created_at >= ?")
        params.append(flt.created_from.isoformat(" "))
    if flt.created_to:
        clauses.append("t.created_at < ?")
        params.append(flt.created_to.isoformat(" "))
    if flt.due:
        condition = deadline_condition(_DUE_MARKS[flt.due], flt.clock, _DEADLINE_COLUMNS)
        clauses.append(str(condition.compile(dialect=_SQLITE, compile_kwargs={"literal_binds": True})))
    if flt.handling_unit:
        clauses.append("t.handling_unit = ?")
        params.append(flt.handling_unit)
    if flt.co_unit:
        clauses.append("t.co_units LIKE ? ESCAPE '\\'")
        quoted = json.dumps(flt.co_unit, ensure_ascii=False)
        params.append("%" + quoted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    if flt.created_by and len(flt.also_taken_here_as) == 2:
        clauses.append("(t.created_by = ? OR (t.created_seat = ? AND t.created_by = ?))")
        params += [flt.created_by, *flt.also_taken_here_as]
    elif flt.created_by:
        clauses.append("t.created_by = ?")
        params.append(flt.created_by)
    any_of("t.satisfaction", flt.satisfactions)
    if flt.escalated:
        clauses.append("t.escalation_level != ''")
    if flt.extension_pending:
        clauses.append("t.extension_to IS NOT NULL")
    if flt.reopened:
        clauses.append("t.reopen_count > 0")
    if flt.exclude_merged:
        clauses.append("t.merged_into = ''")
    if flt.duplicates:
        clauses.append(_DUPLICATES)
    if flt.match_nothing:
        clauses.append("0")
    if flt.search.strip():
        expression = match_query(flt.search)
        if expression is None:
            clauses.append("0")
        else:
            clauses.append("t.id IN (SELECT rowid FROM ticket_search WHERE ticket_search MATCH ?)")
            params.append(expression)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _order(sort: QueueSort) -> str:
    column = SORTABLE.get(sort.column, SORTABLE["created_at"])
    direction = "DESC" if sort.descending else "ASC"
    if column == "t.created_at":
        return f" ORDER BY t.created_at {direction}, t.id {direction}"
    return f" ORDER BY {column} {direction}, t.created_at {direction}"


def _search_only(flt: QueueFilter) -> bool:
    return bool(flt.search.strip()) and replace(flt, search="") == QueueFilter(clock=flt.clock)


def _search_matches(connection: Connection, search: str) -> int:
    """How many tickets the search words match, from the index alone (~1 ms at 1M tickets).

    Every row of ticket_search is a ticket: a ticket's index row goes with the ticket.
    """
    expression = match_query(search)
    if expression is None:
        return 0
    sql = "SELECT count(*) FROM ticket_search WHERE ticket_search MATCH ?"
    return int(connection.execute(sql, [expression]).fetchone()[0])


def _source(connection: Connection, flt: QueueFilter, sort: QueueSort) -> str:
    """The FROM clause. A common word in acceptance-time order walks the (created_at, id) index.

    SQLite's own plan for a search looks up every match's row (a wide one: the description is
    inline) to sort the matches by time: ~120 ms warm and ~470 ms cold for 噪音 (60,000 matches
    in 1M tickets). Walking ix_tickets_created and keeping the ids the search matched stops after
    a screenful instead (~7 ms), but costs a whole walk for a rare word (~115 ms for 130 matches),
    so it is used only from ORDERED_SCAN_MIN_MATCHES matches on.
    """
    if (SORTABLE.get(sort.column, SORTABLE["created_at"]) == SORTABLE["created_at"]
            and _search_only(flt)
            and _search_matches(connection, flt.search) >= ORDERED_SCAN_MIN_MATCHES):
        return "tickets t INDEXED BY ix_tickets_created"
    return "tickets t"


def count(connection: Connection, flt: QueueFilter) -> int:
    if _search_only(flt):
        return _search_matches(connection, flt.search)
    where, params = _where(flt)
    return int(connection.execute(f"SELECT count(*) FROM tickets t{where}", params).fetchone()[0])


@dataclass(frozen=True)
class UnitCount:
    """One 主办 unit's share of a queue: its tickets and how many of them are overdue."""

    unit: str  # "" for tickets not dispatched yet
    tickets: int
    overdue: int


def count_by_unit(connection: Connection, flt: QueueFilter) -> list[UnitCount]:
    """The filter's tickets per 主办 unit, most first (the supervisor's 按承办单位 view)."""
    where, params = _where(flt)
    overdue = deadline_condition(DeadlineMark.OVERDUE, flt.clock, _DEADLINE_COLUMNS)
    late = str(overdue.compile(dialect=_SQLITE, compile_kwargs={"literal_binds": True}))
    sql = (f"SELECT t.handling_unit, count(*), sum(CASE WHEN {late} THEN 1 ELSE 0 END) FROM tickets t"
           f"{where} GROUP BY t.handling_unit ORDER BY count(*) DESC, t.handling_unit")
    return [UnitCount(str(unit or ""), int(n), int(late_n or 0))
            for unit, n, late_n in connection.execute(sql, params)]


def ids_page(
    connection: Connection, flt: QueueFilter, sort: QueueSort, offset: int, limit: int
) -> list[int]:
    where, params = _where(flt)
    sql = f"SELECT t.id FROM {_source(connection, flt, sort)}{where}{_order(sort)} LIMIT ? OFFSET ?"
    return [row[0] for row in connection.execute(sql, [*params, limit, offset])]


def iter_ids(
    connection: Connection, flt: QueueFilter, sort: QueueSort, batch: int = 100_000
) -> Iterator[list[int]]:
    """All ids in queue order, in batches, for loading the full list in the background."""
    where, params = _where(flt)
    cursor = connection.execute(
        f"SELECT t.id FROM {_source(connection, flt, sort)}{where}{_order(sort)}", params)
    while rows := cursor.fetchmany(batch):
        yield [row[0] for row in rows]


def fetch_rows(connection: Connection, ids: Sequence[int]) -> dict[int, QueueRow]:
    """The display rows of ``ids`` (order not kept: the caller has the order)."""
    result: dict[int, QueueRow] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = f"SELECT {_ROW_COLUMNS} FROM tickets WHERE id IN ({', '.join('?' * len(chunk))})"
        for row in connection.execute(sql, list(chunk)):
            result[row[0]] = QueueRow(*row)
    return result
