"""Exporting the queue as the import's columns (plus numbers), so an export imports back."""

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from app.store.db import Connection
from app.tickets.queue import QueueFilter, QueueSort, iter_ids
from app.tickets.service import LOCAL_TZ
from app.tickets.spreadsheet import EXPORT_HEADERS, SpreadsheetError, csv_safe

_COLUMNS = ", ".join(name for name in EXPORT_HEADERS.values() if name != "created_at")


def _local(text: str) -> str:
    moment = datetime.fromisoformat(text).replace(tzinfo=UTC).astimezone(LOCAL_TZ)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _text_cell(sheet: WriteOnlyWorksheet, value: str) -> Cell | str:
    """A citizen's text that starts with "=" stays text: openpyxl would write it as a formula,
    Excel would run it, and the import would read back an empty cell."""
    if not value.startswith("="):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


@dataclass
class ExportSummary:
    """What an export wrote, for its audit report (``lifecycle.record_export``)."""

    rows: int = 0
    confidential: int = 0  # rows of confidential tickets (their caller left out)


def export_rows(connection: Connection, flt: QueueFilter, sort: QueueSort,
                summary: ExportSummary | None = None) -> Iterator[list[str]]:
    """Rows in queue order. A confidential caller's identity never leaves the seat in a file."""
    names = [n for n in EXPORT_HEADERS.values() if n != "created_at"]
    for ids in iter_ids(connection, flt, sort, batch=2000):
        placeholders = ", ".join("?" * len(ids))
        fetched = {
            row[0]: dict(zip(["id", "created_at", *names], row, strict=True))
            for row in connection.execute(
                f"SELECT id, created_at, {_COLUMNS} FROM tickets WHERE id IN ({placeholders})", ids
            )
        }
        for ticket_id in ids:
            record = fetched[ticket_id]
            if record["confidential"]:
                record["caller_name"] = record["caller_phone"] = ""
                if summary is not None:
                    summary.confidential += 1
            record["created_at"] = _local(str(record["created_at"]))
            for flag in ("confidential", "anonymous"):
                record[flag] = "是" if record[flag] else ""
            yield ["" if record[n] is None else str(record[n]) for n in EXPORT_HEADERS.values()]


def export_file(connection: Connection, path: Path, flt: QueueFilter, sort: QueueSort) -> int:
    """Write the queue to ``path`` (.csv or .xlsx); returns the number of tickets written."""
    return export_queue(connection, path, flt, sort).rows


def export_queue(connection: Connection, path: Path, flt: QueueFilter, sort: QueueSort) -> ExportSummary:
    """``export_file``, telling also how many confidential tickets went into the file."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise SpreadsheetError("请把导出文件命名为 .csv 或 .xlsx。")
    summary = ExportSummary()
    temporary = path.with_name(path.name + ".part")
    if suffix == ".csv":
        # utf-8-sig: Excel on Windows opens it with the Chinese intact.
        with temporary.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(EXPORT_HEADERS)
            for row in export_rows(connection, flt, sort, summary):
                # A citizen's "=HYPERLINK(...)" must not run in the office's Excel.
                writer.writerow([csv_safe(value) for value in row])
                summary.rows += 1
    else:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("工单")
        sheet.append(list(EXPORT_HEADERS))
        for row in export_rows(connection, flt, sort, summary):
            sheet.append([_text_cell(sheet, value) for value in row])
            summary.rows += 1
        workbook.save(temporary)
    temporary.replace(path)
    return summary
