from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from app.reports.__main__ import main
from app.reports.dashboard import build_dashboard, rescore
from app.reports.data import Dimension, ReportOptions, Weights
from app.reports.period import Period, PeriodKind
from app.reports.sample import SEED_WEEK
from app.reports.xlsx import write_xlsx
from app.store.db import Store

WEEK = Period(*SEED_WEEK, PeriodKind.WEEKLY)
AS_OF = date(2024, 1, 15)


def test_dashboard_counts_trend_and_lists(seed_store: Store) -> None:
    with seed_store.engine.connect() as conn:
        board = build_dashboard(conn, WEEK, as_of=AS_OF)
    for dimension in Dimension:
        assert sum(r.count for r in board.counts[dimension]) == 12647, dimension
    assert board.counts[Dimension.CATEGORY][0].share == Decimal("39.69")
    assert len(board.trend) == 7 and sum(d.count for d in board.trend) == 12647
    assert [d.day for d in board.trend] == WEEK.days()
    # Every tenth ticket of the "other" units is open past its deadline, every second of those escalated.
    assert board.overdue and all(t.deadline is not None and t.deadline < AS_OF for t in board.overdue)
    assert all(t.overdue_days > 0 for t in board.overdue)
    overdue_ids = {t.ticket_id for t in board.overdue}
    assert {t.ticket_id for t in board.escalated if t.deadline and t.deadline < AS_OF} <= overdue_ids
    assert board.escalated and all(t.status == "办理" and t.escalations == 1 for t in board.escalated)
    assert board.escalated[0].note == "逾期未办结，提级督办"
    assert board.ratings[0].rank == 1 and board.ratings[0].score == 100.0
    assert set(board.timings_ms) >= {"totals", "trend", "ratings"}


def test_rescore_changes_ranks_without_querying(seed_store: Store) -> None:
    with seed_store.engine.connect() as conn:
        board = build_dashboard(conn, WEEK, as_of=AS_OF)
    only_returns = rescore(board, ReportOptions(weights=Weights(0, 0, 0, 0, 100)))
    assert only_returns.ratings[0].score == 100.0
    assert {r.unit for r in only_returns.ratings} == {r.unit for r in board.ratings}


def test_xlsx_has_one_sheet_per_table(seed_store: Store, tmp_path: Path) -> None:
    with seed_store.engine.connect() as conn:
        board = build_dashboard(conn, WEEK, as_of=AS_OF)
    path = tmp_path / "week.xlsx"
    write_xlsx(board, path, brief_text="改过的简报\n第二段")
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == [
        "简报", "概况", "受理渠道", "诉求类型", "问题分类", "区县", "承办单位", "每日趋势",
        "逾期工单", "督办工单", "单位考核",
    ]
    assert [r[0] for r in book["简报"].iter_rows(values_only=True)] == ["简报", "改过的简报", "第二段"]
    channels = list(book["受理渠道"].iter_rows(values_only=True))
    assert channels[0] == ("受理渠道", "件数", "占比(%)")
    assert channels[1] == ("电话", 11471, 90.52)
    overview = dict(book["概况"].iter_rows(min_row=2, values_only=True))
    assert overview["有效事件"] == 12647 and overview["无效事件（合并/作废）"] == 26
    ratings = list(book["单位考核"].iter_rows(values_only=True))
    assert ratings[1][:4] == (1, "市城市管理局", board.ratings[0].tickets, 100.0)
    # Rates are numbers shown as percentages, not text like "100.00%"; long unit names fit (13.11).
    sheet = load_workbook(path)["单位考核"]
    rate = sheet.cell(row=2, column=5)
    assert isinstance(rate.value, int | float) and 0 <= rate.value <= 1 and rate.number_format == "0.00%"
    longest = max(len(str(row[1])) for row in ratings[1:])
    assert (sheet.column_dimensions["B"].width or 0) >= 2 * longest
    assert len(list(book["逾期工单"].iter_rows())) == len(board.overdue) + 1


def test_cli_exports_xlsx(seed_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "cli.xlsx"
    assert main([
        "xlsx", "--data-dir", str(seed_store.path.parent), "--from", "2024-01-08",
        "--to", "2024-01-14", "--out", str(out), "--as-of", "2024-01-15",
    ]) == 0
    assert load_workbook(out, read_only=True)["概况"]["B3"].value == 12647
