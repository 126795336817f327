"""Importing tickets from a spreadsheet: every good row in, every bad row reported, no row twice."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.domain.enums import Satisfaction, Status
from app.domain.ticket import FIELD_LABELS, TicketInput, validate_ticket
from app.store.db import Store
from app.tickets.bulk import IMPORT_NAMESPACE, NewTicket, insert_batch
from app.tickets.service import LOCAL_TZ, TicketContext, utc_now
from app.tickets.spreadsheet import (
    IMPORT_HEADERS,
    MAX_IMPORT_ROWS,
    NUMBER_HEADERS,
    REQUIRED_HEADERS,
    SpreadsheetError,
    read_table,
)

_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M",
                 "%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日")
_TRUE = {"是", "1", "true", "True", "TRUE", "Y", "y", "保密", "匿名"}
BATCH_SIZE = 5000
# 受理时间 outside these is a typing slip (9999-12-31, 1900-01-01), not a ticket: a row error.
# The future is allowed the few minutes a seat's clock may be off by.
EARLIEST_ACCEPTED = datetime(2000, 1, 1)
FUTURE_SLACK = timedelta(minutes=10)


@dataclass
class ImportReport:
    imported: int = 0
    already_present: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    unknown_headers: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"导入 {self.imported} 条，已存在跳过 {self.already_present} 条，"
                f"出错 {len(self.errors)} 条")


def parse_local_time(text: str) -> datetime:
    """A local (UTC+8) time as typed in a spreadsheet → naive UTC."""
    cleaned = text.strip().replace("T", " ")
    for pattern in _TIME_FORMATS:
        try:
            local = datetime.strptime(cleaned.split(".")[0], pattern)
        except ValueError:
            continue
        moment = local.replace(tzinfo=LOCAL_TZ).astimezone(UTC).replace(tzinfo=None)
        if local < EARLIEST_ACCEPTED or moment > utc_now() + FUTURE_SLACK:
            raise ValueError(f"受理时间“{text}”不在 {EARLIEST_ACCEPTED.year} 年至今的范围内")
        return moment
    raise ValueError(f"受理时间“{text}”无法识别，请写成 2024-01-08 09:30 的格式")


def parse_row(record: dict[str, str], context: TicketContext) -> NewTicket:
    """One spreadsheet row → a validated ticket; ValueError says what is wrong with it."""
    data: dict[str, object] = dict(record)
    if not record.get("title"):
        # Many exports have no title column: the first words of the request stand in for it.
        data["title"] = record.get("description", "").strip().split("\n")[0][:30]
    phone, name = record.get("caller_phone", ""), record.get("caller_name", "")
    data["anonymous"] = record.get("anonymous", "") in _TRUE or not (phone or name)
    data["confidential"] = record.get("confidential", "") in _TRUE or record.get("request_type") == "举报"
    data.setdefault("channel", "电话")
    data["urgency"] = record.get("urgency") or "一般"
    validation = validate_ticket(TicketInput.from_dict(data), context.reference,
                                 default_area_code=context.settings.default_area_code)
    if not validation.ok:
        raise ValueError("；".join(f"{FIELD_LABELS.get(k, k)}：{v}" for k, v in validation.errors.items()))
    status = record.get("status") or Status.ACCEPTED.value
    if status not in Status._value2member_map_:
        raise ValueError(f"状态“{status}”不是有效状态（{'、'.join(s.value for s in Status)}）")
    satisfaction = record.get("satisfaction", "")
    if satisfaction and satisfaction not in Satisfaction._value2member_map_:
        raise ValueError(f"满意度“{satisfaction}”应为{'、'.join(s.value for s in Satisfaction)}之一")
    created = record.get("created_at", "")
    # Without an acceptance time each run would stamp "now" and the row would look new every
    # time: then the row's own cells identify it, so a rerun still imports nothing twice.
    client_id = "" if created else str(uuid.uuid5(
        IMPORT_NAMESPACE, "row|" + "|".join(f"{k}={v}" for k, v in sorted(record.items()))))
    return NewTicket(
        client_id=client_id,
        values=validation.values,
        created_at=parse_local_time(created) if created else utc_now(),
        status=status,
        satisfaction=satisfaction,
        local_no=record.get("local_no", ""),
        official_no=record.get("official_no") or None,
    )


class ImportCancelled(Exception):
    """Raised by a ``progress`` callback to stop between batches: the batches written stay, and
    importing the file again adds only the rest (rows are keyed by their content)."""

    def __init__(self, done: int) -> None:
        super().__init__(done)
        self.done = done


def import_file(
    store: Store, path: Path, context: TicketContext,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import ``path`` in batches, each batch its own transaction (a crash loses no batch twice).
    ``progress(rows done)`` after each batch may raise ImportCancelled to stop there."""
    header, rows = read_table(path)
    known = IMPORT_HEADERS | NUMBER_HEADERS
    missing = [name for name in REQUIRED_HEADERS if name not in header]
    if missing:
        raise SpreadsheetError(f"{path.name} 缺少必需的列：{'、'.join(missing)}。第一行应为列名。")
    report = ImportReport(unknown_headers=[h for h in header if h and h not in known])
    columns = [(i, known[h]) for i, h in enumerate(header) if h in known]
    batch: list[NewTicket] = []

    def flush() -> None:
        inserted = insert_batch(store, batch, context)
        report.imported += inserted
        report.already_present += len(batch) - inserted
        batch.clear()
        if progress:
            progress(report.imported + report.already_present)

    number = 1
    try:
        for number, row in enumerate(rows, start=2):
            # Blank rows count too: a file of millions of empty rows is no lighter to read.
            if number - 1 > MAX_IMPORT_ROWS:
                report.errors.append((number, f"超过单个文件 {MAX_IMPORT_ROWS} 行的上限：此行及以后未读取，"
                                              "如其后还有工单，请另存为一个文件再导入（已导入的不会重复）"))
                break
            if not any(cell.strip() for cell in row):
                continue
            record = {name: row[i].strip() if i < len(row) else "" for i, name in columns}
            try:
                batch.append(parse_row(record, context))
            except (ValueError, ArithmeticError) as error:  # OverflowError: a date past 9999
                report.errors.append((number, str(error)))
            if len(batch) >= BATCH_SIZE:
                flush()
    except SpreadsheetError as error:  # the rest of the file cannot be read: keep what was
        report.errors.append((number + 1, str(error)))
    if batch:
        flush()
    return report
