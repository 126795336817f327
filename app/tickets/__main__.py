"""Command line: ``python -m app.tickets import|export --data-dir DIR FILE``."""

import argparse
import sys
from pathlib import Path

from app.paths import resolve_data_dir
from app.seat import open_seat
from app.store.keys import StoreKeyError
from app.store.terminal import STORE_LOCKED_EXIT, terminal_prompt
from app.tickets.exporter import export_queue
from app.tickets.importer import import_file
from app.tickets.lifecycle import record_export
from app.tickets.queue import QueueFilter, QueueSort, describe_filter
from app.tickets.spreadsheet import SpreadsheetError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.tickets", description="工单导入与导出")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("import", "从 CSV/XLSX 导入工单"), ("export", "把工单导出为 CSV/XLSX")):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--data-dir", help="座席数据目录（默认见 HOTLINE_DESK_DATA_DIR）")
        command.add_argument("file", type=Path)
    args = parser.parse_args(argv)

    try:
        seat = open_seat(resolve_data_dir(args.data_dir), prompt=terminal_prompt)
    except StoreKeyError as error:
        print(str(error), file=sys.stderr)
        return STORE_LOCKED_EXIT
    try:
        if args.command == "import":
            if not args.file.exists():
                print(f"找不到文件 {args.file}，请检查路径。", file=sys.stderr)
                return 2
            report = import_file(seat.store, args.file, seat.context)
            if report.unknown_headers:
                print(f"未识别的列（已忽略）：{'、'.join(report.unknown_headers)}")
            for row_number, reason in report.errors:
                print(f"第{row_number}行：{reason}")
            print(report.summary())
            return 1 if report.errors else 0
        with seat.store.raw_connection() as connection:
            summary = export_queue(connection, args.file, QueueFilter(), QueueSort())
        with seat.store.session() as session, session.begin():  # audited as the window's exports are
            record_export(session, rows=summary.rows, file_format=args.file.suffix.lstrip(".").lower(),
                          description=describe_filter(QueueFilter()), context=seat.context,
                          confidential_rows=summary.confidential)
        print(f"已导出 {summary.rows} 条工单到 {args.file}")
        return 0
    except SpreadsheetError as error:
        print(str(error), file=sys.stderr)
        return 2
    finally:
        seat.close()


if __name__ == "__main__":
    sys.exit(main())
