"""Spreadsheet import and export: good rows in, bad rows reported by number, nothing twice."""

import csv
from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.seat import Seat, open_seat
from app.store.models import Ticket
from app.tickets.exporter import export_file
from app.tickets.importer import import_file
from app.tickets.queue import QueueFilter, QueueSort
from app.tickets.spreadsheet import SpreadsheetError

HEADER = ["受理时间", "渠道", "诉求类型", "一级分类", "二级分类", "区县", "街道", "地址", "标题",
          "诉求内容", "来电人", "联系电话", "紧急程度", "状态", "承办单位", "办理结果", "满意度"]
GOOD_ROWS = [
    ["2025-03-01 09:30", "电话", "投诉", "城市管理", "", "梁园区", "平原街道", "凯旋路88号", "夜间施工噪音",
     "工地每晚打桩", "王女士", "13812345678", "一般", "受理", "", "", ""],
    ["2025/03/02 10:00:05", "微信", "咨询", "劳动和社会保障", "", "", "", "", "社保卡补办",
     "社保卡丢了怎么补办", "李先生", "0370-3221234", "", "办结", "市人力资源和社会保障局", "已答复", "满意"],
    ["2025年3月3日", "网站", "建议", "公共服务", "", "睢阳区", "", "", "",
     "建议增加公交线路\n多开几班车", "", "", "紧急", "", "", "", ""],
]


def write_csv(path: Path, rows: Sequence[Sequence[str]], header: Sequence[str] = HEADER,
              encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], header: Sequence[str] = HEADER) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def tickets(seat: Seat) -> list[Ticket]:
    with seat.store.session() as session:
        return list(session.query(Ticket).order_by(Ticket.created_at))


@pytest.mark.parametrize("kind", ["csv", "xlsx", "gbk"])
def test_good_file_imports_every_row(seat: Seat, tmp_path: Path, kind: str) -> None:
    if kind == "xlsx":
        path = write_xlsx(tmp_path / "in.xlsx", GOOD_ROWS)
    else:
        path = write_csv(tmp_path / "in.csv", GOOD_ROWS, encoding="gbk" if kind == "gbk" else "utf-8-sig")
    report = import_file(seat.store, path, seat.context)
    assert (report.imported, report.already_present, report.errors) == (3, 0, [])
    stored = tickets(seat)
    assert [t.title for t in stored] == ["夜间施工噪音", "社保卡补办", "建议增加公交线路"]  # title from text
    assert stored[0].caller_phone == "13812345678" and stored[0].street == "平原街道"
    assert stored[1].status == "办结" and stored[1].satisfaction == "满意"
    assert stored[2].anonymous and stored[2].urgency == "紧急"
    assert stored[2].description == "建议增加公交线路\n多开几班车"
    assert str(stored[0].created_at) == "2025-03-01 01:30:00"  # 09:30 in UTC+8, stored as UTC


def test_excel_numbers_and_dates_as_cells(seat: Seat, tmp_path: Path) -> None:
    from datetime import datetime
    row: list[object] = list(GOOD_ROWS[0])
    row[0] = datetime(2025, 3, 1, 9, 30)
    row[11] = 13812345678  # Excel turned the number into a float/int
    report = import_file(seat.store, write_xlsx(tmp_path / "in.xlsx", [row]), seat.context)
    assert report.errors == [] and report.imported == 1
    assert tickets(seat)[0].caller_phone == "13812345678"


def test_bad_rows_are_reported_and_good_rows_imported(seat: Seat, tmp_path: Path) -> None:
    bad_phone = [*GOOD_ROWS[0][:11], "12345", *GOOD_ROWS[0][12:]]
    bad_type = [GOOD_ROWS[0][0], "电话", "闲聊", *GOOD_ROWS[0][3:]]
    bad_time = ["昨天下午", *GOOD_ROWS[0][1:]]
    bad_status = [*GOOD_ROWS[0][:13], "作废", *GOOD_ROWS[0][14:]]
    bad_satisfaction = [*GOOD_ROWS[1][:16], "还行"]
    no_text = [*GOOD_ROWS[0][:9], "", *GOOD_ROWS[0][10:]]
    rows = [GOOD_ROWS[0], bad_phone, GOOD_ROWS[1], bad_type, ["", "", ""], bad_time, bad_status,
            bad_satisfaction, no_text, GOOD_ROWS[2]]
    report = import_file(seat.store, write_csv(tmp_path / "in.csv", rows), seat.context)
    assert report.imported == 3
    reasons = dict(report.errors)
    assert sorted(reasons) == [3, 5, 7, 8, 9, 10]  # row numbers as the spreadsheet shows them
    assert "联系电话：手机号码应为11位" in reasons[3]
    assert "诉求类型：“闲聊”不是可选的诉求类型" in reasons[5]
    assert "受理时间“昨天下午”无法识别" in reasons[7]
    assert "状态“作废”不是有效状态" in reasons[8]
    assert "满意度“还行”应为满意" in reasons[9]
    assert "诉求内容：请填写诉求内容" in reasons[10]


def test_unknown_headers_reported_missing_optional_allowed(seat: Seat, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", [["咨询", "公积金怎么提取", "13812345678", "劳动和社会保障", "x"]],
                     header=["诉求类型", "诉求内容", "联系电话", "一级分类", "备注"])
    report = import_file(seat.store, path, seat.context)
    assert report.unknown_headers == ["备注"]
    assert (report.imported, report.errors) == (1, [])


