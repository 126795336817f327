"""Command line: ``python -m app.reports brief --data-dir DIR --from 2024-01-08 --to 2024-01-14``.

Sub-commands:
    brief     print the brief's text, with its 本周热点 and 预警 paragraphs (for scheduled jobs
              and acceptance);
    xlsx      write the period's tables to an XLSX workbook;
    hotspots  the period's hot issues: every ticket of the top N groups to a CSV, the top N,
              the warnings, repeat callers and long-running groups printed (progress on stderr).
    calls     the period's call figures in total, by seat and by line; the last line is
              ``offered=… answered=… abandoned=… answer_rate=… answer15_rate=… aht_s=…``.
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
from app.store.keys import StoreKeyError
from app.store.terminal import STORE_LOCKED_EXIT, terminal_prompt
from app.store.unlock import open_store


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
    calls = sub.add_parser("calls", help="来电统计：接通率、15秒接通率、呼损、平均等待与通话时长")
    calls.add_argument("--data-dir", help="座席数据目录（含 hotline-desk.sqlite3）")
    calls.add_argument("--from", dest="start", type=_date, required=True, help="开始日期（含）")
    calls.add_argument("--to", dest="end", type=_date, required=True, help="结束日期（含）")
    hot = sub.add_parser("hotspots", help="热点问题与预警（分析研判）")
    hot.add_argument("--data-dir", help="座席数据目录（含 hotline-desk.sqlite3）")
    hot.add_argument("--from", dest="start", type=_date, required=True, help="开始日期（含）")
    hot.add_argument("--to", dest="end", type=_date, required=True, help="结束日期（含）")
    hot.add_argument("--top", type=_positive, default=10, help="列出热度最高的前N组（默认10）")
    hot.add_argument("--csv", type=Path, required=True, help="输出文件 .csv：前N组的每件工单一行")
    return root


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"应为正整数：{text}") from error
    if value < 1:
        raise argparse.ArgumentTypeError(f"应为正整数：{text}")
    return value


class _Progress:
    """Progress on stderr: a line per stage and per tenth of the tickets read."""

    def __init__(self) -> None:
        self.stage = ""
        self.tenth = -1

    def __call__(self, stage: str, done: int, total: int) -> None:
        from app.analysis.render import STAGES

        tenth = done * 10 // total if total else 10
        if stage == self.stage and (stage != "read" or tenth == self.tenth):
            return
        self.stage, self.tenth = stage, tenth
        detail = f" {done}/{total}" if stage == "read" else ""
        print(f"{STAGES.get(stage, stage)}{detail}", file=sys.stderr, flush=True)


def hotspots(args: argparse.Namespace, store: Store) -> int:
    from app.analysis.hotspots import analyze
    from app.analysis.model import HotspotOptions
    from app.analysis.render import report_text, write_csv

    if args.csv.parent and not args.csv.parent.exists():
        print(f"输出目录不存在：{args.csv.parent}，请先创建或换一个路径。", file=sys.stderr)
        store.close()
        return 2
    period = Period.infer(args.start, args.end)
    with store, store.engine.connect() as conn:
        report = analyze(conn, period, options=HotspotOptions(top=args.top), progress=_Progress())
    rows = write_csv(report, args.csv)
    print(report_text(report))
    print(f"已写出 {rows} 行（前{len(report.groups)}组的全部工单）：{args.csv}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.end < args.start:
        print("结束日期不能早于开始日期。", file=sys.stderr)
        return 2
    data_dir = resolve_data_dir(args.data_dir)
    if not (data_dir / STORE_FILENAME).exists():
        print(f"数据目录中没有工单库：{data_dir / STORE_FILENAME}", file=sys.stderr)
        return 1
    try:
        store = open_store(data_dir, prompt=terminal_prompt, migrate=args.command != "hotspots")
    except StoreKeyError as error:
        print(str(error), file=sys.stderr)
        return STORE_LOCKED_EXIT
    if args.command == "hotspots":
        return hotspots(args, store)
    if args.command == "calls":
        from app.reports.calls import call_report, report_text

        with store, store.engine.connect() as conn:
            print(report_text(call_report(conn, Period.infer(args.start, args.end))))
        return 0
    period = (
        Period(args.start, args.end, PeriodKind(args.kind)) if args.kind
        else Period.infer(args.start, args.end)
    )
    options = ReportOptions(share_base=ShareBase(args.share_base))
    with store, store.engine.connect() as conn:
        if args.command == "brief":
            from app.analysis.hotspots import analyze

            hot = analyze(conn, period, as_of=args.as_of, progress=_Progress())
            print(build_brief(conn, period, options=options, as_of=args.as_of, hotspots=hot).text)
            return 0
        from app.reports.xlsx import write_xlsx

        dashboard = build_dashboard(conn, period, options=options, as_of=args.as_of)
    write_xlsx(dashboard, args.out)
    print(f"已导出：{args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
