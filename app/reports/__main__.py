"""Command line: ``python -m app.reports brief --data-dir DIR --from 2024-01-08 --to 2024-01-14``.

Sub-commands:
    brief   print the brief's text (for scheduled jobs and acceptance);
    xlsx    write the period's tables to an XLSX workbook.
"""

import argparse
import sys
from datetime import date
from pathlib import Path

from app.paths import resolve_data_dir
from app.reports.brief import build_brief
from app.reports.dashboard import build_dashboard
from app.reports.data import ReportOptions, ShareBase
from app.reports.period import Period, PeriodKind
from app.store.db import STORE_FILENAME, Store


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"日期应写成 YYYY-MM-DD，例如 2024-01-08：{text}") from error


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="python -m app.reports", description="热线报表与简报")
    sub = root.add_subparsers(dest="command", required=True)
    for name, help_text in (("brief", "打印简报文本"), ("xlsx", "导出XLSX报表")):
        cmd = sub.add_parser(name, help=help_text)
        cmd.add_argument("--data-dir", help="座席数据目录（含 hotline-desk.sqlite3）")
        cmd.add_argument("--from", dest="start", type=_date, required=True, help="开始日期（含）")
        cmd.add_argument("--to", dest="end", type=_date, required=True, help="结束日期（含）")
        cmd.add_argument(
            "--kind", choices=[k.value for k in PeriodKind], help="简报类型，缺省时由日期推断"
        )
        cmd.add_argument(
            "--share-base", choices=[b.value for b in ShareBase], default=ShareBase.RECEIVED.value,
            help="占比的分母：received=期间受理的全部事件（与已发布简报一致），valid=有效事件",
        )
        cmd.add_argument("--as-of", type=_date, help="计算逾期的日期，缺省为今天")
        if name == "xlsx":
            cmd.add_argument("--out", type=Path, required=True, help="输出文件 .xlsx")
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.end < args.start:
        print("结束日期不能早于开始日期。", file=sys.stderr)
        return 2
    period = (
        Period(args.start, args.end, PeriodKind(args.kind)) if args.kind
        else Period.infer(args.start, args.end)
    )
    data_dir = resolve_data_dir(args.data_dir)
    if not (data_dir / STORE_FILENAME).exists():
        print(f"数据目录中没有工单库：{data_dir / STORE_FILENAME}", file=sys.stderr)
        return 1
    options = ReportOptions(share_base=ShareBase(args.share_base))
    with Store(data_dir) as store, store.engine.connect() as conn:
        if args.command == "brief":
            print(build_brief(conn, period, options=options, as_of=args.as_of).text)
            return 0
        from app.reports.xlsx import write_xlsx

        dashboard = build_dashboard(conn, period, options=options, as_of=args.as_of)
    write_xlsx(dashboard, args.out)
    print(f"已导出：{args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
