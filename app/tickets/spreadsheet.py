"""Spreadsheet columns shared by import and export, and reading CSV/XLSX files as rows."""

import csv
import io
import zipfile
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

# Import limits. A file past them is refused (or, for rows, stopped) with a message saying what
# to do, before it can hold the seat for minutes or eat its memory: a 4 MB XLSX can unzip to
# 1 GB of XML. 200,000 rows is about four months of a city of 8 million (seed: 12,600 a week).
MAX_IMPORT_BYTES = 100 * 1024 * 1024
MAX_XLSX_XML_BYTES = 512 * 1024 * 1024  # all of the workbook's parts, unzipped
# Real workbooks unzip to 3-20x their size (measured on our own exports: see the tests);
# a part that grows more than this is a zip bomb, not a spreadsheet.
MAX_XLSX_RATIO = 100
MAX_IMPORT_ROWS = 200_000

# OWASP CSV injection: a cell starting with one of these is a formula (or DDE) to Excel and
# LibreOffice; prefixed with a single quote it is shown as the text it is.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class SpreadsheetError(ValueError):
    """The file as a whole cannot be read; the message says why and what to do."""


def csv_safe(value: str) -> str:
    """The cell as written to a CSV: a quote before anything a spreadsheet would run.

    A text that already starts with quotes in front of such a character gets one more, so
    ``csv_unescape`` gives every text back exactly (an export imports back unchanged)."""
    if value.lstrip("'").startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def csv_unescape(value: str) -> str:
    """``csv_safe`` undone: the quote it added (and only that one) comes off."""
    if value.startswith("'") and value.lstrip("'").startswith(_FORMULA_STARTS):
        return value[1:]
    return value


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB"


def _check_size(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_IMPORT_BYTES:
        raise SpreadsheetError(
            f"{path.name} 有 {_megabytes(size)}，超过单个导入文件 {_megabytes(MAX_IMPORT_BYTES)} 的上限："
            f"请拆分成几个文件（每个不超过 {MAX_IMPORT_ROWS} 行）分别导入。")


def _check_xlsx_parts(path: Path) -> None:
    """Refuse a zip bomb by the sizes its directory declares, before any XML is parsed.

    A part cannot unzip to more than it declares: Python's zipfile stops there and the CRC
    check then fails, so the declared sizes bound the work."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise SpreadsheetError(
            f"无法打开 Excel 文件 {path.name}：{error}。请确认文件未损坏、不是 .xls 旧格式。") from error
    total = sum(part.file_size for part in parts)
    swollen = [p for p in parts if p.file_size > 1024 * 1024
               and p.file_size > MAX_XLSX_RATIO * max(p.compress_size, 1)]
    if total > MAX_XLSX_XML_BYTES or swollen:
        raise SpreadsheetError(
            f"{path.name} 解压后有 {_megabytes(total)} 的内容，不像正常的表格文件（可能是恶意构造的压缩包），"
            f"未导入任何数据。请在 Excel 中打开确认后另存为新文件，或另存为 CSV 再导入。")


def _xlsx_rows(path: Path) -> tuple[list[str], Iterator[list[str]]]:
    _check_xlsx_parts(path)
    try:
        # read_only: rows are parsed as they are read, never the whole sheet in memory.
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise SpreadsheetError(f"无法打开 Excel 文件 {path.name}：{error}。请确认文件未损坏、不是 .xls 旧格式。") from error
    sheet = workbook.active
    if sheet is None:
        workbook.close()
        return [], iter(())
    rows = sheet.iter_rows(values_only=True)

    def data() -> Iterator[list[str]]:
        try:
            for row in rows:
                yield [_cell(v) for v in row]
        except Exception as error:  # broken XML or a part that fails its CRC, mid-file
            raise SpreadsheetError(f"文件在此处损坏，无法继续读取（{type(error).__name__}）") from error
        finally:
            workbook.close()

    try:
        header = [_cell(v).strip() for v in next(rows, ())]
    except Exception as error:
        workbook.close()
        raise SpreadsheetError(f"无法读取 Excel 文件 {path.name} 的第一行：{error}。") from error
    return header, data()


def _csv_rows(path: Path) -> tuple[list[str], Iterator[list[str]]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = path.read_text(encoding=encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SpreadsheetError(f"{path.name} 的编码无法识别，请另存为 UTF-8 编码的 CSV。")
    # newline="": line breaks inside quoted cells (a multi-line 诉求内容) stay in the cell.
    reader = csv.reader(io.StringIO(text, newline=""))

    def data() -> Iterator[list[str]]:
        try:
            for row in reader:
                yield [csv_unescape(cell) for cell in row]
        except csv.Error as error:  # a cell past csv's size limit, a broken quote
            raise SpreadsheetError(f"此行无法读取（{error}），其后的行也未导入；请检查该行的引号和长度") from error

    try:
        header = [h.strip() for h in next(reader, [])]
    except csv.Error as error:
        raise SpreadsheetError(f"{path.name} 的第一行无法读取：{error}。第一行应为列名。") from error
    return header, data()


def read_table(path: Path) -> tuple[list[str], Iterator[list[str]]]:
    """The header row and an iterator over the data rows, as strings.

    The file is refused (SpreadsheetError) when it is too big or not a spreadsheet; the
    iterator raises SpreadsheetError where the rest of the file cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise SpreadsheetError(f"不支持的文件类型 {path.suffix or '（无扩展名）'}：请使用 .csv 或 .xlsx 文件。")
    _check_size(path)
    return _xlsx_rows(path) if suffix == ".xlsx" else _csv_rows(path)
