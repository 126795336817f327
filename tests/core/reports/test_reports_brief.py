from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.reports.__main__ import main
from app.reports.brief import build_brief, example_phrase, result_summary
from app.reports.data import ReportOptions, ShareBase, TicketLine
from app.reports.period import Period, PeriodKind
from app.reports.sample import (
    SEED_BEST_UNITS,
    SEED_WEEK,
    TicketRow,
    insert_rows,
    local_to_utc,
)
from app.store.db import Store

WEEK = Period(*SEED_WEEK, PeriodKind.WEEKLY)
AS_OF = date(2024, 1, 15)

EXPECTED_SEED_BRIEF = """12345热线一周速递
1月8日至14日，全市共受理有效事件12647件，其中电话受理11471件，微信受理1038件，App受理8件，网站受理7件，有诉即办20件，省平台受理103件。
上周群众反映的问题主要集中在以下几类：公共服务5030件，占比39.69%；城市管理1582件，占比12.48%；劳动和社会保障978件，占比7.72%。
经现场办理群众较满意的工单有：梁园区凯旋路与株洲路交叉口东侧污水管道堵塞，向上返水问题，已由梁园区市政建设局疏通清理；梁园区步行街两侧梧桐树因大风导致枝干断裂，存在安全隐患，已由梁园区园林绿化事务中心及时处理完毕；示范区北海路与中州路交叉口西南角处下水道井盖缺损问题，已由市城市管理局修复处理。
上周办理质量较高的单位有：""" + "、".join(SEED_BEST_UNITS) + "。"
# The twenty merged duplicates were calls about the sewer of the first example: the week's hot issue.
EXPECTED_SEED_HOT = "本周热点：群众集中反映的问题有梁园区凯旋路与株洲路交叉口东侧污水管道堵塞，向上返水（20件，来电20人，1月8日至14日）。"


def test_seed_week_brief_states_the_published_figures(seed_store: Store) -> None:
    with seed_store.engine.connect() as conn:
        brief = build_brief(conn, WEEK, as_of=AS_OF)
    assert brief.totals.valid == 12647
    assert brief.totals.received == 12673  # 26 merged or voided tickets are not valid
    assert [(c.label, c.count) for c in brief.channels] == [
        ("电话", 11471), ("微信", 1038), ("App", 8), ("网站", 7), ("有诉即办", 20), ("省平台", 103),
    ]
    assert [(c.label, c.count, c.share) for c in brief.categories] == [
        ("公共服务", 5030, Decimal("39.69")),
        ("城市管理", 1582, Decimal("12.48")),
        ("劳动和社会保障", 978, Decimal("7.72")),
    ]
    assert brief.best_units == list(SEED_BEST_UNITS)
    assert brief.text == EXPECTED_SEED_BRIEF


def test_shares_over_valid_tickets_only_when_asked(seed_store: Store) -> None:
    with seed_store.engine.connect() as conn:
        brief = build_brief(conn, WEEK, as_of=AS_OF, options=ReportOptions(share_base=ShareBase.VALID))
    assert [c.share for c in brief.categories] == [Decimal("39.77"), Decimal("12.51"), Decimal("7.73")]


def test_cli_prints_the_brief(seed_store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code = main([
        "brief", "--data-dir", str(seed_store.path.parent), "--from", "2024-01-08",
        "--to", "2024-01-14", "--kind", "weekly", "--as-of", "2024-01-15",
    ])
    assert code == 0
    assert capsys.readouterr().out.strip() == f"{EXPECTED_SEED_BRIEF}\n{EXPECTED_SEED_HOT}"


def test_cli_refuses_a_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", "--data-dir", str(tmp_path), "--from", "2024-01-08", "--to", "2024-01-14"]) == 1
    assert "没有工单库" in capsys.readouterr().err


def test_empty_period_says_so(seed_store: Store) -> None:
    with seed_store.engine.connect() as conn:
        brief = build_brief(conn, Period.week_of(date(2024, 3, 4)), as_of=AS_OF)
    assert brief.text == "12345热线一周速递\n3月4日至10日，全市未受理有效事件。"


def test_daily_and_monthly_wording(seed_store: Store) -> None:
    with seed_store.engine.connect() as conn:
        daily = build_brief(conn, Period.day(date(2024, 1, 9)), as_of=AS_OF)
        monthly = build_brief(conn, Period.month_of(date(2024, 1, 20)), as_of=AS_OF)
    assert daily.text.startswith("12345热线每日一报\n1月9日，全市共受理有效事件")
    assert "当日群众反映的问题" in daily.text
    assert monthly.text.startswith("12345热线月度通报\n2024年1月，全市共受理有效事件12649件")  # + 1月7日 and 1月15日
    assert "上月办理质量较高的单位有" in monthly.text


def _tickets_around(days: list[date]) -> list[TicketRow]:
    return [
        TicketRow(id=i + 1, created_at=local_to_utc(day, 60), channel="微信", category1="民政")
        for i, day in enumerate(days)
    ]


def test_periods_crossing_months_and_years(empty_store: Store) -> None:
    days = [date(2023, 12, 31), date(2024, 1, 1), date(2024, 1, 1), date(2024, 1, 31), date(2024, 2, 1)]
    with empty_store.engine.begin() as conn:
        insert_rows(conn, _tickets_around(days))
    year = Period(date(2023, 12, 28), date(2024, 1, 3))
    month = Period(date(2024, 1, 29), date(2024, 2, 4))
    with empty_store.engine.connect() as conn:
        year_brief = build_brief(conn, year, as_of=AS_OF)
        month_brief = build_brief(conn, month, as_of=AS_OF)
    assert year_brief.text.splitlines()[1] == (
        "2023年12月28日至2024年1月3日，全市共受理有效事件3件，其中微信受理3件。"
    )
    assert "期间群众反映的问题主要集中在以下几类：民政3件，占比100.00%。" in year_brief.text
    assert month_brief.text.splitlines()[1].startswith("1月29日至2月4日，全市共受理有效事件2件")


def test_local_midnight_bounds() -> None:
    start, stop = WEEK.utc_bounds()
    assert start.isoformat() == "2024-01-07T16:00:00"
    assert stop.isoformat() == "2024-01-14T16:00:00"
    assert Period.infer(date(2024, 1, 8), date(2024, 1, 14)).kind is PeriodKind.WEEKLY
    assert Period.infer(date(2024, 2, 1), date(2024, 2, 29)).kind is PeriodKind.MONTHLY
    assert Period.infer(date(2024, 2, 1), date(2024, 2, 1)).kind is PeriodKind.DAILY
    assert Period.infer(date(2024, 2, 1), date(2024, 2, 9)).kind is PeriodKind.CUSTOM
    assert Period.last_week(date(2024, 1, 17)) == WEEK
    assert Period.last_month(date(2024, 3, 1)) == Period(date(2024, 2, 1), date(2024, 2, 29), PeriodKind.MONTHLY)
    with pytest.raises(ValueError):
        Period(date(2024, 1, 2), date(2024, 1, 1))


def test_example_phrases() -> None:
    line = TicketLine(
        ticket_id=1, number="1", title="北海路井盖缺损问题。", unit="市城市管理局", status="回访",
        created_at=local_to_utc(date(2024, 1, 8), 0), deadline=date(2024, 1, 8) + timedelta(days=3),
        result="经核实，已修复处理。工作人员于次日回访。",
    )
    assert example_phrase(line) == "北海路井盖缺损问题，已由市城市管理局修复处理"
    assert result_summary("x" * 100, limit=10) == "x" * 9 + "…"
