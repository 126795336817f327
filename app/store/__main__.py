"""Command line: ``python -m app.store backup|restore --data-dir DIR FILE``.

backup:  an encrypted, consistent copy of the seat's store, taken while the desk may run,
         with ``FILE.key.json`` beside it (which key opens it; nothing secret).
restore: checks FILE first, then replaces the seat's store with it (close the desk first);
         the replaced store is kept in ``DIR/replaced-<time>/``.
"""

import argparse
import sys
from pathlib import Path

from app.paths import resolve_data_dir
from app.store.backup import restore_backup, write_backup
from app.store.keys import StoreKeyError
from app.store.terminal import STORE_LOCKED_EXIT, terminal_prompt
from app.store.unlock import open_store

LOST_KEY_HELP = (
    "密钥丢失时（换了系统用户、重装系统、忘记口令）：已同步到中心的工单都还在中心，"
    "把数据目录改名保留后重新启动、登录并同步即可取回；只有从未同步的工单和草稿需要原来的密钥。"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.store", description="本机工单库的备份与恢复",
                                     epilog=LOST_KEY_HELP)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("backup", "在程序运行时把工单库备份到 FILE（加密，与工单库同一密钥）"),
                            ("restore", "检查 FILE 无误后用它替换本机工单库（请先关闭程序）")):
        command = commands.add_parser(name, help=help_text, epilog=LOST_KEY_HELP)
        command.add_argument("--data-dir", help="座席数据目录（默认见 HOTLINE_DESK_DATA_DIR）")
        command.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    data_dir = resolve_data_dir(args.data_dir)
    try:
        if args.command == "backup":
            with open_store(data_dir, prompt=terminal_prompt) as store:
                summary = write_backup(store, args.file)
            print(f"已备份 {summary.tickets} 条工单到 {summary.path}（加密；"
                  f"{summary.path.name}.key.json 须与它放在一起）")
        else:
            summary = restore_backup(data_dir, args.file, prompt=terminal_prompt)
            print(f"已从 {args.file} 恢复 {summary.tickets} 条工单；原来的工单库保存在 {data_dir} 的 replaced-* 目录中。")
    except StoreKeyError as error:
        print(str(error), file=sys.stderr)
        return STORE_LOCKED_EXIT
    return 0


if __name__ == "__main__":
    sys.exit(main())