@pytest.mark.parametrize("missing", ["诉求类型", "诉求内容"])
def test_missing_required_header_is_refused(seat: Seat, tmp_path: Path, missing: str) -> None:
    header = [h for h in HEADER if h != missing]
    rows = [[c for h, c in zip(HEADER, GOOD_ROWS[0], strict=True) if h != missing]]
    with pytest.raises(SpreadsheetError, match=f"in.csv 缺少必需的列：{missing}。第一行应为列名。"):
        import_file(seat.store, write_csv(tmp_path / "in.csv", rows, header=header), seat.context)
    assert tickets(seat) == []


@pytest.mark.parametrize(("name", "content", "message"), [
    ("in.xls", b"x", "不支持的文件类型 .xls"),
    ("in.xlsx", b"not a zip", "无法打开 Excel 文件 in.xlsx"),
])
def test_unreadable_files(seat: Seat, tmp_path: Path, name: str, content: bytes, message: str) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(SpreadsheetError, match=message):
        import_file(seat.store, tmp_path / name, seat.context)


@pytest.mark.parametrize("with_time", [True, False])
def test_rerun_imports_nothing_twice(seat: Seat, tmp_path: Path, with_time: bool) -> None:
    rows = GOOD_ROWS if with_time else [["", *r[1:]] for r in GOOD_ROWS]
    path = write_csv(tmp_path / "in.csv", rows)
    assert import_file(seat.store, path, seat.context).imported == 3
    again = import_file(seat.store, path, seat.context)
    assert (again.imported, again.already_present) == (0, 3)
    assert len(tickets(seat)) == 3


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_import_round_trip_into_a_fresh_store(seat: Seat, tmp_path: Path, suffix: str) -> None:
    rows = [*GOOD_ROWS, ["2025-03-04 08:00", "电话", "举报", "城市管理", "", "梁园区", "", "某饭店后门",
                         "=HYPERLINK(\"http://x\")", "偷排油污", "赵先生", "13900001111", "特急", "派单",
                         "市城市管理局", "", ""]]
    import_file(seat.store, write_csv(tmp_path / "in.csv", rows), seat.context)
    exported = tmp_path / f"out{suffix}"
    with seat.store.raw_connection() as connection:
        assert export_file(connection, exported, QueueFilter(), QueueSort(descending=False)) == 4

    fresh = open_seat(tmp_path / "fresh")
    try:
        report = import_file(fresh.store, exported, fresh.context)
        assert (report.imported, report.errors) == (4, [])
        fields = ("local_no", "created_at", "channel", "request_type", "category1", "district", "street",
                  "address", "title", "description", "urgency", "status", "handling_unit", "result",
                  "satisfaction", "deadline", "anonymous", "confidential")
        original = [tuple(getattr(t, f) for f in fields) for t in tickets(seat)]
        copied = [tuple(getattr(t, f) for f in fields) for t in tickets(fresh)]
        # A confidential caller was blanked in the file, so the copy reads as anonymous.
        assert copied[:3] == original[:3]
        assert copied[3][:-2] == original[3][:-2] and copied[3][-2:] == (True, True)
        # 举报 is confidential: the caller never leaves the seat in a file.
        assert [(t.caller_name, t.caller_phone) for t in tickets(fresh)][3] == ("", "")
        assert [t.caller_phone for t in tickets(fresh)][:2] == ["13812345678", "0370-3221234"]
        # Importing the export back into the same store adds nothing.
        assert import_file(seat.store, exported, seat.context).imported == 0
    finally:
        fresh.close()


def test_confidential_callers_are_blanked_in_exports(seat: Seat, tmp_path: Path) -> None:
    rows = [GOOD_ROWS[0], ["2025-03-01 10:00", GOOD_ROWS[0][1], "举报", *GOOD_ROWS[0][3:]]]
    import_file(seat.store, write_csv(tmp_path / "in.csv", rows), seat.context)
    with seat.store.raw_connection() as connection:
        export_file(connection, tmp_path / "out.csv", QueueFilter(), QueueSort(descending=False))
        export_file(connection, tmp_path / "out.xlsx", QueueFilter(), QueueSort(descending=False))
    with (tmp_path / "out.csv").open(encoding="utf-8-sig") as handle:
        records = list(csv.DictReader(handle))
    sheet = load_workbook(tmp_path / "out.xlsx").active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    xlsx_records = [dict(zip(header, [c.value for c in row], strict=True)) for row in sheet.iter_rows(min_row=2)]
    for found in (records, xlsx_records):
        assert [r["保密"] or "" for r in found] == ["", "是"]
        assert [(r["来电人"] or "", r["联系电话"] or "") for r in found] == [
            ("王女士", "13812345678"), ("", "")]
    assert "13812345678" not in (tmp_path / "out.csv").read_text(encoding="utf-8-sig").split("\n", 2)[2]


def test_export_refuses_other_suffixes(seat: Seat, tmp_path: Path) -> None:
    with seat.store.raw_connection() as connection, pytest.raises(SpreadsheetError, match=r"\.csv 或 \.xlsx"):
        export_file(connection, tmp_path / "out.txt", QueueFilter(), QueueSort())
