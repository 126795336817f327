"""Spreadsheet columns shared by import and export, and reading CSV/XLSX files as rows."""

import csv
from collections.abc import Iterator
from pathlib import Path

from openpyxl import load_workbook

# Chinese header → ticket field. Import accepts these; export writes them (plus the numbers).
IMPORT_HEADERS: dict[str, str] = {
    "受理时间": "created_at",
    "渠道": "channel",
    "诉求类型": "request_type",
    "一级分类": "category1",
    "二级分类": "category2",
    "三级分类": "category3",
    "区县": "district",
    "街道": "street",
    "地址": "address",
    "标题": "title",
    "诉求内容": "description",
    "来电人": "caller_name",
    "联系电话": "caller_phone",
    "紧急程度": "urgency",
    "状态": "status",
    "承办单位": "handling_unit",
    "办理结果": "result",
    "满意度": "satisfaction",
    "保密": "confidential",
    "匿名": "anonymous",
}
NUMBER_HEADERS: dict[str, str] = {"本地编号": "local_no", "工单编号": "official_no"}
EXPORT_HEADERS: dict[str, str] = NUMBER_HEADERS | IMPORT_HEADERS
REQUIRED_HEADERS = ("诉求类型", "诉求内容")


class SpreadsheetError(ValueError):
    """The file as a whole cannot be read; the message says why and what to do."""


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_table(path: Path) -> tuple[list[str], Iterator[list[str]]]:
    """The header row and an iterator over the data rows, as strings."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        try:
            workbook = load_workbook(path, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a broken file
            raise SpreadsheetError(f"无法打开 Excel 文件 {path.name}：{error}。请确认文件未损坏、不是 .xls 旧格式。") from error
        rows = workbook.active.iter_rows(values_only=True) if workbook.active else iter(())
        header = [_cell(v).strip() for v in next(rows, ())]
        return header, ([_cell(v) for v in row] for row in rows)
    if suffix == ".csv":
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = path.read_text(encoding=encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise SpreadsheetError(f"{path.name} 的编码无法识别，请另存为 UTF-8 编码的 CSV。")
        reader = csv.reader(text.splitlines())
        header = [h.strip() for h in next(reader, [])]
        return header, reader
    raise SpreadsheetError(f"不支持的文件类型 {path.suffix or '（无扩展名）'}：请使用 .csv 或 .xlsx 文件。")
