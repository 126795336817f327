"""XLSX export (openpyxl): one sheet per table of the dashboard, the brief on the first sheet."""

from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.reports.data import DIMENSION_TITLES, Dashboard, TicketLine, UnitRating

Cell = str | int | float | None

RATING_HEADERS = (
    "排名", "承办单位", "工单数", "综合得分",
    "响应率", "按时签收", "已派单",
    "解决率", "解决分", "已说明解决情况",
    "满意率", "满意及基本满意", "有效回访",
    "按时办结率", "按时办结", "应办结",
    "退单率", "退单", "派至本单位",
)


def rating_row(r: UnitRating) -> list[Cell]:
    return [
        r.rank, r.unit, r.tickets, r.score,
        r.response.percent(), r.response.numerator, r.response.denominator,
        r.solution.percent(), r.solution.numerator, r.solution.denominator,
        r.satisfaction.percent(), r.satisfaction.numerator, r.satisfaction.denominator,
        r.on_time.percent(), r.on_time.numerator, r.on_time.denominator,
        r.returns.percent(), r.returns.numerator, r.returns.denominator,
    ]


# The rating sheet's rate columns (1-based): numbers a spreadsheet can sort and sum, shown as %.
_RATE_COLUMNS = (5, 8, 11, 14, 17)


def rating_cells(r: UnitRating) -> list[Cell]:
    """A rating as the workbook holds it: rates as fractions (formatted 0.00%), none as empty."""
    cells = rating_row(r)
    for column, rate in zip(_RATE_COLUMNS, (r.response, r.solution, r.satisfaction, r.on_time, r.returns),
                            strict=True):
        cells[column - 1] = rate.value
    return cells


def _width(value: object) -> int:
    """Display width: a CJK character takes two columns."""
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _sheet(book: Workbook, title: str, headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> Worksheet:
    sheet: Worksheet = book.create_sheet(title)
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [_width(h) for h in headers]
    for row in rows:
        sheet.append(list(row))
        widths = [max(w, _width(v)) for w, v in zip(widths, list(row) + [None] * len(widths), strict=False)]
    for index, width in enumerate(widths, start=1):
        # As wide as the longest cell (long unit names were cut at 10), within reason.
        sheet.column_dimensions[get_column_letter(index)].width = max(8, min(60, width + 2))
    sheet.freeze_panes = "A2"
    return sheet


def _ticket_rows(lines: Sequence[TicketLine], escalated: bool) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for t in lines:
        row: list[Cell] = [
            t.number, t.title, t.unit, t.status, t.created_at.strftime("%Y-%m-%d %H:%M"),
            t.deadline.isoformat() if t.deadline else "",
        ]
        row += [t.escalations, t.note] if escalated else [t.overdue_days]
        rows.append(row)
    return rows


def write_xlsx(dashboard: Dashboard, path: Path, *, brief_text: str | None = None) -> None:
    """Write the workbook; ``brief_text`` is the (possibly edited) brief, else the generated one."""
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    text = brief_text if brief_text is not None else dashboard.brief.text
    brief = _sheet(book, "简报", ["简报"], ([line] for line in text.splitlines()))
    brief.column_dimensions["A"].width = 120
    for row in brief.iter_rows(min_row=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    period = dashboard.period
    _sheet(book, "概况", ["项目", "数值"], [
        ["统计期间", f"{period.start.isoformat()} 至 {period.end.isoformat()}"],
        ["有效事件", dashboard.totals.valid],
        ["受理事件（含无效）", dashboard.totals.received],
        ["无效事件（合并/作废）", dashboard.totals.invalid],
        ["逾期未办结", dashboard.overdue_total],
        ["督办工单", dashboard.escalated_total],
        ["逾期计算日期", dashboard.as_of.isoformat()],
    ])
    for dimension, rows in dashboard.counts.items():
        title = DIMENSION_TITLES[dimension]
        _sheet(book, title, [title, "件数", "占比(%)"], ([r.label, r.count, float(r.share)] for r in rows))
    _sheet(book, "每日趋势", ["日期", "有效事件"], ([d.day.isoformat(), d.count] for d in dashboard.trend))
    headers = ["工单编号", "标题", "承办单位", "状态", "受理时间", "办理时限"]
    _sheet(book, "逾期工单", [*headers, "逾期天数"], _ticket_rows(dashboard.overdue, False))
    _sheet(book, "督办工单", [*headers, "督办次数", "督办说明"], _ticket_rows(dashboard.escalated, True))
    ratings = _sheet(book, "单位考核", RATING_HEADERS, (rating_cells(r) for r in dashboard.ratings))
    for column in _RATE_COLUMNS:
        for (cell,) in ratings.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = "0.00%"
    for (cell,) in ratings.iter_rows(min_row=2, min_col=4, max_col=4):
        cell.number_format = "0.00"
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
